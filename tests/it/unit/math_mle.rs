//! Tests of `deepstep::math::mle` (`src/math/mle.rs`).

use deepstep::math::mle::*;

#[test]
fn the_closed_form_is_the_maximum() {
    let x = sample_normal(30, 2.0, 1.5, 4);
    let f = fit_normal(&x).unwrap();
    let best = f.loglik.unwrap();
    for (dm, ds) in [(0.01, 0.0), (-0.01, 0.0), (0.0, 0.01), (0.0, -0.01), (0.3, 0.2), (-0.5, -0.4)] {
        assert!(loglik(&x, f.mu + dm, f.sigma + ds).unwrap() < best, "({dm}, {ds})");
    }
    let (gm, gs) = loglik_grad(&x, f.mu, f.sigma).unwrap();
    assert!(gm.abs() < 1e-9 && gs.abs() < 1e-9, "the gradient vanishes at the fit: {gm}, {gs}");
}

#[test]
fn one_point_has_no_spread_and_errors_name_the_position() {
    let f = fit_normal(&[3.0]).unwrap();
    assert_eq!((f.mu, f.sigma, f.var_unbiased, f.loglik), (3.0, 0.0, None, None));
    assert_eq!(fit_normal(&[]), Err(MleError::Empty));
    assert_eq!(fit_normal(&[1.0, f64::NAN]), Err(MleError::NotFinite { position: 2 }));
    assert_eq!(loglik(&[1.0], 0.0, 0.0), Err(MleError::Sigma(0.0)));
    assert_eq!(fit_categorical(&[0, 0]), Err(MleError::AllZero));
}

/// The plain product Π N(x_i; μ, σ) in f64 is 0 for a long sample, where
/// the log sum is finite, and `InF64` (what the words are chosen by) says so.
#[test]
fn the_product_underflows_where_the_log_sum_does_not() {
    let x = sample_normal(1000, 0.0, 1.0, 1);
    let product: f64 = x.iter().map(|&v| log_density(v, 0.0, 1.0).exp()).product();
    assert_eq!(product, 0.0);
    let l = loglik(&x, 0.0, 1.0).unwrap();
    assert!(l.is_finite() && l < -1000.0, "{l}");
    assert_eq!(InF64::of_loglik(l), InF64::Underflows);
}

#[test]
fn ascent_climbs_to_the_closed_form() {
    let x = sample_normal(50, -1.0, 2.0, 8);
    let f = fit_normal(&x).unwrap();
    let path = ascent(&x, (f.mu + 2.0, f.sigma * 2.0), 0.5, 200).unwrap();
    let (m, s) = *path.last().unwrap();
    assert!((m - f.mu).abs() < 1e-6 && (s - f.sigma).abs() < 1e-6, "({m}, {s}) vs ({}, {})", f.mu, f.sigma);
    let ls: Vec<f64> = path.iter().map(|(m, s)| loglik(&x, *m, *s).unwrap()).collect();
    assert!(ls.windows(2).all(|w| w[1] >= w[0] - 1e-9), "ℓ never falls along the ascent");
    // From far away with a narrow σ, where plain steps would blow up, too.
    let far = ascent(&x, (f.mu - 5.0 * f.sigma, 0.3 * f.sigma), 0.5, 200).unwrap();
    let (m, s) = *far.last().unwrap();
    assert!((m - f.mu).abs() < 1e-6 && (s - f.sigma).abs() < 1e-6, "({m}, {s})");
    assert!(far.windows(2).all(|w| w[1].1 <= 2.0 * w[0].1 && w[1].1 >= 0.5 * w[0].1), "σ at most doubles or halves");
}

#[test]
fn the_mle_variance_is_biased_by_n_minus_1_over_n() {
    for n in [2, 5, 20] {
        let e = bias_experiment(n, 0.0, 2.0, 20_000, 3).unwrap();
        let ratio = e.mean_var_mle / e.true_var;
        assert!((ratio - e.expected_ratio).abs() < 0.03, "n = {n}: {ratio} vs {}", e.expected_ratio);
        assert!((e.mean_var_unbiased.unwrap() / e.true_var - 1.0).abs() < 0.03 + 0.1 / n as f64);
    }
    assert_eq!(bias_experiment(1, 0.0, 1.0, 10, 1).unwrap().mean_var_unbiased, None);
}

