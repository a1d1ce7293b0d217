//! What the RNN lab measures from a run (`math::rnn::measure`), each against
//! its definition computed here, where `cargo mutants` found changes the
//! other tests did not notice.

use deepstep::math::activation::sigmoid;
use deepstep::math::rnn::{self, CellKind};
use ndarray::Array1;

/// Each step back split into the gate's part (log10 ||δ_t|| − log10
/// ||dL/dh_t||) and the weights' part (log10 ||dL/dh_{t−1}|| − log10 ||δ_t||),
/// only for the tanh and linear cells and only where all three norms are
/// finite: a zero gradient (−∞) anywhere in a step gives no split.
#[test]
fn a_step_is_split_only_where_its_three_norms_are_finite() {
    let dh = [1.0, f64::NEG_INFINITY, 2.0, 3.0, 2.5];
    let delta = [0.5, 0.25, 1.5, f64::NEG_INFINITY, 2.0];
    for kind in [CellKind::Tanh, CellKind::Linear] {
        let got = rnn::step_splits_log10(kind, &dh, &delta);
        assert_eq!(got.len(), 4);
        // t = 2: now = dh[1] = −∞; t = 3: prev = dh[1] = −∞;
        // t = 4: delta[3] = −∞; t = 5: all finite.
        assert_eq!(got[..3], [None, None, None], "{kind:?}");
        assert_eq!(got[3], Some((2.0 - 2.5, 3.0 - 2.0)), "{kind:?}");
    }
    for kind in [CellKind::Lstm, CellKind::Gru] {
        assert!(rnn::step_splits_log10(kind, &dh, &delta).iter().all(Option::is_none), "{kind:?}");
    }
    // The factor per step: only where both neighbours are finite.
    let f = rnn::step_factors_log10(&[1.0, f64::NEG_INFINITY, 2.0, 3.5]);
    assert_eq!(f, vec![None, None, Some(2.0 - 3.5)]);
}

/// The rate's split: the least-squares slopes of the gate's and W_recᵀ's
/// running sums over the values `rate_per_step` fits (the farther half from
/// the loss: of 5 values the first 3, at distances 4, 3, 2), which add up to
/// the rate's own slope; none where a fitted value is not finite or a step
/// between them has no split.
#[test]
fn the_rate_split_multiplies_to_the_rate() {
    // Values 0..2 at distances 4, 3, 2; steps 1 → 0 (0.5, −0.3) and 2 → 1
    // (−0.2, 0.7). Running sums from value 2: gate [0.3, −0.2, 0], W [0.4, 0.7, 0].
    let dh = [0.2 + 0.5 + 0.0, 0.5 + 0.0, 0.0, 3.0, 4.0];
    let splits = [Some((0.5, -0.3)), Some((-0.2, 0.7)), Some((9.0, 9.0)), Some((9.0, 9.0))];
    let (g, w) = rnn::rate_split_log10(&dh, &splits).unwrap();
    // Each the least-squares slope of its running sums against distance (4, 3, 2).
    let fit = |y: [f64; 3]| {
        let (x, mx, my) = ([4.0, 3.0, 2.0], 3.0, (y[0] + y[1] + y[2]) / 3.0);
        (0..3).map(|i| (x[i] - mx) * (y[i] - my)).sum::<f64>() / 2.0
    };
    assert!((g - fit([0.3, -0.2, 0.0])).abs() < 1e-12 && (w - fit([0.4, 0.7, 0.0])).abs() < 1e-12, "{g} {w}");
    let rate = rnn::rate_per_step(&dh).unwrap().log10();
    assert!((g + w - rate).abs() < 1e-12, "{g} + {w} against {rate}");
    // A missing split, a fitted value that is not finite, too few values: none.
    let one_missing = [None, Some((-0.2, 0.7)), Some((9.0, 9.0)), Some((9.0, 9.0))];
    assert_eq!(rnn::rate_split_log10(&dh, &one_missing), None);
    assert_eq!(rnn::rate_split_log10(&[f64::NEG_INFINITY, 1.0, 2.0], &[Some((1.0, 1.0)), Some((1.0, 1.0))]), None);
    assert_eq!(rnn::rate_split_log10(&[1.0], &[]), None);
    assert_eq!(rnn::rate_split_log10(&[], &[]), None);
    // Steps past the fitted values do not count.
    let more = [Some((0.5, -0.3)), Some((-0.2, 0.7)), None, None];
    assert_eq!(rnn::rate_split_log10(&dh, &more), Some((g, w)));
    // The same fitted values decide the rate: a slope of 1 over the first
    // three, whatever the rest do.
    assert!((rnn::rate_per_step(&[2.0, 1.0, 0.0, 7.0, -3.0]).unwrap() - 10.0).abs() < 1e-9);
}

