//! The counting-ones linear RNN, the classic BPTT exercise:
//!
//!   S_0 = 0,   S_k = S_{k−1} · w_rec + x_k · w_x   (k = 1..T),
//!   y = S_T,   t = number of ones,   L = (1/N) Σ_n (y_n − t_n)².
//!
//! Backward, from k = T down to 1:
//!
//!   dL/dS_T   = 2 (y − y*) / N   (y* = the target, the number of ones)
//!   dL/dw_x  += Σ_n dL/dS_k · x_k
//!   dL/dw_rec += Σ_n dL/dS_k · S_{k−1}
//!   dL/dS_{k−1} = dL/dS_k · w_rec

use ndarray::{Array1, Array2, ArrayView2, Axis};

/// The forward pass: states S_0..S_T for every sequence, predictions and loss.
#[derive(Debug, Clone, PartialEq)]
pub struct CountForward {
    /// [N, T+1], column k is S_k.
    pub s: Array2<f64>,
    pub y: Array1<f64>,
    pub targets: Array1<f64>,
    pub loss: f64,
}

/// One step k of the backward loop, as the lab steps through it.
#[derive(Debug, Clone, PartialEq)]
pub struct BackStep {
    pub k: usize,
    /// dL/dS_k for every sequence.
    pub ds_k: Array1<f64>,
    /// Each sequence's terms: dL/dS_k · x_k and dL/dS_k · S_{k−1}.
    pub term_w_x: Array1<f64>,
    pub term_w_rec: Array1<f64>,
    /// What this step adds: Σ_n dL/dS_k · x_k and Σ_n dL/dS_k · S_{k−1}.
    pub add_w_x: f64,
    pub add_w_rec: f64,
    /// The running sums after this step.
    pub g_w_x: f64,
    pub g_w_rec: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CountBackward {
    /// [N, T+1], column k is dL/dS_k (column 0 = w_rec · column 1).
    pub ds: Array2<f64>,
    pub g_w_x: f64,
    pub g_w_rec: f64,
    /// The loop's steps in order k = T, T−1, ..., 1.
    pub steps: Vec<BackStep>,
}

/// Targets: the number of ones in each sequence (row of x).
pub fn targets(x: ArrayView2<f64>) -> Array1<f64> {
    x.sum_axis(Axis(1))
}

pub fn forward(x: ArrayView2<f64>, w_x: f64, w_rec: f64) -> CountForward {
    let (n, t_len) = x.dim();
    let mut s = Array2::zeros((n, t_len + 1));
    for k in 1..=t_len {
        for i in 0..n {
            s[[i, k]] = s[[i, k - 1]] * w_rec + x[[i, k - 1]] * w_x;
        }
    }
    let y = s.column(t_len).to_owned();
    let targets = targets(x);
    let loss = if n == 0 { 0.0 } else { (&y - &targets).mapv(|e| e * e).sum() / n as f64 };
    CountForward { s, y, targets, loss }
}

pub fn backward(x: ArrayView2<f64>, f: &CountForward, w_rec: f64) -> CountBackward {
    let (n, t_len) = x.dim();
    let mut ds = Array2::zeros((n, t_len + 1));
    if n > 0 {
        ds.column_mut(t_len).assign(&((&f.y - &f.targets) * (2.0 / n as f64)));
    }
    let (mut g_w_x, mut g_w_rec) = (0.0, 0.0);
    let mut steps = Vec::with_capacity(t_len);
    for k in (1..=t_len).rev() {
        let ds_k = ds.column(k).to_owned();
        let term_w_x = &ds_k * &x.column(k - 1);
        let term_w_rec = &ds_k * &f.s.column(k - 1);
        let add_w_x = ds_k.dot(&x.column(k - 1));
        let add_w_rec = ds_k.dot(&f.s.column(k - 1));
        g_w_x += add_w_x;
        g_w_rec += add_w_rec;
        ds.column_mut(k - 1).assign(&(&ds_k * w_rec));
        steps.push(BackStep { k, ds_k, term_w_x, term_w_rec, add_w_x, add_w_rec, g_w_x, g_w_rec });
    }
    CountBackward { ds, g_w_x, g_w_rec, steps }
}

/// (L, dL/dw_x, dL/dw_rec).
pub fn loss_and_grads(x: ArrayView2<f64>, w_x: f64, w_rec: f64) -> (f64, f64, f64) {
    let f = forward(x, w_x, w_rec);
    let b = backward(x, &f, w_rec);
    (f.loss, b.g_w_x, b.g_w_rec)
}

/// The loss on a grid: entry [i, j] at w_rec = rec[i], w_x = wx[j].
pub fn loss_grid(x: ArrayView2<f64>, wx: &[f64], rec: &[f64]) -> Array2<f64> {
    Array2::from_shape_fn((rec.len(), wx.len()), |(i, j)| forward(x, wx[j], rec[i]).loss)
}

/// `n` evenly spaced values from lo to hi inclusive.
pub fn linspace(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    match n {
        0 => vec![],
        1 => vec![lo],
        _ => (0..n).map(|i| lo + (hi - lo) * i as f64 / (n - 1) as f64).collect(),
    }
}

/// Gradient descent: w ← w − lr · ∇L. Returns the path, start included; it
/// stops early, before the first step whose loss or weights would not be
/// finite (a too-large step off the cliff at |w_rec| > 1 diverges).
pub fn train_gd(x: ArrayView2<f64>, start: (f64, f64), lr: f64, iterations: usize) -> Vec<(f64, f64)> {
    let mut path = vec![start];
    let (mut wx, mut wr) = start;
    for _ in 0..iterations {
        let (_, gx, gr) = loss_and_grads(x, wx, wr);
        let (nx, nr) = (wx - lr * gx, wr - lr * gr);
        if !(nx.is_finite() && nr.is_finite() && forward(x, nx, nr).loss.is_finite()) {
            break;
        }
        (wx, wr) = (nx, nr);
        path.push((wx, wr));
    }
    path
}

/// Rprop's step sizes and factors.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rprop {
    pub delta0: f64,
    pub eta_plus: f64,
    pub eta_minus: f64,
}

