//! Linear regression by gradient descent, the exercise where an error measure
//! and its gradient get mixed up. With residuals e = y − Xβ:
//!
//!   SSE      = ||e||²          ∇ = −2 Xᵀe
//!   MSE      = ||e||² / n      ∇ = −(2/n) Xᵀe
//!   RMSE     = √(||e||² / n)   ∇ = −Xᵀe / (n · RMSE)
//!   ||e||₂                     ∇ = −Xᵀe / ||e||₂
//!   ||e||₂/n                   ∇ = −Xᵀe / (n ||e||₂)
//!
//! (The two norms' gradients are undefined at e = 0; we return 0 there, the
//! minimum.) Gradient descent: β ← β − lr · ∇.

use super::rng::Rng;
use ndarray::{Array1, Array2, ArrayView1, ArrayView2};
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LinregError {
    #[error("x has {x_rows} rows but y has {y_len} values")]
    Rows { x_rows: usize, y_len: usize },
    #[error("beta has {got} values but x has {expected} columns")]
    Beta { expected: usize, got: usize },
    #[error("least squares needs at least as many rows ({rows}) as columns ({cols})")]
    TooFewRows { rows: usize, cols: usize },
    #[error("the columns of x are linearly dependent: no unique least-squares solution")]
    RankDeficient,
    #[error("the batch size must be between 1 and the number of rows ({rows}), got {got}")]
    Batch { rows: usize, got: usize },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorMeasure {
    Sse,
    Mse,
    Rmse,
    L2,
    L2OverN,
}

impl ErrorMeasure {
    pub const ALL: [ErrorMeasure; 5] =
        [ErrorMeasure::Sse, ErrorMeasure::Mse, ErrorMeasure::Rmse, ErrorMeasure::L2, ErrorMeasure::L2OverN];

    /// The error of residuals e.
    pub fn value(self, e: ArrayView1<f64>) -> f64 {
        let n = e.len().max(1) as f64;
        let sse = e.dot(&e);
        match self {
            ErrorMeasure::Sse => sse,
            ErrorMeasure::Mse => sse / n,
            ErrorMeasure::Rmse => (sse / n).sqrt(),
            ErrorMeasure::L2 => sse.sqrt(),
            ErrorMeasure::L2OverN => sse.sqrt() / n,
        }
    }

    /// Its gradient with respect to β, for residuals e = y − Xβ.
    pub fn gradient(self, x: ArrayView2<f64>, e: ArrayView1<f64>) -> Array1<f64> {
        let n = e.len().max(1) as f64;
        let xte = x.t().dot(&e); // Xᵀe
        let norm = e.dot(&e).sqrt();
        let factor = match self {
            ErrorMeasure::Sse => -2.0,
            ErrorMeasure::Mse => -2.0 / n,
            ErrorMeasure::Rmse | ErrorMeasure::L2 | ErrorMeasure::L2OverN if norm == 0.0 => 0.0,
            ErrorMeasure::Rmse => -1.0 / (n * self.value(e)),
            ErrorMeasure::L2 => -1.0 / norm,
            ErrorMeasure::L2OverN => -1.0 / (n * norm),
        };
        xte * factor
    }
}

fn check(x: ArrayView2<f64>, y: ArrayView1<f64>, beta: ArrayView1<f64>) -> Result<(), LinregError> {
    if x.nrows() != y.len() {
        return Err(LinregError::Rows { x_rows: x.nrows(), y_len: y.len() });
    }
    if beta.len() != x.ncols() {
        return Err(LinregError::Beta { expected: x.ncols(), got: beta.len() });
    }
    Ok(())
}

/// One descent update on the rows `rows` (all rows: full-batch gradient
/// descent): β − lr·∇, with ∇ the gradient of `measure` on those rows.
pub fn step(
    x: ArrayView2<f64>,
    y: ArrayView1<f64>,
    beta: ArrayView1<f64>,
    lr: f64,
    rows: &[usize],
    measure: ErrorMeasure,
) -> Array1<f64> {
    let (xb, yb) = (x.select(ndarray::Axis(0), rows), y.select(ndarray::Axis(0), rows));
    let e = residuals(xb.view(), yb.view(), beta);
    &beta - &(measure.gradient(xb.view(), e.view()) * lr)
}

/// ||∇a|| / ||∇b|| at the same residuals: how much larger a step the
/// gradient of one error takes than another's (the SSE/MSE mix-up is n).
pub fn gradient_ratio(x: ArrayView2<f64>, e: ArrayView1<f64>, a: ErrorMeasure, b: ErrorMeasure) -> Option<f64> {
    let (ga, gb) = (a.gradient(x, e), b.gradient(x, e));
    let nb = gb.dot(&gb).sqrt();
    (nb > 0.0).then(|| ga.dot(&ga).sqrt() / nb)
}

/// Seeded data with `d` features x_j uniform in [0, 1) plus a column of ones
/// first: y = 2 + Σ_j (j+1)·x_j + noise (for one feature, use `line_data`).
pub fn feature_data(n: usize, d: usize, noise: f64, seed: u64) -> (Array2<f64>, Array1<f64>) {
    let mut rng = Rng::new(seed);
    let x = Array2::from_shape_fn((n, d + 1), |(_, j)| if j == 0 { 1.0 } else { rng.uniform() });
    let y =
        Array1::from_shape_fn(n, |i| 2.0 + (1..=d).map(|j| j as f64 * x[[i, j]]).sum::<f64>() + noise * rng.normal());
    (x, y)
}

/// Points (x, β0 + β1·x) of a one-feature model's line.
pub fn line_points(beta: ArrayView1<f64>, xs: &[f64]) -> Vec<(f64, f64)> {
    xs.iter().map(|x| (*x, beta[0] + beta.get(1).copied().unwrap_or(0.0) * x)).collect()
}

/// (step, log10 loss) for every positive loss: the loss curve on a log scale.
pub fn log10_curve(losses: &[f64]) -> Vec<(f64, f64)> {
    losses.iter().enumerate().filter(|(_, l)| **l > 0.0).map(|(i, l)| (i as f64, l.log10())).collect()
}

/// Whether a step lands on finite weights with a finite error.
fn finite_step(x: ArrayView2<f64>, y: ArrayView1<f64>, beta: &Array1<f64>, measure: ErrorMeasure) -> bool {
    beta.iter().all(|b| b.is_finite()) && measure.value(residuals(x, y, beta.view()).view()).is_finite()
}

/// e = y − Xβ.
pub fn residuals(x: ArrayView2<f64>, y: ArrayView1<f64>, beta: ArrayView1<f64>) -> Array1<f64> {
    &y - &x.dot(&beta)
}

/// A descent path: β_0..β_k and the error before each update and after the
/// last (k < steps when the descent diverged and stopped before overflowing).
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub betas: Vec<Array1<f64>>,
    pub losses: Vec<f64>,
}

