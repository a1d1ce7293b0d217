//! The MLE math against independent computations, where `cargo mutants`
//! found changes the other tests did not notice.

use deepstep::math::mle;

/// The mean and Σ(x − mean)², the plain two-pass definitions.
fn mean_and_ss(x: &[f64]) -> (f64, f64) {
    let mean = x.iter().sum::<f64>() / x.len() as f64;
    (mean, x.iter().map(|v| (v - mean).powi(2)).sum())
}

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
        let (mean, ss) = mean_and_ss(&d);
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

/// Σ log N(x_i; μ, σ), written out.
fn loglik_by_hand(x: &[f64], mu: f64, sigma: f64) -> f64 {
    x.iter()
        .map(|v| -((v - mu) * (v - mu)) / (2.0 * sigma * sigma) - sigma.ln() - 0.5 * (2.0 * std::f64::consts::PI).ln())
        .sum()
}

/// The ℓ surface of the lab: cell (r, c) is μ = μ_lo + c/(cols − 1) of the
/// μ range and σ = σ_lo + r/(rows − 1) of the σ range, its value ℓ there;
/// `cell_of` finds the nearest cell and nothing beyond half a cell outside;
/// the shade is 1 − log10(1 + ℓmax − ℓ)/log10(1 + ℓmax − ℓmin).
#[test]
fn the_likelihood_surface_its_cells_and_shades() {
    let x = [2.1, 3.4, 1.7, 2.9, 4.2, 2.6];
    let (mu, sigma, rows, cols) = ((1.0, 4.0), (0.5, 2.5), 5, 7);
    let s = mle::surface(&x, mu, sigma, rows, cols).unwrap();
    assert_eq!(s.loglik.dim(), (rows, cols));
    let (lo, hi) = s.loglik.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(*v), b.max(*v)));
    for r in 0..rows {
        for c in 0..cols {
            let (m, sd) = (1.0 + 3.0 * c as f64 / 6.0, 0.5 + 2.0 * r as f64 / 4.0);
            let (gm, gs) = s.at(r, c);
            assert!((gm - m).abs() < 1e-12 && (gs - sd).abs() < 1e-12, "cell ({r}, {c}) at ({gm}, {gs})");
            let want = loglik_by_hand(&x, m, sd);
            assert!((s.loglik[[r, c]] - want).abs() < 1e-9 * want.abs(), "ℓ at ({r}, {c})");
            let shade = 1.0 - (1.0 + hi - want).log10() / (1.0 + hi - lo).log10();
            assert!((s.shade(r, c) - shade).abs() < 1e-9, "shade at ({r}, {c}): {} vs {shade}", s.shade(r, c));
            assert_eq!(s.cell_of(m, sd), Some((r, c)));
            // Within a third of a cell it is still this cell.
            assert_eq!(s.cell_of(m + 0.5 / 3.0 * 0.99, sd - 0.5 / 3.0 * 0.99), Some((r, c)));
        }
    }
    assert_eq!(s.shade(rows, 0), 0.0, "outside the grid");
    // Half a cell beyond the edges (a cell is 0.5 wide in μ and in σ) is outside.
    for (m, sd) in [(1.0 - 0.26, 1.0), (4.0 + 0.26, 1.0), (2.0, 0.5 - 0.26), (2.0, 2.5 + 0.26), (f64::NAN, 1.0)] {
        assert_eq!(s.cell_of(m, sd), None, "({m}, {sd})");
    }
    for (m, sd, want) in [(1.0 - 0.24, 0.5 - 0.24, (0, 0)), (4.0 + 0.24, 2.5 + 0.24, (4, 6))] {
        assert_eq!(s.cell_of(m, sd), Some(want), "({m}, {sd})");
    }
    // One column: every cell is at the range's start.
    let one = mle::surface(&x, mu, sigma, 3, 1).unwrap();
    assert_eq!(one.at(2, 0), (1.0, 2.5));
    // A flat surface (every ℓ equal) has nothing to shade.
    let flat = mle::Surface { mu, sigma, loglik: ndarray::Array2::from_elem((2, 2), -3.0) };
    assert_eq!(flat.shade(0, 0), 0.0);
    assert!(mle::surface(&x, mu, (0.0, 1.0), 2, 2).is_err() && mle::surface(&x, mu, (1.0, -1.0), 2, 2).is_err());
}

