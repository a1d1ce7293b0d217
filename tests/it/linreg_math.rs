//! The regression lab's chart data (`math::linreg`) against the definitions
//! written out, where `cargo mutants` found changes the other tests did not
//! notice.

use deepstep::math::linreg;
use ndarray::array;

/// The model's line: (x, β0 + β1·x) at each x asked for; a model with only
/// an intercept is the flat line β0.
#[test]
fn line_points_are_the_model_at_each_x() {
    let xs = [-1.5, 0.0, 0.25, 2.0];
    let got = linreg::line_points(array![2.0, 7.0].view(), &xs);
    let want: Vec<(f64, f64)> = xs.iter().map(|x| (*x, 2.0 + 7.0 * x)).collect();
    assert_eq!(got, want);
    let flat = linreg::line_points(array![-3.0].view(), &xs);
    assert_eq!(flat, xs.iter().map(|x| (*x, -3.0)).collect::<Vec<_>>());
    assert!(linreg::line_points(array![1.0, 1.0].view(), &[]).is_empty());
}

/// The loss curve on a log scale: (step, log10 loss) for every positive
/// loss, each at its own step; a loss of exactly 0 (a perfect fit) has no
/// logarithm and is left out rather than drawn at −∞.
#[test]
fn the_log_curve_keeps_each_positive_loss_at_its_step() {
    let got = linreg::log10_curve(&[100.0, 0.0, 0.01, 1.0, 0.0]);
    assert_eq!(got, vec![(0.0, 2.0), (2.0, -2.0), (3.0, 0.0)]);
    assert!(linreg::log10_curve(&[0.0]).is_empty());
}
