//! The gradient-descent exercise: a function typed (or a preset), its
//! derivative checked, the course's loop stepped one iteration at a time
//! with its numbers, the learning rate's limit, the slips learners make,
//! and predict mode.

pub mod keys;
pub mod lab;
pub mod note;
pub mod report;
pub mod view;
pub mod words;

use crate::lessons::lesson::{Ctx, Effect, Lesson};
use crate::lessons::notes::Note;
use crate::text::Text;
use crate::ui::theme::Theme;
use lab::{Action, GdLab};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

impl Lesson for GdLab {
    type Action = Action;

    crate::predict_plumbing!(keys::table, Action::Prompt, typing: is_typing);

    fn map_key(&self, ev: &KeyEvent, t: &Text) -> Option<Action> {
        keys::map_key(ev, self, t)
    }

    fn update(&mut self, a: Action, _: Ctx) -> Vec<Effect> {
        GdLab::update(self, a);
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