/// Rprop's memory between updates: the step sizes Δ and the previous signs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RpropState {
    pub delta: [f64; 2],
    pub prev_sign: [f64; 2],
}

impl RpropState {
    pub fn new(r: &Rprop) -> Self {
        RpropState { delta: [r.delta0; 2], prev_sign: [0.0; 2] }
    }
}

/// One Rprop update as in the tutorial: for each weight j, Δ_j ← Δ_j·η+ when
/// sign(g_j) equals the previous sign, else Δ_j·η− (the previous sign starts
/// at 0, so the first step halves Δ); then w_j ← w_j − sign(g_j)·Δ_j.
pub fn rprop_step(x: ArrayView2<f64>, w: (f64, f64), r: &Rprop, st: &mut RpropState) -> (f64, f64) {
    let (_, gx, gr) = loss_and_grads(x, w.0, w.1);
    let sign = [sign(gx), sign(gr)];
    let mut w = [w.0, w.1];
    for j in 0..2 {
        st.delta[j] *= if sign[j] == st.prev_sign[j] { r.eta_plus } else { r.eta_minus };
        w[j] -= sign[j] * st.delta[j];
    }
    st.prev_sign = sign;
    (w[0], w[1])
}

/// `iterations` Rprop updates from `start`; returns the path, start included.
pub fn train_rprop(x: ArrayView2<f64>, start: (f64, f64), r: Rprop, iterations: usize) -> Vec<(f64, f64)> {
    let mut st = RpropState::new(&r);
    let mut path = vec![start];
    for _ in 0..iterations {
        let next = rprop_step(x, *path.last().unwrap_or(&start), &r, &mut st);
        path.push(next);
    }
    path
}

/// log10 of the loss on a grid (entry [i, j] at w_rec = rec[i], w_x = wx[j]):
/// the colour scale of the loss surface, where the cliff at |w_rec| > 1 spans
/// many powers of ten. A zero loss maps to the grid's smallest non-zero value.
pub fn log10_loss_grid(x: ArrayView2<f64>, wx: &[f64], rec: &[f64]) -> Array2<f64> {
    let g = loss_grid(x, wx, rec);
    let floor = g.iter().copied().filter(|v| *v > 0.0).fold(f64::INFINITY, f64::min);
    let floor = if floor.is_finite() { floor } else { 1.0 };
    g.mapv(|v| {
        if v > 0.0 && v.is_finite() {
            v.log10()
        } else if v > 0.0 {
            f64::MAX.log10()
        } else {
            floor.log10()
        }
    })
}

/// numpy's sign: −1, 0 or 1.
fn sign(v: f64) -> f64 {
    if v > 0.0 {
        1.0
    } else if v < 0.0 {
        -1.0
    } else {
        0.0
    }
}

/// The analytic gradient beside a central finite difference,
/// (L(w + h) − L(w − h)) / 2h, and their relative error |a − n| / max(|a|, |n|).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GradCheck {
    pub analytic: (f64, f64),
    pub numeric: (f64, f64),
    pub rel_error: (f64, f64),
}

