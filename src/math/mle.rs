//! Maximum-likelihood estimation: the normal distribution's μ and σ, and a
//! categorical distribution's class probabilities.
//!
//!   ℓ(μ, σ)  = Σ_i log N(x_i; μ, σ) = −n log σ − (n/2) log 2π − Σ_i (x_i − μ)² / (2σ²)
//!   ∂ℓ/∂μ    = Σ_i (x_i − μ) / σ²                      = 0  ⇒  μ̂ = x̄
//!   ∂ℓ/∂σ    = −n/σ + Σ_i (x_i − μ)² / σ³              = 0  ⇒  σ̂² = (1/n) Σ_i (x_i − x̄)²
//!
//!   categorical, counts n_k, N = Σ n_k:
//!   ℓ(p)     = Σ_k n_k log p_k,  maximised under Σ p_k = 1 (Lagrange: n_k/p_k = λ, λ = N)
//!   p̂_k     = n_k / N,  and −ℓ(p̂)/N is the cross-entropy of p̂ against the data.
//!
//! The likelihood itself is a product of n densities, e^ℓ: for n in the
//! hundreds it leaves f64's range (below it when the densities are mostly
//! under 1, above it when a narrow σ makes them mostly over 1), which is why
//! everything here works with its log.

use super::rng::Rng;
use ndarray::Array2;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Error)]
pub enum MleError {
    #[error("the sample is empty")]
    Empty,
    #[error("value {position} is not a finite number")]
    NotFinite { position: usize },
    /// Every value is finite, but Σ x_i is beyond f64's largest number.
    #[error("the sum of the values is beyond f64's largest number")]
    SumOverflows,
    /// Σ (x_i − x̄)² is beyond f64's largest number.
    #[error("the sum of squared deviations Σ (x_i − x̄)² is beyond f64's largest number")]
    SpreadOverflows,
    /// The values differ, but Σ (x_i − x̄)² is below f64's smallest normal
    /// number, where it has lost its digits (or rounded to 0).
    #[error("the values differ, but Σ (x_i − x̄)² is below f64's smallest normal number")]
    SpreadUnderflows,
    #[error("σ must be a positive number, got {0}")]
    Sigma(f64),
    #[error("the counts are all zero")]
    AllZero,
}

fn check_sample(x: &[f64]) -> Result<(), MleError> {
    if x.is_empty() {
        return Err(MleError::Empty);
    }
    match x.iter().position(|v| !v.is_finite()) {
        Some(i) => Err(MleError::NotFinite { position: i + 1 }),
        None => Ok(()),
    }
}

fn check_sigma(sigma: f64) -> Result<(), MleError> {
    if sigma.is_finite() && sigma > 0.0 { Ok(()) } else { Err(MleError::Sigma(sigma)) }
}

/// The normal distribution fitted to a sample.
#[derive(Debug, Clone, PartialEq)]
pub struct NormalFit {
    pub n: usize,
    /// Σ x_i, as the derivation writes it (μ̂ = Σ x_i / n).
    pub sum: f64,
    /// Σ (x_i − x̄)², as the derivation writes it (σ̂² = that / n).
    pub sse: f64,
    /// μ̂ = x̄.
    pub mu: f64,
    /// σ̂² = (1/n) Σ (x_i − x̄)², the MLE (biased: E[σ̂²] = (n−1)/n · σ²).
    pub var_mle: f64,
    /// σ̂ = √σ̂²: 0 exactly when every point is the same (n = 1 included).
    pub sigma: f64,
    /// s² = (1/(n−1)) Σ (x_i − x̄)², the unbiased sample variance; None for n = 1.
    pub var_unbiased: Option<f64>,
    /// ℓ(μ̂, σ̂), the maximum; None when σ̂ = 0 (the likelihood is unbounded there).
    pub loglik: Option<f64>,
}

impl NormalFit {
    /// s = √s², the sample standard deviation with n − 1 (not the MLE);
    /// `None` for n = 1.
    pub fn sigma_unbiased(&self) -> Option<f64> {
        self.var_unbiased.map(f64::sqrt)
    }
}

/// x̄ as x_1 + Σ (x_i − x_1)/n: equal values give their own value exactly
/// (a plain Σ x_i / n gives 0.09999999999999999 for ten times 0.1, and then
/// a spread that is not there), and values far from 0 lose fewer digits.
/// Not finite when some x_i − x_1 overflows.
pub fn mean(x: &[f64]) -> f64 {
    let Some(&first) = x.first() else { return f64::NAN };
    first + x.iter().map(|v| v - first).sum::<f64>() / x.len() as f64
}

