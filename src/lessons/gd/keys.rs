//! The gradient-descent lab's keys: one table for the handler, footer and help.

use super::lab::{Action, GdLab};
use crate::lessons::input;
use crate::text::Text;
use crate::ui::keys::{Binding, Key, lookup};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

pub fn table(t: &Text) -> Vec<Binding<Action>> {
    let (k, g) = (&t.keys, &t.gd);
    use Key::{Char as C, Code};
    vec![
        Binding::new(&[Code(KeyCode::Right), C('l')], g.key_step, Action::Step, true),
        Binding::new(&[Code(KeyCode::Left), C('h')], g.key_back, Action::Back, true),
        Binding::new(&[Code(KeyCode::Home), C('g')], g.key_first_end, Action::First, false),
        Binding::new(&[Code(KeyCode::End), C('G')], g.key_first_end, Action::End, true),
        Binding::new(&[Code(KeyCode::Up), C('k')], k.knob_select, Action::KnobUp, true),
        Binding::new(&[Code(KeyCode::Down), C('j')], k.knob_select, Action::KnobDown, false),
        Binding::new(&[C('['), C('-')], k.knob_dec, Action::KnobDec, true),
        Binding::new(&[C(']'), C('+'), C('=')], k.knob_inc, Action::KnobInc, true),
        Binding::new(&[C('f')], g.key_type, Action::Type, true),
        Binding::new(&[C('t')], k.predict, Action::TogglePredict, true),
        Binding::new(&[Code(KeyCode::Tab)], g.key_panel, Action::SwitchPanel, false),
    ]
}

pub fn map_key(ev: &KeyEvent, lab: &GdLab, t: &Text) -> Option<Action> {
    if lab.is_typing() || lab.predict.is_asking() {
        return input::prompt_key(ev, t).map(Action::Prompt);
    }
    lookup(&table(t), ev)
}
