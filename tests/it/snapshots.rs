//! Text snapshots of every screen (the home list and each registered
//! lesson at its start) at 80×24 and 120×40, in English and Korean, drawn
//! without colour: a layout change shows up as a diff here. The files in
//! `tests/snapshots/` were reviewed by eye when written; after an intended
//! change, run `UPDATE_SNAPSHOTS=1 cargo test --test it snapshots::` and review
//! the diff before committing it.

use crate::common;

use common::draw;
use deepstep::app::App;
use deepstep::text::{EN, KO};
use deepstep::ui::theme::Theme;
use std::path::PathBuf;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snapshot_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

/// The screen as text, trailing spaces trimmed so the files diff cleanly.
fn screen_text(app: &mut App, w: u16, h: u16) -> String {
    let (s, _) = draw(app, w, h);
    s.lines().map(str::trim_end).collect::<Vec<_>>().join("\n") + "\n"
}

#[test]
fn every_screen_matches_its_snapshot_at_both_sizes_in_both_languages() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let dir = snapshot_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let mut problems = vec![];
    for (lang, t) in [("en", &EN), ("ko", &KO)] {
        for (w, h) in SIZES {
            let mut screens: Vec<(&str, App)> = vec![("home", App::home(t, Theme::MONO))];
            for (stem, screen) in common::lesson_screens() {
                screens.push((stem, App::new(screen, t, Theme::MONO)));
            }
            for (stem, mut app) in screens {
                app.clock = Some(1_800_000_000);
                let got = screen_text(&mut app, w, h);
                let path = dir.join(format!("{stem}-{lang}-{w}x{h}.txt"));
                match std::fs::read_to_string(&path) {
                    Ok(want) if want == got => {}
                    _ if update => std::fs::write(&path, &got).unwrap(),
                    Ok(want) => {
                        let line = want.lines().zip(got.lines()).position(|(a, b)| a != b).unwrap_or(0);
                        problems.push(format!(
                            "{}: differs at line {}\n--- kept\n{}\n--- now\n{}",
                            path.display(),
                            line + 1,
                            want.lines().nth(line).unwrap_or(""),
                            got.lines().nth(line).unwrap_or("")
                        ));
                    }
                    Err(_) => problems.push(format!("{}: no snapshot (run with UPDATE_SNAPSHOTS=1)", path.display())),
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// Keys on screen: at 80×24 every screen's footer ends with the quit key
/// (each is the only screen here, so q quits), so no key row is cut off.
#[test]
fn every_footer_fits_at_80x24() {
    for t in [&EN, &KO] {
        let mut screens: Vec<(&str, App)> = vec![("home", App::home(t, Theme::MONO))];
        for (stem, screen) in common::lesson_screens() {
            screens.push((stem, App::new(screen, t, Theme::MONO)));
        }
        for (stem, mut app) in screens {
            let s = screen_text(&mut app, 80, 24);
            assert!(s.trim_end().ends_with(t.keys.quit), "{stem}: the footer is cut\n{s}");
        }
    }
}