/// μ̂, σ̂ and the maximum of ℓ in closed form. Refuses a sample whose Σ x_i
/// (shown in the derivation) or Σ (x_i − x̄)² leaves f64's range, saying
/// which; a spread below the smallest normal number would give a σ̂ of a
/// few digits or 0, and 0 would call different values equal.
pub fn fit_normal(x: &[f64]) -> Result<NormalFit, MleError> {
    check_sample(x)?;
    let n = x.len();
    let sum: f64 = x.iter().sum();
    if !sum.is_finite() {
        return Err(MleError::SumOverflows);
    }
    let mu = mean(x);
    let ss: f64 = x.iter().map(|v| (v - mu) * (v - mu)).sum();
    if !ss.is_finite() {
        return Err(MleError::SpreadOverflows);
    }
    if ss < f64::MIN_POSITIVE && x.iter().any(|v| *v != x[0]) {
        return Err(MleError::SpreadUnderflows);
    }
    let var_mle = ss / n as f64;
    let sigma = var_mle.sqrt();
    let var_unbiased = (n > 1).then(|| ss / (n - 1) as f64);
    let loglik = (sigma > 0.0).then(|| loglik(x, mu, sigma).unwrap_or(f64::NEG_INFINITY));
    Ok(NormalFit { n, sum, sse: ss, mu, var_mle, sigma, var_unbiased, loglik })
}

/// Each point's deviation from `mean` and its square: (x_i − x̄, (x_i − x̄)²),
/// the terms `fit_normal` sums into Σ (x_i − x̄)² (in the same order, so
/// their sum is its `sse` exactly).
pub fn deviations(x: &[f64], mean: f64) -> Vec<(f64, f64)> {
    x.iter().map(|v| (v - mean, (v - mean) * (v - mean))).collect()
}

/// One bar of a histogram: the points in [lo, hi) (the last bin also holds hi).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bin {
    pub lo: f64,
    pub hi: f64,
    pub count: usize,
}

/// `bins` equal-width bins from the smallest point to the largest, with the
/// number of points in each (all in one bin when every point is the same).
pub fn histogram(x: &[f64], bins: usize) -> Vec<Bin> {
    let finite: Vec<f64> = x.iter().copied().filter(|v| v.is_finite()).collect();
    let (lo, hi) = finite.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(*v), b.max(*v)));
    if finite.is_empty() || bins == 0 {
        return vec![];
    }
    if hi <= lo {
        return vec![Bin { lo, hi, count: finite.len() }];
    }
    let width = (hi - lo) / bins as f64;
    let mut out: Vec<Bin> =
        (0..bins).map(|i| Bin { lo: lo + width * i as f64, hi: lo + width * (i + 1) as f64, count: 0 }).collect();
    out[bins - 1].hi = hi;
    for v in finite {
        let i = (((v - lo) / width) as usize).min(bins - 1);
        out[i].count += 1;
    }
    out
}

/// log N(x; μ, σ).
pub fn log_density(x: f64, mu: f64, sigma: f64) -> f64 {
    let z = (x - mu) / sigma;
    -sigma.ln() - 0.5 * (std::f64::consts::TAU).ln() - 0.5 * z * z
}

/// ℓ(μ, σ) = Σ log N(x_i; μ, σ).
pub fn loglik(x: &[f64], mu: f64, sigma: f64) -> Result<f64, MleError> {
    check_sample(x)?;
    check_sigma(sigma)?;
    Ok(x.iter().map(|&v| log_density(v, mu, sigma)).sum())
}

/// (∂ℓ/∂μ, ∂ℓ/∂σ) = (Σ (x_i − μ)/σ², −n/σ + Σ (x_i − μ)²/σ³).
pub fn loglik_grad(x: &[f64], mu: f64, sigma: f64) -> Result<(f64, f64), MleError> {
    check_sample(x)?;
    check_sigma(sigma)?;
    let n = x.len() as f64;
    let d: f64 = x.iter().map(|v| v - mu).sum();
    let ss: f64 = x.iter().map(|v| (v - mu) * (v - mu)).sum();
    Ok((d / (sigma * sigma), -n / sigma + ss / sigma.powi(3)))
}

/// Where a likelihood L = e^ℓ lands in f64, read from ℓ: the one comparison
/// the words about the product are chosen by.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum InF64 {
    /// e^ℓ is above f64's largest number (ℓ > ln f64::MAX ≈ 709.78).
    Overflows,
    /// e^ℓ is below half the smallest subnormal (ℓ < about −745.13): 0 in f64.
    Underflows,
    /// e^ℓ rounded once to f64.
    Inside(f64),
}

