//! What the lab measures from a run: the factor per step back, the rate far
//! from the loss, the reference line; and the lab's loss and inputs.

use crate::math::rng::Rng;
use ndarray::Array2;

/// log10 of the factor ||dL/dh_{t−1}|| / ||dL/dh_t|| for each step back
/// (entry t−2 for t = 2..T), None where either gradient is zero.
pub fn step_factors_log10(dh_log10: &[f64]) -> Vec<Option<f64>> {
    dh_log10.windows(2).map(|w| (w[0].is_finite() && w[1].is_finite()).then(|| w[0] - w[1])).collect()
}

/// With the loss on h_T alone (`loss_on_last`), the step BPTT reached whose
/// dL/dh_t is exactly 0, the nearest to T: in exact arithmetic every reached
/// step's gradient is a product of non-zero factors (tanh′ and σ′ are
/// positive, the seeded weights full rank), and the scaled rows keep the
/// power of ten between steps, so a 0 there is one step whose product f64
/// rounded to 0: units saturated so far (|z| of a few hundred) that their
/// slope times the gradient falls below f64's smallest number.
/// Reached: t ≥ T − k with a truncation window k, else every step.
pub fn underflowed_step(dh_log10: &[f64], truncation: Option<usize>) -> Option<usize> {
    let t_len = dh_log10.len();
    let first = truncation.map_or(1, |k| t_len.saturating_sub(k).max(1));
    (first..=t_len).rev().find(|&t| dh_log10[t - 1] == f64::NEG_INFINITY)
}

/// Each step back split in two for the tanh and linear cells (entry t−2 for
/// t = 2..T): δ_t = tanh′(a_t) ⊙ dL/dh_t stretches the gradient by
/// ||δ_t|| / ||dL/dh_t|| (the gate; 1 for the linear cell), then
/// dL/dh_{t−1} = W_recᵀ δ_t by ||dL/dh_{t−1}|| / ||δ_t||. As log10 (gate,
/// weights); the two add up to the step's factor exactly. None for the LSTM
/// and GRU (more than one path back) and where a gradient is zero.
pub fn step_splits_log10(kind: super::CellKind, dh_log10: &[f64], delta_log10: &[f64]) -> Vec<Option<(f64, f64)>> {
    use super::CellKind;
    (2..=dh_log10.len().min(delta_log10.len()))
        .map(|t| {
            let (now, prev, delta) = (dh_log10[t - 1], dh_log10[t - 2], delta_log10[t - 1]);
            let finite = now.is_finite() && prev.is_finite() && delta.is_finite();
            (matches!(kind, CellKind::Tanh | CellKind::Linear) && finite).then_some((delta - now, prev - delta))
        })
        .collect()
}

/// The measured growth per step far from the loss: the least-squares slope of
/// log10 ||dL/dh|| against the distance from the loss, over the farther half
/// of the finite values, as a factor (0.83 means ×0.83 per step back).
pub fn rate_per_step(dh_log10: &[f64]) -> Option<f64> {
    let t_len = dh_log10.len();
    let pts: Vec<(f64, f64)> = dh_log10
        .iter()
        .enumerate()
        .take(fitted(t_len))
        .map(|(i, l)| ((t_len - 1 - i) as f64, *l))
        .filter(|(_, l)| l.is_finite())
        .collect();
    if pts.len() < 2 {
        return None;
    }
    let (x, y): (Vec<f64>, Vec<f64>) = pts.into_iter().unzip();
    slope(&x, &y).map(|s| 10f64.powf(s))
}

/// Whether a run of `t_len` steps can have a rate at all: the farther half
/// it is fitted over must hold two steps (T ≥ 3).
pub fn rate_possible(t_len: usize) -> bool {
    fitted(t_len) >= 2
}