/// Full-batch gradient descent on `measure`.
pub fn gradient_descent(
    x: ArrayView2<f64>,
    y: ArrayView1<f64>,
    beta0: ArrayView1<f64>,
    lr: f64,
    steps: usize,
    measure: ErrorMeasure,
) -> Result<Path, LinregError> {
    check(x, y, beta0)?;
    let mut beta = beta0.to_owned();
    let mut path = Path { betas: vec![beta.clone()], losses: vec![] };
    for _ in 0..steps {
        let e = residuals(x, y, beta.view());
        let next = &beta - &(measure.gradient(x, e.view()) * lr);
        if !finite_step(x, y, &next, measure) {
            break; // diverged: stop before values overflow
        }
        path.losses.push(measure.value(e.view()));
        beta = next;
        path.betas.push(beta.clone());
    }
    path.losses.push(measure.value(residuals(x, y, beta.view()).view()));
    Ok(path)
}

/// Minibatch SGD: each epoch visits the rows in a seeded shuffled order, `batch`
/// at a time (the last batch may be smaller), one update per batch. The
/// recorded loss is the full-data error before each update and after the last.
#[allow(clippy::too_many_arguments)]
pub fn sgd(
    x: ArrayView2<f64>,
    y: ArrayView1<f64>,
    beta0: ArrayView1<f64>,
    lr: f64,
    epochs: usize,
    batch: usize,
    seed: u64,
    measure: ErrorMeasure,
) -> Result<Path, LinregError> {
    check(x, y, beta0)?;
    if batch == 0 || batch > x.nrows() {
        return Err(LinregError::Batch { rows: x.nrows(), got: batch });
    }
    let mut beta = beta0.to_owned();
    let mut path = Path { betas: vec![beta.clone()], losses: vec![] };
    for chunk in sgd_batches(x.nrows(), epochs, batch, seed) {
        let xb = x.select(ndarray::Axis(0), &chunk);
        let yb = y.select(ndarray::Axis(0), &chunk);
        let e = residuals(xb.view(), yb.view(), beta.view());
        let next = &beta - &(measure.gradient(xb.view(), e.view()) * lr);
        if !finite_step(x, y, &next, measure) {
            break; // diverged: stop before values overflow, as full-batch descent does
        }
        path.losses.push(measure.value(residuals(x, y, beta.view()).view()));
        beta = next;
        path.betas.push(beta.clone());
    }
    path.losses.push(measure.value(residuals(x, y, beta.view()).view()));
    Ok(path)
}

