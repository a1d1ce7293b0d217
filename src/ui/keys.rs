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
    /// How the keys are written on screen ("Right/l").
    pub label: &'static str,
    /// What they do, in the current language.
    pub what: &'static str,
    pub action: A,
    /// Shown in the footer too (every binding is in the help overlay).
    pub footer: bool,
}

impl<A: Clone> Binding<A> {
    pub fn new(keys: &[Key], label: &'static str, what: &'static str, action: A, footer: bool) -> Self {
        Binding { keys: keys.to_vec(), label, what, action, footer }
    }
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
pub fn footer_items<A>(table: &[Binding<A>]) -> Vec<(&'static str, &'static str)> {
    table.iter().filter(|b| b.footer).map(|b| (b.label, b.what)).collect()
}

/// (label, what) pairs of every row, for the help overlay.
pub fn help_items<A>(table: &[Binding<A>]) -> Vec<(&'static str, &'static str)> {
    table.iter().map(|b| (b.label, b.what)).collect()
}
