//! Backpropagation through time for L = Σ_t g_t · h_t: from the last step
//! to the first, each step's gradient passed back through its cell
//! (`linear`, `tanh`, `lstm`, `gru`), with a truncation window and clipping.

use super::forward::{Forward, Kept};
use super::scaled_rows::ScaledRows;
use super::{CellKind, RnnError, RnnParams, gru, linear, lstm, shape_check, tanh};
use crate::math::scaled::{Scaled, log10_norm_of};
use ndarray::{Array1, Array2, ArrayView1, ArrayView2, CowArray, Ix1, Ix2, s};

/// BPTT options: a truncation window and gradient-norm clipping.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BpttOptions {
    /// Each loss term's gradient flows back at most k steps: from h_t through
    /// cells t..t−k+1 to h_{t−k}. None is full BPTT (and so is any k ≥ T).
    pub truncation: Option<usize>,
    /// Pascanu et al. 2013: if ||g|| > threshold then g ← threshold · g / ||g||,
    /// with g all parameter gradients together.
    pub clip: Option<f64>,
}

/// The clipping that was applied: the parameter-gradient norm before and after.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClipReport {
    pub threshold: f64,
    pub log10_norm_before: f64,
    pub log10_norm_after: f64,
}

/// Every gradient of L = Σ_t g_t · h_t.
#[derive(Debug, Clone, PartialEq)]
pub struct Gradients {
    pub w_ih: Scaled<Ix2>,
    pub w_hh: Scaled<Ix2>,
    pub b_ih: Scaled<Ix1>,
    pub b_hh: Scaled<Ix1>,
    pub h0: Scaled<Ix1>,
    pub c0: Option<Scaled<Ix1>>,
    /// dL/dx_t, row t−1.
    pub x: ScaledRows,
    /// dL/dh_t, the total gradient reaching h_t, row t−1.
    pub dh: ScaledRows,
    /// Each step's pre-activation gradients δ (row t−1), from which the weight
    /// gradients are summed: dW_ih = Σ_t δ_ih,t ⊗ x_t, dW_hh = Σ_t δ_hh,t ⊗ h_{t−1}.
    pub delta_ih: ScaledRows,
    /// δ_hh where it differs from δ_ih (the GRU's); `delta_hh()` reads either.
    delta_hh_own: Option<ScaledRows>,
    pub clip: Option<ClipReport>,
}

impl Gradients {
    /// δ_hh, row t−1: δ_ih itself except in the GRU (one T × G·H array, not two).
    pub fn delta_hh(&self) -> &ScaledRows {
        self.delta_hh_own.as_ref().unwrap_or(&self.delta_ih)
    }

    /// log10 ||dL/dh_t||, t = 1..T: finite wherever the gradient is non-zero.
    pub fn dh_log10_norms(&self) -> Vec<f64> {
        self.dh.log10_norms()
    }

    /// ||dL/dh_t|| as f64 (inf only beyond f64's range): what the golden
    /// tests compare with PyTorch (the screens show `dh_log10_norms`, which
    /// stay finite past f64's range).
    pub fn dh_norms(&self) -> Vec<f64> {
        self.dh.norms()
    }

    /// log10 of the norm of all parameter gradients together.
    pub fn log10_param_norm(&self) -> f64 {
        param_log10_norm(&self.w_ih, &self.w_hh, &self.b_ih, &self.b_hh)
    }
}

fn param_log10_norm(a: &Scaled<Ix2>, b: &Scaled<Ix2>, c: &Scaled<Ix1>, d: &Scaled<Ix1>) -> f64 {
    // log10 sqrt(Σ 10^{2 l_i}), computed relative to the largest term.
    let l = [a.log10_norm(), b.log10_norm(), c.log10_norm(), d.log10_norm()];
    let top = l.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    if top == f64::NEG_INFINITY {
        return top;
    }
    top + 0.5 * l.iter().map(|li| 10f64.powf(2.0 * (li - top))).sum::<f64>().log10()
}

/// The gradient carried backward between cells: (dh, dc) × 10^scale, one scale
/// for both so that the LSTM's two paths stay comparable.
#[derive(Debug, Clone)]
struct Carry {
    dh: Array1<f64>,
    dc: Array1<f64>,
    scale: f64,
}

