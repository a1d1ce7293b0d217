//! Recurrent cells with PyTorch's equations, parameter shapes and gate order,
//! run over T steps, and backpropagation through time (BPTT).
//!
//! Parameters: `w_ih` [G·H, I], `w_hh` [G·H, H], `b_ih`, `b_hh` [G·H], where G
//! is the number of gate blocks (1 linear/tanh, 4 LSTM: i f g o, 3 GRU: r z n).
//!
//!   linear: h_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh
//!   tanh:   h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)
//!   LSTM:   [i f g o] = [σ σ tanh σ](W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)
//!           c_t = f ⊙ c_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(c_t)
//!   GRU:    r = σ(a_r + m_r), z = σ(a_z + m_z), n = tanh(a_n + r ⊙ m_n)
//!           (a = W_ih x_t + b_ih, m = W_hh h_{t−1} + b_hh)
//!           h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
//!
//! The loss is L = Σ_t g_t · h_t, so g_t is the gradient that the loss sends
//! into h_t directly; BPTT adds what reaches h_t from every later step.
//!
//! Exploding gradients (and the linear cell's exploding states) are carried
//! with a power-of-ten scale (`ScaledRows`, `Scaled`): for T = 1000 and a
//! spectral radius of 3 a gradient norm of 10^477 is still a number here.

use super::activation::{sigmoid, sigmoid_grad_at, tanh_grad_at};
use super::rng::Rng;
use super::scaled::Scaled;
use ndarray::{Array1, Array2, ArrayView1, ArrayView2, ArrayViewMut1, Ix1, Ix2, s};
use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CellKind {
    Linear,
    Tanh,
    Lstm,
    Gru,
}

impl CellKind {
    pub const ALL: [CellKind; 4] = [CellKind::Linear, CellKind::Tanh, CellKind::Lstm, CellKind::Gru];

    /// Its place in `ALL` (for per-cell tables such as names).
    pub fn index(self) -> usize {
        self as usize
    }

