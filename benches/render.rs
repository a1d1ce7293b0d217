//! Full-screen renders into a TestBackend (target: under 1 ms per frame).

use criterion::{Criterion, criterion_group, criterion_main};
use deepstep::app::{App, AppAction, Screen};
use deepstep::assets::digits;
use deepstep::lessons::conv::state::{InputChoice, Settings};
use deepstep::lessons::conv::{Action, ConvLab};
use deepstep::text::EN;
use deepstep::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn conv_app(input: InputChoice, modes: usize) -> App {
    let s = Settings {
        input,
        ..Settings::default()
    };
    let lab = ConvLab::new(s, Default::default(), digits().unwrap()).unwrap();
    let mut app = App::new(Screen::Conv(Box::new(lab)), &EN, Theme::COLOR);
    for _ in 0..modes {
        app.update(AppAction::Conv(Action::CycleMode));
    }
    app.update(AppAction::Conv(Action::Next));
    app
}

/// A named way to build the screen under test.
type MakeScreen = (&'static str, fn() -> App);

fn renders(c: &mut Criterion) {
    let screens: Vec<MakeScreen> = vec![
        ("home", || App::home(&EN, Theme::COLOR)),
        ("conv forward", || {
            conv_app(
                InputChoice::Sample(deepstep::math::kernels::Sample::Ramp),
                0,
            )
        }),
        ("conv dW", || {
            conv_app(
                InputChoice::Sample(deepstep::math::kernels::Sample::Ramp),
                1,
            )
        }),
        ("conv dX", || {
            conv_app(
                InputChoice::Sample(deepstep::math::kernels::Sample::Ramp),
                2,
            )
        }),
        ("conv digit forward", || conv_app(InputChoice::Digit(3), 0)),
        ("conv digit dX", || conv_app(InputChoice::Digit(3), 2)),
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

criterion_group!(benches, renders);
criterion_main!(benches);
