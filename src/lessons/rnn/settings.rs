//! The RNN lab's settings and what the math computes from them: a seeded
//! cell with W_hh of spectral radius ρ, run forward over T steps, and BPTT for
//! a loss on the last step.

use crate::math::rnn::{self, BpttOptions, CellKind, Forward, Gradients, RnnError, RnnParams};
use ndarray::Array1;

/// Input size of the lab's sequences (not a knob: the lesson is about H and T).
pub const INPUT: usize = 4;

#[derive(Debug, Clone, PartialEq)]
pub struct RnnSettings {
    pub cell: CellKind,
    pub radius: f64,
    pub len: usize,
    pub hidden: usize,
    pub input_scale: f64,
    pub forget_bias: f64,
    pub truncation: Option<usize>,
    pub clip: Option<f64>,
    pub seed: u64,
}

impl Default for RnnSettings {
    fn default() -> Self {
        RnnSettings {
            cell: CellKind::Tanh,
            radius: 0.9,
            len: 30,
            hidden: 8,
            input_scale: 1.0,
            forget_bias: 1.0,
            truncation: None,
            clip: None,
            seed: 1,
        }
    }
}

/// Everything one setting computes.
#[derive(Debug, Clone)]
pub struct RnnRun {
    pub params: RnnParams,
    pub forward: Forward,
    pub grads: Gradients,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SettingError {
    #[error("the spectral radius must be between 0.1 and 3, got {0}")]
    Radius(f64),
    #[error("the sequence length must be between 1 and 1000, got {0}")]
    Len(usize),
    #[error("the hidden size must be between 1 and 64, got {0}")]
    Hidden(usize),
    #[error("the input scale must be a finite number, got {0}")]
    Scale(f64),
    #[error(
        "input scale {}: at h_{step} the gradient falls below what f64 can hold in one step (tanh or sigmoid units \
         saturated so far that their slope times the gradient rounds to 0), so it would show as 0; use a smaller \
         input scale",
        as_given(*.scale)
    )]
    BelowF64 { scale: f64, step: usize },
    #[error(transparent)]
    Math(#[from] RnnError),
}

/// A number as the learner could have typed it: exactly, and with an
/// exponent when it is very large or small (1e308, not 309 digits).
fn as_given(x: f64) -> String {
    if x != 0.0 && !(1e-4..1e16).contains(&x.abs()) { format!("{x:e}") } else { x.to_string() }
}

impl SettingError {
    /// In the learner's language (the `Display` above is English, for the command line).
    pub fn describe(&self, t: &crate::text::Text) -> String {
        let r = &t.rnn;
        match self {
            // The value as given (3.0001, not a rounded 3 that looks allowed).
            SettingError::Radius(g) => (r.err_radius)(&g.to_string()),
            SettingError::Len(g) => (r.err_len)(*g),
            SettingError::Hidden(g) => (r.err_hidden)(*g),
            SettingError::Scale(g) => (r.err_scale)(&g.to_string()),
            SettingError::BelowF64 { scale, step } => (r.err_below_f64)(&as_given(*scale), *step),
            SettingError::Math(RnnError::ZeroWindow) => r.err_window.to_string(),
            SettingError::Math(RnnError::BadThreshold(g)) => (r.err_threshold)(g),
            SettingError::Math(other) => (r.err_internal)(&other.to_string()),
        }
    }
}

impl RnnSettings {
    pub fn check(&self) -> Result<(), SettingError> {
        if !(0.1..=3.0).contains(&self.radius) {
            return Err(SettingError::Radius(self.radius));
        }
        if !(1..=1000).contains(&self.len) {
            return Err(SettingError::Len(self.len));
        }
        if !(1..=64).contains(&self.hidden) {
            return Err(SettingError::Hidden(self.hidden));
        }
        if !self.input_scale.is_finite() {
            return Err(SettingError::Scale(self.input_scale));
        }
        Ok(())
    }

    pub fn run(&self) -> Result<RnnRun, SettingError> {
        let (params, forward) = self.forward()?;
        let g = rnn::loss_on_last(self.len, self.hidden);
        let grads = rnn::bptt(&params, &forward, g.view(), self.bptt_options())?;
        self.computable(&grads.dh_log10_norms())?;
        Ok(RnnRun { params, forward, grads })
    }

    /// Refuse a run with a gradient f64 rounded to 0 (`rnn::underflowed_step`):
    /// every number the lab shows must be the one it says.
    fn computable(&self, dh_log10: &[f64]) -> Result<(), SettingError> {
        match rnn::underflowed_step(dh_log10, self.truncation) {
            Some(step) => Err(SettingError::BelowF64 { scale: self.input_scale, step }),
            None => Ok(()),
        }
    }

    /// log10 ||dL/dh_t||, t = 1..T: `run`'s `grads.dh_log10_norms()`, the
    /// same numbers, without the parameter gradients (`deepstep sweep`).
    /// Full BPTT only: the sweep has no truncation or clipping knob.
    pub fn dh_log10_norms(&self) -> Result<Vec<f64>, SettingError> {
        debug_assert_eq!(self.bptt_options(), BpttOptions::default());
        let (params, forward) = self.forward()?;
        let g = rnn::loss_on_last(self.len, self.hidden);
        let logs = rnn::bptt_dh_log10_norms(&params, &forward, g.view())?;
        self.computable(&logs)?;
        Ok(logs)
    }

    /// The seeded cell and its forward pass over the seeded inputs.
    fn forward(&self) -> Result<(RnnParams, Forward), SettingError> {
        self.check()?;
        let params = RnnParams::random(self.cell, INPUT, self.hidden, self.radius, self.forget_bias, self.seed)?;
        let x = rnn::random_inputs(self.len, INPUT, self.input_scale, self.seed);
        let forward = rnn::forward(&params, x.view(), Array1::zeros(self.hidden).view(), None)?;
        Ok((params, forward))
    }

    pub fn bptt_options(&self) -> BpttOptions {
        BpttOptions { truncation: self.truncation, clip: self.clip }
    }
}
