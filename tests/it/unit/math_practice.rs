//! Tests of `deepstep::math::practice` (`src/math/practice.rs`).

use deepstep::math::counting_rnn;
use deepstep::math::linreg::ErrorMeasure;
use deepstep::math::practice::*;
use ndarray::array;
use ndarray::{Array1, Array2, s};

fn data() -> (Array2<f64>, Array2<f64>, Array1<f64>, f64) {
    let x = counting_rnn::random_sequences(5, 4, 3);
    let (w_x, w_rec) = (0.7, 1.3);
    let f = counting_rnn::forward(x.view(), w_x, w_rec);
    let grad_out = (&f.y - &f.targets) * (2.0 / 5.0);
    (x, f.s, grad_out, w_rec)
}

#[test]
fn the_right_loop_is_the_verified_backward_pass() {
    let (x, s, g, w_rec) = data();
    let b = bptt(x.view(), s.view(), g.view(), w_rec, None);
    let f = counting_rnn::forward(x.view(), 0.7, w_rec);
    let r = counting_rnn::backward(x.view(), &f, w_rec);
    assert!((b.wx_grad - r.g_w_x).abs() < 1e-12 && (b.wrec_grad - r.g_w_rec).abs() < 1e-12);
    assert!((&b.grad_over_time - &r.ds).iter().all(|d| d.abs() < 1e-12));
}

#[test]
fn each_bptt_mistake_is_what_its_line_computes() {
    let (x, s, g, w_rec) = data();
    let right = bptt(x.view(), s.view(), g.view(), w_rec, None);
    let m = |k| bptt(x.view(), s.view(), g.view(), w_rec, Some(k));
    // Overwriting leaves only k = 1's terms.
    let o = m(BpttMistake::Overwrite);
    let g1 = right.grad_over_time.column(1);
    assert!((o.wx_grad - g1.dot(&x.column(0))).abs() < 1e-12);
    assert!((o.wrec_grad - g1.dot(&s.column(0))).abs() < 1e-12);
    // The mean is off by exactly N; grad_over_time is untouched.
    let mean = m(BpttMistake::BatchMean);
    assert!((mean.wx_grad * 5.0 - right.wx_grad).abs() < 1e-12);
    assert!((mean.wrec_grad * 5.0 - right.wrec_grad).abs() < 1e-12);
    assert_eq!(mean.grad_over_time, right.grad_over_time);
    // Without × w_rec every column equals grad_out.
    let flat = m(BpttMistake::MissingWrec);
    assert!(flat.grad_over_time.columns().into_iter().all(|c| c == g));
    // The current state uses S_k; with w_rec = 1.3 that differs.
    let cur = m(BpttMistake::CurrentState);
    assert_eq!(cur.wx_grad, right.wx_grad);
    assert!((cur.wrec_grad - right.wrec_grad).abs() > 1e-6);
    // Forward: columns 1..T−1 are used while still zero, so only k = T adds.
    let fwd = m(BpttMistake::Forward);
    assert!((fwd.wx_grad - g.dot(&x.column(3))).abs() < 1e-12);
    assert_eq!(fwd.grad_over_time.column(0).sum(), 0.0);
}

#[test]
fn the_plain_conv_backward_matches_finite_differences() {
    let x = array![
        [1.0, 2.0, 0.5, -1.0, 3.0],
        [0.0, 1.0, 2.0, 1.0, -2.0],
        [2.0, -1.0, 1.0, 0.0, 1.0],
        [1.0, 1.0, -3.0, 2.0, 0.0]
    ];
    let w = array![[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]];
    let (stride, padding) = (2, 1);
    let y = conv2d_plain(x.view(), w.view(), stride, padding).unwrap();
    let dy = Array2::from_shape_fn(y.dim(), |(i, j)| (i as f64 + 1.0) * 0.5 - j as f64);
    let (dx, dw) = conv2d_backward_plain(x.view(), w.view(), dy.view(), stride, padding).unwrap();
    let loss =
        |x: &Array2<f64>, w: &Array2<f64>| (conv2d_plain(x.view(), w.view(), stride, padding).unwrap() * &dy).sum();
    let h = 1e-6;
    for ((i, j), v) in dx.indexed_iter() {
        let (mut a, mut b) = (x.clone(), x.clone());
        a[[i, j]] += h;
        b[[i, j]] -= h;
        assert!(((loss(&a, &w) - loss(&b, &w)) / (2.0 * h) - v).abs() < 1e-6);
    }
    for ((i, j), v) in dw.indexed_iter() {
        let (mut a, mut b) = (w.clone(), w.clone());
        a[[i, j]] += h;
        b[[i, j]] -= h;
        assert!(((loss(&x, &a) - loss(&x, &b)) / (2.0 * h) - v).abs() < 1e-6);
    }
}

