//! Tests of `deepstep::math::rnn` (`src/math/rnn/mod.rs`).

use deepstep::math::rng::Rng;
use deepstep::math::rnn::*;
use ndarray::{Array1, Array2};

#[test]
fn cell_index_is_the_place_in_all() {
    for (i, k) in CellKind::ALL.iter().enumerate() {
        assert_eq!(k.index(), i);
    }
}

fn power_iteration_radius(w: &Array2<f64>) -> f64 {
    // W is symmetric by construction: |λ_max| = lim ||W^k v||^{1/k}.
    let mut v = Array1::from_elem(w.nrows(), 1.0);
    let mut r = 0.0;
    for _ in 0..2000 {
        let nv = w.dot(&v);
        r = nv.dot(&nv).sqrt() / v.dot(&v).sqrt();
        v = &nv / nv.dot(&nv).sqrt();
    }
    r
}

#[test]
fn spectral_radius_is_exact() {
    let mut rng = Rng::new(11);
    for &rho in &[0.1, 0.9, 1.0, 2.5] {
        let w = with_spectral_radius(6, rho, &mut rng);
        assert!((&w - &w.t()).iter().all(|d| d.abs() < 1e-12), "symmetric");
        let r = power_iteration_radius(&w);
        assert!((r - rho).abs() < 1e-9 * rho.max(1.0), "rho {rho} got {r}");
    }
}

#[test]
fn running_grads_end_at_the_totals_and_rates_read_the_slope() {
    let p = RnnParams::random(CellKind::Tanh, 2, 3, 0.9, 0.0, 1).unwrap();
    let x = random_inputs(6, 2, 1.0, 3);
    let f = forward(&p, x.view(), Array1::zeros(3).view(), None).unwrap();
    let g = bptt(&p, &f, loss_on_last(6, 3).view(), BpttOptions::default()).unwrap();
    let (norms, run) = running_weight_grads(&f, &g, true);
    let (wi, wh) = &run[0];
    assert!((&wi.to_plain() - &g.w_ih.to_plain()).iter().all(|d| d.abs() < 1e-12));
    assert!((&wh.to_plain() - &g.w_hh.to_plain()).iter().all(|d| d.abs() < 1e-12));
    // The same sums in another order (rank-one updates from t = T down,
    // against one matrix product): equal to rounding.
    assert!((norms[0].0 - g.w_ih.log10_norm()).abs() < 1e-12, "{:?}", norms[0]);
    assert!((norms[0].1 - g.w_hh.log10_norm()).abs() < 1e-12, "{:?}", norms[0]);
    assert_eq!(norms[5].1, run[5].1.log10_norm());
    let logs: Vec<f64> = (0..20).map(|i| (19 - i) as f64 * 0.5f64.log10()).collect();
    assert!((rate_per_step(&logs).unwrap() - 0.5).abs() < 1e-12);
    assert_eq!(step_factors_log10(&[1.0, f64::NEG_INFINITY, 2.0]), vec![None, None]);
    let w = ndarray::array![[3.0, 0.0], [0.0, -1.0]];
    assert!((spectral_norm(&w) - 3.0).abs() < 1e-12);
}

#[test]
fn bad_options_are_errors() {
    let p = RnnParams::random(CellKind::Tanh, 2, 3, 0.9, 0.0, 1).unwrap();
    let x = random_inputs(4, 2, 1.0, 1);
    let f = forward(&p, x.view(), Array1::zeros(3).view(), None).unwrap();
    let g = loss_on_last(4, 3);
    let bad = BpttOptions { truncation: Some(0), clip: None };
    assert_eq!(bptt(&p, &f, g.view(), bad), Err(RnnError::ZeroWindow));
    // A clipping threshold must be a positive number: 0, below 0, ∞ and
    // NaN are refused, and the smallest positive one is accepted.
    for th in [-1.0, 0.0, f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
        let bad = BpttOptions { truncation: None, clip: Some(th) };
        assert!(matches!(bptt(&p, &f, g.view(), bad), Err(RnnError::BadThreshold(_))), "{th}");
    }
    let tiny = BpttOptions { truncation: None, clip: Some(f64::MIN_POSITIVE) };
    assert!(bptt(&p, &f, g.view(), tiny).is_ok());
    let wrong = Array2::zeros((3, 3));
    assert!(matches!(bptt(&p, &f, wrong.view(), BpttOptions::default()), Err(RnnError::Shape { .. })));
    let x_bad = Array2::zeros((0, 2));
    assert_eq!(forward(&p, x_bad.view(), Array1::zeros(3).view(), None), Err(RnnError::EmptySequence));
}

