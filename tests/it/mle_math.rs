//! The MLE math against independent computations, where `cargo mutants`
//! found changes the other tests did not notice.

use deepstep::math::mle;

/// σ̂² is Σ(x − x̄)²/n computed in two passes, which stays accurate for a
/// sample far from zero (an error δ in x̄ adds only n·δ²). The one-pass
/// Σx² − n·x̄² (the same sum on paper) loses every digit there. The
/// reference: the stored values minus the shift, exactly (Sterbenz), whose
/// spread is the same and whose mean is near 0.
#[test]
fn the_fitted_variance_does_not_cancel_for_a_sample_far_from_zero() {
    let x = [0.1, 0.2, 0.7, 1.3, -0.45];
    for shift in [1e6, 1e9, 1e12, -1e12] {
        let far: Vec<f64> = x.iter().map(|v| v + shift).collect();
        let d: Vec<f64> = far.iter().map(|v| v - shift).collect();
        let n = d.len() as f64;
        let mean = d.iter().sum::<f64>() / n;
        let ss: f64 = d.iter().map(|v| (v - mean).powi(2)).sum();
        let f = mle::fit_normal(&far).unwrap();
        assert!((f.mu - shift - mean).abs() < 1e-3, "{shift}: μ̂ {}", f.mu);
        assert!((f.var_mle - ss / n).abs() < 1e-6 * ss / n, "{shift}: σ̂² {} vs {}", f.var_mle, ss / n);
        let s2 = f.var_unbiased.unwrap();
        assert!((s2 - ss / (n - 1.0)).abs() < 1e-6 * s2, "{shift}: s² {s2}");
        assert!((f.sigma - (ss / n).sqrt()).abs() < 1e-6 * f.sigma, "{shift}: σ̂ {}", f.sigma);
    }
}

/// The fitted density drawn beside the histogram: `points` x's evenly from
/// lo to hi (both ends included), each with N(x; μ, σ) written out; two
/// points are the two ends; fewer, or σ that is not positive, draw nothing.
#[test]
fn the_density_curve_is_the_normal_density_at_evenly_spaced_points() {
    let (mu, sigma) = (1.5, 0.8);
    let normal =
        |x: f64| (-(x - mu) * (x - mu) / (2.0 * sigma * sigma)).exp() / (sigma * (2.0 * std::f64::consts::PI).sqrt());
    for (lo, hi, points) in [(-2.0, 5.0, 8), (0.5, 0.75, 3), (-1.0, 4.0, 2)] {
        let c = mle::density_curve(mu, sigma, lo, hi, points);
        assert_eq!(c.len(), points);
        for (i, (x, y)) in c.iter().enumerate() {
            let want = lo + (hi - lo) * i as f64 / (points - 1) as f64;
            assert!((x - want).abs() < 1e-12, "point {i}: x {x}, want {want}");
            assert!((y - normal(*x)).abs() < 1e-12 * normal(*x).max(1e-300), "point {i}: {y} vs {}", normal(*x));
        }
        assert_eq!((c[0].0, c[points - 1].0), (lo, hi));
    }
    // The area under 2001 points over μ ± 8σ is 1 (trapezoids).
    let c = mle::density_curve(mu, sigma, mu - 8.0 * sigma, mu + 8.0 * sigma, 2001);
    let area: f64 = c.windows(2).map(|w| (w[1].0 - w[0].0) * (w[0].1 + w[1].1) / 2.0).sum();
    assert!((area - 1.0).abs() < 1e-5, "{area}");
    for (s, points) in [(0.0, 10), (-1.0, 10), (f64::NAN, 10), (1.0, 1), (1.0, 0)] {
        assert!(mle::density_curve(0.0, s, -1.0, 1.0, points).is_empty(), "σ {s}, {points} points");
    }
}
