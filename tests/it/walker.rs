//! The screen contract, walked: every lesson driven through scripted paths
//! (every key of its table, predict mode answered right, wrong and skipped,
//! Home/End, every Tab view and chart, every knob to both ends) at 80×24 and
//! 120×40, and seeded random keys at 80×24, 100×30 and 120×40, in English
//! and Korean, drawn after every key. After each key:
//! - drawing never panics;
//! - no two drawn parts overlap (`ui::drawn`: contents apart, contents
//!   inside a panel's border or outside it);
//! - no text is cut without a mark of more (▴ ▾ ◂ ▸ …) in its panel;
//! - while a prediction is asked, nothing the lesson declares hidden
//!   (`Lesson::hidden`: the answer in every form the screen writes it) is
//!   anywhere on screen as a number of its own, and the answer being typed is;
//! - a key the footer listed did something (the screen changed).
//!
//! A failure names the lesson, size, language, the keys pressed and the
//! screen. `cargo test` walks 40 random keys per lesson, size and language
//! after the scripted path; `DEEPSTEP_WALK=2000` walks longer, and
//! `DEEPSTEP_WALK_ONLY=NAME` walks only the lessons whose name has NAME.

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
fn next_key(app: &App, rng: &mut Rng) -> Option<Key> {
    let keys: Vec<Key> = bound(app).into_iter().filter(|k| *k != Key::Code(KeyCode::Esc)).collect();
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
    Some(key)
}

/// Every key the front screen's table binds now.
fn bound(app: &App) -> Vec<Key> {
    app.screens.last().map(|s| s.bindings(app.text).into_iter().flat_map(|(_, k)| k).collect()).unwrap_or_default()
}

/// One lesson walked at one size in one language.
struct Walk<'a> {
    name: &'a str,
    lang: &'a str,
    size: (u16, u16),
    app: App,
    pressed: Vec<String>,
    /// The screen after the last key, and whether the footer listed that key.
    screen: String,
    listed: bool,
    a_move: bool,
}

impl<'a> Walk<'a> {
    fn new(name: &'a str, start: &Start, text: &'static Text, lang: &'a str, size: (u16, u16)) -> Result<Self, String> {
        let mut app = App::new(start(), text, Theme::MONO);
        app.clock = Some(1_800_000_000);
        app.notes_dir = notes_dir();
        let mut walk =
            Walk { name, lang, size, app, pressed: vec![], screen: String::new(), listed: false, a_move: false };
        walk.screen = walk.check()?;
        Ok(walk)
    }

    fn at(&self) -> String {
        // Repeats written once with their count: `[×30`.
        let mut keys: Vec<(String, usize)> = vec![];
        for k in &self.pressed {
            match keys.last_mut() {
                Some((last, n)) if last == k => *n += 1,
                _ => keys.push((k.clone(), 1)),
            }
        }
        let keys: Vec<String> = keys.into_iter().map(|(k, n)| if n > 1 { format!("{k}×{n}") } else { k }).collect();
        format!("{} at {}×{} in {} after keys {}", self.name, self.size.0, self.size.1, self.lang, keys.join(" "))
    }

    /// Press `key` and hold the state it leads to to the contract.
    fn press(&mut self, key: Key) -> Result<(), String> {
        self.press_unchecked(key);
        self.settle()
    }

    /// Press `key` without drawing (the steps between a knob's two ends).
    fn press_unchecked(&mut self, key: Key) {
        let moves = [
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
        ];
        // A move at the end of its range (Up on the first row) may rest:
        // a key is a move when its row holds an arrow (Up/k).
        let rows = self.app.screens.last().map(|s| s.bindings(self.app.text)).unwrap_or_default();
        self.a_move = rows
            .iter()
            .any(|(_, keys)| keys.contains(&key) && keys.iter().any(|k| moves.iter().any(|m| *k == Key::Code(*m))));
        let listed = !self.app.asking()
            && !self.app.help
            && self.app.screens.last().is_some_and(|s| s.footer_keys(self.app.text).contains(&key));
        self.pressed.push(key.name());
        self.app.handle(&Event::Key(key.event()));
        // Another lesson opened on top is walked on its own: come back. The
        // key did something (it opened a screen), so it need not change this one.
        let opened = self.app.screens.len() > 1;
        while self.app.screens.len() > 1 {
            self.app.screens.pop();
        }
        self.listed = listed && !opened;
    }