#[test]
fn each_conv_mistake_has_the_shape_and_values_of_its_code() {
    let w = array![[1.0, 2.0], [3.0, 4.0]];
    let dy = array![[1.0, 0.0], [0.0, 0.0]];
    let x = Array2::<f64>::zeros((4, 4));
    let (right, _) = conv2d_backward_plain(x.view(), w.view(), dy.view(), 2, 0).unwrap();
    // One upstream 1 at (0, 0): dX is w itself in the corner, and the
    // unflipped mistake puts the rotated kernel there.
    assert_eq!(right.slice(s![..2, ..2]), w);
    let no_flip = conv_dx_mistaken([4, 4], w.view(), dy.view(), 2, 0, ConvMistake::NoFlip);
    assert_eq!(no_flip.slice(s![..2, ..2]), array![[4.0, 3.0], [2.0, 1.0]]);
    // Without the gaps the result is (OH − 1) + K = 3 wide, not 4.
    let dy2 = array![[1.0, 1.0], [1.0, 1.0]];
    assert_eq!(conv_dx_mistaken([4, 4], w.view(), dy2.view(), 2, 0, ConvMistake::NoGaps).dim(), (3, 3));
    // Not cropping keeps the padded size H + 2P.
    let x5 = Array2::<f64>::zeros((5, 5));
    let y = conv2d_plain(x5.view(), w.view(), 2, 1).unwrap();
    let d = Array2::ones(y.dim());
    let uncropped = conv_dx_mistaken([5, 5], w.view(), d.view(), 2, 1, ConvMistake::NoCrop);
    assert_eq!(uncropped.dim(), (7, 7));
    let (right, _) = conv2d_backward_plain(x5.view(), w.view(), d.view(), 2, 1).unwrap();
    assert_eq!(uncropped.slice(s![1..6, 1..6]), right);
    // The same at other paddings and strides, including ones where the
    // last window stops short of the padded edge ((H + 2P − K) mod S ≠ 0).
    for (stride, padding) in [(1, 0), (1, 3), (2, 2), (3, 3), (2, 3), (2, 4)] {
        let y = conv2d_plain(x5.view(), w.view(), stride, padding).unwrap();
        let d = Array2::from_shape_fn(y.dim(), |(i, j)| (i * 3 + j) as f64 - 2.0);
        let (right, _) = conv2d_backward_plain(x5.view(), w.view(), d.view(), stride, padding).unwrap();
        let uncropped = conv_dx_mistaken([5, 5], w.view(), d.view(), stride, padding, ConvMistake::NoCrop);
        assert_eq!(uncropped.dim(), (5 + 2 * padding, 5 + 2 * padding));
        assert_eq!(uncropped.slice(s![padding..padding + 5, padding..padding + 5]), right, "S={stride} P={padding}");
    }
}

#[test]
fn gd_mistakes_scale_or_flip_the_step() {
    let x = array![[1.0, 0.5], [1.0, 1.5], [1.0, 3.0]];
    let y = array![1.0, 2.0, 2.5];
    let beta = array![0.1, 0.2];
    let lr = 0.01;
    let right = gd_step(x.view(), y.view(), beta.view(), lr, ErrorMeasure::Mse, None);
    let big = gd_step(x.view(), y.view(), beta.view(), lr, ErrorMeasure::Mse, Some(GdMistake::SseForMse));
    assert!(((&big - &beta) - (&right - &beta) * 3.0).iter().all(|d| d.abs() < 1e-12));
    let sign = gd_step(x.view(), y.view(), beta.view(), lr, ErrorMeasure::Mse, Some(GdMistake::Sign));
    assert!(((&sign - &beta) + (&right - &beta)).iter().all(|d| d.abs() < 1e-12));
    let e = deepstep::math::linreg::residuals(x.view(), y.view(), beta.view());
    let norm = e.dot(&e).sqrt();
    let l2 = gd_step(x.view(), y.view(), beta.view(), lr, ErrorMeasure::L2, None);
    let raw = gd_step(x.view(), y.view(), beta.view(), lr, ErrorMeasure::L2, Some(GdMistake::L2WithoutNorm));
    assert!(((&raw - &beta) - (&l2 - &beta) * norm).iter().all(|d| d.abs() < 1e-12));
    let sq = gd_step(x.view(), y.view(), beta.view(), lr, ErrorMeasure::L2, Some(GdMistake::L2AsSquared));
    assert!(((&sq - &beta) - (&raw - &beta) * 2.0).iter().all(|d| d.abs() < 1e-12));
}

