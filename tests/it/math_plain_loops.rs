//! BPTT past f64's range (the linear cell and the LSTM) against plain f64
//! loops written from the equations: the rescaled rows the screens read
//! equal the plain numbers wherever those are finite.

use deepstep::math::rnn;

/// The linear cell's BPTT as a plain f64 loop, written from its equations
/// (h_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh, L = Σ_t g_t · h_t): an
/// independent reference for the scaled computation wherever f64 suffices.
struct PlainLinear {
    w_ih: ndarray::Array2<f64>,
    w_hh: ndarray::Array2<f64>,
    b: ndarray::Array1<f64>,
    x: ndarray::Array2<f64>,
    dh: ndarray::Array2<f64>,
    h0: ndarray::Array1<f64>,
}

fn plain_linear_bptt(p: &rnn::RnnParams, x: &ndarray::Array2<f64>, g: &ndarray::Array2<f64>) -> PlainLinear {
    use ndarray::{Array1, Array2, Axis};
    let (t_len, hd) = g.dim();
    let mut h = Array2::zeros((t_len + 1, hd));
    for t in 1..=t_len {
        let a = p.w_ih.dot(&x.row(t - 1)) + &p.b_ih + p.w_hh.dot(&h.row(t - 1)) + &p.b_hh;
        h.row_mut(t).assign(&a);
    }
    let mut out = PlainLinear {
        w_ih: Array2::zeros(p.w_ih.dim()),
        w_hh: Array2::zeros(p.w_hh.dim()),
        b: Array1::zeros(hd),
        x: Array2::zeros(x.dim()),
        dh: Array2::zeros((t_len, hd)),
        h0: Array1::zeros(hd),
    };
    let mut carry: Array1<f64> = Array1::zeros(hd);
    for t in (1..=t_len).rev() {
        let delta = &carry + &g.row(t - 1);
        out.dh.row_mut(t - 1).assign(&delta);
        let d = delta.view().insert_axis(Axis(1));
        out.w_ih += &d.dot(&x.row(t - 1).insert_axis(Axis(0)));
        out.w_hh += &d.dot(&h.row(t - 1).insert_axis(Axis(0)));
        out.b += &delta;
        out.x.row_mut(t - 1).assign(&p.w_ih.t().dot(&delta));
        carry = p.w_hh.t().dot(&delta);
    }
    out.h0 = carry;
    out
}

/// log10 of a reference vector's norm, relative to its largest entry (its
/// squares may underflow); −inf for zero.
fn log10_norm(v: impl Iterator<Item = f64> + Clone) -> f64 {
    let top = v.clone().fold(0.0f64, |m, e| m.max(e.abs()));
    if top == 0.0 {
        return f64::NEG_INFINITY;
    }
    (top * v.map(|e| (e / top) * (e / top)).sum::<f64>().sqrt()).log10()
}

/// Every entry within 1e−9 of the reference's largest entry (relative).
fn same<D: ndarray::Dimension>(got: &ndarray::Array<f64, D>, want: &ndarray::Array<f64, D>, what: &str) {
    let top = want.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    assert!(top.is_finite(), "{what}: reference {top}");
    for (a, b) in got.iter().zip(want) {
        assert!((a - b).abs() <= 1e-9 * top, "{what}: {a} vs {b} (largest {top:e})");
    }
}

