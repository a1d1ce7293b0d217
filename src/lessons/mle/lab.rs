//! The maximum-likelihood lab's model: the sample (or the class counts), the
//! fit in closed form, the derivation revealed one line at a time, the
//! log-likelihood surface with a cursor and an ascent path, the
//! repeated-sampling experiment that shows σ̂²'s bias, the common mistakes,
//! and predict mode. `update` is the only place it changes.

use crate::lessons::cycle::{cycle, ladder, position};
use crate::lessons::input::Edit;
use crate::lessons::predict::{Predict, Step as Answer};
use crate::math::format;
use crate::math::mle::{self, BiasExperiment, CategoricalFit, Mistake, MistakeValue, MleError, NormalFit, Surface};
use crate::math::parse::{agrees, agrees_as_typed, off_by, parse_number};

/// Surface grid: rows over σ (top: the smallest), columns over μ.
pub const SURFACE_ROWS: usize = 10;
pub const SURFACE_COLS: usize = 18;
/// Samples drawn for the bias experiment, up to n = 100; a larger n draws
/// fewer so that a key costs at most `BIAS_DRAWS` normal draws (2,000
/// samples of 1,000 were 2 million per key). The screen says how many.
pub const TRIALS: usize = 2000;
pub const BIAS_DRAWS: usize = 200_000;

/// The bias experiment's sample count for samples of size `n`: `TRIALS`,
/// or fewer for large n (n = 200: 1,000; n = 1,000: 200).
pub fn trials_for(n: usize) -> usize {
    (BIAS_DRAWS / n.max(1)).min(TRIALS)
}
/// The long sample whose likelihood product leaves f64's range.
pub const LONG: usize = 1000;
/// Gradient-ascent steps per key press, and their size (on ℓ/n).
pub const ASCENT_STEPS: usize = 5;
pub const ASCENT_LR: f64 = 0.5;
/// Points on each drawn density curve.
const CURVE_POINTS: usize = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Normal,
    Categorical,
}

/// The lines of the derivation, in the order they are revealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Product,
    WhyLog,
    LogLik,
    DerivMu,
    DerivSigma,
    Maximum,
    Bias,
    Mse,
    CatProduct,
    Lagrange,
    Solve,
    CatLogLik,
    CrossEntropy,
}

impl Step {
    pub const NORMAL: [Step; 8] = [
        Step::Product,
        Step::WhyLog,
        Step::LogLik,
        Step::DerivMu,
        Step::DerivSigma,
        Step::Maximum,
        Step::Bias,
        Step::Mse,
    ];
    pub const CATEGORICAL: [Step; 5] =
        [Step::CatProduct, Step::Lagrange, Step::Solve, Step::CatLogLik, Step::CrossEntropy];
}

/// What the right-hand panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Derivation,
    /// The sample itself: x_i with its deviations (small n), or a histogram.
    Sample,
    Surface,
    Bias,
    Mistakes,
}

impl View {
    pub const NORMAL: [View; 5] = [View::Derivation, View::Sample, View::Surface, View::Bias, View::Mistakes];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Knob {
    Family,
    N,
    Mu,
    Sigma,
    Classes,
    Seed,
}

impl Knob {
    pub const ALL: [Knob; 6] = [Knob::Family, Knob::N, Knob::Mu, Knob::Sigma, Knob::Classes, Knob::Seed];

    pub fn index(self) -> usize {
        position(&Knob::ALL, &self)
    }
}

/// Up to this many points the sample panel lists each one; above, a histogram.
pub const SAMPLE_TABLE_MAX: usize = 12;
/// The histogram's bins.
pub const HISTOGRAM_BINS: usize = 10;

/// Sample sizes the n knob steps through (and the categorical total N).
pub const SIZES: [usize; 10] = [1, 2, 3, 5, 10, 20, 50, 100, 200, 1000];
const MUS: [f64; 9] = [-10.0, -5.0, -2.0, -1.0, 0.0, 1.0, 2.0, 5.0, 10.0];
const SIGMAS: [f64; 8] = [0.1, 0.25, 0.5, 1.0, 1.5, 2.0, 5.0, 10.0];

/// The lab's settings (the knobs); a sample typed by the learner replaces
/// the drawn one.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub family: Family,
    pub n: usize,
    pub mu: f64,
    pub sigma: f64,
    pub classes: usize,
    pub seed: u64,
    /// `--data`: the learner's own sample (n, μ, σ and seed then do not apply).
    pub data: Option<Vec<f64>>,
    /// `--counts`: the learner's own class counts.
    pub counts: Option<Vec<u64>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { family: Family::Normal, n: 10, mu: 2.0, sigma: 1.5, classes: 4, seed: 1, data: None, counts: None }
    }
}

