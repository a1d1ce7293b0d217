//! The practice screen's keys.

use super::lab::{Action, PracticeLab};
use crate::text::Text;
use crate::ui::keys::{Binding, Key};
use ratatui::crossterm::event::KeyCode;

pub fn table(lab: &PracticeLab, t: &Text) -> Vec<Binding<Action>> {
    let k = &t.practice.keys;
    let mut rows = vec![
        Binding::new(&[Key::Code(KeyCode::Up), Key::Char('k')], k.select, Action::Up, true),
        Binding::new(&[Key::Code(KeyCode::Down), Key::Char('j')], k.select, Action::Down, false),
        Binding::new(&[Key::Code(KeyCode::PageDown), Key::Char(' ')], k.scroll, Action::PageDown, true),
        Binding::new(&[Key::Code(KeyCode::PageUp)], k.scroll, Action::PageUp, false),
        Binding::new(&[Key::Char('h')], k.hint, Action::Hint, true),
        Binding::new(&[Key::Char('c')], k.check, Action::Check, true),
        Binding::new(&[Key::Char('l')], k.lab, Action::Lab, true),
    ];
    if !lab.folder {
        rows.push(Binding::new(&[Key::Char('i')], k.init, Action::Init(t.lang), true));
    }
    rows
}
