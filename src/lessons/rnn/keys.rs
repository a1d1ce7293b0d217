//! The RNN lab's keys: one table for the handler, the footer and the help.

use super::lab::{Action, RnnLab};
use crate::lessons::input;
use crate::text::Text;
use crate::ui::keys::{Binding, Key, lookup};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// The keys that do something now: the knob keys only where the selected
/// knob can turn that way (not at the end of its range).
pub fn lab_table(lab: &RnnLab, t: &Text) -> Vec<Binding<Action>> {
    full_table(t)
        .into_iter()
        // Tab names the matrices only where they are one of its panels.
        .map(|b| match b.action {
            Action::SwitchPanel if lab.has_matrices() => Binding { what: t.rnn.switch_panel_matrices, ..b },
            _ => b,
        })
        .filter(|b| match b.action {
            Action::KnobDec => lab.can_turn(-1),
            Action::KnobInc => lab.can_turn(1),
            _ => true,
        })
        .collect()
}

fn full_table(t: &Text) -> Vec<Binding<Action>> {
    let k = &t.keys;
    use Key::{Char as C, Code};
    vec![
        Binding::new(&[Code(KeyCode::Right), C('l')], k.next_step, Action::Next, true),
        Binding::new(&[Code(KeyCode::Left), C('h')], k.prev_step, Action::Prev, true),
        Binding::new(&[Code(KeyCode::Home), C('g')], k.first_last_step, Action::First, false),
        Binding::new(&[Code(KeyCode::End), C('G')], k.first_last_step, Action::Last, false),
        Binding::new(&[Code(KeyCode::Up), C('k')], k.knob_select, Action::KnobUp, true),
        Binding::new(&[Code(KeyCode::Down), C('j')], k.knob_select, Action::KnobDown, false),
        Binding::new(&[C('['), C('-')], k.knob_dec, Action::KnobDec, true),
        Binding::new(&[C(']'), C('+'), C('=')], k.knob_inc, Action::KnobInc, true),
        Binding::new(&[C('c')], k.chart, Action::CycleChart, true),
        Binding::new(&[Code(KeyCode::Tab)], t.rnn.switch_panel, Action::SwitchPanel, true),
        Binding::new(&[C('t'), C('P')], k.predict, Action::TogglePredict, true),
    ]
}

/// The action for a key: while an answer is asked for, keys edit it
/// (`lessons::input`); otherwise the table above.
pub fn map_key(ev: &KeyEvent, lab: &RnnLab, t: &Text) -> Option<Action> {
    if lab.view.predict.is_asking() {
        return input::prompt_key(ev, t).map(Action::Prompt);
    }
    lookup(&lab_table(lab, t), ev)
}
