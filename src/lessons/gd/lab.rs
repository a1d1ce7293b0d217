//! The gradient-descent lab's model: the typed function (or a preset), the
//! settings, the whole run computed once per change (bounded by its max
//! steps), which iterate is shown, the picture's numbers, the slips, and
//! predict mode. `update` is the only place it changes.

use crate::lessons::cycle::{cycle, ladder, stop};
use crate::lessons::input::{Edit, TextInput};
use crate::lessons::predict::{Predict, Step as Answer};
use crate::math::expr::{ExprError, Function};
use crate::math::format;
use crate::math::gd::{self, Bug, Run, Settings, StartError};
use crate::math::parse::{agrees, parse_list};

/// A function to start from: the course's, and the classics.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Preset {
    pub text: &'static str,
    pub init: &'static [f64],
    pub lr: f64,
}

pub const PRESETS: [Preset; 5] = [
    Preset { text: "x^2 + 2*x + 3", init: &[1.5], lr: 0.1 },
    Preset { text: "sin(x) + x^2/10", init: &[1.0], lr: 0.1 },
    Preset { text: "x^4 - 3*x^2 + x", init: &[2.0], lr: 0.01 },
    Preset { text: "x^2 + 2*y^2", init: &[1.0, -1.0], lr: 0.1 },
    Preset { text: "(1 - x)^2 + 100*(y - x^2)^2", init: &[-1.5, 2.0], lr: 0.001 },
];

/// The contour grid of a two-variable picture.
pub const GRID_COLS: usize = 36;
pub const GRID_ROWS: usize = 12;
/// Contour levels (drawn as the digits 0-9).
pub const LEVELS: usize = 10;
/// Points on the drawn curve of a one-variable f.
const CURVE_POINTS: usize = 160;

const STARTS: [f64; 15] = [-4.0, -3.0, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0];
const RATES: [f64; 12] = [0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.1];
pub const EPSILONS: [f64; 8] = [1e-2, 1e-3, 1e-5, 1e-8, 1e-12, 1e-15, 1e-18, 1e-20];
const MAX_STEPS: [usize; 6] = [10, 50, 100, 1000, 10_000, 100_000];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Knob {
    Function,
    X0,
    Y0,
    Lr,
    Eps,
    MaxSteps,
    Slip,
}

impl Knob {
    pub const ALL: [Knob; 7] = [Knob::Function, Knob::X0, Knob::Y0, Knob::Lr, Knob::Eps, Knob::MaxSteps, Knob::Slip];
}

/// What predict mode asks before a step is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// The next x (both coordinates for two variables).
    NextX,
    /// Whether the next step overshoots the minimum (the gradient there
    /// points back: `gd::overshoots`).
    Overshoot,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Refused(ExprError),
    /// f or its derivative is undefined at the start (the start is kept as it was).
    Undefined,
    /// The run is at its end: no further step.
    AtEnd,
    /// The knob is at the end of its range already: nothing changes.
    KnobAtEnd,
    NotAnAnswer,
    Graded {
        question: Question,
        right: bool,
        truth: Vec<f64>,
        overshoot: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Step,
    Back,
    First,
    End,
    KnobUp,
    KnobDown,
    KnobDec,
    KnobInc,
    /// Start typing a function.
    Type,
    TogglePredict,
    /// On a small screen: the picture or the loop's text.
    SwitchPanel,
    Prompt(Edit),
}

#[derive(Debug, Clone, PartialEq)]
pub struct GdLab {
    pub func: Function,
    /// The preset the function is (`None`: typed by the learner).
    pub preset: Option<usize>,
    pub settings: Settings,
    pub run: Run,
    /// The iterate shown (0 = x₀).
    pub shown: usize,
    pub knob: Knob,
    pub predict: Predict<Question>,
    /// The function being typed, while it is.
    pub typing: Option<TextInput>,
    pub message: Option<Message>,
    /// On a small screen: the loop's text instead of the picture.
    pub text_tab: bool,
    /// One variable: the curve's points; two: the contour levels (row 0 at
    /// the top, the largest y), `None` where f is undefined.
    pub curve: Vec<(f64, f64)>,
    pub contour: Vec<Vec<Option<u8>>>,
    /// The picture's x range (and y range for two variables).
    pub x_range: (f64, f64),
    pub y_range: (f64, f64),
}

