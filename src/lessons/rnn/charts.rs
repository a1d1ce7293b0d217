//! What the RNN lab's charts draw besides the run itself: the reference
//! line and measured rate, the three cells on one input, and the gradient
//! at the first step as the length grows (computed with the run, or on the
//! worker when a chart is first shown).

use super::settings::{RnnRun, RnnSettings, SettingError};
use crate::math::rnn::{self, CellKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    /// log10 ||dL/dh_t|| against the distance from the loss, with the reference line.
    Distance,
    /// The tanh RNN, LSTM and GRU on the same input and axes.
    Cells,
    /// ||dL/dh_1|| as the sequence length grows.
    Length,
}

/// The sequence lengths the length knob steps through (and the length
/// chart measures up to the one shown).
pub(super) const LENS: [usize; 13] = [1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500, 1000];

/// What the charts draw, computed with the run.
#[derive(Debug, Clone)]
pub struct ChartData {
    /// (cell, log10 ||dL/dh_t|| for t = 1..T) for the tanh RNN, LSTM and GRU
    /// (filled while the Cells chart is shown).
    pub cells: Vec<(CellKind, Vec<f64>)>,
    /// (T, log10 ||dL/dh_1||) for growing T (filled while the Length chart is shown).
    pub by_length: Vec<(usize, f64)>,
    /// log10 per step of the reference line: log10 ρ for the linear cell,
    /// log10 ||W_rec||₂ (Pascanu et al.'s bound with γ = 1) for tanh;
    /// None for the gated cells, which have no such simple bound.
    pub reference_slope: Option<f64>,
    /// The measured factor per step far from the loss.
    pub rate: Option<f64>,
}

/// The reference line and the measured rate (cheap: from the run itself).
pub(super) fn chart_data(s: &RnnSettings, run: &RnnRun, dh_log10: &[f64]) -> ChartData {
    let reference_slope = match s.cell {
        CellKind::Linear => Some(s.radius.log10()),
        CellKind::Tanh => Some(rnn::spectral_norm(&run.params.w_hh).log10()),
        _ => None,
    };
    ChartData { cells: vec![], by_length: vec![], reference_slope, rate: rnn::rate_per_step(dh_log10) }
}

/// The comparison of the three cells (two more runs).
fn cells_data(s: &RnnSettings, run: &RnnRun) -> Result<Vec<(CellKind, Vec<f64>)>, SettingError> {
    let mut cells = vec![];
    for kind in [CellKind::Tanh, CellKind::Lstm, CellKind::Gru] {
        let logs = if kind == s.cell {
            run.grads.dh_log10_norms()
        } else {
            RnnSettings { cell: kind, ..s.clone() }.run()?.grads.dh_log10_norms()
        };
        cells.push((kind, logs));
    }
    Ok(cells)
}

impl ChartData {
    /// Whether `chart` still lacks the series only it draws.
    pub fn lacks(&self, chart: Chart) -> bool {
        match chart {
            Chart::Cells => self.cells.is_empty(),
            Chart::Length => self.by_length.is_empty(),
            Chart::Distance => false,
        }
    }
}

/// Fill in the series `chart` needs, unless they are there already.
pub(crate) fn fill_series(
    charts: &mut ChartData,
    s: &RnnSettings,
    run: &RnnRun,
    chart: Chart,
) -> Result<(), SettingError> {
    match chart {
        _ if !charts.lacks(chart) => {}
        Chart::Cells => charts.cells = cells_data(s, run)?,
        Chart::Length => charts.by_length = length_data(s, run)?,
        Chart::Distance => {}
    }
    Ok(())
}

/// ||dL/dh_1|| for growing T up to the current one: BPTT from the loss on
/// h_t of each length t, over the first t steps of the run's own forward
/// pass (which is exactly the run of length t: same weights, same inputs).
fn length_data(s: &RnnSettings, run: &RnnRun) -> Result<Vec<(usize, f64)>, SettingError> {
    let mut by_length = vec![];
    for &t in LENS.iter().filter(|t| **t <= s.len.max(1)) {
        let g = rnn::loss_on_last(t, s.hidden);
        let grads = rnn::bptt(&run.params, &run.forward.prefix(t), g.view(), s.bptt_options())?;
        by_length.push((t, grads.dh.row(0).log10_norm()));
    }
    Ok(by_length)
}
