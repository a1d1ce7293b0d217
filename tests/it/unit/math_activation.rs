//! Tests of `deepstep::math::activation` (`src/math/activation.rs`).

use deepstep::math::activation::*;

fn central(f: impl Fn(f64) -> f64, z: f64) -> f64 {
    let h = 1e-5;
    (f(z + h) - f(z - h)) / (2.0 * h)
}

/// `tanh` against libm's: within 2 ulps (relative 4.5e-16) everywhere
/// checked, densely across both branches and their boundary, exact at
/// 0, ±1 beyond |z| ≈ 19, odd, and NaN for NaN.
#[test]
fn tanh_agrees_with_libm() {
    let mut worst: f64 = 0.0;
    let mut check = |z: f64| {
        let (got, want) = (tanh(z), z.tanh());
        let rel = if want == 0.0 { got.abs() } else { ((got - want) / want).abs() };
        worst = worst.max(rel);
        assert_eq!(tanh(-z), -got, "odd at {z}");
    };
    for i in 0..=200_000 {
        check(i as f64 * 1e-4); // 0..20 in steps of 1e-4
    }
    for i in -1000..=1000 {
        check(3f64.ln() / 2.0 + i as f64 * 1e-15); // the branch boundary, ln(3)/2
    }
    for e in -320..3 {
        check(1.234_567 * 10f64.powi(e)); // tiny to large
    }
    assert!(worst < 4.5e-16, "worst relative error {worst:e}");
    assert_eq!(tanh(0.0), 0.0);
    assert_eq!(tanh(20.0), 1.0);
    assert_eq!(tanh(-800.0), -1.0);
    assert_eq!(tanh(f64::INFINITY), 1.0);
    assert!(tanh(f64::NAN).is_nan());
}

#[test]
fn derivatives_match_finite_differences() {
    for &z in &[-8.0, -2.5, -0.3, 0.0, 0.7, 3.0, 9.0] {
        assert!((sigmoid_grad(z) - central(sigmoid, z)).abs() < 1e-8, "sigmoid' at {z}");
        assert!((tanh_grad(z) - central(f64::tanh, z)).abs() < 1e-8, "tanh' at {z}");
        assert!(sigmoid_grad_at(sigmoid(z), z) > 0.0);
        assert!((sigmoid_grad_at(sigmoid(z), z) - sigmoid_grad(z)).abs() < 1e-15);
    }
}

/// ln σ'(z) = −|z| − 2 ln(1 + e^{−|z|}) and ln tanh'(z) = ln 4 − 2|z| −
/// 2 ln(1 + e^{−2|z|}): written in logs with `ln_1p`, so they stay
/// accurate where the derivatives themselves are far below 1e−300.
fn ln_sigmoid_grad(z: f64) -> f64 {
    -z.abs() - 2.0 * (-z.abs()).exp().ln_1p()
}

fn ln_tanh_grad(z: f64) -> f64 {
    4f64.ln() - 2.0 * z.abs() - 2.0 * (-2.0 * z.abs()).exp().ln_1p()
}

#[test]
fn saturated_derivatives_match_the_log_domain_reference() {
    // Both branches of each `_at` form, up to where the value underflows.
    for &z in &[0.5, 1.2, 1.5, 3.0, 7.6, 19.0, 25.0, 40.0, 200.0, 350.0] {
        for z in [z, -z] {
            let (s, t) = (sigmoid(z), z.tanh());
            let close = |got: f64, want_ln: f64| (got.ln() - want_ln).abs() < 1e-9;
            assert!(close(sigmoid_grad_at(s, z), ln_sigmoid_grad(z)), "σ' at {z}: {}", sigmoid_grad_at(s, z));
            assert!(close(sigmoid_grad(z), ln_sigmoid_grad(z)), "σ' at {z}");
            assert!(close(tanh_grad_at(t, z), ln_tanh_grad(z)), "tanh' at {z}: {}", tanh_grad_at(t, z));
            assert!(close(tanh_grad(z), ln_tanh_grad(z)), "tanh' at {z}");
        }
    }
    // σ' is still a normal number at |z| = 700 (e^{−700} ≈ 1e−304), where
    // e^{+|z|} squared would overflow: the form in e^{−|z|} keeps it.
    for z in [500.0, 700.0, -700.0] {
        let s = sigmoid(z);
        assert!((sigmoid_grad_at(s, z).ln() - ln_sigmoid_grad(z)).abs() < 1e-9, "σ' at {z}");
    }
}

