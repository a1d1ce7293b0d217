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

#[test]
fn variables_are_found_by_name() {
    let j = Joint::new(vec![Variable::binary("A"), Variable::binary("B")], vec![0.1, 0.2, 0.3, 0.4]).unwrap();
    assert_eq!((j.index_of("A"), j.index_of("B"), j.index_of("C")), (Some(0), Some(1), None));
}

/// The linear cell's BPTT as a plain f64 loop, written from its equations
/// (h_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh, L = Σ_t g_t · h_t): an
/// independent reference for the scaled computation wherever f64 suffices.
struct PlainLinear {
    w_ih: ndarray::Array2<f64>,
    w_hh: ndarray::Array2<f64>,
    b: ndarray::Array1<f64>,
    x: ndarray::Array2<f64>,
    dh: ndarray::Array2<f64>,
    h0: ndarray::Array1<f64>,
}

fn plain_linear_bptt(p: &rnn::RnnParams, x: &ndarray::Array2<f64>, g: &ndarray::Array2<f64>) -> PlainLinear {
    use ndarray::{Array1, Array2, Axis};
    let (t_len, hd) = g.dim();
    let mut h = Array2::zeros((t_len + 1, hd));
    for t in 1..=t_len {
        let a = p.w_ih.dot(&x.row(t - 1)) + &p.b_ih + p.w_hh.dot(&h.row(t - 1)) + &p.b_hh;
        h.row_mut(t).assign(&a);
    }
    let mut out = PlainLinear {
        w_ih: Array2::zeros(p.w_ih.dim()),
        w_hh: Array2::zeros(p.w_hh.dim()),
        b: Array1::zeros(hd),
        x: Array2::zeros(x.dim()),
        dh: Array2::zeros((t_len, hd)),
        h0: Array1::zeros(hd),
    };
    let mut carry: Array1<f64> = Array1::zeros(hd);
    for t in (1..=t_len).rev() {
        let delta = &carry + &g.row(t - 1);
        out.dh.row_mut(t - 1).assign(&delta);
        let d = delta.view().insert_axis(Axis(1));
        out.w_ih += &d.dot(&x.row(t - 1).insert_axis(Axis(0)));
        out.w_hh += &d.dot(&h.row(t - 1).insert_axis(Axis(0)));
        out.b += &delta;
        out.x.row_mut(t - 1).assign(&p.w_ih.t().dot(&delta));
        carry = p.w_hh.t().dot(&delta);
    }
    out.h0 = carry;
    out
}

/// Every entry within 1e−9 of the reference's largest entry (relative).
fn same<D: ndarray::Dimension>(got: &ndarray::Array<f64, D>, want: &ndarray::Array<f64, D>, what: &str) {
    let top = want.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    assert!(top.is_finite() && top > 0.0, "{what}: reference {top}");
    for (a, b) in got.iter().zip(want) {
        assert!((a - b).abs() <= 1e-9 * top, "{what}: {a} vs {b} (largest {top:e})");
    }
}

/// Beyond 1e±100 the gradients are carried with a power-of-ten scale
/// (`Carry`, `ScaledRows`, `Scaled`): every one of them, and the clipping
/// norm, equals the plain computation while f64 can still hold it.
#[test]
fn scaled_gradients_past_1e100_equal_the_plain_loop() {
    // ρ = 3 over 300 steps reaches ~1e143; ρ = 0.1 over 200 steps ~1e−199.
    for (radius, t_len) in [(3.0, 300), (0.1, 200), (0.9, 40)] {
        let hd = 4;
        let p = rnn::RnnParams::random(rnn::CellKind::Linear, 3, hd, radius, 1.0, 7).unwrap();
        let x = rnn::random_inputs(t_len, 3, 1.0, 7);
        // Loss terms at the last step, in the middle and at step 1: the
        // carried gradient meets a fresh one at every scale.
        let mut g = ndarray::Array2::zeros((t_len, hd));
        for (t, w) in [(t_len, 1.0), (t_len / 2, -0.5), (1, 2.0)] {
            g.row_mut(t - 1).fill(w);
        }
        let f = rnn::forward(&p, x.view(), ndarray::Array1::zeros(hd).view(), None).unwrap();
        let want = plain_linear_bptt(&p, &x, &g);
        let got = rnn::bptt(&p, &f, g.view(), rnn::BpttOptions::default()).unwrap();
        let what = |n: &str| format!("{n} at ρ = {radius}, T = {t_len}");
        same(&got.w_ih.to_plain(), &want.w_ih, &what("dW_ih"));
        same(&got.w_hh.to_plain(), &want.w_hh, &what("dW_hh"));
        same(&got.b_ih.to_plain(), &want.b, &what("db_ih"));
        same(&got.b_hh.to_plain(), &want.b, &what("db_hh"));
        same(&got.x.to_plain(), &want.x, &what("dx"));
        same(&got.h0.to_plain(), &want.h0, &what("dh_0"));
        for t in 0..t_len {
            let (a, b) = (got.dh.row(t).log10_norm(), want.dh.row(t).dot(&want.dh.row(t)).sqrt().log10());
            assert!((a - b).abs() < 1e-9, "{} step {}: {a} vs {b}", what("||dL/dh||"), t + 1);
        }
        // Clipping to a tenth of the norm: the norm before is the plain one,
        // and every gradient is the plain one times the same factor.
        let norm = [&want.w_ih, &want.w_hh].iter().map(|m| m.iter().map(|v| v * v).sum::<f64>()).sum::<f64>()
            + 2.0 * want.b.dot(&want.b);
        let norm = norm.sqrt();
        let opts = rnn::BpttOptions { truncation: None, clip: Some(norm / 10.0) };
        let clipped = rnn::bptt(&p, &f, g.view(), opts).unwrap();
        let report = clipped.clip.expect("clipped");
        assert!((report.log10_norm_before - norm.log10()).abs() < 1e-9, "{}", what("norm before"));
        assert!((report.log10_norm_after - (norm / 10.0).log10()).abs() < 1e-9, "{}", what("norm after"));
        same(&clipped.w_hh.to_plain(), &(&want.w_hh / 10.0), &what("clipped dW_hh"));
        same(&clipped.b_ih.to_plain(), &(&want.b / 10.0), &what("clipped db_ih"));
        assert!((clipped.log10_param_norm() - (norm / 10.0).log10()).abs() < 1e-9, "{}", what("param norm"));
    }
}