impl Carry {
    fn zeros(hd: usize, lstm: bool) -> Self {
        Carry { dh: Array1::zeros(hd), dc: Array1::zeros(if lstm { hd } else { 0 }), scale: 0.0 }
    }

    /// dh += g, where g (the loss's own gradient) has scale 0; the result
    /// takes the larger of the two scales.
    fn add_loss(&mut self, g: ArrayView1<f64>) {
        if g.iter().all(|v| *v == 0.0) {
            return;
        }
        if self.scale < 0.0 {
            // The carried gradient is tiny: bring it to g's scale (it may round to 0).
            let f = 10f64.powf(self.scale);
            self.dh.mapv_inplace(|v| v * f);
            self.dc.mapv_inplace(|v| v * f);
            self.scale = 0.0;
        }
        self.dh.scaled_add(10f64.powf(-self.scale), &g);
        self.renormalise();
    }

    fn renormalise(&mut self) {
        let n = crate::math::scaled::norm(self.dh.iter().chain(self.dc.iter()).copied());
        if n.is_finite() && n > 0.0 && !(1e-100..=1e100).contains(&n) {
            let k = n.log10().floor();
            let f = 10f64.powf(-k);
            self.dh.mapv_inplace(|v| v * f);
            self.dc.mapv_inplace(|v| v * f);
            self.scale += k;
        }
    }

    fn is_zero(&self) -> bool {
        self.dh.iter().chain(self.dc.iter()).all(|v| *v == 0.0)
    }
}

/// Each step's pre-activation gradients, summed over every path that reaches
/// the step: row t−1 of `d_ih` is dL/d(W_ih x_t + b_ih), of `d_hh`
/// dL/d(W_hh h_{t−1} + b_hh) (equal except for the GRU). The parameter and
/// input gradients are products of these with the inputs and states, done
/// at the end as matrix products.
struct Acc {
    d_ih: ScaledRows,
    /// None where δ_hh is δ_ih (every cell but the GRU).
    d_hh: Option<ScaledRows>,
}

impl Acc {
    /// dW = Σ_t δ_t ⊗ v_t × 10^{s_t + extra_t}, as one matrix product Dᵀ V:
    /// rows are first brought to the largest scale among them (a row more than
    /// ~300 powers of ten below it rounds to 0, far below the sum's precision).
    fn weight_grad(d: &ScaledRows, v: ArrayView2<f64>, extra: &[f64]) -> Scaled<Ix2> {
        let scales: Vec<f64> = d.log10_scale.iter().zip(extra).map(|(a, b)| a + b).collect();
        let (rows, top) = Self::common_scale(d, &scales);
        let mut w = Scaled { mantissa: rows.t().dot(&v), log10_scale: top };
        w.renormalise();
        w
    }

    /// db = Σ_t δ_t × 10^{s_t}.
    fn bias_grad(d: &ScaledRows) -> Scaled<Ix1> {
        let (rows, top) = Self::common_scale(d, &d.log10_scale);
        let mut b = Scaled { mantissa: rows.sum_axis(ndarray::Axis(0)), log10_scale: top };
        b.renormalise();
        b
    }

    /// The rows of `d` expressed at one scale (the largest of the non-zero
    /// rows'): `d`'s own rows, not a copy, in the common case where they
    /// already share it.
    fn common_scale<'a>(d: &'a ScaledRows, scales: &[f64]) -> (CowArray<'a, f64, Ix2>, f64) {
        let top = (0..d.rows())
            .filter(|&t| d.mantissa.row(t).iter().any(|v| *v != 0.0))
            .map(|t| scales[t])
            .fold(f64::NEG_INFINITY, f64::max);
        if top == f64::NEG_INFINITY {
            return (d.mantissa.view().into(), 0.0);
        }
        if scales.iter().all(|s| *s == top) {
            return (d.mantissa.view().into(), top);
        }
        let mut rows = d.mantissa.clone();
        for (t, mut row) in rows.rows_mut().into_iter().enumerate() {
            if scales[t] != top {
                let f = 10f64.powf(scales[t] - top);
                row.mapv_inplace(|v| v * f);
            }
        }
        (rows.into(), top)
    }
}

