//! The gradient-descent lab: the headless command against the SymPy/numpy
//! goldens, refusals with their positions and exit status 2, the words
//! chosen by the same comparisons the tests repeat here, predict mode (what
//! it hides and how it grades), typing a function, and the screen at 80×24
//! and 120×40 in both languages.

use crate::common::draw;
use deepstep::app::App;
use deepstep::lessons::gd::lab::{Action, GdLab, Knob, Message, Question};
use deepstep::lessons::gd::words::{self, Why};
use deepstep::lessons::input::Edit;
use deepstep::lessons::lesson::mount;
use deepstep::math::expr::Function;
use deepstep::math::format::num;
use deepstep::math::gd::{self, Bug, Rate, Settings};
use deepstep::text::{EN, KO};
use deepstep::ui::theme::Theme;
use serde_json::Value;
use std::process::Command;

fn deepstep(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_deepstep")).args(args).env("LANG", "C").env_remove("LC_ALL").output().unwrap()
}

fn lab(text: &str, init: &[f64], lr: f64, eps: f64, max_steps: usize, bug: Option<Bug>) -> GdLab {
    let func = Function::parse(text).unwrap();
    GdLab::with(func, Settings { init: init.to_vec(), lr, eps, max_steps, bug }).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 + 1e-7 * b.abs()
}

fn numbers(s: &str) -> Vec<f64> {
    s.split(',').map(|v| v.parse::<f64>().unwrap()).collect()
}

