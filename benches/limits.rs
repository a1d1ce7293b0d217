//! Big input within the documented limits: time and peak memory.
//!
//! - `conv --print` of a 64×64 input with a 64×64 kernel and padding 16
//!   (1089 frames of 4096 taps each), streamed frame by frame: the peak
//!   resident memory is printed at the end (target: under 100 MB; it once
//!   needed gigabytes when every frame was kept).
//! - `quiz --check` of a 20,000-question bank (it once took 13 s: line
//!   numbers were counted from the start for every question).
//! - The worst accepted bank (the 2 MB cap full of valid questions, full of
//!   questions with problems, and one nested array), the worst template
//!   (`rnn-power` and `count-ds` at their largest N and T), and the worst
//!   prompt (the most lines and characters a field may have) drawn in the
//!   quiz: each reports its own peak resident memory and how far it rose
//!   above the memory held before it (the peak is reset before each through
//!   /proc/self/clear_refs; an 8 MB bank once peaked at 420 MB, a
//!   million-line prompt at 650 MB and a template draw at 3 GB).

use criterion::{Criterion, criterion_group, criterion_main};
use deepstep::app::App;
use deepstep::cli::{ConvArgs, PrintFormat, conv_lab};
use deepstep::lessons::conv::report::print_to;
use deepstep::lessons::lesson::mount;
use deepstep::lessons::quiz::lab::QuizLab;
use deepstep::lessons::quiz::round::RoundOptions;
use deepstep::math::rng::Rng;
use deepstep::text::EN;
use deepstep::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

fn matrix(side: usize, seed: u64) -> String {
    let mut r = Rng::new(seed);
    (0..side)
        .map(|_| (0..side).map(|_| (r.below(7) as i64 - 3).to_string()).collect::<Vec<_>>().join(","))
        .collect::<Vec<_>>()
        .join(";")
}

/// Start measuring the peak resident memory afresh: freed heap is given
/// back first (malloc_trim), then writing 5 to clear_refs resets VmHWM to
/// the current size (Linux). Returns that size in MB, to report the rise.
fn reset_peak() -> u64 {
    // SAFETY: malloc_trim only returns free heap pages to the system.
    unsafe { libc::malloc_trim(0) };
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    peak_mb().unwrap_or(0)
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

/// A bank of at most `bytes` made of `one(i)` repeated.
fn filled(bytes: usize, one: impl Fn(usize) -> String) -> String {
    let mut bank = String::new();
    for i in 0.. {
        let q = one(i);
        if bank.len() + q.len() > bytes {
            break;
        }
        bank += &q;
    }
    bank
}

fn banks(c: &mut Criterion) {
    use deepstep::lessons::quiz::bank::{MAX_BANK_BYTES, MAX_FIELD_CHARS, MAX_FIELD_LINES, parse};
    let cap = MAX_BANK_BYTES as usize;
    let valid = filled(cap, |i| {
        format!(
            "[[question]]\nid = \"q{i}\"\ntopic = \"chain\"\nkind = \"truefalse\"\nprompt.en = \"p\"\nexplanation.en = \"e\"\ntruth = true\n\n"
        )
    });
    let broken = filled(cap, |i| {
        format!(
            "[[question]]\nid = \"q{i}\"\ntopic = \"chain\"\nkind = \"choice\"\nprompt.en = \"p\"\nexplanation.en = \"e\"\ncorrect = 9\n\n"
        )
    });
    let nested = format!("x = {}{}", "[".repeat(cap / 2 - 8), "]".repeat(cap / 2 - 8));
    let mut g = c.benchmark_group("limits");
    g.sample_size(10);
    for (name, bank) in
        [("valid questions", &valid), ("questions with problems", &broken), ("one nested array", &nested)]
    {
        let base = reset_peak();
        g.bench_function(format!("quiz --check of a {} MB bank of {name}", cap >> 20), |b| {
            b.iter(|| black_box(parse("worst.toml", bank).map(|q| q.len()).map_err(|p| p.len())))
        });
        if let Some(mb) = peak_mb() {
            eprintln!("limits: peak resident memory, the {} MB bank of {name}: {mb} MB (+{} MB)", cap >> 20, mb - base);
        }
    }
    for (template, params) in
        [("rnn-power", "W10 = [11, 11], N = [1000, 1000]"), ("count-ds", "T = [1000, 1000], W = [1, 1], K = [1, 1]")]
    {
        let bank = format!(
            "[[question]]\nid = \"t\"\ntopic = \"rnn\"\nkind = \"numeric\"\ntemplate = \"{template}\"\nparams = {{ {params} }}\nprompt.en = \"p\"\nexplanation.en = \"e\"\n"
        );
        let q = parse("t.toml", &bank).unwrap_or_else(|p| panic!("{p:?}")).remove(0);
        let base = reset_peak();
        g.bench_function(format!("a draw of {template} at its largest ({params})"), |b| {
            b.iter(|| black_box(q.redrawn(7).is_ok()))
        });
        if let Some(mb) = peak_mb() {
            eprintln!("limits: peak resident memory, {template} at its largest: {mb} MB (+{} MB)", mb - base);
        }
    }
    // The longest prompt a bank may hold: MAX_FIELD_LINES lines, MAX_FIELD_CHARS characters.
    let line = "x".repeat(MAX_FIELD_CHARS / MAX_FIELD_LINES - 1);
    let prompt = vec![line; MAX_FIELD_LINES].join("\\n");
    let bank = format!(
        "[[question]]\nid = \"long\"\ntopic = \"chain\"\nkind = \"numeric\"\nvalue = 1\nprompt.en = \"{prompt}\"\nexplanation.en = \"e\"\n"
    );
    let questions = parse("long.toml", &bank).unwrap_or_else(|p| panic!("{p:?}"));
    let options = RoundOptions { generated: 0, count: 1, seed: 1, ..Default::default() };
    let mut app = App::new(mount(QuizLab::with_progress(questions, options, Default::default(), 0)), &EN, Theme::COLOR);
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let base = reset_peak();
    g.bench_function(
        format!("a quiz frame of the longest prompt ({MAX_FIELD_LINES} lines, {MAX_FIELD_CHARS} characters)"),
        |b| b.iter(|| black_box(term.draw(|f| app.render(f)).is_ok())),
    );
    if let Some(mb) = peak_mb() {
        eprintln!("limits: peak resident memory, drawing the longest prompt: {mb} MB (+{} MB)", mb - base);
    }
    g.finish();
}

criterion_group!(benches, conv_large, banks);
criterion_main!(benches);
