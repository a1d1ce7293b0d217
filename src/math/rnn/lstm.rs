//! The LSTM cell, PyTorch's gate order i f g o:
//!   [i f g o] = [σ σ tanh σ](W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)
//!   c_t = f ⊙ c_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(c_t)
//! Backward, the cell state's direct path multiplies by the forget gate f
//! (dc_{t−1} = dc_t ⊙ f): with f near 1 the gradient is kept for long.

use super::bptt::StepBack;
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
pub(super) fn step(z: ArrayView1<f64>, mut c: Cells, mut act: ArrayViewMut1<f64>, mut h: ArrayViewMut1<f64>) {
    let hd = h.len();
    for j in 0..hd {
        let (i, f) = (sigmoid(z[j]), sigmoid(z[hd + j]));
        let (g, o) = (tanh(z[2 * hd + j]), sigmoid(z[3 * hd + j]));
        let cj = f * c.prev[j] + i * g;
        let tc = tanh(cj);
        c.next[j] = cj;
        c.tanh[j] = tc;
        for (k, v) in [i, f, g, o].into_iter().enumerate() {
            act[k * hd + j] = v;
        }
        h[j] = o * tc;
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
