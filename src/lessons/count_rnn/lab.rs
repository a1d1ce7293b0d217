//! The counting-ones RNN lab's model: the data, the weights, the BPTT loop
//! revealed one step at a time (k = T down to 1), the gradient check, the
//! common mistakes, the loss surface with its cursor and the training path.

use crate::assets::CountingTutorial;
use crate::lessons::input::Edit;
use crate::lessons::predict::{Predict, Step};
use crate::math::counting_rnn::{
    self, CountBackward, CountForward, GradCheck, Mistake, Rprop, RpropState, linspace, random_sequences,
};
use crate::math::format;
use crate::math::parse::{agrees, agrees_as_typed, off_by, parse_number};
use ndarray::Array2;

/// Rprop steps per press of the run key (as the linear-regression lab runs 50).
pub const RPROP_RUN: usize = 50;

/// The most points the training path keeps.
pub const MAX_PATH: usize = 10_000;

/// Surface grid size (columns over w_x, rows over w_rec).
pub const SURFACE_COLS: usize = 25;
pub const SURFACE_ROWS: usize = 13;

#[derive(Debug, Clone, PartialEq)]
pub struct Surface {
    pub wx: Vec<f64>,
    /// Top row first: w_rec from high to low.
    pub rec: Vec<f64>,
    pub log10_loss: Array2<f64>,
}

/// The index of the grid value closest to v.
fn nearest(grid: &[f64], v: f64) -> usize {
    (0..grid.len()).min_by(|a, b| (grid[*a] - v).abs().total_cmp(&(grid[*b] - v).abs())).unwrap_or(0)
}

impl Surface {
    /// The (row, column) of the cell nearest to the weights (w_x, w_rec).
    pub fn nearest_cell(&self, w: (f64, f64)) -> (usize, usize) {
        (nearest(&self.rec, w.1), nearest(&self.wx, w.0))
    }

