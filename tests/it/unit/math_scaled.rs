//! Tests of `deepstep::math::scaled` (`src/math/scaled.rs`).

use deepstep::math::scaled::*;
use ndarray::array;

#[test]
fn ordinary_values_are_untouched() {
    let mut s = Scaled::plain(array![3.0, 4.0]);
    s.renormalise();
    assert_eq!(s.log10_scale, 0.0);
    assert_eq!(s.norm(), 5.0);
    s.add_scaled(&array![1.0, 1.0], 0.0);
    assert_eq!(s.to_plain(), array![4.0, 5.0]);
}

#[test]
fn huge_values_keep_their_log_norm() {
    let mut s = Scaled::plain(array![3e200, 4e200]);
    s.renormalise();
    assert!(s.log10_scale > 0.0);
    assert!((s.log10_norm() - (5e200f64).log10()).abs() < 1e-12);
    // Multiply by 1e300 four times: far beyond f64, log stays right.
    for _ in 0..4 {
        s.mantissa.mapv_inplace(|v| v * 1e300);
        s.renormalise();
    }
    assert!((s.log10_norm() - (1200.0 + 5e200f64.log10())).abs() < 1e-9);
    assert!(s.norm().is_infinite());
    // A zero value takes on the scale of what is added to it.
    let mut z = Scaled::plain(array![0.0, 0.0]);
    z.add_scaled(&array![3.0, 4.0], -500.0);
    assert!((z.log10_norm() + 500.0 - 5f64.log10()).abs() < 1e-12);
    // Adding an ordinary value to a huge one leaves the huge one.
    s.add_scaled(&array![1.0, 1.0], 0.0);
    assert!((s.log10_norm() - (1200.0 + 5e200f64.log10())).abs() < 1e-9);
}

/// Inside f64's comfortable range the norm is the plain sum of squares,
/// bit for bit; outside it (squares that overflow or underflow) the
/// scaled sum gives the same value to rounding.
#[test]
fn norms_are_plain_inside_the_range_and_exact_outside() {
    let mut r = deepstep::math::rng::Rng::new(3);
    for n in [1, 2, 5, 17] {
        let v: Vec<f64> = (0..n).map(|_| r.normal() * 1e3).collect();
        let plain = v.iter().map(|x| x * x).sum::<f64>().sqrt();
        assert_eq!(norm(v.iter().copied()).to_bits(), plain.to_bits(), "{v:?}");
        for scale in [1e-200, 1e200] {
            let big: Vec<f64> = v.iter().map(|x| x * scale).collect();
            let got = norm(big.iter().copied());
            assert!((got / (plain * scale) - 1.0).abs() < 1e-14, "{n} at {scale:e}: {got:e}");
        }
    }
    assert_eq!(norm([0.0, 0.0].into_iter()), 0.0);
    assert_eq!(norm([1.0, f64::INFINITY].into_iter()), f64::INFINITY);
}

/// Values past f64 as numbers: the true entries where they fit again.
#[test]
fn plain_values_and_sums_across_scales() {
    // 1e−300 × 10^400 = 1e100, though 10^400 alone is beyond f64.
    let s = Scaled { mantissa: array![1e-300, -2e-300], log10_scale: 400.0 };
    let p = s.to_plain();
    assert!((p[0] / 1e100 - 1.0).abs() < 1e-12 && (p[1] / -2e100 - 1.0).abs() < 1e-12, "{p}");
    // And 1e100 × 10^−330 = 1e−230, though 10^−330 alone rounds to 0.
    let s = Scaled { mantissa: array![1e100], log10_scale: -330.0 };
    assert!((s.to_plain()[0] / 1e-230 - 1.0).abs() < 1e-12, "{}", s.to_plain());
    let s = Scaled { mantissa: array![1.5, 0.0], log10_scale: 3.0 };
    assert_eq!(s.to_plain(), array![1500.0, 0.0]);
    assert!((s.norm() - 1500.0).abs() < 1e-9);
    // Adding at a smaller and at a larger scale: (1000, 2000) + (50, 60), both ways.
    for (mine, theirs) in
        [((array![1.0, 2.0], 3.0), (array![5.0, 6.0], 1.0)), ((array![5.0, 6.0], 1.0), (array![1.0, 2.0], 3.0))]
    {
        let mut a = Scaled { mantissa: mine.0, log10_scale: mine.1 };
        a.add_scaled(&theirs.0, theirs.1);
        let got = a.to_plain();
        assert!((got[0] - 1050.0).abs() < 1e-9 && (got[1] - 2060.0).abs() < 1e-9, "{got}");
        assert_eq!(a.log10_scale, 3.0, "the larger scale is kept");
    }
}

#[test]
fn tiny_values_stay_nonzero() {
    let mut s = Scaled::plain(array![1e-200]);
    s.renormalise();
    for _ in 0..3 {
        s.mantissa.mapv_inplace(|v| v * 1e-200);
        s.renormalise();
    }
    assert!((s.log10_norm() + 800.0).abs() < 1e-9);
    assert_eq!(s.to_plain()[0], 0.0);
}
