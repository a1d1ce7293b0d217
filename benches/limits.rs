//! Big input within the documented limits: time and peak memory.
//!
//! - `conv --print` of a 64×64 input with a 64×64 kernel and padding 16
//!   (1089 frames of 4096 taps each), streamed frame by frame: the peak
//!   resident memory is printed at the end (target: under 100 MB; it once
//!   needed gigabytes when every frame was kept).
//! - `quiz --check` of a 20,000-question bank (it once took 13 s: line
//!   numbers were counted from the start for every question).

use criterion::{Criterion, criterion_group, criterion_main};
use deepstep::cli::{ConvArgs, PrintFormat, conv_lab};
use deepstep::lessons::conv::report::print_to;
use deepstep::math::rng::Rng;
use deepstep::text::EN;
use std::hint::black_box;

fn matrix(side: usize, seed: u64) -> String {
    let mut r = Rng::new(seed);
    (0..side)
        .map(|_| (0..side).map(|_| (r.below(7) as i64 - 3).to_string()).collect::<Vec<_>>().join(","))
        .collect::<Vec<_>>()
        .join(";")
}

/// Peak resident memory of this process so far, in MB (Linux).
fn peak_mb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: u64 = s.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

fn conv_large(c: &mut Criterion) {
    let args = ConvArgs {
        input: Some(matrix(64, 1)),
        kernel: Some(matrix(64, 2)),
        stride: "1".into(),
        padding: "16".into(),
        dilation: "1".into(),
        dy: None,
        print: true,
        backward: false,
        format: PrintFormat::Text,
    };
    let lab = conv_lab(&args, &EN).unwrap();
    let mut g = c.benchmark_group("limits");
    g.sample_size(10);
    g.bench_function("conv --print 64x64 with a 64x64 kernel, padding 16 (streamed)", |b| {
        b.iter(|| black_box(print_to(&lab, false, "sum", &mut std::io::sink())))
    });
    if let Some(mb) = peak_mb() {
        eprintln!("limits: peak resident memory after the conv print: {mb} MB (target: under 100 MB)");
    }
    let bank: String = (0..20_000)
        .map(|i| {
            format!(
                "[[question]]\nid = \"q{i}\"\ntopic = \"chain\"\nkind = \"numeric\"\nprompt.en = \"p\"\nexplanation.en = \"e\"\nvalue = 1\n\n"
            )
        })
        .collect();
    g.bench_function("quiz --check of 20000 questions", |b| {
        b.iter(|| black_box(deepstep::lessons::quiz::bank::parse("big.toml", &bank).map(|q| q.len())))
    });
    g.finish();
    if let Some(mb) = peak_mb() {
        eprintln!("limits: peak resident memory after reading the 20000-question bank too: {mb} MB");
    }
}

criterion_group!(benches, conv_large);
criterion_main!(benches);
