//! The exercises' headless forms and the math behind their panels: the Rprop
//! reproduction and trajectory, gradient descent traces, the common-mistakes
//! values, the gradient check and linear regression's trace.

use deepstep::assets::counting_tutorial;
use deepstep::math::counting_rnn::{self, Mistake, Rprop};
use deepstep::math::linreg;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_deepstep");

fn run(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

fn field(line: &str, name: &str) -> f64 {
    let v = line.split_whitespace().find_map(|w| w.strip_prefix(&format!("{name}="))).unwrap();
    assert!(v.split('.').nth(1).is_some_and(|d| d.len() >= 6), "at least 6 decimals: {line}");
    v.parse().unwrap()
}

#[test]
fn rprop_on_the_tutorial_data_prints_its_trajectory_and_the_published_result() {
    let (code, s) = run(&["lab", "count-rnn", "--print", "--train", "rprop", "--data", "tutorial"]);
    assert_eq!(code, Some(0));
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines.len(), 11, "{s}");
    let t = counting_tutorial().unwrap();
    let r = Rprop { delta0: t.delta0, eta_plus: t.eta_plus, eta_minus: t.eta_minus };
    let path = counting_rnn::train_rprop(t.x.view(), t.start, r, 500);
    for (k, line) in lines[..10].iter().enumerate() {
        let i = 50 * (k + 1);
        assert!(line.starts_with(&format!("iteration={i} ")), "{line}");
        assert!((field(line, "w_x") - path[i].0).abs() < 1e-6, "{line}");
        assert!((field(line, "w_rec") - path[i].1).abs() < 1e-6, "{line}");
    }
    let last = lines[10];
    assert!(last.starts_with("final "));
    assert_eq!(format!("{:.4}", field(last, "w_x")), "1.0014");
    assert_eq!(format!("{:.4}", field(last, "w_rec")), "0.9997");
}

#[test]
fn gradient_descent_trace_follows_the_library_path() {
    let (code, s) =
        run(&["lab", "count-rnn", "--print", "--train", "gd", "--iterations", "100", "--lr", "1e-7", "--seed", "4"]);
    assert_eq!(code, Some(0));
    let x = counting_rnn::random_sequences(20, 10, 4);
    let path = counting_rnn::train_gd(x.view(), (-1.5, 2.0), 1e-7, 100);
    assert_eq!(path.len(), 101);
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines.len(), 3, "{s}");
    assert!((field(lines[1], "w_x") - path[100].0).abs() < 1e-6);
    assert!((field(lines[2], "w_rec") - path[100].1).abs() < 1e-6);
    // The loss fell along the way.
    let loss = |p: (f64, f64)| counting_rnn::forward(x.view(), p.0, p.1).loss;
    assert!(loss(path[100]) < loss(path[0]));
    // Too large a step off the cliff: it stops, says so, and prints no NaN.
    let (code, s) = run(&["lab", "count-rnn", "--print", "--train", "gd", "--lr", "1e-4"]);
    assert_eq!(code, Some(0));
    assert!(s.contains("diverged: stopped after") && !s.contains("NaN") && !s.contains("inf"), "{s}");
    assert!(s.lines().last().unwrap().starts_with("final w_x="), "{s}");
}

#[test]
fn every_mistake_is_off_and_the_gradient_check_agrees() {
    let t = counting_tutorial().unwrap();
    for (wx, wr) in [(-1.5, 2.0), (0.5, 0.9)] {
        let (_, gx, gr) = counting_rnn::loss_and_grads(t.x.view(), wx, wr);
        for m in Mistake::ALL {
            let (mx, mr) = counting_rnn::mistaken_gradient(t.x.view(), wx, wr, m);
            assert!(
                (mx - gx).abs() + (mr - gr).abs() > 1e-6 * (1.0 + gx.abs()),
                "{m:?} at ({wx},{wr}) equals the right gradient"
            );
        }
        let c = counting_rnn::gradient_check(t.x.view(), wx, wr, 1e-6);
        assert!(c.rel_error.0 < 1e-6 && c.rel_error.1 < 1e-6, "{c:?}");
        assert_eq!(c.analytic, (gx, gr));
    }
}

