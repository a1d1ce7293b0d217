//! Questions drawn for each round from `math::mle`: a small sample of whole
//! numbers, and its maximum-likelihood μ̂ or σ̂. The answer and the worked
//! solution come from the same `fit_normal`, so they cannot disagree.

use super::question::Answer;
use crate::math::format::num;
use crate::math::mle::{self, NormalFit};
use crate::math::rng::Rng;
use crate::text::Text;

/// Hand arithmetic with a square root: two decimals are enough.
pub const TOLERANCE: f64 = 0.005;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleAsk {
    Mean,
    Sigma,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SampleQuestion {
    pub x: Vec<f64>,
    pub fit: NormalFit,
    pub ask: SampleAsk,
}

/// A sample of 3 to 6 whole numbers from 0 to 10 with some spread, the
/// question about it and its answer.
pub fn generate(ask: SampleAsk, seed: u64) -> Option<(SampleQuestion, Answer)> {
    let mut rng = Rng::new(seed ^ 0x5eed_5a3b_1e00_0001);
    let n = 3 + rng.below(4);
    let mut x: Vec<f64> = (0..n).map(|_| rng.below(11) as f64).collect();
    if x.iter().all(|v| *v == x[0]) {
        // A sample with no spread has σ̂ = 0: move one point so there is something to estimate.
        x[0] = if x[0] < 5.0 { x[0] + 3.0 } else { x[0] - 3.0 };
    }
    let fit = mle::fit_normal(&x).ok()?;
    let value = match ask {
        SampleAsk::Mean => fit.mu,
        SampleAsk::Sigma => fit.sigma,
    };
    Some((SampleQuestion { x, fit, ask }, Answer::Numeric { value, tolerance: TOLERANCE }))
}

impl SampleQuestion {
    fn list(&self) -> String {
        self.x.iter().map(|v| num(*v)).collect::<Vec<_>>().join(", ")
    }

    pub fn prompt(&self, t: &Text) -> Vec<String> {
        let q = &t.quiz;
        vec![
            (q.gen_sample)(&self.list()),
            match self.ask {
                SampleAsk::Mean => q.gen_ask_mean,
                SampleAsk::Sigma => q.gen_ask_sigma,
            }
            .to_string(),
        ]
    }

    pub fn hint(&self, t: &Text) -> &'static str {
        match self.ask {
            SampleAsk::Mean => t.quiz.gen_hint_mean,
            SampleAsk::Sigma => t.quiz.gen_hint_sigma,
        }
    }

    /// The worked solution from the same fit as the answer.
    pub fn solution(&self, t: &Text) -> Vec<String> {
        let q = &t.quiz;
        let f = &self.fit;
        let n = self.x.len();
        let sum: f64 = self.x.iter().sum();
        let mut lines = vec![(q.gen_why_mean)(&num(sum), n, &num(f.mu))];
        if self.ask == SampleAsk::Sigma {
            let squares: Vec<String> = self.x.iter().map(|v| num((v - f.mu) * (v - f.mu))).collect();
            let ss = f.var_mle * n as f64;
            // The terms are rounded for display: where they no longer add up
            // to the sum shown, the sum is joined to them with ≈, not =.
            let shown: f64 = squares.iter().filter_map(|s| s.parse::<f64>().ok()).sum();
            let eq = if num(shown) == num(ss) { "=" } else { "≈" };
            lines.push((q.gen_why_sigma)(&squares.join(" + "), eq, &num(ss), n, &num(f.var_mle), &num(f.sigma)));
            if let Some(s2) = f.var_unbiased {
                lines.push((q.gen_why_unbiased)(&num(ss), n - 1, &num(s2), &num(s2.sqrt())));
            }
        }
        lines
    }
}
