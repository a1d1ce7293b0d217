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

mod bptt;
mod forward;
mod gru;
mod linear;
mod lstm;
mod measure;
mod scaled_rows;
mod spectral;
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
        // The same sums in another order (rank-one updates from t = T down,
        // against one matrix product): equal to rounding.
        assert!((norms[0].0 - g.w_ih.log10_norm()).abs() < 1e-12, "{:?}", norms[0]);
        assert!((norms[0].1 - g.w_hh.log10_norm()).abs() < 1e-12, "{:?}", norms[0]);
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
        // A clipping threshold must be a positive number: 0, below 0, ∞ and
        // NaN are refused, and the smallest positive one is accepted.
        for th in [-1.0, 0.0, f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
            let bad = BpttOptions { truncation: None, clip: Some(th) };
            assert!(matches!(bptt(&p, &f, g.view(), bad), Err(RnnError::BadThreshold(_))), "{th}");
        }
        let tiny = BpttOptions { truncation: None, clip: Some(f64::MIN_POSITIVE) };
        assert!(bptt(&p, &f, g.view(), tiny).is_ok());
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

    #[test]
    fn mean_path_factor_is_each_cells_direct_factor() {
        use ndarray::Array1;
        let x = random_inputs(12, 3, 1.0, 5);
        for kind in CellKind::ALL {
            let p = RnnParams::random(kind, 3, 4, 1.5, 2.0, 9).unwrap();
            let f = forward(&p, x.view(), Array1::zeros(4).view(), None).unwrap();
            // Recompute from the states and pre-activations, not from the kept gates.
            let mut sum = 0.0;
            for t in 0..12 {
                for j in 0..4 {
                    // z from the weights, states and inputs themselves.
                    let z = |k: usize| {
                        let row = k * 4 + j;
                        let h_prev = f.h.mantissa.row(t);
                        p.w_ih.row(row).dot(&x.row(t)) + p.b_ih[row] + p.w_hh.row(row).dot(&h_prev) + p.b_hh[row]
                    };
                    sum += match kind {
                        CellKind::Linear => 0.0,
                        CellKind::Tanh => 1.0 - z(0).tanh().powi(2),
                        CellKind::Lstm | CellKind::Gru => crate::math::activation::sigmoid(z(1)),
                    };
                }
            }
            match mean_path_factor(&f) {
                None => assert_eq!(kind, CellKind::Linear),
                Some(m) => assert!((m - sum / 48.0).abs() < 1e-12, "{kind:?}: {m} vs {}", sum / 48.0),
            }
        }
        // The forget bias moves the LSTM's mean forget gate: 2 keeps more than 0.
        let lstm = |b: f64| {
            let p = RnnParams::random(CellKind::Lstm, 3, 4, 0.9, b, 9).unwrap();
            mean_path_factor(&forward(&p, x.view(), Array1::zeros(4).view(), None).unwrap()).unwrap()
        };
        assert!(lstm(2.0) > lstm(0.0) + 0.1);
    }
}
