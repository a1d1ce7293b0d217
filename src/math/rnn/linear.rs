//! The linear cell: h_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh.
//! Its Jacobian dh_t/dh_{t−1} is W_hh itself, so the gradient grows or
//! shrinks by W_hh's spectral radius per step back: the cleanest picture of
//! vanishing and exploding gradients.

use super::RnnParams;
use super::step_back::StepBack;
use crate::math::scaled::Scaled;
use ndarray::{Array1, ArrayView1, Ix1};

/// One step: h_t = W_hh h_{t−1} + b_hh + a, with a = W_ih x_t + b_ih and
/// h_{t−1} = prev·10^scale carried scaled (the states themselves may explode).
pub(super) fn step(p: &RnnParams, prev: ArrayView1<f64>, scale: f64, a: ArrayView1<f64>) -> Scaled<Ix1> {
    let mut v = Scaled { mantissa: p.w_hh.dot(&prev), log10_scale: scale };
    v.add_scaled(&(&a + &p.b_hh), 0.0);
    v
}

/// One step back: the pre-activation gradient is dL/dh_t itself, for the
/// input and the recurrent term alike (no nonlinearity in between).
pub(super) fn backward(dh: &Array1<f64>) -> StepBack {
    StepBack::same(dh.clone())
}
