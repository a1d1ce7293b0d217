//! The RNN lab's model: the settings' run, where the learner is on the
//! timeline (forward filling h_t, then BPTT from t = T down to 1), the charts'
//! data, predictions, and `update`, the only place it changes.

use super::background::{Background, Taken};
pub use super::charts::{Chart, ChartData};
use super::charts::{LENS, chart_data, fill_series};
use super::settings::{RnnRun, RnnSettings, SettingError};
pub use super::view_state::{Knob, Panel, Phase, RnnView};
use super::why::Why;
use crate::lessons::cycle::{cycle, ladder, stop};
use crate::lessons::input::Edit;
use crate::lessons::lesson::{Effect, Task};
use crate::lessons::predict::{Predict, Step};
use crate::math::format;
use crate::math::parse::{self, parse_number};
use crate::math::rnn::{self, CellKind};
use crate::math::scaled::{Scaled, signed_log10};
use std::sync::Arc;

/// Matrices are shown for hidden sizes up to this.
pub const MATRIX_MAX_HIDDEN: usize = 4;

const HIDDEN: [usize; 7] = [1, 2, 4, 8, 16, 32, 64];
const SCALES: [f64; 6] = [0.1, 0.5, 1.0, 2.0, 5.0, 10.0];
const WINDOWS: [usize; 10] = [1, 2, 3, 5, 10, 20, 50, 100, 200, 500];
const CLIPS: [f64; 5] = [0.1, 1.0, 10.0, 100.0, 1000.0];

/// An optional ladder value: "off" sits before the first step.
fn optional<T: PartialOrd + Copy>(steps: &[T], v: Option<T>, delta: i64) -> Option<T> {
    match (v, delta > 0) {
        (None, true) => Some(steps[0]),
        (None, false) => None,
        (Some(x), false) if x <= steps[0] => None,
        (Some(x), _) => Some(ladder(steps, x, delta)),
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Refused(SettingError),
    Right(f64),
    /// The step's factor (log10), and the mistake the typed number is, if
    /// the lab can name it.
    Wrong(f64, Option<GrowthSlip>),
    NotANumber,
}

/// A wrong growth guess that is one factor of the step alone (the step
/// multiplies by the gate's stretch and W_recᵀ's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrowthSlip {
    /// The gate diag(tanh′) alone.
    GateOnly,
    /// W_recᵀ alone.
    RecurrentOnly,
}

/// Which factor alone `typed` is, at the precision typed (split: the step's
/// (gate, W_recᵀ) stretch, log10).
fn growth_slip(typed: &str, split: Option<(f64, f64)>) -> Option<GrowthSlip> {
    let (gate, w) = split?;
    let is = |l: f64| parse::agrees_as_typed(typed, 10f64.powf(l));
    match (is(gate), is(w)) {
        (true, false) => Some(GrowthSlip::GateOnly),
        (false, true) => Some(GrowthSlip::RecurrentOnly),
        _ => None,
    }
}

/// What the background worker is asked to compute.
pub enum Job {
    /// The whole lab for new settings, with the series `Chart` needs.
    Build(RnnSettings, Chart),
    /// The series a chart needs, for the run the lab already shows.
    Series(RnnSettings, Arc<RnnRun>, ChartData, Chart),
}

/// What the worker sends back.
pub enum Done {
    Built(Result<Box<RnnLab>, SettingError>),
    Series(Result<ChartData, SettingError>),
}

