//! The forward pass: every cell run over T steps, keeping what BPTT needs.

use super::scaled_rows::ScaledRows;
use super::{CellKind, RnnError, RnnParams, gru, linear, lstm, shape_check, tanh};
use crate::math::fresh::zeros;
use ndarray::linalg::general_mat_mul;
use ndarray::{Array1, Array2, ArrayView1, ArrayView2, ArrayViewMut1, Axis, s};

/// What the forward pass keeps for BPTT.
#[derive(Debug, Clone, PartialEq)]
pub struct Forward {
    pub kind: CellKind,
    /// h_0..h_T (row 0 is h_0).
    pub h: ScaledRows,
    /// c_0..c_T for the LSTM.
    pub c: Option<Array2<f64>>,
    /// x_1..x_T (row t−1 is x_t).
    pub x: Array2<f64>,
    /// The pre-activations of step t in row t−1. The tanh cell and the LSTM
    /// keep the whole sum z_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh, all
    /// their backward pass needs; the linear cell and the GRU keep the input
    /// part W_ih x_t + b_ih (the GRU's candidate multiplies its recurrent
    /// part by r, so it needs both parts; the linear cell needs neither).
    pub pre: Array2<f64>,
    /// The GRU's recurrent part W_hh h_{t−1} + b_hh, row t−1.
    pub gru_m: Option<Array2<f64>>,
    /// Gate activations, row t−1: tanh h_t; LSTM [i f g o]; GRU [r z n]
    /// (kept so that BPTT does not evaluate them again).
    pub act: Array2<f64>,
    /// tanh(c_t) for the LSTM, row t−1.
    pub tanh_c: Option<Array2<f64>>,
}

impl Forward {
    pub fn steps(&self) -> usize {
        self.x.nrows()
    }

    /// h_1..h_T as plain f64.
    pub fn hidden_states(&self) -> Array2<f64> {
        self.h.to_plain().slice(s![1.., ..]).to_owned()
    }

    /// ||h_t|| as log10, t = 1..T.
    pub fn h_log10_norms(&self) -> Vec<f64> {
        self.h.log10_norms()[1..].to_vec()
    }

    /// The forward pass of the first `t` steps (1 ≤ t ≤ T; larger t is T):
    /// a cell only looks back, so this is exactly the run of x_1..x_t, and
    /// BPTT on it is that shorter sequence's (the length chart reuses one
    /// forward pass for every length).
    pub fn prefix(&self, t: usize) -> Forward {
        let t = t.clamp(1, self.steps());
        let rows = |a: &Array2<f64>, n: usize| a.slice(s![..n, ..]).to_owned();
        Forward {
            kind: self.kind,
            h: ScaledRows { mantissa: rows(&self.h.mantissa, t + 1), log10_scale: self.h.log10_scale[..=t].to_vec() },
            c: self.c.as_ref().map(|c| rows(c, t + 1)),
            x: rows(&self.x, t),
            pre: rows(&self.pre, t),
            gru_m: self.gru_m.as_ref().map(|m| rows(m, t)),
            act: rows(&self.act, t),
            tanh_c: self.tanh_c.as_ref().map(|c| rows(c, t)),
        }
    }

    /// ||x_t||, t = 1..T.
    pub fn x_norms(&self) -> Vec<f64> {
        self.x.rows().into_iter().map(|r| crate::math::scaled::norm(r.iter().copied())).collect()
    }
}

