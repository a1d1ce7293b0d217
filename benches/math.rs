//! Math kernels: the convolution lab's recompute and the RNN lab's
//! forward + BPTT (target: tanh RNN, LSTM and GRU together under 16 ms).

use criterion::{Criterion, criterion_group, criterion_main};
use deepstep::math::conv::{self, ConvParams};
use deepstep::math::rng::Rng;
use deepstep::math::rnn::{self, BpttOptions, CellKind};
use ndarray::{Array1, Array3, Array4};
use std::hint::black_box;

fn conv_28x28(c: &mut Criterion) {
    let mut r = Rng::new(1);
    let x = Array3::from_shape_simple_fn((1, 28, 28), || r.normal());
    let w = Array4::from_shape_simple_fn((8, 1, 3, 3), || r.normal());
    let b = Array1::zeros(8);
    let dy = Array3::from_shape_simple_fn((8, 26, 26), || r.normal());
    let p = ConvParams::default();
    c.bench_function("conv2d forward+backward 28x28, 8 kernels 3x3", |bench| {
        bench.iter(|| {
            let y = conv::conv2d(x.view(), w.view(), b.view(), p).unwrap();
            let g = conv::conv2d_backward(x.view(), w.view(), dy.view(), p).unwrap();
            black_box((y, g))
        })
    });
    c.bench_function("conv2d forward trace 28x28, 8 kernels 3x3", |bench| {
        bench.iter(|| black_box(conv::forward_trace(x.view(), w.view(), b.view(), p).unwrap()))
    });
}

fn run_cell(kind: CellKind) -> f64 {
    let (t, h) = (500, 32);
    let p = rnn::RnnParams::random(kind, 4, h, 1.0, 1.0, 1).unwrap();
    let x = rnn::random_inputs(t, 4, 1.0, 1);
    let f = rnn::forward(&p, x.view(), Array1::zeros(h).view(), None).unwrap();
    let g = rnn::bptt(&p, &f, rnn::loss_on_last(t, h).view(), BpttOptions::default()).unwrap();
    g.log10_param_norm()
}

fn rnn_t500_h32(c: &mut Criterion) {
    for kind in CellKind::ALL {
        c.bench_function(&format!("rnn forward+bptt T=500 H=32 {kind:?}"), |b| b.iter(|| black_box(run_cell(kind))));
    }
    c.bench_function("rnn forward+bptt T=500 H=32 tanh+LSTM+GRU together", |b| {
        b.iter(|| black_box(run_cell(CellKind::Tanh) + run_cell(CellKind::Lstm) + run_cell(CellKind::Gru)))
    });
}

/// What `deepstep sweep --cell C --len 500 --hidden 32` computes in process
/// (its settings, seeded parameters and inputs, the forward pass and
/// log10 ||dL/dh_t||): the three whole processes are measured with `perf
/// stat` (docs/DEVELOPING.md), this is their computation alone.
fn sweep_t500_h32(c: &mut Criterion) {
    use deepstep::lessons::rnn::settings::RnnSettings;
    let sweep = |cell| {
        let s = RnnSettings { cell, radius: 0.9, len: 500, hidden: 32, seed: 1, ..RnnSettings::default() };
        s.dh_log10_norms().unwrap()
    };
    c.bench_function("sweep T=500 H=32 rnn+lstm+gru", |b| {
        b.iter(|| black_box((sweep(CellKind::Tanh), sweep(CellKind::Lstm), sweep(CellKind::Gru))))
    });
}

criterion_group!(benches, conv_28x28, rnn_t500_h32, sweep_t500_h32);
criterion_main!(benches);