/// How many of n values of log10 ||dL/dh_t|| (in step order, the last one
/// nearest the loss) `rate_per_step` fits: the farther half from the loss,
/// those at distance n/2 (rounded down) or more (`rate_split_log10` too).
fn fitted(n: usize) -> usize {
    n - n / 2
}

/// The measured rate split in two, log10 (gate, W_recᵀ): the least-squares
/// slopes, over the same values `rate_per_step(dh_log10)` fits, of the
/// gate's and of W_recᵀ's share of log10 ||dL/dh||, each summed step by step
/// from the fitted value nearest the loss. log10 ||dL/dh_t|| is a constant
/// plus those two sums, and a slope is linear in what it fits, so the two
/// parts add up to log10 of the rate exactly: the gate's ×10^g times W_recᵀ's
/// ×10^w is the rate quoted beside them. `splits[i]` is the step from value
/// i + 1 of `dh_log10` back to value i (`step_splits_log10`). None where a
/// fitted value is not finite or a step between them has no split (the
/// gated cells), or with fewer than two values fitted.
pub fn rate_split_log10(dh_log10: &[f64], splits: &[Option<(f64, f64)>]) -> Option<(f64, f64)> {
    let t_len = dh_log10.len();
    let m = fitted(t_len);
    if m < 2 || dh_log10[..m].iter().any(|l| !l.is_finite()) {
        return None;
    }
    let (mut gate, mut w) = (vec![0.0; m], vec![0.0; m]);
    for i in (0..m - 1).rev() {
        let (g, r) = (*splits.get(i)?)?;
        gate[i] = gate[i + 1] + g;
        w[i] = w[i + 1] + r;
    }
    let distance: Vec<f64> = (0..m).map(|i| (t_len - 1 - i) as f64).collect();
    Some((slope(&distance, &gate)?, slope(&distance, &w)?))
}

/// The least-squares slope of y against x, the one fit `rate_per_step` and
/// `rate_split_log10` share (so the split adds up to the rate); None when
/// the x are all equal.
fn slope(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let sxx: f64 = x.iter().map(|a| (a - mx) * (a - mx)).sum();
    let sxy: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    (sxx > 0.0).then(|| sxy / sxx)
}

/// The reference line log10 ||dL/dh|| = start + slope·d for distances d = 0..n:
/// a geometric decay or growth by 10^slope per step.
pub fn geometric_line(start: f64, slope: f64, n: usize) -> Vec<(f64, f64)> {
    (0..n).map(|d| (d as f64, start + slope * d as f64)).collect()
}

/// Loss for the last step only: g = 0 except g_T = ones.
pub fn loss_on_last(t_len: usize, hidden: usize) -> Array2<f64> {
    let mut g = crate::math::fresh::zeros((t_len, hidden));
    if t_len > 0 {
        g.row_mut(t_len - 1).fill(1.0);
    }
    g
}

/// Seeded inputs x [T, I] ~ scale · N(0, 1).
pub fn random_inputs(t_len: usize, input: usize, scale: f64, seed: u64) -> Array2<f64> {
    let mut rng = Rng::new(seed ^ 0x5EED_1234);
    rng.normal_matrix(t_len, input, scale)
}

/// The mean, over every step and unit, of what the cell's most direct path
/// back multiplies the gradient by: tanh′(z) = 1 − h² for the tanh cell, the
/// forget gate f for the LSTM (c_{t−1} → c_t), the update gate z for the GRU
/// (h_{t−1} → h_t). None for the linear cell (its factor is W_hh alone).
pub fn mean_path_factor(f: &super::Forward) -> Option<f64> {
    use super::CellKind;
    let hd = f.h.mantissa.ncols();
    let block = |k: usize| f.act.slice(ndarray::s![.., k * hd..(k + 1) * hd]).mean();
    match f.kind() {
        CellKind::Linear => None,
        CellKind::Tanh => f.act.mapv(|h| 1.0 - h * h).mean(),
        CellKind::Lstm | CellKind::Gru => block(1),
    }
}