/// The rows minibatch SGD steps on, batch by batch: each epoch visits the
/// rows of 0..n in a seeded shuffled order, `batch` at a time (the last
/// batch may be smaller).
pub fn sgd_batches(n: usize, epochs: usize, batch: usize, seed: u64) -> Vec<Vec<usize>> {
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..n).collect();
    let mut batches = vec![];
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        batches.extend(order.chunks(batch.max(1)).map(<[usize]>::to_vec));
    }
    batches
}

/// The least-squares β (minimising ||y − Xβ||²) by Householder QR, which
/// avoids squaring the condition number as the normal equations would.
pub fn least_squares(x: ArrayView2<f64>, y: ArrayView1<f64>) -> Result<Array1<f64>, LinregError> {
    let (n, d) = x.dim();
    if n != y.len() {
        return Err(LinregError::Rows { x_rows: n, y_len: y.len() });
    }
    if n < d {
        return Err(LinregError::TooFewRows { rows: n, cols: d });
    }
    let mut a = x.to_owned();
    let mut b = y.to_owned();
    let scale = a.iter().fold(0.0f64, |m, v| m.max(v.abs())).max(f64::MIN_POSITIVE);
    for k in 0..d {
        let col = a.slice(ndarray::s![k.., k]).to_owned();
        let norm = col.dot(&col).sqrt();
        if norm <= 1e-12 * scale * (n as f64) {
            return Err(LinregError::RankDeficient);
        }
        let alpha = if col[0] > 0.0 { -norm } else { norm };
        let mut v = col;
        v[0] -= alpha;
        let vv = v.dot(&v);
        for j in k..d {
            let f = 2.0 * v.dot(&a.slice(ndarray::s![k.., j])) / vv;
            a.slice_mut(ndarray::s![k.., j]).scaled_add(-f, &v);
        }
        let f = 2.0 * v.dot(&b.slice(ndarray::s![k..])) / vv;
        b.slice_mut(ndarray::s![k..]).scaled_add(-f, &v);
    }
    let mut beta = Array1::zeros(d);
    for k in (0..d).rev() {
        let s: f64 = ((k + 1)..d).map(|j| a[[k, j]] * beta[j]).sum();
        beta[k] = (b[k] - s) / a[[k, k]];
    }
    Ok(beta)
}

/// The Hessian of a quadratic error in β: SSE's 2XᵀX, MSE's (2/n)XᵀX. None
/// for RMSE, ||e|| and ||e||/n: they are not quadratic in β (their curvature
/// changes with β), so no learning rate is safe everywhere.
pub fn hessian(x: ArrayView2<f64>, m: ErrorMeasure) -> Option<Array2<f64>> {
    let xtx = x.t().dot(&x);
    match m {
        ErrorMeasure::Sse => Some(xtx * 2.0),
        ErrorMeasure::Mse => Some(xtx * (2.0 / x.nrows().max(1) as f64)),
        ErrorMeasure::Rmse | ErrorMeasure::L2 | ErrorMeasure::L2OverN => None,
    }
}

