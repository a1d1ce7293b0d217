//! The LSTM cell, PyTorch's gate order i f g o:
//!   [i f g o] = [σ σ tanh σ](W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)
//!   c_t = f ⊙ c_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(c_t)
//! Backward, the cell state's direct path multiplies by the forget gate f
//! (dc_{t−1} = dc_t ⊙ f): with f near 1 the gradient is kept for long.

use super::step_back::StepBack;
use super::{apply, contiguous, contiguous_mut};
use crate::math::activation::{sigmoid, sigmoid_grad_at, tanh, tanh_grad_at};
use ndarray::{Array1, ArrayView1, ArrayViewMut1};

/// c_{t−1}, and the rows one step fills with c_t and tanh(c_t).
pub(super) struct Cells<'a> {
    pub prev: ArrayView1<'a, f64>,
    pub next: ArrayViewMut1<'a, f64>,
    pub tanh: ArrayViewMut1<'a, f64>,
}

/// One LSTM step from the pre-activations z = W_ih x + b_ih + W_hh h + b_hh,
/// blocks [z_i z_f z_g z_o]; writes the gates, c_t, tanh(c_t) and h_t.
///
/// Block by block, each a loop of one kind over contiguous rows, so that the
/// compiler vectorises the activations.
#[inline(always)]
pub(super) fn step(z: ArrayView1<f64>, c: Cells, mut act: ArrayViewMut1<f64>, mut h: ArrayViewMut1<f64>) {
    let hd = h.len();
    let (z, act, h) = (contiguous(&z), contiguous_mut(&mut act), contiguous_mut(&mut h));
    let Cells { prev, mut next, tanh: mut tanh_c } = c;
    let (prev, next, tanh_c) = (contiguous(&prev), contiguous_mut(&mut next), contiguous_mut(&mut tanh_c));
    let (z_ifg, z_o) = z.split_at(3 * hd);
    let (ifg, o) = act.split_at_mut(3 * hd);
    let ((i_f, g), (z_if, z_g)) = (ifg.split_at_mut(2 * hd), z_ifg.split_at(2 * hd));
    apply(i_f, z_if, sigmoid);
    apply(g, z_g, tanh);
    apply(o, z_o, sigmoid);
    let (i, f) = i_f.split_at(hd);
    for ((((c, f), p), i), g) in next.iter_mut().zip(f).zip(prev).zip(i).zip(&*g) {
        *c = f * p + i * g;
    }
    apply(tanh_c, next, tanh);
    for ((h, o), t) in h.iter_mut().zip(&*o).zip(&*tanh_c) {
        *h = o * t;
    }
}

/// What one step back needs of the forward pass at that step.
pub(super) struct Saved<'a> {
    pub c_prev: ArrayView1<'a, f64>,
    pub c_t: ArrayView1<'a, f64>,
    pub tanh_c: ArrayView1<'a, f64>,
    /// [i f g o] of the step.
    pub gates: ArrayView1<'a, f64>,
    /// The pre-activations [z_i z_f z_g z_o].
    pub z: ArrayView1<'a, f64>,
}

/// One step back from dL/dh_t and the carried dL/dc_t: returns the gate
/// pre-activation gradient δ (the same for both terms) and dL/dc_{t−1}.
pub(super) fn backward(dh: &Array1<f64>, dc_carried: &Array1<f64>, s: &Saved) -> StepBack {
    let hd = dh.len();
    let mut d = Array1::zeros(4 * hd);
    let mut dc_prev = Array1::zeros(hd);
    for j in 0..hd {
        let z = |k: usize| s.z[k * hd + j];
        let (i, fg, gg, o) = (s.gates[j], s.gates[hd + j], s.gates[2 * hd + j], s.gates[3 * hd + j]);
        // dc_t total = carried dc + dh ⊙ o ⊙ tanh'(c_t)
        let dc = dc_carried[j] + dh[j] * o * tanh_grad_at(s.tanh_c[j], s.c_t[j]);
        d[j] = dc * gg * sigmoid_grad_at(i, z(0)); // di
        d[hd + j] = dc * s.c_prev[j] * sigmoid_grad_at(fg, z(1)); // df
        d[2 * hd + j] = dc * i * tanh_grad_at(gg, z(2)); // dg
        d[3 * hd + j] = dh[j] * s.tanh_c[j] * sigmoid_grad_at(o, z(3)); // do
        dc_prev[j] = dc * fg;
    }
    StepBack { dc_prev: Some(dc_prev), ..StepBack::same(d) }
}
