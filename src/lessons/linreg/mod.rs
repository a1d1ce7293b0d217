//! The linear-regression exercise: gradient descent (or minibatch SGD) on a
//! line, the error measures and their gradients, and the stability limit.

pub mod keys;
pub mod lab;
pub mod note;
pub mod report;
pub mod view;

use crate::lessons::lesson::{Ctx, Effect, Lesson};
use crate::lessons::notes::Note;
use crate::text::Text;
use crate::ui::keys::Binding;
use crate::ui::theme::Theme;
use lab::{Action, LinregLab};
use ratatui::Frame;
use ratatui::layout::Rect;

impl Lesson for LinregLab {
    type Action = Action;

    fn keys(&self, t: &Text) -> Vec<Binding<Action>> {
        // The footer lists what would do something now: not `0` on β = 0,
        // not `[` at the lowest rate, not a step once the run has stopped.
        let mut rows = keys::table(t);
        for b in &mut rows {
            b.footer &= match b.action {
                Action::Step | Action::Run => !self.diverged && !self.full(),
                Action::Reset => self.betas.len() > 1 || self.diverged,
                Action::LrDown => self.next_rate(-1) != self.lr,
                Action::LrUp => self.next_rate(1) != self.lr,
                _ => true,
            };
        }
        rows
    }

    fn update(&mut self, a: Action, _: Ctx) -> Vec<Effect> {
        LinregLab::update(self, a);
        vec![]
    }

    fn render(&self, frame: &mut Frame, area: Rect, t: &Text, theme: &Theme) -> Vec<(Rect, Action)> {
        view::render(frame, area, self, t, theme);
        vec![]
    }

    fn note(&self, t: &Text) -> Option<Note> {
        Some(note::note(self, t))
    }

    fn asking(&self) -> bool {
        false
    }
}