#[test]
fn truncation_zeroes_steps_beyond_the_window() {
    let p = RnnParams::random(CellKind::Tanh, 2, 3, 0.9, 0.0, 1).unwrap();
    let x = random_inputs(10, 2, 1.0, 2);
    let f = forward(&p, x.view(), Array1::zeros(3).view(), None).unwrap();
    let g = loss_on_last(10, 3);
    let opts = BpttOptions { truncation: Some(3), clip: None };
    let gr = bptt(&p, &f, g.view(), opts).unwrap();
    let norms = gr.dh_norms();
    // h_10, h_9, h_8 (through three cells) and h_7 receive gradient; no earlier step does.
    assert!(norms[..6].iter().all(|n| *n == 0.0), "{norms:?}");
    assert!(norms[6..].iter().all(|n| *n > 0.0), "{norms:?}");
    assert!(gr.h0.norm() == 0.0);
}

#[test]
fn mean_path_factor_is_each_cells_direct_factor() {
    use ndarray::Array1;
    let x = random_inputs(12, 3, 1.0, 5);
    for kind in CellKind::ALL {
        let p = RnnParams::random(kind, 3, 4, 1.5, 2.0, 9).unwrap();
        let f = forward(&p, x.view(), Array1::zeros(4).view(), None).unwrap();
        // Recompute from the states and pre-activations, not from the kept gates.
        let mut sum = 0.0;
        for t in 0..12 {
            for j in 0..4 {
                // z from the weights, states and inputs themselves.
                let z = |k: usize| {
                    let row = k * 4 + j;
                    let h_prev = f.h.mantissa.row(t);
                    p.w_ih.row(row).dot(&x.row(t)) + p.b_ih[row] + p.w_hh.row(row).dot(&h_prev) + p.b_hh[row]
                };
                sum += match kind {
                    CellKind::Linear => 0.0,
                    CellKind::Tanh => 1.0 - z(0).tanh().powi(2),
                    CellKind::Lstm | CellKind::Gru => deepstep::math::activation::sigmoid(z(1)),
                };
            }
        }
        match mean_path_factor(&f) {
            None => assert_eq!(kind, CellKind::Linear),
            Some(m) => assert!((m - sum / 48.0).abs() < 1e-12, "{kind:?}: {m} vs {}", sum / 48.0),
        }
    }
    // The forget bias moves the LSTM's mean forget gate: 2 keeps more than 0.
    let lstm = |b: f64| {
        let p = RnnParams::random(CellKind::Lstm, 3, 4, 0.9, b, 9).unwrap();
        mean_path_factor(&forward(&p, x.view(), Array1::zeros(4).view(), None).unwrap()).unwrap()
    };
    assert!(lstm(2.0) > lstm(0.0) + 0.1);
}

#[test]
fn bptt_dh_log10_norms_are_full_bptts_bit_for_bit() {
    // What `deepstep sweep` prints, computed without keeping dL/dh_t or the
    // parameter gradients: the same log10 norms for every cell, with a loss
    // on every step, a single step, and gradients far beyond f64 (the linear
    // cell at ρ = 3, whose rows carry a power-of-ten scale).
    let mut scaled = 0;
    for kind in CellKind::ALL {
        for (radius, len, seed) in [(0.5, 40, 1), (1.2, 1, 2), (3.0, 400, 3)] {
            let p = RnnParams::random(kind, 4, 6, radius, 1.0, seed).unwrap();
            let x = random_inputs(len, 4, 1.0, seed);
            let f = forward(&p, x.view(), Array1::zeros(6).view(), None).unwrap();
            let mut rng = Rng::new(seed);
            let g = Array2::from_shape_fn((len, 6), |_| rng.normal());
            let full = bptt(&p, &f, g.view(), BpttOptions::default()).unwrap();
            let only = bptt_dh_log10_norms(&p, &f, g.view()).unwrap();
            assert_eq!(only, full.dh_log10_norms(), "{kind:?} ρ {radius} T {len}");
            scaled += full.dh.log10_scale.iter().filter(|s| **s != 0.0).count();
        }
    }
    assert!(scaled > 100, "the scaled rows are covered: {scaled}");
    let p = RnnParams::random(CellKind::Lstm, 4, 6, 0.9, 1.0, 1).unwrap();
    let f = forward(&p, random_inputs(5, 4, 1.0, 1).view(), Array1::zeros(6).view(), None).unwrap();
    assert!(matches!(
        bptt_dh_log10_norms(&p, &f, Array2::zeros((5, 5)).view()),
        Err(RnnError::Shape { name: "g", .. })
    ));
}

