//! What the linear-regression lab says against what its descent does, over
//! a grid of sizes, seeds, errors, batches and rates around the limit:
//! `above_limit` predicts the run (full batch: diverges exactly above it;
//! minibatches: never diverges below it), the printed limit is the
//! minibatches' own where there are minibatches, a diverging run stops
//! before overflow with the promised message, and the title shows the line
//! the data was drawn from.

use deepstep::lessons::linreg::lab::{Action, Line, LinregLab};
use deepstep::lessons::linreg::report::{self, LinregRun};
use deepstep::math::format::num;
use deepstep::math::linreg::{self, ErrorMeasure};
use deepstep::text::{EN, KO};
use ndarray::Array2;

fn diverged(n: usize) -> String {
    format!("diverged after {n}")
}

/// 2/λ_max of the 2×2 symmetric matrix c·XᵀX over `rows`, in closed form.
fn limit_of(x: &Array2<f64>, rows: &[usize], c: f64) -> f64 {
    let (mut a, mut b, mut d) = (0.0, 0.0, 0.0);
    for &i in rows {
        let (u, v) = (x[[i, 0]], x[[i, 1]]);
        (a, b, d) = (a + u * u, b + u * v, d + v * v);
    }
    let lambda = c * ((a + d) / 2.0 + (((a - d) / 2.0).powi(2) + b * b).sqrt());
    2.0 / lambda
}

/// The Hessian's factor on X_BᵀX_B for a batch of b rows.
fn factor(m: ErrorMeasure, b: usize) -> f64 {
    if m == ErrorMeasure::Sse { 2.0 } else { 2.0 / b as f64 }
}

#[test]
fn above_limit_predicts_the_descent_full_batch_and_minibatch() {
    let mut seen = [0; 4]; // (GD, SGD) × (diverged, converged)
    for n in [10, 30] {
        for seed in [1, 5] {
            let (x, y) = linreg::line_data(n, 7.0, 2.0, 1.0, seed);
            for m in [ErrorMeasure::Mse, ErrorMeasure::Sse] {
                for batch in [None, Some(1), Some(3)] {
                    // The limit, from the rows the descent can step on: every row for full
                    // batch; for minibatches, the lowest any batch of b rows (or the
                    // epoch's last, smaller batch) can have, bounded below by the largest
                    // ||x_i||² (exact for one row).
                    let full = limit_of(&x, &(0..n).collect::<Vec<_>>(), factor(m, n));
                    let want = match batch {
                        None => full,
                        Some(b) => {
                            let mut norms: Vec<f64> = x.rows().into_iter().map(|r| r.dot(&r)).collect();
                            norms.sort_by(|p, q| q.total_cmp(p));
                            let bound = |k: usize| 2.0 / (factor(m, k) * norms[..k].iter().sum::<f64>());
                            // The last batch of an epoch holds the n mod b rows left over.
                            if n % b == 0 { bound(b) } else { bound(b).min(bound(n % b)) }
                        }
                    };
                    for f in [0.5, 0.95, 1.05, 3.0] {
                        let lr = f * want;
                        let steps = if batch.is_some() { 20 } else { 150 };
                        let run = LinregRun { lr, steps, batch, seed, measure: m };
                        let at = format!("n {n} seed {seed} {m:?} batch {batch:?} lr {f}× limit");
                        let out = report::linreg(x.view(), y.view(), run, diverged).unwrap();
                        let limit: f64 =
                            out.lines().next().unwrap().strip_prefix("stability_limit=").unwrap().parse().unwrap();
                        assert!((limit - want).abs() <= 1e-9 * want, "{at}: printed {limit}, want {want}");
                        let above = out.contains("above_limit=true");
                        assert_eq!(above, lr > limit, "{at}");
                        assert!(!out.contains("inf") && !out.contains("NaN"), "{at}: {out}");
                        let losses: Vec<f64> = out
                            .lines()
                            .filter_map(|l| l.split_once(" loss=").map(|(_, v)| v.parse::<f64>().unwrap()))
                            .collect();
                        let stopped = out.contains("diverged after");
                        let blew_up = stopped || losses.last() > losses.first();
                        // Every batch the run steps on has a limit no lower than the printed one.
                        if let Some(b) = batch {
                            for rows in linreg::sgd_batches(n, steps, b, seed) {
                                assert!(
                                    limit_of(&x, &rows, factor(m, rows.len())) >= limit * (1.0 - 1e-12),
                                    "{at}: {rows:?}"
                                );
                            }
                        }
                        match batch {
                            None => {
                                assert_eq!(blew_up, above, "{at}: first {:?} last {:?}", losses.first(), losses.last());
                                seen[usize::from(!above)] += 1;
                            }
                            Some(_) if !above => {
                                assert!(!blew_up, "{at}: below the minibatches' limit the descent stays bounded");
                                seen[3] += 1;
                            }
                            // One row per step, faster than every row's own limit: every step overshoots.
                            Some(1)
                                if lr > 1.05 * (0..n).map(|i| limit_of(&x, &[i], factor(m, 1))).fold(0.0, f64::max) =>
                            {
                                assert!(blew_up, "{at}");
                                seen[2] += 1;
                            }
                            Some(_) => {}
                        }
                        // The lab says the same about the same rate, batch and error, and below the
                        // limit its own minibatches stay bounded too.
                        let line = Line { n, slope: 7.0, intercept: 2.0, noise: 1.0, seed };
                        let mut lab = LinregLab::with_line(1, line).configured(lr, batch, m);
                        assert_eq!(lab.above_limit(), above, "{at}");
                        if !above {
                            for _ in 0..2 {
                                lab.update(Action::Run);
                            }
                            assert!(!lab.diverged && lab.losses.last() <= lab.losses.first(), "{at}");
                        }
                    }
                }
            }
        }
    }
    assert!(seen.iter().all(|k| *k > 0), "{seen:?}");
}

