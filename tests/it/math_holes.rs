//! Tests for what mutation testing found unchecked in `src/math` (issue 18's
//! list): each value compared with an independent computation, so that a
//! changed operator or comparison fails here.

use deepstep::math::conv::{ConvGeometry, ConvParams, spread_dy_grid};
use deepstep::math::counting_rnn::{self, Mistake};
use deepstep::math::linreg::{self, ErrorMeasure};
use deepstep::math::prob::{Joint, Variable};
use deepstep::math::rnn;
use ndarray::{Array3, array};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// Least squares against the normal equations solved by hand (Cramer's rule).
#[test]
fn least_squares_solves_the_normal_equations() {
    let (x, y) = linreg::line_data(25, 3.0, -1.0, 0.4, 9);
    let beta = linreg::least_squares(x.view(), y.view()).unwrap();
    let xtx = x.t().dot(&x);
    let xty = x.t().dot(&y);
    let det = xtx[[0, 0]] * xtx[[1, 1]] - xtx[[0, 1]] * xtx[[1, 0]];
    let b0 = (xty[0] * xtx[[1, 1]] - xtx[[0, 1]] * xty[1]) / det;
    let b1 = (xtx[[0, 0]] * xty[1] - xtx[[1, 0]] * xty[0]) / det;
    assert!(close(beta[0], b0) && close(beta[1], b1), "{beta} vs [{b0}, {b1}]");
    // Three features: the residual is orthogonal to every column.
    let (x3, y3) = linreg::feature_data(30, 3, 0.5, 4);
    let b3 = linreg::least_squares(x3.view(), y3.view()).unwrap();
    let r = linreg::residuals(x3.view(), y3.view(), b3.view());
    for j in 0..x3.ncols() {
        assert!(x3.column(j).dot(&r).abs() < 1e-9, "column {j}");
    }
}

/// Each limit is 2/λ_max of its Hessian, λ_max in closed form for 2×2.
#[test]
fn each_stability_limit_is_two_over_the_largest_eigenvalue() {
    let (x, _) = linreg::line_data(12, 2.0, 1.0, 0.1, 5);
    let n = 12.0;
    let xtx = x.t().dot(&x);
    let (a, b, d) = (xtx[[0, 0]], xtx[[0, 1]], xtx[[1, 1]]);
    let lambda = (a + d) / 2.0 + (((a - d) / 2.0).powi(2) + b * b).sqrt();
    let mse = linreg::stability_limit(x.view(), ErrorMeasure::Mse).unwrap();
    let sse = linreg::stability_limit(x.view(), ErrorMeasure::Sse).unwrap();
    assert!(close(mse, 2.0 / (2.0 / n * lambda)), "{mse}");
    assert!(close(sse, 2.0 / (2.0 * lambda)), "{sse}");
    assert!(close(mse / sse, n));
    assert_eq!(linreg::stability_limit(x.view(), ErrorMeasure::L2), None);
}

