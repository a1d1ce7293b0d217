//! The RNN lab drawn at both sizes, clicks on home and the timeline, and
//! random key sequences at random sizes that never panic.

use crate::cases::{Case, check};
use crate::common;
use common::{draw, key};
use deepstep::app::App;
use deepstep::lessons::lesson::mount;
use deepstep::text::EN;
use deepstep::ui::theme::Theme;
use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

fn rnn_app(settings: deepstep::lessons::rnn::settings::RnnSettings) -> App {
    let lab = deepstep::lessons::rnn::lab::RnnLab::new(settings).unwrap();
    App::new(mount(lab), &EN, Theme::COLOR)
}

#[test]
fn rnn_lab_shows_the_timeline_norms_and_chart_at_both_sizes() {
    use deepstep::math::format::pow10;
    for (w, h) in [(80, 24), (120, 40)] {
        let settings = deepstep::lessons::rnn::settings::RnnSettings { len: 12, ..Default::default() };
        let lab = deepstep::lessons::rnn::lab::RnnLab::new(settings.clone()).unwrap();
        let mut app = rnn_app(settings);
        let (s, _) = draw(&mut app, w, h);
        assert!(s.contains("RNN lab") && s.contains("step t = 1 of 12"), "{w}x{h}:\n{s}");
        assert!(s.contains(&pow10(lab.h_log10[0])), "h_1's norm:\n{s}");
        // Nothing measured is given away before BPTT runs.
        assert!(s.contains(EN.rnn.rate_not_yet) && !s.contains("per step back"), "{s}");
        app.handle(&key(KeyCode::End));
        app.handle(&key(KeyCode::Home));
        // Forward to the end, then one step into BPTT: ||dL/dh_12|| appears.
        for _ in 0..12 {
            app.handle(&key(KeyCode::Right));
        }
        let (s, _) = draw(&mut app, w, h);
        assert!(s.contains("backward") && s.contains("step t = 12 of 12"), "{s}");
        assert!(s.contains(&pow10(lab.dh_log10[11])), "||dL/dh_12||:\n{s}");
        app.handle(&key(KeyCode::Right));
        let (s, _) = draw(&mut app, w, h);
        assert!(s.contains(&pow10(lab.dh_log10[10])), "||dL/dh_11||:\n{s}");
        // Four steps back: the rate measured over them, and the chart's powers of ten.
        for _ in 0..3 {
            app.handle(&key(KeyCode::Right));
        }
        let (s, _) = draw(&mut app, w, h);
        let rate = deepstep::math::rnn::rate_per_step(&lab.dh_log10[7..]).unwrap();
        assert!(s.contains(&(EN.rnn.rate)(&deepstep::math::format::num(rate))), "{s}");
        if h < 40 {
            app.handle(&key(KeyCode::Tab)); // at 80×24 the chart is the other panel
        }
        let (s, _) = draw(&mut app, w, h);
        assert!(s.contains("1e"), "powers of ten on the axis:\n{s}");
        let plot_rows = s.lines().filter(|l| l.contains("|1e") || l.contains("|    |")).count();
        assert!(plot_rows >= 10, "{plot_rows} plot rows at {w}x{h}:\n{s}");
    }
}

