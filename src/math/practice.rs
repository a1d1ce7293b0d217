//! The practice exercises' answers and the classic wrong answers, computed
//! the way the learner's Python would compute them. The checker compares a
//! learner's output with the right one and, when it differs, with each
//! mistake here, so it can name the misconception behind a wrong number.
//!
//! The right answers reuse the PyTorch-verified functions (`counting_rnn`,
//! `conv`, `linreg`, `mle`, `prob`); each mistake is the same loop with the
//! one line a learner gets wrong.

use super::conv::{self, ConvParams};
use super::linreg::ErrorMeasure;
use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis, s};

/// The BPTT loop's mistakes, as in `backward_gradient(X, S, grad_out, wRec)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BpttMistake {
    /// `wx_grad = ...` instead of `+=`: only k = 1 remains.
    Overwrite,
    /// `S[:, k]` where `S[:, k-1]` belongs.
    CurrentState,
    /// `grad_over_time[:, k-1] = grad_over_time[:, k]`, without `* wRec`.
    MissingWrec,
    /// `np.mean` over the batch although grad_out already carries 1/N.
    BatchMean,
    /// `for k in range(1, T+1)`: the loop runs forward.
    Forward,
    /// `for k in range(T, 1, -1)`: the last iteration, k = 1, is missing.
    SkipsK1,
    /// `for k in range(T-1, 0, -1)`: the first iteration, k = T, is missing.
    SkipsKT,
}

impl BpttMistake {
    pub const ALL: [BpttMistake; 7] = [
        BpttMistake::Overwrite,
        BpttMistake::CurrentState,
        BpttMistake::MissingWrec,
        BpttMistake::BatchMean,
        BpttMistake::Forward,
        BpttMistake::SkipsK1,
        BpttMistake::SkipsKT,
    ];
}

/// What the BPTT loop returns: ((dL/dw_x, dL/dw_rec), grad_over_time [N, T+1]).
#[derive(Debug, Clone, PartialEq)]
pub struct Bptt {
    pub wx_grad: f64,
    pub wrec_grad: f64,
    pub grad_over_time: Array2<f64>,
}

/// The loop of the counting-ones exercise on given states `s` [N, T+1] and
/// `grad_out` = dL/dS_T [N] (already with the loss's 2/N), with `mistake`
/// written in (`None`: the right loop, which `counting_rnn::backward` checks).
pub fn bptt(
    x: ArrayView2<f64>,
    s: ArrayView2<f64>,
    grad_out: ArrayView1<f64>,
    w_rec: f64,
    mistake: Option<BpttMistake>,
) -> Bptt {
    let (n, t_len) = x.dim();
    let mut g = Array2::zeros((n, t_len + 1));
    g.column_mut(t_len).assign(&grad_out);
    let (mut wx, mut wr) = (0.0, 0.0);
    let order: Vec<usize> = match mistake {
        Some(BpttMistake::Forward) => (1..=t_len).collect(),
        Some(BpttMistake::SkipsK1) => (2..=t_len).rev().collect(),
        Some(BpttMistake::SkipsKT) => (1..t_len).rev().collect(),
        _ => (1..=t_len).rev().collect(),
    };
    let batch = if mistake == Some(BpttMistake::BatchMean) { n.max(1) as f64 } else { 1.0 };
    for k in order {
        let state = if mistake == Some(BpttMistake::CurrentState) { k } else { k - 1 };
        let add_x = g.column(k).dot(&x.column(k - 1)) / batch;
        let add_r = g.column(k).dot(&s.column(state)) / batch;
        if mistake == Some(BpttMistake::Overwrite) {
            (wx, wr) = (add_x, add_r);
        } else {
            wx += add_x;
            wr += add_r;
        }
        let carried =
            if mistake == Some(BpttMistake::MissingWrec) { g.column(k).to_owned() } else { &g.column(k) * w_rec };
        g.column_mut(k - 1).assign(&carried);
    }
    Bptt { wx_grad: wx, wrec_grad: wr, grad_over_time: g }
}

