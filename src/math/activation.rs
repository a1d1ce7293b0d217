//! Activations and their derivatives, written so that a derivative is never
//! rounded to exactly zero while the true value is still representable.
//!
//! `1 - tanh(z)^2` becomes exactly 0 once tanh(z) rounds to 1 (|z| > ~19), which
//! would make a vanishing gradient look like a vanished one (log10 = -inf).
//! sech^2 and e^{-|z|}/(1+e^{-|z|})^2 keep the tiny true value instead.

/// sigma(z) = 1 / (1 + e^{-z}), evaluated without overflow for either sign.
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// tanh(z) by Cody and Waite's method ("Software Manual for the Elementary
/// Functions", 1980, ch. 13): above ln(3)/2, 1 − 2/(e^{2|z|} + 1) with one
/// `exp` (the subtraction loses no accuracy there, the result being ≥ 1/2);
/// below it, z + z·g·P(g)/Q(g) with g = z² and their rational coefficients.
/// Within a few ulps of libm's `tanh`, which computes `expm1` at every size
/// and costs several times as much: the LSTM and GRU spend most of their
/// forward pass here.
#[allow(clippy::excessive_precision)] // the coefficients as published, digit for digit
pub fn tanh(z: f64) -> f64 {
    const P: [f64; 3] =
        [-0.161_341_190_239_962_280_53e4, -0.992_259_296_722_360_833_13e2, -0.964_374_927_772_254_697_87];
    const Q: [f64; 3] =
        [0.484_023_570_719_886_886_86e4, 0.223_377_207_189_623_129_26e4, 0.112_744_743_805_349_493_35e3];
    const LN3_HALF: f64 = 0.549_306_144_334_054_845_70;
    let f = z.abs();
    if f > LN3_HALF {
        // exp overflows to ∞ past |z| ≈ 354, giving exactly ±1 as it should.
        let r = 0.5 - 1.0 / ((f + f).exp() + 1.0);
        (r + r).copysign(z)
    } else {
        // Also NaN in, NaN out.
        let g = z * z;
        let p = ((P[2] * g + P[1]) * g + P[0]) * g;
        let q = ((g + Q[2]) * g + Q[1]) * g + Q[0];
        z + z * (p / q)
    }
}

/// sigma'(z) = sigma(z)(1 - sigma(z)) = e^{-|z|} / (1 + e^{-|z|})^2.
pub fn sigmoid_grad(z: f64) -> f64 {
    let e = (-z.abs()).exp();
    e / ((1.0 + e) * (1.0 + e))
}

/// sigma'(z) given s = sigma(z) already computed: s(1 - s) while that is
/// accurate (no cancellation), else the stable form.
pub fn sigmoid_grad_at(s: f64, z: f64) -> f64 {
    if s > 1e-3 && s < 0.999 { s * (1.0 - s) } else { sigmoid_grad(z) }
}

/// tanh'(z) = 1 - tanh(z)^2 = sech^2(z) = 4 e^{-2|z|} / (1 + e^{-2|z|})^2.
pub fn tanh_grad(z: f64) -> f64 {
    tanh_grad_at(z.tanh(), z)
}

/// tanh'(z) given t = tanh(z) already computed.
pub fn tanh_grad_at(t: f64, z: f64) -> f64 {
    if t.abs() < 0.9 {
        1.0 - t * t // accurate here, and what autograd computes
    } else {
        let e = (-2.0 * z.abs()).exp();
        4.0 * e / ((1.0 + e) * (1.0 + e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