impl InF64 {
    pub fn of_loglik(loglik: f64) -> InF64 {
        let p = loglik.exp();
        if p.is_infinite() {
            InF64::Overflows
        } else if p == 0.0 {
            InF64::Underflows
        } else {
            InF64::Inside(p)
        }
    }
}

/// Points (x, N(x; μ, σ)) over [lo, hi], for drawing the fitted density.
pub fn density_curve(mu: f64, sigma: f64, lo: f64, hi: f64, points: usize) -> Vec<(f64, f64)> {
    if sigma.is_nan() || sigma <= 0.0 || points < 2 {
        return vec![];
    }
    (0..points)
        .map(|i| {
            let x = lo + (hi - lo) * i as f64 / (points - 1) as f64;
            (x, log_density(x, mu, sigma).exp())
        })
        .collect()
}

/// A seeded sample of n draws from N(μ, σ).
pub fn sample_normal(n: usize, mu: f64, sigma: f64, seed: u64) -> Vec<f64> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| mu + sigma * rng.normal()).collect()
}

/// ℓ over a grid: row r is σ = sigma.0 + r·step (top row the smallest σ),
/// column c is μ = mu.0 + c·step; every σ in the range must be positive.
#[derive(Debug, Clone, PartialEq)]
pub struct Surface {
    pub mu: (f64, f64),
    pub sigma: (f64, f64),
    pub loglik: Array2<f64>,
}

impl Surface {
    /// (μ, σ) at a grid cell.
    pub fn at(&self, row: usize, col: usize) -> (f64, f64) {
        let (rows, cols) = self.loglik.dim();
        let frac = |i: usize, n: usize| if n > 1 { i as f64 / (n - 1) as f64 } else { 0.0 };
        (
            self.mu.0 + (self.mu.1 - self.mu.0) * frac(col, cols),
            self.sigma.0 + (self.sigma.1 - self.sigma.0) * frac(row, rows),
        )
    }

    /// How high ℓ is at a cell, in 0..=1 for shading: on a log scale of the
    /// drop from the top, 1 − log10(1 + ℓmax − ℓ)/log10(1 + ℓmax − ℓmin), so
    /// the ridge near the maximum stays visible however steep the far side is.
    pub fn shade(&self, row: usize, col: usize) -> f64 {
        let (lo, hi) = self.loglik.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(*v), b.max(*v)));
        let span = (1.0 + hi - lo).log10();
        match self.loglik.get((row, col)) {
            Some(v) if span > 0.0 && v.is_finite() => 1.0 - (1.0 + hi - v).log10() / span,
            _ => 0.0,
        }
    }

    /// The grid cell nearest to (μ, σ), if it lies inside the surface.
    pub fn cell_of(&self, mu: f64, sigma: f64) -> Option<(usize, usize)> {
        let (rows, cols) = self.loglik.dim();
        let pos = |v: f64, (lo, hi): (f64, f64), n: usize| {
            let f = (v - lo) / (hi - lo) * (n.max(2) - 1) as f64;
            (f.is_finite() && f > -0.5 && f < n as f64 - 0.5).then(|| f.round().max(0.0) as usize)
        };
        Some((pos(sigma, self.sigma, rows)?, pos(mu, self.mu, cols)?))
    }
}

/// ℓ on a rows × cols grid over μ in `mu` and σ in `sigma` (σ > 0).
pub fn surface(x: &[f64], mu: (f64, f64), sigma: (f64, f64), rows: usize, cols: usize) -> Result<Surface, MleError> {
    check_sample(x)?;
    check_sigma(sigma.0)?;
    check_sigma(sigma.1)?;
    let mut s = Surface { mu, sigma, loglik: Array2::zeros((rows, cols)) };
    for r in 0..rows {
        for c in 0..cols {
            let (m, sd) = s.at(r, c);
            s.loglik[[r, c]] = loglik(x, m, sd)?;
        }
    }
    Ok(s)
}

