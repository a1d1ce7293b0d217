//! The RNN lab: the unrolled timeline stepped forward and then back through
//! time (BPTT), the charts of how the gradient vanishes or explodes, predict
//! mode, and the headless forms (`deepstep rnn --print`, `deepstep sweep`).

pub mod background;
mod charts;
pub mod keys;
pub mod lab;
pub mod note;
pub mod report;
pub mod settings;
pub mod timeline;
pub mod view;
mod view_state;
pub mod why;

use crate::lessons::lesson::{Ctx, Effect, Lesson};
use crate::lessons::notes::Note;
use crate::text::Text;
use crate::ui::theme::Theme;
use lab::{Action, RnnLab};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use std::time::Duration;

impl Lesson for RnnLab {
    type Action = Action;

    crate::predict_plumbing!(lab_table: keys::lab_table, Action::Prompt, predict: view.predict);

    fn map_key(&self, ev: &KeyEvent, t: &Text) -> Option<Action> {
        keys::map_key(ev, self, t)
    }

    fn update(&mut self, a: Action, _: Ctx) -> Vec<Effect> {
        RnnLab::update(self, a);
        vec![]
    }

    fn render(&self, frame: &mut Frame, area: Rect, t: &Text, theme: &Theme) -> Vec<(Rect, Action)> {
        view::render(frame, area, self, t, theme)
    }

    fn note(&self, t: &Text) -> Option<Note> {
        Some(note::note(self, t))
    }

    /// While the worker computes: look for its result once a 60 Hz frame (a
    /// tick redraws the screen, and sooner could not be seen; keys still wake
    /// the app's loop at once). Not while an answer is
    /// typed: the question is about the run on screen, so a new run waits.
    fn tick_interval(&self) -> Option<(Duration, Action)> {
        (self.computing.is_some() && !self.view.predict.is_asking())
            .then_some((Duration::from_millis(16), Action::Poll))
    }

    fn opened(&mut self) -> Vec<Effect> {
        RnnLab::opened(self)
    }

    fn clickable(&self) -> bool {
        true
    }

    fn click_help(&self, t: &Text) -> &'static str {
        t.rnn.click_step
    }
}