pub fn gradient_check(x: ArrayView2<f64>, w_x: f64, w_rec: f64, h: f64) -> GradCheck {
    let (_, gx, gr) = loss_and_grads(x, w_x, w_rec);
    let l = |a: f64, b: f64| forward(x, a, b).loss;
    let nx = (l(w_x + h, w_rec) - l(w_x - h, w_rec)) / (2.0 * h);
    let nr = (l(w_x, w_rec + h) - l(w_x, w_rec - h)) / (2.0 * h);
    let rel = |a: f64, n: f64| {
        let d = a.abs().max(n.abs());
        if d == 0.0 { 0.0 } else { (a - n).abs() / d }
    };
    GradCheck { analytic: (gx, gr), numeric: (nx, nr), rel_error: (rel(gx, nx), rel(gr, nr)) }
}

/// The mistakes learners make in the BPTT loop of this exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mistake {
    /// `g_w_x = ...` instead of `g_w_x += ...`: only the last iteration (k = 1) remains.
    NoAccumulation,
    /// dL/dw_rec += dL/dS_k · S_k, where S_{k−1} belongs.
    CurrentState,
    /// dL/dS_{k−1} = dL/dS_k, forgetting the × w_rec of the chain rule.
    MissingWrec,
    /// dL/dS_T = (y − y*)/N: the 2 of the square's derivative dropped.
    MissingFactor2,
    /// dL/dS_T = 2(y − y*): the 1/N of the mean dropped.
    MissingOneOverN,
}

impl Mistake {
    pub const ALL: [Mistake; 5] = [
        Mistake::NoAccumulation,
        Mistake::CurrentState,
        Mistake::MissingWrec,
        Mistake::MissingFactor2,
        Mistake::MissingOneOverN,
    ];
}

/// What the loop with `mistake` computes for (dL/dw_x, dL/dw_rec).
pub fn mistaken_gradient(x: ArrayView2<f64>, w_x: f64, w_rec: f64, mistake: Mistake) -> (f64, f64) {
    let (n, t_len) = x.dim();
    let f = forward(x, w_x, w_rec);
    let scale = match mistake {
        Mistake::MissingFactor2 => 1.0 / n.max(1) as f64,
        Mistake::MissingOneOverN => 2.0,
        _ => 2.0 / n.max(1) as f64,
    };
    let mut ds = (&f.y - &f.targets) * scale;
    let (mut gx, mut gr) = (0.0, 0.0);
    for k in (1..=t_len).rev() {
        let prev = if mistake == Mistake::CurrentState { k } else { k - 1 };
        let (ax, ar) = (ds.dot(&x.column(k - 1)), ds.dot(&f.s.column(prev)));
        if mistake == Mistake::NoAccumulation {
            (gx, gr) = (ax, ar);
        } else {
            gx += ax;
            gr += ar;
        }
        if mistake != Mistake::MissingWrec {
            ds *= w_rec;
        }
    }
    (gx, gr)
}

/// Sequence `seq`'s three numbers at each step k = T, …, 1 as the loop with
/// `mistake` computes them: (dL/dS_k, dL/dS_k·x_k, dL/dS_k·S_{k−1}), with
/// S_k in the last for `CurrentState`. `NoAccumulation` changes only the
/// sums, so its numbers here are the right ones. Empty for no such sequence.
pub fn mistaken_terms(x: ArrayView2<f64>, w_x: f64, w_rec: f64, mistake: Mistake, seq: usize) -> Vec<[f64; 3]> {
    let (n, t_len) = x.dim();
    if seq >= n {
        return vec![];
    }
    let f = forward(x, w_x, w_rec);
    let scale = match mistake {
        Mistake::MissingFactor2 => 1.0 / n as f64,
        Mistake::MissingOneOverN => 2.0,
        _ => 2.0 / n as f64,
    };
    let mut d = (f.y[seq] - f.targets[seq]) * scale;
    let mut out = Vec::with_capacity(t_len);
    for k in (1..=t_len).rev() {
        let prev = if mistake == Mistake::CurrentState { k } else { k - 1 };
        out.push([d, d * x[[seq, k - 1]], d * f.s[[seq, prev]]]);
        if mistake != Mistake::MissingWrec {
            d *= w_rec;
        }
    }
    out
}

/// How far a gradient pair is from another: the Euclidean distance.
pub fn gradient_distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

/// A seeded data set of `n` binary sequences of length `t_len`.
pub fn random_sequences(n: usize, t_len: usize, seed: u64) -> ndarray::Array2<f64> {
    let mut r = super::rng::Rng::new(seed);
    ndarray::Array2::from_shape_simple_fn((n, t_len), || (r.uniform() < 0.5) as u8 as f64)
}
