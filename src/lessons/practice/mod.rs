//! The practice screen (`deepstep practice`, and the home screen's entry):
//! the exercises the learner writes in Python, re-checked on every save.

pub mod init;
pub mod keys;
pub mod lab;
pub mod view;
pub mod watch;
pub mod words;

use crate::lessons::lesson::{Ctx, Effect, Lesson};
use crate::lessons::notes::{Note, Section};
use crate::text::Text;
use crate::ui::keys::Binding;
use crate::ui::theme::Theme;
use lab::{Action, PracticeLab};
use ratatui::Frame;
use ratatui::layout::Rect;
use std::time::Duration;

impl Lesson for PracticeLab {
    type Action = Action;

    fn keys(&self, t: &Text) -> Vec<Binding<Action>> {
        keys::table(self, t)
    }

    fn update(&mut self, a: Action, ctx: Ctx) -> Vec<Effect> {
        PracticeLab::update(self, a, ctx)
    }

    fn render(&self, frame: &mut Frame, area: Rect, t: &Text, theme: &Theme) -> Vec<(Rect, Action)> {
        view::render(self, frame, area, t, theme);
        vec![]
    }

    /// The note: every exercise's state and the selected one's last verdict.
    fn note(&self, t: &Text) -> Option<Note> {
        let p = &t.practice;
        let states = self
            .items
            .iter()
            .map(|i| {
                let state = view::state_word(t, i.state());
                format!(
                    "{} ({}): {state}, {}",
                    i.exercise.id(),
                    i.path.display(),
                    (p.time_spent)(i.record.seconds / 60)
                )
            })
            .collect();
        let python =
            self.python.as_ref().map_or(p.no_python.to_string(), |py| format!("Python: {}", py.path.display()));
        let settings = vec![format!("{}: {}", p.folder, self.dir.display()), python];
        let mut sections = vec![Section::text(t.note.settings, settings), Section::text(p.screen_title, states)];
        if let Some(r) = &self.current().report {
            sections.push(Section::code((p.title)(self.current().exercise), words::lines(t, r)));
        }
        Some(Note { stem: "practice", title: p.screen_title.to_string(), sections })
    }

    fn asking(&self) -> bool {
        false
    }

    /// Always ticking: the checks and the watcher report on the tick.
    fn tick_interval(&self) -> Option<(Duration, Action)> {
        Some((Duration::from_millis(200), Action::Poll))
    }

    fn opened(&mut self) -> Vec<Effect> {
        PracticeLab::opened(self)
    }

    fn saved(
        &mut self,
        _id: &str,
        result: Result<Option<crate::progress::schedule::Record>, crate::progress::Refused>,
    ) {
        self.save_error = result.err();
    }
}
