//! Tests of `deepstep::math::linreg` (`src/math/linreg.rs`).

use deepstep::math::linreg::*;
use ndarray::Array2;
use ndarray::array;

#[test]
fn least_squares_recovers_an_exact_line_and_rejects_dependence() {
    let x = array![[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]];
    let y = array![2.0, 9.0, 16.0];
    let b = least_squares(x.view(), y.view()).unwrap();
    assert!((b[0] - 2.0).abs() < 1e-12 && (b[1] - 7.0).abs() < 1e-12);
    let dep = array![[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]];
    assert_eq!(least_squares(dep.view(), y.view()), Err(LinregError::RankDeficient));
}

#[test]
fn mismatched_sizes_are_errors() {
    let x = array![[1.0, 0.0], [1.0, 1.0]];
    let y = array![1.0];
    let b = array![0.0, 0.0];
    let r = gradient_descent(x.view(), y.view(), b.view(), 0.1, 1, ErrorMeasure::Mse);
    assert_eq!(r, Err(LinregError::Rows { x_rows: 2, y_len: 1 }));
    let y = array![1.0, 2.0];
    let r = sgd(x.view(), y.view(), b.view(), 0.1, 1, 0, 1, ErrorMeasure::Mse);
    assert_eq!(r, Err(LinregError::Batch { rows: 2, got: 0 }));
}

#[test]
fn the_stability_limit_separates_convergence_from_divergence() {
    let (x, y) = line_data(30, 7.0, 2.0, 0.5, 4);
    let lim = stability_limit(x.view(), ErrorMeasure::Mse).unwrap();
    let b0 = array![0.0, 0.0];
    let run = |lr: f64| gradient_descent(x.view(), y.view(), b0.view(), lr, 400, ErrorMeasure::Mse).unwrap();
    let below = run(lim * 0.95);
    let above = run(lim * 1.05);
    assert!(below.losses.last().unwrap() < &1.0, "{:?}", below.losses.last());
    assert!(above.losses.last().unwrap() > &above.losses[0], "diverges above the limit");
    // Far above it, the descent stops before anything overflows.
    let wild = run(lim * 3.0);
    assert!(wild.betas.len() < 401 && wild.losses.iter().all(|l| l.is_finite()));
    assert_eq!(wild.losses.len(), wild.betas.len());
}

#[test]
fn one_step_matches_gradient_descent_and_the_sse_mse_ratio_is_n() {
    let (x, y) = line_data(10, 7.0, 2.0, 0.5, 3);
    let b0 = array![0.0, 0.0];
    let rows: Vec<usize> = (0..10).collect();
    let one = step(x.view(), y.view(), b0.view(), 0.1, &rows, ErrorMeasure::Mse);
    let gd = gradient_descent(x.view(), y.view(), b0.view(), 0.1, 1, ErrorMeasure::Mse).unwrap();
    assert_eq!(one, gd.betas[1]);
    let e = residuals(x.view(), y.view(), b0.view());
    let r = gradient_ratio(x.view(), e.view(), ErrorMeasure::Sse, ErrorMeasure::Mse).unwrap();
    assert!((r - 10.0).abs() < 1e-12);
    assert_eq!(line_points(array![2.0, 7.0].view(), &[0.0, 1.0]), vec![(0.0, 2.0), (1.0, 9.0)]);
    assert_eq!(log10_curve(&[100.0, 0.0, 0.1]), vec![(0.0, 2.0), (2.0, -1.0)]);
    let (xf, yf) = feature_data(40, 3, 0.0, 1);
    let ls = least_squares(xf.view(), yf.view()).unwrap();
    assert!((&ls - &array![2.0, 1.0, 2.0, 3.0]).iter().all(|d| d.abs() < 1e-9), "{ls}");
}

#[test]
fn sgd_approaches_the_least_squares_line() {
    let (x, y) = line_data(200, 7.0, 2.0, 0.1, 5);
    let b0 = array![0.0, 0.0];
    let p = sgd(x.view(), y.view(), b0.view(), 0.1, 200, 16, 9, ErrorMeasure::Mse).unwrap();
    let ls = least_squares(x.view(), y.view()).unwrap();
    let last = p.betas.last().unwrap();
    assert!((last - &ls).iter().all(|d| d.abs() < 0.1), "{last} vs {ls}");
    assert!((ls[1] - 7.0).abs() < 0.2 && (ls[0] - 2.0).abs() < 0.2);
}

#[test]
fn each_limit_is_two_over_its_hessians_largest_eigenvalue() {
    for seed in 1..6 {
        let (x, _) = line_data(8 + seed as usize, 7.0, 2.0, 0.5, seed);
        let n = x.nrows() as f64;
        // The 2×2 symmetric eigenvalue in closed form.
        let xtx = x.t().dot(&x);
        let (a, b, d) = (xtx[[0, 0]], xtx[[0, 1]], xtx[[1, 1]]);
        let top = (a + d) / 2.0 + (((a - d) / 2.0).powi(2) + b * b).sqrt();
        let mse = stability_limit(x.view(), ErrorMeasure::Mse).unwrap();
        let sse = stability_limit(x.view(), ErrorMeasure::Sse).unwrap();
        assert!((mse - 2.0 / (2.0 / n * top)).abs() < 1e-12 * mse, "{mse}");
        assert!((sse - 2.0 / (2.0 * top)).abs() < 1e-12 * sse, "{sse}");
        assert!((mse / sse - n).abs() < 1e-9 * n, "SSE's limit is n times smaller");
    }
    let (x, y) = line_data(30, 7.0, 2.0, 0.5, 4);
    for m in [ErrorMeasure::Rmse, ErrorMeasure::L2, ErrorMeasure::L2OverN] {
        assert_eq!(stability_limit(x.view(), m), None, "{m:?} is not quadratic");
    }
    // Stepping with SSE's gradient just above its own limit diverges, just below converges.
    let lim = stability_limit(x.view(), ErrorMeasure::Sse).unwrap();
    let b0 = array![0.0, 0.0];
    let run = |lr: f64| gradient_descent(x.view(), y.view(), b0.view(), lr, 400, ErrorMeasure::Sse).unwrap();
    assert!(run(lim * 0.95).losses.last().unwrap() < &run(lim * 0.95).losses[0]);
    let above = run(lim * 1.05);
    assert!(above.losses.last().unwrap() > &above.losses[0]);
    assert_eq!(largest_eigenvalue(&Array2::zeros((2, 2))), 0.0);
}
