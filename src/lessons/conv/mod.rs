//! The convolution lab: step through a convolution, forward and backward,
//! one frame (one output value) or one tap (one multiply) at a time.

pub mod computed;
mod grids;
pub mod keys;
pub mod lab;
pub mod note;
pub mod report;
pub mod view;

pub use lab::{Action, ConvLab, Mode};

use crate::lessons::lesson::{Ctx, Effect, Lesson};
use crate::lessons::notes::Note;
use crate::text::Text;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use std::time::Duration;

impl Lesson for ConvLab {
    type Action = Action;

    crate::predict_plumbing!(lab_table: keys::lab_table, Action::Prompt);

    fn map_key(&self, ev: &KeyEvent, t: &Text) -> Option<Action> {
        keys::map_key(ev, self, t)
    }

    fn update(&mut self, a: Action, _: Ctx) -> Vec<Effect> {
        ConvLab::update(self, a);
        vec![]
    }

    fn render(&self, frame: &mut Frame, area: Rect, t: &Text, theme: &Theme) -> Vec<(Rect, Action)> {
        view::render(frame, area, self, t, theme)
    }

    fn note(&self, t: &Text) -> Option<Note> {
        Some(note::note(self, t))
    }

    fn tick_interval(&self) -> Option<(Duration, Action)> {
        self.playing.then(|| (Duration::from_millis(self.speed_ms()), Action::Tick))
    }

    fn clickable(&self) -> bool {
        true
    }
}
