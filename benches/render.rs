//! Full-screen renders into a TestBackend (target: under 1 ms per frame).

use criterion::{Criterion, criterion_group, criterion_main};
use deepstep::app::App;
use deepstep::assets::digits;
use deepstep::lessons::conv::lab::{InputChoice, Settings};
use deepstep::lessons::conv::{Action, ConvLab};
use deepstep::lessons::lesson::mount;
use deepstep::lessons::rnn::lab::{Action as RnnAction, RnnLab};
use deepstep::lessons::rnn::settings::RnnSettings;
use deepstep::text::{EN, KO};
use deepstep::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn conv_app(input: InputChoice, modes: usize) -> App {
    let s = Settings { input, ..Settings::default() };
    let lab = ConvLab::new(s, Default::default(), digits().unwrap()).unwrap();
    let mut app = App::new(mount(lab), &EN, Theme::COLOR);
    for _ in 0..modes {
        app.act::<ConvLab>(Action::CycleMode);
    }
    app.act::<ConvLab>(Action::Next);
    app
}

/// A named way to build the screen under test.
type MakeScreen = (&'static str, fn() -> App);

fn renders(c: &mut Criterion) {
    let screens: Vec<MakeScreen> = vec![
        ("home", || App::home(&EN, Theme::COLOR)),
        ("conv forward", || conv_app(InputChoice::Sample(deepstep::math::kernels::Sample::Ramp), 0)),
        ("conv dW", || conv_app(InputChoice::Sample(deepstep::math::kernels::Sample::Ramp), 1)),
        ("conv dX", || conv_app(InputChoice::Sample(deepstep::math::kernels::Sample::Ramp), 2)),
        ("conv digit forward", || conv_app(InputChoice::Digit(3), 0)),
        ("conv digit dX", || conv_app(InputChoice::Digit(3), 2)),
        ("rnn backward T=200 H=32", || {
            let s = RnnSettings { len: 200, hidden: 32, ..Default::default() };
            let mut app = App::new(mount(RnnLab::new(s).unwrap()), &EN, Theme::COLOR);
            app.act::<RnnLab>(RnnAction::Last);
            app
        }),
        ("rnn backward Korean", || {
            let mut app = App::new(mount(RnnLab::new(Default::default()).unwrap()), &KO, Theme::COLOR);
            app.act::<RnnLab>(RnnAction::Last);
            app
        }),
        ("quiz feedback Korean", || {
            use deepstep::lessons::quiz::{
                bank,
                lab::{Action as Q, QuizLab},
            };
            let lab = QuizLab::new(bank::shipped().unwrap(), Default::default(), None, 1_800_000_000);
            let mut app = App::new(mount(lab), &KO, Theme::COLOR);
            app.act::<QuizLab>(Q::Skip);
            app
        }),
    ];
    for (name, make) in screens {
        for (w, h) in [(80u16, 24u16), (200, 60)] {
            let mut app = make();
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            c.bench_function(&format!("render {name} {w}x{h}"), |b| {
                b.iter(|| {
                    term.draw(|f| app.render(f)).unwrap();
                })
            });
        }
    }
}

/// The largest settings: every cell with each chart, computed on the spot
/// (what the background worker does per knob change; target for the
/// worker-free path was one 60 Hz frame, 16 ms).
fn rnn_largest(c: &mut Criterion) {
    use deepstep::lessons::rnn::lab::Chart;
    use deepstep::math::rnn::CellKind;
    let mut g = c.benchmark_group("rnn knob change T=1000 H=64");
    g.sample_size(10);
    for cell in CellKind::ALL {
        for chart in [Chart::Distance, Chart::Cells, Chart::Length] {
            let s = RnnSettings { cell, len: 1000, hidden: 64, ..Default::default() };
            g.bench_function(format!("{cell:?} {chart:?} chart"), |b| {
                b.iter(|| RnnLab::build(s.clone(), chart).unwrap())
            });
        }
    }
    g.finish();
}

/// Key to next frame in the app at T = 1000, H = 64 (LSTM, the length
/// chart, the heaviest): a knob key, the poll tick and a full 80x24 draw,
/// while the worker computes the runs the keys ask for.
fn rnn_key_to_frame(c: &mut Criterion) {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let s = RnnSettings { cell: deepstep::math::rnn::CellKind::Lstm, len: 1000, hidden: 64, ..Default::default() };
    let mut lab = RnnLab::new(s).unwrap().in_background();
    for a in [RnnAction::Last, RnnAction::CycleChart, RnnAction::CycleChart] {
        lab.update(a);
    }
    // The seed knob: each press asks for a new run of the same size.
    while lab.view.knob != deepstep::lessons::rnn::lab::Knob::Seed {
        lab.update(RnnAction::KnobDown);
    }
    let mut app = App::new(mount(lab), &EN, Theme::COLOR);
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let key = Event::Key(KeyEvent::new(KeyCode::Char(']'), KeyModifiers::NONE));
    c.bench_function("rnn key to next frame T=1000 H=64 LSTM length chart (worker busy)", |b| {
        b.iter(|| {
            app.handle(&key);
            app.tick(std::time::Instant::now());
            term.draw(|f| app.render(f)).unwrap();
        })
    });
}

/// A knob change in the RNN lab on its default chart: the run and the running
/// weight-gradient sums (the comparison and length charts run only while shown).
fn rnn_knob_change(c: &mut Criterion) {
    let s = RnnSettings { len: 500, hidden: 32, ..Default::default() };
    c.bench_function("rnn lab knob change T=500 H=32 (run and running sums)", |b| {
        b.iter(|| RnnLab::new(s.clone()).unwrap())
    });
}

criterion_group!(benches, renders, rnn_knob_change, rnn_largest, rnn_key_to_frame);
criterion_main!(benches);