/// What the lab asks in predict mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asking {
    Mu,
    Sigma,
    /// p̂ of this class (from 0).
    P(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A prediction graded: what was typed, the truth, whether it agrees to
    /// the digits shown, how far off, and the mistake it matches, if any.
    Graded {
        asking: Asking,
        typed: f64,
        truth: f64,
        right: bool,
        off: f64,
        mistake: Option<Mistake>,
    },
    NotANumber,
    /// A setting that does not apply with the learner's own data.
    OwnData,
    /// The ascent stopped: σ would have left (0, ∞).
    AscentStopped,
    Refused(MleError),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Next,
    Prev,
    First,
    Last,
    NextView,
    KnobUp,
    KnobDown,
    KnobDec,
    KnobInc,
    /// Move the surface cursor by (rows, columns).
    Move(i8, i8),
    /// Put the cursor on a surface cell (a click).
    Cursor(usize, usize),
    Ascend,
    ResetPath,
    TogglePredict,
    /// Open the linear-regression lab: minimising MSE is this MLE.
    OpenLinreg,
    Prompt(Edit),
}

/// The normal family's numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct NormalState {
    pub x: Vec<f64>,
    pub fit: NormalFit,
    /// `LONG` draws of the same distribution, for the product that leaves
    /// f64's range; the product is e^`long_loglik` (`mle::InF64` says where
    /// it lands).
    pub long: Vec<f64>,
    pub long_loglik: f64,
    /// ℓ per draw of the long sample (its mean log density).
    pub long_mean: f64,
    pub surface: Surface,
    /// (row, column) of the cursor on the surface.
    pub cursor: (usize, usize),
    /// (μ, σ) under the cursor, ℓ there (the likelihood there is e^ℓ) and its gradient.
    pub at: (f64, f64),
    pub at_loglik: f64,
    pub at_grad: (f64, f64),
    pub path: Vec<(f64, f64)>,
    /// The x range drawn, and the densities over it: the fit's and the cursor's.
    pub x_range: (f64, f64),
    pub fitted_curve: Vec<(f64, f64)>,
    pub cursor_curve: Vec<(f64, f64)>,
    pub bias: BiasExperiment,
    pub mistakes: Vec<(Mistake, MistakeValue)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MleLab {
    pub settings: Settings,
    pub normal: Option<NormalState>,
    pub counts: Vec<u64>,
    pub categorical: Option<CategoricalFit>,
    /// Derivation lines shown (1 ..= all).
    pub shown: usize,
    pub view: View,
    pub knob: Knob,
    /// Predict mode: μ̂, σ̂ or a p̂ asked before its line is revealed.
    pub predict: Predict<Asking>,
    pub message: Option<Message>,
}

/// The surface's range around a fit: μ̂ ± 2.5 s, σ from 0.3 s to 2.5 s, where
/// s = σ̂ (or a unit scale when the sample has no spread).
fn surface_range(f: &NormalFit) -> ((f64, f64), (f64, f64)) {
    let s = if f.sigma > 0.0 { f.sigma } else { f.mu.abs().max(1.0) * 0.5 };
    ((f.mu - 2.5 * s, f.mu + 2.5 * s), (0.3 * s, 2.5 * s))
}