/// Backward through the cell of step t (1-based) for the gradient `g` reaching
/// h_t (and c_t); accumulates parameter and input gradients and returns the
/// gradient reaching h_{t−1} (and c_{t−1}).
///
/// `w_hh` is W_hh's entries, row-major. Without `acc` (the sweep, which reads
/// only dL/dh_t) the pre-activation gradients are not kept: the same carry,
/// none of the parameter gradients.
#[inline(always)] // into `backward_steps`, for each target it is compiled for
fn cell_backward(p: &RnnParams, w_hh: &[f64], f: &Forward, t: usize, g: &Carry, acc: Option<&mut Acc>) -> Carry {
    let r = t - 1; // row of the step's caches
    let h_prev = f.h.mantissa.row(t - 1);
    let pre = f.pre.row(r); // z for tanh and LSTM, the input part for the GRU
    let back = match &f.kept {
        Kept::Linear => linear::backward(&g.dh),
        Kept::Tanh => tanh::backward(&g.dh, f.act.row(r), pre),
        Kept::Lstm { c, tanh_c } => {
            let saved =
                lstm::Saved { c_prev: c.row(t - 1), c_t: c.row(t), tanh_c: tanh_c.row(r), gates: f.act.row(r), z: pre };
            lstm::backward(&g.dh, &g.dc, &saved)
        }
        Kept::Gru { m } => gru::backward(&g.dh, f.act.row(r), pre, m.row(r), h_prev),
    };
    let d_hh = back.d_hh.as_ref().unwrap_or(&back.d_ih);
    if let Some(acc) = acc {
        acc.d_ih.add_row(r, &back.d_ih, g.scale);
        if let Some(acc_hh) = acc.d_hh.as_mut() {
            acc_hh.add_row(r, d_hh, g.scale);
        }
    }
    // W_hhᵀ δ_hh, as Σ_k δ_hh[k] · (row k of W_hh).
    let mut dh_prev = Array1::zeros(p.hidden());
    let d_hh_slice = d_hh.as_slice().expect("a step's δ is a new array");
    super::add_rows(dh_prev.as_slice_mut().expect("a new array"), d_hh_slice, w_hh);
    if let Some(direct) = back.dh_direct {
        dh_prev += &direct;
    }
    let dc_prev = back.dc_prev.unwrap_or_else(|| Array1::zeros(g.dc.len()));
    let mut out = Carry { dh: dh_prev, dc: dc_prev, scale: g.scale };
    out.renormalise();
    out
}

