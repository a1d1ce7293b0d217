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
