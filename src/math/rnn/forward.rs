//! The forward pass: every cell run over T steps, keeping what BPTT needs.

use super::scaled_rows::ScaledRows;
use super::{CellKind, RnnError, RnnParams, gru, linear, lstm, shape_check, tanh};
use crate::math::fresh::zeros;
use ndarray::linalg::general_mat_mul;
use ndarray::{Array1, Array2, ArrayView1, ArrayView2, ArrayViewMut1, Axis, s};

/// What the forward pass keeps for BPTT.
#[derive(Debug, Clone, PartialEq)]
pub struct Forward {
    /// h_0..h_T (row 0 is h_0).
    pub h: ScaledRows,
    /// x_1..x_T (row t−1 is x_t).
    pub x: Array2<f64>,
    /// The pre-activations of step t in row t−1. The tanh cell and the LSTM
    /// keep the whole sum z_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh, all
    /// their backward pass needs; the linear cell and the GRU keep the input
    /// part W_ih x_t + b_ih (the GRU's candidate multiplies its recurrent
    /// part by r, so it needs both parts; the linear cell needs neither).
    pub pre: Array2<f64>,
    /// Gate activations, row t−1: tanh h_t; LSTM [i f g o]; GRU [r z n]
    /// (kept so that BPTT does not evaluate them again).
    pub act: Array2<f64>,
    /// The cell, with what only it keeps.
    pub kept: Kept,
}

/// The cell a forward pass ran, with what it keeps beyond the rows every
/// cell has: said once here, so nothing can ask an LSTM for a GRU's array.
#[derive(Debug, Clone, PartialEq)]
pub enum Kept {
    Linear,
    Tanh,
    /// c_0..c_T (row 0 is c_0), and tanh(c_t) in row t−1.
    Lstm {
        c: Array2<f64>,
        tanh_c: Array2<f64>,
    },
    /// The recurrent part W_hh h_{t−1} + b_hh, row t−1.
    Gru {
        m: Array2<f64>,
    },
}

impl Kept {
    pub fn kind(&self) -> CellKind {
        match self {
            Kept::Linear => CellKind::Linear,
            Kept::Tanh => CellKind::Tanh,
            Kept::Lstm { .. } => CellKind::Lstm,
            Kept::Gru { .. } => CellKind::Gru,
        }
    }
}

impl Forward {
    pub fn kind(&self) -> CellKind {
        self.kept.kind()
    }

    /// c_0..c_T, for the LSTM.
    pub fn c(&self) -> Option<&Array2<f64>> {
        match &self.kept {
            Kept::Lstm { c, .. } => Some(c),
            _ => None,
        }
    }

    pub fn steps(&self) -> usize {
        self.x.nrows()
    }

    /// h_1..h_T as plain f64: the whole matrix the golden tests compare with
    /// PyTorch (the screens read rows of `h`, the same numbers).
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
            h: ScaledRows { mantissa: rows(&self.h.mantissa, t + 1), log10_scale: self.h.log10_scale[..=t].to_vec() },
            x: rows(&self.x, t),
            pre: rows(&self.pre, t),
            act: rows(&self.act, t),
            kept: match &self.kept {
                Kept::Linear => Kept::Linear,
                Kept::Tanh => Kept::Tanh,
                Kept::Lstm { c, tanh_c } => Kept::Lstm { c: rows(c, t + 1), tanh_c: rows(tanh_c, t) },
                Kept::Gru { m } => Kept::Gru { m: rows(m, t) },
            },
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
    let kept = match p.kind {
        CellKind::Lstm => {
            let mut c = zeros((t_len + 1, hd));
            if let Some(c0) = c0 {
                shape_check("c0", c0.shape(), &[hd])?;
                c.row_mut(0).assign(&c0);
            }
            Kept::Lstm { c, tanh_c: zeros((t_len, hd)) }
        }
        CellKind::Gru => Kept::Gru { m: zeros((t_len, gh)) },
        CellKind::Linear => Kept::Linear,
        CellKind::Tanh => Kept::Tanh,
    };
    let mut pre = zeros((t_len, gh));
    let act = zeros((t_len, if p.kind == CellKind::Linear { 0 } else { gh }));
    // The input terms of every step at once: W_ih x_t + b_ih, row t.
    general_mat_mul(1.0, &x, &p.w_ih.t(), 0.0, &mut pre);
    pre += &p.b_ih;
    let mut f = Forward { h, x: x.to_owned(), pre, act, kept };
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
        if !matches!(f.kept, Kept::Linear) {
            recurrent_term(&w_hh_t, f.h.mantissa.row(t), &p.b_hh, m.view_mut());
        }
        let (done, mut rest) = f.h.mantissa.view_mut().split_at(Axis(0), t + 1);
        let (prev, mut next) = (done.row(t), rest.row_mut(0));
        let mut z = f.pre.row_mut(t);
        match &mut f.kept {
            Kept::Linear => {
                // Its states may leave f64's range: carried with a scale.
                let v = linear::step(p, prev, f.h.log10_scale[t], z.view());
                next.assign(&v.mantissa);
                f.h.log10_scale[t + 1] = v.log10_scale;
            }
            Kept::Tanh => {
                z += &m; // a + m, kept whole
                tanh::step(z.view(), f.act.row_mut(t), next);
            }
            Kept::Lstm { c, tanh_c } => {
                z += &m;
                let (before, mut after) = c.view_mut().split_at(Axis(0), t + 1);
                let cells = lstm::Cells { prev: before.row(t), next: after.row_mut(0), tanh: tanh_c.row_mut(t) };
                lstm::step(z.view(), cells, f.act.row_mut(t), next);
            }
            Kept::Gru { m: kept } => {
                kept.row_mut(t).assign(&m);
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
