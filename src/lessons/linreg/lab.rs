//! The linear-regression lab's model: the data, β stepped by gradient
//! descent or minibatch SGD, the loss per step, the stability limit, the
//! least-squares answer, and the error measured beside the gradient used.

use crate::lessons::cycle::{cycle, ladder};
use crate::math::linreg::{self, ErrorMeasure};
use crate::math::rng::Rng;
use ndarray::{Array1, Array2};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Step,
    Run,
    Reset,
    LrDown,
    LrUp,
    ToggleSgd,
    NextMeasure,
    NextGradient,
    ToggleFeatures,
    /// On a small screen: the charts or the error measures.
    SwitchPanel,
}

/// The most steps the lab keeps (holding Space must not grow memory forever).
pub const MAX_HISTORY: usize = 10_000;

/// The line the lab fits, y = slope·x + intercept + noise (the command
/// line's defaults too, so the lab and `--print` show the same numbers).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    pub n: usize,
    pub slope: f64,
    pub intercept: f64,
    pub noise: f64,
    pub seed: u64,
}

/// Points in the lab's data unless the command line says otherwise.
pub const POINTS: usize = 30;

impl Default for Line {
    fn default() -> Self {
        Line { n: POINTS, slope: 7.0, intercept: 2.0, noise: 1.0, seed: 1 }
    }
}

/// Learning rates the knob steps through.
const RATES: [f64; 12] = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0, 1.2, 1.5];

#[derive(Debug, Clone)]
pub struct LinregLab {
    pub x: Array2<f64>,
    pub y: Array1<f64>,
    /// 1 (the `line`) or 3 features.
    pub features: usize,
    pub line: Line,
    pub lr: f64,
    /// Minibatch size for SGD, None for full-batch gradient descent.
    pub batch: Option<usize>,
    /// The error watched (and drawn).
    pub measure: ErrorMeasure,
    /// The error whose gradient the update uses; differs from `measure` in the mix-up.
    pub gradient: ErrorMeasure,
    pub betas: Vec<Array1<f64>>,
    pub losses: Vec<f64>,
    pub least_squares: Array1<f64>,
    /// The stability limit of the gradient used: full-batch descent's, or
    /// with minibatches theirs (`linreg::minibatch_limit`); `None`: that
    /// error is not quadratic, no fixed limit exists.
    pub limit: Option<f64>,
    pub diverged: bool,
    /// When the charts and the error measures do not both fit: the measures shown.
    pub measures_tab: bool,
    order: Vec<usize>,
    next_row: usize,
    rng: Rng,
}

impl LinregLab {
    pub fn new(features: usize) -> Self {
        LinregLab::with_line(features, Line::default())
    }

    /// The lab on this line's points (3 features: as many points, the same seed).
    pub fn with_line(features: usize, line: Line) -> Self {
        let (x, y) = if features <= 1 {
            linreg::line_data(line.n, line.slope, line.intercept, line.noise, line.seed)
        } else {
            linreg::feature_data(line.n, features, 0.5, line.seed)
        };
        let least_squares = linreg::least_squares(x.view(), y.view()).unwrap_or_else(|_| Array1::zeros(x.ncols()));
        let limit = linreg::stability_limit(x.view(), ErrorMeasure::Mse);
        let mut lab = LinregLab {
            features: features.max(1),
            line,
            lr: 0.1,
            batch: None,
            measure: ErrorMeasure::Mse,
            gradient: ErrorMeasure::Mse,
            betas: vec![],
            losses: vec![],
            least_squares,
            limit,
            diverged: false,
            measures_tab: false,
            order: (0..x.nrows()).collect(),
            next_row: 0,
            rng: Rng::new(7),
            x,
            y,
        };
        lab.reset();
        lab
    }

    /// The rates `[` and `]` step through: the fixed ones and, when the
    /// gradient used has a stability limit, 90%, 99%, 100%, 101% and 110% of
    /// it, so that a learner can watch the step from converging to diverging.
    pub fn rates(&self) -> Vec<f64> {
        let mut v = RATES.to_vec();
        if let Some(limit) = self.limit.filter(|l| l.is_finite() && *l > 0.0) {
            v.extend([0.9, 0.99, 1.0, 1.01, 1.1].map(|f| f * limit));
        }
        v.sort_by(f64::total_cmp);
        v.dedup_by(|a, b| (*a - *b).abs() <= 1e-12 * b.abs());
        v
    }

    /// The lab with this rate, minibatch and error (watched and used for the
    /// gradient), as the command line gives them.
    pub fn configured(mut self, lr: f64, batch: Option<usize>, measure: ErrorMeasure) -> Self {
        self.lr = lr;
        self.batch = batch;
        self.measure = measure;
        self.gradient = measure;
        self.refresh_limit();
        self.reset();
        self
    }

    fn refresh_limit(&mut self) {
        self.limit = match self.batch {
            None => linreg::stability_limit(self.x.view(), self.gradient),
            Some(b) => linreg::minibatch_limit(self.x.view(), self.gradient, b),
        };
    }