/// Gradient ascent on the mean log-likelihood ℓ/n (so one learning rate
/// suits any n), each step scaled by the inverse curvature at the top: σ²
/// for μ and σ²/2 for σ (the Fisher information per point is 1/σ² and 2/σ²).
/// Plain steps would be tiny where σ is large and wild where it is small;
/// scaled, one `lr` suits every σ. Far from the top a step is still capped
/// (μ moves at most 2σ, σ at most doubles or halves) so the path stays on
/// the picture. From `start`, `steps` steps; stops early where σ would leave
/// (0, ∞); returns every point, the start first.
pub fn ascent(x: &[f64], start: (f64, f64), lr: f64, steps: usize) -> Result<Vec<(f64, f64)>, MleError> {
    check_sample(x)?;
    check_sigma(start.1)?;
    let n = x.len() as f64;
    let mut path = vec![start];
    let (mut mu, mut sigma) = start;
    for _ in 0..steps {
        let (gm, gs) = loglik_grad(x, mu, sigma)?;
        let s2 = sigma * sigma;
        let d_mu = (lr * s2 * gm / n).clamp(-2.0 * sigma, 2.0 * sigma);
        let d_sigma = (lr * 0.5 * s2 * gs / n).clamp(-0.5 * sigma, sigma);
        let (next_mu, next_sigma) = (mu + d_mu, sigma + d_sigma);
        if !(next_sigma > 0.0 && next_sigma.is_finite() && next_mu.is_finite()) {
            break;
        }
        (mu, sigma) = (next_mu, next_sigma);
        path.push((mu, sigma));
    }
    Ok(path)
}

/// Repeated sampling: the average of each variance estimator over many
/// samples of size n from N(μ, σ), beside the true σ².
#[derive(Debug, Clone, PartialEq)]
pub struct BiasExperiment {
    pub n: usize,
    pub trials: usize,
    pub true_var: f64,
    /// Mean of σ̂² = (1/n) Σ (x_i − x̄)² over the trials.
    pub mean_var_mle: f64,
    /// Mean of s² = (1/(n−1)) Σ (x_i − x̄)²; None for n = 1.
    pub mean_var_unbiased: Option<f64>,
    /// (n − 1)/n: what E[σ̂²]/σ² is in theory.
    pub expected_ratio: f64,
    /// What the trials measured of that ratio: mean σ̂² / σ², and mean s² / σ².
    pub ratio_mle: f64,
    pub ratio_unbiased: Option<f64>,
}

pub fn bias_experiment(n: usize, mu: f64, sigma: f64, trials: usize, seed: u64) -> Result<BiasExperiment, MleError> {
    if n == 0 || trials == 0 {
        return Err(MleError::Empty);
    }
    check_sigma(sigma)?;
    let mut rng = Rng::new(seed);
    let (mut sum_mle, mut sum_unbiased) = (0.0, 0.0);
    let mut x = vec![0.0; n];
    for _ in 0..trials {
        for v in x.iter_mut() {
            *v = mu + sigma * rng.normal();
        }
        let f = fit_normal(&x)?;
        sum_mle += f.var_mle;
        sum_unbiased += f.var_unbiased.unwrap_or(0.0);
    }
    let t = trials as f64;
    let true_var = sigma * sigma;
    let (mean_var_mle, mean_var_unbiased) = (sum_mle / t, (n > 1).then(|| sum_unbiased / t));
    Ok(BiasExperiment {
        n,
        trials,
        true_var,
        mean_var_mle,
        mean_var_unbiased,
        expected_ratio: (n as f64 - 1.0) / n as f64,
        ratio_mle: mean_var_mle / true_var,
        ratio_unbiased: mean_var_unbiased.map(|u| u / true_var),
    })
}

/// The categorical distribution fitted to class counts.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoricalFit {
    pub total: u64,
    /// p̂_k = n_k / N.
    pub p: Vec<f64>,
    /// ℓ(p̂) = Σ n_k log p̂_k; a class with n_k = 0 adds 0 (0·log 0 → 0).
    pub loglik: f64,
    /// −ℓ(p̂)/N: the cross-entropy between the data's frequencies and p̂.
    pub cross_entropy: f64,
}

pub fn fit_categorical(counts: &[u64]) -> Result<CategoricalFit, MleError> {
    if counts.is_empty() {
        return Err(MleError::Empty);
    }
    let total: u64 = counts.iter().sum();
    if total == 0 {
        return Err(MleError::AllZero);
    }
    let n = total as f64;
    let p: Vec<f64> = counts.iter().map(|&c| c as f64 / n).collect();
    let loglik = categorical_loglik(counts, &p);
    Ok(CategoricalFit { total, p, loglik, cross_entropy: -loglik / n })
}

/// ℓ(p) = Σ n_k log p_k, with 0·log p = 0 (a class never seen adds nothing).
pub fn categorical_loglik(counts: &[u64], p: &[f64]) -> f64 {
    counts.iter().zip(p).filter(|(c, _)| **c > 0).map(|(&c, &pk)| c as f64 * pk.ln()).sum()
}

