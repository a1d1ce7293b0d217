//! The practice screen: it checks the files at once and again on every
//! save (the folder is watched), names the mistake, gives hints one at a
//! time, counts the time and suggests the lab after 30 minutes, opens the
//! lab at the computation, creates the files with `i`, and saves progress
//! with the quiz's store. Needs Python 3 with numpy, as tests/practice.rs.

use crate::common;

use common::{draw, key};
use deepstep::app::App;
use deepstep::lessons::lesson::{Ctx, Effect, lesson_ref, mount};
use deepstep::lessons::practice::lab::{Action, PracticeLab, STUCK_SECONDS, State};
use deepstep::lessons::registry::LESSONS;
use deepstep::practice::exercise::Exercise;
use deepstep::practice::python::{Python, Source};
use deepstep::progress::{PracticeRecord, Store};
use deepstep::text::{EN, KO};
use deepstep::ui::theme::Theme;
use ratatui::crossterm::event::KeyCode;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn python() -> Python {
    Python { path: common::python_with_numpy(), source: Source::Flag }
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("deepstep-screen-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/practice").join(name)).unwrap()
}

const CTX: Ctx = Ctx { now: 1_800_000_000 };

fn item(lab: &PracticeLab, e: Exercise) -> &deepstep::lessons::practice::lab::Item {
    lab.items.iter().find(|i| i.exercise == e).unwrap()
}

/// Poll until `done` holds (at most 20 s: a check takes well under a second).
/// The screen as the shell opens it: its threads started.
fn opened(mut lab: PracticeLab) -> PracticeLab {
    run_spawns(lab.opened());
    lab
}

/// Start the threads among `effects` as the shell would; the rest back.
fn run_spawns(effects: Vec<Effect>) -> Vec<Effect> {
    effects
        .into_iter()
        .filter_map(|e| match e {
            Effect::Spawn(task) => {
                task.spawn();
                None
            }
            e => Some(e),
        })
        .collect()
}

fn until(lab: &mut PracticeLab, done: impl Fn(&PracticeLab) -> bool) -> Vec<Effect> {
    let mut effects = vec![];
    for _ in 0..1000 {
        effects.extend(run_spawns(lab.update(Action::Poll, CTX)));
        if done(lab) {
            return effects;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out");
}

#[test]
fn a_save_is_checked_and_the_verdict_goes_from_the_mistake_to_passing() {
    let dir = temp("save");
    std::fs::write(dir.join("rnn_bptt.py"), fixture("mistakes/rnn-missing-wrec.py")).unwrap();
    let mut lab = opened(PracticeLab::new(dir.clone(), Some(python()), vec![]));
    assert!(lab.watch_error.is_none());
    until(&mut lab, |l| item(l, Exercise::Bptt).report.is_some());
    let rnn = item(&lab, Exercise::Bptt);
    assert_eq!(rnn.state(), State::Failing);
    assert_eq!(rnn.report.as_ref().unwrap().mistake().map(|m| m.id()), Some("rnn-missing-wrec"));
    assert_eq!(item(&lab, Exercise::Mle).state(), State::Missing);
    // Shown on screen, with the mistake's words and the state in words.
    lab.selected = lab.items.iter().position(|i| i.exercise == Exercise::Bptt).unwrap();
    let mut app = App::new(mount(lab), &EN, Theme::MONO);
    let (s, _) = draw(&mut app, 120, 40);
    let (what, _) = (EN.practice.mistake)(Exercise::Bptt.mistakes()[2]);
    assert!(s.contains(&what[..40]) && s.contains(EN.practice.state_failing), "{s}");
    // The learner fixes the line in their editor and saves.
    std::fs::write(dir.join("rnn_bptt.py"), fixture("rnn_bptt.py")).unwrap();
    let lab = app.screens.last_mut().unwrap();
    let lab = deepstep::lessons::lesson::lesson_mut::<PracticeLab>(lab.as_mut()).unwrap();
    let effects = until(lab, |l| item(l, Exercise::Bptt).state() == State::Passing);
    let saved: Vec<_> =
        effects.iter().filter_map(|e| if let Effect::SavePractice(r) = e { Some(r) } else { None }).collect();
    assert!(saved.iter().any(|r| r.exercise == "rnn-bptt" && r.passed), "{effects:?}");
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains(EN.practice.state_passing), "{s}");
}

#[test]
fn hints_come_one_at_a_time_and_the_last_points_to_the_lab() {
    let dir = temp("hints");
    let lab = opened(PracticeLab::new(dir, Some(python()), vec![]));
    let hints = (EN.practice.hints)(lab.current().exercise);
    let mut app = App::new(mount(lab), &EN, Theme::MONO);
    let (s, _) = draw(&mut app, 120, 40);
    assert!(!s.contains(&hints[0][..30]), "{s}");
    app.handle(&key(KeyCode::Char('h')));
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains(&hints[0][..30]) && !s.contains(&hints[1][..30]), "{s}");
    for _ in 0..5 {
        app.handle(&key(KeyCode::Char('h')));
    }
    let lab = lesson_ref::<PracticeLab>(app.screens.last().unwrap().as_ref()).unwrap();
    assert_eq!(lab.current().record.hints, 3);
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains(EN.practice.no_more_hints), "{s}");
    // l opens the lab the last hint names, on top of the practice screen.
    app.handle(&key(KeyCode::Char('l')));
    assert_eq!(app.screens.len(), 2);
    let (stem, _) = deepstep::lessons::practice::lab::lab_of(Exercise::ALL[0]);
    let entry = LESSONS.iter().find(|l| l.stem == stem).unwrap();
    let (s, _) = draw(&mut app, 120, 40);
    assert_eq!(app.note().unwrap().stem, entry.stem, "{s}");
}