/// `deepstep lab gd --print` on every golden case: the trajectory's first
/// iterates and the four last lines agree with numpy's run.
#[test]
fn the_headless_command_matches_the_goldens() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/golden/gd_function.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 15);
    for c in cases {
        let name = c["name"].as_str().unwrap();
        let init: Vec<String> = c["init"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap().to_string()).collect();
        let (lr, eps, max) = (c["lr"].to_string(), c["eps"].as_f64().unwrap().to_string(), c["max_steps"].to_string());
        let init = init.join(",");
        let mut args = vec!["lab", "gd", "--function", c["function"].as_str().unwrap(), "--init", &init];
        args.extend(["--lr", &lr, "--eps", &eps, "--max-steps", &max, "--print"]);
        let slip;
        if let Some(s) = c["slip"].as_str() {
            slip = s.to_string();
            args.extend(["--slip", &slip]);
        }
        let out = deepstep(&args);
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let stdout = String::from_utf8(out.stdout).unwrap();
        let field = |k: &str| {
            stdout.lines().find_map(|l| l.strip_prefix(k)).unwrap_or_else(|| panic!("{name}: no {k} in\n{stdout}"))
        };
        let last: Vec<&str> = stdout.lines().rev().take(4).collect();
        assert!(last[3].starts_with("x=") && last[0].starts_with("converged="), "{name}: {last:?}");
        let x = numbers(field("x="));
        let want_x: Vec<f64> = c["x"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
        assert!(x.len() == want_x.len() && x.iter().zip(&want_x).all(|(a, b)| close(*a, *b)), "{name}: {x:?}");
        assert!(close(field("f=").parse().unwrap(), c["f"].as_f64().unwrap()), "{name}");
        assert_eq!(field("steps=").parse::<u64>().unwrap(), c["steps"].as_u64().unwrap(), "{name}");
        assert_eq!(field("converged="), c["converged"].to_string(), "{name}");
        let head = &c["x_head"];
        let d = head["shape"][1].as_u64().unwrap() as usize;
        let data: Vec<f64> = head["data"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
        for (k, want) in data.chunks(d).enumerate() {
            let line = stdout.lines().find(|l| l.starts_with(&format!("step={k} "))).unwrap();
            let got = numbers(line.split(' ').nth(1).unwrap().strip_prefix("x=").unwrap());
            assert!(got.iter().zip(want).all(|(a, b)| close(*a, *b)), "{name} step {k}: {got:?} vs {want:?}");
        }
    }
}

#[test]
fn refusals_give_the_position_and_exit_2() {
    let out = deepstep(&["lab", "gd", "--function", "x^2 + 2x", "--print"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("character 8") && err.contains("2*x"), "{err}");
    let out = deepstep(&["--lang", "ko", "lab", "gd", "--function", "x^2 + q", "--print"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("글자 위치 7"), "{}", String::from_utf8_lossy(&out.stderr));
    for bad in [
        vec!["--function", "log(x)", "--init", "-1"],
        vec!["--function", "x^2+2*y^2", "--init", "1"],
        vec!["--function", "x^2+2*y^2", "--init", "1,-1", "--slip", "no-abs"],
        vec!["--max-steps", "0"],
        vec!["--lr", "nan"],
    ] {
        let mut args = vec!["lab", "gd"];
        args.extend(bad.iter().copied());
        args.push("--print");
        let out = deepstep(&args);
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {}", String::from_utf8_lossy(&out.stdout));
    }
}

/// The rate's words come from r = 1 − lr·f″ measured at x, and the run
/// does what they say.
#[test]
fn the_rate_words_follow_the_measured_curvature() {
    for (lr, case, index) in
        [(0.1, Rate::OneSided, 0), (0.9, Rate::Oscillates, 2), (1.0, Rate::Bounces, 3), (1.1, Rate::Grows, 4)]
    {
        let l = lab("x^2 + 2*x + 3", &[1.5], lr, 1e-5, if case == Rate::Grows { 100_000 } else { 1000 }, None);
        let c = gd::curvature(&l.func, &l.now().x).unwrap();
        assert_eq!(gd::rate(lr, c).1, case);
        let line = words::rate_line(&l, &EN).unwrap();
        let r = format!("= {}", num(1.0 - lr * 2.0));
        assert_eq!(line, (EN.gd.rate)(index, &num(lr), &format!("1 − lr·f″ = 1 − {} × 2 {r}", num(lr)), false));
        // What the words say happens.
        let overshoots = l.run.iterates.windows(2).take(5).all(|w| gd::overshoots(&w[0], &w[1]));
        assert_eq!(overshoots, case != Rate::OneSided, "lr {lr}");
        match case {
            Rate::Grows => assert!(matches!(l.run.outcome, gd::Outcome::Diverged { .. })),
            Rate::Bounces => assert_eq!(l.run.outcome, gd::Outcome::MaxSteps),
            _ => assert!(l.run.converged()),
        }
    }
    // A function that is not a quadratic gets the local words.
    let l = lab("sin(x) + x^2/10", &[1.0], 0.1, 1e-5, 1000, None);
    assert!(words::curvature_line(&l, &EN).unwrap().contains("at this x"));
}

#[test]
fn each_slip_is_explained_from_the_run() {
    let mut climb = lab("x^2 + 2*x + 3", &[1.5], 0.1, 1e-5, 50, Some(Bug::Plus));
    climb.update(Action::End);
    let f_now = climb.now().f;
    assert_eq!(words::slip_why(&climb), Some(Why::Climbs { f0: 8.25, f_now }));
    assert!(f_now > 8.25);
    let once = lab("x^2 + 2*x + 3", &[-3.0], 0.1, 1e-5, 50, Some(Bug::NoAbs));
    assert_eq!(words::slip_why(&once), Some(Why::NoAbsAtOnce { g: -4.0 }));
    let mut after = lab("x^2 + 2*x + 3", &[1.5], 0.9, 1e-5, 50, Some(Bug::NoAbs));
    assert_eq!(words::slip_why(&after), Some(Why::NoAbsNotYet));
    after.update(Action::End);
    assert_eq!(words::slip_why(&after), Some(Why::NoAbsNegative { g: -4.0 }));
    let stale = lab("x^2 + 2*x + 3", &[1.5], 0.1, 1e-5, 40, Some(Bug::Stale));
    assert_eq!(words::slip_why(&stale), Some(Why::Stale { g: 5.0, step: 0.5 }));
    // The eps below f64's reach: the stall's own numbers, step ≤ half the spacing.
    let mut tiny = lab("sin(x) + x^2/10", &[1.0], 0.1, 1e-20, 3000, None);
    tiny.update(Action::End);
    let gd::Outcome::Stalled { .. } = tiny.run.outcome else { panic!("{:?}", tiny.run.outcome) };
    let last = tiny.run.last();
    assert!((0.1 * last.grad[0]).abs() <= 0.5 * gd::spacing(last.x[0]) && last.test > 1e-20);
    assert!(words::outcome_text(&tiny.run, &tiny.settings, &EN).starts_with("Never stops"));
}

#[test]
fn the_update_is_written_out_with_its_numbers() {
    let mut l = lab("x^2 + 2*x + 3", &[0.8], 0.1, 1e-5, 100, None);
    l.update(Action::Step);
    let lines = words::loop_lines(&l, &EN);
    assert!(lines.contains(&"x ← 0.8 − 0.1 × 3.6 = 0.44".to_string()), "{lines:#?}");
    assert!(
        lines
            .iter()
            .any(|s| s.starts_with("|f′(x)| = 2.88 > eps = 0.00001") || s.starts_with("|f′(x)| = 2.88 > eps = 1e-5"))
    );
    assert!(lines.iter().any(|s| s.contains("they agree")));
}

fn type_text(l: &mut GdLab, s: &str) {
    for c in s.chars() {
        l.update(Action::Prompt(Edit::Type(c)));
    }
    l.update(Action::Prompt(Edit::Submit));
}

#[test]
fn predict_mode_asks_hides_and_grades() {
    let mut l = lab("x^2 + 2*x + 3", &[0.8], 0.1, 1e-5, 100, None);
    l.update(Action::TogglePredict);
    l.update(Action::Step);
    assert_eq!(l.predict.question(), Some(&Question::NextX));
    assert_eq!(l.predict.hides(), ["0.44".to_string()]);
    assert_eq!(l.shown, 0, "the step waits for the answer");
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = App::new(mount(l.clone()), &EN, Theme::MONO);
        let (screen, _) = draw(&mut app, w, h);
        assert!(!screen.contains("0.44"), "{screen}");
    }
    type_text(&mut l, "0.44");
    assert_eq!((l.shown, l.predict.score), (1, (1, 1)));
    // The next question: does the step overshoot? (lr 0.1 on f″ = 2: no.)
    l.update(Action::Step);
    assert_eq!(l.predict.question(), Some(&Question::Overshoot));
    type_text(&mut l, "y");
    assert!(matches!(l.message, Some(Message::Graded { right: false, overshoot: false, .. })));
    let mut wild = lab("x^2 + 2*x + 3", &[0.8], 0.9, 1e-5, 100, None);
    wild.predict.score = (0, 1);
    wild.update(Action::TogglePredict);
    wild.update(Action::Step);
    type_text(&mut wild, "예");
    assert!(matches!(wild.message, Some(Message::Graded { right: true, overshoot: true, .. })));
}

#[test]
fn a_typed_function_is_read_or_refused_where_it_is_wrong() {
    let mut l = GdLab::new(0);
    l.update(Action::Type);
    for _ in 0..40 {
        l.update(Action::Prompt(Edit::Backspace));
    }
    type_text(&mut l, "x^2 + 2*y^2 +");
    let Some(Message::Refused(e)) = &l.message else { panic!("{:?}", l.message) };
    assert_eq!(e.at, 13);
    assert!(l.is_typing(), "the prompt stays open to fix it");
    l.update(Action::Prompt(Edit::Backspace));
    l.update(Action::Prompt(Edit::Submit));
    assert!(!l.is_typing() && l.dim() == 2 && l.settings.init == vec![1.0, 1.0]);
    // Two variables: no y₀ hidden, no abs() slip.
    assert!(l.knobs().contains(&Knob::Y0));
    assert!(!l.slips().contains(&Some(Bug::NoAbs)));
}

#[test]
fn every_state_fits_at_both_sizes_in_both_languages() {
    let mut states = vec![];
    for preset in 0..deepstep::lessons::gd::lab::PRESETS.len() {
        let mut l = GdLab::new(preset);
        states.push(l.clone());
        l.update(Action::Step);
        states.push(l.clone());
        l.update(Action::End);
        states.push(l.clone());
        l.update(Action::Type);
        states.push(l.clone());
    }
    for t in [&EN, &KO] {
        for l in &states {
            for (w, h) in [(80, 24), (120, 40)] {
                let mut app = App::new(mount(l.clone()), t, Theme::MONO);
                let (screen, _) = draw(&mut app, w, h);
                assert!(!screen.contains("NaN") && !screen.contains("inf"), "{screen}");
                assert!(screen.contains(t.gd.title), "{screen}");
            }
        }
    }
}

/// While a function is typed (`f`), Enter and Esc are listed as what they
/// do there (use it; cancel and keep the function), not as a prediction's
/// submit and skip; while a prediction is asked they are the prediction's.
#[test]
fn typing_a_function_lists_its_own_enter_and_esc() {
    for t in [&EN, &KO] {
        let mut l = lab("x^2", &[1.5], 0.1, 1e-6, 50, None);
        l.update(Action::Type);
        assert!(l.is_typing());
        let footer = mount(l).key_rows(t, true);
        let whats: Vec<&str> = footer.iter().map(|(_, w)| *w).collect();
        assert!(whats.contains(&t.keys.submit_entry) && whats.contains(&t.keys.cancel_entry), "{footer:?}");
        assert!(!whats.contains(&t.keys.submit) && !whats.contains(&t.keys.cancel), "{footer:?}");
    }
}
