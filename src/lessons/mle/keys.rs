//! The maximum-likelihood lab's keys: one table for the handler, footer and help.

use super::lab::{Action, MleLab, View};
use crate::lessons::input;
use crate::text::Text;
use crate::ui::keys::{Binding, Key, lookup};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// The keys that do something in `lab`'s state (D21: the categorical
/// family has one panel and no surface; the surface's keys act on the
/// surface panel only).
pub fn lab_table(lab: &MleLab, t: &Text) -> Vec<Binding<Action>> {
    let surface = lab.view == View::Surface && lab.normal.is_some() && lab.fit_revealed();
    full_table(t)
        .into_iter()
        .filter(|b| match b.action {
            Action::NextView => lab.views().len() > 1,
            Action::Move(..) | Action::Ascend | Action::ResetPath => surface,
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
        Binding::new(&[Code(KeyCode::Right), C('l')], k.next_line, Action::Next, true),
        Binding::new(&[Code(KeyCode::Left), C('h')], k.prev_line, Action::Prev, true),
        Binding::new(&[Code(KeyCode::Home), C('g')], k.first_last_line, Action::First, false),
        Binding::new(&[Code(KeyCode::End), C('G')], k.first_last_line, Action::Last, false),
        Binding::new(&[C('v')], k.next_view, Action::NextView, true),
        Binding::new(&[Code(KeyCode::Up), C('k')], k.knob_select, Action::KnobUp, true),
        Binding::new(&[Code(KeyCode::Down), C('j')], k.knob_select, Action::KnobDown, false),
        Binding::new(&[C('['), C('-')], k.knob_dec, Action::KnobDec, true),
        Binding::new(&[C(']'), C('+'), C('=')], k.knob_inc, Action::KnobInc, true),
        Binding::new(&[C('w')], k.move_surface, Action::Move(-1, 0), false),
        Binding::new(&[C('s')], k.move_surface, Action::Move(1, 0), false),
        Binding::new(&[C('a')], k.move_surface, Action::Move(0, -1), false),
        Binding::new(&[C('d')], k.move_surface, Action::Move(0, 1), false),
        Binding::new(&[C('n')], k.ascend, Action::Ascend, true),
        Binding::new(&[C('r')], k.reset_path, Action::ResetPath, false),
        Binding::new(&[C('o')], k.open_linreg, Action::OpenLinreg, false),
        Binding::new(&[C('t')], k.predict, Action::TogglePredict, true),
    ]
}

/// While an answer is typed, keys edit it; otherwise the table above.
pub fn map_key(ev: &KeyEvent, lab: &MleLab, t: &Text) -> Option<Action> {
    if lab.predict.is_asking() {
        return input::prompt_key(ev, t).map(Action::Prompt);
    }
    lookup(&lab_table(lab, t), ev)
}