#[test]
fn the_conv_exercise_opens_the_lab_in_the_dx_view() {
    let mut lab = opened(PracticeLab::new(temp("lab"), None, vec![]));
    lab.selected = lab.items.iter().position(|i| i.exercise == Exercise::Conv2d).unwrap();
    let mut app = App::new(mount(lab), &EN, Theme::MONO);
    app.handle(&key(KeyCode::Char('l')));
    let conv = lesson_ref::<deepstep::lessons::conv::ConvLab>(app.screens.last().unwrap().as_ref()).unwrap();
    assert_eq!((conv.mode, conv.frame), (deepstep::lessons::conv::lab::Mode::GradX, 0));
}

/// Every exercise's lab opens at the state its computation starts: BPTT at
/// its first backward step, the gradient step after one step.
#[test]
fn every_exercise_opens_its_lab_at_the_named_state() {
    use deepstep::lessons::{count_rnn::lab::CountLab, linreg::lab::LinregLab};
    for e in Exercise::ALL {
        let mut lab = opened(PracticeLab::new(temp("labs"), None, vec![]));
        lab.selected = lab.items.iter().position(|i| i.exercise == e).unwrap();
        let mut app = App::new(mount(lab), &EN, Theme::MONO);
        app.handle(&key(KeyCode::Char('l')));
        assert_eq!(app.screens.len(), 2, "{e:?}");
        let front = app.screens.last().unwrap().as_ref();
        match e {
            Exercise::Bptt => assert_eq!(lesson_ref::<CountLab>(front).unwrap().shown, 1),
            Exercise::GdStep => assert_eq!(lesson_ref::<LinregLab>(front).unwrap().betas.len(), 2),
            _ => {}
        }
    }
}