/// The convolution backward pass's mistakes in dX.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConvMistake {
    /// dY spread and correlated with w itself, not the 180°-rotated kernel.
    NoFlip,
    /// dY not spread with stride − 1 zeros between its entries.
    NoGaps,
    /// The padded dX returned without cropping the padding back off.
    NoCrop,
    /// The explicit loop adds dy[i, j]·w at (i, j), not (i·stride, j·stride).
    NoGapsLoop,
    /// `dxp[:H, :W]`: the padding cropped off the bottom and right only.
    CropEndOnly,
    /// `dxp[P:, P:]`: the padding cropped off the top and left only.
    CropStartOnly,
    /// `dxp[P:-P, P:-P]`: right for P > 0, empty for P = 0 (`-0` is 0).
    CropNegativeEnd,
}

impl ConvMistake {
    pub const ALL: [ConvMistake; 7] = [
        ConvMistake::NoFlip,
        ConvMistake::NoGaps,
        ConvMistake::NoCrop,
        ConvMistake::NoGapsLoop,
        ConvMistake::CropEndOnly,
        ConvMistake::CropStartOnly,
        ConvMistake::CropNegativeEnd,
    ];
}

fn params(stride: usize, padding: usize) -> ConvParams {
    ConvParams { stride: [stride; 2], padding: [padding; 2], dilation: [1, 1] }
}

/// y = x ⋆ w for one 2-D channel (cross-correlation, no bias).
pub fn conv2d_plain(
    x: ArrayView2<f64>,
    w: ArrayView2<f64>,
    stride: usize,
    padding: usize,
) -> Result<Array2<f64>, conv::ConvError> {
    let x3 = x.insert_axis(Axis(0));
    let w4 = w.insert_axis(Axis(0)).insert_axis(Axis(0));
    let y = conv::conv2d(x3, w4, Array1::zeros(1).view(), params(stride, padding))?;
    Ok(y.index_axis_move(Axis(0), 0))
}

/// (dx, dw) for one 2-D channel, from the verified 3-D backward pass.
pub fn conv2d_backward_plain(
    x: ArrayView2<f64>,
    w: ArrayView2<f64>,
    dy: ArrayView2<f64>,
    stride: usize,
    padding: usize,
) -> Result<(Array2<f64>, Array2<f64>), conv::ConvError> {
    let g = conv::conv2d_backward(
        x.insert_axis(Axis(0)),
        w.insert_axis(Axis(0)).insert_axis(Axis(0)),
        dy.insert_axis(Axis(0)),
        params(stride, padding),
    )?;
    let dw = g.dw.index_axis_move(Axis(0), 0).index_axis_move(Axis(0), 0);
    Ok((g.dx.index_axis_move(Axis(0), 0), dw))
}

/// dX as code with `mistake` computes it: dY's entries placed `step` apart
/// (the stride, or 1 without the gaps), each adding dY·w over its window in
/// a padded canvas, which is then cropped by the padding (or not, or on one
/// side, or to nothing).
pub fn conv_dx_mistaken(
    input: [usize; 2],
    w: ArrayView2<f64>,
    dy: ArrayView2<f64>,
    stride: usize,
    padding: usize,
    mistake: ConvMistake,
) -> Array2<f64> {
    let (kh, kw) = w.dim();
    let (oh, ow) = dy.dim();
    let step = if matches!(mistake, ConvMistake::NoGaps | ConvMistake::NoGapsLoop) { 1 } else { stride };
    let rows = (input[0] + 2 * padding).max(oh.saturating_sub(1) * step + kh);
    let cols = (input[1] + 2 * padding).max(ow.saturating_sub(1) * step + kw);
    let mut canvas = Array2::zeros((rows, cols));
    for ((o0, o1), &d) in dy.indexed_iter() {
        for ((k0, k1), _) in w.indexed_iter() {
            let tap = if mistake == ConvMistake::NoFlip { w[[kh - 1 - k0, kw - 1 - k1]] } else { w[[k0, k1]] };
            canvas[[o0 * step + k0, o1 * step + k1]] += d * tap;
        }
    }
    let (padded_h, padded_w) = (input[0] + 2 * padding, input[1] + 2 * padding);
    match mistake {
        ConvMistake::NoCrop => canvas.slice(s![..padded_h, ..padded_w]).to_owned(),
        ConvMistake::CropEndOnly => canvas.slice(s![..input[0], ..input[1]]).to_owned(),
        ConvMistake::CropStartOnly => canvas.slice(s![padding..padded_h, padding..padded_w]).to_owned(),
        ConvMistake::CropNegativeEnd if padding == 0 => Array2::zeros((0, 0)),
        ConvMistake::NoGaps => {
            // Without the gaps the canvas is only (OH − 1) + K wide: cropping
            // by the padding leaves what the learner's code would return.
            let h = (oh + kh - 1).saturating_sub(2 * padding);
            let wd = (ow + kw - 1).saturating_sub(2 * padding);
            canvas.slice(s![padding..padding + h, padding..padding + wd]).to_owned()
        }
        ConvMistake::NoFlip | ConvMistake::NoGapsLoop | ConvMistake::CropNegativeEnd => {
            canvas.slice(s![padding..padding + input[0], padding..padding + input[1]]).to_owned()
        }
    }
}