/// BPTT for L = Σ_t g_t · h_t, with g [T, H].
pub fn bptt(p: &RnnParams, f: &Forward, g: ArrayView2<f64>, opts: BpttOptions) -> Result<Gradients, RnnError> {
    let (t_len, hd) = (f.steps(), p.hidden());
    shape_check("g", g.shape(), &[t_len, hd])?;
    if opts.truncation == Some(0) {
        return Err(RnnError::ZeroWindow);
    }
    if let Some(th) = opts.clip
        && !(th.is_finite() && th > 0.0)
    {
        return Err(RnnError::BadThreshold(th.to_string()));
    }
    let lstm = p.kind == CellKind::Lstm;
    let gh = p.w_hh.nrows();
    let own_hh = (p.kind == CellKind::Gru).then(|| ScaledRows::zeros(t_len, gh));
    let mut acc = Acc { d_ih: ScaledRows::zeros(t_len, gh), d_hh: own_hh };
    let w_hh = p.w_hh.as_standard_layout();
    let w_hh = w_hh.as_slice().expect("in standard layout");
    let mut dh = ScaledRows::zeros(t_len, hd);
    let mut h0 = Scaled::plain(Array1::zeros(hd));
    let mut c0 = Scaled::plain(Array1::zeros(if lstm { hd } else { 0 }));
    if let Some(window) = opts.truncation {
        // Truncated: the loss term at t flows back through cells t..t−k+1 only,
        // reaching h_t..h_{t−k}; h_{t−k}'s gradient goes no further.
        for t in (1..=t_len).rev() {
            let mut carry = Carry::zeros(hd, lstm);
            carry.add_loss(g.row(t - 1));
            if carry.is_zero() {
                continue;
            }
            let last = t.saturating_sub(window) + 1;
            for s in (last.max(1)..=t).rev() {
                dh.add_row(s - 1, &carry.dh, carry.scale);
                carry = cell_backward(p, w_hh, f, s, &carry, Some(&mut acc));
            }
            if last <= 1 {
                h0.add_scaled(&carry.dh, carry.scale);
                c0.add_scaled(&carry.dc, carry.scale);
            } else {
                dh.add_row(last - 2, &carry.dh, carry.scale);
            }
        }
    } else {
        let carry = full_backward(p, w_hh, f, g, DhOut::Rows(&mut dh), Some(&mut acc));
        h0 = Scaled { mantissa: carry.dh, log10_scale: carry.scale };
        c0 = Scaled { mantissa: carry.dc, log10_scale: carry.scale };
    }
    // dW_ih = Σ δ_ih ⊗ x_t, dW_hh = Σ δ_hh ⊗ h_{t−1}, dx_t = W_ihᵀ δ_ih.
    let h_prev = f.h.mantissa.slice(s![..t_len, ..]);
    let x_grad = ScaledRows { mantissa: acc.d_ih.mantissa.dot(&p.w_ih), log10_scale: acc.d_ih.log10_scale.clone() };
    let mut out = Gradients {
        w_ih: Acc::weight_grad(&acc.d_ih, f.x.view(), &vec![0.0; t_len]),
        w_hh: Acc::weight_grad(acc.d_hh.as_ref().unwrap_or(&acc.d_ih), h_prev, &f.h.log10_scale[..t_len]),
        b_ih: Acc::bias_grad(&acc.d_ih),
        b_hh: Acc::bias_grad(acc.d_hh.as_ref().unwrap_or(&acc.d_ih)),
        h0,
        c0: lstm.then_some(c0),
        x: x_grad,
        dh,
        delta_ih: acc.d_ih,
        delta_hh_own: acc.d_hh,
        clip: None,
    };
    if let Some(threshold) = opts.clip {
        out.clip = Some(clip_parameters(&mut out, threshold));
    }
    Ok(out)
}

/// Where full BPTT puts each dL/dh_t: the rows themselves (`bptt`), or only
/// log10 of their norms (`bptt_dh_log10_norms`, the sweep), by the function
/// `ScaledRows::log10_norms` uses on the rows (`scaled::log10_norm_of`).
enum DhOut<'a> {
    Rows(&'a mut ScaledRows),
    Log10Norms(&'a mut [f64]),
}

impl DhOut<'_> {
    #[inline(always)]
    fn put(&mut self, row: usize, carry: &Carry) {
        match self {
            DhOut::Rows(dh) => dh.set(row, &carry.dh, carry.scale),
            DhOut::Log10Norms(logs) => logs[row] = log10_norm_of(carry.dh.iter().copied(), carry.scale),
        }
    }
}

avx2_or_baseline! {
    /// Full BPTT, one sweep from t = T down to 1: dL/dh_t = g_t + (later
    /// steps), into `dh`; returns what reaches h_0 (and c_0). For AVX2 where
    /// the processor has it, as the forward steps are.
    fn full_backward(
        p: &RnnParams,
        w_hh: &[f64],
        f: &Forward,
        g: ArrayView2<f64>,
        dh: DhOut,
        acc: Option<&mut Acc>,
    ) -> Carry {
        backward_steps(p, w_hh, f, g, dh, acc)
    }
}

#[inline(always)]
fn backward_steps(
    p: &RnnParams,
    w_hh: &[f64],
    f: &Forward,
    g: ArrayView2<f64>,
    mut dh: DhOut,
    mut acc: Option<&mut Acc>,
) -> Carry {
    let mut carry = Carry::zeros(p.hidden(), p.kind == CellKind::Lstm);
    for t in (1..=f.steps()).rev() {
        carry.add_loss(g.row(t - 1));
        dh.put(t - 1, &carry);
        carry = cell_backward(p, w_hh, f, t, &carry, acc.as_deref_mut());
    }
    carry
}

