//! Where the learner is in the RNN lab and what they chose to look at: the
//! phase and step, the chart, the selected knob, predict mode and the panel
//! whose turn it is. A knob change replaces the run under it and carries
//! this whole (`RnnLab::adopt`).

use super::charts::Chart;
use crate::lessons::cycle::position;
use crate::lessons::predict::Predict;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Forward,
    Backward,
}

/// On a screen too small for everything: the panel that has its turn in
/// the main area (Tab moves on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Timeline,
    Chart,
    /// The running dL/dW_x and dL/dW_rec matrices (backward, H ≤ 4).
    Matrices,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Knob {
    Cell,
    Radius,
    Len,
    Hidden,
    InputScale,
    ForgetBias,
    Truncation,
    Clip,
    Seed,
}

impl Knob {
    pub const ALL: [Knob; 9] = [
        Knob::Cell,
        Knob::Radius,
        Knob::Len,
        Knob::Hidden,
        Knob::InputScale,
        Knob::ForgetBias,
        Knob::Truncation,
        Knob::Clip,
        Knob::Seed,
    ];

    pub fn index(self) -> usize {
        position(&Knob::ALL, &self)
    }
}

/// The lab's view state: what a knob change keeps while the run under it
/// is replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct RnnView {
    pub phase: Phase,
    /// 1-based step: forward, h_1..h_step are filled; backward, steps T..step.
    pub step: usize,
    pub chart: Chart,
    pub knob: Knob,
    /// Predict mode: the step whose factor is asked, the score.
    pub predict: Predict<usize>,
    /// When the timeline, a tall enough chart and the matrices do not all
    /// fit: the one whose turn it is.
    pub panel: Panel,
}

impl Default for RnnView {
    fn default() -> Self {
        RnnView {
            phase: Phase::Forward,
            step: 1,
            chart: Chart::Distance,
            knob: Knob::Cell,
            predict: Predict::default(),
            panel: Panel::Timeline,
        }
    }
}