    /// The cell of the weights, or None when they lie outside the surface.
    pub fn cell_of(&self, w: (f64, f64)) -> Option<(usize, usize)> {
        let within = |v: f64, g: &[f64]| g.first().zip(g.last()).is_some_and(|(a, b)| v >= a.min(*b) && v <= a.max(*b));
        (within(w.0, &self.wx) && within(w.1, &self.rec)).then(|| self.nearest_cell(w))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// Each typed value beside the truth and how far off it was, for
    /// sequence 1's dL/dS_k, dL/dS_k·x_k and dL/dS_k·S_{k−1} (what the
    /// table lets the learner compute): (typed, true, off by),
    /// off by `None` when the typed value agrees to the 4 significant digits
    /// shown (float noise is not "off"); then each listed mistake whose loop
    /// gives every number typed, with its numbers where they are off.
    Graded([(f64, f64, Option<f64>); 3], Vec<(Mistake, Vec<f64>)>),
    NotNumbers,
    Diverged,
    /// The step went to weights outside the surface drawn: the path goes on
    /// there, but it cannot be drawn (said, not clamped to the edge).
    LeftSurface((f64, f64)),
    /// The training path holds `MAX_PATH` points already.
    PathFull,
    /// A gradient-descent step raised the loss: from, to, and how far it
    /// moved (w_x, w_rec) — too far along the gradient; `off_surface`: it
    /// also left the surface drawn (the path goes on there, undrawn).
    Overshot {
        from: f64,
        to: f64,
        moved: (f64, f64),
        /// The learning rate the step was taken with (the knob may turn
        /// while the message is still on screen).
        lr: f64,
        off_surface: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Next,
    Prev,
    First,
    Last,
    Up,
    Down,
    Left,
    Right,
    Zoom,
    GdStep,
    RpropStep,
    /// `RPROP_RUN` Rprop steps at once.
    RpropRun,
    LrDown,
    LrUp,
    ToggleData,
    TogglePredict,
    /// Show the other panel when the table and the surface do not fit side by side.
    SwitchPanel,
    /// A key while an answer is typed.
    Prompt(Edit),
}

#[derive(Debug, Clone)]
pub struct CountLab {
    pub tutorial: CountingTutorial,
    pub use_tutorial: bool,
    pub x: Array2<f64>,
    pub w: (f64, f64),
    pub fwd: CountForward,
    pub back: CountBackward,
    /// Backward steps shown: 0 (only the forward pass) to T.
    pub shown: usize,
    pub check: GradCheck,
    /// Each mistake, what it computes, and how far that is from the right gradient.
    pub mistakes: Vec<(Mistake, (f64, f64), f64)>,
    /// Each mistake's numbers for sequence 1 at each step k = T, …, 1 (what
    /// a prediction is compared with to name the mistake behind it).
    pub mistake_terms: Vec<(Mistake, Vec<[f64; 3]>)>,
    pub zoom: bool,
    pub surface: Surface,
    /// (row, column) of the cursor on the surface.
    pub cursor: (usize, usize),
    pub path: Vec<(f64, f64)>,
    pub lr: f64,
    rprop: RpropState,
    /// Predict mode: the backward step whose three numbers are asked.
    pub predict: Predict<usize>,
    pub message: Option<Message>,
    /// Which panel has the screen: 0 the table (with the others where
    /// they fit), 1 the loss surface alone, 2 the gradient check and the
    /// mistakes alone (Tab; at any size, so Tab always shows something).
    pub tab: usize,
}

impl CountLab {
    pub fn new(tutorial: CountingTutorial, use_tutorial: bool, seed: u64) -> Self {
        let x = if use_tutorial { tutorial.x.clone() } else { random_sequences(20, 10, seed) };
        let r = tutorial_rprop(&tutorial);
        let mut lab = CountLab {
            w: tutorial.start,
            fwd: counting_rnn::forward(x.view(), 0.0, 0.0),
            back: counting_rnn::backward(x.view(), &counting_rnn::forward(x.view(), 0.0, 0.0), 0.0),
            check: counting_rnn::gradient_check(x.view(), 0.0, 0.0, 1e-6),
            mistakes: vec![],
            mistake_terms: vec![],
            shown: 0,
            zoom: false,
            surface: Surface { wx: vec![], rec: vec![], log10_loss: Array2::zeros((0, 0)) },
            cursor: (0, 0),
            path: vec![tutorial.start],
            lr: 1e-4,
            rprop: RpropState::new(&r),
            predict: Predict::default(),
            message: None,
            tab: 0,
            tutorial,
            use_tutorial,
            x,
        };
        lab.build_surface();
        lab.set_weights(lab.w, true);
        lab
    }

    pub fn steps(&self) -> usize {
        self.x.ncols()
    }

    fn build_surface(&mut self) {
        let (lo, hi) = if self.zoom { (0.5, 1.5) } else { (-3.0, 3.0) };
        let wx = linspace(lo, hi, SURFACE_COLS);
        let mut rec = linspace(lo, hi, SURFACE_ROWS);
        rec.reverse();
        let log10_loss = counting_rnn::log10_loss_grid(self.x.view(), &wx, &rec);
        self.surface = Surface { wx, rec, log10_loss };
    }

    /// New weights: recompute the forward pass, the loop, the check and the mistakes.
    fn set_weights(&mut self, w: (f64, f64), restart_path: bool) {
        self.w = w;
        let x = self.x.view();
        self.fwd = counting_rnn::forward(x, w.0, w.1);
        self.back = counting_rnn::backward(x, &self.fwd, w.1);
        self.check = counting_rnn::gradient_check(x, w.0, w.1, 1e-6);
        let right = (self.back.g_w_x, self.back.g_w_rec);
        self.mistakes = Mistake::ALL
            .iter()
            .map(|m| {
                let g = counting_rnn::mistaken_gradient(x, w.0, w.1, *m);
                (*m, g, counting_rnn::gradient_distance(g, right))
            })
            .collect();
        self.mistake_terms =
            Mistake::ALL.iter().map(|m| (*m, counting_rnn::mistaken_terms(x, w.0, w.1, *m, 0))).collect();
        self.shown = 0;
        // The cursor follows the weights to the nearest surface cell.
        if !self.surface.wx.is_empty() {
            self.cursor = self.surface.nearest_cell(w);
        }
        if restart_path {
            self.path = vec![w];
            self.rprop = RpropState::new(&tutorial_rprop(&self.tutorial));
        }
    }

    fn move_cursor(&mut self, dr: i64, dc: i64) {
        let r = (self.cursor.0 as i64 + dr).clamp(0, SURFACE_ROWS as i64 - 1) as usize;
        let c = (self.cursor.1 as i64 + dc).clamp(0, SURFACE_COLS as i64 - 1) as usize;
        self.cursor = (r, c);
        self.set_weights((self.surface.wx[c], self.surface.rec[r]), true);
    }

    pub fn update(&mut self, a: Action) {
        if self.predict.is_asking() {
            self.update_prompt(a);
            return;
        }
        let t_len = self.steps();
        match a {
            Action::Next if self.shown < t_len => {
                if self.predict.on {
                    self.ask();
                } else {
                    self.shown += 1;
                }
            }
            Action::Prev => self.shown = self.shown.saturating_sub(1),
            Action::First => self.shown = 0,
            Action::Last => self.shown = t_len,
            Action::Up => self.move_cursor(-1, 0),
            Action::Down => self.move_cursor(1, 0),
            Action::Left => self.move_cursor(0, -1),
            Action::Right => self.move_cursor(0, 1),
            Action::Zoom => {
                self.zoom = !self.zoom;
                // The zoom is seen on the surface: it gets the screen.
                self.tab = 1;
                self.build_surface();
                let (w, shown) = (self.w, self.shown);
                self.set_weights(w, false);
                self.shown = shown;
            }
            Action::GdStep => {
                let (before, w0) = (self.fwd.loss, self.w);
                let path = counting_rnn::train_gd(self.x.view(), self.w, self.lr, 1);
                match path.get(1) {
                    Some(w) => {
                        self.step_to(*w);
                        // A step along −∇ that ends higher went past the lowest
                        // point in that direction: say so, with the numbers.
                        if self.fwd.loss > before {
                            let moved = (w.0 - w0.0, w.1 - w0.1);
                            let off_surface = matches!(self.message, Some(Message::LeftSurface(_)));
                            self.message = Some(Message::Overshot {
                                from: before,
                                to: self.fwd.loss,
                                moved,
                                lr: self.lr,
                                off_surface,
                            });
                        }
                    }
                    None => self.message = Some(Message::Diverged),
                }
            }
            Action::RpropStep => self.rprop_steps(1),
            Action::RpropRun => self.rprop_steps(RPROP_RUN),
            Action::LrDown => self.lr = lr_turned(self.lr, -1),
            Action::LrUp => self.lr = lr_turned(self.lr, 1),
            Action::ToggleData => {
                let t = self.tutorial.clone();
                let predict = Predict { asking: None, ..self.predict.clone() };
                *self = CountLab { predict, ..CountLab::new(t, !self.use_tutorial, 1) };
            }
            Action::TogglePredict => self.predict.on = !self.predict.on,
            Action::SwitchPanel => self.tab = (self.tab + 1) % 3,
            _ => {}
        }
    }

    /// `count` Rprop steps, each on the path; stops where a step says why.
    fn rprop_steps(&mut self, count: usize) {
        let r = tutorial_rprop(&self.tutorial);
        for _ in 0..count {
            let w = counting_rnn::rprop_step(self.x.view(), self.w, &r, &mut self.rprop);
            self.step_to(w);
            if self.message == Some(Message::PathFull) {
                break;
            }
        }
    }

    /// Whether the cursor's cell holds the weights (else they are outside
    /// the surface drawn, and the cursor only stands at the nearest edge).
    pub fn cursor_in_view(&self) -> bool {
        self.surface.cell_of(self.w) == Some(self.cursor)
    }

    fn step_to(&mut self, w: (f64, f64)) {
        // The path is drawn on the surface: it need not grow forever.
        if self.path.len() >= MAX_PATH {
            self.message = Some(Message::PathFull);
            return;
        }
        self.set_weights(w, false);
        self.path.push(w);
        self.message = self.surface.cell_of(w).is_none().then_some(Message::LeftSurface(w));
    }

    /// Ask for the next backward step's dL/dS_k, dL/dS_k·x_k and
    /// dL/dS_k·S_{k−1} of sequence 1, hiding them as the table writes them.
    fn ask(&mut self) {
        let hides = match self.back.steps.get(self.shown) {
            Some(s) => [s.ds_k[0], s.term_w_x[0], s.term_w_rec[0]].map(format::num).to_vec(),
            None => vec![],
        };
        self.predict.ask(self.shown, hides);
    }

    fn update_prompt(&mut self, a: Action) {
        let Action::Prompt(e) = a else { return };
        let (steps, terms) = (&self.back.steps, &self.mistake_terms);
        let step = self.predict.edit(e, |shown, typed| {
            let parts: Vec<&str> = typed.split([',', ';', ' ']).filter(|s| !s.is_empty()).collect();
            let nums: Vec<f64> = parts.iter().filter_map(|p| parse_number(p)).collect();
            let step = steps.get(*shown)?;
            if nums.len() != 3 || parts.len() != 3 {
                return None;
            }
            let truth = [step.ds_k[0], step.term_w_x[0], step.term_w_rec[0]];
            let graded =
                |i: usize| (nums[i], truth[i], (!agrees(nums[i], truth[i])).then(|| off_by(nums[i], truth[i])));
            let all = [graded(0), graded(1), graded(2)];
            let slips = slips(&parts, &all, terms, *shown);
            Some((all.iter().all(|g| g.2.is_none()), (all, slips)))
        });
        match step {
            Step::Typing => {}
            Step::Unreadable => self.message = Some(Message::NotNumbers),
            Step::Skipped(_) => self.shown += 1,
            Step::Graded { grade: (all, slips), .. } => {
                self.message = Some(Message::Graded(all, slips));
                self.shown += 1;
            }
        }
    }
}

/// The listed mistakes whose loop gives every number typed at step
/// `shown` (a number typed right must be right in that loop too; one typed
/// wrong must be that loop's, at the precision typed), each with its
/// numbers where the typed ones are off. None when every number is right.
fn slips(
    typed: &[&str],
    graded: &[(f64, f64, Option<f64>); 3],
    terms: &[(Mistake, Vec<[f64; 3]>)],
    shown: usize,
) -> Vec<(Mistake, Vec<f64>)> {
    if graded.iter().all(|g| g.2.is_none()) {
        return vec![];
    }
    terms
        .iter()
        .filter_map(|(m, steps)| {
            let got = steps.get(shown)?;
            let explains = (0..3).all(|i| match graded[i].2 {
                None => agrees(got[i], graded[i].1),
                Some(_) => !agrees(got[i], graded[i].1) && agrees_as_typed(typed[i], got[i]),
            });
            explains.then(|| (*m, (0..3).filter(|i| graded[*i].2.is_some()).map(|i| got[i]).collect()))
        })
        .collect()
}

/// The learning rate a tenth or ten times `lr`, within 1e-9 ..= 1.
fn lr_turned(lr: f64, delta: i64) -> f64 {
    if delta < 0 { (lr / 10.0).max(1e-9) } else { (lr * 10.0).min(1.0) }
}

impl CountLab {
    /// Whether the learning rate moves `delta` (not at that end): the key
    /// table lists `[` and `]` only then.
    pub fn can_turn_lr(&self, delta: i64) -> bool {
        lr_turned(self.lr, delta) != self.lr
    }
}

fn tutorial_rprop(t: &CountingTutorial) -> Rprop {
    Rprop { delta0: t.delta0, eta_plus: t.eta_plus, eta_minus: t.eta_minus }
}
