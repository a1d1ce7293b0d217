//! Gradient descent on a typed function, the course's loop exactly:
//!
//! ```text
//! steps = 0
//! while abs(df(x)) > eps and steps < max_steps:   # ‖∇f‖ for two variables
//!     x = x - lr * df(x)
//!     steps += 1
//! ```
//!
//! with the learner's classic slips as switches (`Bug`), each the same loop
//! with one thing changed, and the curvature that sets the learning rate's
//! limit, measured at a point.

use super::expr::Function;

/// The most updates a run makes (a bound on time and memory).
pub const MAX_STEPS: usize = 100_000;
/// Beyond this |x| a run is called diverged and stops, before f or its
/// gradient overflows f64 (no inf or NaN is ever shown).
pub const DIVERGED: f64 = 1e100;

/// One slip in the loop, switched on to watch what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bug {
    /// `x = x + lr * df(x)`: gradient ascent, every step climbs.
    Plus,
    /// `while df(x) > eps`: stops at once where the derivative is negative.
    /// (One variable only: a norm has no sign to forget.)
    NoAbs,
    /// `g = df(x)` once before the loop: the same step again and again.
    Stale,
}

impl Bug {
    pub const ALL: [Bug; 3] = [Bug::Plus, Bug::NoAbs, Bug::Stale];
}

/// How a run is set up.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub init: Vec<f64>,
    pub lr: f64,
    pub eps: f64,
    pub max_steps: usize,
    pub bug: Option<Bug>,
}

/// One point of the run: x, f(x), the gradient the loop uses there, and the
/// stopping test's value (|f′|, f′ without abs, or ‖∇f‖).
#[derive(Debug, Clone, PartialEq)]
pub struct Iterate {
    pub x: Vec<f64>,
    pub f: f64,
    /// The gradient the update uses (with `Bug::Stale`, the first one).
    pub grad: Vec<f64>,
    /// The true gradient here (differs from `grad` only with `Bug::Stale`).
    pub true_grad: Vec<f64>,
    /// What the test compares with eps.
    pub test: f64,
    /// Whether the test is true here (the loop goes on, if steps remain).
    pub continues: bool,
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The test failed: |f′| ≤ eps (or what the slipped test reads).
    Converged,
    /// max_steps updates were made and the test still held.
    MaxSteps,
    /// At step `at` the update left x unchanged (lr·f′ is below the spacing
    /// of f64 numbers near x) while the test held: every later iteration is
    /// the same, up to max_steps.
    Stalled { at: usize },
    /// |x| passed `DIVERGED` (or f overflowed) after `at` updates.
    Diverged { at: usize },
    /// f or its gradient is undefined at the next x (outside f's domain).
    LeftDomain { at: usize },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Every point reached, from x₀ (a stall's repeats are not stored).
    pub iterates: Vec<Iterate>,
    /// Updates the loop made.
    pub steps: usize,
    pub outcome: Outcome,
}

impl Run {
    pub fn last(&self) -> &Iterate {
        self.iterates.last().expect("a run holds its start")
    }

    /// Whether the stopping test ended the loop.
    pub fn converged(&self) -> bool {
        self.outcome == Outcome::Converged
    }
}

/// Why a run cannot start.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StartError {
    #[error("f or its derivative is undefined at the starting point")]
    Undefined,
    #[error("the starting point needs {want} coordinates, got {got}")]
    Coordinates { want: usize, got: usize },
}

pub fn norm(v: &[f64]) -> f64 {
    v.iter().map(|g| g * g).sum::<f64>().sqrt()
}

/// The stopping test's value for a gradient: |f′| (f′ itself when abs() is
/// forgotten) or ‖∇f‖.
pub fn test_value(grad: &[f64], bug: Option<Bug>) -> f64 {
    match (grad, bug) {
        ([g], Some(Bug::NoAbs)) => *g,
        ([g], _) => g.abs(),
        _ => norm(grad),
    }
}

fn iterate(f: &Function, x: Vec<f64>, stale: Option<&[f64]>, s: &Settings) -> Option<Iterate> {
    let value = f.value(&x)?;
    let true_grad = f.gradient(&x)?;
    let grad = stale.map_or_else(|| true_grad.clone(), <[f64]>::to_vec);
    let test = test_value(&grad, s.bug);
    Some(Iterate { x, f: value, grad, true_grad, test, continues: test > s.eps })
}

