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

/// (label, what) pairs of the footer rows.
pub fn footer_items<A>(table: &[Binding<A>]) -> Vec<(&'static str, &'static str)> {
    table.iter().filter(|b| b.footer).map(|b| (b.label, b.what)).collect()
}

/// (label, what) pairs of every row, for the help overlay.
pub fn help_items<A>(table: &[Binding<A>]) -> Vec<(&'static str, &'static str)> {
    table.iter().map(|b| (b.label, b.what)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_respects_modifiers() {
        let t = vec![
            Binding::new(&[Key::Char('q')], "q", "quit", 1, true),
            Binding::new(&[Key::Ctrl('c')], "Ctrl-C", "quit", 2, false),
        ];
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        let cq = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        let cc = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&t, &q), Some(1));
        assert_eq!(lookup(&t, &cq), None);
        assert_eq!(lookup(&t, &cc), Some(2));
        assert_eq!(footer_items(&t).len(), 1);
        assert_eq!(help_items(&t).len(), 2);
    }
}
