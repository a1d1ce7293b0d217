//! Key tables: one list per screen says which keys do what. The key handler
//! looks actions up in it, and the footer and the `?` overlay are drawn from
//! it, so the help can never disagree with the keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key that a binding answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Code(KeyCode),
    Ctrl(char),
}

impl Key {
    /// The key event this key is (what a terminal sends when it is pressed).
    pub fn event(self) -> KeyEvent {
        match self {
            Key::Char(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
            Key::Code(code) => KeyEvent::new(code, KeyModifiers::NONE),
            Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        }
    }

    /// How the key is written in a label: `l`, `Right`, `PgDn`, `Space`, `Ctrl-C`.
    pub fn name(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Code(code) => match code {
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::BackTab => "Shift-Tab".into(),
                KeyCode::Delete => "Del".into(),
                KeyCode::F(n) => format!("F{n}"),
                KeyCode::Char(c) => c.to_string(),
                other => format!("{other:?}"),
            },
        }
    }

    pub fn matches(self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            Key::Char(c) => !ctrl && ev.code == KeyCode::Char(c),
            Key::Code(code) => !ctrl && ev.code == code,
            Key::Ctrl(c) => ctrl && ev.code == KeyCode::Char(c),
        }
    }
}

/// One row of a key table.
#[derive(Debug, Clone)]
pub struct Binding<A> {
    pub keys: Vec<Key>,
    /// How the keys are written on screen ("Right/l"): made from `keys`,
    /// or a range that covers them ("1-4/a-d"; a test checks it does).
    pub label: String,
    /// What they do, in the current language.
    pub what: &'static str,
    pub action: A,
    /// Shown in the footer too (every binding is in the help overlay).
    pub footer: bool,
}

impl<A: Clone> Binding<A> {
    /// A row whose label is its keys' names, so no key can be missing from it.
    pub fn new(keys: &[Key], what: &'static str, action: A, footer: bool) -> Self {
        Binding { keys: keys.to_vec(), label: label_of(keys), what, action, footer }
    }

    /// The same row written as a range that covers its keys ("1-4/a-d"),
    /// for rows that stand for several (`label_covers` checks it does).
    pub fn labelled(mut self, label: &str) -> Self {
        self.label = label.to_string();
        self
    }
}

/// The keys' names joined by `/`.
pub fn label_of(keys: &[Key]) -> String {
    keys.iter().map(|k| k.name()).collect::<Vec<_>>().join("/")
}

/// Whether `label` names `key`: as one of its `/`-separated parts, or
/// within a part that is a range such as `1-9` or `a-d`.
pub fn label_covers(label: &str, key: Key) -> bool {
    let name = key.name();
    label.split('/').any(|part| {
        part == name
            || match (part.chars().collect::<Vec<_>>().as_slice(), name.chars().next()) {
                ([lo, '-', hi], Some(c)) if name.chars().count() == 1 => (*lo..=*hi).contains(&c),
                _ => false,
            }
    })
}

/// The action bound to a key event, if any.
pub fn lookup<A: Clone>(table: &[Binding<A>], ev: &KeyEvent) -> Option<A> {
    table.iter().find(|b| b.keys.iter().any(|k| k.matches(ev))).map(|b| b.action.clone())
}

/// The Korean standard (2-beolsik) layout: each jamo and the QWERTY key it
/// sits on (shifted where the jamo needs Shift). With a Korean input method
/// on, letter keys arrive as these jamo.
pub const DUBEOLSIK: [(char, char); 33] = [
    ('ㅂ', 'q'),
    ('ㅈ', 'w'),
    ('ㄷ', 'e'),
    ('ㄱ', 'r'),
    ('ㅅ', 't'),
    ('ㅛ', 'y'),
    ('ㅕ', 'u'),
    ('ㅑ', 'i'),
    ('ㅐ', 'o'),
    ('ㅔ', 'p'),
    ('ㅁ', 'a'),
    ('ㄴ', 's'),
    ('ㅇ', 'd'),
    ('ㄹ', 'f'),
    ('ㅎ', 'g'),
    ('ㅗ', 'h'),
    ('ㅓ', 'j'),
    ('ㅏ', 'k'),
    ('ㅣ', 'l'),
    ('ㅋ', 'z'),
    ('ㅌ', 'x'),
    ('ㅊ', 'c'),
    ('ㅍ', 'v'),
    ('ㅠ', 'b'),
    ('ㅜ', 'n'),
    ('ㅡ', 'm'),
    ('ㅃ', 'Q'),
    ('ㅉ', 'W'),
    ('ㄸ', 'E'),
    ('ㄲ', 'R'),
    ('ㅆ', 'T'),
    ('ㅒ', 'O'),
    ('ㅖ', 'P'),
];

/// A key as its shortcut: a jamo typed with the Korean input method on
/// becomes the QWERTY letter under it (ㅂ is q, ㅅ is t), so every shortcut
/// works without switching the input method off. Other keys are unchanged.
pub fn shortcut(ev: &KeyEvent) -> KeyEvent {
    match ev.code {
        KeyCode::Char(c) => match DUBEOLSIK.iter().find(|(j, _)| *j == c) {
            Some((_, q)) => {
                let mut out = *ev;
                out.code = KeyCode::Char(*q);
                // The shifted jamo already stand for the upper-case letter.
                if q.is_ascii_uppercase() {
                    out.modifiers.insert(KeyModifiers::SHIFT);
                }
                out
            }
            None => *ev,
        },
        _ => *ev,
    }
}

/// (label, what) pairs of the footer rows.
pub fn footer_items<A>(table: &[Binding<A>]) -> Vec<(String, &'static str)> {
    table.iter().filter(|b| b.footer).map(|b| (b.label.clone(), b.what)).collect()
}

/// (label, what) pairs of every row, for the help overlay.
pub fn help_items<A>(table: &[Binding<A>]) -> Vec<(String, &'static str)> {
    table.iter().map(|b| (b.label.clone(), b.what)).collect()
}
