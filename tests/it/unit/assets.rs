//! Tests of `deepstep::assets` (`src/assets.rs`).

use deepstep::assets::*;

#[test]
fn embedded_data_loads() {
    let t = counting_tutorial().unwrap();
    assert_eq!(t.x.dim(), (20, 10));
    let sums: Vec<f64> = t.x.rows().into_iter().map(|r| r.sum()).collect();
    assert_eq!(sums, t.targets, "targets are the number of ones");
    let d = digits().unwrap();
    assert_eq!(d.len(), 10);
    assert!(d.iter().enumerate().all(|(i, g)| g.label as usize == i && g.pixels.dim() == (8, 8)));
}
