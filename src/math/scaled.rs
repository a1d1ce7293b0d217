//! Arrays that carry a power-of-ten scale, so exploding or vanishing
//! gradients keep a meaningful size where plain f64 would give inf or 0.
//!
//! A value is `mantissa × 10^log10_scale`. While the mantissa's norm stays in
//! 1e-100..1e100 the scale is untouched (exactly 0 in every ordinary case, so
//! ordinary results are bit-for-bit the plain computation); outside that band
//! `renormalise` moves whole powers of ten from the mantissa into the scale.

use ndarray::{Array, Dimension, Zip};

const HIGH: f64 = 1e100;
const LOW: f64 = 1e-100;

/// Euclidean norm without overflow or underflow in the squares: the plain sum
/// when it is safely inside f64's range, else relative to the largest entry.
pub fn norm(values: impl Iterator<Item = f64> + Clone) -> f64 {
    let plain: f64 = values.clone().map(|v| v * v).sum();
    if plain.is_finite() && plain > 1e-290 {
        return plain.sqrt();
    }
    let top = values.clone().fold(0.0f64, |m, v| m.max(v.abs()));
    if top == 0.0 || !top.is_finite() {
        return top;
    }
    top * values.map(|v| (v / top) * (v / top)).sum::<f64>().sqrt()
}

/// log10 of the norm of `values` × 10^log10_scale; −inf only when every
/// value is exactly zero. `Scaled::log10_norm`, `ScaledRows::log10_norms`
/// and BPTT's per-step norms all go through it, so they agree bit for bit.
pub fn log10_norm_of(values: impl Iterator<Item = f64> + Clone, log10_scale: f64) -> f64 {
    norm(values).log10() + log10_scale
}

/// Each log10 as the f64 it stands for (`inf` only beyond f64's range).
pub fn from_log10(logs: &[f64]) -> Vec<f64> {
    logs.iter().map(|l| 10f64.powf(*l)).collect()
}

/// One entry v × 10^log10_scale as (sign, log10 of its size): exact where
/// the value itself is beyond f64 (−inf for zero).
pub fn signed_log10(v: f64, log10_scale: f64) -> (f64, f64) {
    (v.signum(), if v == 0.0 { f64::NEG_INFINITY } else { v.abs().log10() + log10_scale })
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scaled<D: Dimension> {
    pub mantissa: Array<f64, D>,
    pub log10_scale: f64,
}

impl<D: Dimension> Scaled<D> {
    pub fn plain(mantissa: Array<f64, D>) -> Self {
        Scaled { mantissa, log10_scale: 0.0 }
    }

    /// Euclidean norm of the mantissa.
    pub fn mantissa_norm(&self) -> f64 {
        norm(self.mantissa.iter().copied())
    }

    /// log10 of the true norm; -inf only when the value is exactly zero.
    pub fn log10_norm(&self) -> f64 {
        log10_norm_of(self.mantissa.iter().copied(), self.log10_scale)
    }

    /// The true norm as f64: `inf` only when it is beyond f64's range.
    pub fn norm(&self) -> f64 {
        if self.log10_scale == 0.0 { self.mantissa_norm() } else { 10f64.powf(self.log10_norm()) }
    }

    /// The true values as f64 (entries beyond f64's range become ±inf, tiny
    /// ones 0): for display and comparison in the ordinary range.
    pub fn to_plain(&self) -> Array<f64, D> {
        if self.log10_scale == 0.0 {
            return self.mantissa.clone();
        }
        let f = 10f64.powf(self.log10_scale);
        if f.is_finite() && f > 0.0 {
            self.mantissa.mapv(|v| v * f)
        } else {
            let s = self.log10_scale;
            self.mantissa.mapv(|v| {
                let (sign, l) = signed_log10(v, s);
                if v == 0.0 { 0.0 } else { sign * 10f64.powf(l) }
            })
        }
    }

    /// Move powers of ten between mantissa and scale when the mantissa's norm
    /// leaves 1e-100..1e100.
    pub fn renormalise(&mut self) {
        let n = self.mantissa_norm();
        if n.is_finite() && n > 0.0 && !(LOW..=HIGH).contains(&n) {
            let k = n.log10().floor();
            let f = 10f64.powf(-k);
            self.mantissa.mapv_inplace(|v| v * f);
            self.log10_scale += k;
        }
    }

    /// self += other × 10^other_scale, keeping the larger of the two scales.
    pub fn add_scaled(&mut self, other: &Array<f64, D>, other_scale: f64) {
        if self.mantissa.iter().all(|v| *v == 0.0) {
            // Nothing to keep: take the other value with its own scale.
            self.mantissa.assign(other);
            self.log10_scale = other_scale;
        } else if other_scale == self.log10_scale {
            self.mantissa += other;
        } else if other_scale > self.log10_scale {
            let f = 10f64.powf(self.log10_scale - other_scale);
            Zip::from(&mut self.mantissa).and(other).for_each(|a, &b| *a = *a * f + b);
            self.log10_scale = other_scale;
        } else {
            let f = 10f64.powf(other_scale - self.log10_scale);
            Zip::from(&mut self.mantissa).and(other).for_each(|a, &b| *a += b * f);
        }
        self.renormalise();
    }
}
