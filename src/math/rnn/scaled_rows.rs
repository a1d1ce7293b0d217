//! Rows of numbers each with its own power of ten, so that states and
//! gradients beyond f64 (10^477 at ρ = 3, T = 1000) are still numbers.

use crate::math::scaled::Scaled;
use ndarray::{Array1, Array2, Ix1};

/// Rows of values, each row with its own power-of-ten scale:
/// row t is `mantissa.row(t) × 10^log10_scale[t]`.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaledRows {
    pub mantissa: Array2<f64>,
    pub log10_scale: Vec<f64>,
}

impl ScaledRows {
    pub(super) fn zeros(rows: usize, cols: usize) -> Self {
        ScaledRows { mantissa: crate::math::fresh::zeros((rows, cols)), log10_scale: vec![0.0; rows] }
    }

    pub fn rows(&self) -> usize {
        self.mantissa.nrows()
    }

    pub fn row(&self, t: usize) -> Scaled<Ix1> {
        Scaled { mantissa: self.mantissa.row(t).to_owned(), log10_scale: self.log10_scale[t] }
    }

    pub(super) fn set_row(&mut self, t: usize, v: &Scaled<Ix1>) {
        self.set(t, &v.mantissa, v.log10_scale);
    }

    /// Row t becomes `mantissa × 10^log10_scale`.
    pub(super) fn set(&mut self, t: usize, mantissa: &Array1<f64>, log10_scale: f64) {
        self.mantissa.row_mut(t).assign(mantissa);
        self.log10_scale[t] = log10_scale;
    }

    pub(super) fn add_row(&mut self, t: usize, v: &Array1<f64>, scale: f64) {
        let mut r = if self.log10_scale[t] == scale {
            let mut row = self.mantissa.row_mut(t);
            row += v;
            let n = crate::math::scaled::norm(row.iter().copied());
            if n == 0.0 || (1e-100..=1e100).contains(&n) {
                return; // the common case: no rescaling needed
            }
            self.row(t)
        } else {
            let mut r = self.row(t);
            r.add_scaled(v, scale);
            r
        };
        r.renormalise();
        self.set_row(t, &r);
    }

    /// log10 of each row's norm (−inf for an exactly zero row).
    pub fn log10_norms(&self) -> Vec<f64> {
        let rows = self.mantissa.rows().into_iter().zip(&self.log10_scale);
        rows.map(|(row, scale)| crate::math::scaled::log10_norm_of(row.iter().copied(), *scale)).collect()
    }

    /// Each row's norm as f64 (inf only beyond f64's range).
    pub fn norms(&self) -> Vec<f64> {
        crate::math::scaled::from_log10(&self.log10_norms())
    }

    pub fn to_plain(&self) -> Array2<f64> {
        let mut out = self.mantissa.clone();
        for t in 0..self.rows() {
            out.row_mut(t).assign(&self.row(t).to_plain());
        }
        out
    }
}
