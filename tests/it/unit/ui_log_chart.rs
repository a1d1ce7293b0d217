//! Tests of `deepstep::ui::log_chart` (`src/ui/log_chart.rs`).

use deepstep::ui::log_chart::*;
use ratatui::widgets::LegendPosition;

fn labels(values: &[f64]) -> ((f64, f64), Vec<String>) {
    let (b, l) = decades(values.iter());
    (b, l.iter().map(|l| l.to_string()).collect())
}

#[test]
fn labels_fall_on_whole_steps_that_divide_the_bounds() {
    // 1.377e5 is above 1e5: the axis reaches 1e6, one label per decade.
    assert_eq!(labels(&[0.0, 5.139]), ((0.0, 6.0), ["1e0", "1e2", "1e4", "1e6"].map(String::from).to_vec()));
    assert_eq!(labels(&[-2.5, 1.2]), ((-3.0, 3.0), ["1e-3", "1e-1", "1e1", "1e3"].map(String::from).to_vec()));
    for vals in [[0.0, 1.0], [-300.0, 477.0], [3.2, 3.3], [-0.5, -0.4]] {
        let ((lo, hi), ls) = labels(&vals);
        assert!(lo <= vals[0] && hi >= vals[1] && hi > lo, "{vals:?}: {lo}..{hi}");
        assert!(ls.len() as i64 <= MAX_LABELS && ls.len() >= 2, "{vals:?}: {ls:?}");
        // Evenly spread labels name evenly spaced decades from lo to hi.
        let step = (hi - lo) / (ls.len() - 1) as f64;
        for (i, l) in ls.iter().enumerate() {
            assert_eq!(l, &format!("1e{}", (lo + step * i as f64) as i64), "{vals:?}");
        }
    }
    assert_eq!(labels(&[f64::NAN]).0, (-1.0, 1.0));
}

#[test]
fn the_legend_goes_where_the_data_is_not() {
    let rising: Vec<(f64, f64)> = (0..20).map(|i| (i as f64, i as f64)).collect();
    assert_eq!(emptiest_corner(&rising), LegendPosition::TopLeft);
    let falling: Vec<(f64, f64)> = (0..20).map(|i| (i as f64, -(i as f64))).collect();
    assert_eq!(emptiest_corner(&falling), LegendPosition::TopRight);
    let high: Vec<(f64, f64)> =
        (0..20).map(|i| (i as f64, if i % 2 == 0 { 10.0 } else { 9.0 })).chain([(0.0, 0.0)]).collect();
    assert!(matches!(emptiest_corner(&high), LegendPosition::BottomRight));
}
