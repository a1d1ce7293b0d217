//! Properties of the math that must hold for every input, not just the golden ones.

use crate::cases::{Case, check};
use deepstep::math::conv::{self, ConvError, ConvGeometry, ConvParams};
use deepstep::math::mle;
use deepstep::math::parse::{parse_counts, parse_list, parse_matrix, parse_number};
use deepstep::math::rng::Rng;
use deepstep::math::rnn::{self, BpttOptions, CellKind};
use ndarray::{Array1, Array3, Array4};

fn arr3(shape: [usize; 3], seed: u64) -> Array3<f64> {
    let mut r = Rng::new(seed);
    Array3::from_shape_simple_fn(shape, || r.normal())
}

fn arr4(shape: [usize; 4], seed: u64) -> Array4<f64> {
    let mut r = Rng::new(seed);
    Array4::from_shape_simple_fn(shape, || r.normal())
}

/// One output of a convolution from its definition, as plain loops:
/// y[o, i, j] = b + Σ_c Σ_m Σ_n x[c, i·S + m·D − P, j·S + n·D − P] · w[o, c, m, n],
/// with x zero outside its bounds.
fn plain_conv_at(x: &Array3<f64>, w: &Array4<f64>, b: f64, p: ConvParams, at: [usize; 3]) -> f64 {
    let [o, i, j] = at;
    let (c_in, h, wd) = x.dim();
    let (_, _, kh, kw) = w.dim();
    let mut sum = b;
    for c in 0..c_in {
        for m in 0..kh {
            for n in 0..kw {
                let r = (i * p.stride[0] + m * p.dilation[0]) as i64 - p.padding[0] as i64;
                let q = (j * p.stride[1] + n * p.dilation[1]) as i64 - p.padding[1] as i64;
                if (0..h as i64).contains(&r) && (0..wd as i64).contains(&q) {
                    sum += x[[c, r as usize, q as usize]] * w[[o, c, m, n]];
                }
            }
        }
    }
    sum
}

/// A convolution's shapes and parameters, invalid ones included (a stride
/// or dilation of 0, a kernel larger than the padded input).
fn geometry(c: &mut Case) -> ([usize; 3], [usize; 4], ConvParams) {
    let (c_in, c_out) = (c.int(1, 3), c.int(1, 3));
    let (h, w, kh, kw) = (c.int(1, 9), c.int(1, 9), c.int(1, 5), c.int(1, 5));
    let stride = [c.int(0, 4), c.int(1, 4)];
    let padding = [c.int(0, 3), c.int(0, 3)];
    let dilation = [c.int(1, 3), c.int(0, 3)];
    ([c_in, h, w], [c_out, c_in, kh, kw], ConvParams { stride, padding, dilation })
}

/// OH = floor((H + 2P − D(K−1) − 1)/S) + 1 is the forward output's shape,
/// and an invalid geometry is an error, never a panic.
#[test]
fn output_size_formula_equals_forward_shape() {
    check("output_size_formula_equals_forward_shape", 200, |c| {
        let (xs, ws, p) = geometry(c);
        let seed = c.seed(1000);
        let x = arr3(xs, seed);
        let w = arr4(ws, seed + 1);
        let b = Array1::zeros(ws[0]);
        let formula = |i: usize| -> Option<usize> {
            let (h, k, s, pad, d) =
                (xs[i + 1] as i64, ws[i + 2] as i64, p.stride[i] as i64, p.padding[i] as i64, p.dilation[i] as i64);
            if s == 0 || d == 0 {
                return None;
            }
            let num = h + 2 * pad - d * (k - 1) - 1;
            if num < 0 { None } else { Some((num / s + 1) as usize) }
        };
        match conv::conv2d(x.view(), w.view(), b.view(), p) {
            Ok(y) => {
                assert_eq!(Some(y.shape()[1]), formula(0));
                assert_eq!(Some(y.shape()[2]), formula(1));
            }
            Err(e) => {
                assert!(formula(0).is_none() || formula(1).is_none(), "unexpected {e}");
                let expected = matches!(
                    e,
                    ConvError::ZeroStride { .. } | ConvError::ZeroDilation { .. } | ConvError::KernelTooLarge { .. }
                );
                assert!(expected, "unexpected error {}", e);
            }
        }
    });
}