/// The worker's work: one job, computed off the event loop.
fn compute(job: Job) -> Done {
    match job {
        Job::Build(s, chart) => Done::Built(RnnLab::build(s, chart).map(Box::new)),
        Job::Series(s, run, mut charts, chart) => {
            Done::Series(fill_series(&mut charts, &s, &run, chart).map(|_| charts))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Next,
    Prev,
    First,
    Last,
    CycleChart,
    KnobUp,
    KnobDown,
    KnobDec,
    KnobInc,
    TogglePredict,
    /// Take the worker's result, if it has come (the tick while computing).
    Poll,
    /// On a small screen: the chart instead of the timeline and the words.
    SwitchPanel,
    JumpTo(usize),
    /// A key while an answer is typed.
    Prompt(Edit),
}

/// What the background worker is computing for the lab (in the app only).
#[derive(Debug, Clone, PartialEq)]
pub enum Computing {
    /// A new run for these settings (the knob panel shows them already).
    Run(RnnSettings),
    /// The series of the chart on screen, for the run shown.
    Series,
}

#[derive(Debug)]
pub struct RnnLab {
    pub settings: RnnSettings,
    /// Shared with the worker when it computes this run's chart series.
    pub run: Arc<RnnRun>,
    pub h_log10: Vec<f64>,
    pub x_norm: Vec<f64>,
    pub dh_log10: Vec<f64>,
    /// log10 factor ||dL/dh_{t−1}|| / ||dL/dh_t||, entry t−2.
    pub factors: Vec<Option<f64>>,
    /// The same steps split into (gate, W_recᵀ) stretches, log10 (tanh and
    /// linear cells; `math::rnn::step_splits_log10`).
    pub splits: Vec<Option<(f64, f64)>>,
    /// log10 norms of the running (dL/dW_x, dL/dW_rec) once the backward loop
    /// has reached step t (entry t−1).
    pub running: Vec<(f64, f64)>,
    /// The running matrices themselves, kept only for H ≤ 4 (shown on screen).
    pub running_matrices: Vec<rnn::WeightGradPair>,
    pub charts: ChartData,
    /// The explanation shown under the timeline (and in the note).
    pub why: Why,
    /// Where the learner is and what they chose to look at: carried whole
    /// onto the run a knob change computes.
    pub view: RnnView,
    pub message: Option<Message>,
    /// The worker that computes knob changes and chart series off the input
    /// path (the app); `None` computes them on the spot (tests, `--print`).
    pub background: Option<Background<Job, Done>>,
    /// What the worker is computing, while it is.
    pub computing: Option<Computing>,
    /// The worker's loop, until the shell starts it (`Lesson::opened`).
    starting: Option<Task>,
}

/// One vector of the current step, as the screen writes it: the first
/// entries (at most `VECTOR_ENTRIES`) as (sign, log10 |x|), whether more
/// follow, and log10 of its norm (values past f64's range stay exact).
#[derive(Debug, Clone, PartialEq)]
pub struct StepVector {
    pub kind: VectorKind,
    pub entries: Vec<(f64, f64)>,
    pub more: bool,
    /// How many entries the vector has (H).
    pub size: usize,
    pub norm_log10: f64,
}

/// Which vector of the step it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VectorKind {
    /// h_{t−1}, going into step t.
    HPrev,
    H,
    /// dL/dh_t.
    Dh,
    /// δ_t = tanh′(a_t) ⊙ dL/dh_t (the tanh cell; the linear cell's equals dL/dh_t).
    Delta,
    /// dL/dh_{t−1} = W_recᵀ δ_t.
    DhPrev,
}

/// With H ≤ 4 every entry shows; above, the first four and the norm.
pub const VECTOR_ENTRIES: usize = 4;

fn step_vector(kind: VectorKind, v: &Scaled<ndarray::Ix1>) -> StepVector {
    let entries = v.mantissa.iter().take(VECTOR_ENTRIES).map(|m| signed_log10(*m, v.log10_scale)).collect();
    let size = v.mantissa.len();
    StepVector { kind, entries, more: size > VECTOR_ENTRIES, size, norm_log10: v.log10_norm() }
}

impl RnnLab {
    /// The vectors of the step just computed, and the step u their names
    /// refer to: forward at t, h_{t−1} → h_t (u = t); backward at t < T, the
    /// step from t + 1 that filled dL/dh_t: dL/dh_{t+1}, δ_{t+1} (tanh and
    /// linear cells) and dL/dh_t (u = t + 1, named dL/dh_u, δ_u, dL/dh_{u−1});
    /// at T, dL/dh_T alone. Nothing of a step not yet taken.
    pub fn step_vectors(&self) -> (usize, Vec<StepVector>) {
        let t = self.view.step.clamp(1, self.len().max(1));
        let (f, g) = (&self.run.forward, &self.run.grads);
        match self.view.phase {
            Phase::Forward => {
                (t, vec![step_vector(VectorKind::HPrev, &f.h.row(t - 1)), step_vector(VectorKind::H, &f.h.row(t))])
            }
            Phase::Backward if t >= self.len() => (t, vec![step_vector(VectorKind::Dh, &g.dh.row(t - 1))]),
            Phase::Backward => {
                let u = t + 1;
                let mut out = vec![step_vector(VectorKind::Dh, &g.dh.row(u - 1))];
                if matches!(self.settings.cell, CellKind::Tanh | CellKind::Linear) {
                    out.push(step_vector(VectorKind::Delta, &g.delta_hh().row(u - 1)));
                }
                out.push(step_vector(VectorKind::DhPrev, &g.dh.row(u - 2)));
                (u, out)
            }
        }
    }

    /// log10 ||dL/dh_t|| for the steps BPTT has reached: none while the
    /// forward pass fills in, t = step..T while backward (what the chart and
    /// the measured rate may show: nothing ahead of the learner).
    pub fn computed_dh(&self) -> &[f64] {
        match self.view.phase {
            Phase::Forward => &[],
            Phase::Backward => &self.dh_log10[(self.view.step.max(1) - 1).min(self.dh_log10.len())..],
        }
    }

    /// The measured rate per step back over the steps BPTT has reached.
    pub fn rate_so_far(&self) -> Option<f64> {
        rnn::rate_per_step(self.computed_dh())
    }

    /// The explanation for what is on screen now: its rate, and with it the
    /// tanh cell's case, measured over the steps BPTT has reached, so the
    /// words agree with the rate quoted beside them (the whole run's rate
    /// could say "vanishes" beside a gradient that has grown so far).
    pub fn why_now(&self) -> Why {
        let split = rnn::rate_split_log10(self.computed_dh(), self.computed_splits());
        self.why.at_rate(self.rate_so_far(), split)
    }

    /// The steps' splits aligned with `computed_dh`: entry i is the step
    /// from value i + 1 back to value i (steps t = step + 1 ..= T).
    fn computed_splits(&self) -> &[Option<(f64, f64)>] {
        match self.view.phase {
            Phase::Forward => &[],
            Phase::Backward => &self.splits[(self.view.step.max(1) - 1).min(self.splits.len())..],
        }
    }

    /// The running (dL/dW_x, dL/dW_rec) matrices at this step: backward, H ≤ 4.
    pub fn matrices_now(&self) -> Option<&rnn::WeightGradPair> {
        match self.view.phase {
            Phase::Backward => self.running_matrices.get(self.view.step.max(1) - 1),
            Phase::Forward => None,
        }
    }

    /// Whether there are matrices to show now (the Tab turn includes them).
    pub fn has_matrices(&self) -> bool {
        self.matrices_now().is_some()
    }

    /// The panel whose turn it is, as it can be now: the matrices' turn is
    /// the timeline's when there are none (forward, H > 4), and a
    /// prediction being typed keeps the timeline and its prompt.
    pub fn panel_now(&self) -> Panel {
        match self.view.panel {
            _ if self.view.predict.is_asking() => Panel::Timeline,
            Panel::Matrices if !self.has_matrices() => Panel::Timeline,
            p => p,
        }
    }

    /// Whether BPTT has gone all the way back to step 1.
    pub fn bptt_done(&self) -> bool {
        self.view.phase == Phase::Backward && self.view.step <= 1
    }

    pub fn new(settings: RnnSettings) -> Result<Self, SettingError> {
        let run = Arc::new(settings.run()?);
        let mut lab = RnnLab {
            h_log10: vec![],
            x_norm: vec![],
            dh_log10: vec![],
            factors: vec![],
            splits: vec![],
            running: vec![],
            running_matrices: vec![],
            charts: ChartData { cells: vec![], by_length: vec![], reference_slope: None, rate: None },
            why: Why::Truncated,
            settings,
            run,
            view: RnnView::default(),
            message: None,
            background: None,
            computing: None,
            starting: None,
        };
        lab.derive()?;
        Ok(lab)
    }

    /// Everything read off the run (norms, factors, running sums, charts).
    fn derive(&mut self) -> Result<(), SettingError> {
        let f = &self.run.forward;
        self.h_log10 = f.h_log10_norms();
        self.x_norm = f.x_norms();
        self.dh_log10 = self.run.grads.dh_log10_norms();
        self.factors = rnn::step_factors_log10(&self.dh_log10);
        self.splits =
            rnn::step_splits_log10(self.settings.cell, &self.dh_log10, &self.run.grads.delta_hh().log10_norms());
        let small = self.settings.hidden <= MATRIX_MAX_HIDDEN;
        (self.running, self.running_matrices) = rnn::running_weight_grads(f, &self.run.grads, small);
        self.charts = chart_data(&self.settings, &self.run, &self.dh_log10);
        let split = rnn::rate_split_log10(&self.dh_log10, &self.splits);
        self.why = Why::of(&self.settings, &self.run, self.charts.rate, split);
        self.chart_series()
    }

    /// The lab for `settings` with the series `chart` needs (what a knob
    /// change computes, here or on the worker).
    pub fn build(settings: RnnSettings, chart: Chart) -> Result<Self, SettingError> {
        let mut lab = RnnLab::new(settings)?;
        lab.view.chart = chart;
        lab.chart_series()?;
        Ok(lab)
    }

    /// The same lab, with knob changes and chart series computed on a
    /// worker thread so that no key waits for them (what the app opens).
    pub fn in_background(mut self) -> Self {
        let (background, worker) = Background::new(compute);
        self.background = Some(background);
        self.starting = Some(worker);
        self
    }

    /// The worker's thread, for the shell to start when it opens the lab.
    pub fn opened(&mut self) -> Vec<Effect> {
        self.starting.take().map(Effect::Spawn).into_iter().collect()
    }

    /// The settings the knob panel shows: the ones being computed, if any.
    pub fn shown_settings(&self) -> &RnnSettings {
        match &self.computing {
            Some(Computing::Run(s)) => s,
            _ => &self.settings,
        }
    }

    /// The extra runs a chart needs, made only while that chart is shown, so
    /// that a knob change costs one run.
    fn chart_series(&mut self) -> Result<(), SettingError> {
        fill_series(&mut self.charts, &self.settings, &self.run, self.view.chart)
    }

    pub fn len(&self) -> usize {
        self.settings.len
    }

    pub fn is_empty(&self) -> bool {
        self.settings.len == 0
    }

    /// Whether h_t is shown yet.
    pub fn h_shown(&self, t: usize) -> bool {
        self.view.phase == Phase::Backward || t <= self.view.step
    }

    /// Whether dL/dh_t is shown yet.
    pub fn dh_shown(&self, t: usize) -> bool {
        self.view.phase == Phase::Backward && t >= self.view.step
    }

    pub fn update(&mut self, a: Action) {
        if self.view.predict.is_asking() {
            self.update_prompt(a);
            return;
        }
        let t_len = self.len();
        match a {
            Action::Next => match self.view.phase {
                Phase::Forward if self.view.step < t_len => self.view.step += 1,
                Phase::Forward => {
                    self.view.phase = Phase::Backward;
                    self.view.step = t_len;
                }
                Phase::Backward if self.view.step > 1 => {
                    if self.view.predict.on {
                        self.ask(self.view.step - 1);
                    } else {
                        self.view.step -= 1;
                    }
                }
                Phase::Backward => {}
            },
            Action::Prev => match self.view.phase {
                Phase::Forward if self.view.step > 1 => self.view.step -= 1,
                Phase::Forward => {}
                Phase::Backward if self.view.step < t_len => self.view.step += 1,
                Phase::Backward => {
                    self.view.phase = Phase::Forward;
                    self.view.step = t_len;
                }
            },
            Action::First => {
                self.view.phase = Phase::Forward;
                self.view.step = 1;
            }
            Action::Last => {
                self.view.phase = Phase::Backward;
                self.view.step = 1;
            }
            Action::JumpTo(t) if (1..=t_len).contains(&t) => self.view.step = t,
            Action::JumpTo(_) => {}
            Action::CycleChart => {
                self.view.chart = cycle(&[Chart::Distance, Chart::Cells, Chart::Length], self.view.chart, 1);
                // The next chart is shown: on a small screen it has the turn.
                self.view.panel = Panel::Chart;
                self.ask_series();
            }
            Action::Poll => self.poll(),
            // The knob list stops at its ends rather than wrapping out of
            // sight. A knob's keys bring the knobs back into view.
            Action::KnobUp => {
                self.view.panel = Panel::Timeline;
                self.view.knob = self.next_knob(-1);
            }
            Action::KnobDown => {
                self.view.panel = Panel::Timeline;
                self.view.knob = self.next_knob(1);
            }
            Action::KnobDec | Action::KnobInc => {
                self.view.panel = Panel::Timeline;
                self.turn(if a == Action::KnobInc { 1 } else { -1 });
            }
            Action::TogglePredict => self.view.predict.on = !self.view.predict.on,
            Action::SwitchPanel => {
                let next = cycle(&[Panel::Timeline, Panel::Chart, Panel::Matrices], self.view.panel, 1);
                self.view.panel = if next == Panel::Matrices && !self.has_matrices() { Panel::Timeline } else { next };
            }
            Action::Prompt(_) => {}
        }
    }

    /// Ask for the factor from `step + 1` back to `step`, hiding it in the
    /// forms the screen writes it (as ×10^k and as a plain number).
    fn ask(&mut self, step: usize) {
        let hides = match self.factors.get(step - 1).copied().flatten() {
            Some(l) => vec![format::pow10(l), format::num(10f64.powf(l))],
            None => vec![],
        };
        self.view.predict.ask(step, hides);
    }

    fn update_prompt(&mut self, a: Action) {
        let Action::Prompt(e) = a else { return };
        let (factors, splits) = (&self.factors, &self.splits);
        // The tanh cell's step is two factors a learner may take one of; the
        // linear cell's "gate" is 1, the gated cells' steps are not split.
        let split_cell = self.settings.cell == CellKind::Tanh;
        let step = self.view.predict.edit(e, |step, typed| {
            let typed = typed.trim_start_matches(['x', '×']);
            let guess = parse_number(typed).filter(|g| *g > 0.0)?;
            let slip = growth_slip(typed, splits.get(step - 1).copied().flatten().filter(|_| split_cell));
            // The factor from step+1 back to step, as log10.
            Some(match factors.get(step - 1).copied().flatten() {
                Some(l) => {
                    // One factor alone, as typed, is that slip even within ×2
                    // of the step (the step multiplies both); the step's own
                    // value as typed is right whatever it also matches.
                    let exact = parse::agrees_as_typed(typed, 10f64.powf(l));
                    (exact || (grade(guess.log10(), l) && slip.is_none()), (l, slip))
                }
                None => (false, (f64::NEG_INFINITY, None)),
            })
        });
        match step {
            Step::Typing => {}
            Step::Unreadable => self.message = Some(Message::NotANumber),
            Step::Skipped(step) => {
                // The verdict shown was the previous step's (D9).
                self.message = None;
                self.view.step = step;
            }
            Step::Graded { question, right, grade: (l, slip) } => {
                self.message = Some(if right { Message::Right(l) } else { Message::Wrong(l, slip) });
                self.view.step = question;
                // The verdict is written under the timeline, where the question
                // was asked: a chart that had the turn would hide it.
                self.view.panel = Panel::Timeline;
            }
        }
    }

    /// The chart on screen gets its series: on the worker when there is one.
    fn ask_series(&mut self) {
        if !self.charts.lacks(self.view.chart) {
            return;
        }
        let chart = self.view.chart;
        match (&mut self.background, &self.computing) {
            // A new run is on its way: ask for it again with this chart's series.
            (Some(bg), Some(Computing::Run(s))) => bg.ask(Job::Build(s.clone(), chart)),
            (Some(bg), _) => {
                let job = Job::Series(self.settings.clone(), Arc::clone(&self.run), self.charts.clone(), chart);
                bg.ask(job);
                self.computing = Some(Computing::Series);
            }
            (None, _) => {
                if let Err(e) = self.chart_series() {
                    self.message = Some(Message::Refused(e));
                }
            }
        }
    }

    /// Take the worker's result, if the newest one has arrived.
    fn poll(&mut self) {
        let done = match self.background.as_mut().map(|b| b.take()) {
            Some(Taken::Done(done)) => done,
            Some(Taken::Gone) => return self.lost_worker(),
            Some(Taken::Nothing) | None => return,
        };
        self.computing = None;
        match done {
            Done::Built(Ok(lab)) => self.adopt(*lab),
            Done::Series(Ok(charts)) => self.charts = charts,
            Done::Built(Err(e)) | Done::Series(Err(e)) => self.message = Some(Message::Refused(e)),
        }
    }

    /// The worker has ended (it cannot panic on valid settings, but if it
    /// did the lab would say "computing…" for ever): compute what it was
    /// asked here, and everything after without a worker.
    fn lost_worker(&mut self) {
        self.background = None;
        let result = match self.computing.take() {
            Some(Computing::Run(s)) => RnnLab::build(s, self.view.chart).map(|lab| self.adopt(lab)),
            Some(Computing::Series) | None => self.chart_series(),
        };
        if let Err(e) = result {
            self.message = Some(Message::Refused(e));
        }
    }

    /// Take a newly computed lab's run, keeping where the learner is.
    fn adopt(&mut self, mut lab: RnnLab) {
        let view = std::mem::take(&mut self.view);
        // The mode and score carry over; a question was about the old run.
        let predict = Predict { asking: None, ..view.predict };
        lab.view = RnnView { step: view.step.clamp(1, lab.len()), predict, ..view };
        lab.background = self.background.take();
        lab.computing = self.computing.take();
        *self = lab;
        // The chart may have changed while the run was computed.
        self.ask_series();
    }

    /// Whether knob `k` changes anything for the cell: the forget bias is
    /// the LSTM's alone (a tanh cell has no forget gate).
    pub fn knob_applies(&self, k: Knob) -> bool {
        k != Knob::ForgetBias || self.shown_settings().cell == CellKind::Lstm
    }

    /// The knob `delta` away that applies, stepping over one that does not.
    fn next_knob(&self, delta: i64) -> Knob {
        let k = stop(&Knob::ALL, self.view.knob, delta);
        let k = if self.knob_applies(k) { k } else { stop(&Knob::ALL, k, delta) };
        if self.knob_applies(k) { k } else { self.view.knob }
    }

    /// Whether the selected knob turns `delta` from its value (not at that
    /// end of its range, and not a knob that does not apply): the key table
    /// lists the knob keys only where they do something.
    pub fn can_turn(&self, delta: i64) -> bool {
        self.turned(delta).is_some_and(|s| s != *self.shown_settings())
    }

    /// The settings with the selected knob turned by `delta`.
    fn turned(&self, delta: i64) -> Option<RnnSettings> {
        if !self.knob_applies(self.view.knob) {
            return None;
        }
        let mut s = self.shown_settings().clone();
        match self.view.knob {
            Knob::Cell => {
                let i = s.cell.index() as i64;
                s.cell = CellKind::ALL[(i + delta).rem_euclid(CellKind::ALL.len() as i64) as usize];
            }
            Knob::Radius => s.radius = ((s.radius * 10.0).round() + delta as f64).clamp(1.0, 30.0) / 10.0,
            Knob::Len => s.len = ladder(&LENS, s.len, delta),
            Knob::Hidden => s.hidden = ladder(&HIDDEN, s.hidden, delta),
            Knob::InputScale => s.input_scale = ladder(&SCALES, s.input_scale, delta),
            Knob::ForgetBias => s.forget_bias = (s.forget_bias + delta as f64).clamp(-3.0, 5.0),
            Knob::Truncation => s.truncation = optional(&WINDOWS, s.truncation, delta),
            Knob::Clip => s.clip = optional(&CLIPS, s.clip, delta),
            Knob::Seed => s.seed = (s.seed as i64 + delta).max(0) as u64,
        }
        Some(s)
    }

    fn turn(&mut self, delta: i64) {
        let Some(s) = self.turned(delta).filter(|s| s != self.shown_settings()) else { return };
        if let Err(e) = s.check() {
            self.message = Some(Message::Refused(e));
            return;
        }
        if let Some(bg) = self.background.as_mut() {
            bg.ask(Job::Build(s.clone(), self.view.chart));
            self.computing = Some(Computing::Run(s));
            return;
        }
        match RnnLab::build(s, self.view.chart) {
            Ok(lab) => self.adopt(lab),
            Err(e) => self.message = Some(Message::Refused(e)),
        }
    }
}

/// A growth guess is right when it is on the same side of 1 as the true
/// factor and within a factor of 2 of it.
fn grade(guess_log10: f64, actual_log10: f64) -> bool {
    let same_side = (guess_log10 >= 0.0) == (actual_log10 >= 0.0);
    same_side && (guess_log10 - actual_log10).abs() <= 2f64.log10()
}