/// Run the cell over x [T, I] from h0 (and c0 for the LSTM; zeros if None).
pub fn forward(
    p: &RnnParams,
    x: ArrayView2<f64>,
    h0: ArrayView1<f64>,
    c0: Option<ArrayView1<f64>>,
) -> Result<Forward, RnnError> {
    let (t_len, hd) = (x.nrows(), p.hidden());
    if t_len == 0 {
        return Err(RnnError::EmptySequence);
    }
    shape_check("x", x.shape(), &[t_len, p.input()])?;
    shape_check("h0", h0.shape(), &[hd])?;
    let gh = p.kind.gates() * hd;
    let mut h = ScaledRows::zeros(t_len + 1, hd);
    h.mantissa.row_mut(0).assign(&h0);
    let mut c = (p.kind == CellKind::Lstm).then(|| zeros((t_len + 1, hd)));
    if let (Some(c), Some(c0)) = (c.as_mut(), c0) {
        shape_check("c0", c0.shape(), &[hd])?;
        c.row_mut(0).assign(&c0);
    }
    let mut pre = zeros((t_len, gh));
    let gru_m = (p.kind == CellKind::Gru).then(|| zeros((t_len, gh)));
    let act = zeros((t_len, if p.kind == CellKind::Linear { 0 } else { gh }));
    let tanh_c = (p.kind == CellKind::Lstm).then(|| zeros((t_len, hd)));
    // The input terms of every step at once: W_ih x_t + b_ih, row t.
    general_mat_mul(1.0, &x, &p.w_ih.t(), 0.0, &mut pre);
    pre += &p.b_ih;
    let mut f = Forward { kind: p.kind, h, c, x: x.to_owned(), pre, gru_m, act, tanh_c };
    run_steps(p, &mut f);
    Ok(f)
}

avx2_or_baseline! {
    /// The T steps, for AVX2 where the processor has it (see the macro).
    fn run_steps(p: &RnnParams, f: &mut Forward) {
        steps(p, f)
    }
}

/// Steps t = 1..T, filling the rows of the arrays `forward` made.
#[inline(always)]
fn steps(p: &RnnParams, f: &mut Forward) {
    let w_hh_t = p.w_hh_transposed();
    let mut m = Array1::zeros(p.w_hh.nrows());
    for t in 0..f.steps() {
        // m = W_hh h_{t−1} + b_hh into one reused row; every step below
        // writes into the rows it fills (no array per step).
        if p.kind != CellKind::Linear {
            recurrent_term(&w_hh_t, f.h.mantissa.row(t), &p.b_hh, m.view_mut());
        }
        let (done, mut rest) = f.h.mantissa.view_mut().split_at(Axis(0), t + 1);
        let (prev, mut next) = (done.row(t), rest.row_mut(0));
        let mut z = f.pre.row_mut(t);
        match p.kind {
            CellKind::Linear => {
                // Its states may leave f64's range: carried with a scale.
                let v = linear::step(p, prev, f.h.log10_scale[t], z.view());
                next.assign(&v.mantissa);
                f.h.log10_scale[t + 1] = v.log10_scale;
            }
            CellKind::Tanh => {
                z += &m; // a + m, kept whole
                tanh::step(z.view(), f.act.row_mut(t), next);
            }
            CellKind::Lstm => {
                z += &m;
                let cs = f.c.as_mut().expect("LSTM keeps c");
                let tc = f.tanh_c.as_mut().expect("LSTM keeps tanh(c)");
                let (before, mut after) = cs.view_mut().split_at(Axis(0), t + 1);
                let cells = lstm::Cells { prev: before.row(t), next: after.row_mut(0), tanh: tc.row_mut(t) };
                lstm::step(z.view(), cells, f.act.row_mut(t), next);
            }
            CellKind::Gru => {
                let mut kept = f.gru_m.as_mut().expect("the GRU keeps m").row_mut(t);
                kept.assign(&m);
                gru::step(z.view(), m.view(), prev, f.act.row_mut(t), next);
            }
        }
    }
}

/// m = W_hh h + b_hh as b_hh + Σ_k h_k · (row k of W_hhᵀ): H additions of
/// contiguous G·H-long rows (`add_rows`), where W_hh h is G·H separate dot
/// products of length H.
#[inline(always)]
fn recurrent_term(w_hh_t: &Array2<f64>, h: ArrayView1<f64>, b_hh: &Array1<f64>, mut out: ArrayViewMut1<f64>) {
    out.assign(b_hh);
    let w = w_hh_t.as_slice().expect("W_hhᵀ is made in standard layout");
    super::add_rows(super::contiguous_mut(&mut out), super::contiguous(&h), w);
}