    fn reset(&mut self) {
        let b0 = Array1::zeros(self.x.ncols());
        self.losses = vec![self.loss_at(&b0)];
        self.betas = vec![b0];
        self.diverged = false;
        self.next_row = self.x.nrows();
    }

    fn loss_at(&self, b: &Array1<f64>) -> f64 {
        self.measure.value(linreg::residuals(self.x.view(), self.y.view(), b.view()).view())
    }

    /// The watched error at the least-squares β: no step can go below it.
    pub fn floor(&self) -> f64 {
        self.loss_at(&self.least_squares)
    }

    /// (step, log10 floor) at both ends of the loss chart's x range, when the floor is above 0.
    pub fn floor_points(&self) -> Vec<(f64, f64)> {
        let xmax = (self.losses.len().max(2) - 1) as f64;
        let f = self.floor();
        if f > 0.0 && f.is_finite() { vec![(0.0, f.log10()), (xmax, f.log10())] } else { vec![] }
    }

    pub fn beta(&self) -> &Array1<f64> {
        self.betas.last().expect("the start is always there")
    }

    /// Whether the rate is past the stability limit of the gradient used
    /// (full batch: 2/λ_max of that error's Hessian; minibatches: theirs).
    pub fn above_limit(&self) -> bool {
        self.limit.is_some_and(|l| self.lr > l)
    }

    /// For an error with no fixed limit: whether the loss rose on the last
    /// full-batch step (every error here grows with ||e||, so the watched
    /// loss rising means the step overshot).
    pub fn loss_rising(&self) -> bool {
        self.batch.is_none()
            && self.limit.is_none()
            && matches!(self.losses.as_slice(), [.., before, last] if last > before)
    }

    /// ||∇ used|| / ||∇ of the watched error|| at the current β (1 when they match).
    pub fn mismatch(&self) -> Option<f64> {
        let e = linreg::residuals(self.x.view(), self.y.view(), self.beta().view());
        linreg::gradient_ratio(self.x.view(), e.view(), self.gradient, self.measure)
    }

    /// The gradients of the watched error and of the one used, at the current β.
    pub fn gradients(&self) -> (Array1<f64>, Array1<f64>) {
        let e = linreg::residuals(self.x.view(), self.y.view(), self.beta().view());
        (self.measure.gradient(self.x.view(), e.view()), self.gradient.gradient(self.x.view(), e.view()))
    }

    /// Whether the history is as long as it may grow (`MAX_HISTORY` steps).
    /// The rate one rung up (`delta` 1) or down (−1) the ladder.
    pub fn next_rate(&self, delta: i64) -> f64 {
        ladder(&self.rates(), self.lr, delta)
    }

    pub fn full(&self) -> bool {
        self.betas.len() > MAX_HISTORY
    }

    fn step(&mut self) {
        if self.diverged || self.full() {
            return;
        }
        let rows: Vec<usize> = match self.batch {
            None => (0..self.x.nrows()).collect(),
            Some(b) => {
                if self.next_row >= self.order.len() {
                    self.rng.shuffle(&mut self.order);
                    self.next_row = 0;
                }
                let end = (self.next_row + b).min(self.order.len());
                let rows = self.order[self.next_row..end].to_vec();
                self.next_row = end;
                rows
            }
        };
        let next = linreg::step(self.x.view(), self.y.view(), self.beta().view(), self.lr, &rows, self.gradient);
        let loss = self.loss_at(&next);
        if !(loss.is_finite() && next.iter().all(|v| v.is_finite())) {
            self.diverged = true;
            return;
        }
        self.betas.push(next);
        self.losses.push(loss);
    }

    pub fn update(&mut self, a: Action) {
        match a {
            Action::Step => self.step(),
            Action::Run => {
                for _ in 0..50 {
                    self.step();
                }
            }
            Action::Reset => self.reset(),
            Action::LrDown | Action::LrUp => {
                self.lr = ladder(&self.rates(), self.lr, if a == Action::LrUp { 1 } else { -1 });
                self.reset();
            }
            Action::ToggleSgd => {
                self.batch = if self.batch.is_some() { None } else { Some(5) };
                self.refresh_limit();
                self.reset();
            }
            Action::NextMeasure => {
                self.measure = next_measure(self.measure);
                self.gradient = self.measure;
                self.refresh_limit();
                self.reset();
            }
            Action::NextGradient => {
                self.gradient = next_measure(self.gradient);
                self.refresh_limit();
                self.reset();
            }
            Action::ToggleFeatures => {
                let (lr, batch) = (self.lr, self.batch);
                *self = LinregLab::with_line(if self.features == 1 { 3 } else { 1 }, self.line);
                self.lr = lr;
                self.batch = batch;
                self.refresh_limit();
            }
            Action::SwitchPanel => self.measures_tab = !self.measures_tab,
        }
    }
}

fn next_measure(m: ErrorMeasure) -> ErrorMeasure {
    cycle(&ErrorMeasure::ALL, m, 1)
}