/// Every mistake's value by hand: the factor 2 and the 1/N scale the right
/// gradient exactly; `=` keeps k = 1's terms; no × w_rec keeps dL/dS_T.
#[test]
fn each_counting_mistake_is_its_hand_computed_value() {
    let x = array![[1.0, 0.0, 1.0], [0.0, 1.0, 1.0], [1.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
    let (w_x, w_rec) = (0.8, 1.3);
    let f = counting_rnn::forward(x.view(), w_x, w_rec);
    let b = counting_rnn::backward(x.view(), &f, w_rec);
    let right = (b.g_w_x, b.g_w_rec);
    let m = |k| counting_rnn::mistaken_gradient(x.view(), w_x, w_rec, k);
    let half = m(Mistake::MissingFactor2);
    assert!(close(half.0, right.0 / 2.0) && close(half.1, right.1 / 2.0));
    let times_n = m(Mistake::MissingOneOverN);
    assert!(close(times_n.0, right.0 * 4.0) && close(times_n.1, right.1 * 4.0));
    let k1 = b.steps.last().unwrap();
    let only = m(Mistake::NoAccumulation);
    assert!(close(only.0, k1.add_w_x) && close(only.1, k1.add_w_rec));
    let g_t = (&f.y - &f.targets) * (2.0 / 4.0);
    let flat = m(Mistake::MissingWrec);
    let wx: f64 = (0..3).map(|k| g_t.dot(&x.column(k))).sum();
    let wr: f64 = (0..3).map(|k| g_t.dot(&f.s.column(k))).sum();
    assert!(close(flat.0, wx) && close(flat.1, wr));
    let current = m(Mistake::CurrentState);
    let wr_cur: f64 = b.steps.iter().map(|s| s.ds_k.dot(&f.s.column(s.k))).sum();
    assert!(close(current.0, right.0) && close(current.1, wr_cur));
    // How far off, as the mistakes panel says: the Euclidean distance.
    let d = counting_rnn::gradient_distance(half, right);
    assert!(close(d, ((half.0 - right.0).powi(2) + (half.1 - right.1).powi(2)).sqrt()));
    assert!(d > 0.0 && counting_rnn::gradient_distance(right, right) == 0.0);
}

#[test]
fn linspace_handles_zero_one_and_many() {
    assert!(counting_rnn::linspace(-1.0, 1.0, 0).is_empty());
    assert_eq!(counting_rnn::linspace(-1.0, 1.0, 1), vec![-1.0]);
    assert_eq!(counting_rnn::linspace(-1.0, 1.0, 5), vec![-1.0, -0.5, 0.0, 0.5, 1.0]);
}

/// The spread dY grid is H + D(K−1) by W + D(K−1), dY's entries at o·S.
#[test]
fn the_spread_grid_has_the_full_correlations_size() {
    for (h, w, k, s, p, d) in [(5, 6, 3, 2, 1, 1), (7, 4, 2, 3, 0, 2), (4, 4, 3, 1, 2, 1)] {
        let params = ConvParams { stride: [s, s], padding: [p, p], dilation: [d, d] };
        let g = ConvGeometry::new([1, h, w], [1, 1, k, k], params).unwrap();
        let dy = Array3::from_shape_fn(g.output_shape(), |(_, i, j)| (i * 10 + j + 1) as f64);
        let grid = spread_dy_grid(&g, dy.view(), 0);
        assert_eq!(grid.values.dim(), (h + d * (k - 1), w + d * (k - 1)));
        // dY[0, 1, 0] sits S rows below dY[0, 0, 0] (spread coordinates m = o·S).
        let (row, col) = ((s as isize - grid.origin[0]) as usize, (-grid.origin[1]) as usize);
        assert_eq!(grid.values[[row, col]], dy[[0, 1, 0]], "{h} {w} {k} {s} {p} {d}");
        assert_eq!(grid.values[[row - s, col]], dy[[0, 0, 0]]);
    }
}

/// The counting surface's colour scale: every finite loss is its log10, a
/// zero loss takes the smallest non-zero one's, an overflowed loss the top.
#[test]
fn the_loss_surface_is_the_direct_loss_at_zero_and_beyond_the_cliff() {
    let x = counting_rnn::random_sequences(6, 8, 3);
    let (wx, rec) = ([0.5, 1.0, 2.0], [1.0, 1.5, 1e100]);
    let grid = counting_rnn::log10_loss_grid(x.view(), &wx, &rec);
    let loss = |i: usize, j: usize| counting_rnn::forward(x.view(), wx[j], rec[i]).loss;
    assert_eq!(loss(0, 1), 0.0, "(1, 1) counts exactly");
    assert!(loss(2, 0).is_infinite(), "w_rec = 1e100 overflows");
    let smallest = (0..3).flat_map(|i| (0..3).map(move |j| (i, j))).map(|(i, j)| loss(i, j)).filter(|l| *l > 0.0);
    let smallest = smallest.fold(f64::INFINITY, f64::min);
    for i in 0..3 {
        for j in 0..3 {
            let l = loss(i, j);
            let want = match l {
                0.0 => smallest.log10(),
                l if l.is_infinite() => f64::MAX.log10(),
                l => l.log10(),
            };
            assert_eq!(grid[[i, j]], want, "w_rec {} w_x {}", rec[i], wx[j]);
        }
    }
}

/// Rprop moves against the gradient's sign, and not at all where the
/// gradient is exactly zero (numpy's sign(0) = 0).
#[test]
fn rprop_does_not_move_where_the_gradient_is_zero() {
    let x = counting_rnn::random_sequences(5, 4, 2);
    let r = counting_rnn::Rprop { delta0: 0.1, eta_plus: 1.2, eta_minus: 0.5 };
    let mut st = counting_rnn::RpropState::new(&r);
    assert_eq!(counting_rnn::rprop_step(x.view(), (1.0, 1.0), &r, &mut st), (1.0, 1.0));
    let (_, gx, gr) = counting_rnn::loss_and_grads(x.view(), 0.5, 1.2);
    let mut st = counting_rnn::RpropState::new(&r);
    let (nx, nr) = counting_rnn::rprop_step(x.view(), (0.5, 1.2), &r, &mut st);
    // The first step halves Δ (the previous sign starts at 0).
    assert_eq!((nx, nr), (0.5 - gx.signum() * 0.05, 1.2 - gr.signum() * 0.05));
}

/// The gradient check's relative error is |a − n| / max(|a|, |n|).
#[test]
fn the_gradient_check_reports_the_relative_error() {
    let x = counting_rnn::random_sequences(4, 5, 8);
    let c = counting_rnn::gradient_check(x.view(), 0.7, 1.1, 1e-4);
    let (_, gx, gr) = counting_rnn::loss_and_grads(x.view(), 0.7, 1.1);
    assert_eq!(c.analytic, (gx, gr));
    let l = |a: f64, b: f64| counting_rnn::forward(x.view(), a, b).loss;
    let nx = (l(0.7 + 1e-4, 1.1) - l(0.7 - 1e-4, 1.1)) / 2e-4;
    assert_eq!(c.numeric.0, nx);
    assert_eq!(c.rel_error.0, (gx - nx).abs() / gx.abs().max(nx.abs()));
    assert!(c.rel_error.0 > 0.0 && c.rel_error.0 < 1e-6 && c.rel_error.1 < 1e-6, "{c:?}");
}

/// Descent stops before a step whose loss would not be finite.
#[test]
fn gradient_descent_stops_before_leaving_the_finite_numbers() {
    let x = counting_rnn::random_sequences(4, 6, 1);
    let path = counting_rnn::train_gd(x.view(), (0.5, 1.5), 1e200, 5);
    assert!(!path.is_empty());
    for (a, b) in &path {
        assert!(counting_rnn::forward(x.view(), *a, *b).loss.is_finite(), "({a}, {b}) in {path:?}");
    }
    assert!(path.len() < 6, "a step of 1e200 leaves the numbers: {path:?}");
    assert_eq!(counting_rnn::train_gd(x.view(), (0.5, 1.5), 1e-3, 5).len(), 6);
}

/// The sequences are the generator's draws, 1 where a draw is below ½.
#[test]
fn random_sequences_are_coin_flips_from_the_seed() {
    let x = counting_rnn::random_sequences(7, 9, 5);
    let mut r = deepstep::math::rng::Rng::new(5);
    for v in x.iter() {
        assert_eq!(*v, if r.uniform() < 0.5 { 1.0 } else { 0.0 });
    }
    assert!(x.iter().any(|v| *v == 1.0) && x.iter().any(|v| *v == 0.0));
}

/// Seeded data: without noise exactly the model; with noise, N(0, 1) around it.
#[test]
fn generated_regression_data_is_the_model_plus_noise() {
    let (x, y) = linreg::feature_data(50, 3, 0.0, 2);
    for i in 0..50 {
        assert_eq!(x[[i, 0]], 1.0);
        assert!((0..3).all(|j| (0.0..1.0).contains(&x[[i, j + 1]])));
        assert!(close(y[i], 2.0 + x[[i, 1]] + 2.0 * x[[i, 2]] + 3.0 * x[[i, 3]]), "row {i}");
    }
    let (x, y) = linreg::line_data(40, 3.0, -1.0, 0.0, 2);
    for i in 0..40 {
        assert!(x[[i, 0]] == 1.0 && close(y[i], 3.0 * x[[i, 1]] - 1.0), "row {i}");
    }
    for noisy in [linreg::line_data(4000, 3.0, -1.0, 0.5, 2), linreg::feature_data(4000, 2, 0.5, 2)] {
        let (x, y) = noisy;
        let beta = if x.ncols() == 2 { array![-1.0, 3.0] } else { array![2.0, 1.0, 2.0] };
        let e = linreg::residuals(x.view(), y.view(), beta.view());
        let (mean, sd) = (e.mean().unwrap(), e.std(0.0));
        assert!(mean.abs() < 0.05 && (sd - 0.5).abs() < 0.05, "noise mean {mean}, sd {sd}");
    }
}

/// SSE's gradient is n times MSE's; a zero residual has zero gradients
/// (never NaN) and no ratio.
#[test]
fn gradient_ratios_and_the_zero_residual() {
    let (x, y) = linreg::line_data(12, 2.0, 1.0, 0.3, 4);
    let e = linreg::residuals(x.view(), y.view(), array![0.0, 0.0].view());
    let r = linreg::gradient_ratio(x.view(), e.view(), ErrorMeasure::Sse, ErrorMeasure::Mse).unwrap();
    assert!(close(r, 12.0), "{r}");
    let zero = ndarray::Array1::zeros(12);
    for m in ErrorMeasure::ALL {
        assert_eq!(m.gradient(x.view(), zero.view()), array![0.0, 0.0], "{m:?}");
    }
    assert_eq!(linreg::gradient_ratio(x.view(), zero.view(), ErrorMeasure::Sse, ErrorMeasure::L2), None);
}

/// Minibatches: the last may be smaller (one update each), a batch of all
/// rows is full-batch descent, and a batch of 0 or more than n is refused.
#[test]
fn sgd_batches_cover_every_row_and_a_full_batch_is_gradient_descent() {
    let (x, y) = linreg::line_data(10, 2.0, 1.0, 0.3, 4);
    let b0 = array![0.0, 0.0];
    let p = linreg::sgd(x.view(), y.view(), b0.view(), 0.05, 2, 3, 1, ErrorMeasure::Mse).unwrap();
    assert_eq!((p.betas.len(), p.losses.len()), (9, 9), "4 batches of 3, 3, 3, 1 per epoch");
    let full = linreg::sgd(x.view(), y.view(), b0.view(), 0.05, 3, 10, 1, ErrorMeasure::Mse).unwrap();
    let gd = linreg::gradient_descent(x.view(), y.view(), b0.view(), 0.05, 3, ErrorMeasure::Mse).unwrap();
    for (a, b) in full.betas.iter().zip(&gd.betas) {
        assert!(close(a[0], b[0]) && close(a[1], b[1]), "{a} vs {b}");
    }
    assert_eq!(full.betas.len(), gd.betas.len());
    for bad in [0, 11] {
        assert!(linreg::sgd(x.view(), y.view(), b0.view(), 0.05, 1, bad, 1, ErrorMeasure::Mse).is_err(), "{bad}");
    }
}

/// The weights `Joint::random` draws from its seed: 1 + a uniform integer in 0..20.
fn table_weights(seed: u64, n: usize) -> Vec<f64> {
    let mut r = deepstep::math::rng::Rng::new(seed);
    (0..n).map(|_| 1.0 + r.below(20) as f64).collect()
}

/// Generated tables: thousandths, at least 0.001 each, summing to 1, each
/// within one thousandth of its weight's share (largest remainder), and a
/// larger weight never gets less; the thousandths handed out above the
/// floors go to the largest remainders.
#[test]
fn generated_joint_tables_round_their_weights_to_thousandths() {
    for (sizes, seed) in [(vec![2, 2], 1), (vec![2, 3, 2], 2), (vec![3, 3, 3], 3), (vec![2, 2, 2, 2, 2], 4)] {
        let vars: Vec<Variable> =
            sizes.iter().enumerate().map(|(i, n)| Variable::new(&format!("V{i}"), &["a", "b", "c"][..*n])).collect();
        let j = Joint::random(vars, seed).unwrap();
        let w = table_weights(seed, j.p.len());
        let total: f64 = w.iter().sum();
        let milli: Vec<f64> = j.p.iter().map(|p| p * 1000.0).collect();
        assert!((j.p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        for (k, m) in milli.iter().enumerate() {
            assert!((m - m.round()).abs() < 1e-9 && *m >= 1.0 - 1e-9, "{sizes:?} entry {k}: {m}");
            assert!((m - 1000.0 * w[k] / total).abs() < 1.0, "{sizes:?} entry {k}: {m} for weight {}", w[k]);
            for l in 0..w.len() {
                assert!(w[k] <= w[l] || *m >= milli[l] - 1e-9, "{sizes:?}: weight order at {k}, {l}");
            }
        }
        let raw: Vec<f64> = w.iter().map(|x| 1000.0 * x / total).collect();
        let up: Vec<bool> = milli.iter().zip(&raw).map(|(m, r)| m.round() > r.floor()).collect();
        assert!(up.iter().any(|u| *u) && up.iter().any(|u| !*u), "{sizes:?}: both kinds present");
        for k in 0..raw.len() {
            for l in 0..raw.len() {
                let (fk, fl) = (raw[k] - raw[k].floor(), raw[l] - raw[l].floor());
                assert!(!up[k] || up[l] || fk >= fl - 1e-12, "{sizes:?}: {k} rounded up ({fk}) before {l} ({fl})");
            }
        }
    }
}

/// Events and orders naming what is not there are refused.
#[test]
fn events_and_chain_rule_orders_are_checked() {
    use deepstep::math::prob::ProbError;
    let j = Joint::random(vec![Variable::binary("A"), Variable::new("B", &["x", "y", "z"])], 9).unwrap();
    assert!(j.prob(&[(1, 2)]).is_ok());
    assert!(matches!(j.prob(&[(1, 3)]), Err(ProbError::NoSuchState { state: 3, .. })));
    assert!(matches!(j.prob(&[(0, 2)]), Err(ProbError::NoSuchState { .. })));
    assert!(matches!(j.prob(&[(2, 0)]), Err(ProbError::NoSuchVariable(2))));
    for bad in [vec![0, 0], vec![0], vec![0, 2], vec![1, 0, 1]] {
        assert!(matches!(j.chain_rule(&bad), Err(ProbError::BadOrder)), "{bad:?}");
    }
    let f = j.chain_rule(&[1, 0]).unwrap();
    assert_eq!((f.factors[0].var, f.factors[1].var, f.factors[1].given.clone()), (1, 0, vec![1]));
    assert!(f.max_abs_error < 1e-12 && f.rows.len() == 6);
}

/// The measured rate is the least-squares slope over the farther half
/// (distance ≥ T/2) of the finite values, as a factor per step.
#[test]
fn the_measured_rate_fits_the_farther_half() {
    let t_len = 21;
    // Curved on purpose: which points are fitted changes the slope.
    let mut logs: Vec<f64> = (0..t_len).map(|i| (((t_len - 1 - i) as f64).powi(2)) / 50.0).collect();
    logs[0] = f64::NEG_INFINITY;
    let pts: Vec<(f64, f64)> =
        (1..t_len).map(|i| ((t_len - 1 - i) as f64, logs[i])).filter(|(d, _)| *d >= (t_len / 2) as f64).collect();
    let n = pts.len() as f64;
    let (mx, my) = (pts.iter().map(|p| p.0).sum::<f64>() / n, pts.iter().map(|p| p.1).sum::<f64>() / n);
    let slope = pts.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum::<f64>()
        / pts.iter().map(|p| (p.0 - mx) * (p.0 - mx)).sum::<f64>();
    assert!(close(rnn::rate_per_step(&logs).unwrap(), 10f64.powf(slope)));
    assert_eq!(rnn::rate_per_step(&[0.0, f64::NEG_INFINITY, 1.0]), None);
    // Exactly two far points (distances 3 and 2 of 0..3): their own slope, +2 per step.
    assert!(close(rnn::rate_per_step(&[5.0, 3.0, -7.0, 9.0]).unwrap(), 100.0));
    let line = rnn::geometric_line(2.0, -0.5, 4);
    assert_eq!(line, vec![(0.0, 2.0), (1.0, 1.5), (2.0, 1.0), (3.0, 0.5)]);
}

/// Least squares: a square system is solved exactly, too few rows and
/// (nearly) collinear columns are refused at any scale, and a first column
/// almost all in its first row (where the reflector's sign decides between
/// cancellation and accuracy) still gives exact data's β back.
#[test]
fn least_squares_edges_and_the_reflectors_sign() {
    use ndarray::Array2;
    let square = array![[2.0, 1.0], [1.0, 3.0]];
    let b = linreg::least_squares(square.view(), array![4.0, 7.0].view()).unwrap();
    assert!(close(b[0], 1.0) && close(b[1], 2.0), "{b}");
    let wide = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
    assert!(matches!(
        linreg::least_squares(wide.view(), array![1.0, 2.0].view()),
        Err(linreg::LinregError::TooFewRows { rows: 2, cols: 3 })
    ));
    for scale in [1.0, 1000.0] {
        // The second column is the first plus 5e−12·scale in one row: what
        // is left of it (~4.9e−12·scale) is under the cut-off 1e−12 × the
        // largest entry × rows (1e−10·scale), though not under 1e−12 × the
        // largest entry / rows.
        let mut x = Array2::from_shape_fn((10, 2), |(i, _)| (i + 1) as f64 * scale);
        x[[3, 1]] += 5e-12 * scale;
        let y = x.column(0).to_owned();
        assert!(
            matches!(linreg::least_squares(x.view(), y.view()), Err(linreg::LinregError::RankDeficient)),
            "{scale}"
        );
    }
    let x = array![[1.0, 0.0], [1e-9, 1.0], [1e-9, 2.0], [1e-9, 3.0]];
    let beta = array![3.0, -2.0];
    let y = x.dot(&beta);
    let got = linreg::least_squares(x.view(), y.view()).unwrap();
    assert!((got[0] - 3.0).abs() < 1e-9 && (got[1] + 2.0).abs() < 1e-9, "{got}");
}

/// Large tables (up to the 1000 entries that can each get one thousandth): a
/// weight's share under one thousandth is raised to it and gets no more; the
/// rest are their share rounded down or up, except that when the raised ones
/// make more than 1000 the excess comes off the largest entries; the table
/// sums to exactly 1 and keeps the weights' order. 1001 entries are refused.
#[test]
fn generated_tables_with_shares_below_a_thousandth_still_sum_to_one() {
    let mut excess_seen = false;
    for (states, seed) in [
        (vec![3, 3, 3, 3, 3], 5),
        (vec![9, 9, 9], 6),
        (vec![9, 10, 11], 7),
        (vec![10, 10, 10], 8),
        (vec![8, 11, 11], 1),
    ] {
        let vars: Vec<Variable> = states
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let names: Vec<String> = (0..*n).map(|s| format!("s{s}")).collect();
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                Variable::new(&format!("V{i}"), &names)
            })
            .collect();
        let j = Joint::random(vars, seed).unwrap();
        let w = table_weights(seed, j.p.len());
        let total: f64 = w.iter().sum();
        let share: Vec<f64> = w.iter().map(|x| 1000.0 * x / total).collect();
        let milli: Vec<u64> = j.p.iter().map(|p| (p * 1000.0).round() as u64).collect();
        assert_eq!(milli.iter().sum::<u64>(), 1000, "{states:?}");
        assert!(share.iter().any(|s| *s < 1.0), "{states:?}: the case this test is for");
        let excess = share.iter().map(|s| s.floor().max(1.0)).sum::<f64>() > 1000.0;
        excess_seen |= excess;
        for k in 0..w.len() {
            assert!((j.p[k] * 1000.0 - milli[k] as f64).abs() < 1e-9 && milli[k] >= 1);
            if share[k] < 1.0 {
                assert_eq!(milli[k], 1, "{states:?} entry {k}: share {} raised to one thousandth", share[k]);
            } else if !excess {
                assert!(milli[k] as f64 >= share[k].floor() && milli[k] as f64 <= share[k].ceil(), "{states:?} {k}");
            }
            for l in 0..w.len() {
                assert!(w[k] <= w[l] || milli[k] >= milli[l], "{states:?}: weight order at {k}, {l}");
            }
        }
    }
    assert!(excess_seen, "one table has more than 1000 thousandths after raising");
    let too_many = vec![Variable::new("A", &["a"; 11]), Variable::new("B", &["b"; 13]), Variable::new("C", &["c"; 7])];
    assert!(matches!(Joint::random(too_many, 1), Err(deepstep::math::prob::ProbError::TooManyEntries(1001))));
}

/// W_hh = Q diag(λ) Qᵀ: symmetric, its top eigenvalue exactly the radius
/// (Wu = ρu), and the rest spread over ±0.8ρ: with u deflated away the norm
/// is at most 0.8ρ, and Σ λ_i² = ||W||_F² − ρ² is what draws from
/// U(−0.8ρ, 0.8ρ) give (mean 0.213ρ² each), not 0.64ρ² or ρ² each.
#[test]
fn recurrent_weights_have_one_top_eigenvalue_and_the_rest_spread_below() {
    use ndarray::{Array1, Array2};
    for (h, rho, seed) in [(32, 1.5, 1), (48, 0.7, 2)] {
        let mut r = deepstep::math::rng::Rng::new(seed);
        let w = rnn::with_spectral_radius(h, rho, &mut r);
        assert!((&w - &w.t()).iter().all(|d| d.abs() < 1e-12), "symmetric");
        let mut u = Array1::from_elem(h, 1.0 / (h as f64).sqrt());
        for _ in 0..2000 {
            let wu = w.dot(&u);
            u = &wu / wu.dot(&wu).sqrt();
        }
        let wu = w.dot(&u);
        assert!((wu.dot(&u) - rho).abs() < 1e-9 && (&wu - &(&u * rho)).iter().all(|d| d.abs() < 1e-6), "W u = ρ u");
        let outer = Array2::from_shape_fn((h, h), |(i, j)| u[i] * u[j]);
        let rest = &w - &(outer * rho);
        assert!(rnn::spectral_norm(&rest) <= 0.8 * rho + 1e-9, "the others within 0.8ρ");
        let others = w.iter().map(|v| v * v).sum::<f64>() - rho * rho;
        let mean = others / ((h - 1) as f64 * rho * rho);
        assert!((0.15..0.28).contains(&mean), "h = {h}: mean λ²/ρ² of the others {mean}");
    }
}

/// The spectral norm is the largest singular value: |a| for a 1×1 matrix,
/// the largest |entry| of a diagonal one, √(a² + b²) for [[a, b], [0, 0]].
#[test]
fn spectral_norms_of_matrices_whose_singular_values_are_known() {
    use ndarray::array;
    assert!((rnn::spectral_norm(&array![[-3.0]]) - 3.0).abs() < 1e-12);
    assert!((rnn::spectral_norm(&array![[0.5, 0.0, 0.0], [0.0, -2.0, 0.0], [0.0, 0.0, 1.5]]) - 2.0).abs() < 1e-12);
    assert!((rnn::spectral_norm(&array![[3.0, 4.0], [0.0, 0.0]]) - 5.0).abs() < 1e-12);
    assert_eq!(rnn::spectral_norm(&array![[0.0, 0.0], [0.0, 0.0]]), 0.0);
}

/// `Forward::prefix(t)` is, field for field, the forward pass of the first
/// t inputs (every state, gate and cache), for every cell; t beyond T is T.
#[test]
fn a_forward_prefix_is_the_run_of_the_first_t_inputs() {
    for cell in rnn::CellKind::ALL {
        let p = rnn::RnnParams::random(cell, 3, 4, 1.2, 1.0, 5).unwrap();
        let x = rnn::random_inputs(9, 3, 1.0, 5);
        let h0 = ndarray::Array1::zeros(4);
        let f = rnn::forward(&p, x.view(), h0.view(), None).unwrap();
        for t in [1, 4, 9] {
            let short = rnn::forward(&p, x.slice(ndarray::s![..t, ..]), h0.view(), None).unwrap();
            assert_eq!(f.prefix(t), short, "{cell:?} t = {t}");
        }
        assert_eq!(f.prefix(20), f, "{cell:?}: beyond T");
    }
}

/// The lab's W_ih is N(0, 1/I): over 32·3 rows × 16 inputs the entries'
/// mean is within four standard errors of 0 and their variance within 10%
/// of 1/16.
#[test]
fn input_weights_are_drawn_with_variance_one_over_the_inputs() {
    let p = rnn::RnnParams::random(rnn::CellKind::Gru, 16, 32, 1.0, 0.0, 3).unwrap();
    let n = p.w_ih.len() as f64;
    let mean = p.w_ih.sum() / n;
    let var = p.w_ih.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    assert!(mean.abs() < 4.0 * (1.0 / 16.0 / n).sqrt(), "mean {mean}");
    assert!((var * 16.0 - 1.0).abs() < 0.1, "variance {var}, want 1/16");
}

/// The formatter's edges: exact integers print whole only below 1e9 (1e9
/// itself is scientific), and a magnitude whose log10 is infinite is an
/// overflow upward and 0 downward.
#[test]
fn the_formatters_edges() {
    use deepstep::math::format::{num, pow10, signed_pow10};
    assert_eq!(num(999_999_999.0), "999999999");
    assert_eq!(num(1e9), "1e9");
    assert_eq!(num(-1e9), "-1e9");
    // Beyond f64: four digits, and a mantissa that rounds up to 10 carries.
    assert_eq!(pow10(400.5), "3.162e400");
    assert_eq!(pow10(400.0 + 9.99999f64.log10()), "1e401");
    assert_eq!(pow10(-400.0 + 9.99999f64.log10()), "1e-399");
    assert_eq!(pow10(f64::INFINITY), "overflow");
    assert_eq!(pow10(f64::NEG_INFINITY), "0");
    assert_eq!(signed_pow10(-1.0, f64::INFINITY), "-overflow");
    assert_eq!(signed_pow10(-1.0, f64::NEG_INFINITY), "0");
    assert_eq!((num(f64::INFINITY), num(f64::NEG_INFINITY)), ("overflow".to_string(), "-overflow".to_string()));
}
