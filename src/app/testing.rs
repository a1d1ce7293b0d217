//! The shell's handles for tests and benchmarks, kept apart so that the
//! app's own code says what it needs: reaching into the front lesson by type,
//! sending it an action without a key, and counting terminal restores are
//! what the tests do to look inside; the event loop never does.

use super::App;
use crate::lessons::lesson::{Lesson, lesson_mut, lesson_ref};

impl App {
    /// The front screen's lesson, if it is an `L`.
    pub fn front_lesson<L: Lesson>(&self) -> Option<&L> {
        lesson_ref::<L>(self.front()?)
    }

    /// Send `a` to the front screen's lesson, if it is an `L`, and perform
    /// the effects (what a key bound to `a` would do).
    pub fn act<L: Lesson>(&mut self, a: L::Action) {
        let ctx = self.ctx();
        let effects = match self.screens.last_mut().and_then(|s| lesson_mut::<L>(s.as_mut())) {
            Some(lesson) => lesson.update(a, ctx),
            None => return,
        };
        self.perform(effects);
    }

    /// Whether leaving the front screen quits (it is the only one).
    pub fn last_screen(&self) -> bool {
        self.screens.len() == 1
    }
}

/// How many times the terminal has been restored (the panic hook's test).
pub fn terminal_restores() -> usize {
    super::terminal::LEAVES.load(std::sync::atomic::Ordering::Relaxed)
}