#[test]
fn time_is_counted_and_after_30_minutes_the_lab_is_suggested() {
    let dir = temp("time");
    std::fs::write(dir.join("gradient_descent.py"), fixture("mistakes/gd-sign.py")).unwrap();
    let mut lab = opened(PracticeLab::new(dir, Some(python()), vec![]));
    lab.selected = lab.items.iter().position(|i| i.exercise == Exercise::GdStep).unwrap();
    let mut saves = 0;
    for minute in 0..=31u64 {
        for s in 0..6 {
            let effects = lab.update(Action::Poll, Ctx { now: 1_000 + minute * 60 + s * 10 });
            saves += effects.iter().filter(|e| matches!(e, Effect::SavePractice(_))).count();
        }
    }
    assert!(lab.current().record.seconds >= STUCK_SECONDS && lab.current().stuck());
    assert!(saves >= 30, "each minute is saved: {saves}");
    // A long gap (the laptop slept) is not counted.
    let before = lab.current().record.seconds;
    lab.update(Action::Poll, Ctx { now: 100_000 });
    assert_eq!(lab.current().record.seconds, before);
    let mut app = App::new(mount(lab), &KO, Theme::MONO);
    let (s, _) = draw(&mut app, 80, 24);
    let start: String = KO.practice.take_a_break.chars().take(12).collect();
    assert!(s.contains(&start), "{s}");
}

#[test]
fn i_creates_the_missing_folder_and_checks_what_it_wrote() {
    let dir = temp("init").join("deepstep-practice");
    let lab = opened(PracticeLab::new(dir.clone(), Some(python()), vec![]));
    assert!(!lab.folder);
    let mut app = App::new(mount(lab), &KO, Theme::MONO);
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains("i "), "{s}");
    app.handle(&key(KeyCode::Char('i')));
    let screen = app.screens.last_mut().unwrap();
    let lab = deepstep::lessons::lesson::lesson_mut::<PracticeLab>(screen.as_mut()).unwrap();
    until(lab, |l| l.folder && l.items.iter().all(|i| i.report.is_some()));
    assert!(lab.items.iter().all(|i| i.state() == State::NotStarted));
    let body = std::fs::read_to_string(dir.join("posterior.py")).unwrap();
    assert!(body.contains((KO.practice.task)(Exercise::Posterior)));
}

#[test]
fn progress_is_saved_with_the_quiz_and_restored() {
    let dir = temp("store");
    let db = dir.join("progress.sqlite3");
    let mut app = App::new(mount(PracticeLab::new(dir.join("p"), None, vec![])), &EN, Theme::MONO);
    app.set_progress(Some(Store::open(db.clone()).unwrap()));
    app.handle(&key(KeyCode::Char('h')));
    app.handle(&key(KeyCode::Char('h')));
    let saved = app.progress.as_ref().unwrap().practice().unwrap();
    assert_eq!(
        saved,
        vec![PracticeRecord { exercise: Exercise::ALL[0].id().into(), passed: false, seconds: 0, hints: 2 }]
    );
    drop(app);
    // Reopened: the hints are there; a stale record never lowers a saved one.
    let mut store = Store::open(db.clone()).unwrap();
    let first = Exercise::ALL[0].id();
    store.save_practice(&PracticeRecord { exercise: first.into(), passed: true, seconds: 5, hints: 0 }, 1).unwrap();
    store.save_practice(&PracticeRecord { exercise: first.into(), passed: false, seconds: 1, hints: 0 }, 2).unwrap();
    let lab = opened(PracticeLab::new(dir.join("p"), None, store.practice().unwrap()));
    let gd = item(&lab, Exercise::ALL[0]);
    assert_eq!((gd.record.hints, gd.record.passed, gd.record.seconds), (2, true, 5));
}

#[test]
fn a_version_1_store_gains_the_practice_table_and_keeps_its_answers() {
    let dir = temp("migrate");
    let db = dir.join("p.sqlite3");
    drop(Store::open(db.clone()).unwrap());
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch("DROP TABLE practice; INSERT INTO card VALUES ('q', 1, 1, 0, 1, 1.0, 5.0, 0, 1, 1, 0, 2, 1); PRAGMA user_version = 1;").unwrap();
    drop(conn);
    let mut store = Store::open(db).unwrap();
    assert!(store.load().unwrap().questions.contains_key("q"));
    store.save_practice(&PracticeRecord { exercise: "mle".into(), passed: false, seconds: 60, hints: 1 }, 1).unwrap();
    assert_eq!(store.practice().unwrap().len(), 1);
}