/// The update x − lr·g (x + lr·g with `Bug::Plus`), as Python computes it.
pub fn update(x: &[f64], grad: &[f64], lr: f64, bug: Option<Bug>) -> Vec<f64> {
    x.iter().zip(grad).map(|(x, g)| if bug == Some(Bug::Plus) { x + lr * g } else { x - lr * g }).collect()
}

/// The whole run, bounded by `s.max_steps` (at most `MAX_STEPS`).
pub fn run(f: &Function, s: &Settings) -> Result<Run, StartError> {
    if s.init.len() != f.dim {
        return Err(StartError::Coordinates { want: f.dim, got: s.init.len() });
    }
    let first = iterate(f, s.init.clone(), None, s).ok_or(StartError::Undefined)?;
    let stale = (s.bug == Some(Bug::Stale)).then(|| first.grad.clone());
    let max = s.max_steps.min(MAX_STEPS);
    let mut iterates = vec![first];
    let mut steps = 0;
    let outcome = loop {
        let now = iterates.last().expect("the start is there");
        if !now.continues {
            break Outcome::Converged;
        }
        if steps >= max {
            break Outcome::MaxSteps;
        }
        let next_x = update(&now.x, &now.grad, s.lr, s.bug);
        if next_x.iter().any(|v| !v.is_finite() || v.abs() > DIVERGED) {
            break Outcome::Diverged { at: steps };
        }
        if next_x == now.x {
            // Nothing can change any more: the remaining iterations repeat this one.
            break Outcome::Stalled { at: steps };
        }
        let Some(next) = iterate(f, next_x.clone(), stale.as_deref(), s) else {
            // ±∞ is overflow (divergence); NaN is outside f's domain (log of a negative).
            let raw = f.raw(&next_x);
            break if raw.iter().any(|v| v.is_nan()) {
                Outcome::LeftDomain { at: steps }
            } else {
                Outcome::Diverged { at: steps }
            };
        };
        iterates.push(next);
        steps += 1;
    };
    let steps = if matches!(outcome, Outcome::Stalled { .. }) { max } else { steps };
    Ok(Run { iterates, steps, outcome })
}

/// The curvature at a point: f″ (one variable) or the Hessian's eigenvalues,
/// largest first.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Curvature {
    pub largest: f64,
    pub smallest: f64,
}

pub fn curvature(f: &Function, p: &[f64]) -> Option<Curvature> {
    match f.hessian(p)?.as_slice() {
        [h] => Some(Curvature { largest: *h, smallest: *h }),
        [a, b, _, d] => {
            // A symmetric 2×2 matrix's eigenvalues: mean ± √(half-difference² + b²).
            let mean = 0.5 * (a + d);
            let r = (0.5 * (a - d)).hypot(*b);
            Some(Curvature { largest: mean + r, smallest: mean - r })
        }
        _ => None,
    }
}

/// What a learning rate does along the steepest-curved direction, read from
/// the factor r = 1 − lr·λ by which one step multiplies the distance to the
/// minimum of the quadratic with that curvature (for a quadratic f, its
/// minimum; otherwise the local picture at the point).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rate {
    /// 0 < r < 1: every step stays on the same side and comes closer.
    OneSided,
    /// r = 0: one step lands on the minimum.
    OneStep,
    /// −1 < r < 0: each step overshoots, by less each time.
    Oscillates,
    /// r = −1: it bounces between two points forever.
    Bounces,
    /// r < −1: each overshoot is larger: it diverges.
    Grows,
    /// λ ≤ 0: no positive curvature, no minimum to step towards here.
    NoMinimum,
}

/// The factor r = 1 − lr·λ_max and what it means.
pub fn rate(lr: f64, c: Curvature) -> (f64, Rate) {
    let r = 1.0 - lr * c.largest;
    let case = if c.largest <= 0.0 {
        Rate::NoMinimum
    } else if r > 0.0 {
        Rate::OneSided
    } else if r == 0.0 {
        Rate::OneStep
    } else if r > -1.0 {
        Rate::Oscillates
    } else if r == -1.0 {
        Rate::Bounces
    } else {
        Rate::Grows
    };
    (r, case)
}

