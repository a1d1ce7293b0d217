//! Finite-difference checks: every backward function against central
//! differences of its own forward function.

use deepstep::math::linreg::{ErrorMeasure, line_data, residuals};
use deepstep::math::rng::Rng;
use deepstep::math::{conv, counting_rnn, rnn};
use ndarray::{Array, Array1, Array2, Array3, Array4, Dimension};

const H: f64 = 1e-6;

fn rand_array<Sh: ndarray::ShapeBuilder>(shape: Sh, rng: &mut Rng) -> Array<f64, Sh::Dim> {
    Array::from_shape_simple_fn(shape, || rng.normal())
}

/// Compare an analytic gradient with central differences of `loss` over the
/// entries of `param`.
fn check<D: Dimension>(
    what: &str,
    param: &mut Array<f64, D>,
    analytic: &Array<f64, D>,
    mut loss: impl FnMut(&Array<f64, D>) -> f64,
) {
    assert_eq!(param.shape(), analytic.shape(), "{what}: shape");
    for i in 0..param.len() {
        let orig = param.as_slice_memory_order().unwrap()[i];
        param.as_slice_memory_order_mut().unwrap()[i] = orig + H;
        let up = loss(param);
        param.as_slice_memory_order_mut().unwrap()[i] = orig - H;
        let down = loss(param);
        param.as_slice_memory_order_mut().unwrap()[i] = orig;
        let fd = (up - down) / (2.0 * H);
        let an = analytic.as_slice_memory_order().unwrap()[i];
        assert!((fd - an).abs() <= 1e-5 * (1.0 + an.abs()), "{what}[{i}]: analytic {an}, finite difference {fd}");
    }
}

#[test]
fn conv2d_backward_matches_finite_differences() {
    let mut rng = Rng::new(1);
    for (params, hw, k) in [
        (conv::ConvParams::default(), [5, 6], [3, 2]),
        (conv::ConvParams { stride: [2, 1], padding: [1, 2], dilation: [1, 2] }, [7, 6], [3, 3]),
        (conv::ConvParams { stride: [3, 2], padding: [0, 1], dilation: [2, 1] }, [9, 5], [2, 3]),
    ] {
        let mut x: Array3<f64> = rand_array((2, hw[0], hw[1]), &mut rng);
        let mut w: Array4<f64> = rand_array((3, 2, k[0], k[1]), &mut rng);
        let mut b: Array1<f64> = rand_array(3, &mut rng);
        let g = conv::ConvGeometry::new([2, hw[0], hw[1]], [3, 2, k[0], k[1]], params).unwrap();
        let dy: Array3<f64> = rand_array(g.output_shape(), &mut rng);
        let grads = conv::conv2d_backward(x.view(), w.view(), dy.view(), params).unwrap();
        let (x0, w0, b0) = (x.clone(), w.clone(), b.clone());
        let loss = |x: &Array3<f64>, w: &Array4<f64>, b: &Array1<f64>| {
            (conv::conv2d(x.view(), w.view(), b.view(), params).unwrap() * &dy).sum()
        };
        check("dx", &mut x, &grads.dx, |x| loss(x, &w0, &b0));
        check("dw", &mut w, &grads.dw, |w| loss(&x0, w, &b0));
        check("db", &mut b, &grads.db, |b| loss(&x0, &w0, b));
    }
}