/// The backward pass is the adjoint of the forward pass (zero bias):
/// <dy, conv(x, w)> = <dX(dy), x> = <dW(dy), w>.
#[test]
fn backward_is_the_adjoint() {
    check("backward_is_the_adjoint", 200, |c| {
        let (xs, ws, p) = geometry(c);
        let seed = c.seed(1000);
        let Ok(g) = ConvGeometry::new(xs, ws, p) else { return };
        let (x, w, dy) = (arr3(xs, seed), arr4(ws, seed + 1), arr3(g.output_shape(), seed + 2));
        let y = conv::conv2d(x.view(), w.view(), Array1::zeros(ws[0]).view(), p).unwrap();
        let gr = conv::conv2d_backward(x.view(), w.view(), dy.view(), p).unwrap();
        let lhs = (&dy * &y).sum();
        let via_x = (&gr.dx * &x).sum();
        let via_w = (&gr.dw * &w).sum();
        let tol = 1e-9 * (1.0 + lhs.abs());
        assert!((lhs - via_x).abs() < tol, "{} vs {}", lhs, via_x);
        assert!((lhs - via_w).abs() < tol, "{} vs {}", lhs, via_w);
    });
}

/// Every frame's running sums build up its value: the last sum is the
/// value exactly, and each sum is the previous one plus the product.
#[test]
fn trace_sums_equal_forward_values() {
    check("trace_sums_equal_forward_values", 200, |c| {
        let (xs, ws, p) = geometry(c);
        let seed = c.seed(1000);
        let Ok(g) = ConvGeometry::new(xs, ws, p) else { return };
        let (x, w, b) = (arr3(xs, seed), arr4(ws, seed + 1), Array1::from_elem(ws[0], 0.25));
        let y = conv::conv2d(x.view(), w.view(), b.view(), p).unwrap();
        let frames = conv::forward_trace(x.view(), w.view(), b.view(), p).unwrap();
        assert_eq!(frames.len(), y.len());
        for f in &frames {
            assert_eq!(f.taps.len(), xs[0] * ws[2] * ws[3]);
            let mut sum = f.start;
            for t in &f.taps {
                assert_eq!(t.product, t.a.value * t.b.value);
                sum += t.product;
                assert_eq!(t.sum, sum);
            }
            assert_eq!(f.value, y[f.at]);
            // The window walk itself, from the definition (value and trace share it in the code).
            let want = plain_conv_at(&x, &w, 0.25, p, f.at);
            assert!((f.value - want).abs() <= 1e-12 * (1.0 + want.abs()), "{:?}: {} vs {}", f.at, f.value, want);
        }
        let dy = arr3(g.output_shape(), seed + 2);
        let gr = conv::conv2d_backward(x.view(), w.view(), dy.view(), p).unwrap();
        for f in conv::grad_x_trace(xs, w.view(), dy.view(), p).unwrap() {
            assert_eq!(f.value, gr.dx[f.at]);
        }
        for f in conv::grad_w_trace(x.view(), w.view(), dy.view(), p).unwrap() {
            assert_eq!(f.value, gr.dw[f.at]);
        }
    });
}

fn setup(kind: CellKind, t_len: usize, hd: usize, radius: f64, seed: u64) -> (rnn::RnnParams, rnn::Forward) {
    let p = rnn::RnnParams::random(kind, 3, hd, radius, 1.0, seed).unwrap();
    let x = rnn::random_inputs(t_len, 3, 1.0, seed);
    let f = rnn::forward(&p, x.view(), Array1::zeros(hd).view(), None).unwrap();
    (p, f)
}

