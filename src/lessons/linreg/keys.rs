//! The linear-regression lab's keys: one table for the handler, footer and help.

use super::lab::Action;
use crate::text::Text;
use crate::ui::keys::{Binding, Key, lookup};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

pub fn table(t: &Text) -> Vec<Binding<Action>> {
    let k = &t.keys;
    use Key::{Char as C, Code};
    vec![
        Binding::new(&[Code(KeyCode::Right), C('l')], k.step_once, Action::Step, true),
        Binding::new(&[C(' ')], k.run_50, Action::Run, true),
        Binding::new(&[C('0')], k.reset, Action::Reset, true),
        Binding::new(&[C('['), C('-')], k.lr_down, Action::LrDown, true),
        Binding::new(&[C(']'), C('+')], k.lr_up, Action::LrUp, false),
        Binding::new(&[C('b')], k.sgd, Action::ToggleSgd, true),
        Binding::new(&[C('m')], k.measure, Action::NextMeasure, true),
        Binding::new(&[C('u')], k.gradient_used, Action::NextGradient, true),
        Binding::new(&[C('f')], k.features, Action::ToggleFeatures, false),
        Binding::new(&[Code(KeyCode::Tab)], t.linreg.switch_panel, Action::SwitchPanel, true),
    ]
}

pub fn map_key(ev: &KeyEvent, t: &Text) -> Option<Action> {
    lookup(&table(t), ev)
}