/// Each ascent step, recomputed: the mean log-likelihood's gradient (written
/// out) times σ² for μ and σ²/2 for σ, capped at 2σ for μ and at halving or
/// doubling for σ; a step to a σ that is not a positive number ends the path.
#[test]
fn each_ascent_step_is_the_scaled_capped_gradient_step() {
    let x = [2.1, 3.4, 1.7, 2.9, 4.2, 2.6];
    let n = x.len() as f64;
    for (start, lr) in [((0.0, 0.3), 0.5), ((2.0, 5.0), 1.0), ((10.0, 1.0), 0.2), ((3.0, 1.0), 3.0)] {
        let path = mle::ascent(&x, start, lr, 25).unwrap();
        assert_eq!(path[0], start);
        assert_eq!(path.len(), 26, "{start:?}: no step leaves (0, ∞)");
        let mut capped = 0;
        for w in path.windows(2) {
            let ((mu, sigma), (mu2, sigma2)) = (w[0], w[1]);
            let gm: f64 = x.iter().map(|v| (v - mu) / (sigma * sigma)).sum();
            let gs: f64 = -n / sigma + x.iter().map(|v| (v - mu).powi(2) / sigma.powi(3)).sum::<f64>();
            let raw = (lr * sigma * sigma * gm / n, lr * sigma * sigma / 2.0 * gs / n);
            let want = (raw.0.clamp(-2.0 * sigma, 2.0 * sigma), raw.1.clamp(-sigma / 2.0, sigma));
            capped += usize::from(want != raw);
            assert!(
                (mu2 - mu - want.0).abs() < 1e-9 * (1.0 + mu.abs()),
                "{start:?}: μ step {} vs {}",
                mu2 - mu,
                want.0
            );
            assert!(
                (sigma2 - sigma - want.1).abs() < 1e-9 * sigma,
                "{start:?}: σ step {} vs {}",
                sigma2 - sigma,
                want.1
            );
        }
        if start == (10.0, 1.0) || start == (0.0, 0.3) {
            assert!(capped > 0, "{start:?}: far from the top the cap acts");
        }
    }
    // An infinite rate takes the capped steps; no rate at all, or a σ so
    // small that σ² is 0 (the step is 0 · ∞), gives no step: the start alone.
    assert_eq!(mle::ascent(&x, (0.0, 1.0), f64::INFINITY, 1).unwrap(), vec![(0.0, 1.0), (2.0, 2.0)]);
    assert_eq!(mle::ascent(&x, (0.0, 1.0), f64::NAN, 5).unwrap(), vec![(0.0, 1.0)]);
    assert_eq!(mle::ascent(&x, (0.0, 1e-200), 0.5, 5).unwrap(), vec![(0.0, 1e-200)]);
    // At μ = x̄ exactly an infinite rate makes μ's step 0 · ∞ while σ's is
    // capped: a path never takes a step with either one undefined.
    assert_eq!(mle::ascent(&[1.0, 3.0], (2.0, 2.0), f64::INFINITY, 3).unwrap(), vec![(2.0, 2.0)]);
    assert!(mle::ascent(&x, (0.0, 0.0), 0.5, 5).is_err() && mle::ascent(&[], (0.0, 1.0), 0.5, 5).is_err());
}

/// The lab's seeded samples are N(μ, σ): 20,000 draws have mean μ within
/// four standard errors and standard deviation σ within 2%, at two (μ, σ).
#[test]
fn seeded_samples_have_the_asked_mean_and_spread() {
    for (mu, sigma, seed) in [(5.0, 0.5, 1), (-2.0, 3.0, 2)] {
        let x = mle::sample_normal(20_000, mu, sigma, seed);
        let n = x.len() as f64;
        let (mean, ss) = mean_and_ss(&x);
        let sd = (ss / n).sqrt();
        assert!((mean - mu).abs() < 4.0 * sigma / n.sqrt(), "mean {mean} for μ {mu}");
        assert!((sd / sigma - 1.0).abs() < 0.02, "sd {sd} for σ {sigma}");
        assert_eq!(x, mle::sample_normal(20_000, mu, sigma, seed), "the same seed, the same sample");
    }
}

