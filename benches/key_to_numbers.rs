//! From a knob key to the new run's numbers on screen, in the RNN lab at its
//! largest settings (T = 1000, H = 64), for every cell and every chart: the
//! key is handled, the worker computes the run (and the chart's series),
//! wakes the loop's wait (`lessons::wake`), the lab takes the result on the
//! woken tick, and one frame is drawn. Before the wake, the result waited
//! for the next 16 ms poll tick on top of its computation.

use criterion::{Criterion, criterion_group, criterion_main};
use deepstep::app::App;
use deepstep::lessons::lesson::mount;
use deepstep::lessons::rnn::lab::{Action, Chart, Knob, RnnLab};
use deepstep::lessons::rnn::settings::RnnSettings;
use deepstep::lessons::wake::Wait;
use deepstep::math::rnn::CellKind;
use deepstep::text::EN;
use deepstep::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::os::fd::AsRawFd;
use std::time::Duration;

fn lab_app(cell: CellKind, chart: Chart) -> App {
    let s = RnnSettings { cell, len: 1000, hidden: 64, ..Default::default() };
    let mut lab = RnnLab::build(s, chart).unwrap().in_background();
    lab.view.knob = Knob::Seed;
    App::new(mount(lab), &EN, Theme::COLOR)
}

fn computing(app: &App) -> bool {
    app.front_lesson::<RnnLab>().is_some_and(|l| l.computing.is_some())
}

fn key_to_numbers(c: &mut Criterion) {
    // The loop's wait, watching an input nobody writes to.
    let (input, _keep) = std::io::pipe().unwrap();
    let wait = Wait::with_input(input.as_raw_fd(), None).unwrap();
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut group = c.benchmark_group("rnn key to new numbers T=1000 H=64");
    group.sample_size(10);
    for cell in [CellKind::Tanh, CellKind::Lstm, CellKind::Gru] {
        for chart in [Chart::Distance, Chart::Cells, Chart::Length] {
            let mut app = lab_app(cell, chart);
            let mut up = true;
            group.bench_function(format!("{cell:?} {chart:?}"), |b| {
                b.iter(|| {
                    // The seed knob: a new run each time, the same cost.
                    app.act::<RnnLab>(if up { Action::KnobInc } else { Action::KnobDec });
                    up = !up;
                    while computing(&app) {
                        wait.wait(Duration::from_secs(10)).unwrap();
                        app.woken();
                    }
                    term.draw(|f| app.render(f)).unwrap();
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, key_to_numbers);
criterion_main!(benches);
