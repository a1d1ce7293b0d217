//! The tanh cell: h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh).
//! Backward, each step multiplies by diag(tanh′) W_hhᵀ: saturated units
//! (tanh′ ≪ 1) shrink the gradient even when W_hh alone would grow it.

use super::step_back::StepBack;
use super::{apply, contiguous, contiguous_mut};
use crate::math::activation::{tanh, tanh_grad_at};
use ndarray::{Array1, ArrayView1, ArrayViewMut1};

/// One step from z = W_ih x + b_ih + W_hh h_{t−1} + b_hh: writes h_t into
/// its activation row and its state row.
#[inline(always)]
pub(super) fn step(z: ArrayView1<f64>, mut act: ArrayViewMut1<f64>, mut h: ArrayViewMut1<f64>) {
    apply(contiguous_mut(&mut act), contiguous(&z), tanh);
    h.assign(&act);
}

/// One step back: δ = dL/dh_t ⊙ tanh′(z), the same for both terms.
pub(super) fn backward(dh: &Array1<f64>, h_t: ArrayView1<f64>, z: ArrayView1<f64>) -> StepBack {
    StepBack::same(Array1::from_shape_fn(dh.len(), |j| dh[j] * tanh_grad_at(h_t[j], z[j])))
}