#[test]
fn the_screen_fits_80x24_and_120x40_in_both_languages_without_colour() {
    let dir = temp("render");
    std::fs::write(dir.join("posterior.py"), fixture("mistakes/posterior-not-normalised.py")).unwrap();
    let mut lab = opened(PracticeLab::new(dir, Some(python()), vec![]));
    until(&mut lab, |l| item(l, Exercise::Posterior).report.is_some());
    lab.selected = lab.items.iter().position(|i| i.exercise == Exercise::Posterior).unwrap();
    let mut app = App::new(mount(lab), &EN, Theme::MONO);
    for t in [&EN, &KO] {
        app.text = t;
        for (w, h) in [(80, 24), (120, 40)] {
            let (s, _) = draw(&mut app, w, h);
            for e in Exercise::ALL {
                assert!(s.contains(e.id()), "{w}x{h}: {}\n{s}", e.id());
            }
            assert!(s.contains(t.practice.state_failing) && s.contains(t.practice.state_missing), "{s}");
            let (what, _) = (t.practice.mistake)(deepstep::practice::exercise::Mistake::Unnormalised);
            let start: String = what.chars().take(12).collect();
            assert!(s.contains(&start), "{w}x{h}\n{s}");
        }
    }
}

#[test]
fn leaving_the_screen_stops_a_check_that_loops() {
    let dir = temp("leave");
    let started = common::looping_practice_file(dir.join("posterior.py"));
    let lab = opened(PracticeLab::new(dir, Some(python()), vec![]));
    let py = started();
    drop(lab);
    let gone = common::gone(py);
    assert!(gone, "the learner's Python outlived the screen");
}

/// The screen's own keys, pressed: Down/Up choose, c checks now (without a
/// save), PgDn/PgUp scroll the panel and the title says so.
#[test]
fn the_keys_choose_check_and_scroll() {
    let dir = temp("keys");
    std::fs::write(dir.join("gradient_descent.py"), fixture("mistakes/gd-sign.py")).unwrap();
    // No watcher events count here: the file is checked once at open, then by `c`.
    let mut app = App::new(mount(PracticeLab::new(dir.clone(), Some(python()), vec![])), &EN, Theme::MONO);
    fn lab(app: &mut App) -> &mut PracticeLab {
        deepstep::lessons::lesson::lesson_mut::<PracticeLab>(app.screens.last_mut().unwrap().as_mut()).unwrap()
    }
    until(lab(&mut app), |l| item(l, Exercise::GdStep).report.is_some());
    // The list opens on its first exercise; the file's is the next one.
    assert_eq!((Exercise::ALL[0], Exercise::ALL[1]), (Exercise::GdLoop, Exercise::GdStep));
    app.handle(&key(KeyCode::Down));
    assert_eq!(lab(&mut app).current().exercise, Exercise::GdStep);
    app.handle(&key(KeyCode::Down));
    app.handle(&key(KeyCode::Down));
    assert_eq!(lab(&mut app).current().exercise, Exercise::ALL[3]);
    app.handle(&key(KeyCode::Up));
    app.handle(&key(KeyCode::Up));
    assert_eq!(lab(&mut app).current().exercise, Exercise::GdStep);
    // c: checked again (the state runs while it is checked).
    app.handle(&key(KeyCode::Char('c')));
    assert!(item(lab(&mut app), Exercise::GdStep).checking);
    until(lab(&mut app), |l| !item(l, Exercise::GdStep).checking);
    // The verdict and task are longer than 80×24 shows: PgDn scrolls, PgUp comes back.
    // (A title too long for its panel keeps the marks ▴ ▾ instead of the words.)
    let above = |s: &str| s.contains(EN.practice.more_above) || s.contains(EN.conv.more_above);
    let below = |s: &str| s.contains(EN.practice.more_below) || s.contains(EN.conv.more_below);
    let (s, _) = draw(&mut app, 80, 24);
    assert!(below(&s) && !above(&s), "{s}");
    app.handle(&key(KeyCode::PageDown));
    let (s, _) = draw(&mut app, 80, 24);
    assert!(above(&s), "{s}");
    app.handle(&key(KeyCode::PageUp));
    let (s, _) = draw(&mut app, 80, 24);
    assert!(!above(&s), "{s}");
}

