//! The gradient-descent lab's lines, chosen from the run's numbers: the
//! function and its derivative with the finite-difference check, the state,
//! the update written out, the stopping test evaluated, the curvature and
//! what the rate does, and why the run ended (or what the slip did). The
//! screen, the note and `--print` all read these.

use super::lab::GdLab;
use crate::math::expr::{central_difference, derivative_agrees};
use crate::math::format::{num, num_beside, operand};
use crate::math::gd::{self, Bug, Iterate, Outcome, Rate, Run};
use crate::text::Text;

/// What explains a run, chosen from what was measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Why {
    /// `+` instead of `−`: f at x₀ and now.
    Climbs { f0: f64, f_now: f64 },
    /// No abs(): the test was false at x₀ because f′(x₀) < 0.
    NoAbsAtOnce { g: f64 },
    /// No abs(): the loop stopped at a negative derivative.
    NoAbsNegative { g: f64 },
    /// No abs(): f′ has stayed positive so far.
    NoAbsNotYet,
    /// The gradient of x₀ reused: its value and the step it makes.
    Stale { g: f64, step: f64 },
}

/// The slip's effect on this run, up to the iterate shown.
pub fn slip_why(lab: &GdLab) -> Option<Why> {
    let first = &lab.run.iterates[0];
    let now = lab.now();
    Some(match lab.settings.bug? {
        Bug::Plus => Why::Climbs { f0: first.f, f_now: now.f },
        Bug::NoAbs if lab.run.steps == 0 && !first.continues && first.grad[0] < 0.0 => {
            Why::NoAbsAtOnce { g: first.grad[0] }
        }
        Bug::NoAbs if lab.at_end() && now.grad[0] < 0.0 && lab.run.converged() => Why::NoAbsNegative { g: now.grad[0] },
        Bug::NoAbs => Why::NoAbsNotYet,
        Bug::Stale => Why::Stale { g: gd::norm(&first.grad), step: gd::step_length(lab.settings.lr, &first.grad) },
    })
}

pub fn why_text(w: Why, lab: &GdLab, t: &Text) -> String {
    let g = &t.gd;
    match w {
        Why::Climbs { f0, f_now } => (g.plus_climbs)(&num(f0), &num(f_now)),
        Why::NoAbsAtOnce { g: d } => (g.no_abs_at_once)(&num(d), &num(lab.settings.eps)),
        Why::NoAbsNegative { g: d } => (g.no_abs_negative)(&num(d)),
        Why::NoAbsNotYet => g.no_abs_not_yet.to_string(),
        Why::Stale { g: d, step } => (g.stale)(&num(d), &num(step)),
    }
}

/// How the run ended, in words (the stall's numbers measured at the point
/// where x stopped changing).
pub fn outcome_text(run: &Run, settings: &gd::Settings, t: &Text) -> String {
    let g = &t.gd;
    let last = run.last();
    match run.outcome {
        Outcome::Converged => (g.converged)(run.steps),
        Outcome::MaxSteps => (g.max_steps)(run.steps, &num(last.test)),
        Outcome::Stalled { at } => {
            let (step, spacing) = gd::stall_step(settings.lr, &last.x, &last.grad);
            (g.stalled)(at, &num(step), &num(spacing), &num_beside(last.test, settings.eps), &num(settings.eps))
        }
        Outcome::Diverged { at } => (g.diverged)(at),
        Outcome::LeftDomain { at } => (g.left_domain)(at),
    }
}

fn list(v: &[f64]) -> String {
    if let [x] = v { num(*x) } else { format!("({})", v.iter().map(|x| num(*x)).collect::<Vec<_>>().join(", ")) }
}

/// `f(x) = …` and the derivative's expression(s).
pub fn formula_lines(lab: &GdLab) -> Vec<String> {
    let f = &lab.func;
    if f.dim == 1 {
        vec![format!("f(x) = {}", f.text), format!("f′(x) = {}", f.derivative_text(0))]
    } else {
        vec![
            format!("f(x, y) = {}", f.text),
            format!("∂f/∂x = {}", f.derivative_text(0)),
            format!("∂f/∂y = {}", f.derivative_text(1)),
        ]
    }
}

/// The symbolic gradient at the shown x against central differences.
pub fn check_line(lab: &GdLab, t: &Text) -> String {
    check_line_at(lab, lab.shown, t)
}

/// The same check at iterate `k`.
pub fn check_line_at(lab: &GdLab, k: usize, t: &Text) -> String {
    let now = &lab.run.iterates[k.min(lab.run.iterates.len() - 1)];
    let diffs: Option<Vec<f64>> = (0..lab.dim()).map(|i| central_difference(&lab.func, &now.x, i)).collect();
    let Some(diffs) = diffs else { return (t.gd.check_differs)(&list(&now.true_grad), "?") };
    let agree = now.true_grad.iter().zip(&diffs).all(|(s, d)| derivative_agrees(*s, *d, now.f));
    let (s, d) = (list(&now.true_grad), list(&diffs));
    if agree { (t.gd.check_agrees)(&s, &d) } else { (t.gd.check_differs)(&s, &d) }
}