impl GdLab {
    /// The lab on a preset, with its start and learning rate.
    pub fn new(preset: usize) -> GdLab {
        let p = PRESETS[preset.min(PRESETS.len() - 1)];
        let func = Function::parse(p.text).expect("the presets parse");
        let settings = Settings { init: p.init.to_vec(), lr: p.lr, eps: 1e-5, max_steps: 1000, bug: None };
        GdLab::with(func, settings).expect("the presets start where they are defined")
    }

    /// The lab on a function and settings (the command line's); refused
    /// when f is undefined at the start.
    pub fn with(func: Function, settings: Settings) -> Result<GdLab, StartError> {
        let run = gd::run(&func, &settings)?;
        let preset = PRESETS.iter().position(|p| p.text == func.text);
        let mut lab = GdLab {
            func,
            preset,
            settings,
            run,
            shown: 0,
            knob: Knob::Function,
            predict: Predict::default(),
            typing: None,
            message: None,
            text_tab: false,
            curve: vec![],
            contour: vec![],
            x_range: (0.0, 1.0),
            y_range: (0.0, 1.0),
        };
        lab.picture();
        Ok(lab)
    }

    /// Whether a function is being typed (the prompt then takes the keys).
    pub fn is_typing(&self) -> bool {
        self.typing.is_some()
    }

    pub fn dim(&self) -> usize {
        self.func.dim
    }

    /// The knobs that apply (y₀ for two variables only).
    pub fn knobs(&self) -> Vec<Knob> {
        Knob::ALL.into_iter().filter(|k| *k != Knob::Y0 || self.dim() == 2).collect()
    }

    /// The slips that apply (no abs() to forget on a norm).
    pub fn slips(&self) -> Vec<Option<Bug>> {
        let mut v = vec![None];
        v.extend(Bug::ALL.into_iter().filter(|b| *b != Bug::NoAbs || self.dim() == 1).map(Some));
        v
    }

    pub fn now(&self) -> &gd::Iterate {
        &self.run.iterates[self.shown.min(self.run.iterates.len() - 1)]
    }

    /// The iterate before the one shown (none at x₀).
    pub fn before(&self) -> Option<&gd::Iterate> {
        self.shown.checked_sub(1).and_then(|k| self.run.iterates.get(k))
    }

    pub fn next(&self) -> Option<&gd::Iterate> {
        self.run.iterates.get(self.shown + 1)
    }

    /// Whether the shown iterate is the run's last.
    pub fn at_end(&self) -> bool {
        self.shown + 1 >= self.run.iterates.len()
    }

    /// The rates the knob steps through: the fixed ones and, where the
    /// curvature at x₀ is positive, 1/λ, 0.9, 1 and 1.1 times the limit 2/λ.
    pub fn rates(&self) -> Vec<f64> {
        let mut v = RATES.to_vec();
        if let Some(limit) = gd::curvature(&self.func, &self.settings.init).and_then(gd::limit) {
            v.extend([0.5, 0.9, 1.0, 1.1].map(|f| f * limit));
        }
        v.retain(|r| r.is_finite() && *r > 0.0);
        v.sort_by(f64::total_cmp);
        v.dedup_by(|a, b| (*a - *b).abs() <= 1e-12 * b.abs());
        v
    }

    /// Recompute the run from the settings; on a start where f is
    /// undefined, keep the previous settings and say why.
    fn rerun(&mut self, before: Settings) {
        self.predict.cancel();
        match gd::run(&self.func, &self.settings) {
            Ok(run) => {
                self.run = run;
                self.shown = 0;
                self.picture();
            }
            Err(_) => {
                self.settings = before;
                self.message = Some(Message::Undefined);
            }
        }
    }

    /// Put a new function in, with a start of its own dimension.
    fn set_function(&mut self, func: Function, init: Vec<f64>, lr: Option<f64>) {
        let (old_func, before) = (self.func.clone(), self.settings.clone());
        self.func = func;
        self.preset = PRESETS.iter().position(|p| p.text == self.func.text);
        self.settings.init = init;
        if let Some(lr) = lr {
            self.settings.lr = lr;
        }
        if self.settings.bug == Some(Bug::NoAbs) && self.dim() == 2 {
            self.settings.bug = None;
        }
        if gd::run(&self.func, &self.settings).is_err() {
            self.func = old_func;
            self.preset = PRESETS.iter().position(|p| p.text == self.func.text);
            self.settings = before;
            self.message = Some(Message::Undefined);
            return;
        }
        let same = self.settings.clone();
        self.rerun(same);
        if !self.knobs().contains(&self.knob) {
            self.knob = Knob::Function;
        }
    }

