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
