//! The counting-ones RNN exercise: S_k = S_{k-1}·w_rec + x_k·w_x, its BPTT
//! loop one iteration at a time, the common mistakes, and the loss surface.

pub mod keys;
pub mod lab;
pub mod note;
pub mod report;
pub mod view;

use crate::lessons::lesson::{Ctx, Effect, Lesson};
use crate::lessons::notes::Note;
use crate::text::Text;
use crate::ui::theme::Theme;
use lab::{Action, CountLab};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

impl Lesson for CountLab {
    type Action = Action;

    crate::predict_plumbing!(lab_table: keys::lab_table, Action::Prompt);

    fn map_key(&self, ev: &KeyEvent, t: &Text) -> Option<Action> {
        keys::map_key(ev, self, t)
    }

    fn update(&mut self, a: Action, _: Ctx) -> Vec<Effect> {
        CountLab::update(self, a);
        vec![]
    }

    fn render(&self, frame: &mut Frame, area: Rect, t: &Text, theme: &Theme) -> Vec<(Rect, Action)> {
        view::render(frame, area, self, t, theme);
        vec![]
    }

    fn note(&self, t: &Text) -> Option<Note> {
        Some(note::note(self, t))
    }
}
