//! The shape of the gradient-descent lab's table (`en_gd.rs`, `ko_gd.rs`
//! fill it), kept apart so the main tables stay small.

use crate::math::expr::ExprErrorKind;

#[derive(Debug)]
pub struct GdText {
    pub title: &'static str,
    /// What f is: a preset or typed.
    pub typed: &'static str,
    pub step_of: fn(k: usize, last: usize) -> String,
    pub knob_names: [&'static str; 7],
    /// No slip, `+` instead of `−`, no abs(), the gradient computed once.
    pub slip_names: [&'static str; 4],
    pub loop_title: &'static str,
    pub picture_title: &'static str,
    pub contour_title: &'static str,
    pub legend_curve: &'static str,
    pub legend_iterates: &'static str,
    pub legend_tangent: &'static str,
    /// Below the contour grid: what the digits and marks are.
    pub contour_legend: &'static str,
    /// The symbolic derivative against the central difference at x.
    pub check_agrees: fn(symbolic: &str, difference: &str) -> String,
    pub check_differs: fn(symbolic: &str, difference: &str) -> String,
    /// The stopping test's verdict after its comparison (written in notation).
    pub test_goes_on: &'static str,
    pub test_stops: &'static str,
    pub test_bound: fn(max: usize) -> String,
    /// The update used the gradient of x₀, not of this x.
    pub stale_note: &'static str,
    /// The curvature and the limit: a quadratic's (everywhere), a local one,
    /// or none (`name` is f″ or λ_max).
    pub curvature_quadratic: fn(name: &str, value: &str, limit: &str) -> String,
    pub curvature_local: fn(name: &str, value: &str, limit: &str) -> String,
    pub curvature_none: fn(name: &str, value: &str) -> String,
    /// What the rate does, by `gd::Rate` (in its order): lr, the factor
    /// r = 1 − lr·λ written out, and whether it is only the local picture.
    pub rate: fn(case: usize, lr: &str, r: &str, local: bool) -> String,
    pub overshot: &'static str,
    /// How the run ended (`gd::Outcome`).
    pub converged: fn(steps: usize) -> String,
    pub max_steps: fn(steps: usize, test: &str) -> String,
    pub stalled: fn(at: usize, step: &str, spacing: &str, test: &str, eps: &str) -> String,
    pub diverged: fn(at: usize) -> String,
    pub left_domain: fn(at: usize) -> String,
    /// The slips, explained from the run's numbers.
    pub plus_climbs: fn(f0: &str, f_now: &str) -> String,
    pub no_abs_at_once: fn(g: &str, eps: &str) -> String,
    pub no_abs_negative: fn(g: &str) -> String,
    pub no_abs_not_yet: &'static str,
    pub stale: fn(g: &str, step: &str) -> String,
    pub ask_next_x: &'static str,
    pub ask_next_xy: &'static str,
    pub ask_overshoot: &'static str,
    pub right: &'static str,
    pub wrong_x: fn(truth: &str) -> String,
    pub overshoot_truth: fn(overshoots: bool) -> String,
    pub not_an_answer: &'static str,
    pub at_end: &'static str,
    pub knob_at_end: &'static str,
    pub undefined_start: &'static str,
    pub type_prompt: &'static str,
    /// A refused function: what is wrong, and where.
    pub refused: fn(what: &str, position: usize) -> String,
    pub expr_error: fn(&ExprErrorKind) -> String,
    pub score: fn(right: usize, total: usize) -> String,
    pub key_step: &'static str,
    pub key_back: &'static str,
    pub key_first_end: &'static str,
    pub key_type: &'static str,
    pub key_panel: &'static str,
    /// The command line's `--init` that does not read.
    pub bad_init: fn(text: &str, want: usize) -> String,
    /// --slip no-abs with two variables (a norm has no sign to forget).
    pub no_abs_one_variable: &'static str,
    pub undefined_at_init: fn(function: &str, init: &str) -> String,
}
