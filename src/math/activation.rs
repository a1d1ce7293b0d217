//! Activations and their derivatives, written so that a derivative is never
//! rounded to exactly zero while the true value is still representable.
//!
//! `1 - tanh(z)^2` becomes exactly 0 once tanh(z) rounds to 1 (|z| > ~19), which
//! would make a vanishing gradient look like a vanished one (log10 = -inf).
//! sech^2 and e^{-|z|}/(1+e^{-|z|})^2 keep the tiny true value instead.

/// sigma(z) = 1 / (1 + e^{-z}), evaluated without overflow for either sign:
/// 1 / (1 + e^{−|z|}) for z ≥ 0, e^{−|z|} / (1 + e^{−|z|}) below. Written
/// with a select, not a branch, so that a loop over a row of gates
/// vectorises (the cells' steps; `inline(always)` lets it into their loops).
#[inline(always)]
pub fn sigmoid(z: f64) -> f64 {
    let e = exp(-z.abs());
    let num = if z >= 0.0 { 1.0 } else { e };
    num / (1.0 + e)
}

/// e^x within 1 ulp of libm's `exp`, without a branch or a call, so that
/// loops over it vectorise: the sigmoid and tanh of every gate go through it
/// (libm's `exp` and the branches around it were about a sixth of an LSTM
/// sweep's time). The method is that of fdlibm's `e_exp.c` (Sun
/// Microsystems, 1993; also FreeBSD's and musl's): write x = k ln 2 + r with
/// |r| ≤ ln(2)/2, take e^r = 1 + r + r·c/(2 − c) with c from a degree-10
/// Remez polynomial in r, then multiply by 2^k. 2^k is built from its bits in
/// two factors, so that subnormal results (x < −708) round once and x > 709.78
/// overflows to ∞. NaN in, NaN out; ±∞ give ∞ and 0.
#[allow(clippy::excessive_precision)] // fdlibm's constants, digit for digit
#[inline(always)]
pub fn exp(x: f64) -> f64 {
    const INV_LN2: f64 = std::f64::consts::LOG2_E; // 1/ln 2, fdlibm's invln2
    const LN2_HI: f64 = 6.931_471_803_691_238_164_90e-1; // ln 2 to 32 bits: k·LN2_HI is exact
    const LN2_LO: f64 = 1.908_214_929_270_587_700_02e-10; // the rest of ln 2
    const P: [f64; 5] = [
        1.666_666_666_666_660_190_37e-1,
        -2.777_777_777_701_559_338_42e-3,
        6.613_756_321_437_934_361_17e-5,
        -1.653_390_220_546_525_153_90e-6,
        4.138_136_797_057_238_460_39e-8,
    ];
    // Beyond these e^x is 0 or ∞ in f64; clamping keeps k in range.
    let x = x.clamp(-746.0, 710.0);
    let k = round_even(x * INV_LN2);
    let hi = x - k * LN2_HI;
    let lo = k * LN2_LO;
    let r = hi - lo;
    let r2 = r * r;
    let c = r - r2 * (P[0] + r2 * (P[1] + r2 * (P[2] + r2 * (P[3] + r2 * P[4]))));
    let y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
    // k is in −1076..=1024: two normal powers of two, the first product exact.
    let k1 = k.clamp(-1000.0, 1000.0);
    y * pow2(k1) * pow2(k - k1)
}

/// 1.5 · 2^52: adding it to |v| < 2^51 leaves v rounded to a whole number
/// (ties to even) in the low bits of the sum.
const SHIFTER: f64 = 6_755_399_441_055_744.0;

/// v rounded to the nearest whole number, ties to even, for |v| < 2^51
/// (`f64::round` is a libm call on baseline x86-64, and rounds ties away).
#[inline(always)]
fn round_even(v: f64) -> f64 {
    (v + SHIFTER) - SHIFTER
}

/// 2^k for a whole number k in −1022..=1023, from its exponent bits.
#[inline(always)]
fn pow2(k: f64) -> f64 {
    let biased = (k + SHIFTER).to_bits().wrapping_sub(SHIFTER.to_bits()).wrapping_add(1023);
    f64::from_bits(biased << 52)
}

/// tanh(z) by Cody and Waite's method ("Software Manual for the Elementary
/// Functions", 1980, ch. 13): above ln(3)/2, 1 − 2/(e^{2|z|} + 1) with one
/// `exp` (the subtraction loses no accuracy there, the result being ≥ 1/2);
/// below it, z + z·g·P(g)/Q(g) with g = z² and their rational coefficients.
/// Within a few ulps of libm's `tanh`, which computes `expm1` at every size
/// and costs several times as much (it was most of the LSTM's and GRU's
/// forward pass).
#[allow(clippy::excessive_precision)] // the coefficients as published, digit for digit
#[inline(always)]
pub fn tanh(z: f64) -> f64 {
    const P: [f64; 3] =
        [-0.161_341_190_239_962_280_53e4, -0.992_259_296_722_360_833_13e2, -0.964_374_927_772_254_697_87];
    const Q: [f64; 3] =
        [0.484_023_570_719_886_886_86e4, 0.223_377_207_189_623_129_26e4, 0.112_744_743_805_349_493_35e3];
    const LN3_HALF: f64 = 0.549_306_144_334_054_845_70;
    let f = z.abs();
    // Both forms, then a select rather than a branch, so that loops over
    // tanh vectorise (each form's value where it is not chosen is unused).
    // e^{2|z|} overflows to ∞ past |z| ≈ 354, giving exactly ±1 as it should.
    let r = 0.5 - 1.0 / (exp(f + f) + 1.0);
    let large = (r + r).copysign(z);
    let g = z * z;
    let p = ((P[2] * g + P[1]) * g + P[0]) * g;
    let q = ((g + Q[2]) * g + Q[1]) * g + Q[0];
    let small = z + z * (p / q); // also NaN in, NaN out
    if f > LN3_HALF { large } else { small }
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
/// The cells call `tanh_grad_at` with tanh(z) they already have; this form
/// from z alone is the one the tests check against finite differences.
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