/// Beyond 1e±100 the gradients are carried with a power-of-ten scale
/// (`Carry`, `ScaledRows`, `Scaled`): every one of them, and the clipping
/// norm, equals the plain computation while f64 can still hold it.
#[test]
fn scaled_gradients_past_1e100_equal_the_plain_loop() {
    // ρ = 3 over 300 steps reaches ~1e143; ρ = 0.1 over 200 steps ~1e−199;
    // over 500 steps with no loss between, the carried gradient (~1e−499,
    // its scale below −308) meets the loss at step 1: the plain loop has 0
    // there, the scaled one a number too small to change any sum.
    // And a loss on step 1 alone: every step before it carries exactly zero.
    let cases = [(3.0, 300, [1.0, -0.5, 2.0]), (0.1, 200, [1.0, -0.5, 2.0]), (0.1, 500, [1.0, 0.0, 2.0])];
    for (radius, t_len, [last, middle, first]) in cases.into_iter().chain([(0.9, 40, [0.0, 0.0, 2.0])]) {
        let hd = 4;
        let p = rnn::RnnParams::random(rnn::CellKind::Linear, 3, hd, radius, 1.0, 7).unwrap();
        let x = rnn::random_inputs(t_len, 3, 1.0, 7);
        // Loss terms at the last step, in the middle and at step 1: the
        // carried gradient meets a fresh one at every scale.
        let mut g = ndarray::Array2::zeros((t_len, hd));
        for (t, w) in [(t_len, last), (t_len / 2, middle), (1, first)] {
            g.row_mut(t - 1).fill(w);
        }
        let f = rnn::forward(&p, x.view(), ndarray::Array1::zeros(hd).view(), None).unwrap();
        let want = plain_linear_bptt(&p, &x, &g);
        let got = rnn::bptt(&p, &f, g.view(), rnn::BpttOptions::default()).unwrap();
        let what = |n: &str| format!("{n} at ρ = {radius}, T = {t_len}");
        same(&got.w_ih.to_plain(), &want.w_ih, &what("dW_ih"));
        same(&got.w_hh.to_plain(), &want.w_hh, &what("dW_hh"));
        same(&got.b_ih.to_plain(), &want.b, &what("db_ih"));
        same(&got.b_hh.to_plain(), &want.b, &what("db_hh"));
        same(&got.x.to_plain(), &want.x, &what("dx"));
        same(&got.h0.to_plain(), &want.h0, &what("dh_0"));
        for t in 0..t_len {
            let b = log10_norm(want.dh.row(t).iter().copied());
            let a = got.dh.row(t).log10_norm();
            let reached = g.slice(ndarray::s![t.., ..]).iter().any(|v| *v != 0.0);
            if !reached {
                assert_eq!(a, f64::NEG_INFINITY, "{} step {}: no loss reaches it", what("||dL/dh||"), t + 1);
            } else if b > -290.0 {
                assert!((a - b).abs() < 1e-9, "{} step {}: {a} vs {b}", what("||dL/dh||"), t + 1);
            } else {
                assert!(a.is_finite() && a < -290.0, "{} step {}: {a} past f64", what("||dL/dh||"), t + 1);
            }
        }
        // Clipping to a tenth of the norm: the norm before is the plain one,
        // and every gradient is the plain one times the same factor.
        let norm = [&want.w_ih, &want.w_hh].iter().map(|m| m.iter().map(|v| v * v).sum::<f64>()).sum::<f64>()
            + 2.0 * want.b.dot(&want.b);
        let norm = norm.sqrt();
        let opts = rnn::BpttOptions { truncation: None, clip: Some(norm / 10.0) };
        let clipped = rnn::bptt(&p, &f, g.view(), opts).unwrap();
        let report = clipped.clip.expect("clipped");
        assert!((report.log10_norm_before - norm.log10()).abs() < 1e-9, "{}", what("norm before"));
        assert!((report.log10_norm_after - (norm / 10.0).log10()).abs() < 1e-9, "{}", what("norm after"));
        same(&clipped.w_hh.to_plain(), &(&want.w_hh / 10.0), &what("clipped dW_hh"));
        same(&clipped.b_ih.to_plain(), &(&want.b / 10.0), &what("clipped db_ih"));
        assert!((clipped.log10_param_norm() - (norm / 10.0).log10()).abs() < 1e-9, "{}", what("param norm"));
    }
}