    /// The picture's numbers around the iterates up to the one shown.
    fn picture(&mut self) {
        let seen = &self.run.iterates[..=self.shown.min(self.run.iterates.len() - 1)];
        // Where the run ends too, when it settles somewhere drawable: the
        // picture then shows the valley the steps are heading for.
        let end = self.run.last();
        let settles = matches!(self.run.outcome, gd::Outcome::Converged | gd::Outcome::Stalled { .. })
            && end.x.iter().all(|v| v.abs() < 1e6);
        let span = |i: usize| {
            let (lo, hi) = seen
                .iter()
                .chain(settles.then_some(end))
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), it| (a.min(it.x[i]), b.max(it.x[i])));
            let pad = (0.25 * (hi - lo)).max(1.0);
            clear_of(self.predict.hides(), (lo - pad, hi + pad))
        };
        self.x_range = span(0);
        if self.dim() == 1 {
            let (lo, hi) = self.x_range;
            self.curve = (0..CURVE_POINTS)
                .filter_map(|i| {
                    let x = lo + (hi - lo) * i as f64 / (CURVE_POINTS - 1) as f64;
                    self.func.value(&[x]).map(|y| (x, y))
                })
                .collect();
            self.contour = vec![];
        } else {
            self.y_range = span(1);
            self.contour = gd::contour_levels(&self.func, self.x_range, self.y_range, GRID_COLS, GRID_ROWS, LEVELS);
            self.curve = vec![];
        }
    }

    /// The tangent line at the shown x, across a fifth of the picture.
    pub fn tangent(&self) -> Vec<(f64, f64)> {
        let now = self.now();
        let (lo, hi) = self.x_range;
        let half = 0.1 * (hi - lo);
        let (x, y, g) = (now.x[0], now.f, now.true_grad[0]);
        vec![(x - half, y - g * half), (x + half, y + g * half)]
    }

    /// The grid cell of a point, if it is in the picture (row 0 at the top).
    pub fn cell_of(&self, p: &[f64]) -> Option<(usize, usize)> {
        gd::grid_cell(p, self.x_range, self.y_range, GRID_COLS, GRID_ROWS)
    }

    pub fn update(&mut self, a: Action) {
        if let Some(input) = self.typing.as_mut() {
            if let Action::Prompt(e) = a {
                match input.edit(e) {
                    Some(Edit::Submit) => {
                        let text = input.buffer.clone();
                        match Function::parse(&text) {
                            Ok(func) => {
                                self.typing = None;
                                self.message = None;
                                let init = if func.dim == self.dim() {
                                    self.settings.init.clone()
                                } else {
                                    vec![1.0; func.dim]
                                };
                                self.set_function(func, init, None);
                            }
                            Err(e) => self.message = Some(Message::Refused(e)),
                        }
                    }
                    Some(_) => {
                        self.typing = None;
                        self.message = None;
                    }
                    None => {}
                }
            }
            return;
        }
        if self.predict.is_asking() {
            if let Action::Prompt(e) = a {
                self.answer(e);
            }
            return;
        }
        self.message = None;
        match a {
            Action::Step => self.step(),
            Action::Back => self.show(self.shown.saturating_sub(1)),
            Action::First => self.show(0),
            Action::End => self.show(self.run.iterates.len() - 1),
            Action::KnobUp | Action::KnobDown => {
                self.knob = stop(&self.knobs(), self.knob, if a == Action::KnobUp { -1 } else { 1 })
            }
            Action::KnobDec | Action::KnobInc => self.turn(if a == Action::KnobInc { 1 } else { -1 }),
            Action::Type => {
                self.typing = Some(TextInput { cursor: self.func.text.chars().count(), buffer: self.func.text.clone() })
            }
            Action::TogglePredict => self.predict.on = !self.predict.on,
            Action::SwitchPanel => self.text_tab = !self.text_tab,
            Action::Prompt(_) => {}
        }
    }

    fn show(&mut self, k: usize) {
        self.shown = k.min(self.run.iterates.len() - 1);
        self.picture();
    }

    /// One iteration forward; in predict mode, first the question.
    fn step(&mut self) {
        let Some(next) = self.next() else {
            self.message = Some(Message::AtEnd);
            return;
        };
        if self.predict.on {
            // Questions take turns: the next x, then whether it overshoots.
            let question = if self.predict.score.1.is_multiple_of(2) { Question::NextX } else { Question::Overshoot };
            let hides = next.x.iter().map(|v| format::num(*v)).collect();
            self.predict.ask(question, hides);
            // The axes' ends must not read as the asked x by chance.
            self.picture();
            return;
        }
        self.show(self.shown + 1);
    }

    fn answer(&mut self, e: Edit) {
        let (Some(next), now) = (self.next().cloned(), self.now().clone()) else { return };
        let overshoot = gd::overshoots(&now, &next);
        let step = self.predict.edit(e, |q, typed| match q {
            Question::NextX => {
                let v = parse_list(typed).ok().filter(|v| v.len() == next.x.len())?;
                Some((v.iter().zip(&next.x).all(|(a, b)| agrees(*a, *b)), ()))
            }
            Question::Overshoot => yes_no(typed).map(|said| (said == overshoot, ())),
        });
        match step {
            Answer::Typing => {}
            Answer::Unreadable => self.message = Some(Message::NotAnAnswer),
            Answer::Skipped(_) => self.show(self.shown + 1),
            Answer::Graded { question, right, .. } => {
                self.message = Some(Message::Graded { question, right, truth: next.x.clone(), overshoot });
                self.show(self.shown + 1);
            }
        }
    }

    fn turn(&mut self, delta: i64) {
        let before = self.settings.clone();
        let (rates, slips) = (self.rates(), self.slips());
        let s = &mut self.settings;
        match self.knob {
            Knob::Function => {
                let i = self.preset.map_or(0, |i| (i as i64 + delta).rem_euclid(PRESETS.len() as i64) as usize);
                let p = PRESETS[i];
                let func = Function::parse(p.text).expect("the presets parse");
                self.set_function(func, p.init.to_vec(), Some(p.lr));
                return;
            }
            Knob::X0 => s.init[0] = ladder(&STARTS, s.init[0], delta),
            Knob::Y0 => {
                if let Some(y) = s.init.get_mut(1) {
                    *y = ladder(&STARTS, *y, delta);
                }
            }
            Knob::Lr => s.lr = ladder(&rates, s.lr, delta),
            Knob::Eps => s.eps = ladder(&EPSILONS.iter().rev().copied().collect::<Vec<_>>(), s.eps, delta),
            Knob::MaxSteps => s.max_steps = ladder(&MAX_STEPS, s.max_steps, delta),
            Knob::Slip => s.bug = cycle(&slips, s.bug, delta),
        }
        // At the end of its range the knob changes nothing: say so, and do
        // not run the same loop again (up to 100,000 steps).
        if self.settings == before {
            self.message = Some(Message::KnobAtEnd);
            return;
        }
        self.rerun(before);
    }
}

/// A typed yes or no, in either language.
pub fn yes_no(typed: &str) -> Option<bool> {
    match typed.trim().to_lowercase().as_str() {
        "y" | "yes" | "예" | "네" | "응" | "ㅇ" => Some(true),
        "n" | "no" | "아니오" | "아니요" | "아니" | "ㄴ" => Some(false),
        _ => None,
    }
}

/// `range` widened, a little at a time, until neither end is written as
/// one of the asked values (an axis labelled 2.5 while x₁ = 2.5 is asked
/// would read as the answer).
fn clear_of(hides: &[String], (mut lo, mut hi): (f64, f64)) -> (f64, f64) {
    for _ in 0..8 {
        if !hides.contains(&format::num(lo)) && !hides.contains(&format::num(hi)) {
            break;
        }
        let nudge = 0.05 * (hi - lo).abs().max(f64::MIN_POSITIVE);
        (lo, hi) = (lo - nudge, hi + nudge);
    }
    (lo, hi)
}