/// The gradient-descent step's mistakes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GdMistake {
    /// MSE asked, SSE's gradient −2Xᵀe used: a step n times too large.
    SseForMse,
    /// The L2 error's gradient −Xᵀe without dividing by ||e||.
    L2WithoutNorm,
    /// The L2 error given the squared error's gradient −2Xᵀe.
    L2AsSquared,
    /// β + lr·∇ instead of β − lr·∇.
    Sign,
}

impl GdMistake {
    pub const ALL: [GdMistake; 4] =
        [GdMistake::SseForMse, GdMistake::L2WithoutNorm, GdMistake::L2AsSquared, GdMistake::Sign];
}

/// β − lr·∇E(β) for the error `measure` (Sse, Mse or L2), with `mistake`
/// written in; a mistake that does not concern `measure` changes nothing.
pub fn gd_step(
    x: ArrayView2<f64>,
    y: ArrayView1<f64>,
    beta: ArrayView1<f64>,
    lr: f64,
    measure: ErrorMeasure,
    mistake: Option<GdMistake>,
) -> Array1<f64> {
    let e = super::linreg::residuals(x, y, beta);
    let xte = x.t().dot(&e);
    let grad = match (mistake, measure) {
        (Some(GdMistake::SseForMse), ErrorMeasure::Mse) => ErrorMeasure::Sse.gradient(x, e.view()),
        (Some(GdMistake::L2WithoutNorm), ErrorMeasure::L2) => -xte,
        (Some(GdMistake::L2AsSquared), ErrorMeasure::L2) => xte * -2.0,
        _ => measure.gradient(x, e.view()),
    };
    if mistake == Some(GdMistake::Sign) { &beta + &(grad * lr) } else { &beta - &(grad * lr) }
}

/// The MLE exercise's mistakes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MleMistake {
    /// σ from the n − 1 (unbiased) variance.
    NMinusOne,
    /// σ̂² returned where σ̂ is asked.
    VarianceForSigma,
    /// The counts returned without dividing by their total.
    CountsNotNormalised,
}

/// (μ̂, σ) as the code with `mistake` returns it (None: n − 1 with n = 1).
pub fn mle_normal(x: &[f64], mistake: Option<MleMistake>) -> Result<Option<(f64, f64)>, super::mle::MleError> {
    let f = super::mle::fit_normal(x)?;
    Ok(match mistake {
        Some(MleMistake::NMinusOne) => f.var_unbiased.map(|v| (f.mu, v.sqrt())),
        Some(MleMistake::VarianceForSigma) => Some((f.mu, f.var_mle)),
        _ => Some((f.mu, f.sigma)),
    })
}

/// p̂ for class counts, or the counts themselves with the mistake.
pub fn mle_categorical(counts: &[u64], mistake: Option<MleMistake>) -> Result<Vec<f64>, super::mle::MleError> {
    let f = super::mle::fit_categorical(counts)?;
    Ok(match mistake {
        Some(MleMistake::CountsNotNormalised) => counts.iter().map(|&c| c as f64).collect(),
        _ => f.p,
    })
}

/// P(h | e) ∝ P(h)·P(e | h) over the hypotheses, normalised by the
/// evidence Σ P(h)·P(e | h) unless `normalised` is false (the mistake);
/// `None` when the evidence is 0.
pub fn posterior(prior: &[f64], likelihood: &[f64], normalised: bool) -> Option<Vec<f64>> {
    let joint: Vec<f64> = prior.iter().zip(likelihood).map(|(p, l)| p * l).collect();
    let evidence: f64 = joint.iter().sum();
    if evidence <= 0.0 || !evidence.is_finite() {
        return None;
    }
    Some(if normalised { joint.iter().map(|j| j / evidence).collect() } else { joint })
}
