//! The numbers a chart's axes show: the range that holds the data, rounded
//! out to whole numbers, and the ticks along it. Charts draw them; this
//! chooses them, so every number on screen comes from `math`.

/// The smallest whole-number range [floor(min), ceil(max)] around `values`,
/// at least 1 wide ([0, 1] for no finite value).
pub fn whole_bounds(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let lo = lo.floor();
    (lo, hi.ceil().max(lo + 1.0))
}

/// The range of `values` widened by `frac` of its span on each side (a
/// flat range by a sliver of its size, so it never has zero height).
pub fn padded_bounds(values: impl IntoIterator<Item = f64>, frac: f64) -> (f64, f64) {
    let (lo, hi) = values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let pad = (frac * (hi - lo)).max(1e-9 * hi.abs().max(1.0));
    (lo - pad, hi + pad)
}

/// Ticks along [0, hi] for a chart that spaces its labels evenly: the ends,
/// and the middle only where it is a whole number (a rounded middle, 1 for
/// 0.5 or 15 for 14.5, would stand where its value is not).
pub fn ticks_from_zero(hi: f64) -> Vec<f64> {
    let mid = hi / 2.0;
    if mid.fract() == 0.0 && mid > 0.0 { vec![0.0, mid, hi] } else { vec![0.0, hi] }
}
