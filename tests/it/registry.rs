//! The registry is the one list of lessons: every entry is on the home
//! screen and opens from it, has its subcommand in the clap tree (which
//! refuses to draw without a terminal), is reached by the shared test list,
//! and has a key table with no key bound twice and none hidden by a global
//! key, in every state a random walk through it reaches.

use crate::common;

use common::{draw, key};
use deepstep::app::{App, global_table};
use deepstep::lessons::registry::LESSONS;
use deepstep::math::rng::Rng;
use deepstep::text::{EN, KO};
use deepstep::ui::keys::Key;
use deepstep::ui::theme::Theme;
use ratatui::crossterm::event::{Event, KeyCode};

#[test]
fn every_lesson_is_listed_on_home_and_opens_from_it() {
    for t in [&EN, &KO] {
        for (i, entry) in LESSONS.iter().enumerate() {
            let mut app = App::home(t, Theme::COLOR);
            app.clock = Some(1_800_000_000);
            let (s, _) = draw(&mut app, 80, 24);
            assert!(s.contains((entry.text)(t).name), "{} is not on the home screen:\n{s}", entry.stem);
            for _ in 0..i {
                app.handle(&key(KeyCode::Down));
            }
            app.handle(&key(KeyCode::Enter));
            assert_eq!(app.screens.len(), 2, "{} did not open", entry.stem);
            let note = app.note().unwrap_or_else(|| panic!("{} has no note", entry.stem));
            assert_eq!(note.stem, entry.stem, "the note of entry {i} is named after another lesson");
            assert!(app.in_lesson());
        }
    }
}

#[test]
fn the_shared_test_list_is_the_registry() {
    let stems: Vec<&str> = common::lesson_screens().iter().map(|(s, _)| *s).collect();
    let registered: Vec<&str> = LESSONS.iter().map(|e| e.stem).collect();
    assert_eq!(stems, registered);
    let mut unique = registered.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), registered.len(), "two lessons share a notes stem");
}

#[test]
fn every_lesson_has_its_subcommand_and_it_needs_a_terminal() {
    let tree = deepstep::cli::command(&EN);
    for entry in LESSONS {
        let mut cmd = &tree;
        for part in entry.command {
            cmd = cmd
                .find_subcommand(part)
                .unwrap_or_else(|| panic!("{}: no subcommand `{}`", entry.stem, entry.command.join(" ")));
        }
        // Run it without a terminal: it must refuse with status 2 and point to --print.
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_deepstep"))
            .args(entry.command)
            .env("XDG_DATA_HOME", std::env::temp_dir().join("deepstep-registry-test"))
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}: {}", entry.stem, String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stderr).contains("--print"), "{}", entry.stem);
    }
}

/// The keys of the front screen's table, as (label, keys) rows.
fn rows(app: &App) -> Vec<(String, Vec<Key>)> {
    app.screens.last().unwrap().bindings(app.text)
}

/// No key is bound twice in a table, and while no answer is typed no
/// lesson key is one the shell takes first (it would never reach the lesson).
fn check_table(app: &App, at: &str) {
    let table = rows(app);
    let mut seen: Vec<Key> = vec![];
    for (label, keys) in &table {
        for k in keys {
            assert!(!seen.contains(k), "{at}: {k:?} ({label}) is bound twice");
            // The footer and help say every key that does something.
            assert!(deepstep::ui::keys::label_covers(label, *k), "{at}: {k:?} is missing from its label {label:?}");
            seen.push(*k);
        }
    }
    if !app.asking() {
        for g in global_table(app.text, app.in_lesson(), app.last_screen()) {
            for k in &g.keys {
                assert!(!seen.contains(k), "{at}: {k:?} is a global key ({}), so the lesson never gets it", g.label);
            }
        }
    }
}

#[test]
fn no_key_is_bound_twice_or_shadowed_in_any_state_a_walk_reaches() {
    for (stem, screen) in common::lesson_screens() {
        let mut app = App::new(screen, &EN, Theme::COLOR);
        app.clock = Some(1_800_000_000);
        let mut rng = Rng::new(7);
        for step in 0..300 {
            check_table(&app, &format!("{stem} after {step} keys"));
            let table = rows(&app);
            // Press a key of the table as it is now (not q/Esc, which leave).
            let keys: Vec<Key> = table.iter().flat_map(|(_, k)| k.clone()).collect();
            if keys.is_empty() {
                break;
            }
            let k = keys[rng.below(keys.len())];
            if k == Key::Code(KeyCode::Esc) {
                continue;
            }
            app.handle(&Event::Key(k.event()));
            assert!(!app.quit && !app.screens.is_empty(), "{stem}: a lesson key left the lesson");
            // A key may open another lesson on top (it is walked on its own): come back.
            while app.screens.len() > 1 {
                app.screens.pop();
            }
        }
    }
}

/// The home list is numbered: each number key opens its lesson. The footer
/// says q quits on the first screen and goes back from a lesson opened on it.
#[test]
fn number_keys_open_the_numbered_lessons_and_q_says_what_it_does() {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let press = |app: &mut App, c: char| app.handle(&Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
    let t = &deepstep::text::EN;
    for (i, entry) in LESSONS.iter().enumerate().take(9) {
        let mut app = App::home(t, deepstep::ui::theme::Theme::MONO);
        let q = app.key_rows(true).into_iter().find(|(label, _)| *label == "q/Esc").unwrap();
        assert_eq!(q.1, t.keys.quit, "home is the first screen: q quits");
        press(&mut app, char::from_digit(i as u32 + 1, 10).unwrap());
        assert!(app.in_lesson(), "{}", entry.stem);
        let q = app.key_rows(true).into_iter().find(|(label, _)| *label == "q/Esc").unwrap();
        assert_eq!(q.1, t.keys.back, "{}: back to the list", entry.stem);
        press(&mut app, 'q');
        let home = app.front_lesson::<deepstep::lessons::home::lab::Home>().unwrap();
        assert_eq!(home.selected, i, "{} opened by its number", entry.stem);
    }
}