/// log10 ||dL/dh_t||, t = 1..T, exactly as full BPTT (`bptt` without
/// truncation or clipping) gives them (`Gradients::dh_log10_norms`), without
/// keeping dL/dh_t or the per-step pre-activation gradients (a T × G·H
/// array) and without the parameter and input gradients built from those:
/// what `deepstep sweep` prints.
pub fn bptt_dh_log10_norms(p: &RnnParams, f: &Forward, g: ArrayView2<f64>) -> Result<Vec<f64>, RnnError> {
    shape_check("g", g.shape(), &[f.steps(), p.hidden()])?;
    let mut logs = vec![0.0; f.steps()];
    let w_hh = p.w_hh.as_standard_layout();
    full_backward(p, w_hh.as_slice().expect("in standard layout"), f, g, DhOut::Log10Norms(&mut logs), None);
    Ok(logs)
}

/// If ||g|| > threshold then g ← threshold · g / ||g|| (all parameter
/// gradients together). Scaling is a shift of the power-of-ten scale.
fn clip_parameters(gr: &mut Gradients, threshold: f64) -> ClipReport {
    let before = gr.log10_param_norm();
    let limit = threshold.log10();
    let after = if before > limit {
        let shift = limit - before;
        gr.w_ih.log10_scale += shift;
        gr.w_hh.log10_scale += shift;
        gr.b_ih.log10_scale += shift;
        gr.b_hh.log10_scale += shift;
        gr.log10_param_norm()
    } else {
        before
    };
    ClipReport { threshold, log10_norm_before: before, log10_norm_after: after }
}

/// (dL/dW_ih, dL/dW_hh) at one point of the backward loop.
pub type WeightGradPair = (Scaled<Ix2>, Scaled<Ix2>);

/// The weight gradients as BPTT accumulates them from the last step back
/// (before clipping). Entry t−1 of the first list is (log10 ||dW_ih||,
/// log10 ||dW_hh||) summed over steps s = t..T; the second list holds the
/// matrices themselves when `keep_matrices` (for small H: it costs T copies).
pub fn running_weight_grads(f: &Forward, g: &Gradients, keep_matrices: bool) -> (Vec<(f64, f64)>, Vec<WeightGradPair>) {
    let t_len = f.steps();
    let (gh, hd, inp) = (g.delta_ih.mantissa.ncols(), f.h.mantissa.ncols(), f.x.ncols());
    let mut w_ih = Scaled::plain(Array2::zeros((gh, inp)));
    let mut w_hh = Scaled::plain(Array2::zeros((gh, hd)));
    let mut norms = vec![(f64::NEG_INFINITY, f64::NEG_INFINITY); t_len];
    let mut mats = vec![];
    let delta_hh = g.delta_hh();
    let plain = g.delta_ih.log10_scale.iter().chain(&delta_hh.log10_scale).chain(&f.h.log10_scale).all(|s| *s == 0.0);
    // acc += u ⊗ v in place, the common case where every scale is 0.
    let rank1 = |acc: &mut Array2<f64>, u: ArrayView1<f64>, v: ArrayView1<f64>| {
        for (mut row, ui) in acc.rows_mut().into_iter().zip(u) {
            if *ui != 0.0 {
                row.scaled_add(*ui, &v);
            }
        }
    };
    let outer =
        |u: ArrayView1<f64>, v: ArrayView1<f64>| Array2::from_shape_fn((u.len(), v.len()), |(i, j)| u[i] * v[j]);
    for t in (1..=t_len).rev() {
        let r = t - 1;
        let (di, dh) = (g.delta_ih.mantissa.row(r), delta_hh.mantissa.row(r));
        if plain {
            rank1(&mut w_ih.mantissa, di, f.x.row(r));
            rank1(&mut w_hh.mantissa, dh, f.h.mantissa.row(r));
        } else {
            w_ih.add_scaled(&outer(di, f.x.row(r)), g.delta_ih.log10_scale[r]);
            w_hh.add_scaled(&outer(dh, f.h.mantissa.row(r)), delta_hh.log10_scale[r] + f.h.log10_scale[r]);
        }
        norms[r] = (w_ih.log10_norm(), w_hh.log10_norm());
        if keep_matrices {
            mats.push((w_ih.clone(), w_hh.clone()));
        }
    }
    mats.reverse();
    (norms, mats)
}
