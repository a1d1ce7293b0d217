//! The quiz: banks of questions (TOML, embedded), questions generated from
//! `math::prob`, rounds planned from the saved progress, FSRS review and statistics.

pub mod anki;
pub mod bank;
pub mod bank_lengths;
pub mod bank_problem;
pub mod generate;
pub mod generate_sample;
pub mod graded;
pub mod keys;
pub mod lab;
pub mod note;
pub mod question;
pub mod report;
pub mod round;
pub mod stats;
pub mod template;
pub mod view;
pub mod words;

use crate::lessons::lesson::{Ctx, Effect, Lesson};
use crate::lessons::notes::Note;
use crate::text::Text;
use crate::ui::keys::Binding;
use crate::ui::theme::Theme;
use lab::{Action, QuizLab};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

impl Lesson for QuizLab {
    type Action = Action;

    fn keys(&self, t: &Text) -> Vec<Binding<Action>> {
        keys::table(self, t)
    }

    fn map_key(&self, ev: &KeyEvent, t: &Text) -> Option<Action> {
        keys::map_key(ev, self, t)
    }

    fn update(&mut self, a: Action, ctx: Ctx) -> Vec<Effect> {
        QuizLab::update(self, a, ctx.now)
    }

    fn render(&self, frame: &mut Frame, area: Rect, t: &Text, theme: &Theme) -> Vec<(Rect, Action)> {
        view::render(frame, area, self, t, theme);
        vec![]
    }

    fn note(&self, t: &Text) -> Option<Note> {
        Some(note::note(self, t))
    }

    /// A number being typed owns the keyboard: letters are text (`e` is an
    /// exponent, not "write a note"), Esc skips the question, and only the
    /// keys of `keys::numeric_rows` do anything else.
    fn asking(&self) -> bool {
        self.phase == lab::Phase::Asking
            && matches!(self.current().map(|q| &q.answer), Some(bank::Answer::Numeric { .. }))
    }

    fn answer(&self) -> Option<String> {
        self.asking().then(|| self.input.buffer.clone())
    }

    /// Pasted text goes into a numeric answer only, and only what a number can hold.
    fn typed(&self, c: char) -> Option<Action> {
        let numeric = self.phase == lab::Phase::Asking
            && matches!(self.current().map(|q| &q.answer), Some(bank::Answer::Numeric { .. }));
        (numeric && keys::numeric_char(c)).then_some(Action::Prompt(crate::lessons::input::Edit::Type(c)))
    }

    fn saved(&mut self, id: &str, result: Result<Option<crate::progress::schedule::Record>, crate::progress::Refused>) {
        QuizLab::saved(self, id, result);
    }
}
