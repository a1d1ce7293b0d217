//! The exercises as plain text: training traces for `deepstep lab count-rnn
//! --print` and `deepstep lab linreg --print`.

use crate::math::counting_rnn::{self, Rprop};
use crate::math::linreg::{self, ErrorMeasure, LinregError};
use ndarray::{Array1, ArrayView1, ArrayView2};
use std::fmt::Write;

/// How the counting RNN is trained.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Training {
    Rprop(Rprop),
    Gd { lr: f64 },
}

/// `iteration=<i> w_x=<v> w_rec=<v>` after every 50th update, then `final ...`;
/// a diverging descent says after how many updates it stopped.
pub fn count_rnn(
    x: ArrayView2<f64>,
    start: (f64, f64),
    training: Training,
    iterations: usize,
    diverged: fn(updates: usize) -> String,
) -> String {
    let path = match training {
        Training::Rprop(r) => counting_rnn::train_rprop(x, start, r, iterations),
        Training::Gd { lr } => counting_rnn::train_gd(x, start, lr, iterations),
    };
    let mut out = String::new();
    for (i, (wx, wr)) in path.iter().enumerate().skip(1) {
        if i % 50 == 0 {
            let _ = writeln!(out, "iteration={i} w_x={wx:.6} w_rec={wr:.6}");
        }
    }
    if path.len() <= iterations {
        let _ = writeln!(out, "{}", diverged(path.len() - 1));
    }
    let (wx, wr) = path.last().copied().unwrap_or(start);
    let _ = writeln!(out, "final w_x={wx:.6} w_rec={wr:.6}");
    out
}

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

/// `step=<i> beta=<...> loss=<...>` per update, then `final beta=...` and
/// `least_squares beta=...`; a diverging descent says where it stopped.
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