#[test]
fn mle_and_posterior_mistakes() {
    let x = [1.0, 2.0, 4.0, 5.0];
    let (mu, sigma) = mle_normal(&x, None).unwrap().unwrap();
    assert_eq!((mu, sigma), (3.0, 2.5f64.sqrt()));
    assert_eq!(mle_normal(&x, Some(MleMistake::NMinusOne)).unwrap(), Some((3.0, (10.0f64 / 3.0).sqrt())));
    assert_eq!(mle_normal(&x, Some(MleMistake::VarianceForSigma)).unwrap(), Some((3.0, 2.5)));
    assert_eq!(mle_normal(&[2.0], Some(MleMistake::NMinusOne)).unwrap(), None);
    assert_eq!(mle_categorical(&[1, 0, 3], None).unwrap(), vec![0.25, 0.0, 0.75]);
    assert_eq!(mle_categorical(&[1, 0, 3], Some(MleMistake::CountsNotNormalised)).unwrap(), vec![1.0, 0.0, 3.0]);
    let close = |a: Option<Vec<f64>>, b: &[f64]| a.is_some_and(|a| a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-15));
    assert!(close(posterior(&[0.5, 0.5], &[0.2, 0.6], true), &[0.25, 0.75]));
    assert!(close(posterior(&[0.5, 0.5], &[0.2, 0.6], false), &[0.1, 0.3]));
    assert_eq!(posterior(&[1.0, 0.0], &[0.0, 1.0], true), None);
}

#[test]
fn a_loop_that_misses_an_end_lacks_that_steps_terms() {
    let (x, s, g, w_rec) = data();
    let right = bptt(x.view(), s.view(), g.view(), w_rec, None);
    // Without k = 1: column 0 is never written, and k = 1's terms are missing.
    let k1 = bptt(x.view(), s.view(), g.view(), w_rec, Some(BpttMistake::SkipsK1));
    let g1 = right.grad_over_time.column(1);
    assert!((k1.wx_grad + g1.dot(&x.column(0)) - right.wx_grad).abs() < 1e-12);
    assert!((k1.wrec_grad + g1.dot(&s.column(0)) - right.wrec_grad).abs() < 1e-12);
    assert!(k1.grad_over_time.column(0).iter().all(|v| *v == 0.0));
    assert_eq!(k1.grad_over_time.slice(s![.., 1..]), right.grad_over_time.slice(s![.., 1..]));
    // Without k = T nothing is carried back: only grad_out remains.
    let kt = bptt(x.view(), s.view(), g.view(), w_rec, Some(BpttMistake::SkipsKT));
    assert_eq!((kt.wx_grad, kt.wrec_grad), (0.0, 0.0));
    assert_eq!(kt.grad_over_time.column(4), g);
    assert!(kt.grad_over_time.slice(s![.., ..4]).iter().all(|v| *v == 0.0));
}

#[test]
fn the_loop_without_the_stride_and_the_wrong_crops() {
    let x = Array2::<f64>::zeros((5, 5));
    let w = array![[1.0, 2.0], [3.0, 4.0]];
    let (stride, padding) = (2, 1);
    let y = conv2d_plain(x.view(), w.view(), stride, padding).unwrap();
    let dy = Array2::from_shape_fn(y.dim(), |(i, j)| (i * 3 + j) as f64 + 1.0);
    let (right, _) = conv2d_backward_plain(x.view(), w.view(), dy.view(), stride, padding).unwrap();
    let m = |k| conv_dx_mistaken([5, 5], w.view(), dy.view(), stride, padding, k);
    let padded = m(ConvMistake::NoCrop);
    assert_eq!(m(ConvMistake::CropEndOnly), padded.slice(s![..5, ..5]));
    assert_eq!(m(ConvMistake::CropStartOnly), padded.slice(s![1.., 1..]));
    assert_eq!(m(ConvMistake::CropStartOnly).dim(), (6, 6));
    // dxp[P:-P] is right for P > 0 and empty for P = 0.
    assert_eq!(m(ConvMistake::CropNegativeEnd), right);
    let y0 = conv2d_plain(x.view(), w.view(), stride, 0).unwrap();
    let dy0 = Array2::ones(y0.dim());
    assert_eq!(conv_dx_mistaken([5, 5], w.view(), dy0.view(), stride, 0, ConvMistake::CropNegativeEnd).dim(), (0, 0));
    // The loop without the stride keeps dx's shape; dy[0, 1]·w lands at column 1, not 2.
    let loop_ = m(ConvMistake::NoGapsLoop);
    assert_eq!(loop_.dim(), (5, 5));
    let one = Array2::from_shape_fn(y.dim(), |(i, j)| if (i, j) == (0, 1) { 1.0 } else { 0.0 });
    let spread = conv_dx_mistaken([5, 5], w.view(), one.view(), stride, padding, ConvMistake::NoGapsLoop);
    // Its window starts at padded (0, 1), not (0, 2): w[1, 0] = 3 lands at
    // dx (0, 0) after the crop, one column left of where it belongs.
    assert_eq!((spread[[0, 0]], spread[[0, 1]]), (3.0, 4.0));
    let (right_one, _) = conv2d_backward_plain(x.view(), w.view(), one.view(), stride, padding).unwrap();
    assert_eq!((right_one[[0, 0]], right_one[[0, 1]]), (0.0, 3.0));
}