/// Away from saturation the derivatives are autograd's own formulas,
/// s(1 − s) and 1 − t², to the last bit (the stable forms take over only
/// where those lose their digits).
#[test]
fn ordinary_derivatives_are_autograds_formulas_exactly() {
    for k in -140..=140 {
        let z = k as f64 * 0.05 + 0.013;
        let (s, t) = (sigmoid(z), z.tanh());
        if (0.0011..0.9989).contains(&s) {
            assert_eq!(sigmoid_grad_at(s, z).to_bits(), (s * (1.0 - s)).to_bits(), "σ' at {z}");
        }
        if t.abs() < 0.89 {
            assert_eq!(tanh_grad_at(t, z).to_bits(), (1.0 - t * t).to_bits(), "tanh' at {z}");
        }
    }
}

#[test]
fn saturated_derivatives_stay_positive() {
    assert!(tanh_grad(40.0) > 0.0 && tanh_grad(-40.0) > 0.0);
    assert!(sigmoid_grad(80.0) > 0.0 && sigmoid_grad(-80.0) > 0.0);
    assert!((sigmoid(-800.0)).is_finite() && sigmoid(800.0) == 1.0);
}

/// How many representable f64 values apart a and b are (same sign).
fn ulps_apart(a: f64, b: f64) -> u64 {
    (a.to_bits() as i64 - b.to_bits() as i64).unsigned_abs()
}

#[test]
fn exp_agrees_with_libm_to_one_ulp() {
    let mut worst = 0;
    let mut check = |x: f64| {
        let (got, want) = (exp(x), x.exp());
        worst = worst.max(ulps_apart(got, want));
        assert!(worst <= 1, "e^{x}: {got:e}, libm {want:e}");
    };
    // The whole range, through the subnormal results below x ≈ −708 and
    // up to the last finite one at 709.78; then the reduction's pieces:
    // near 0, near the rounding boundaries of k (x = (k ± 1/2) ln 2).
    for i in 0..=2_000_000 {
        check(-745.2 + i as f64 * 7.275e-4);
    }
    for i in -10_000..=10_000 {
        check(i as f64 * 1e-7);
    }
    for k in -1074..=1023 {
        for d in [-1e-12, 0.0, 1e-12] {
            check((k as f64 + 0.5) * std::f64::consts::LN_2 + d);
        }
    }
    assert_eq!(exp(0.0), 1.0);
    assert_eq!(exp(709.78), 709.78f64.exp()); // finite, near the top
    assert_eq!(exp(709.79), f64::INFINITY);
    assert_eq!(exp(-745.13), 5e-324); // the smallest subnormal
    assert_eq!(exp(-745.14), 0.0);
    assert_eq!((exp(f64::INFINITY), exp(f64::NEG_INFINITY)), (f64::INFINITY, 0.0));
    assert_eq!((exp(1e300), exp(-1e300)), (f64::INFINITY, 0.0));
    assert!(exp(f64::NAN).is_nan());
}

#[test]
fn sigmoid_is_within_two_ulps_of_its_libm_form() {
    // The same formula with libm's exp: only exp's last bit may differ.
    let libm = |z: f64| {
        let e = (-z.abs()).exp();
        if z >= 0.0 { 1.0 / (1.0 + e) } else { e / (1.0 + e) }
    };
    for i in -200_000..=200_000 {
        let z = i as f64 * 4e-3; // −800..800: both tails, to 0 and to 1
        assert!(ulps_apart(sigmoid(z), libm(z)) <= 2, "σ({z}): {:e} vs {:e}", sigmoid(z), libm(z));
    }
    assert_eq!((sigmoid(0.0), sigmoid(800.0), sigmoid(-800.0)), (0.5, 1.0, 0.0));
    assert!(sigmoid(-720.0) > 0.0, "a subnormal gate is still a number");
    assert!(sigmoid(f64::NAN).is_nan());
}
