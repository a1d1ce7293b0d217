//! The counting-RNN lab's keys: one table for the handler, footer and help.

use super::lab::{Action, CountLab};
use crate::lessons::input;
use crate::text::Text;
use crate::ui::keys::{Binding, Key, lookup};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// The keys that do something now: `[` and `]` only where the learning
/// rate can move that way.
pub fn lab_table(lab: &CountLab, t: &Text) -> Vec<Binding<Action>> {
    full_table(t)
        .into_iter()
        .filter(|b| match b.action {
            Action::LrDown => lab.can_turn_lr(-1),
            Action::LrUp => lab.can_turn_lr(1),
            _ => true,
        })
        .collect()
}

fn full_table(t: &Text) -> Vec<Binding<Action>> {
    let k = &t.keys;
    use Key::{Char as C, Code};
    vec![
        Binding::new(&[Code(KeyCode::Right), C('l')], k.next_iteration, Action::Next, true),
        Binding::new(&[Code(KeyCode::Left), C('h')], k.prev_iteration, Action::Prev, true),
        Binding::new(&[Code(KeyCode::Home), C('g')], k.first_last_iteration, Action::First, false),
        Binding::new(&[Code(KeyCode::End), C('G')], k.first_last_iteration, Action::Last, false),
        Binding::new(&[C('w')], k.move_cursor, Action::Up, false),
        Binding::new(&[C('s')], k.move_cursor, Action::Down, false),
        Binding::new(&[C('a')], k.move_cursor, Action::Left, false),
        Binding::new(&[C('d')], k.move_cursor, Action::Right, false),
        Binding::new(&[C('z')], k.zoom, Action::Zoom, true),
        Binding::new(&[C('n')], k.gd_step, Action::GdStep, true),
        Binding::new(&[C('r')], k.rprop_step, Action::RpropStep, true),
        Binding::new(&[C('R')], k.rprop_run, Action::RpropRun, true),
        Binding::new(&[C('[')], k.lr, Action::LrDown, false),
        Binding::new(&[C(']')], k.lr, Action::LrUp, false),
        Binding::new(&[C('D')], k.data, Action::ToggleData, false),
        Binding::new(&[C('t')], k.predict, Action::TogglePredict, true),
        Binding::new(&[Code(KeyCode::Tab)], t.count.switch_panel, Action::SwitchPanel, true),
    ]
}

/// The action for a key: while an answer is asked for, keys edit it
/// (`lessons::input`); otherwise the table above.
pub fn map_key(ev: &KeyEvent, lab: &CountLab, t: &Text) -> Option<Action> {
    if lab.predict.is_asking() {
        return input::prompt_key(ev, t).map(Action::Prompt);
    }
    lookup(&lab_table(lab, t), ev)
}
