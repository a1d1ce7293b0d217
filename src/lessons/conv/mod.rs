//! The convolution lab: step through a convolution, forward and backward,
//! one frame (one output value) or one tap (one multiply) at a time.

pub mod computed;
pub mod keys;
pub mod lab;
pub mod note;
pub mod report;
pub mod view;

pub use lab::{Action, ConvLab, Mode};

use crate::lessons::input;
use crate::lessons::lesson::{Ctx, Effect, Lesson};
use crate::lessons::notes::Note;
use crate::text::Text;
use crate::ui::keys::Binding;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use std::time::Duration;

impl Lesson for ConvLab {
    type Action = Action;

    fn keys(&self, t: &Text) -> Vec<Binding<Action>> {
        if self.asking() { input::prompt_bindings(t, Action::Prompt) } else { keys::table(t) }
    }

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

    fn asking(&self) -> bool {
        self.prompt.is_some()
    }

    fn tick_interval(&self) -> Option<(Duration, Action)> {
        self.playing.then(|| (Duration::from_millis(self.speed_ms()), Action::Tick))
    }

    fn typed(&self, c: char) -> Option<Action> {
        self.asking().then_some(Action::Prompt(crate::lessons::input::Edit::Type(c)))
    }

    fn clickable(&self) -> bool {
        true
    }
}
