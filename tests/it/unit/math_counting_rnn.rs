//! Tests of `deepstep::math::counting_rnn` (`src/math/counting_rnn.rs`).

use deepstep::math::counting_rnn::*;
use ndarray::array;

#[test]
fn perfect_counter_has_zero_loss_and_gradient() {
    let x = array![[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]];
    let (l, gx, gr) = loss_and_grads(x.view(), 1.0, 1.0);
    assert_eq!((l, gx, gr), (0.0, 0.0, 0.0));
}

#[test]
fn each_step_holds_every_sequences_terms_and_they_sum_to_what_it_adds() {
    let x = array![[1.0, 0.0, 1.0], [0.0, 1.0, 1.0], [1.0, 1.0, 0.0]];
    let f = forward(x.view(), 0.5, 1.5);
    let b = backward(x.view(), &f, 1.5);
    for st in &b.steps {
        assert!((st.term_w_x.sum() - st.add_w_x).abs() < 1e-12);
        assert!((st.term_w_rec.sum() - st.add_w_rec).abs() < 1e-12);
        for n in 0..3 {
            assert_eq!(st.term_w_x[n], st.ds_k[n] * x[[n, st.k - 1]]);
            assert_eq!(st.term_w_rec[n], st.ds_k[n] * f.s[[n, st.k - 1]]);
        }
    }
    // Sequence 2 at k = 1: x_1 = 0 adds nothing to dL/dw_x, and S_0 = 0 nothing to dL/dw_rec.
    let last = b.steps.last().unwrap();
    assert_eq!((last.k, last.term_w_x[1], last.term_w_rec[1]), (1, 0.0, 0.0));
}

#[test]
fn backward_steps_run_from_t_down_to_1_and_end_at_the_totals() {
    let x = array![[1.0, 1.0, 0.0, 1.0]];
    let f = forward(x.view(), 0.5, 0.8);
    let b = backward(x.view(), &f, 0.8);
    let ks: Vec<usize> = b.steps.iter().map(|s| s.k).collect();
    assert_eq!(ks, vec![4, 3, 2, 1]);
    let last = b.steps.last().unwrap();
    assert_eq!((last.g_w_x, last.g_w_rec), (b.g_w_x, b.g_w_rec));
}

#[test]
fn mistakes_compute_what_the_buggy_loop_would() {
    // One sequence x = [1, 1], w_x = 1, w_rec = 0.5: S = [0, 1, 1.5], t = 2, y − t = −0.5.
    let x = array![[1.0, 1.0]];
    let (w_x, w_rec) = (1.0, 0.5);
    // Right: dS_2 = −1, dS_1 = −0.5; g_w_x = −1·1 + −0.5·1 = −1.5; g_w_rec = −1·1 + −0.5·0 = −1.
    assert_eq!(loss_and_grads(x.view(), w_x, w_rec), (0.25, -1.5, -1.0));
    let m = |k| mistaken_gradient(x.view(), w_x, w_rec, k);
    assert_eq!(m(Mistake::NoAccumulation), (-0.5, 0.0)); // only k = 1's terms
    // dS_2·S_2 + dS_1·S_1 = (−1)(1.5) + (−0.5)(1).
    assert_eq!(m(Mistake::CurrentState), (-1.5, -2.0));
    assert_eq!(m(Mistake::MissingWrec), (-2.0, -1.0));
    assert_eq!(m(Mistake::MissingFactor2), (-0.75, -0.5));
    assert_eq!(m(Mistake::MissingOneOverN), (-1.5, -1.0)); // N = 1: no difference here
    let c = gradient_check(x.view(), w_x, w_rec, 1e-6);
    assert!(c.rel_error.0 < 1e-8 && c.rel_error.1 < 1e-8, "{c:?}");
}

#[test]
fn gradient_descent_stops_before_overflowing() {
    let x = array![[1.0; 30]];
    let path = train_gd(x.view(), (1.0, 3.0), 1.0, 50);
    assert!(path.len() < 51);
    assert!(path.iter().all(|(a, b)| a.is_finite() && b.is_finite()));
}

#[test]
fn gradient_descent_lowers_the_loss() {
    let x = array![[1.0, 0.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0]];
    let path = train_gd(x.view(), (0.5, 0.5), 0.01, 200);
    let first = forward(x.view(), path[0].0, path[0].1).loss;
    let (a, b) = *path.last().unwrap();
    assert!(forward(x.view(), a, b).loss < first / 10.0);
}

#[test]
fn a_mistakes_terms_add_up_to_its_gradient_and_the_right_terms_are_the_loops() {
    let x = random_sequences(6, 5, 3);
    let (wx, wr) = (0.7, 1.3);
    let right = backward(x.view(), &forward(x.view(), wx, wr), wr);
    for m in Mistake::ALL {
        let per: Vec<Vec<[f64; 3]>> = (0..6).map(|s| mistaken_terms(x.view(), wx, wr, m, s)).collect();
        assert!(per.iter().all(|p| p.len() == 5));
        let (gx, gr) = mistaken_gradient(x.view(), wx, wr, m);
        // Summed over sequences and steps (the last step alone without accumulation).
        let steps = if m == Mistake::NoAccumulation { 4..5 } else { 0..5 };
        let sx: f64 = per.iter().flat_map(|p| p[steps.clone()].iter().map(|t| t[1])).sum();
        let sr: f64 = per.iter().flat_map(|p| p[steps.clone()].iter().map(|t| t[2])).sum();
        assert!((sx - gx).abs() < 1e-9 * gx.abs().max(1.0) && (sr - gr).abs() < 1e-9 * gr.abs().max(1.0), "{m:?}");
    }
    // Without accumulation the terms are the right loop's own.
    let terms = mistaken_terms(x.view(), wx, wr, Mistake::NoAccumulation, 0);
    for (t, step) in terms.iter().zip(&right.steps) {
        assert_eq!(*t, [step.ds_k[0], step.term_w_x[0], step.term_w_rec[0]]);
    }
    assert!(mistaken_terms(x.view(), wx, wr, Mistake::MissingWrec, 6).is_empty());
}