    /// Number of H-sized gate blocks in the weight matrices.
    pub fn gates(self) -> usize {
        match self {
            CellKind::Linear | CellKind::Tanh => 1,
            CellKind::Lstm => 4,
            CellKind::Gru => 3,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RnnError {
    #[error("{name} must have shape {expected:?}, got {got:?}")]
    Shape { name: &'static str, expected: Vec<usize>, got: Vec<usize> },
    #[error("hidden size must be at least 1")]
    ZeroHidden,
    #[error("the sequence must have at least one step")]
    EmptySequence,
    #[error("the truncation window must be at least 1 step, got 0")]
    ZeroWindow,
    #[error("the clipping threshold must be a positive number, got {0}")]
    BadThreshold(String),
}

fn shape_check(name: &'static str, got: &[usize], expected: &[usize]) -> Result<(), RnnError> {
    if got != expected {
        return Err(RnnError::Shape { name, expected: expected.to_vec(), got: got.to_vec() });
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq)]
pub struct RnnParams {
    pub kind: CellKind,
    pub w_ih: Array2<f64>,
    pub w_hh: Array2<f64>,
    pub b_ih: Array1<f64>,
    pub b_hh: Array1<f64>,
}

impl RnnParams {
    pub fn new(
        kind: CellKind,
        w_ih: Array2<f64>,
        w_hh: Array2<f64>,
        b_ih: Array1<f64>,
        b_hh: Array1<f64>,
    ) -> Result<Self, RnnError> {
        let h = w_hh.ncols();
        if h == 0 {
            return Err(RnnError::ZeroHidden);
        }
        let gh = kind.gates() * h;
        shape_check("w_hh", w_hh.shape(), &[gh, h])?;
        shape_check("w_ih", &[w_ih.nrows()], &[gh])?;
        shape_check("b_ih", b_ih.shape(), &[gh])?;
        shape_check("b_hh", b_hh.shape(), &[gh])?;
        Ok(RnnParams { kind, w_ih, w_hh, b_ih, b_hh })
    }

    /// Seeded parameters for the lab: every H×H block of W_hh has spectral
    /// radius exactly `radius`; W_ih ~ N(0, 1/I); biases 0 except the LSTM
    /// forget gate's, which is `forget_bias`.
    pub fn random(
        kind: CellKind,
        input: usize,
        hidden: usize,
        radius: f64,
        forget_bias: f64,
        seed: u64,
    ) -> Result<Self, RnnError> {
        if hidden == 0 {
            return Err(RnnError::ZeroHidden);
        }
        let mut rng = Rng::new(seed);
        let g = kind.gates();
        let mut w_hh = Array2::zeros((g * hidden, hidden));
        for k in 0..g {
            let block = with_spectral_radius(hidden, radius, &mut rng);
            w_hh.slice_mut(s![k * hidden..(k + 1) * hidden, ..]).assign(&block);
        }
        let scale = 1.0 / (input.max(1) as f64).sqrt();
        let w_ih = Array2::from_shape_fn((g * hidden, input), |_| rng.normal() * scale);
        let mut b_ih = Array1::zeros(g * hidden);
        if kind == CellKind::Lstm {
            b_ih.slice_mut(s![hidden..2 * hidden]).fill(forget_bias);
        }
        let b_hh = Array1::zeros(g * hidden);
        RnnParams::new(kind, w_ih, w_hh, b_ih, b_hh)
    }

    pub fn hidden(&self) -> usize {
        self.w_hh.ncols()
    }

    pub fn input(&self) -> usize {
        self.w_ih.ncols()
    }
}

/// An H×H matrix whose spectral radius is exactly `radius`:
/// W = Q diag(λ) Qᵀ with Q orthogonal (Gram–Schmidt of a Gaussian matrix),
/// λ_1 = radius and the other |λ_i| ≤ 0.8·radius. The gap makes the dominant
/// mode, whose growth rate the lab shows, take over within a few dozen steps.
pub fn with_spectral_radius(h: usize, radius: f64, rng: &mut Rng) -> Array2<f64> {
    let q = random_orthogonal(h, rng);
    let lambda: Vec<f64> = (0..h).map(|i| if i == 0 { radius } else { radius * rng.range(-0.8, 0.8) }).collect();
    // Q diag(λ) Qᵀ as (Q with column k scaled by λ_k) · Qᵀ.
    let mut ql = q.clone();
    for (k, mut col) in ql.columns_mut().into_iter().enumerate() {
        col.mapv_inplace(|v| v * lambda[k]);
    }
    ql.dot(&q.t())
}

/// Modified Gram–Schmidt on the rows of a Gaussian matrix (rows are
/// contiguous, so this runs in cache); the result's rows, and so its columns,
/// are orthonormal.
fn random_orthogonal(h: usize, rng: &mut Rng) -> Array2<f64> {
    loop {
        let mut q = Array2::from_shape_fn((h, h), |_| rng.normal());
        let mut ok = true;
        for k in 0..h {
            let (done, mut rest) = q.view_mut().split_at(ndarray::Axis(0), k);
            let mut row = rest.row_mut(0);
            for prev in done.rows() {
                let d = row.dot(&prev);
                row.scaled_add(-d, &prev);
            }
            let n = row.dot(&row).sqrt();
            if n < 1e-8 {
                ok = false; // a (vanishingly unlikely) dependent draw: draw again
                break;
            }
            row.mapv_inplace(|v| v / n);
        }
        if ok {
            return q;
        }
    }
}

/// Rows of values, each row with its own power-of-ten scale:
/// row t is `mantissa.row(t) × 10^log10_scale[t]`.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaledRows {
    pub mantissa: Array2<f64>,
    pub log10_scale: Vec<f64>,
}

impl ScaledRows {
    fn zeros(rows: usize, cols: usize) -> Self {
        ScaledRows { mantissa: Array2::zeros((rows, cols)), log10_scale: vec![0.0; rows] }
    }

    pub fn rows(&self) -> usize {
        self.mantissa.nrows()
    }

    pub fn row(&self, t: usize) -> Scaled<Ix1> {
        Scaled { mantissa: self.mantissa.row(t).to_owned(), log10_scale: self.log10_scale[t] }
    }

    fn set_row(&mut self, t: usize, v: &Scaled<Ix1>) {
        self.mantissa.row_mut(t).assign(&v.mantissa);
        self.log10_scale[t] = v.log10_scale;
    }

    fn add_row(&mut self, t: usize, v: &Array1<f64>, scale: f64) {
        let mut r = if self.log10_scale[t] == scale {
            let mut row = self.mantissa.row_mut(t);
            row += v;
            let n = super::scaled::norm(row.iter().copied());
            if n == 0.0 || (1e-100..=1e100).contains(&n) {
                return; // the common case: no rescaling needed
            }
            self.row(t)
        } else {
            let mut r = self.row(t);
            r.add_scaled(v, scale);
            r
        };
        r.renormalise();
        self.set_row(t, &r);
    }

    /// log10 of each row's norm (−inf for an exactly zero row).
    pub fn log10_norms(&self) -> Vec<f64> {
        (0..self.rows()).map(|t| self.row(t).log10_norm()).collect()
    }

    /// Each row's norm as f64 (inf only beyond f64's range).
    pub fn norms(&self) -> Vec<f64> {
        self.log10_norms().into_iter().map(|l| 10f64.powf(l)).collect()
    }

    pub fn to_plain(&self) -> Array2<f64> {
        let mut out = self.mantissa.clone();
        for t in 0..self.rows() {
            out.row_mut(t).assign(&self.row(t).to_plain());
        }
        out
    }
}

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
    /// W_ih x_t + b_ih, row t−1.
    pub pre_ih: Array2<f64>,
    /// W_hh h_{t−1} + b_hh, row t−1 (nonlinear cells; the linear cell needs none).
    pub pre_hh: Array2<f64>,
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

    /// ||x_t||, t = 1..T.
    pub fn x_norms(&self) -> Vec<f64> {
        self.x.rows().into_iter().map(|r| super::scaled::norm(r.iter().copied())).collect()
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
    let mut c = (p.kind == CellKind::Lstm).then(|| Array2::zeros((t_len + 1, hd)));
    if let (Some(c), Some(c0)) = (c.as_mut(), c0) {
        shape_check("c0", c0.shape(), &[hd])?;
        c.row_mut(0).assign(&c0);
    }
    let mut pre_ih = Array2::zeros((t_len, gh));
    let mut pre_hh = Array2::zeros((t_len, gh));
    let mut act = Array2::zeros((t_len, if p.kind == CellKind::Linear { 0 } else { gh }));
    let mut tanh_c = (p.kind == CellKind::Lstm).then(|| Array2::zeros((t_len, hd)));
    // The input terms of every step at once: W_ih x_t + b_ih, row t.
    pre_ih.assign(&(x.dot(&p.w_ih.t()) + &p.b_ih));
    for t in 0..t_len {
        let a = pre_ih.row(t).to_owned();
        let prev = h.mantissa.row(t).to_owned();
        let next: Scaled<Ix1> = match p.kind {
            CellKind::Linear => {
                // h_t = W_hh h_{t-1} + a, with h_{t-1} = m·10^s carried scaled.
                let mut v = Scaled { mantissa: p.w_hh.dot(&prev), log10_scale: h.log10_scale[t] };
                v.add_scaled(&(&a + &p.b_hh), 0.0);
                v
            }
            CellKind::Tanh => {
                let m = p.w_hh.dot(&prev) + &p.b_hh;
                let hn = (&a + &m).mapv(f64::tanh);
                pre_hh.row_mut(t).assign(&m);
                act.row_mut(t).assign(&hn);
                Scaled::plain(hn)
            }
            CellKind::Lstm => {
                let m = p.w_hh.dot(&prev) + &p.b_hh;
                let z = &a + &m;
                let cs = c.as_mut().expect("LSTM keeps c");
                let tc = tanh_c.as_mut().expect("LSTM keeps tanh(c)");
                let (before, mut after) = cs.view_mut().split_at(ndarray::Axis(0), t + 1);
                let c_prev = before.row(t);
                let hn = lstm_step(&z, c_prev, hd, act.row_mut(t), after.row_mut(0), tc.row_mut(t));
                pre_hh.row_mut(t).assign(&m);
                Scaled::plain(hn)
            }
            CellKind::Gru => {
                let m = p.w_hh.dot(&prev) + &p.b_hh;
                let hn = gru_step(&a, &m, prev.view(), hd, act.row_mut(t));
                pre_hh.row_mut(t).assign(&m);
                Scaled::plain(hn)
            }
        };
        h.set_row(t + 1, &next);
    }
    Ok(Forward { kind: p.kind, h, c, x: x.to_owned(), pre_ih, pre_hh, act, tanh_c })
}

/// One LSTM step from pre-activations z = [z_i z_f z_g z_o]; writes the
/// gates, c_t and tanh(c_t), returns h_t.
fn lstm_step(
    z: &Array1<f64>,
    c_prev: ArrayView1<f64>,
    hd: usize,
    mut act: ArrayViewMut1<f64>,
    mut c: ArrayViewMut1<f64>,
    mut tanh_c: ArrayViewMut1<f64>,
) -> Array1<f64> {
    Array1::from_shape_fn(hd, |j| {
        let (i, f) = (sigmoid(z[j]), sigmoid(z[hd + j]));
        let (g, o) = (z[2 * hd + j].tanh(), sigmoid(z[3 * hd + j]));
        c[j] = f * c_prev[j] + i * g;
        tanh_c[j] = c[j].tanh();
        for (k, v) in [i, f, g, o].into_iter().enumerate() {
            act[k * hd + j] = v;
        }
        o * tanh_c[j]
    })
}

/// One GRU step from a = W_ih x + b_ih and m = W_hh h + b_hh; writes [r z n].
fn gru_step(
    a: &Array1<f64>,
    m: &Array1<f64>,
    h_prev: ArrayView1<f64>,
    hd: usize,
    mut act: ArrayViewMut1<f64>,
) -> Array1<f64> {
    Array1::from_shape_fn(hd, |j| {
        let r = sigmoid(a[j] + m[j]);
        let z = sigmoid(a[hd + j] + m[hd + j]);
        let n = (a[2 * hd + j] + r * m[2 * hd + j]).tanh();
        act[j] = r;
        act[hd + j] = z;
        act[2 * hd + j] = n;
        (1.0 - z) * n + z * h_prev[j]
    })
}

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
    pub delta_hh: ScaledRows,
    pub clip: Option<ClipReport>,
}

impl Gradients {
    /// log10 ||dL/dh_t||, t = 1..T: finite wherever the gradient is non-zero.
    pub fn dh_log10_norms(&self) -> Vec<f64> {
        self.dh.log10_norms()
    }

    /// ||dL/dh_t|| as f64 (inf only beyond f64's range).
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
        let n = super::scaled::norm(self.dh.iter().chain(self.dc.iter()).copied());
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
    d_hh: ScaledRows,
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

    /// The rows of `d` expressed at one scale (the largest of the non-zero rows').
    fn common_scale(d: &ScaledRows, scales: &[f64]) -> (Array2<f64>, f64) {
        let top = (0..d.rows())
            .filter(|&t| d.mantissa.row(t).iter().any(|v| *v != 0.0))
            .map(|t| scales[t])
            .fold(f64::NEG_INFINITY, f64::max);
        if top == f64::NEG_INFINITY {
            return (d.mantissa.clone(), 0.0);
        }
        if scales.iter().all(|s| *s == top) {
            return (d.mantissa.clone(), top);
        }
        let mut rows = d.mantissa.clone();
        for (t, mut row) in rows.rows_mut().into_iter().enumerate() {
            if scales[t] != top {
                let f = 10f64.powf(scales[t] - top);
                row.mapv_inplace(|v| v * f);
            }
        }
        (rows, top)
    }
}

/// Backward through the cell of step t (1-based) for the gradient `g` reaching
/// h_t (and c_t); accumulates parameter and input gradients and returns the
/// gradient reaching h_{t−1} (and c_{t−1}).
fn cell_backward(p: &RnnParams, w_hh_t: &Array2<f64>, f: &Forward, t: usize, g: &Carry, acc: &mut Acc) -> Carry {
    let hd = p.hidden();
    let r = t - 1; // row of the step's caches
    let h_prev = f.h.mantissa.row(t - 1);
    let a = f.pre_ih.row(r);
    let m = f.pre_hh.row(r);
    let mut dc_prev = Array1::zeros(g.dc.len());
    let mut dh_direct: Option<Array1<f64>> = None;
    // δ_ih: dL/d(W_ih x + b_ih); δ_hh: dL/d(W_hh h + b_hh).
    let (d_ih, d_hh) = match p.kind {
        CellKind::Linear => (g.dh.clone(), g.dh.clone()),
        CellKind::Tanh => {
            // δ = dh ⊙ tanh'(a + m)
            let h_t = f.act.row(r);
            let d = Array1::from_shape_fn(hd, |j| g.dh[j] * tanh_grad_at(h_t[j], a[j] + m[j]));
            (d.clone(), d)
        }
        CellKind::Lstm => {
            let c = f.c.as_ref().expect("LSTM keeps c");
            let tanh_c = f.tanh_c.as_ref().expect("LSTM keeps tanh(c)").row(r);
            let (c_prev, c_t, gates) = (c.row(t - 1), c.row(t), f.act.row(r));
            let mut d = Array1::zeros(4 * hd);
            for j in 0..hd {
                let z = |k: usize| a[k * hd + j] + m[k * hd + j];
                let (i, fg, gg, o) = (gates[j], gates[hd + j], gates[2 * hd + j], gates[3 * hd + j]);
                // dc_t total = carried dc + dh ⊙ o ⊙ tanh'(c_t)
                let dc = g.dc[j] + g.dh[j] * o * tanh_grad_at(tanh_c[j], c_t[j]);
                d[j] = dc * gg * sigmoid_grad_at(i, z(0)); // di
                d[hd + j] = dc * c_prev[j] * sigmoid_grad_at(fg, z(1)); // df
                d[2 * hd + j] = dc * i * tanh_grad_at(gg, z(2)); // dg
                d[3 * hd + j] = g.dh[j] * tanh_c[j] * sigmoid_grad_at(o, z(3)); // do
                dc_prev[j] = dc * fg;
            }
            (d.clone(), d)
        }
        CellKind::Gru => {
            let gates = f.act.row(r);
            let mut d_ih = Array1::zeros(3 * hd);
            let mut d_hh = Array1::zeros(3 * hd);
            let mut direct = Array1::zeros(hd);
            for j in 0..hd {
                let (zr, zz) = (a[j] + m[j], a[hd + j] + m[hd + j]);
                let (r, z, n) = (gates[j], gates[hd + j], gates[2 * hd + j]);
                let zn = a[2 * hd + j] + r * m[2 * hd + j];
                let dn = g.dh[j] * (1.0 - z) * tanh_grad_at(n, zn); // through n's tanh
                let dz = g.dh[j] * (h_prev[j] - n) * sigmoid_grad_at(z, zz);
                let dr = dn * m[2 * hd + j] * sigmoid_grad_at(r, zr);
                d_ih[j] = dr;
                d_ih[hd + j] = dz;
                d_ih[2 * hd + j] = dn;
                d_hh[j] = dr;
                d_hh[hd + j] = dz;
                d_hh[2 * hd + j] = dn * r;
                direct[j] = g.dh[j] * z; // h_t depends on h_{t−1} directly through z ⊙ h_{t−1}
            }
            dh_direct = Some(direct);
            (d_ih, d_hh)
        }
    };
    acc.d_ih.add_row(r, &d_ih, g.scale);
    acc.d_hh.add_row(r, &d_hh, g.scale);
    let mut dh_prev = w_hh_t.dot(&d_hh); // W_hhᵀ δ_hh
    if let Some(direct) = dh_direct {
        dh_prev += &direct;
    }
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
    let mut acc = Acc { d_ih: ScaledRows::zeros(t_len, gh), d_hh: ScaledRows::zeros(t_len, gh) };
    // W_hhᵀ laid out row-major once, so each step's product reads memory in order.
    let w_hh_t = p.w_hh.t().as_standard_layout().into_owned();
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
                carry = cell_backward(p, &w_hh_t, f, s, &carry, &mut acc);
            }
            if last <= 1 {
                h0.add_scaled(&carry.dh, carry.scale);
                c0.add_scaled(&carry.dc, carry.scale);
            } else {
                dh.add_row(last - 2, &carry.dh, carry.scale);
            }
        }
    } else {
        // Full BPTT, one sweep from t = T down to 1: dL/dh_t = g_t + (later steps).
        let mut carry = Carry::zeros(hd, lstm);
        for t in (1..=t_len).rev() {
            carry.add_loss(g.row(t - 1));
            dh.set_row(t - 1, &Scaled { mantissa: carry.dh.clone(), log10_scale: carry.scale });
            carry = cell_backward(p, &w_hh_t, f, t, &carry, &mut acc);
        }
        h0 = Scaled { mantissa: carry.dh, log10_scale: carry.scale };
        c0 = Scaled { mantissa: carry.dc, log10_scale: carry.scale };
    }
    // dW_ih = Σ δ_ih ⊗ x_t, dW_hh = Σ δ_hh ⊗ h_{t−1}, dx_t = W_ihᵀ δ_ih.
    let h_prev = f.h.mantissa.slice(s![..t_len, ..]);
    let x_grad = ScaledRows { mantissa: acc.d_ih.mantissa.dot(&p.w_ih), log10_scale: acc.d_ih.log10_scale.clone() };
    let mut out = Gradients {
        w_ih: Acc::weight_grad(&acc.d_ih, f.x.view(), &vec![0.0; t_len]),
        w_hh: Acc::weight_grad(&acc.d_hh, h_prev, &f.h.log10_scale[..t_len]),
        b_ih: Acc::bias_grad(&acc.d_ih),
        b_hh: Acc::bias_grad(&acc.d_hh),
        h0,
        c0: lstm.then_some(c0),
        x: x_grad,
        dh,
        delta_ih: acc.d_ih,
        delta_hh: acc.d_hh,
        clip: None,
    };
    if let Some(threshold) = opts.clip {
        out.clip = Some(clip_parameters(&mut out, threshold));
    }
    Ok(out)
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
    let plain = g.delta_ih.log10_scale.iter().chain(&g.delta_hh.log10_scale).chain(&f.h.log10_scale).all(|s| *s == 0.0);
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
        let (di, dh) = (g.delta_ih.mantissa.row(r), g.delta_hh.mantissa.row(r));
        if plain {
            rank1(&mut w_ih.mantissa, di, f.x.row(r));
            rank1(&mut w_hh.mantissa, dh, f.h.mantissa.row(r));
        } else {
            w_ih.add_scaled(&outer(di, f.x.row(r)), g.delta_ih.log10_scale[r]);
            w_hh.add_scaled(&outer(dh, f.h.mantissa.row(r)), g.delta_hh.log10_scale[r] + f.h.log10_scale[r]);
        }
        norms[r] = (w_ih.log10_norm(), w_hh.log10_norm());
        if keep_matrices {
            mats.push((w_ih.clone(), w_hh.clone()));
        }
    }
    mats.reverse();
    (norms, mats)
}

