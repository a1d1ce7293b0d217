//! The one number formatter: every number on screen and in printed output
//! goes through `num`, so the same value always reads the same way.
//!
//! - exact integers (below 1e9) print without decimals: `219`, `-3`;
//! - other values print with 4 significant digits, trailing zeros dropped:
//!   `0.8342`, `12.35`;
//! - scientific notation outside 1e-3..1e4: `1.235e-5`, `6.02e23`;
//! - `overflow` / `-overflow` for values beyond f64, `undefined` for NaN, so
//!   neither `inf` nor `NaN` ever reaches the learner.

/// `x` as `num` writes it, with more digits where `num`'s rounding would
/// put it on the other side of `mark` or on it (0.99996 is "1" to `num`,
/// beside words that say "< 1"): the printed number then reads on the
/// same side of `mark` as `x` does.
pub fn num_beside(x: f64, mark: f64) -> String {
    let side = |v: f64| v.partial_cmp(&mark);
    let s = num(x);
    if !x.is_finite() || s.parse::<f64>().ok().and_then(side) == side(x) {
        return s;
    }
    (SIG + 1..=17)
        .map(|digits| trim_zeros(&format!("{x:.*}", digits)))
        .find(|t| t.parse::<f64>().ok().and_then(side) == side(x))
        .unwrap_or_else(|| exact(x))
}

/// Significant digits for non-integers.
const SIG: usize = 4;

pub fn num(x: f64) -> String {
    if x.is_nan() {
        return "undefined".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "overflow" } else { "-overflow" }.to_string();
    }
    if x == 0.0 {
        return "0".to_string(); // also -0.0
    }
    if x.fract() == 0.0 && x.abs() < 1e9 {
        return format!("{x:.0}");
    }
    let a = x.abs();
    if !(1e-3..1e4).contains(&a) {
        return sci(x);
    }
    let digits_before = a.log10().floor() as i32 + 1;
    let decimals = (SIG as i32 - digits_before).max(0) as usize;
    let s = format!("{x:.decimals$}");
    // Rounding can carry into a new digit (9999.5 -> "10000"): still fine.
    trim_zeros(&s)
}

/// `num` for a computed value that may happen to be whole: from 1e4 on it is
/// written in e-notation like every other large value beside it (16320384
/// as 1.632e7, not as a long integer); smaller whole values stay exact.
pub fn num_value(x: f64) -> String {
    if x.is_finite() && x.fract() == 0.0 && x.abs() >= 1e4 { sci(x) } else { num(x) }
}

/// A value given by its base-10 logarithm, for magnitudes beyond f64
/// (an exploding gradient norm of 10^477 is shown as `1e477`, not overflow).
pub fn pow10(log10: f64) -> String {
    if !log10.is_finite() {
        return if log10 > 0.0 { "overflow" } else { "0" }.to_string();
    }
    if log10.abs() < 300.0 {
        return num(10f64.powf(log10));
    }
    let exp = log10.floor();
    let mant = 10f64.powf(log10 - exp);
    let (mant, exp) = if format!("{mant:.3}") == "10.000" { (1.0, exp + 1.0) } else { (mant, exp) };
    format!("{}e{}", trim_zeros(&format!("{mant:.3}")), exp as i64)
}

/// e^x written out at any size from its natural log x (e^3142 is
/// 10^1364.7: beyond f64, not beyond writing), so a likelihood product is
/// never shown as `overflow`.
pub fn exp_e(x: f64) -> String {
    pow10(x / std::f64::consts::LN_10)
}

/// `pow10(log10)`, with more digits where rounding would put a factor
/// just below or above 1 on 1 (see `num_beside`).
pub fn pow10_beside_one(log10: f64) -> String {
    if log10.is_finite() && log10.abs() < 300.0 { num_beside(10f64.powf(log10), 1.0) } else { pow10(log10) }
}

/// A sign-magnitude value `sign × 10^log10`.
pub fn signed_pow10(sign: f64, log10: f64) -> String {
    let s = pow10(log10);
    if sign < 0.0 && s != "0" { format!("-{s}") } else { s }
}

/// A number as an operand in written-out arithmetic: negatives in parentheses,
/// `11×2 + 23×(-1)`.
pub fn operand(x: f64) -> String {
    let s = num(x);
    if s.starts_with('-') { format!("({s})") } else { s }
}

fn sci(x: f64) -> String {
    let s = format!("{:.*e}", SIG - 1, x);
    match s.split_once('e') {
        Some((m, e)) => format!("{}e{}", trim_zeros(m), e),
        None => s,
    }
}

fn trim_zeros(s: &str) -> String {
    if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s.to_string() }
}

/// Full precision for machine-readable output (`--print` matrices): the
/// shortest text that reads back as the same f64, integers without `.0`.
pub fn exact(x: f64) -> String {
    let mut s = String::new();
    exact_into(&mut s, x);
    s
}

/// `exact(x)` appended to `out`, without a String of its own (the sweep's
/// CSV writes a thousand of them).
pub fn exact_into(out: &mut String, x: f64) {
    use std::fmt::Write;
    match x {
        _ if x.is_nan() => out.push_str("undefined"),
        0.0 => out.push('0'), // and −0.0, which `{}` writes as "-0"
        _ => {
            let _ = write!(out, "{x}"); // ±∞ as "inf" and "-inf"
        }
    }
}

/// `part` of `whole` as a whole percent, rounded half up; `None` of nothing.
pub fn percent(part: usize, whole: usize) -> Option<usize> {
    (100 * part + whole / 2).checked_div(whole)
}

/// A value that is exactly a small fraction written as one ("1/9" for a
/// box blur's weight, where `num` would show the rounded 0.1111); any other
/// value as `num` writes it.
pub fn fraction(x: f64) -> String {
    if x.is_finite() && x.fract() != 0.0 {
        for q in 2..=16i64 {
            let p = (x * q as f64).round();
            // The smallest denominator that fits is already in lowest terms.
            if p.abs() <= 99.0 && (x - p / q as f64).abs() <= 1e-12 * x.abs().max(1.0) {
                return format!("{}/{q}", p as i64);
            }
        }
    }
    num(x)
}