/// The limit 2/λ_max (none without positive curvature).
pub fn limit(c: Curvature) -> Option<f64> {
    (c.largest > 0.0).then(|| 2.0 / c.largest)
}

/// Whether the step from `a` to `b` overshoots the minimum along its line:
/// the gradient at `b` points back against the gradient at `a`.
pub fn overshoots(a: &Iterate, b: &Iterate) -> bool {
    a.true_grad.iter().zip(&b.true_grad).map(|(p, q)| p * q).sum::<f64>() < 0.0
}

/// The spacing of f64 numbers at `v` (one unit in the last place).
pub fn spacing(v: f64) -> f64 {
    let a = v.abs();
    a.next_up() - a
}

/// How far one update moves x: lr · ‖∇f‖.
pub fn step_length(lr: f64, grad: &[f64]) -> f64 {
    lr * norm(grad)
}

/// Where a run stalled: the coordinate whose step lr·g_i is largest, that
/// step's size and the spacing of f64 numbers at it (a step below half the
/// spacing leaves x as it is).
pub fn stall_step(lr: f64, x: &[f64], grad: &[f64]) -> (f64, f64) {
    let i = (0..x.len().min(grad.len())).max_by(|a, b| grad[*a].abs().total_cmp(&grad[*b].abs())).unwrap_or(0);
    let xi = x.get(i).copied().unwrap_or(0.0);
    ((lr * grad.get(i).copied().unwrap_or(0.0)).abs(), spacing(xi))
}

/// The grid cell (column, row; row 0 at the top) of a point in the box
/// `xr` × `yr`, if it is inside.
pub fn grid_cell(p: &[f64], xr: (f64, f64), yr: (f64, f64), cols: usize, rows: usize) -> Option<(usize, usize)> {
    let (x, y) = (*p.first()?, *p.get(1)?);
    let u = (x - xr.0) / (xr.1 - xr.0);
    let v = (yr.1 - y) / (yr.1 - yr.0);
    ((0.0..=1.0).contains(&u) && (0.0..=1.0).contains(&v))
        .then(|| (((u * cols as f64) as usize).min(cols - 1), ((v * rows as f64) as usize).min(rows - 1)))
}

/// Contour lines of f over the box, as a grid (row 0 at the top, the
/// largest y): f at each cell's centre is put in one of `levels` bands of
/// log(1 + f − min), so steep and flat parts both get lines; a cell whose
/// band differs from its right or lower neighbour's is on a line and holds
/// its band, other cells (and cells where f is undefined) hold `None`.
pub fn contour_levels(
    f: &Function,
    xr: (f64, f64),
    yr: (f64, f64),
    cols: usize,
    rows: usize,
    levels: usize,
) -> Vec<Vec<Option<u8>>> {
    let centre = |c: usize, r: usize| {
        let x = xr.0 + (xr.1 - xr.0) * (c as f64 + 0.5) / cols as f64;
        let y = yr.1 - (yr.1 - yr.0) * (r as f64 + 0.5) / rows as f64;
        f.value(&[x, y])
    };
    let values: Vec<Vec<Option<f64>>> = (0..rows).map(|r| (0..cols).map(|c| centre(c, r)).collect()).collect();
    let (lo, hi) =
        values.iter().flatten().flatten().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(*v), b.max(*v)));
    let top = (hi - lo).ln_1p();
    let band = |v: Option<f64>| {
        v.map(|v| if top > 0.0 { (((v - lo).ln_1p() / top) * levels as f64).min(levels as f64 - 1.0) as u8 } else { 0 })
    };
    let bands: Vec<Vec<Option<u8>>> = values.iter().map(|row| row.iter().map(|v| band(*v)).collect()).collect();
    (0..rows)
        .map(|r| {
            (0..cols)
                .map(|c| {
                    let here = bands[r][c]?;
                    let right = bands[r].get(c + 1).copied().flatten();
                    let below = bands.get(r + 1).and_then(|row| row[c]);
                    (right.is_some_and(|b| b != here) || below.is_some_and(|b| b != here)).then_some(here)
                })
                .collect()
        })
        .collect()
}
