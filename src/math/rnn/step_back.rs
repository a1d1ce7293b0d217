//! What one step back through a cell hands on: its own file, below both the
//! cells (which make it) and BPTT (which walks them), so neither imports
//! the other.

use ndarray::Array1;

/// One step back through a cell: what reaches its pre-activations, and what
/// reaches h_{t−1} and c_{t−1} other than through W_hhᵀ.
pub(super) struct StepBack {
    /// δ_ih = dL/d(W_ih x_t + b_ih).
    pub d_ih: Array1<f64>,
    /// δ_hh = dL/d(W_hh h_{t−1} + b_hh) where it differs from δ_ih (the
    /// GRU's, where r multiplies m_n); None where it is δ_ih.
    pub d_hh: Option<Array1<f64>>,
    /// The GRU's direct path to dL/dh_{t−1}, through z ⊙ h_{t−1}.
    pub dh_direct: Option<Array1<f64>>,
    /// The LSTM's dL/dc_{t−1}.
    pub dc_prev: Option<Array1<f64>>,
}

impl StepBack {
    /// The same δ for both terms and no other path (linear, tanh, LSTM's δ).
    pub(super) fn same(d: Array1<f64>) -> StepBack {
        StepBack { d_ih: d, d_hh: None, dh_direct: None, dc_prev: None }
    }
}