/// The largest singular value of W (power iteration on WᵀW): the bound on how
/// much one step of a linear map can stretch a vector.
pub fn spectral_norm(w: &Array2<f64>) -> f64 {
    let mut v = Array1::from_elem(w.ncols(), 1.0 / (w.ncols().max(1) as f64).sqrt());
    let mut sigma = 0.0;
    for _ in 0..500 {
        let wv = w.dot(&v);
        let u = w.t().dot(&wv);
        let n = u.dot(&u).sqrt();
        if n == 0.0 {
            return 0.0;
        }
        let next = wv.dot(&wv).sqrt();
        v = u / n;
        if (next - sigma).abs() <= 1e-13 * next {
            return next;
        }
        sigma = next;
    }
    sigma
}

/// log10 of the factor ||dL/dh_{t−1}|| / ||dL/dh_t|| for each step back
/// (entry t−2 for t = 2..T), None where either gradient is zero.
pub fn step_factors_log10(dh_log10: &[f64]) -> Vec<Option<f64>> {
    dh_log10.windows(2).map(|w| (w[0].is_finite() && w[1].is_finite()).then(|| w[0] - w[1])).collect()
}

/// The measured growth per step far from the loss: the least-squares slope of
/// log10 ||dL/dh|| against the distance from the loss, over the farther half
/// of the finite values, as a factor (0.83 means ×0.83 per step back).
pub fn rate_per_step(dh_log10: &[f64]) -> Option<f64> {
    let t_len = dh_log10.len();
    let pts: Vec<(f64, f64)> = dh_log10
        .iter()
        .enumerate()
        .map(|(i, l)| ((t_len - 1 - i) as f64, *l))
        .filter(|(d, l)| l.is_finite() && *d >= (t_len / 2) as f64)
        .collect();
    if pts.len() < 2 {
        return None;
    }
    let n = pts.len() as f64;
    let (mx, my) = (pts.iter().map(|p| p.0).sum::<f64>() / n, pts.iter().map(|p| p.1).sum::<f64>() / n);
    let sxx: f64 = pts.iter().map(|p| (p.0 - mx) * (p.0 - mx)).sum();
    let sxy: f64 = pts.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    (sxx > 0.0).then(|| 10f64.powf(sxy / sxx))
}