/// The audit's runs: one row per step at 0.75 (below the full batch's
/// 0.7728, above 12 of the 30 rows' own limits) is above the limit and
/// diverges; two rows at 1.5 stop before overflow with the message.
#[test]
fn minibatch_runs_say_their_limit_and_stop_before_overflow() {
    let (x, y) = linreg::line_data(30, 7.0, 2.0, 1.0, 5);
    let run = LinregRun { lr: 0.75, steps: 200, batch: Some(1), seed: 5, measure: ErrorMeasure::Mse };
    let out = report::linreg(x.view(), y.view(), run, diverged).unwrap();
    assert!(out.contains("above_limit=true"), "{out}");
    let (x, y) = linreg::line_data(200, 0.5, 0.0, 0.0, 607074);
    let run = LinregRun { lr: 1.5, steps: 20, batch: Some(2), seed: 607074, measure: ErrorMeasure::Mse };
    let out = report::linreg(x.view(), y.view(), run, EN.lr_diverged).unwrap();
    assert!(out.contains("diverged: stopped after") && !out.contains("inf") && !out.contains("NaN"), "{out}");
    let path = linreg::sgd(x.view(), y.view(), ndarray::Array1::zeros(2).view(), 1.5, 20, 2, 607074, ErrorMeasure::Mse)
        .unwrap();
    assert!(path.betas.len() < 20 * 100 + 1 && path.losses.iter().all(|l| l.is_finite()));
}

/// The title shows the line the data was drawn from, on screen, in the
/// note and in `--print --format markdown`.
#[test]
fn the_title_shows_the_line_used() {
    for (slope, intercept, noise) in [(7.0, 2.0, 1.0), (-3.0, 1.0, 0.5), (0.25, -4.5, 0.0)] {
        let line = Line { n: 20, slope, intercept, noise, seed: 8 };
        let lab = LinregLab::with_line(1, line);
        let sign = if intercept < 0.0 { "−" } else { "+" };
        let model = format!("y = {}x {sign} {}", num(slope), num(intercept.abs()));
        for t in [&EN, &KO] {
            let title = deepstep::lessons::linreg::note::note(&lab, t).title;
            assert!(title.contains(&model) && title.contains(&format!("{}·", num(noise))), "{title}");
        }
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_deepstep"))
            .args(["lab", "linreg", "--print", "--format", "markdown", "--n", "20", "--steps", "1", "--seed", "8"])
            .args(["--slope", &slope.to_string(), "--intercept", &intercept.to_string(), "--noise", &noise.to_string()])
            .output()
            .unwrap();
        let first = String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or_default().to_string();
        assert!(first.starts_with('#') && first.contains(&model), "{first}");
    }
}
