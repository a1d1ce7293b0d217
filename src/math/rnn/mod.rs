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
//!
//! One file per cell (`linear`, `tanh`, `lstm`, `gru`), each with its step
//! forward beside its step back; `forward` and `bptt` drive them over T
//! steps; `scaled_rows` carries numbers beyond f64; `spectral` builds W_hh.

/// `fn name(args) -> R { body }`, compiled twice: for the baseline x86-64
/// that every build targets (SSE2, two f64 lanes) and for AVX2 (four), the
/// second chosen at run time when the processor has it. The body's vector
/// loops (the activations, W_hh's products) then take half the instructions;
/// the operations and their order are the same, and so are the numbers, bit
/// for bit: no FMA, since a fused multiply-add rounds once where a multiply
/// and an add round twice. What the body calls in its loops must be
/// `inline(always)`, so that each copy compiles it for its own target.
macro_rules! avx2_or_baseline {
    ($(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $(-> $ret:ty)? $body:block) => {
        $(#[$doc])*
        fn $name($($arg: $ty),*) $(-> $ret)? {
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx2")]
                fn avx2($($arg: $ty),*) $(-> $ret)? $body
                if $crate::math::rnn::WIDE_VECTORS.load(std::sync::atomic::Ordering::Relaxed)
                    && std::arch::is_x86_feature_detected!("avx2")
                {
                    // SAFETY: this processor has AVX2, checked just above.
                    return unsafe { avx2($($arg),*) };
                }
            }
            $body
        }
    };
}

/// Whether `avx2_or_baseline!` functions may take their AVX2 copy: always,
/// except while a test turns it off to compare the two copies (which give
/// the same numbers, so other code running meanwhile sees no difference).
#[doc(hidden)]
pub static WIDE_VECTORS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

mod bptt;
mod forward;
mod gru;
mod linear;
mod lstm;
mod measure;
mod scaled_rows;
mod spectral;
mod step_back;
mod tanh;

pub use bptt::*;
pub use forward::*;
pub use measure::*;
pub use scaled_rows::ScaledRows;
pub use spectral::*;

use crate::math::rng::Rng;
use ndarray::{Array1, Array2, s};
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

/// A row the forward pass hands a cell's step, as a slice: every such row
/// belongs to an array it made in standard layout, so it is contiguous.
#[inline(always)]
fn contiguous<'a>(row: &'a ndarray::ArrayView1<f64>) -> &'a [f64] {
    row.as_slice().expect("the forward pass's rows are contiguous")
}

#[inline(always)]
fn contiguous_mut<'a>(row: &'a mut ndarray::ArrayViewMut1<f64>) -> &'a mut [f64] {
    row.as_slice_mut().expect("the forward pass's rows are contiguous")
}

/// out[j] = f(v[j]): one plain loop over slices, which the compiler
/// vectorises once `f` is inlined (the activations are `inline(always)`).
#[inline(always)]
fn apply(out: &mut [f64], v: &[f64], f: impl Fn(f64) -> f64) {
    for (o, x) in out.iter_mut().zip(v) {
        *o = f(*x);
    }
}

/// out += Σ_k coeffs[k] · (row k of m), m row-major with out.len() columns:
/// W_hh's products in both directions (forward with W_hhᵀ, BPTT with W_hh).
/// Every entry is summed in order k = 0, 1, …; sixteen entries at a time
/// stay in registers through all the rows (eight SSE2 or four AVX2 vector
/// sums, independent, so the processor overlaps them), m is read once and
/// `out` is not loaded and stored per row. The three sweeps of `deepstep
/// sweep` at T = 500, H = 32 took 0.7 ms less than with row-by-row additions
/// and ndarray's dot.
#[inline(always)]
fn add_rows(out: &mut [f64], coeffs: &[f64], m: &[f64]) {
    const LANES: usize = 16;
    let n = out.len();
    let blocks = n / LANES * LANES;
    for (c, chunk) in out[..blocks].chunks_exact_mut(LANES).enumerate() {
        let mut acc = [0.0; LANES];
        acc.copy_from_slice(chunk);
        for (ck, row) in coeffs.iter().zip(m.chunks_exact(n)) {
            for (a, v) in acc.iter_mut().zip(&row[c * LANES..(c + 1) * LANES]) {
                *a += ck * v;
            }
        }
        chunk.copy_from_slice(&acc);
    }
    for j in blocks..n {
        for (ck, row) in coeffs.iter().zip(m.chunks_exact(n)) {
            out[j] += ck * row[j];
        }
    }
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
        let w_ih = rng.normal_matrix(g * hidden, input, scale);
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

    /// W_hhᵀ laid out row-major, made once per forward pass, which adds its
    /// rows (`recurrent_term`) reading memory in order.
    fn w_hh_transposed(&self) -> Array2<f64> {
        self.w_hh.t().as_standard_layout().into_owned()
    }
}