/// The folder made after the screen opened, then removed and made again
/// with other code: each version is checked, without pressing `c`.
#[test]
fn a_folder_made_removed_and_made_again_outside_the_screen_is_followed() {
    let dir = temp("refolder").join("later");
    let mut lab = opened(PracticeLab::new(dir.clone(), Some(python()), vec![]));
    assert!(!lab.folder);
    // Made outside the screen (another shell's `practice init`, an editor).
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("posterior.py"), fixture("posterior.py")).unwrap();
    until(&mut lab, |l| item(l, Exercise::Posterior).state() == State::Passing);
    assert!(lab.folder);
    // Removed: the exercise has no file.
    std::fs::remove_dir_all(&dir).unwrap();
    until(&mut lab, |l| !l.folder && item(l, Exercise::Posterior).state() == State::Missing);
    // Made again with a mistake in it, then saved once more.
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("posterior.py"), fixture("mistakes/posterior-not-normalised.py")).unwrap();
    until(&mut lab, |l| item(l, Exercise::Posterior).state() == State::Failing);
    std::fs::write(dir.join("posterior.py"), fixture("posterior.py")).unwrap();
    until(&mut lab, |l| item(l, Exercise::Posterior).state() == State::Passing);
}

/// The screen's rows joined, borders dropped (a sentence may wrap anywhere).
fn joined(s: &str) -> String {
    let rows: Vec<&str> = s.lines().map(|l| l.trim_matches(|c: char| c == '|' || c.is_whitespace())).collect();
    rows.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// D18: at 80×24 a missing folder's sentence is whole (it names the key
/// that makes it), then `i`'s files are all named; the hint `h` adds shows
/// on screen at once; a title too long for its panel keeps its marks.
#[test]
fn the_practice_screen_says_everything_whole_at_80x24() {
    for t in [&EN, &KO] {
        let dir = temp(&format!("whole-{:?}", t.lang)).join("deepstep-practice");
        let lab = PracticeLab::new(dir.clone(), Some(python()), vec![]);
        let hints = (t.practice.hints)(lab.current().exercise);
        let mut app = App::new(mount(lab), t, Theme::MONO);
        let (s, _) = draw(&mut app, 80, 24);
        let sentence = (t.practice.folder_missing)(&dir.display().to_string());
        assert!(joined(&s).contains(&joined(&sentence)), "{sentence}\n{s}");
        app.handle(&key(KeyCode::Char('h')));
        let (s, _) = draw(&mut app, 80, 24);
        let hint: String = hints[0].split_whitespace().take(6).collect::<Vec<_>>().join(" ");
        assert!(joined(&s).contains(&hint), "{hint}\n{s}");
        app.handle(&key(KeyCode::Char('i')));
        let screen = app.screens.last_mut().unwrap();
        let lab = deepstep::lessons::lesson::lesson_mut::<PracticeLab>(screen.as_mut()).unwrap();
        until(lab, |l| l.folder && l.items.iter().all(|i| i.report.is_some()));
        let (s, _) = draw(&mut app, 80, 24);
        for e in Exercise::ALL {
            assert!(joined(&s).contains(e.file()), "{}\n{s}", e.file());
        }
        // Scrolled to the middle, the title's marks stay whole.
        app.handle(&key(KeyCode::PageDown));
        let (s, _) = draw(&mut app, 80, 24);
        let title = s.lines().find(|l| l.contains(".py") && l.contains('+')).unwrap_or_default();
        let marked = title.contains(t.practice.more_below) || title.contains(t.conv.more_below);
        assert!(marked && (title.contains(t.practice.more_above) || title.contains(t.conv.more_above)), "{s}");
    }
}
