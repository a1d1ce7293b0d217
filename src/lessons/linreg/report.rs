//! Linear regression as plain text: the descent for `deepstep lab linreg
//! --print`.

use crate::math::linreg::{self, ErrorMeasure, LinregError};
use ndarray::{Array1, ArrayView1, ArrayView2};
use std::fmt::Write;

fn list(b: ArrayView1<f64>) -> String {
    b.iter().map(|v| format!("{v:.6}")).collect::<Vec<_>>().join(",")
}

/// How linear regression is run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinregRun {
    pub lr: f64,
    pub steps: usize,
    /// None: full-batch gradient descent; Some(b): minibatch SGD, `steps` epochs.
    pub batch: Option<usize>,
    pub seed: u64,
    pub measure: ErrorMeasure,
}

/// First `stability_limit=<v>` (2/λ_max of the Hessian of the error whose
/// gradient is used, with `batch` the minibatches' limit,
/// `linreg::minibatch_limit`; `none` where that error is not quadratic) and
/// `above_limit=true|false`; then `step=<i> beta=<...> loss=<...>` per
/// update, `final beta=...` and `least_squares beta=...`; a diverging
/// descent says where it stopped.
pub fn linreg(
    x: ArrayView2<f64>,
    y: ArrayView1<f64>,
    r: LinregRun,
    diverged: fn(updates: usize) -> String,
) -> Result<String, LinregError> {
    let beta0 = Array1::zeros(x.ncols());
    let path = match r.batch {
        None => linreg::gradient_descent(x, y, beta0.view(), r.lr, r.steps, r.measure)?,
        Some(b) => linreg::sgd(x, y, beta0.view(), r.lr, r.steps, b, r.seed, r.measure)?,
    };
    let mut out = String::new();
    // The limit of the gradient used: with minibatches, the batches' own.
    let limit = match r.batch {
        None => linreg::stability_limit(x, r.measure),
        Some(b) => linreg::minibatch_limit(x, r.measure, b),
    };
    match limit {
        Some(limit) => {
            let _ = writeln!(out, "stability_limit={limit}\nabove_limit={}", r.lr > limit);
        }
        None => {
            let _ = writeln!(out, "stability_limit=none\nabove_limit=false");
        }
    }
    for (i, (b, l)) in path.betas.iter().zip(&path.losses).enumerate() {
        let _ = writeln!(out, "step={i} beta={} loss={l:.6e}", list(b.view()));
    }
    let updates = path.betas.len() - 1;
    let planned = r.batch.map_or(r.steps, |b| r.steps * x.nrows().div_ceil(b.max(1)));
    if updates < planned {
        let _ = writeln!(out, "{}", diverged(updates));
    }
    let last = path.betas.last().cloned().unwrap_or(beta0);
    let _ = writeln!(out, "final beta={}", list(last.view()));
    let ls = linreg::least_squares(x, y)?;
    let _ = writeln!(out, "least_squares beta={}", list(ls.view()));
    Ok(out)
}
