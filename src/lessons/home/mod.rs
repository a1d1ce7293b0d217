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
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

impl Lesson for Home {
    type Action = Action;

    fn keys(&self, t: &Text) -> Vec<Binding<Action>> {
        keys::table(t)
    }

    /// A digit opens the lesson with that number; the rest is the table's.
    fn map_key(&self, ev: &KeyEvent, t: &Text) -> Option<Action> {
        match crate::ui::keys::lookup(&self.keys(t), ev)? {
            Action::Number => match ev.code {
                KeyCode::Char(c) => c.to_digit(10).map(|d| Action::OpenAt(d as usize - 1)),
                _ => None,
            },
            a => Some(a),
        }
    }

    fn update(&mut self, a: Action, _: Ctx) -> Vec<Effect> {
        Home::update(self, a)
            .and_then(|i| crate::lessons::registry::LESSONS.get(i))
            .map(|e| Effect::Open { stem: e.stem, at: crate::lessons::lesson::At::Start })
            .into_iter()
            .collect()
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

    fn due(&mut self, count: Option<usize>) {
        self.due = count;
    }
}
