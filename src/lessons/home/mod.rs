//! The home screen: the list of lessons, taken from the registry.

pub mod keys;
pub mod lab;
pub mod view;

use crate::lessons::lesson::{Ctx, Effect, Lesson};
use crate::lessons::notes::Note;
use crate::text::Text;
use crate::ui::keys::Binding;
use crate::ui::theme::Theme;
use lab::{Action, Home};
use ratatui::Frame;
use ratatui::layout::Rect;
use std::time::Duration;

impl Lesson for Home {
    type Action = Action;

    fn keys(&self, t: &Text) -> Vec<Binding<Action>> {
        keys::table(t)
    }

    fn update(&mut self, a: Action, _: Ctx) -> Vec<Effect> {
        Home::update(self, a).map(Effect::Open).into_iter().collect()
    }

    fn render(&self, frame: &mut Frame, area: Rect, t: &Text, theme: &Theme) -> Vec<(Rect, Action)> {
        view::render(frame, area, self, t, theme)
    }

    fn note(&self, _: &Text) -> Option<Note> {
        None
    }

    fn asking(&self) -> bool {
        false
    }

    fn tick_interval(&self) -> Option<(Duration, Action)> {
        None
    }

    fn clickable(&self) -> bool {
        false
    }
}