    /// Draw the state reached and check it; a footer key must have changed it.
    fn settle(&mut self) -> Result<(), String> {
        let screen = self.check()?;
        if self.listed && !self.a_move && screen == self.screen && !self.app.quit {
            let key = self.pressed.last().cloned().unwrap_or_default();
            return Err(format!("{}: the footer lists {key}, which changed nothing:\n{screen}", self.at()));
        }
        self.screen = screen;
        Ok(())
    }

    /// The state drawn now, or the first rule it breaks with the screen.
    fn check(&mut self) -> Result<String, String> {
        let (w, h) = self.size;
        let (screen, parts, term) = common::draw_recorded(&mut self.app, w, h);
        if let Some((a, b)) = deepstep::ui::drawn::overlaps(&parts).first() {
            return Err(format!(
                "{}: the part drawn at {} ({:?}) and the part drawn at {} ({:?}) overlap:\n{screen}",
                self.at(),
                a.at,
                a.area,
                b.at,
                b.area
            ));
        }
        if let Some(cut) = deepstep::ui::drawn::unmarked_cuts(&parts, term.backend().buffer()).first() {
            return Err(format!(
                "{}: the text drawn at {} ({:?}) is cut with no mark of more:\n{screen}",
                self.at(),
                cut.at,
                cut.area
            ));
        }
        let Some(front) = self.app.screens.last() else { return Ok(screen) };
        if self.app.asking() && !self.app.help {
            // A value of one or two characters (0, 7, 12) stands on most
            // screens as some other number; those are held by each lab's own tests.
            // What the learner typed is theirs to see, even when it is right.
            let typed = front.answer().unwrap_or_default();
            for value in front.hidden().iter().filter(|v| v.chars().count() >= 3 && !typed.contains(v.as_str())) {
                if shows_number(&screen, value) {
                    return Err(format!("{}: the asked value {value:?} is on screen:\n{screen}", self.at()));
                }
            }
            if let Some(typed) = front.answer().filter(|t| !t.is_empty())
                && !screen.contains(&typed)
            {
                return Err(format!("{}: the answer being typed, {typed:?}, is not on screen:\n{screen}", self.at()));
            }
        }
        Ok(screen)
    }

    fn type_answer(&mut self, text: &str) -> Result<(), String> {
        for c in text.chars() {
            self.press(Key::Char(c))?;
        }
        self.press(Key::Code(KeyCode::Enter))
    }

    /// Answer what is asked: right (the first hidden value that is a number
    /// or a size, as typed), wrong, or skip.
    fn answer(&mut self, how: usize) -> Result<(), String> {
        let hidden = self.app.screens.last().map(|s| s.hidden()).unwrap_or_default();
        let right = hidden
            .iter()
            .map(|v| v.replace('×', "x"))
            .find(|v| v.parse::<f64>().is_ok() || v.split('x').all(|p| !p.is_empty() && p.parse::<u32>().is_ok()));
        match (how % 3, right) {
            (0, Some(v)) => self.type_answer(&v),
            (1, _) | (0, None) => self.type_answer("98765"),
            _ => self.press(Key::Code(KeyCode::Esc)),
        }
    }