/// The largest eigenvalue of a symmetric positive semidefinite matrix, by
/// power iteration (0 for the zero matrix).
pub fn largest_eigenvalue(h: &Array2<f64>) -> f64 {
    let mut v = Array1::from_elem(h.ncols(), 1.0);
    let mut lambda = 0.0;
    for _ in 0..1000 {
        let hv = h.dot(&v);
        let norm = hv.dot(&hv).sqrt();
        if norm == 0.0 {
            return 0.0;
        }
        let next = v.dot(&hv) / v.dot(&v);
        v = hv / norm;
        if (next - lambda).abs() <= 1e-14 * next.abs() {
            return next;
        }
        lambda = next;
    }
    lambda
}

/// The largest learning rate for which full-batch gradient descent with the
/// gradient of `m` converges: 2/λ_max of m's Hessian (above it, the error
/// along the top eigenvector grows by |1 − lr·λ_max| > 1 every step).
/// SSE's limit is n times smaller than MSE's. None where `m` is not
/// quadratic (see `hessian`); infinite for a zero Hessian.
pub fn stability_limit(x: ArrayView2<f64>, m: ErrorMeasure) -> Option<f64> {
    let lambda = largest_eigenvalue(&hessian(x, m)?);
    Some(if lambda > 0.0 { 2.0 / lambda } else { f64::INFINITY })
}

/// The stability limit of minibatch SGD with `batch` rows per update: a
/// rate below which no minibatch's step overshoots, whichever rows it
/// holds. A step on batch B uses B's own Hessian H_B (MSE: (2/b)X_BᵀX_B,
/// SSE: 2X_BᵀX_B), stable below 2/λ_max(H_B); λ_max(X_BᵀX_B) is at most
/// its trace Σ_{i∈B} ||x_i||², so the b largest ||x_i||² bound every batch.
/// For one row this is exact (MSE: 1/||x_i||², the smallest over the rows),
/// and a batch of every row is full-batch descent (`stability_limit`); each
/// epoch's last, smaller batch counts too. The
/// full-batch limit says nothing here: single rows can have far lower ones.
/// None where `m` is not quadratic.
pub fn minibatch_limit(x: ArrayView2<f64>, m: ErrorMeasure, batch: usize) -> Option<f64> {
    let b = batch.max(1);
    if b >= x.nrows() {
        return stability_limit(x, m);
    }
    let scale = match m {
        ErrorMeasure::Sse => 2.0,
        ErrorMeasure::Mse => 2.0 / b as f64,
        ErrorMeasure::Rmse | ErrorMeasure::L2 | ErrorMeasure::L2OverN => return None,
    };
    let mut norms: Vec<f64> = x.rows().into_iter().map(|r| r.dot(&r)).collect();
    norms.sort_by(|a, b| b.total_cmp(a));
    let limit = |size: usize, scale: f64| {
        let top: f64 = norms.iter().take(size).sum();
        if top > 0.0 { 2.0 / (scale * top) } else { f64::INFINITY }
    };
    // Each epoch's last batch has the rows left over; MSE averages over
    // fewer of them, so its limit can be the lower one.
    let rest = x.nrows() % b;
    let last = if rest > 0 && m == ErrorMeasure::Mse { limit(rest, 2.0 / rest as f64) } else { f64::INFINITY };
    Some(limit(b, scale).min(last))
}

/// Seeded data y = slope·x + intercept + noise·N(0,1), x uniform in [0, 1);
/// X gets a column of ones first, so β = [intercept, slope].
pub fn line_data(n: usize, slope: f64, intercept: f64, noise: f64, seed: u64) -> (Array2<f64>, Array1<f64>) {
    let mut rng = Rng::new(seed);
    let xs: Vec<f64> = (0..n).map(|_| rng.uniform()).collect();
    let x = Array2::from_shape_fn((n, 2), |(i, j)| if j == 0 { 1.0 } else { xs[i] });
    let y = Array1::from_shape_fn(n, |i| slope * xs[i] + intercept + noise * rng.normal());
    (x, y)
}
