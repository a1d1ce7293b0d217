//! Tests of `deepstep::math::fresh` (`src/math/fresh.rs`).

use deepstep::math::fresh::zeros;

#[test]
fn fresh_arrays_are_zeros_of_their_shape_and_writable() {
    // Below the size worth a call, just above it, large, and empty.
    for shape in [(3, 4), (8, 1024), (1001, 257), (0, 5), (5, 0)] {
        let mut a = zeros(shape);
        assert_eq!(a.dim(), shape);
        assert!(a.iter().all(|v| *v == 0.0), "{shape:?}");
        a.fill(1.5);
        assert_eq!(a.sum(), 1.5 * (shape.0 * shape.1) as f64, "{shape:?}");
    }
}