    /// The scripted path: every key of the table, predict mode answered
    /// three ways, the ends and views, every knob to both ends, help.
    fn script(&mut self) -> Result<(), String> {
        let has = |app: &App, k: Key| bound(app).contains(&k);
        for _ in 0..2 {
            for key in bound(&self.app) {
                if self.app.asking() {
                    self.answer(1)?;
                }
                if !matches!(key, Key::Char('q') | Key::Code(KeyCode::Esc)) && has(&self.app, key) {
                    self.press(key)?;
                }
            }
        }
        if self.app.asking() {
            self.answer(2)?;
        }
        for key in [Key::Code(KeyCode::Home), Key::Char('t')] {
            if has(&self.app, key) {
                self.press(key)?;
            }
        }
        let forward = [Key::Code(KeyCode::Right), Key::Char('n'), Key::Char(' ')];
        for i in 0..40 {
            if self.app.asking() {
                self.answer(i)?;
            } else if let Some(k) = forward.into_iter().find(|k| has(&self.app, *k)) {
                self.press(k)?;
            }
        }
        if self.app.asking() {
            self.answer(2)?;
        }
        for key in [Key::Code(KeyCode::End), Key::Code(KeyCode::Home)]
            .into_iter()
            .chain([Key::Code(KeyCode::Tab); 3])
            .chain([Key::Char('c'); 4])
            .chain([Key::Char('v'); 4])
        {
            if has(&self.app, key) {
                self.press(key)?;
            }
        }
        // Every knob to both ends and back where it was, drawn after every
        // turn (so a costly setting is not left for the next knob).
        for knob in 0..16 {
            if knob > 0 {
                // The next knob; a Down that changes nothing was at the last.
                let before = self.screen.clone();
                if !has(&self.app, Key::Code(KeyCode::Down)) {
                    break;
                }
                self.press(Key::Code(KeyCode::Down))?;
                if self.screen == before {
                    break;
                }
            }
            if !has(&self.app, Key::Char('[')) || !has(&self.app, Key::Char(']')) {
                continue;
            }
            let down = self.turn_to_end('[', usize::MAX)?;
            let up = self.turn_to_end(']', usize::MAX)?;
            self.turn_to_end('[', up.saturating_sub(down))?;
        }
        self.press(Key::Char('?'))?;
        self.press(Key::Code(KeyCode::Esc))
    }

    /// Turn the knob with `key` until the screen stops changing (its end:
    /// a second turn there changes nothing), at most `most` turns and 12
    /// (a knob that cycles has no end); returns the turns that moved it.
    fn turn_to_end(&mut self, key: char, most: usize) -> Result<usize, String> {
        let mut moved = 0;
        while moved < most.min(12) {
            let before = self.screen.clone();
            self.press_unchecked(Key::Char(key));
            // At the end a lab may say so once: that is a change, not a move.
            self.listed = false;
            self.settle()?;
            if self.screen == before {
                break;
            }
            moved += 1;
        }
        Ok(moved)
    }

    fn random(&mut self, seed: u64) -> Result<(), String> {
        let mut rng = Rng::new(seed);
        for _ in 0..walk_length() {
            let Some(key) = next_key(&self.app, &mut rng) else { break };
            self.press(key)?;
            if self.app.quit {
                break;
            }
        }
        Ok(())
    }
}

/// Where walks write study notes (`e`): a folder of their own.
fn notes_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("deepstep-walker-notes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
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

fn walk(name: &str, start: &Start, text: &'static Text, lang: &str, size: (u16, u16), seed: u64) -> Result<(), String> {
    let mut walk = Walk::new(name, start, text, lang, size)?;
    // The scripted path at the two sizes the contract names; every size
    // gets the random keys (a debug build draws a frame in 2–8 ms).
    if size != (100, 30) {
        walk.script()?;
    }
    walk.random(seed)
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
                    // DEEPSTEP_WALK_ONLY=rnn walks the lessons whose name has `rnn`.
                    let only = std::env::var("DEEPSTEP_WALK_ONLY").unwrap_or_default();
                    for (i, (name, start)) in starts.iter().enumerate().filter(|(_, (n, _))| n.contains(&only)) {
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