fn normal_state(s: &Settings) -> Result<NormalState, MleError> {
    let x = s.data.clone().unwrap_or_else(|| mle::sample_normal(s.n, s.mu, s.sigma, s.seed));
    let fit = mle::fit_normal(&x)?;
    // The long sample: from the learner's fit where there is one (their own data), else the knobs.
    let (lmu, lsigma) = if s.data.is_some() && fit.sigma > 0.0 { (fit.mu, fit.sigma) } else { (s.mu, s.sigma) };
    let long = mle::sample_normal(LONG, lmu, lsigma, s.seed.wrapping_add(1));
    let long_loglik = mle::loglik(&long, lmu, lsigma)?;
    let (mu_range, sigma_range) = surface_range(&fit);
    let surface = mle::surface(&x, mu_range, sigma_range, SURFACE_ROWS, SURFACE_COLS)?;
    let (bmu, bsigma) = if s.data.is_some() { (fit.mu, fit.sigma.max(1e-3)) } else { (s.mu, s.sigma) };
    let bias = mle::bias_experiment(x.len(), bmu, bsigma, trials_for(x.len()), s.seed.wrapping_add(2))?;
    let mistakes = Mistake::ALL.iter().map(|m| (*m, mle::mistake_value(&x, &fit, *m, &long))).collect();
    let (lo, hi) = x.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(*v), b.max(*v)));
    let pad = (0.25 * (hi - lo)).max(fit.sigma).max(0.5);
    let x_range = (lo - pad, hi + pad);
    let fitted_curve = mle::density_curve(fit.mu, fit.sigma, x_range.0, x_range.1, CURVE_POINTS);
    let mut st = NormalState {
        x,
        fit,
        long_mean: long_loglik / long.len().max(1) as f64,
        long,
        long_loglik,
        surface,
        cursor: (0, 0),
        at: (0.0, 1.0),
        at_loglik: 0.0,
        at_grad: (0.0, 0.0),
        path: vec![],
        x_range,
        fitted_curve,
        cursor_curve: vec![],
        bias,
        mistakes,
    };
    // The cursor starts away from the maximum, in the top-left quarter.
    set_cursor(&mut st, (SURFACE_ROWS / 4, SURFACE_COLS / 4))?;
    Ok(st)
}

fn set_cursor(st: &mut NormalState, cell: (usize, usize)) -> Result<(), MleError> {
    st.cursor = (cell.0.min(SURFACE_ROWS - 1), cell.1.min(SURFACE_COLS - 1));
    st.at = st.surface.at(st.cursor.0, st.cursor.1);
    point_values(st)?;
    st.path = vec![st.at];
    Ok(())
}

/// ℓ and its gradient at `st.at`.
fn point_values(st: &mut NormalState) -> Result<(), MleError> {
    let (m, s) = st.at;
    st.at_loglik = mle::loglik(&st.x, m, s)?;
    st.at_grad = mle::loglik_grad(&st.x, m, s)?;
    st.cursor_curve = mle::density_curve(m, s, st.x_range.0, st.x_range.1, CURVE_POINTS);
    Ok(())
}

impl MleLab {
    pub fn new(settings: Settings) -> Result<Self, MleError> {
        let mut lab = MleLab {
            settings,
            normal: None,
            counts: vec![],
            categorical: None,
            shown: 1,
            view: View::Derivation,
            knob: Knob::Family,
            predict: Predict::default(),
            message: None,
        };
        lab.compute()?;
        Ok(lab)
    }

    fn compute(&mut self) -> Result<(), MleError> {
        let s = &self.settings;
        match s.family {
            Family::Normal => {
                self.normal = Some(normal_state(s)?);
                self.categorical = None;
            }
            Family::Categorical => {
                let counts = s.counts.clone().unwrap_or_else(|| mle::sample_counts(s.classes, s.n as u64, s.seed));
                // Drawn counts can all land in one class or, for N = 0, nowhere: a fit needs one.
                self.categorical = Some(mle::fit_categorical(&counts)?);
                self.counts = counts;
                self.normal = None;
                self.view = View::Derivation;
            }
        }
        self.shown = self.shown.clamp(1, self.steps().len());
        Ok(())
    }