#[test]
fn tanh_cell_matches_a_plain_reference_at_every_width() {
    // W_hh's products go through blocks of sixteen entries and a tail:
    // widths on both sides of the block size, against ndarray's own products.
    use deepstep::math::activation::{tanh, tanh_grad};
    for hd in [1, 5, 15, 16, 17, 33] {
        let p = RnnParams::random(CellKind::Tanh, 3, hd, 1.1, 0.0, hd as u64).unwrap();
        let (t_len, x) = (12, random_inputs(12, 3, 1.0, 7));
        let f = forward(&p, x.view(), Array1::zeros(hd).view(), None).unwrap();
        let mut h = Array1::zeros(hd);
        let mut zs = vec![];
        for t in 0..t_len {
            let z = p.w_ih.dot(&x.row(t)) + &p.b_ih + p.w_hh.dot(&h) + &p.b_hh;
            h = z.mapv(tanh);
            zs.push(z);
            let got = f.hidden_states().row(t).to_owned();
            assert!((&got - &h).iter().all(|d| d.abs() < 1e-13), "H {hd}, h_{}", t + 1);
        }
        let mut rng = Rng::new(3);
        let g = Array2::from_shape_fn((t_len, hd), |_| rng.normal());
        let dh = bptt(&p, &f, g.view(), BpttOptions::default()).unwrap().dh.to_plain();
        let mut carry: Array1<f64> = Array1::zeros(hd);
        for t in (0..t_len).rev() {
            carry = &carry + &g.row(t);
            assert!((&dh.row(t) - &carry).iter().all(|d| d.abs() < 1e-12), "H {hd}, dL/dh_{}", t + 1);
            carry = p.w_hh.t().dot(&(&carry * &zs[t].mapv(tanh_grad)));
        }
    }
}

#[test]
fn the_avx2_and_baseline_copies_give_the_same_numbers_bit_for_bit() {
    // On a processor without AVX2 both runs take the baseline copy and the
    // test compares it with itself; CI's and this machine's have AVX2.
    use std::sync::atomic::Ordering::Relaxed;
    let run = |kind, wide| {
        WIDE_VECTORS.store(wide, Relaxed);
        let p = RnnParams::random(kind, 4, 37, 1.3, 1.0, 5).unwrap();
        let x = random_inputs(300, 4, 1.5, 5);
        let f = forward(&p, x.view(), Array1::zeros(37).view(), None).unwrap();
        let g = bptt(&p, &f, loss_on_last(300, 37).view(), BpttOptions::default()).unwrap();
        let logs = bptt_dh_log10_norms(&p, &f, loss_on_last(300, 37).view()).unwrap();
        (f, g, logs)
    };
    for kind in CellKind::ALL {
        let (wide, baseline) = (run(kind, true), run(kind, false));
        WIDE_VECTORS.store(true, Relaxed);
        assert!(wide.0 == baseline.0, "{kind:?}: the forward pass");
        assert!(wide.1 == baseline.1, "{kind:?}: BPTT");
        assert_eq!(wide.2, baseline.2, "{kind:?}: the sweep's norms");
    }
}

/// `underflowed_step`: the reached step nearest to T whose gradient is 0;
/// steps a truncation window leaves out (t < T − k) are not looked at.
#[test]
fn the_underflowed_step_is_the_reached_zero_nearest_the_loss() {
    use deepstep::math::rnn::underflowed_step;
    let z = f64::NEG_INFINITY;
    assert_eq!(underflowed_step(&[-3.0, -2.0, -1.0, 0.0], None), None);
    assert_eq!(underflowed_step(&[z, z, -1.0, 0.0], None), Some(2));
    assert_eq!(underflowed_step(&[z, -400.0, -1.0, 0.0], None), Some(1));
    // T = 4, k = 2: h_2..h_4 are reached.
    assert_eq!(underflowed_step(&[z, -2.0, -1.0, 0.0], Some(2)), None);
    assert_eq!(underflowed_step(&[z, z, -1.0, 0.0], Some(2)), Some(2));
    assert_eq!(underflowed_step(&[z, z, -1.0, 0.0], Some(9)), Some(2));
    assert_eq!(underflowed_step(&[], None), None);
}
