//! The practice screen's keys.

use super::lab::{Action, PracticeLab, State};
use crate::text::Text;
use crate::ui::keys::{Binding, Key};
use ratatui::crossterm::event::KeyCode;

pub fn table(lab: &PracticeLab, t: &Text) -> Vec<Binding<Action>> {
    let k = &t.practice.keys;
    // The footer lists what does something now: `h` while hints are left,
    // `c` for a file that is there, not being checked, with a Python to run it.
    let item = lab.current();
    let hints_left = (item.record.hints as usize) < (t.practice.hints)(item.exercise).len();
    let checkable = item.state() != State::Missing && !item.checking && lab.python.is_some();
    let mut rows = vec![
        Binding::new(&[Key::Code(KeyCode::Up), Key::Char('k')], k.select, Action::Up, true),
        Binding::new(&[Key::Code(KeyCode::Down), Key::Char('j')], k.select, Action::Down, false),
        Binding::new(&[Key::Code(KeyCode::PageDown), Key::Char(' ')], k.scroll, Action::PageDown, true),
        Binding::new(&[Key::Code(KeyCode::PageUp)], k.scroll, Action::PageUp, false),
        Binding::new(&[Key::Char('h')], k.hint, Action::Hint, hints_left),
        Binding::new(&[Key::Char('c')], k.check, Action::Check, checkable),
        Binding::new(&[Key::Char('l')], k.lab, Action::Lab, true),
    ];
    if !lab.folder && !lab.initing {
        rows.push(Binding::new(&[Key::Char('i')], k.init, Action::Init(t.lang), true));
    }
    rows
}