    /// The derivation's lines for the family.
    pub fn steps(&self) -> &'static [Step] {
        match self.settings.family {
            Family::Normal => &Step::NORMAL,
            Family::Categorical => &Step::CATEGORICAL,
        }
    }

    /// The views the family has.
    pub fn views(&self) -> &'static [View] {
        match self.settings.family {
            Family::Normal => &View::NORMAL,
            Family::Categorical => &[View::Derivation],
        }
    }

    /// The knobs that apply now (μ and σ draw a sample; K only counts).
    pub fn knobs(&self) -> Vec<Knob> {
        let own = self.settings.data.is_some() || self.settings.counts.is_some();
        Knob::ALL
            .iter()
            .copied()
            .filter(|k| match k {
                Knob::Family => true,
                Knob::Mu | Knob::Sigma => self.settings.family == Family::Normal && !own,
                Knob::Classes => self.settings.family == Family::Categorical && !own,
                Knob::N | Knob::Seed => !own,
            })
            .collect()
    }

    /// Whether the point the numbers are read at lies in the cursor's cell
    /// (after an ascent it may have left the surface drawn).
    pub fn cursor_on_point(&self) -> bool {
        self.normal.as_ref().is_some_and(|st| st.surface.cell_of(st.at.0, st.at.1) == Some(st.cursor))
    }

    pub fn update(&mut self, a: Action) {
        if self.predict.is_asking() {
            self.update_prompt(a);
            return;
        }
        let total = self.steps().len();
        match a {
            Action::Next if self.shown < total => match self.asks_at(self.shown) {
                Some(asking) if self.predict.on => {
                    self.predict.ask(asking, vec![format::num(self.truth(asking))]);
                    self.message = None;
                }
                _ => {
                    self.shown += 1;
                    self.message = None;
                }
            },
            Action::Next => {}
            Action::Prev => self.shown = self.shown.saturating_sub(1).max(1),
            Action::First => self.shown = 1,
            Action::Last => self.shown = total,
            Action::NextView => self.view = cycle(self.views(), self.view, 1),
            Action::KnobUp | Action::KnobDown => {
                let knobs = self.knobs();
                let at = knobs.iter().position(|k| *k == self.knob).unwrap_or(0);
                let n = knobs.len();
                let next = if a == Action::KnobUp { (at + n - 1) % n } else { (at + 1) % n };
                self.knob = knobs[next];
            }
            Action::KnobDec | Action::KnobInc => self.turn(if a == Action::KnobInc { 1 } else { -1 }),
            Action::Move(dr, dc) => {
                if let Some(st) = self.normal.as_mut() {
                    let r = (st.cursor.0 as i64 + dr as i64).clamp(0, SURFACE_ROWS as i64 - 1) as usize;
                    let c = (st.cursor.1 as i64 + dc as i64).clamp(0, SURFACE_COLS as i64 - 1) as usize;
                    if let Err(e) = set_cursor(st, (r, c)) {
                        self.message = Some(Message::Refused(e));
                    }
                }
            }
            Action::Cursor(r, c) => {
                if let Some(st) = self.normal.as_mut()
                    && let Err(e) = set_cursor(st, (r, c))
                {
                    self.message = Some(Message::Refused(e));
                }
            }
            Action::Ascend => self.ascend(),
            Action::ResetPath => {
                if let Some(st) = self.normal.as_mut() {
                    let cell = st.cursor;
                    let _ = set_cursor(st, cell);
                }
            }
            Action::TogglePredict => self.predict.on = !self.predict.on,
            // The shell opens the other lab (`Lesson::update` turns this into an effect).
            Action::OpenLinreg => {}
            Action::Prompt(_) => {}
        }
    }

    /// Gradient ascent from the end of the path: `ASCENT_STEPS` steps.
    fn ascend(&mut self) {
        let Some(st) = self.normal.as_mut() else { return };
        let start = *st.path.last().unwrap_or(&st.at);
        match mle::ascent(&st.x, start, ASCENT_LR, ASCENT_STEPS) {
            Ok(more) => {
                let moved = more.len() > 1;
                st.path.extend(more.into_iter().skip(1));
                st.at = *st.path.last().unwrap_or(&start);
                // The cursor goes with the point (D17): the next move starts from here.
                if let Some(cell) = st.surface.cell_of(st.at.0, st.at.1) {
                    st.cursor = cell;
                }
                if let Err(e) = point_values(st) {
                    self.message = Some(Message::Refused(e));
                } else if !moved {
                    self.message = Some(Message::AscentStopped);
                }
            }
            Err(e) => self.message = Some(Message::Refused(e)),
        }
    }

    /// The settings with the selected knob turned by `delta`.
    fn turned(&self, delta: i64) -> Settings {
        let mut s = self.settings.clone();
        match self.knob {
            Knob::Family => {
                s.family = if s.family == Family::Normal { Family::Categorical } else { Family::Normal };
            }
            Knob::N => s.n = ladder(&SIZES, s.n, delta),
            Knob::Mu => s.mu = ladder(&MUS, s.mu, delta),
            Knob::Sigma => s.sigma = ladder(&SIGMAS, s.sigma, delta),
            Knob::Classes => s.classes = (s.classes as i64 + delta).clamp(2, 8) as usize,
            Knob::Seed => s.seed = (s.seed as i64 + delta).max(0) as u64,
        }
        s
    }

    /// Whether the selected knob turns `delta` from its value (not at that
    /// end of its range): the key table lists the knob keys only then. A
    /// knob that does not apply to the learner's own data is listed: its
    /// key says why.
    pub fn can_turn(&self, delta: i64) -> bool {
        !self.knobs().contains(&self.knob) || self.turned(delta) != self.settings
    }

    fn turn(&mut self, delta: i64) {
        if !self.knobs().contains(&self.knob) {
            self.message = Some(Message::OwnData);
            return;
        }
        let before = self.settings.clone();
        self.settings = self.turned(delta);
        if self.knob == Knob::Family {
            self.view = View::Derivation;
            self.shown = 1;
        }
        self.message = None;
        if let Err(e) = self.compute() {
            self.settings = before;
            let _ = self.compute();
            self.message = Some(Message::Refused(e));
        }
        if !self.knobs().contains(&self.knob) {
            self.knob = Knob::Family;
        }
    }

    /// In predict mode, the line that reveals a number asks for it first.
    fn asks_at(&self, line: usize) -> Option<Asking> {
        match self.steps().get(line)? {
            // One point is its own mean: the data on screen is the answer.
            Step::DerivMu if self.normal.as_ref().is_some_and(|n| n.x.len() > 1) => Some(Asking::Mu),
            Step::DerivSigma if self.normal.as_ref().is_some_and(|n| n.fit.sigma > 0.0) => Some(Asking::Sigma),
            Step::Solve => {
                // Ask about the first class that was seen.
                self.counts.iter().position(|c| *c > 0).map(Asking::P)
            }
            _ => None,
        }
    }

    /// Whether μ̂ and σ̂ may be shown beside the derivation (the fitted curve,
    /// the surface, the bias experiment, the mistakes): not in predict mode
    /// before the lines that derive them are revealed.
    pub fn fit_revealed(&self) -> bool {
        let last = self.steps().iter().rposition(|s| matches!(s, Step::DerivMu | Step::DerivSigma));
        !self.predict.on || last.is_none_or(|i| self.shown > i)
    }

    /// Whether x̄ = μ̂ may be shown (the sample panel's deviations): not in
    /// predict mode before the line that derives it is revealed.
    pub fn mu_revealed(&self) -> bool {
        self.revealed(Step::DerivMu)
    }

    /// Whether σ̂ (and Σ (x_i − x̄)² beside n) may be shown.
    pub fn sigma_revealed(&self) -> bool {
        self.revealed(Step::DerivSigma)
    }

    fn revealed(&self, step: Step) -> bool {
        !self.predict.on || self.steps().iter().position(|s| *s == step).is_none_or(|i| self.shown > i)
    }

    /// Whether the counts panel may show p̂_k: not in predict mode before the
    /// line that solves for it is revealed (it would answer the question).
    pub fn p_hat_revealed(&self) -> bool {
        !self.predict.on || self.steps().iter().position(|s| *s == Step::Solve).is_none_or(|i| self.shown > i)
    }

    /// The true value of what is asked.
    pub fn truth(&self, asking: Asking) -> f64 {
        match (asking, &self.normal, &self.categorical) {
            (Asking::Mu, Some(n), _) => n.fit.mu,
            (Asking::Sigma, Some(n), _) => n.fit.sigma,
            (Asking::P(k), _, Some(c)) => c.p.get(k).copied().unwrap_or(0.0),
            _ => 0.0,
        }
    }

    /// The mistake a typed σ matches, at the precision it was typed with
    /// (1.83 for 1.826): the n − 1 estimate, or the variance.
    fn mistake_for(&self, asking: Asking, typed: &str) -> Option<Mistake> {
        let n = self.normal.as_ref()?;
        if asking != Asking::Sigma || parse_number(typed).is_some_and(|v| agrees(v, n.fit.sigma)) {
            return None;
        }
        n.mistakes.iter().find_map(|(m, v)| match v {
            MistakeValue::Sigma { got, .. } if agrees_as_typed(typed, *got) && !agrees(*got, n.fit.sigma) => Some(*m),
            _ => None,
        })
    }

    fn update_prompt(&mut self, a: Action) {
        let Action::Prompt(e) = a else { return };
        let truth = self.predict.question().map_or(0.0, |q| self.truth(*q));
        let step = self
            .predict
            .edit(e, |_, text| parse_number(text).map(|typed| (agrees(typed, truth), (typed, text.to_string()))));
        match step {
            Answer::Typing => {}
            Answer::Unreadable => self.message = Some(Message::NotANumber),
            Answer::Skipped(_) => self.shown += 1,
            Answer::Graded { question: asking, right, grade: (typed, text) } => {
                let mistake = if right { None } else { self.mistake_for(asking, &text) };
                self.message =
                    Some(Message::Graded { asking, typed, truth, right, off: off_by(typed, truth), mistake });
                self.shown += 1;
            }
        }
    }
}