/// A truncation window k ≥ T takes the truncated code path and still gives
/// exactly the gradients of full BPTT (up to summation order).
#[test]
fn truncation_with_k_at_least_t_is_full_bptt() {
    check("truncation_with_k_at_least_t_is_full_bptt", 40, |c| {
        let kind = c.pick(&CellKind::ALL);
        let (t_len, extra, hd) = (c.int(1, 12), c.int(0, 3), c.int(1, 5));
        let (seed, all) = (c.seed(500), c.flag());
        let (p, f) = setup(kind, t_len, hd, 0.9, seed);
        let mut r = Rng::new(seed);
        let g = if all {
            ndarray::Array2::from_shape_simple_fn((t_len, hd), || r.normal())
        } else {
            rnn::loss_on_last(t_len, hd)
        };
        let full = rnn::bptt(&p, &f, g.view(), BpttOptions::default()).unwrap();
        let trunc = rnn::bptt(&p, &f, g.view(), BpttOptions { truncation: Some(t_len + extra), clip: None }).unwrap();
        let pairs = [
            (full.w_hh.to_plain().into_dyn(), trunc.w_hh.to_plain().into_dyn()),
            (full.w_ih.to_plain().into_dyn(), trunc.w_ih.to_plain().into_dyn()),
            (full.b_ih.to_plain().into_dyn(), trunc.b_ih.to_plain().into_dyn()),
            (full.h0.to_plain().into_dyn(), trunc.h0.to_plain().into_dyn()),
            (full.dh.to_plain().into_dyn(), trunc.dh.to_plain().into_dyn()),
            (full.x.to_plain().into_dyn(), trunc.x.to_plain().into_dyn()),
        ];
        for (a, b) in pairs {
            for (u, v) in a.iter().zip(b.iter()) {
                assert!((u - v).abs() <= 1e-10 * (1.0 + u.abs()), "{} vs {}", u, v);
            }
        }
    });
}

/// Clipping never raises the gradient norm, and caps it at the threshold.
#[test]
fn clipping_never_raises_a_norm() {
    check("clipping_never_raises_a_norm", 40, |c| {
        let kind = c.pick(&CellKind::ALL);
        let (t_len, hd) = (c.int(1, 30), c.int(1, 6));
        let (radius, threshold, seed) = (c.float(0.1, 3.0), c.float(1e-3, 1e3), c.seed(500));
        let (p, f) = setup(kind, t_len, hd, radius, seed);
        let g = rnn::loss_on_last(t_len, hd);
        let plain = rnn::bptt(&p, &f, g.view(), BpttOptions::default()).unwrap();
        let clipped = rnn::bptt(&p, &f, g.view(), BpttOptions { truncation: None, clip: Some(threshold) }).unwrap();
        let report = clipped.clip.unwrap();
        assert!((report.log10_norm_before - plain.log10_param_norm()).abs() < 1e-12);
        assert!(report.log10_norm_after <= report.log10_norm_before + 1e-12);
        assert!(
            clipped.log10_param_norm() <= threshold.log10() + 1e-9 || report.log10_norm_before <= threshold.log10()
        );
        assert!((clipped.log10_param_norm() - report.log10_norm_after).abs() < 1e-9);
    });
}

/// log10 ||(Wᵀ)^k g|| computed independently: normalise after every product
/// and add up the logs.
fn reference_log_norms(w: &ndarray::Array2<f64>, g: &Array1<f64>, steps: usize) -> Vec<f64> {
    let mut v = g.clone();
    let mut log = 0.0;
    let mut out = vec![];
    for _ in 0..steps {
        let n = v.dot(&v).sqrt();
        out.push(log + n.log10());
        log += n.log10();
        v = w.t().dot(&(v / n));
    }
    out
}

