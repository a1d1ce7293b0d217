//! The home screen's keys.

use super::lab::Action;
use crate::text::Text;
use crate::ui::keys::{Binding, Key};
use ratatui::crossterm::event::KeyCode;

pub fn table(t: &Text) -> Vec<Binding<Action>> {
    let k = &t.keys;
    vec![
        Binding::new(&[Key::Code(KeyCode::Up), Key::Char('k')], "Up/k", k.up_down, Action::Up, true),
        Binding::new(&[Key::Code(KeyCode::Down), Key::Char('j')], "Down/j", k.up_down, Action::Down, false),
        Binding::new(
            &[Key::Code(KeyCode::Enter), Key::Code(KeyCode::Right), Key::Char('l')],
            "Enter",
            k.open,
            Action::Open,
            true,
        ),
    ]
}