#[test]
fn the_loss_is_on_the_last_step_only() {
    let g = rnn::loss_on_last(4, 3);
    assert_eq!(g.shape(), &[4, 3]);
    assert!(g.row(3).iter().all(|v| *v == 1.0) && g.slice(ndarray::s![..3, ..]).iter().all(|v| *v == 0.0));
    assert_eq!(rnn::loss_on_last(0, 3).shape(), &[0, 3]);
}

/// The inputs are scale × N(0, 1): their spread is the scale and their mean
/// about 0, and every seed gives its own inputs (a seed is not folded onto
/// another before it reaches the generator).
#[test]
fn inputs_are_scaled_normal_draws_with_one_stream_per_seed() {
    let x = rnn::random_inputs(4000, 2, 3.0, 7);
    let n = x.len() as f64;
    let mean = x.sum() / n;
    let sd = (x.mapv(|v| (v - mean).powi(2)).sum() / n).sqrt();
    assert!(mean.abs() < 0.15, "mean {mean}");
    assert!((sd - 3.0).abs() < 0.15, "sd {sd}");
    let firsts: Vec<f64> = (0..64).map(|seed| rnn::random_inputs(1, 1, 1.0, seed)[[0, 0]]).collect();
    for (i, a) in firsts.iter().enumerate() {
        for b in &firsts[i + 1..] {
            assert_ne!(a, b, "two seeds gave the same inputs");
        }
    }
}

/// The mean factor of the most direct path back, recomputed from the
/// weights and the states: 1 − h_t² for the tanh cell; the forget gate
/// σ(W_if x_t + b_if + W_hf h_{t−1} + b_hf) for the LSTM and the update gate
/// (rows H..2H, PyTorch's order) for the GRU; none for the linear cell.
#[test]
fn the_mean_path_factor_is_recomputed_from_the_weights() {
    let (t_len, input, hd) = (12, 2, 3);
    let x = rnn::random_inputs(t_len, input, 1.0, 3);
    for kind in CellKind::ALL {
        let p = rnn::RnnParams::random(kind, input, hd, 0.9, 1.0, 5).unwrap();
        let f = rnn::forward(&p, x.view(), Array1::zeros(hd).view(), None).unwrap();
        if kind == CellKind::Linear {
            assert_eq!(rnn::mean_path_factor(&f), None);
            continue;
        }
        let h = f.h.to_plain();
        let mut sum = 0.0;
        for t in 1..=t_len {
            for u in 0..hd {
                sum += if kind == CellKind::Tanh {
                    1.0 - h[[t, u]].powi(2)
                } else {
                    let r = hd + u; // the second gate's row
                    sigmoid(p.w_ih.row(r).dot(&x.row(t - 1)) + p.b_ih[r] + p.w_hh.row(r).dot(&h.row(t - 1)) + p.b_hh[r])
                };
            }
        }
        let want = sum / (t_len * hd) as f64;
        let got = rnn::mean_path_factor(&f).unwrap_or_else(|| panic!("{kind:?}: no factor"));
        assert!((got - want).abs() < 1e-12, "{kind:?}: {got} vs {want}");
    }
}
