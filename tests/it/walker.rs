//! The screen contract, walked: every lesson driven by seeded random keys
//! (drawn from its key table as it is now, plus predict mode, digits and
//! Enter to answer what it asks), drawn after every key at 80×24, 100×30 and
//! 120×40 in English and Korean. After each key:
//! - drawing never panics;
//! - no two drawn parts overlap (`ui::drawn`: contents apart, contents
//!   inside a panel's border or outside it);
//! - no text is cut without a mark of more (▴ ▾ ◂ ▸ …) in its panel;
//! - while a prediction is asked, nothing the lesson declares hidden
//!   (`Lesson::hidden`: the answer in every form the screen writes it) is
//!   anywhere on screen as a number of its own.
//!
//! A failure names the lesson, size, language, the keys pressed and the
//! screen. `cargo test` walks 40 keys per lesson, size and language;
//! `DEEPSTEP_WALK=2000` walks longer.

use crate::common;
use deepstep::app::App;
use deepstep::math::rng::Rng;
use deepstep::text::{EN, KO, Text};
use deepstep::ui::keys::Key;
use deepstep::ui::theme::Theme;
use ratatui::crossterm::event::{Event, KeyCode};

const SIZES: [(u16, u16); 3] = [(80, 24), (100, 30), (120, 40)];

fn walk_length() -> usize {
    std::env::var("DEEPSTEP_WALK").ok().and_then(|v| v.parse().ok()).unwrap_or(40)
}

/// Whether `needle` stands in `hay` as a number of its own: not a part of a
/// longer number (0.4 in 0.45 or 10.4 is not the answer 0.4 shown).
fn shows_number(hay: &str, needle: &str) -> bool {
    let numeric = |c: char| c.is_ascii_digit() || c == '.';
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let at = from + i;
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        // A minus sign before a number changes it too (-3 is not 3).
        if !before.is_some_and(|c| numeric(c) || c == '-') && !after.is_some_and(numeric) {
            return true;
        }
        from = at + needle.len().max(1);
    }
    false
}

/// The next key: mostly one the table binds now; sometimes predict mode,
/// an answer typed, or Enter.
fn next_key(app: &App, rng: &mut Rng) -> Option<Event> {
    let rows = app.screens.last()?.bindings(app.text);
    let keys: Vec<Key> = rows.into_iter().flat_map(|(_, k)| k).filter(|k| *k != Key::Code(KeyCode::Esc)).collect();
    let roll = rng.below(10);
    let key = if app.asking() && roll < 6 {
        // Answer: a few digits, a point, then Enter.
        match rng.below(5) {
            0 => Key::Code(KeyCode::Enter),
            1 => Key::Char('.'),
            _ => Key::Char(char::from(b'0' + rng.below(10) as u8)),
        }
    } else if roll == 0 {
        Key::Char('t')
    } else if keys.is_empty() {
        return None;
    } else {
        keys[rng.below(keys.len())]
    };
    Some(Event::Key(key.event()))
}

/// The first broken rule in the state drawn now, as a sentence with the screen.
fn check(app: &mut App, w: u16, h: u16, at: &dyn Fn() -> String) -> Result<(), String> {
    let (screen, parts, term) = common::draw_recorded(app, w, h);
    if let Some((a, b)) = deepstep::ui::drawn::overlaps(&parts).first() {
        return Err(format!(
            "{}: the part drawn at {} ({:?}) and the part drawn at {} ({:?}) overlap:\n{screen}",
            at(),
            a.at,
            a.area,
            b.at,
            b.area
        ));
    }
    if let Some(cut) = deepstep::ui::drawn::unmarked_cuts(&parts, term.backend().buffer()).first() {
        return Err(format!(
            "{}: the text drawn at {} ({:?}) is cut with no mark of more:\n{screen}",
            at(),
            cut.at,
            cut.area
        ));
    }
    let hidden = app.screens.last().map(|s| s.hidden()).unwrap_or_default();
    if app.asking() {
        // A value of one or two characters (0, 7, 12) stands on most screens
        // as some other number; those are held by each lab's own tests.
        for value in hidden.iter().filter(|v| v.chars().count() >= 3) {
            if shows_number(&screen, value) {
                return Err(format!("{}: the asked value {value:?} is on screen:\n{screen}", at()));
            }
        }
    }
    Ok(())
}