/// `k = 3   x = 0.44   f(x) = 4.074   f′(x) = 2.88` (or ∇f and its norm).
pub fn state_line(k: usize, it: &Iterate) -> String {
    if let ([x], [g]) = (it.x.as_slice(), it.true_grad.as_slice()) {
        format!("k = {k}   x = {}   f(x) = {}   f′(x) = {}", num(*x), num(it.f), num(*g))
    } else {
        format!(
            "k = {k}   (x, y) = {}   f = {}   ∇f = {}   ‖∇f‖ = {}",
            list(&it.x),
            num(it.f),
            list(&it.true_grad),
            num(gd::norm(&it.true_grad))
        )
    }
}

/// The update from `a` to `b` written out: `x ← 0.8 − 0.1 × 3.6 = 0.44`.
pub fn update_lines(a: &Iterate, b: &Iterate, lr: f64, bug: Option<Bug>) -> Vec<String> {
    let sign = if bug == Some(Bug::Plus) { "+" } else { "−" };
    let names = if a.x.len() == 1 { ["x", ""] } else { ["x", "y"] };
    (0..a.x.len())
        .map(|i| {
            format!("{} ← {} {sign} {} × {} = {}", names[i], num(a.x[i]), num(lr), operand(a.grad[i]), num(b.x[i]))
        })
        .collect()
}

/// The stopping test at an iterate, evaluated: its comparison, then its verdict.
pub fn test_line(lab: &GdLab, it: &Iterate, at_bound: bool, t: &Text) -> String {
    let lhs = match (lab.dim(), lab.settings.bug) {
        (1, Some(Bug::NoAbs)) => "f′(x)",
        (1, _) => "|f′(x)|",
        _ => "‖∇f‖",
    };
    let eps = lab.settings.eps;
    let op = if it.continues { ">" } else { "≤" };
    let verdict = if !it.continues {
        t.gd.test_stops.to_string()
    } else if at_bound {
        (t.gd.test_bound)(lab.settings.max_steps)
    } else {
        t.gd.test_goes_on.to_string()
    };
    format!("{lhs} = {} {op} eps = {}: {verdict}", num_beside(it.test, eps), num(eps))
}

/// The curvature at the shown x and the limit it sets.
pub fn curvature_line(lab: &GdLab, t: &Text) -> Option<String> {
    let c = gd::curvature(&lab.func, &lab.now().x)?;
    let name = if lab.dim() == 1 { "f″" } else { "λ_max" };
    let lr = lab.settings.lr;
    Some(match gd::limit(c) {
        Some(limit) if lab.func.is_quadratic() => {
            (t.gd.curvature_quadratic)(name, &num(c.largest), &num_beside(limit, lr))
        }
        Some(limit) => (t.gd.curvature_local)(name, &num(c.largest), &num_beside(limit, lr)),
        None => (t.gd.curvature_none)(name, &num(c.largest)),
    })
}

/// What the rate does here, from r = 1 − lr·λ_max (not with a slip that
/// changes the update: the factor describes the right loop).
pub fn rate_line(lab: &GdLab, t: &Text) -> Option<String> {
    if matches!(lab.settings.bug, Some(Bug::Plus | Bug::Stale)) {
        return None;
    }
    let c = gd::curvature(&lab.func, &lab.now().x)?;
    let (r, case) = gd::rate(lab.settings.lr, c);
    let index = [Rate::OneSided, Rate::OneStep, Rate::Oscillates, Rate::Bounces, Rate::Grows, Rate::NoMinimum]
        .iter()
        .position(|x| *x == case)
        .unwrap_or(5);
    let name = if lab.dim() == 1 { "f″" } else { "λ_max" };
    let r_text = format!("1 − lr·{name} = 1 − {} × {} = {}", num(lab.settings.lr), operand(c.largest), num(r));
    Some((t.gd.rate)(index, &num(lab.settings.lr), &r_text, !lab.func.is_quadratic()))
}

/// Every line of the loop panel for the iterate shown (the rate's words
/// left out while a prediction is asked: they would give it away).
pub fn loop_lines(lab: &GdLab, t: &Text) -> Vec<String> {
    let mut lines = formula_lines(lab);
    lines.push(check_line(lab, t));
    let now = lab.now();
    lines.push(state_line(lab.shown, now));
    if let Some(before) = lab.before() {
        let mut update = update_lines(before, now, lab.settings.lr, lab.settings.bug);
        if lab.settings.bug == Some(Bug::Stale)
            && let Some(last) = update.last_mut()
        {
            last.push_str(&format!("   {}", t.gd.stale_note));
        }
        lines.extend(update);
    }
    let at_bound = lab.at_end() && lab.run.steps >= lab.settings.max_steps.min(gd::MAX_STEPS);
    lines.push(test_line(lab, now, at_bound, t));
    lines.extend(curvature_line(lab, t));
    if !lab.predict.is_asking() {
        lines.extend(rate_line(lab, t));
        if lab.before().is_some_and(|b| gd::overshoots(b, now)) && lab.settings.bug != Some(Bug::Plus) {
            lines.push(t.gd.overshot.to_string());
        }
    }
    if let Some(w) = slip_why(lab) {
        lines.push(why_text(w, lab, t));
    }
    if lab.at_end() {
        lines.push(outcome_text(&lab.run, &lab.settings, t));
    }
    lines
}