/// The reference line log10 ||dL/dh|| = start + slope·d for distances d = 0..n:
/// a geometric decay or growth by 10^slope per step.
pub fn geometric_line(start: f64, slope: f64, n: usize) -> Vec<(f64, f64)> {
    (0..n).map(|d| (d as f64, start + slope * d as f64)).collect()
}

/// Loss for the last step only: g = 0 except g_T = ones.
pub fn loss_on_last(t_len: usize, hidden: usize) -> Array2<f64> {
    let mut g = Array2::zeros((t_len, hidden));
    if t_len > 0 {
        g.row_mut(t_len - 1).fill(1.0);
    }
    g
}

/// Seeded inputs x [T, I] ~ scale · N(0, 1).
pub fn random_inputs(t_len: usize, input: usize, scale: f64, seed: u64) -> Array2<f64> {
    let mut rng = Rng::new(seed ^ 0x5EED_1234);
    Array2::from_shape_fn((t_len, input), |_| scale * rng.normal())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_index_is_the_place_in_all() {
        for (i, k) in CellKind::ALL.iter().enumerate() {
            assert_eq!(k.index(), i);
        }
    }

    fn power_iteration_radius(w: &Array2<f64>) -> f64 {
        // W is symmetric by construction: |λ_max| = lim ||W^k v||^{1/k}.
        let mut v = Array1::from_elem(w.nrows(), 1.0);
        let mut r = 0.0;
        for _ in 0..2000 {
            let nv = w.dot(&v);
            r = nv.dot(&nv).sqrt() / v.dot(&v).sqrt();
            v = &nv / nv.dot(&nv).sqrt();
        }
        r
    }

    #[test]
    fn spectral_radius_is_exact() {
        let mut rng = Rng::new(11);
        for &rho in &[0.1, 0.9, 1.0, 2.5] {
            let w = with_spectral_radius(6, rho, &mut rng);
            assert!((&w - &w.t()).iter().all(|d| d.abs() < 1e-12), "symmetric");
            let r = power_iteration_radius(&w);
            assert!((r - rho).abs() < 1e-9 * rho.max(1.0), "rho {rho} got {r}");
        }
    }

    #[test]
    fn running_grads_end_at_the_totals_and_rates_read_the_slope() {
        let p = RnnParams::random(CellKind::Tanh, 2, 3, 0.9, 0.0, 1).unwrap();
        let x = random_inputs(6, 2, 1.0, 3);
        let f = forward(&p, x.view(), Array1::zeros(3).view(), None).unwrap();
        let g = bptt(&p, &f, loss_on_last(6, 3).view(), BpttOptions::default()).unwrap();
        let (norms, run) = running_weight_grads(&f, &g, true);
        let (wi, wh) = &run[0];
        assert!((&wi.to_plain() - &g.w_ih.to_plain()).iter().all(|d| d.abs() < 1e-12));
        assert!((&wh.to_plain() - &g.w_hh.to_plain()).iter().all(|d| d.abs() < 1e-12));
        assert_eq!(norms[0], (g.w_ih.log10_norm(), g.w_hh.log10_norm()));
        assert_eq!(norms[5].1, run[5].1.log10_norm());
        let logs: Vec<f64> = (0..20).map(|i| (19 - i) as f64 * 0.5f64.log10()).collect();
        assert!((rate_per_step(&logs).unwrap() - 0.5).abs() < 1e-12);
        assert_eq!(step_factors_log10(&[1.0, f64::NEG_INFINITY, 2.0]), vec![None, None]);
        let w = ndarray::array![[3.0, 0.0], [0.0, -1.0]];
        assert!((spectral_norm(&w) - 3.0).abs() < 1e-12);
    }

    #[test]
    fn bad_options_are_errors() {
        let p = RnnParams::random(CellKind::Tanh, 2, 3, 0.9, 0.0, 1).unwrap();
        let x = random_inputs(4, 2, 1.0, 1);
        let f = forward(&p, x.view(), Array1::zeros(3).view(), None).unwrap();
        let g = loss_on_last(4, 3);
        let bad = BpttOptions { truncation: Some(0), clip: None };
        assert_eq!(bptt(&p, &f, g.view(), bad), Err(RnnError::ZeroWindow));
        let bad = BpttOptions { truncation: None, clip: Some(-1.0) };
        assert!(matches!(bptt(&p, &f, g.view(), bad), Err(RnnError::BadThreshold(_))));
        let wrong = Array2::zeros((3, 3));
        assert!(matches!(bptt(&p, &f, wrong.view(), BpttOptions::default()), Err(RnnError::Shape { .. })));
        let x_bad = Array2::zeros((0, 2));
        assert_eq!(forward(&p, x_bad.view(), Array1::zeros(3).view(), None), Err(RnnError::EmptySequence));
    }

    #[test]
    fn truncation_zeroes_steps_beyond_the_window() {
        let p = RnnParams::random(CellKind::Tanh, 2, 3, 0.9, 0.0, 1).unwrap();
        let x = random_inputs(10, 2, 1.0, 2);
        let f = forward(&p, x.view(), Array1::zeros(3).view(), None).unwrap();
        let g = loss_on_last(10, 3);
        let opts = BpttOptions { truncation: Some(3), clip: None };
        let gr = bptt(&p, &f, g.view(), opts).unwrap();
        let norms = gr.dh_norms();
        // h_10, h_9, h_8 (through three cells) and h_7 receive gradient; no earlier step does.
        assert!(norms[..6].iter().all(|n| *n == 0.0), "{norms:?}");
        assert!(norms[6..].iter().all(|n| *n > 0.0), "{norms:?}");
        assert!(gr.h0.norm() == 0.0);
    }
}
