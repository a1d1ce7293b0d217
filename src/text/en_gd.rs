//! The gradient-descent lab's words in English.

use super::GdText;
use crate::math::expr::{ExprErrorKind as K, FUNCTIONS};

fn expr_error(k: &K) -> String {
    match k {
        K::Empty => "the function is empty".into(),
        K::TooLong { max } => format!("the function is longer than {max} characters"),
        K::Character(c) => format!("'{c}' cannot be used in a function"),
        K::UnknownName(n) => format!("unknown name '{n}': use x, y, pi, e and {}", FUNCTIONS.join(" ")),
        K::NoDerivative(n) => format!("{n}() has no derivative at 0, so gradient descent cannot use it"),
        K::Number(s) => format!("'{s}' is not a number"),
        K::ExpectedOperand => "a number, x, y or '(' is missing here".into(),
        K::ExpectedOperator => "an operator is missing here (write 2*x, not 2x)".into(),
        K::Unclosed => "this '(' is never closed".into(),
        K::UnmatchedClose => "this ')' closes nothing".into(),
        K::Call(n) => format!("{n} needs its argument in parentheses: {n}(x)"),
        K::NoX => "the function must use x (and y for two variables)".into(),
        K::Exmex(m) => format!("the function could not be read ({m})"),
    }
}

fn rate(case: usize, lr: &str, r: &str, local: bool) -> String {
    let how = if local { "Near this x, each" } else { "Each" };
    match case {
        0 => format!(
            "lr = {lr}: {how} step multiplies the distance to the minimum by r = {r}, between 0 and 1: x comes closer from one side."
        ),
        1 => format!("lr = {lr}: r = {r}: {} step lands on the minimum.", if local { "near here, one" } else { "one" }),
        2 => format!(
            "lr = {lr}: r = {r}, between −1 and 0: {how} step overshoots the minimum to the other side, by less each time: it oscillates and converges."
        ),
        3 => format!(
            "lr = {lr}: r = {r}: {how} step jumps to the mirror point: it bounces between two points and never converges."
        ),
        4 => format!(
            "lr = {lr}: r = {r} < −1: {how} step overshoots by more than the last: it oscillates and diverges. Lower lr below the limit."
        ),
        _ => format!("lr = {lr}: no positive curvature here: the steps do not settle towards a minimum here."),
    }
}

pub const EN_GD: GdText = GdText {
    title: "Gradient descent",
    typed: "typed",
    step_of: |k, last| format!("step {k} of {last}"),
    knob_names: ["f", "x₀", "y₀", "lr", "eps", "max steps", "slip"],
    slip_names: ["none", "+ instead of −", "no abs()", "gradient computed once"],
    loop_title: "The loop, one iteration at a time",
    picture_title: "f, the iterates and the tangent at x",
    contour_title: "Contour lines of f and the path",
    legend_curve: "f",
    legend_iterates: "x₀, x₁, …",
    legend_tangent: "tangent at x",
    contour_legend: "0-9: contour bands (0 lowest)   o start   * path   @ now",
    check_agrees: |s, d| format!("checked: the derivative gives {s}, a central difference gives {d}: they agree."),
    check_differs: |s, d| {
        format!("checked: the derivative gives {s}, a central difference gives {d}: they do NOT agree here.")
    },
    test_goes_on: "true: the loop goes on",
    test_stops: "false: the loop stops",
    test_bound: |max| format!("the step count reached max steps = {max}: the bound stops the loop"),
    stale_note: "(the gradient of x₀, never recomputed)",
    curvature_quadratic: |name, v, limit| {
        format!("{name} = {v} everywhere (f is a quadratic), so the limit is lr < 2/{name} = {limit}.")
    },
    curvature_local: |name, v, limit| {
        format!("{name} = {v} at this x (it changes with x), so the local limit is lr < 2/{name} = {limit}.")
    },
    curvature_none: |name, v| format!("{name} = {v} at this x: no positive curvature, so no limit here."),
    rate,
    overshot: "The last step overshot the minimum: the gradient now points back the other way.",
    converged: |steps| {
        format!("Converged after {steps} {}: the test is false.", if steps == 1 { "step" } else { "steps" })
    },
    max_steps: |steps, test| {
        format!("Not converged: {steps} steps, the most allowed, and the test still reads {test} > eps.")
    },
    stalled: |at, step, spacing, test, eps| {
        format!(
            "Never stops: from step {at} on, lr × f′ = {step} is at most half the spacing of f64 numbers near x ({spacing}), so x − lr × f′ rounds back to x. The test reads {test} > eps = {eps} every time: eps is below what f64 can resolve here, and only max steps ends the loop."
        )
    },
    diverged: |at| {
        format!(
            "Diverged: the step after step {at} would take |x| past 1e100; the run stops there, before the numbers overflow."
        )
    },
    left_domain: |at| format!("The step after step {at} leaves f's domain (f is undefined there): the run stops."),
    plus_climbs: |f0, f| format!("+ instead of −: every step goes uphill (gradient ascent): f rose from {f0} to {f}."),
    no_abs_at_once: |g, eps| {
        format!(
            "Without abs(), the test reads f′(x₀) = {g} > eps = {eps}: false at once, so no step is taken, though |f′| is far above eps."
        )
    },
    no_abs_negative: |g| {
        format!(
            "Without abs(), the loop stopped at f′ = {g} < 0: a negative derivative ends it, away from the minimum."
        )
    },
    no_abs_not_yet: "Without abs(): f′ has been positive so far, so the missing abs() has not shown yet.",
    stale: |g, step| {
        format!(
            "The gradient was computed once, at x₀ (g = {g}): every update moves x by lr × g = {step}, the test reads the same g, and only max steps ends the loop."
        )
    },
    ask_next_x: "What is the next x? (Enter to answer, Esc to skip)",
    ask_next_xy: "What is the next (x, y)? Type x, y (Enter to answer, Esc to skip)",
    ask_overshoot: "Will the next step overshoot the minimum? y or n (Enter to answer, Esc to skip)",
    right: "Right.",
    wrong_x: |truth| format!("Not quite: the next x is {truth}."),
    overshoot_truth: |o| {
        if o {
            "It does overshoot: the gradient at the next x points back.".into()
        } else {
            "It does not overshoot: the gradient at the next x points the same way.".into()
        }
    },
    not_an_answer: "Type a number (x, y for two), or y / n.",
    at_end: "This is the run's last step: press Home (g) to start again, or change a knob.",
    knob_at_end: "This knob is at the end of its range: turn it the other way ([ or ]).",
    undefined_start: "f or its derivative is undefined at that start: the previous settings are kept.",
    type_prompt: "Type f(x) or f(x, y), e.g. x^2 + 2*x + 3 (Enter uses it, Esc cancels):",
    refused: |what, at| format!("Refused at character {at}: {what}."),
    expr_error,
    score: |r, n| format!("predictions: {r}/{n}"),
    key_step: "next iteration",
    key_back: "previous iteration",
    key_first_end: "start / run to the end",
    key_type: "type a function",
    key_panel: "picture / loop",
    bad_init: |text, want| {
        format!("--init {text}: give {want} number{} separated by commas", if want == 1 { "" } else { "s" })
    },
    no_abs_one_variable: "--slip no-abs needs f(x): ||grad f|| has no sign to forget",
    undefined_at_init: |f, init| format!("f = {f} or its derivative is undefined at --init {init}"),
};
