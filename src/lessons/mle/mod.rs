//! The maximum-likelihood exercise: the normal distribution's μ̂ and σ̂
//! derived line by line with the learner's numbers, the log-likelihood
//! surface, σ̂²'s bias seen by repeated sampling, the categorical MLE and its
//! cross-entropy, and the mistakes learners make.

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
use lab::{Action, MleLab};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

impl Lesson for MleLab {
    type Action = Action;

    crate::predict_plumbing!(lab_table: keys::lab_table, Action::Prompt);

    fn map_key(&self, ev: &KeyEvent, t: &Text) -> Option<Action> {
        keys::map_key(ev, self, t)
    }

    fn update(&mut self, a: Action, _: Ctx) -> Vec<Effect> {
        if a == Action::OpenLinreg && !self.predict.is_asking() {
            // Least squares is this MLE under Gaussian noise: the lab beside it.
            return vec![Effect::Open { stem: "linear-regression", at: crate::lessons::lesson::At::Start }];
        }
        MleLab::update(self, a);
        vec![]
    }

    fn render(&self, frame: &mut Frame, area: Rect, t: &Text, theme: &Theme) -> Vec<(Rect, Action)> {
        view::render(frame, area, self, t, theme)
    }

    fn note(&self, t: &Text) -> Option<Note> {
        Some(note::note(self, t))
    }

    fn clickable(&self) -> bool {
        true
    }
}
