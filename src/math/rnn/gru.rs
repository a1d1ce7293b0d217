//! The GRU cell, PyTorch's gate order r z n (a = W_ih x_t + b_ih,
//! m = W_hh h_{t−1} + b_hh):
//!   r = σ(a_r + m_r), z = σ(a_z + m_z), n = tanh(a_n + r ⊙ m_n)
//!   h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
//! Backward, h_{t−1} reaches h_t directly through z ⊙ h_{t−1}: with the
//! update gate z near 1 the gradient passes almost unchanged.

use super::step_back::StepBack;
use super::{contiguous, contiguous_mut};
use crate::math::activation::{sigmoid, sigmoid_grad_at, tanh, tanh_grad_at};
use ndarray::{Array1, ArrayView1, ArrayViewMut1};

/// One GRU step from a = W_ih x + b_ih and m = W_hh h + b_hh; writes [r z n]
/// and h_t.
#[inline(always)]
pub(super) fn step(
    a: ArrayView1<f64>,
    m: ArrayView1<f64>,
    h_prev: ArrayView1<f64>,
    mut act: ArrayViewMut1<f64>,
    mut h: ArrayViewMut1<f64>,
) {
    let hd = h.len();
    // Block by block, each a loop of one kind over contiguous rows, so that
    // the compiler vectorises the activations.
    let (a, m, h_prev) = (contiguous(&a), contiguous(&m), contiguous(&h_prev));
    let (act, h) = (contiguous_mut(&mut act), contiguous_mut(&mut h));
    let (rz, n) = act.split_at_mut(2 * hd);
    for ((g, a), m) in rz.iter_mut().zip(a).zip(m) {
        *g = sigmoid(a + m);
    }
    let (r, z) = rz.split_at(hd);
    for (((n, a), r), m) in n.iter_mut().zip(&a[2 * hd..]).zip(r).zip(&m[2 * hd..]) {
        *n = tanh(a + r * m);
    }
    for (((h, z), n), p) in h.iter_mut().zip(z).zip(&*n).zip(h_prev) {
        *h = (1.0 - z) * n + z * p;
    }
}

/// One step back from dL/dh_t: δ for the input term, δ for the recurrent
/// term (they differ: r multiplies m_n), and the direct part of dL/dh_{t−1}
/// through z ⊙ h_{t−1}.
pub(super) fn backward(
    dh: &Array1<f64>,
    gates: ArrayView1<f64>,
    a: ArrayView1<f64>,
    m: ArrayView1<f64>,
    h_prev: ArrayView1<f64>,
) -> StepBack {
    let hd = dh.len();
    let mut d_ih = Array1::zeros(3 * hd);
    let mut d_hh = Array1::zeros(3 * hd);
    let mut direct = Array1::zeros(hd);
    for j in 0..hd {
        let (zr, zz) = (a[j] + m[j], a[hd + j] + m[hd + j]);
        let (r, z, n) = (gates[j], gates[hd + j], gates[2 * hd + j]);
        let zn = a[2 * hd + j] + r * m[2 * hd + j];
        let dn = dh[j] * (1.0 - z) * tanh_grad_at(n, zn); // through n's tanh
        let dz = dh[j] * (h_prev[j] - n) * sigmoid_grad_at(z, zz);
        let dr = dn * m[2 * hd + j] * sigmoid_grad_at(r, zr);
        d_ih[j] = dr;
        d_ih[hd + j] = dz;
        d_ih[2 * hd + j] = dn;
        d_hh[j] = dr;
        d_hh[hd + j] = dz;
        d_hh[2 * hd + j] = dn * r;
        direct[j] = dh[j] * z; // h_t depends on h_{t−1} directly through z ⊙ h_{t−1}
    }
    StepBack { d_ih, d_hh: Some(d_hh), dh_direct: Some(direct), dc_prev: None }
}