#[test]
fn exploding_and_vanishing_norms_stay_finite_and_right() {
    for radius in [0.1, 0.5, 1.5, 3.0] {
        let (p, f) = setup(CellKind::Linear, 1000, 8, radius, 7);
        let g = rnn::loss_on_last(1000, 8);
        let gr = rnn::bptt(&p, &f, g.view(), BpttOptions::default()).unwrap();
        let logs = gr.dh_log10_norms();
        let want = reference_log_norms(&p.w_hh, &Array1::ones(8), 1000);
        for (k, w) in want.iter().enumerate() {
            let got = logs[999 - k];
            assert!(got.is_finite(), "rho {radius}: log10 norm at distance {k} is {got}");
            assert!((got - w).abs() < 1e-9 * (1.0 + w.abs()), "rho {radius} distance {k}: {got} vs {w}");
        }
        // Far from the loss the norm changes by log10 ρ per step.
        let slope = logs[99] - logs[100];
        assert!((slope - radius.log10()).abs() < 1e-6, "rho {radius}: slope {slope}");
        // Parameter gradients keep a meaningful size too.
        assert!(gr.log10_param_norm().is_finite());
        // The forward states of the linear cell explode without becoming inf.
        assert!(f.h_log10_norms().iter().all(|l| l.is_finite()));
    }
    for kind in [CellKind::Tanh, CellKind::Lstm, CellKind::Gru] {
        for radius in [0.1, 3.0] {
            let (p, f) = setup(kind, 1000, 16, radius, 3);
            let gr = rnn::bptt(&p, &f, rnn::loss_on_last(1000, 16).view(), BpttOptions::default()).unwrap();
            let logs = gr.dh_log10_norms();
            assert!(logs.iter().all(|l| l.is_finite()), "{kind:?} rho {radius}: {:?}", &logs[..5]);
            assert!(gr.log10_param_norm().is_finite());
        }
    }
}

/// dX is the transpose of the convolution's own matrix applied to dY (hence
/// "transposed convolution"), for any stride, padding and dilation: the
/// matrix M maps the flattened x to the flattened y, column j is the output
/// of the j-th unit input. Transposing the K×K kernel is not the 180° flip
/// that dX slides (the quiz's conv-dx-what says both).
#[test]
fn dx_is_the_transpose_of_the_convolutions_matrix() {
    for (seed, stride, padding, dilation) in [(1, 1, 0, 1), (2, 2, 1, 1), (3, 1, 2, 2), (4, 3, 1, 1)] {
        let params = ConvParams { stride: [stride; 2], padding: [padding; 2], dilation: [dilation; 2] };
        let (xs, ws) = ([2, 6, 5], [2, 2, 3, 2]);
        let w = arr4(ws, seed);
        let b = Array1::zeros(2);
        let n_in: usize = xs.iter().product();
        let columns: Vec<Array3<f64>> = (0..n_in)
            .map(|j| {
                let mut e = Array3::zeros(xs);
                e.as_slice_mut().unwrap()[j] = 1.0;
                conv::conv2d(e.view(), w.view(), b.view(), params).unwrap()
            })
            .collect();
        let dy = arr3(columns[0].dim().into(), seed + 10);
        let dx = conv::conv2d_backward(arr3(xs, 0).view(), w.view(), dy.view(), params).unwrap().dx;
        for (j, col) in columns.iter().enumerate() {
            // (Mᵀ dY)_j = column j · dY
            let want: f64 = col.iter().zip(dy.iter()).map(|(m, d)| m * d).sum();
            let got = dx.as_slice().unwrap()[j];
            assert!((got - want).abs() < 1e-12 * want.abs().max(1.0), "case {seed}, x[{j}]: {got} vs {want}");
        }
    }
    let w = arr4([1, 1, 3, 3], 5);
    let flipped = conv::flipped_kernel(w.view(), 0, 0);
    let kernel = w.index_axis(ndarray::Axis(0), 0).index_axis(ndarray::Axis(0), 0).to_owned();
    assert_ne!(kernel.t().to_owned(), flipped, "the kernel's transpose is not its 180° flip");
    let q = deepstep::lessons::quiz::bank::shipped().unwrap().into_iter().find(|q| q.id == "conv-dx-what").unwrap();
    let deepstep::lessons::quiz::bank::Answer::Choice { options, .. } = q.answer else { panic!() };
    let why = options[3].why.as_ref().unwrap();
    assert!(why.en.contains("transposed convolution") && why.en.contains("Toeplitz"), "{}", why.en);
    assert!(!why.en.contains("fully connected"), "{}", why.en);
}