#[test]
fn rnn_lab_marks_truncated_steps_and_shows_clipping() {
    let settings = deepstep::lessons::rnn::settings::RnnSettings {
        len: 8,
        truncation: Some(2),
        clip: Some(0.01),
        ..Default::default()
    };
    let lab = deepstep::lessons::rnn::lab::RnnLab::new(settings.clone()).unwrap();
    let mut app = rnn_app(settings);
    app.handle(&key(KeyCode::End));
    let (s, _) = draw(&mut app, 120, 40);
    // The dL/dh row (steps 1..7 fit beside the knobs): with k = 2 the loss
    // at h_8 reaches h_7 and h_6, the run's norms; steps 1..5 are cut.
    let row = s.lines().find(|l| l.contains("dL/dh")).expect("the dL/dh row");
    // "|||dL/dh_t||  0 cut …  ||  knob": the cells are between the label and the knobs.
    let timeline = row.split("||").nth(2).expect("the timeline panel");
    let cells: Vec<String> = timeline.split("  ").map(str::trim).filter(|c| !c.is_empty()).map(String::from).collect();
    let mut want: Vec<String> = vec![format!("0 {}", EN.rnn.cut); 5];
    want.extend(lab.dh_log10[5..7].iter().map(|l| deepstep::math::format::pow10(*l)));
    assert_eq!(cells, want, "{s}");
    // The clipping line gives the run's norms before and after.
    let c = lab.run.grads.clip.expect("clipped");
    let (before, after) =
        (deepstep::math::format::pow10(c.log10_norm_before), deepstep::math::format::pow10(c.log10_norm_after));
    assert!(s.contains(&format!("clipping at 0.01: ||grad|| {before} -> {after}")), "{s}");
    assert!(c.log10_norm_before > -2.0 && (c.log10_norm_after - -2.0).abs() < 1e-12, "{c:?}");
    // The explanation wraps over several rows: read it with the spacing squeezed.
    let squash = |x: &str| x.split_whitespace().collect::<Vec<_>>().join(" ");
    let body: String = s.lines().map(|l| l.trim_matches('|')).collect::<Vec<_>>().join(" ");
    assert!(squash(&body).contains(&squash(EN.rnn.explain_truncation)), "{s}");
}

/// In the app a knob change shows at once: the new value in the panel and
/// "computing…" until the worker's run arrives, then the new run's numbers.
#[test]
fn rnn_lab_says_computing_until_the_new_run_arrives() {
    use deepstep::lessons::rnn::lab::{Action as R, RnnLab};
    let settings = deepstep::lessons::rnn::settings::RnnSettings { len: 12, ..Default::default() };
    let lab = RnnLab::new(settings).unwrap().in_background();
    let mut app = App::new(mount(lab), &EN, Theme::COLOR);
    for _ in 0..2 {
        app.act::<RnnLab>(R::KnobDown);
    }
    app.act::<RnnLab>(R::KnobInc);
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains(EN.rnn.computing) && s.contains("step t = 1 of 12"), "{s}");
    assert!(s.lines().any(|l| l.contains(EN.rnn.knob_names[2]) && l.contains("30")), "the panel shows T = 30:\n{s}");
    let start = std::time::Instant::now();
    while app.tick_interval().is_some() {
        assert!(start.elapsed().as_secs() < 20, "the worker never answered");
        std::thread::sleep(std::time::Duration::from_millis(5));
        app.tick(std::time::Instant::now());
    }
    let (s, _) = draw(&mut app, 80, 24);
    assert!(!s.contains(EN.rnn.computing) && s.contains("step t = 1 of 30"), "{s}");
}

/// One input of the no-panic walk. Keys are drawn from the tables of the
/// screen in front at the moment they are pressed (and the global ones), so
/// a key added to any table later is fuzzed without being listed here.
#[derive(Debug, Clone)]
enum Input {
    /// Row `usize` of the front screen's table (one of its keys, by the second index).
    Table(usize, usize),
    /// Row `usize` of the global table.
    Global(usize),
    /// Anything a keyboard may send that no table names.
    Raw(KeyCode),
    Click(u16, u16),
}

/// One input, drawn with weights 8 : 2 : 2 : 1 (table keys, global keys,
/// raw keys, clicks).
fn input(c: &mut Case) -> Input {
    let raw = [
        KeyCode::Tab,
        KeyCode::Backspace,
        KeyCode::Char('x'),
        KeyCode::Char('한'),
        KeyCode::Char('%'),
        KeyCode::Char('/'),
        KeyCode::Char('-'),
        KeyCode::Char('.'),
        KeyCode::Char('9'),
        KeyCode::F(5),
    ];
    match c.int(0, 13) {
        0..8 => Input::Table(c.int(0, 64), c.int(0, 4)),
        8..10 => Input::Global(c.int(0, 8)),
        10..12 => Input::Raw(c.pick(&raw)),
        _ => Input::Click(c.int(0, 200) as u16, c.int(0, 70) as u16),
    }
}

