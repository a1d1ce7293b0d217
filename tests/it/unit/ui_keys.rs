//! Tests of `deepstep::ui::keys` (`src/ui/keys.rs`).

use deepstep::ui::keys::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[test]
fn lookup_respects_modifiers() {
    let t = vec![Binding::new(&[Key::Char('q')], "quit", 1, true), Binding::new(&[Key::Ctrl('c')], "quit", 2, false)];
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    let cq = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
    let cc = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(lookup(&t, &q), Some(1));
    assert_eq!(lookup(&t, &cq), None);
    assert_eq!(lookup(&t, &cc), Some(2));
    assert_eq!(footer_items(&t).len(), 1);
    assert_eq!(help_items(&t).len(), 2);
}

/// A label is made from its keys, so none is missing from it; a range
/// written by hand must cover its keys.
#[test]
fn labels_name_every_key() {
    use ratatui::crossterm::event::KeyCode::{Enter, PageDown, Right};
    let b = Binding::new(&[Key::Code(Right), Key::Char('l'), Key::Char(' '), Key::Ctrl('c')], "go", (), true);
    assert_eq!(b.label, "Right/l/Space/Ctrl-C");
    assert_eq!(label_of(&[Key::Code(PageDown), Key::Code(Enter)]), "PgDn/Enter");
    assert!(label_covers("1-4/a-d", Key::Char('3')) && label_covers("1-4/a-d", Key::Char('b')));
    assert!(!label_covers("1-4/a-d", Key::Char('5')) && !label_covers("t", Key::Char('P')));
    assert!(label_covers("Right/n/Enter", Key::Code(Enter)));
}

#[test]
fn korean_jamo_are_the_letters_under_them() {
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(shortcut(&key('ㅂ')).code, KeyCode::Char('q'));
    assert_eq!(shortcut(&key('ㅅ')).code, KeyCode::Char('t'));
    assert_eq!(shortcut(&key('ㅣ')).code, KeyCode::Char('l'));
    assert!(Key::Char('L').matches(&shortcut(&KeyEvent::new(KeyCode::Char('L'), KeyModifiers::SHIFT))));
    assert_eq!(shortcut(&key('?')).code, KeyCode::Char('?'));
    assert_eq!(shortcut(&key('가')).code, KeyCode::Char('가'), "a syllable is text, not a key");
    // Every lower-case letter has its jamo, and no two jamo share a letter.
    let letters: std::collections::BTreeSet<char> = DUBEOLSIK.iter().map(|(_, q)| *q).collect();
    assert_eq!(letters.len(), DUBEOLSIK.len());
    assert!(('a'..='z').all(|c| letters.contains(&c)));
}
