//! The convolution lab's keys: one table, from which `map_key`, the footer
//! and the help overlay all read.

use super::lab::{Action, ConvLab};
use crate::lessons::input;
use crate::text::Text;
use crate::ui::keys::{Binding, Key, lookup};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

pub fn table(t: &Text) -> Vec<Binding<Action>> {
    let k = &t.keys;
    use Key::{Char as C, Code};
    vec![
        Binding::new(&[Code(KeyCode::Right), C('l')], k.next_frame, Action::Next, true),
        Binding::new(&[Code(KeyCode::Left), C('h')], k.prev_frame, Action::Prev, true),
        Binding::new(&[C('f')], k.fine, Action::Tap, true),
        Binding::new(&[C(' ')], k.play, Action::TogglePlay, true),
        Binding::new(&[C('m')], k.mode, Action::CycleMode, true),
        Binding::new(&[Code(KeyCode::Up), C('k')], k.knob_select, Action::KnobUp, true),
        Binding::new(&[Code(KeyCode::Down), C('j')], k.knob_select, Action::KnobDown, false),
        Binding::new(&[C('['), C('-')], k.knob_dec, Action::KnobDec, true),
        Binding::new(&[C(']'), C('+'), C('=')], k.knob_inc, Action::KnobInc, true),
        Binding::new(&[Code(KeyCode::Home), C('g')], k.first_last, Action::First, false),
        Binding::new(&[Code(KeyCode::End), C('G')], k.first_last, Action::Last, false),
        Binding::new(&[C('<'), C(',')], k.speed, Action::Slower, false),
        Binding::new(&[C('>'), C('.')], k.speed, Action::Faster, false),
        Binding::new(&[C('b')], k.link_axes, Action::ToggleLink, false),
        Binding::new(&[Code(KeyCode::Tab)], t.conv.switch_panel, Action::SwitchPanel, false),
        Binding::new(&[C('p')], k.preset, Action::NextPreset, false),
        Binding::new(&[C('i')], k.sample, Action::NextInput, false),
        Binding::new(&[C('r')], k.random_dy, Action::RandomDy, false),
        Binding::new(&[C('P'), C('t')], k.predict, Action::TogglePredict, true),
    ]
}

/// The table with the footer as the lab is now: a knob that a turn would
/// not move (at its end, or refused again with the reason already shown)
/// lists no `[`/`]` there (they stay in the help).
pub fn lab_table(lab: &ConvLab, t: &Text) -> Vec<Binding<Action>> {
    let mut rows = table(t);
    for b in &mut rows {
        if matches!(b.action, Action::KnobDec | Action::KnobInc) {
            let delta = if b.action == Action::KnobDec { -1 } else { 1 };
            b.footer &= lab.turn_would_change(delta);
        }
    }
    rows
}

/// The action for a key: while an answer is asked for, keys edit it
/// (`lessons::input`); otherwise the table above.
pub fn map_key(ev: &KeyEvent, lab: &ConvLab, t: &Text) -> Option<Action> {
    if lab.predict.is_asking() {
        return input::prompt_key(ev, t).map(Action::Prompt);
    }
    lookup(&table(t), ev)
}
