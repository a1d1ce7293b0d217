//! Recurrent weights of a chosen spectral radius, and the spectral norm.

use crate::math::rng::Rng;
use ndarray::{Array1, Array2};

/// An H×H matrix whose spectral radius is exactly `radius`:
/// W = Q diag(λ) Qᵀ with Q orthogonal (Gram–Schmidt of a Gaussian matrix),
/// λ_1 = radius and the other |λ_i| ≤ 0.8·radius. The gap makes the dominant
/// mode, whose growth rate the lab shows, take over within a few dozen steps.
pub fn with_spectral_radius(h: usize, radius: f64, rng: &mut Rng) -> Array2<f64> {
    let q = random_orthogonal(h, rng);
    let lambda: Vec<f64> = (0..h).map(|i| if i == 0 { radius } else { radius * rng.range(-0.8, 0.8) }).collect();
    // Q diag(λ) Qᵀ as (Q with column k scaled by λ_k) · Qᵀ.
    let mut ql = q.clone();
    for (k, mut col) in ql.columns_mut().into_iter().enumerate() {
        col.mapv_inplace(|v| v * lambda[k]);
    }
    ql.dot(&q.t())
}

/// Modified Gram–Schmidt on the rows of a Gaussian matrix (rows are
/// contiguous, so this runs in cache); the result's rows, and so its columns,
/// are orthonormal.
fn random_orthogonal(h: usize, rng: &mut Rng) -> Array2<f64> {
    loop {
        let mut q = rng.normal_matrix(h, h, 1.0);
        let mut ok = true;
        for k in 0..h {
            let (done, mut rest) = q.view_mut().split_at(ndarray::Axis(0), k);
            let mut row = rest.row_mut(0);
            for prev in done.rows() {
                let d = row.dot(&prev);
                row.scaled_add(-d, &prev);
            }
            let n = row.dot(&row).sqrt();
            if n < 1e-8 {
                ok = false; // a (vanishingly unlikely) dependent draw: draw again
                break;
            }
            row.mapv_inplace(|v| v / n);
        }
        if ok {
            return q;
        }
    }
}

/// The largest singular value of W (power iteration on WᵀW): the bound on how
/// much one step of a linear map can stretch a vector.
pub fn spectral_norm(w: &Array2<f64>) -> f64 {
    let mut v = Array1::from_elem(w.ncols(), 1.0 / (w.ncols().max(1) as f64).sqrt());
    let mut sigma = 0.0;
    for _ in 0..500 {
        let wv = w.dot(&v);
        let u = w.t().dot(&wv);
        let n = u.dot(&u).sqrt();
        if n == 0.0 {
            return 0.0;
        }
        let next = wv.dot(&wv).sqrt();
        v = u / n;
        if (next - sigma).abs() <= 1e-13 * next {
            return next;
        }
        sigma = next;
    }
    sigma
}
