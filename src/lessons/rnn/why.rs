//! Why the gradient does what it does in the RNN lab: the explanation as a
//! typed value, chosen from the cell, the settings and what the run measured
//! (the view writes it with the run's numbers).

use super::settings::{RnnRun, RnnSettings};
use crate::math::rnn::{self, CellKind};

/// Why the gradient does what it does here: chosen from the cell, the
/// settings and what the run measured, so the words never contradict the
/// numbers beside them (`rate` is the measured factor per step back).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Why {
    /// The truncation window cuts the flow before the first step.
    Truncated,
    /// The gradient was clipped.
    Clipped,
    /// Linear cell: the factor per step far from the loss is ρ; whether the
    /// measured rate shows that trend yet is `Why::linear_shows`.
    Linear { radius: f64, rate: Option<f64> },
    /// tanh with σ_max < 1: vanishing is certain (Pascanu et al.'s bound);
    /// `split`, the measured rate's (gate, W_recᵀ) parts per step (log10),
    /// says which of the two does most of it.
    TanhBound { sigma: f64, rate: Option<f64>, split: Option<(f64, f64)> },
    /// tanh with σ_max ≥ 1 that still vanishes: the units saturate (W_recᵀ
    /// stretches the gradient on average, tanh′ shrinks it more).
    TanhSaturated { sigma: f64, mean_slope: f64, rate: f64 },
    /// tanh with σ_max ≥ 1 that vanishes with W_recᵀ shrinking the gradient
    /// too along the direction it takes (`stretch_log10` ≤ 0: its part of
    /// the measured rate, per step).
    TanhBothShrink { sigma: f64, mean_slope: f64, rate: f64, stretch_log10: f64 },
    /// tanh with σ_max ≥ 1 that grows as measured.
    TanhGrows { sigma: f64, mean_slope: f64, rate: f64 },
    /// tanh with σ_max ≥ 1 and too few steps to measure a rate.
    TanhOpen { sigma: f64, mean_slope: f64 },
    /// tanh with σ_max ≥ 1 before BPTT has gone back far enough to measure
    /// the rate (the whole run has one).
    TanhNotYet { sigma: f64, mean_slope: f64 },
    /// LSTM: the cell path multiplies by the forget gate f.
    Lstm { mean_forget: f64, bias: f64, rate: Option<f64> },
    /// GRU: the direct path multiplies by the update gate z.
    Gru { mean_update: f64, rate: Option<f64> },
}

/// W_rec's largest singular value: as computed, or exactly ρ where the two
/// agree to round-off. W_rec is built symmetric with spectral radius ρ, so
/// its σ_max is ρ; at ρ = 1 the power iteration's last bits
/// (0.9999999999999997 or 1.0000000000000002) must not choose between the
/// "σ_max < 1" and "σ_max ≥ 1" explanations.
pub fn sigma_max(computed: f64, radius: f64) -> f64 {
    if (computed - radius).abs() <= 1e-9 * radius { radius } else { computed }
}

impl Why {
    /// Whether a linear cell's measured rate shows ρ's trend: below 1 where
    /// ρ < 1, above 1 where ρ > 1. At ρ = 1, and before a rate is measured,
    /// it does not: only then may the words name the regime (vanishing,
    /// exploding) beside the rate. With W_rec symmetric, its other
    /// directions can shrink the gradient for the first steps back even
    /// where ρ > 1.
    pub fn linear_shows(radius: f64, rate: Option<f64>) -> bool {
        match rate {
            Some(r) => (radius < 1.0 && r < 1.0) || (radius > 1.0 && r > 1.0),
            None => false,
        }
    }

