//! Tests of `deepstep::math::axis` (`src/math/axis.rs`).

use deepstep::math::axis::*;

#[test]
fn bounds_are_whole_numbers_around_the_data() {
    assert_eq!(whole_bounds([0.2, 3.7, -1.5]), (-2.0, 4.0));
    // At least one unit wide, and the ends of an empty or infinite set are [0, 1].
    assert_eq!(whole_bounds([2.0, 2.0]), (2.0, 3.0));
    assert_eq!(whole_bounds([]), (0.0, 1.0));
    assert_eq!(whole_bounds([f64::NAN, 1.5, f64::INFINITY]), (1.0, 2.0));
}

#[test]
fn ticks_are_the_ends_and_a_whole_middle_only() {
    assert_eq!(ticks_from_zero(40.0), [0.0, 20.0, 40.0]);
    // D25: the middle label stands at hi/2, so a rounded one would be wrong there.
    assert_eq!(ticks_from_zero(7.0), [0.0, 7.0]);
    assert_eq!(ticks_from_zero(1.0), [0.0, 1.0]);
    assert_eq!(ticks_from_zero(29.0), [0.0, 29.0]);
}

#[test]
fn padded_bounds_widen_the_range_and_never_collapse() {
    assert_eq!(padded_bounds([0.0, 10.0], 0.05), (-0.5, 10.5));
    let (lo, hi) = padded_bounds([3.0, 3.0], 0.05);
    assert!(lo < 3.0 && hi > 3.0);
    assert_eq!(padded_bounds([f64::NAN], 0.05), (0.0, 1.0));
}