/// The LSTM's BPTT as plain f64 loops from its equations (PyTorch's gate
/// order i, f, g, o; L = Σ_t g_t · h_t), returning (dW_ih, dW_hh, db, dx,
/// dL/dh_t per step, dL/dh_0, dL/dc_0).
#[allow(clippy::type_complexity)]
fn plain_lstm_bptt(
    p: &rnn::RnnParams,
    x: &ndarray::Array2<f64>,
    g: &ndarray::Array2<f64>,
) -> (
    ndarray::Array2<f64>,
    ndarray::Array2<f64>,
    ndarray::Array1<f64>,
    ndarray::Array2<f64>,
    Vec<ndarray::Array1<f64>>,
    ndarray::Array1<f64>,
    ndarray::Array1<f64>,
) {
    use ndarray::{Array1, Array2, Axis, s};
    let (t_len, hd) = g.dim();
    let sig = |v: f64| 1.0 / (1.0 + (-v).exp());
    let (mut h, mut c) = (vec![Array1::zeros(hd)], vec![Array1::zeros(hd)]);
    let mut gates = vec![];
    for t in 1..=t_len {
        let z = p.w_ih.dot(&x.row(t - 1)) + &p.b_ih + p.w_hh.dot(&h[t - 1]) + &p.b_hh;
        let i = z.slice(s![..hd]).mapv(sig);
        let f = z.slice(s![hd..2 * hd]).mapv(sig);
        let gg = z.slice(s![2 * hd..3 * hd]).mapv(f64::tanh);
        let o = z.slice(s![3 * hd..]).mapv(sig);
        let ct = &f * &c[t - 1] + &i * &gg;
        h.push(&o * &ct.mapv(f64::tanh));
        c.push(ct);
        gates.push((i, f, gg, o));
    }
    let (mut dw_ih, mut dw_hh, mut db) =
        (Array2::zeros(p.w_ih.dim()), Array2::zeros(p.w_hh.dim()), Array1::zeros(4 * hd));
    let mut dx = Array2::zeros(x.dim());
    let mut dhs = vec![Array1::zeros(hd); t_len];
    let (mut dh_next, mut dc_next): (Array1<f64>, Array1<f64>) = (Array1::zeros(hd), Array1::zeros(hd));
    for t in (1..=t_len).rev() {
        let dh = &dh_next + &g.row(t - 1);
        dhs[t - 1] = dh.clone();
        let (i, f, gg, o) = &gates[t - 1];
        let tc = c[t].mapv(f64::tanh);
        let dc = &dc_next + &(&dh * o * &tc.mapv(|v| 1.0 - v * v));
        let mut dz = Array1::zeros(4 * hd);
        dz.slice_mut(s![..hd]).assign(&(&dc * gg * i * &i.mapv(|v| 1.0 - v)));
        dz.slice_mut(s![hd..2 * hd]).assign(&(&dc * &c[t - 1] * f * &f.mapv(|v| 1.0 - v)));
        dz.slice_mut(s![2 * hd..3 * hd]).assign(&(&dc * i * &gg.mapv(|v| 1.0 - v * v)));
        dz.slice_mut(s![3 * hd..]).assign(&(&dh * &tc * o * &o.mapv(|v| 1.0 - v)));
        let d = dz.view().insert_axis(Axis(1));
        dw_ih += &d.dot(&x.row(t - 1).insert_axis(Axis(0)));
        dw_hh += &d.dot(&h[t - 1].view().insert_axis(Axis(0)));
        db += &dz;
        dx.row_mut(t - 1).assign(&p.w_ih.t().dot(&dz));
        dh_next = p.w_hh.t().dot(&dz);
        dc_next = &dc * f;
    }
    (dw_ih, dw_hh, db, dx, dhs, dh_next, dc_next)
}