type Start = Box<dyn Fn() -> Box<dyn deepstep::lessons::lesson::Screen> + Sync>;

/// Where walks start: each lesson as the home screen opens it, and states it
/// does not open at (the categorical MLE on the learner's own counts).
fn starts() -> Vec<(String, Start)> {
    use deepstep::lessons::lesson::mount;
    use deepstep::lessons::mle::lab::{Family, MleLab, Settings};
    let mut all: Vec<(String, Start)> = deepstep::lessons::registry::LESSONS
        .iter()
        .map(|e| (e.stem.to_string(), Box::new(move || common::lesson_screen(e.stem)) as Start))
        .collect();
    all.push((
        "mle (categorical)".into(),
        Box::new(|| {
            let s = Settings { family: Family::Categorical, counts: Some(vec![3, 5, 0, 2]), ..Default::default() };
            mount(MleLab::new(s).unwrap())
        }),
    ));
    all
}

fn walk(
    name: &str,
    start: &Start,
    text: &'static Text,
    lang: &str,
    (w, h): (u16, u16),
    seed: u64,
) -> Result<(), String> {
    let mut app = App::new(start(), text, Theme::MONO);
    app.clock = Some(1_800_000_000);
    let mut rng = Rng::new(seed);
    let mut pressed: Vec<String> = vec![];
    for _ in 0..walk_length() {
        let at = || format!("{name} at {w}×{h} in {lang} after keys {pressed:?}");
        check(&mut app, w, h, &at)?;
        let Some(ev) = next_key(&app, &mut rng) else { break };
        if let Event::Key(k) = &ev {
            pressed.push(format!("{:?}", k.code));
        }
        app.handle(&ev);
        // Another lesson opened on top is walked on its own: come back.
        while app.screens.len() > 1 {
            app.screens.pop();
        }
        if app.quit {
            break;
        }
    }
    Ok(())
}

#[test]
fn every_state_a_walk_reaches_keeps_the_screen_contract() {
    let starts = starts();
    // One thread per language: the walks are independent. Every walk runs,
    // so one failure does not hide the others.
    let failures: Vec<String> = std::thread::scope(|s| {
        let walkers: Vec<_> = [("en", &EN), ("ko", &KO)]
            .into_iter()
            .map(|(lang, text)| {
                let starts = &starts;
                s.spawn(move || {
                    let mut failed = vec![];
                    for (i, (name, start)) in starts.iter().enumerate() {
                        for (j, size) in SIZES.into_iter().enumerate() {
                            let seed = (i * 10 + j) as u64 + if lang == "ko" { 1000 } else { 0 };
                            failed.extend(walk(name, start, text, lang, size, seed).err());
                        }
                    }
                    failed
                })
            })
            .collect();
        walkers.into_iter().flat_map(|w| w.join().unwrap()).collect()
    });
    let heads: Vec<&str> = failures.iter().map(|f| f.lines().next().unwrap_or("")).collect();
    assert!(
        failures.is_empty(),
        "{} walks broke the contract:\n{}\n\nthe first in full:\n{}",
        failures.len(),
        heads.join("\n"),
        failures.first().map_or("", |f| f.as_str())
    );
}

#[test]
fn a_number_shown_is_told_from_a_part_of_another() {
    assert!(shows_number("p̂ = 0.4  n = 4", "0.4"));
    assert!(!shows_number("p̂ = 0.45", "0.4") && !shows_number("10.4", "0.4") && !shows_number("-3", "3"));
    assert!(shows_number("y[0,0] = 219", "219") && !shows_number("2190", "219"));
}