/// The counts lesson's seeded data: K classes drawn with probabilities
/// proportional to 0.2 + U(0, 1) (the seed's first K uniforms), so uneven but
/// none rare; 100,000 draws land within four standard errors of them.
#[test]
fn seeded_counts_follow_their_uneven_probabilities() {
    for (k, seed) in [(4, 9), (6, 3)] {
        let total = 100_000u64;
        let counts = mle::sample_counts(k, total, seed);
        assert_eq!(counts.len(), k);
        assert_eq!(counts.iter().sum::<u64>(), total);
        let mut r = deepstep::math::rng::Rng::new(seed);
        let w: Vec<f64> = (0..k).map(|_| 0.2 + r.uniform()).collect();
        let sum: f64 = w.iter().sum();
        for (c, wk) in counts.iter().zip(&w) {
            let p = wk / sum;
            let se = (p * (1.0 - p) / total as f64).sqrt();
            assert!((*c as f64 / total as f64 - p).abs() < 4.0 * se, "{k} classes: {c} for p {p}");
        }
    }
}

/// The bias experiment refuses an empty sample and zero trials, and its
/// averages are those of the fits of the samples it draws.
#[test]
fn the_bias_experiment_averages_its_fits_and_refuses_nothing_to_average() {
    assert!(mle::bias_experiment(0, 0.0, 1.0, 10, 1).is_err());
    assert!(mle::bias_experiment(5, 0.0, 1.0, 0, 1).is_err());
    assert!(mle::bias_experiment(5, 0.0, 0.0, 10, 1).is_err());
    let (n, mu, sigma, trials) = (4, 3.0, 2.0, 500);
    let e = mle::bias_experiment(n, mu, sigma, trials, 7).unwrap();
    let mut r = deepstep::math::rng::Rng::new(7);
    let (mut a, mut b) = (0.0, 0.0);
    for _ in 0..trials {
        let x: Vec<f64> = (0..n).map(|_| mu + sigma * r.normal()).collect();
        let (_, ss) = mean_and_ss(&x);
        a += ss / n as f64;
        b += ss / (n - 1) as f64;
    }
    assert!((e.mean_var_mle - a / trials as f64).abs() < 1e-12);
    assert!((e.mean_var_unbiased.unwrap() - b / trials as f64).abs() < 1e-12);
    assert_eq!((e.true_var, e.expected_ratio, e.n, e.trials), (4.0, 0.75, n, trials));
}

/// The mistakes panel's numbers: ℓ at ten times σ̂ (the minimum a missing
/// minus sign looks for is never reached), written out; the derivative
/// without −n/σ at σ̂, which is n/σ̂ (exactly, even for a sample far from
/// zero); on a sample of equal points only "the variance for σ" and ÷ (n − 1) are defined.
#[test]
fn the_mistakes_values_against_their_definitions() {
    let x = [1.0, 2.0, 4.0, 5.5, 2.5];
    let f = mle::fit_normal(&x).unwrap();
    let long = mle::sample_normal(100, f.mu, f.sigma, 3);
    let mle::MistakeValue::NoMinimum { at_fit, at_ten } = mle::mistake_value(&x, &f, mle::Mistake::MissingMinus, &long)
    else {
        panic!("a missing minus has no minimum")
    };
    assert!((at_fit - loglik_by_hand(&x, f.mu, f.sigma)).abs() < 1e-12);
    assert!((at_ten - loglik_by_hand(&x, f.mu, 10.0 * f.sigma)).abs() < 1e-12, "{at_ten}");
    // Fractions, so that at 1e12 the stored values' mean is not exact.
    for shift in [0.0, 1e9, 1e12] {
        let far: Vec<f64> = x.iter().map(|v| v + shift + 0.137).collect();
        let f = mle::fit_normal(&far).unwrap();
        let mle::MistakeValue::NoRoot { at_fit } = mle::mistake_value(&far, &f, mle::Mistake::SigmaWithoutN, &long)
        else {
            panic!("the derivative without −n/σ has no root")
        };
        assert!((at_fit - 5.0 / f.sigma).abs() < 1e-6 * at_fit, "shift {shift}: {at_fit} vs n/σ̂ {}", 5.0 / f.sigma);
    }
    let flat = [2.0, 2.0, 2.0];
    let f = mle::fit_normal(&flat).unwrap();
    for m in mle::Mistake::ALL {
        let v = mle::mistake_value(&flat, &f, m, &long);
        match m {
            mle::Mistake::VarianceForSigma => assert_eq!(v, mle::MistakeValue::Sigma { got: 0.0, off: 0.0 }),
            // Three equal points: s² = 0/2 is defined, and 0.
            mle::Mistake::NMinusOne => assert_eq!(v, mle::MistakeValue::Sigma { got: 0.0, off: 0.0 }),
            _ => assert_eq!(v, mle::MistakeValue::Undefined(mle::Undefined::NoSpread), "{m:?}"),
        }
    }
}