#[test]
fn linreg_prints_the_trajectory_then_final_and_least_squares() {
    let (code, s) = run(&["lab", "linreg", "--print", "--steps", "400", "--lr", "0.5"]);
    assert_eq!(code, Some(0));
    let all: Vec<&str> = s.lines().collect();
    // The limit of the gradient used comes first (tests/linreg_lab.rs checks its value).
    assert!(all[0].starts_with("stability_limit=") && all[1] == "above_limit=false", "{s}");
    let lines = &all[2..];
    assert_eq!(lines.len(), 401 + 2);
    assert!(lines[0].starts_with("step=0 beta=0.000000,0.000000 loss="));
    let betas = |l: &str, key: &str| -> Vec<f64> {
        l.strip_prefix(key).unwrap().split(',').map(|v| v.parse().unwrap()).collect()
    };
    let fin = betas(lines[401], "final beta=");
    let ls = betas(lines[402], "least_squares beta=");
    let (x, y) = linreg::line_data(deepstep::lessons::linreg::lab::POINTS, 7.0, 2.0, 1.0, 1);
    let want = linreg::least_squares(x.view(), y.view()).unwrap();
    assert!((ls[0] - want[0]).abs() < 1e-6 && (ls[1] - want[1]).abs() < 1e-6);
    assert!((fin[0] - ls[0]).abs() < 1e-3 && (fin[1] - ls[1]).abs() < 1e-3, "{fin:?} vs {ls:?}");
    // Minibatch SGD and the other error measures run too.
    let (code, s) = run(&["lab", "linreg", "--print", "--n", "50", "--batch", "8", "--steps", "5", "--error", "rmse"]);
    assert_eq!(code, Some(0));
    assert!(
        s.lines().count() == 2 + 5 * 7 + 1 + 2,
        "the limit, then 50 rows in batches of 8: 7 updates per epoch\n{s}"
    );
    let (code, _) = run(&["lab", "linreg", "--print", "--batch", "0"]);
    assert_eq!(code, Some(2));
    for args in [
        &["lab", "linreg", "--print", "--n", "999999999"][..],
        &["lab", "count-rnn", "--print", "--iterations", "999999999"],
    ] {
        let out = Command::new(BIN).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("must be between"));
    }
    let (code, s) = run(&["lab", "linreg", "--print", "--lr", "50", "--steps", "2000"]);
    assert_eq!(code, Some(0));
    assert!(s.contains("diverged: stopped after") && !s.contains("NaN") && !s.contains("inf"), "{s}");
}

#[test]
fn interactive_labs_refuse_a_non_terminal() {
    for lab in ["count-rnn", "linreg"] {
        let out = Command::new(BIN).args(["lab", lab]).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("not a terminal") && err.contains(&format!("lab {lab} --print")), "{err}");
    }
}

/// The lab and `--print` start from the same points: the lab's first step
/// has the loss `--print` writes for step 1, by default and with flags.
#[test]
fn the_linreg_lab_and_print_agree_on_their_numbers() {
    use deepstep::lessons::linreg::lab::{Action, Line, LinregLab};
    use deepstep::math::linreg::ErrorMeasure;
    let step1 = |s: &str| s.lines().find(|l| l.starts_with("step=1 ")).map(|l| field(l, "loss")).unwrap();
    let mut lab = LinregLab::new(1);
    lab.update(Action::Step);
    let (_, printed) = run(&["lab", "linreg", "--print", "--steps", "1"]);
    assert!((lab.losses[1] - step1(&printed)).abs() <= 1e-6 * lab.losses[1], "{} vs\n{printed}", lab.losses[1]);
    let line = Line { n: 12, slope: -3.0, intercept: 0.5, noise: 0.2, seed: 4 };
    let mut lab = LinregLab::with_line(1, line).configured(0.3, None, ErrorMeasure::Sse);
    lab.update(Action::Step);
    let args = ["lab", "linreg", "--print", "--steps", "1", "--n", "12", "--slope", "-3", "--intercept", "0.5"];
    let (_, printed) = run(&[&args[..], &["--noise", "0.2", "--seed", "4", "--lr", "0.3", "--error", "sse"]].concat());
    assert!((lab.losses[1] - step1(&printed)).abs() <= 1e-6 * lab.losses[1].abs(), "{} vs\n{printed}", lab.losses[1]);
}
