//! The counting-ones RNN as plain text: the training trace for `deepstep
//! lab count-rnn --print`.

use crate::math::counting_rnn::{self, Rprop};
use ndarray::ArrayView2;
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