#[test]
fn categorical_probabilities_sum_to_one_and_unseen_classes_add_nothing() {
    let f = fit_categorical(&[3, 5, 0, 2]).unwrap();
    assert_eq!(f.p, vec![0.3, 0.5, 0.0, 0.2]);
    let want = 3.0 * 0.3f64.ln() + 5.0 * 0.5f64.ln() + 2.0 * 0.2f64.ln();
    assert!((f.loglik - want).abs() < 1e-12 && (f.cross_entropy + want / 10.0).abs() < 1e-12);
    // Any other p on the simplex has a lower log-likelihood.
    for q in [[0.25, 0.5, 0.05, 0.2], [0.3, 0.4, 0.0, 0.3], [0.35, 0.45, 0.0, 0.2]] {
        assert!(categorical_loglik(&[3, 5, 0, 2], &q) < f.loglik, "{q:?}");
    }
    let c = sample_counts(4, 100, 9);
    assert_eq!(c.iter().sum::<u64>(), 100);
}

#[test]
fn each_mistake_computes_what_it_says() {
    let x = [1.0, 2.0, 4.0, 5.0];
    let f = fit_normal(&x).unwrap(); // μ̂ = 3, σ̂² = 2.5
    let long = sample_normal(1000, 3.0, f.sigma, 2);
    let v = |m| mistake_value(&x, &f, m, &long);
    let s = 2.5f64.sqrt();
    let unb = (10.0f64 / 3.0).sqrt();
    assert_eq!(v(Mistake::NMinusOne), MistakeValue::Sigma { got: unb, off: unb - s });
    assert_eq!(v(Mistake::VarianceForSigma), MistakeValue::Sigma { got: 2.5, off: 2.5 - s });
    let MistakeValue::Product { here_loglik, long_loglik, n_long, long_mean } = v(Mistake::Product) else { panic!() };
    assert_eq!(here_loglik, loglik(&x, f.mu, f.sigma).unwrap());
    assert_eq!((long_loglik, n_long), (loglik(&long, f.mu, f.sigma).unwrap(), 1000));
    assert_eq!(long_mean, long_loglik / 1000.0);
    // The derivation's Σ x_i and Σ (x_i − x̄)² are the fit's own.
    assert_eq!((f.sum, f.sse), (x.iter().sum::<f64>(), 10.0));
    assert_eq!(InF64::of_loglik(long_loglik), InF64::Underflows);
    let MistakeValue::NoMinimum { at_fit, at_ten } = v(Mistake::MissingMinus) else { panic!() };
    assert!(at_ten < at_fit);
    let MistakeValue::NoRoot { at_fit } = v(Mistake::SigmaWithoutN) else { panic!() };
    assert!((at_fit - 4.0 / s).abs() < 1e-12, "n/σ̂: {at_fit}");
    let one = fit_normal(&[2.0]).unwrap();
    assert_eq!(
        mistake_value(&[2.0], &one, Mistake::NMinusOne, &long),
        MistakeValue::Undefined(Undefined::DividesByZero)
    );
}

#[test]
fn deviations_sum_to_the_fits_sse_and_histograms_count_every_point() {
    let x = [1.0, 2.0, 4.0, 5.0, 2.5];
    let f = fit_normal(&x).unwrap();
    let d = deviations(&x, f.mu);
    assert_eq!(d.len(), 5);
    assert_eq!(d.iter().map(|p| p.1).sum::<f64>(), f.sse);
    assert!((d[0].0 - (1.0 - 2.9)).abs() < 1e-12 && (d[0].1 - 1.9 * 1.9).abs() < 1e-12);
    let h = histogram(&x, 4);
    assert_eq!(h.len(), 4);
    assert_eq!((h[0].lo, h[3].hi), (1.0, 5.0));
    assert_eq!(h.iter().map(|b| b.count).collect::<Vec<_>>(), [1, 2, 0, 2], "{h:?}");
    // One value: one bin with every point; nothing: no bins.
    assert_eq!(histogram(&[3.0, 3.0], 5), vec![Bin { lo: 3.0, hi: 3.0, count: 2 }]);
    assert!(histogram(&[], 5).is_empty());
}