    /// The explanation for these settings and this run, with the measured
    /// rate and its split into the gate's and W_recᵀ's parts (log10; they
    /// add up to the rate's: `math::rnn::rate_split_log10`).
    pub fn of(s: &RnnSettings, run: &RnnRun, rate: Option<f64>, split: Option<(f64, f64)>) -> Why {
        if s.truncation.is_some_and(|k| k < s.len) {
            return Why::Truncated;
        }
        if s.clip.is_some() {
            return Why::Clipped;
        }
        let mean = rnn::mean_path_factor(&run.forward).unwrap_or(0.0);
        match s.cell {
            CellKind::Linear => Why::Linear { radius: s.radius, rate },
            CellKind::Tanh => Why::tanh(sigma_max(rnn::spectral_norm(&run.params.w_hh), s.radius), mean, rate, split),
            CellKind::Lstm => Why::Lstm { mean_forget: mean, bias: s.forget_bias, rate },
            CellKind::Gru => Why::Gru { mean_update: mean, rate },
        }
    }

    /// The tanh cell's case for a measured rate (`None`: too few steps; for
    /// part of a run that has a rate, see `at_rate`) and the rate's split:
    /// the words compare diag(tanh′) with W_recᵀ per step of the rate, so
    /// the case must agree with both.
    fn tanh(sigma: f64, mean_slope: f64, rate: Option<f64>, split: Option<(f64, f64)>) -> Why {
        if sigma < 1.0 {
            return Why::TanhBound { sigma, rate, split };
        }
        let Some(r) = rate else { return Why::TanhOpen { sigma, mean_slope } };
        match split {
            Some((_, w)) if r < 1.0 && w <= 0.0 => Why::TanhBothShrink { sigma, mean_slope, rate: r, stretch_log10: w },
            _ if r < 1.0 => Why::TanhSaturated { sigma, mean_slope, rate: r },
            _ => Why::TanhGrows { sigma, mean_slope, rate: r },
        }
    }

    /// This run's explanation for a rate (and mean split) measured over
    /// fewer steps (those BPTT has reached): the tanh cell's
    /// case is chosen again from them, the rate quoted beside the words. Where
    /// the whole run has a rate and those steps have none yet, it is "not
    /// yet"; where the whole run has none (`TanhOpen`), no part of it has.
    pub fn at_rate(self, rate: Option<f64>, split: Option<(f64, f64)>) -> Why {
        match self {
            Why::Truncated | Why::Clipped | Why::TanhOpen { .. } => self,
            Why::Linear { radius, .. } => Why::Linear { radius, rate },
            Why::TanhBound { sigma, .. } => Why::TanhBound { sigma, rate, split },
            Why::TanhSaturated { sigma, mean_slope, .. }
            | Why::TanhBothShrink { sigma, mean_slope, .. }
            | Why::TanhGrows { sigma, mean_slope, .. }
            | Why::TanhNotYet { sigma, mean_slope } => match Why::tanh(sigma, mean_slope, rate, split) {
                Why::TanhOpen { sigma, mean_slope } => Why::TanhNotYet { sigma, mean_slope },
                measured => measured,
            },
            Why::Lstm { mean_forget, bias, .. } => Why::Lstm { mean_forget, bias, rate },
            Why::Gru { mean_update, .. } => Why::Gru { mean_update, rate },
        }
    }

    /// Under σ_max < 1, which factor shrank the gradient more over the steps
    /// measured: `Some(true)` the gate diag(tanh′) (saturated units),
    /// `Some(false)` W_recᵀ; None before a step is measured.
    pub fn gate_shrinks_most(&self) -> Option<bool> {
        match *self {
            Why::TanhBound { split: Some((gate, w)), .. } => Some(gate < w),
            _ => None,
        }
    }

    /// The measured factor per step back, where the explanation quotes it.
    pub fn rate(&self) -> Option<f64> {
        match *self {
            Why::Linear { rate, .. } | Why::TanhBound { rate, .. } | Why::Lstm { rate, .. } | Why::Gru { rate, .. } => {
                rate
            }
            Why::TanhSaturated { rate, .. } | Why::TanhBothShrink { rate, .. } | Why::TanhGrows { rate, .. } => {
                Some(rate)
            }
            Why::Truncated | Why::Clipped | Why::TanhOpen { .. } | Why::TanhNotYet { .. } => None,
        }
    }
}
