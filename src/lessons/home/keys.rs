//! The home screen's keys.

use super::lab::Action;
use crate::lessons::registry::LESSONS;
use crate::text::Text;
use crate::ui::keys::{Binding, Key};
use ratatui::crossterm::event::KeyCode;

pub fn table(t: &Text) -> Vec<Binding<Action>> {
    let k = &t.keys;
    vec![
        Binding::new(&[Key::Code(KeyCode::Up), Key::Char('k')], k.up_down, Action::Up, true),
        Binding::new(&[Key::Code(KeyCode::Down), Key::Char('j')], k.up_down, Action::Down, false),
        Binding::new(
            &[Key::Code(KeyCode::Enter), Key::Code(KeyCode::Right), Key::Char('l')],
            k.open,
            Action::Open,
            true,
        ),
        // The list is numbered on screen: its numbers open their lessons.
        Binding::new(&NUMBER_KEYS[..LESSONS.len().min(9)], k.open_number, Action::Number, true)
            .labelled(number_label()),
    ]
}

const NUMBER_KEYS: [Key; 9] = [
    Key::Char('1'),
    Key::Char('2'),
    Key::Char('3'),
    Key::Char('4'),
    Key::Char('5'),
    Key::Char('6'),
    Key::Char('7'),
    Key::Char('8'),
    Key::Char('9'),
];

/// "1-8" for eight lessons (at most "1-9").
fn number_label() -> &'static str {
    ["1", "1-2", "1-3", "1-4", "1-5", "1-6", "1-7", "1-8", "1-9"][LESSONS.len().clamp(1, 9) - 1]
}
