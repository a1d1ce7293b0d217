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
        self.mantissa_norm().log10() + self.log10_scale
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

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn ordinary_values_are_untouched() {
        let mut s = Scaled::plain(array![3.0, 4.0]);
        s.renormalise();
        assert_eq!(s.log10_scale, 0.0);
        assert_eq!(s.norm(), 5.0);
        s.add_scaled(&array![1.0, 1.0], 0.0);
        assert_eq!(s.to_plain(), array![4.0, 5.0]);
    }

    #[test]
    fn huge_values_keep_their_log_norm() {
        let mut s = Scaled::plain(array![3e200, 4e200]);
        s.renormalise();
        assert!(s.log10_scale > 0.0);
        assert!((s.log10_norm() - (5e200f64).log10()).abs() < 1e-12);
        // Multiply by 1e300 four times: far beyond f64, log stays right.
        for _ in 0..4 {
            s.mantissa.mapv_inplace(|v| v * 1e300);
            s.renormalise();
        }
        assert!((s.log10_norm() - (1200.0 + 5e200f64.log10())).abs() < 1e-9);
        assert!(s.norm().is_infinite());
        // A zero value takes on the scale of what is added to it.
        let mut z = Scaled::plain(array![0.0, 0.0]);
        z.add_scaled(&array![3.0, 4.0], -500.0);
        assert!((z.log10_norm() + 500.0 - 5f64.log10()).abs() < 1e-12);
        // Adding an ordinary value to a huge one leaves the huge one.
        s.add_scaled(&array![1.0, 1.0], 0.0);
        assert!((s.log10_norm() - (1200.0 + 5e200f64.log10())).abs() < 1e-9);
    }

    /// Inside f64's comfortable range the norm is the plain sum of squares,
    /// bit for bit; outside it (squares that overflow or underflow) the
    /// scaled sum gives the same value to rounding.
    #[test]
    fn norms_are_plain_inside_the_range_and_exact_outside() {
        let mut r = crate::math::rng::Rng::new(3);
        for n in [1, 2, 5, 17] {
            let v: Vec<f64> = (0..n).map(|_| r.normal() * 1e3).collect();
            let plain = v.iter().map(|x| x * x).sum::<f64>().sqrt();
            assert_eq!(norm(v.iter().copied()).to_bits(), plain.to_bits(), "{v:?}");
            for scale in [1e-200, 1e200] {
                let big: Vec<f64> = v.iter().map(|x| x * scale).collect();
                let got = norm(big.iter().copied());
                assert!((got / (plain * scale) - 1.0).abs() < 1e-14, "{n} at {scale:e}: {got:e}");
            }
        }
        assert_eq!(norm([0.0, 0.0].into_iter()), 0.0);
        assert_eq!(norm([1.0, f64::INFINITY].into_iter()), f64::INFINITY);
    }

    /// Values past f64 as numbers: the true entries where they fit again.
    #[test]
    fn plain_values_and_sums_across_scales() {
        // 1e−300 × 10^400 = 1e100, though 10^400 alone is beyond f64.
        let s = Scaled { mantissa: array![1e-300, -2e-300], log10_scale: 400.0 };
        let p = s.to_plain();
        assert!((p[0] / 1e100 - 1.0).abs() < 1e-12 && (p[1] / -2e100 - 1.0).abs() < 1e-12, "{p}");
        // And 1e100 × 10^−330 = 1e−230, though 10^−330 alone rounds to 0.
        let s = Scaled { mantissa: array![1e100], log10_scale: -330.0 };
        assert!((s.to_plain()[0] / 1e-230 - 1.0).abs() < 1e-12, "{}", s.to_plain());
        let s = Scaled { mantissa: array![1.5, 0.0], log10_scale: 3.0 };
        assert_eq!(s.to_plain(), array![1500.0, 0.0]);
        assert!((s.norm() - 1500.0).abs() < 1e-9);
        // Adding at a smaller and at a larger scale: (1000, 2000) + (50, 60), both ways.
        for (mine, theirs) in
            [((array![1.0, 2.0], 3.0), (array![5.0, 6.0], 1.0)), ((array![5.0, 6.0], 1.0), (array![1.0, 2.0], 3.0))]
        {
            let mut a = Scaled { mantissa: mine.0, log10_scale: mine.1 };
            a.add_scaled(&theirs.0, theirs.1);
            let got = a.to_plain();
            assert!((got[0] - 1050.0).abs() < 1e-9 && (got[1] - 2060.0).abs() < 1e-9, "{got}");
            assert_eq!(a.log10_scale, 3.0, "the larger scale is kept");
        }
    }

    #[test]
    fn tiny_values_stay_nonzero() {
        let mut s = Scaled::plain(array![1e-200]);
        s.renormalise();
        for _ in 0..3 {
            s.mantissa.mapv_inplace(|v| v * 1e-200);
            s.renormalise();
        }
        assert!((s.log10_norm() + 800.0).abs() < 1e-9);
        assert_eq!(s.to_plain()[0], 0.0);
    }
}
