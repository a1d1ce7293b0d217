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

/// A knob change in the RNN lab on its default chart: the run and the running
/// weight-gradient sums (the comparison and length charts run only while shown).
fn rnn_knob_change(c: &mut Criterion) {
    let s = RnnSettings { len: 500, hidden: 32, ..Default::default() };
    c.bench_function("rnn lab knob change T=500 H=32 (run and running sums)", |b| {
        b.iter(|| RnnLab::new(s.clone()).unwrap())
    });
}

criterion_group!(benches, renders, rnn_knob_change);
criterion_main!(benches);