/// The LSTM with a forget bias of −3 forgets ~95% per step: its gradients
/// pass 1e−100 within 150 steps, where the carry (dh and the cell state's
/// dc together) is rescaled. Every gradient still equals the plain loop's.
#[test]
fn lstm_gradients_past_1e100_equal_the_plain_loop() {
    let (t_len, hd) = (150, 3);
    let p = rnn::RnnParams::random(rnn::CellKind::Lstm, 2, hd, 0.5, -3.0, 4).unwrap();
    let x = rnn::random_inputs(t_len, 2, 1.0, 4);
    // Loss on the last step, and on step 2, where it meets a carried dh and
    // dc far below it (both brought to the loss's scale together).
    let mut g = ndarray::Array2::zeros((t_len, hd));
    g.row_mut(t_len - 1).fill(1.0);
    g.row_mut(1).fill(0.5);
    let f = rnn::forward(&p, x.view(), ndarray::Array1::zeros(hd).view(), None).unwrap();
    let got = rnn::bptt(&p, &f, g.view(), rnn::BpttOptions::default()).unwrap();
    let (dw_ih, dw_hh, db, dx, dhs, dh0, dc0) = plain_lstm_bptt(&p, &x, &g);
    same(&got.w_ih.to_plain(), &dw_ih, "LSTM dW_ih");
    same(&got.w_hh.to_plain(), &dw_hh, "LSTM dW_hh");
    same(&got.b_ih.to_plain(), &db, "LSTM db_ih");
    same(&got.b_hh.to_plain(), &db, "LSTM db_hh");
    same(&got.x.to_plain(), &dx, "LSTM dx");
    let log_norm = |v: &ndarray::Array1<f64>| log10_norm(v.iter().copied());
    for (t, dh) in dhs.iter().enumerate() {
        let (a, b) = (got.dh.row(t).log10_norm(), log_norm(dh));
        assert!((a - b).abs() < 1e-9, "LSTM ||dL/dh|| at step {}: {a} vs {b}", t + 1);
    }
    assert!(log_norm(&dhs[2]) < -100.0, "the case reaches past 1e−100: {}", log_norm(&dhs[2]));
    let (a, b) = (got.h0.log10_norm(), log_norm(&dh0));
    assert!((a - b).abs() < 1e-9, "LSTM dL/dh_0: {a} vs {b}");
    let c0 = got.c0.expect("the LSTM reports dL/dc_0");
    assert!((c0.log10_norm() - log_norm(&dc0)).abs() < 1e-9, "LSTM dL/dc_0");
    for (a, b) in c0.to_plain().iter().zip(&dc0) {
        assert!((a - b).abs() <= 1e-9 * dc0.iter().fold(0.0f64, |m, e| m.max(e.abs())), "dc_0 {a} vs {b}");
    }
}

/// A second loss term (beside the one on the last step) on each step just
/// after the carried dh and dc were first rescaled: there the carry's
/// mantissa is largest, so bringing both to the loss's scale must be exact
/// for dL/dc_0 to come out right. The carry from the last step is rescaled
/// where ||dL/dh|| first falls below 1e−100 (found from the plain loop, step
/// r); the cell state's part, which shrinks faster than dh's, still shows
/// for about ten steps after that, so the loss goes on each of r − 15..r + 3.
#[test]
fn lstm_losses_meeting_a_freshly_rescaled_carry() {
    let (t_len, hd) = (150, 3);
    let p = rnn::RnnParams::random(rnn::CellKind::Lstm, 2, hd, 0.5, -3.0, 4).unwrap();
    let x = rnn::random_inputs(t_len, 2, 1.0, 4);
    let f = rnn::forward(&p, x.view(), ndarray::Array1::zeros(hd).view(), None).unwrap();
    let mut last_only = ndarray::Array2::zeros((t_len, hd));
    last_only.row_mut(t_len - 1).fill(1.0);
    let (_, _, _, _, dhs, _, _) = plain_lstm_bptt(&p, &x, &last_only);
    // Steps are 1-based: dhs[t − 1] is dL/dh_t.
    let r = (1..=t_len).rev().find(|&t| log10_norm(dhs[t - 1].iter().copied()) < -100.0).expect("reaches 1e−100");
    assert!(r > 20 && r < t_len - 20, "the rescale lands inside the sequence: step {r}");
    for k in r - 15..=r + 3 {
        let mut g = ndarray::Array2::zeros((t_len, hd));
        g.row_mut(t_len - 1).fill(1.0);
        g.row_mut(k - 1).fill(0.5);
        let got = rnn::bptt(&p, &f, g.view(), rnn::BpttOptions::default()).unwrap();
        let (dw_ih, _, _, _, _, _, dc0) = plain_lstm_bptt(&p, &x, &g);
        same(&got.w_ih.to_plain(), &dw_ih, &format!("LSTM dW_ih, loss at {k}"));
        same(&got.c0.expect("dL/dc_0").to_plain(), &dc0, &format!("LSTM dL/dc_0, loss at {k}"));
    }
}