/// The event an input stands for on the screen as it is now.
fn event_for(app: &App, input: &Input) -> Option<Event> {
    match input {
        Input::Table(r, k) => {
            let rows = app.screens.last()?.bindings(app.text);
            let (_, keys) = rows.get(r % rows.len().max(1))?;
            keys.get(k % keys.len().max(1)).map(|k| Event::Key(k.event()))
        }
        Input::Global(g) => {
            let rows = deepstep::app::global_table(app.text, app.in_lesson(), app.last_screen());
            rows.get(g % rows.len()).and_then(|b| b.keys.first()).map(|k| Event::Key(k.event()))
        }
        Input::Raw(code) => Some(key(*code)),
        Input::Click(c, r) => Some(Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: *c,
            row: *r,
            modifiers: KeyModifiers::NONE,
        })),
    }
}

/// No key sequence, click or terminal size makes the app panic, starting
/// from the home screen or from any registered lesson.
#[test]
fn random_keys_and_sizes_never_panic() {
    check("random_keys_and_sizes_never_panic", 48, |c| {
        let inputs: Vec<Input> = (0..c.int(1, 120)).map(|_| input(c)).collect();
        let sizes: Vec<(u16, u16)> = (0..c.int(1, 6)).map(|_| (c.int(1, 220) as u16, c.int(1, 70) as u16)).collect();
        let start = c.int(0, deepstep::lessons::registry::LESSONS.len() + 1);
        // Only the lesson the walk starts in is opened (opening every lesson
        // for each case was a sixth of this test's time).
        let mut app = match deepstep::lessons::registry::LESSONS.get(start) {
            Some(entry) => App::new(common::lesson_screen(entry.stem), &EN, Theme::COLOR),
            None => App::home(&EN, Theme::COLOR),
        };
        app.clock = Some(1_000_000 + inputs.len() as u64);
        // `e` writes notes: into a folder of this test's own, not the repository.
        let notes = std::env::temp_dir().join(format!("deepstep-render-notes-{}", std::process::id()));
        std::fs::create_dir_all(&notes).unwrap();
        app.notes_dir = notes.clone();
        for (i, input) in inputs.iter().enumerate() {
            let (w, h) = sizes[i % sizes.len()];
            if app.quit {
                break;
            }
            if let Some(ev) = event_for(&app, input) {
                // Leaving is allowed now and then, so the walk stays in the lessons.
                if ev != key(KeyCode::Char('q')) && ev != key(KeyCode::Esc) || i % 7 == 0 {
                    app.handle(&ev);
                }
            }
            app.tick(std::time::Instant::now() + std::time::Duration::from_secs(i as u64));
            // Drawn, not read back as text: only a panic is looked for here.
            common::render(&mut app, w, h);
        }
        let _ = std::fs::remove_dir_all(&notes);
    });
}

fn click(app: &mut App, column: u16, row: u16) {
    app.handle(&Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }));
}

/// Where `text` first appears on screen, as (column, row).
fn find(s: &str, text: &str) -> (u16, u16) {
    let (row, line) = s.lines().enumerate().find(|(_, l)| l.contains(text)).unwrap_or_else(|| panic!("{text}:\n{s}"));
    (line[..line.find(text).unwrap()].chars().count() as u16, row as u16)
}

#[test]
fn clicks_open_home_entries_and_move_along_the_rnn_timeline() {
    let mut app = App::home(&EN, Theme::COLOR);
    let (s, _) = draw(&mut app, 120, 40);
    let (c, r) = find(&s, "RNN & BPTT");
    click(&mut app, c, r);
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains("step t = 1 of 30"), "{s}");
    // Click the column of step 5 on the timeline.
    let (c, r) = find(&s, "    5->");
    click(&mut app, c + 5, r);
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains("step t = 5 of 30"), "{s}");
}
