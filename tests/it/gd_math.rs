//! The gradient-descent lab's math: typed functions read with Python's
//! precedence (checked against values computed by hand), every derivative
//! the reader produces against a central difference, refusals with their
//! positions, and the loop's endings (converged, bounded, diverged,
//! stalled) with each slip switched on.

use crate::cases::{Case, check};
use deepstep::math::expr::{ExprErrorKind, Function, central_difference, derivative_agrees, tidy};
use deepstep::math::gd::{self, Bug, Outcome, Rate, Settings};

fn f(text: &str) -> Function {
    Function::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn settings(init: &[f64], lr: f64, eps: f64, max_steps: usize, bug: Option<Bug>) -> Settings {
    Settings { init: init.to_vec(), lr, eps, max_steps, bug }
}

/// Functions of every construct the reader accepts, the lab's presets among them.
const FUNCTIONS: [&str; 16] = [
    "x^2 + 2*x + 3",
    "x**2 + 2*y**2",
    "sin(x) + x^2/10",
    "(1 - x)^2 + 100*(y - x^2)^2",
    "x^4 - 3*x^2 + x",
    "exp(-x^2) * cos(3*x)",
    "log(x^2 + 1) + sqrt(x^2 + 4)",
    "tanh(x) * y - y^3/3 + ln(2 + cos(y))",
    "-x^2 + 2^x^2 / 100",
    "x^-2 + x",
    "pi*x^2 - e*x",
    "tan(x/3) + 1.5e-1*x^3",
    "(x - 1)^2 * (y + 1)^2 + x*y",
    "x - -x + +y^2",
    "sin(x)*cos(y) + 0.1*(x^2 + y^2)",
    "x^3/3 − 2×x",
];

/// Points where every function above is defined.
const POINTS: [[f64; 2]; 5] = [[0.7, -0.4], [1.3, 0.9], [-0.8, 1.6], [2.1, -1.2], [0.35, 0.25]];

#[test]
fn every_derivative_agrees_with_a_central_difference() {
    for text in FUNCTIONS {
        let func = f(text);
        for p in POINTS {
            let p = &p[..func.dim];
            let value = func.value(p).unwrap_or_else(|| panic!("{text} at {p:?}"));
            let grad = func.gradient(p).unwrap();
            for (i, g) in grad.iter().enumerate() {
                let d = central_difference(&func, p, i).unwrap();
                assert!(derivative_agrees(*g, d, value), "{text} ∂{i} at {p:?}: {g} vs {d}");
                assert!((g - d).abs() <= 1e-6 * (1.0 + g.abs()), "{text} ∂{i} at {p:?}: {g} vs {d}");
            }
            // The displayed derivative reads back as the same function.
            for (i, g) in grad.iter().enumerate() {
                let shown = func.derivative_text(i);
                let pad = if func.dim == 2 { " + 0*x + 0*y" } else { " + 0*x" };
                let again = Function::parse(&format!("{shown}{pad}")).unwrap_or_else(|e| panic!("{shown}: {e}"));
                let back = again.value(p).unwrap();
                assert!((back - g).abs() <= 1e-9 * (1.0 + g.abs()), "{text}: {shown}");
            }
        }
    }
}

/// Generated sums of powers, sines and products: the derivative at random
/// points agrees with a central difference.
#[test]
fn generated_functions_differentiate_right() {
    check("gd_generated_functions", 60, |c: &mut Case| {
        let terms = ["x^2", "sin(x)", "x*y", "y^2", "exp(x/4)", "cos(y)", "x^3/10", "sqrt(1 + x^2)"];
        let n = c.int(1, 5);
        let text: Vec<String> = (0..n).map(|_| format!("{}*{}", c.int(1, 9), c.pick(&terms))).collect();
        let text = format!("x + {}", text.join(" - "));
        let func = f(&text);
        let p: Vec<f64> = (0..func.dim).map(|_| c.float(-2.0, 2.0)).collect();
        let grad = func.gradient(&p).unwrap();
        for (i, g) in grad.iter().enumerate() {
            let d = central_difference(&func, &p, i).unwrap();
            assert!((g - d).abs() <= 1e-6 * (1.0 + g.abs()), "{text} at {p:?}: {g} vs {d}");
        }
    });
}

#[test]
fn the_reader_follows_pythons_precedence() {
    let at = |text: &str, x: f64| f(text).value(&[x]).unwrap();
    // -x**2 is -(x**2) in Python; exmex alone would read (-x)^2.
    assert_eq!(at("-x^2", 3.0), -9.0);
    assert_eq!(at("exp(-x^2)", 1.0), (-1.0f64).exp());
    // Powers group to the right: 2**3**2 = 512.
    assert_eq!(at("2^3^2 + 0*x", 0.0), 512.0);
    assert_eq!(at("x**2 + 2*x + 3", 1.5), 8.25);
    assert_eq!(at("x^2/10/2", 2.0), 0.2);
    assert_eq!(at("2/x*3", 2.0), 3.0);
    assert_eq!(at("1e-1*x", 2.0), 0.2);
    assert_eq!(f("x^2 + 2*y^2").dim, 2);
    assert_eq!(f("x^2 + 2*x + 3").derivative_text(0), "(x*2)+2");
    assert_eq!(tidy("({x}*2.0)+2.0"), "(x*2)+2");
}

#[test]
fn refusals_say_where() {
    let refused = |text: &str| Function::parse(text).expect_err(text);
    let cases: [(&str, usize, ExprErrorKind); 11] = [
        ("", 0, ExprErrorKind::Empty),
        ("x^2 +", 5, ExprErrorKind::ExpectedOperand),
        ("2x", 1, ExprErrorKind::ExpectedOperator),
        ("x^2 + z", 6, ExprErrorKind::UnknownName("z".into())),
        ("abs(x)", 0, ExprErrorKind::NoDerivative("abs".into())),
        ("x * (x + 1", 4, ExprErrorKind::Unclosed),
        ("x + 1)", 5, ExprErrorKind::UnmatchedClose),
        ("sin x", 4, ExprErrorKind::Call("sin".into())),
        ("x $ 2", 2, ExprErrorKind::Character('$')),
        ("y^2 + 1", 0, ExprErrorKind::NoX),
        ("1..2*x", 0, ExprErrorKind::Number("1..2".into())),
    ];
    for (text, at, kind) in cases {
        let e = refused(text);
        assert_eq!((e.at, &e.kind), (at, &kind), "{text}");
    }
    let long = format!("x{}", "+x".repeat(100));
    assert!(matches!(refused(&long).kind, ExprErrorKind::TooLong { .. }));
    // The deepest nesting the length allows is read and differentiated quickly.
    let deep = format!("{}x{}", "exp(sin(".repeat(11), "))".repeat(11));
    let started = std::time::Instant::now();
    let func = f(&deep);
    assert!(func.gradient(&[0.3]).is_some() && func.hessian(&[0.3]).is_some());
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn the_course_function_converges_and_counts_its_steps() {
    let run = gd::run(&f("x^2+2*x+3"), &settings(&[1.5], 0.1, 1e-5, 10_000, None)).unwrap();
    assert_eq!(run.outcome, Outcome::Converged);
    // |f'| = 5 * 0.8^k falls to 1e-5 after k = 59 updates (5·0.8^58 > 1e-5 ≥ 5·0.8^59).
    assert_eq!(run.steps, 59);
    assert!((run.last().x[0] + 1.0).abs() < 1e-5);
    // The first update written out: 1.5 − 0.1 × 5 = 1.
    assert_eq!(run.iterates[1].x[0], 1.0);
}

#[test]
fn each_slip_does_what_its_words_say() {
    let course = f("x^2+2*x+3");
    // + instead of −: f only grows.
    let up = gd::run(&course, &settings(&[1.5], 0.1, 1e-5, 50, Some(Bug::Plus))).unwrap();
    assert_eq!(up.outcome, Outcome::MaxSteps);
    assert!(up.iterates.windows(2).all(|w| w[1].f > w[0].f));
    // No abs(): from x = -3, f' = -4 is not > eps: no step at all.
    let once = gd::run(&course, &settings(&[-3.0], 0.1, 1e-5, 50, Some(Bug::NoAbs))).unwrap();
    assert_eq!((once.outcome, once.steps), (Outcome::Converged, 0));
    let right = gd::run(&course, &settings(&[-3.0], 0.1, 1e-5, 500, None)).unwrap();
    assert!(right.converged() && right.steps > 0);
    // The gradient computed once: the same step every time, until the bound.
    let stale = gd::run(&course, &settings(&[1.5], 0.1, 1e-5, 40, Some(Bug::Stale))).unwrap();
    assert_eq!((stale.outcome, stale.steps), (Outcome::MaxSteps, 40));
    assert!((stale.last().x[0] - (1.5 - 40.0 * 0.5)).abs() < 1e-12);
    // Too large a rate: the overshoots grow until the run stops, diverged.
    let big = gd::run(&course, &settings(&[1.5], 1.1, 1e-5, 100_000, None)).unwrap();
    assert!(matches!(big.outcome, Outcome::Diverged { .. }), "{:?}", big.outcome);
    assert!(big.iterates.windows(2).all(|w| gd::overshoots(&w[0], &w[1])));
}

#[test]
fn an_eps_below_f64s_reach_never_stops() {
    // Near sin(x) + x²/10's minimum f' cannot get below ~1e-17 in f64:
    // eps = 1e-20 is never reached, x stops changing, and the bound ends it.
    let run = gd::run(&f("sin(x) + x^2/10"), &settings(&[1.0], 0.1, 1e-20, 5000, None)).unwrap();
    assert!(matches!(run.outcome, Outcome::Stalled { .. } | Outcome::MaxSteps), "{:?}", run.outcome);
    assert_eq!(run.steps, 5000);
    assert!(!run.converged());
}

#[test]
fn the_rate_cases_follow_one_minus_lr_times_curvature() {
    let course = f("x^2+2*x+3");
    let c = gd::curvature(&course, &[0.3]).unwrap();
    assert_eq!(c.largest, 2.0);
    assert_eq!(gd::limit(c), Some(1.0));
    let case = |lr| gd::rate(lr, c).1;
    assert_eq!(
        [case(0.1), case(0.5), case(0.9), case(1.0), case(1.1)],
        [Rate::OneSided, Rate::OneStep, Rate::Oscillates, Rate::Bounces, Rate::Grows]
    );
    assert!(course.is_quadratic() && f("x^2 + 2*y^2").is_quadratic() && !f("sin(x) + x^2/10").is_quadratic());
    // x² + 2y²: the Hessian diag(2, 4); the limit is 2/4.
    let c2 = gd::curvature(&f("x^2 + 2*y^2"), &[1.0, -1.0]).unwrap();
    assert_eq!((c2.largest, c2.smallest, gd::limit(c2)), (4.0, 2.0, Some(0.5)));
}

#[test]
fn a_log_leaves_its_domain_and_says_so() {
    let run = gd::run(&f("log(x) + x"), &settings(&[0.5], 1.0, 1e-6, 100, Some(Bug::Plus))).unwrap();
    assert!(matches!(run.outcome, Outcome::MaxSteps | Outcome::Diverged { .. }), "{:?}", run.outcome);
    let out = gd::run(&f("log(x)"), &settings(&[0.5], 1.0, 1e-6, 100, None)).unwrap();
    assert!(matches!(out.outcome, Outcome::LeftDomain { at: 0 }), "{:?}", out.outcome);
}

/// The numbers the stall and the stale-gradient sentences quote.
#[test]
fn a_stall_is_measured_at_the_largest_step() {
    // The second coordinate's step 0.1 × 3 is the larger; the spacing is f64's at 8.
    let (step, spacing) = gd::stall_step(0.1, &[1.0, 8.0], &[-2.0, 3.0]);
    assert!((step - 0.3).abs() < 1e-15, "{step}");
    assert_eq!(spacing, 8f64.next_up() - 8.0);
    assert!((gd::step_length(0.5, &[3.0, 4.0]) - 2.5).abs() < 1e-15);
}