#[test]
fn rnn_bptt_matches_finite_differences_for_every_cell() {
    for kind in rnn::CellKind::ALL {
        let (t_len, i, hd) = (5, 3, 4);
        let mut p = rnn::RnnParams::random(kind, i, hd, 0.9, 0.5, 3).unwrap();
        let mut rng = Rng::new(5);
        p.b_ih = rand_array(p.b_ih.len(), &mut rng) * 0.3;
        p.b_hh = rand_array(p.b_hh.len(), &mut rng) * 0.3;
        let mut x = rnn::random_inputs(t_len, i, 1.0, 4);
        let mut h0: Array1<f64> = rand_array(hd, &mut rng) * 0.5;
        let mut c0: Array1<f64> = rand_array(hd, &mut rng) * 0.5;
        let g: Array2<f64> = rand_array((t_len, hd), &mut rng);
        let lstm = kind == rnn::CellKind::Lstm;
        let loss = |p: &rnn::RnnParams, x: &Array2<f64>, h0: &Array1<f64>, c0: &Array1<f64>| {
            let f = rnn::forward(p, x.view(), h0.view(), lstm.then(|| c0.view())).unwrap();
            (f.hidden_states() * &g).sum()
        };
        let f = rnn::forward(&p, x.view(), h0.view(), lstm.then(|| c0.view())).unwrap();
        let gr = rnn::bptt(&p, &f, g.view(), rnn::BpttOptions::default()).unwrap();
        let (p0, x0, h00, c00) = (p.clone(), x.clone(), h0.clone(), c0.clone());
        let name = |s: &str| format!("{kind:?} {s}");
        check(&name("w_ih"), &mut p.w_ih, &gr.w_ih.to_plain(), |w| {
            loss(&rnn::RnnParams { w_ih: w.clone(), ..p0.clone() }, &x0, &h00, &c00)
        });
        check(&name("w_hh"), &mut p.w_hh, &gr.w_hh.to_plain(), |w| {
            loss(&rnn::RnnParams { w_hh: w.clone(), ..p0.clone() }, &x0, &h00, &c00)
        });
        check(&name("b_ih"), &mut p.b_ih, &gr.b_ih.to_plain(), |b| {
            loss(&rnn::RnnParams { b_ih: b.clone(), ..p0.clone() }, &x0, &h00, &c00)
        });
        check(&name("b_hh"), &mut p.b_hh, &gr.b_hh.to_plain(), |b| {
            loss(&rnn::RnnParams { b_hh: b.clone(), ..p0.clone() }, &x0, &h00, &c00)
        });
        check(&name("x"), &mut x, &gr.x.to_plain(), |x| loss(&p0, x, &h00, &c00));
        check(&name("h0"), &mut h0, &gr.h0.to_plain(), |h| loss(&p0, &x0, h, &c00));
        if lstm {
            check(&name("c0"), &mut c0, &gr.c0.as_ref().unwrap().to_plain(), |c| loss(&p0, &x0, &h00, c));
        }
    }
}

#[test]
fn counting_rnn_gradients_match_finite_differences() {
    let mut rng = Rng::new(8);
    let x = Array2::from_shape_simple_fn((6, 7), || (rng.uniform() < 0.5) as u8 as f64);
    for (wx, wr) in [(0.3, 0.7), (-1.5, 2.0), (1.0, 1.0), (0.9, -1.2)] {
        let (_, gx, gr) = counting_rnn::loss_and_grads(x.view(), wx, wr);
        let l = |a: f64, b: f64| counting_rnn::forward(x.view(), a, b).loss;
        let fx = (l(wx + H, wr) - l(wx - H, wr)) / (2.0 * H);
        let fr = (l(wx, wr + H) - l(wx, wr - H)) / (2.0 * H);
        assert!((gx - fx).abs() <= 1e-5 * (1.0 + gx.abs()), "w_x at ({wx},{wr}): {gx} vs {fx}");
        assert!((gr - fr).abs() <= 1e-5 * (1.0 + gr.abs()), "w_rec at ({wx},{wr}): {gr} vs {fr}");
    }
}

#[test]
fn every_error_measure_has_its_own_correct_gradient() {
    let (x, y) = line_data(12, 7.0, 2.0, 0.5, 2);
    for m in ErrorMeasure::ALL {
        let mut beta = Array1::from(vec![0.5, 3.0]);
        let e = residuals(x.view(), y.view(), beta.view());
        let analytic = m.gradient(x.view(), e.view());
        check(&format!("{m:?}"), &mut beta, &analytic, |b| m.value(residuals(x.view(), y.view(), b.view()).view()));
    }
}

/// ℓ(μ, σ)'s gradient against central differences, at points away from the fit.
#[test]
fn mle_loglik_gradient_matches_finite_differences() {
    use deepstep::math::mle;
    for seed in 0..8 {
        let x = mle::sample_normal(3 + seed as usize * 7, 1.0 - seed as f64, 0.5 + seed as f64, seed);
        let (mu, sigma) = (0.3 * seed as f64 - 1.0, 0.4 + 0.3 * seed as f64);
        let (gm, gs) = mle::loglik_grad(&x, mu, sigma).unwrap();
        let h = 1e-6;
        let l = |m: f64, s: f64| mle::loglik(&x, m, s).unwrap();
        let nm = (l(mu + h, sigma) - l(mu - h, sigma)) / (2.0 * h);
        let ns = (l(mu, sigma + h) - l(mu, sigma - h)) / (2.0 * h);
        assert!((gm - nm).abs() <= 1e-6 * gm.abs().max(1.0), "seed {seed}: ∂μ {gm} vs {nm}");
        assert!((gs - ns).abs() <= 1e-6 * gs.abs().max(1.0), "seed {seed}: ∂σ {gs} vs {ns}");
    }
}