/// The closed form is the maximum: any perturbation of (μ̂, σ̂) lowers ℓ,
/// and p̂ sums to 1 and beats any other point of the simplex.
#[test]
fn mle_closed_forms_are_maxima() {
    check("mle_closed_forms_are_maxima", 256, |c| {
        let x: Vec<f64> = (0..c.int(2, 40)).map(|_| c.float(-100.0, 100.0)).collect();
        let (dm, ds) = (c.float(-5.0, 5.0), c.float(-0.9, 5.0));
        let counts: Vec<u64> = (0..c.int(1, 8)).map(|_| c.int(0, 50) as u64).collect();
        let w: Vec<f64> = (0..8).map(|_| c.float(0.01, 1.0)).collect();
        let f = mle::fit_normal(&x).unwrap();
        if f.sigma <= 1e-6 || (dm == 0.0 && ds == 0.0) {
            return;
        }
        let best = f.loglik.unwrap();
        let other = mle::loglik(&x, f.mu + dm, f.sigma * (1.0 + ds)).unwrap();
        assert!(other <= best + 1e-9 * best.abs(), "{other} > {best}");
        if counts.iter().sum::<u64>() == 0 {
            return;
        }
        let cat = mle::fit_categorical(&counts).unwrap();
        assert!((cat.p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        let q_sum: f64 = w[..counts.len()].iter().sum();
        let q: Vec<f64> = w[..counts.len()].iter().map(|v| v / q_sum).collect();
        assert!(mle::categorical_loglik(&counts, &q) <= cat.loglik + 1e-9 * cat.loglik.abs().max(1.0));
    });
}

/// The parsers of typed numbers, lists and matrices return a value or a
/// typed error for any text, and never a non-finite number.
#[test]
fn parsers_never_panic_and_never_return_non_finite() {
    check("parsers_never_panic_and_never_return_non_finite", 256, |c| {
        let (s, t) = (c.any_text(40), c.text_of("-0123456789.,;| /%eEinfNa", 40));
        for text in [&s, &t] {
            if let Some(v) = parse_number(text) {
                assert!(v.is_finite());
            }
            if let Ok(v) = parse_list(text) {
                assert!(v.iter().all(|x| x.is_finite()) && !v.is_empty());
            }
            if let Ok(counts) = parse_counts(text) {
                assert!(counts.iter().any(|x| *x > 0));
            }
            if let Ok((ch, rows, cols, v)) = parse_matrix(text) {
                assert_eq!(v.len(), ch * rows * cols);
                assert!(v.iter().all(|x| x.is_finite()));
            }
        }
    });
}

/// Any bank text is read into questions or problems with line numbers
/// inside the file, never a panic.
#[test]
fn bank_parsing_never_panics() {
    check("bank_parsing_never_panics", 256, |c| {
        let body = c.text_of("[]abcdefghijklmnopqrstuvwxyz_.=\" 0123456789\n", 300);
        let text = format!("[[question]]\nid = \"x\"\ntopic = \"chain\"\nkind = \"numeric\"\n{body}");
        if let Err(problems) = deepstep::lessons::quiz::bank::parse("p.toml", &text) {
            let lines = text.lines().count().max(1);
            for p in problems {
                assert!(p.line >= 1 && p.line <= lines + 1, "{p:?}");
            }
        }
    });
}