/// A seeded set of counts: N draws over K classes with uneven probabilities.
pub fn sample_counts(k: usize, total: u64, seed: u64) -> Vec<u64> {
    let mut rng = Rng::new(seed);
    let weights: Vec<f64> = (0..k).map(|_| 0.2 + rng.uniform()).collect();
    let sum: f64 = weights.iter().sum();
    let mut counts = vec![0; k];
    for _ in 0..total {
        let mut u = rng.uniform() * sum;
        let mut class = k - 1;
        for (i, w) in weights.iter().enumerate() {
            if u < *w {
                class = i;
                break;
            }
            u -= w;
        }
        counts[class] += 1;
    }
    counts
}

/// The mistakes learners make when they derive or code the normal's MLE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mistake {
    /// Divides by n − 1 and calls √s² the MLE.
    NMinusOne,
    /// Returns the variance σ̂² where σ is asked.
    VarianceForSigma,
    /// Maximises the likelihood product directly (it leaves f64's range).
    Product,
    /// Forgets the minus sign: minimises ℓ, which has no minimum.
    MissingMinus,
    /// Drops −n/σ from ∂ℓ/∂σ, which then has no root.
    SigmaWithoutN,
}

impl Mistake {
    pub const ALL: [Mistake; 5] = [
        Mistake::NMinusOne,
        Mistake::VarianceForSigma,
        Mistake::Product,
        Mistake::MissingMinus,
        Mistake::SigmaWithoutN,
    ];
}

/// What a mistake computes on this sample, and how far that is from σ̂.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MistakeValue {
    /// The σ it returns and |that − σ̂|.
    Sigma { got: f64, off: f64 },
    /// The log of the likelihood product at (μ̂, σ̂) for this sample and for
    /// `n_long` draws (the products are e^ℓ; `InF64::of_loglik` says where
    /// they land in f64).
    /// `long_mean` is ℓ per draw of the long sample (its mean log density).
    Product { here_loglik: f64, n_long: usize, long_loglik: f64, long_mean: f64 },
    /// ℓ keeps falling: ℓ(μ̂, σ̂) and ℓ(μ̂, 10σ̂).
    NoMinimum { at_fit: f64, at_ten: f64 },
    /// The wrong derivative Σ(x − x̄)²/σ³ at σ̂: n/σ̂, never 0.
    NoRoot { at_fit: f64 },
    /// Undefined on this sample, for this reason.
    Undefined(Undefined),
}

/// Why a mistake computes nothing on a sample.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undefined {
    /// n = 1: it divides by n − 1 = 0.
    DividesByZero,
    /// σ̂ = 0 (every point the same): densities at σ = 0 do not exist.
    NoSpread,
}

/// What `m` gives on sample x (whose fit is `f`); `long` is a long sample of
/// the same distribution, for the product that leaves f64's range.
pub fn mistake_value(x: &[f64], f: &NormalFit, m: Mistake, long: &[f64]) -> MistakeValue {
    match m {
        Mistake::NMinusOne => match f.var_unbiased {
            Some(v) => MistakeValue::Sigma { got: v.sqrt(), off: (v.sqrt() - f.sigma).abs() },
            None => MistakeValue::Undefined(Undefined::DividesByZero),
        },
        Mistake::VarianceForSigma => MistakeValue::Sigma { got: f.var_mle, off: (f.var_mle - f.sigma).abs() },
        _ if f.sigma == 0.0 => MistakeValue::Undefined(Undefined::NoSpread),
        Mistake::Product => {
            let long_loglik = loglik(long, f.mu, f.sigma).unwrap_or(f64::NEG_INFINITY);
            MistakeValue::Product {
                here_loglik: loglik(x, f.mu, f.sigma).unwrap_or(f64::NEG_INFINITY),
                n_long: long.len(),
                long_loglik,
                long_mean: long_loglik / long.len().max(1) as f64,
            }
        }
        Mistake::MissingMinus => MistakeValue::NoMinimum {
            at_fit: loglik(x, f.mu, f.sigma).unwrap_or(f64::NEG_INFINITY),
            at_ten: loglik(x, f.mu, 10.0 * f.sigma).unwrap_or(f64::NEG_INFINITY),
        },
        Mistake::SigmaWithoutN => {
            let ss: f64 = x.iter().map(|v| (v - f.mu) * (v - f.mu)).sum();
            MistakeValue::NoRoot { at_fit: ss / f.sigma.powi(3) }
        }
    }
}
