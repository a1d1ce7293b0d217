//! The one interface every screen implements (`Lesson`), and `Screen`, the
//! same interface with the action type hidden, which is what the shell holds.
//!
//! A lesson maps keys to its own `Action` through its key table, changes only
//! in `update`, which is pure (the clock comes in through `Ctx`; saving,
//! writing a note or opening another lesson go out as `Effect`s the shell
//! performs), and draws itself, returning where clicks land.

use crate::lessons::notes::Note;
use crate::progress::Review;
use crate::progress::schedule::Record;
use crate::text::Text;
use crate::ui::keys::{Binding, Key, footer_items, help_items, lookup};
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use std::any::Any;
use std::time::Duration;

/// What the shell hands to `update`: the time (Unix seconds), so that no
/// lesson reads the clock itself and tests can fix it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ctx {
    pub now: u64,
}

/// What an update asks the shell to do. Lessons do no IO: the shell does
/// this and, for a save, tells the lesson how it went (`Lesson::saved`).
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Open the registry's lesson named `stem` on top of this screen, at a
    /// named state (the practice screen's way to a lab's exact step).
    Open {
        stem: &'static str,
        at: At,
    },
    /// Write the front lesson's study note to a new Markdown file.
    WriteNote,
    /// Leave this screen (leaving the last one quits).
    Back,
    Quit,
    /// Save a practice exercise's progress (passed, time, hints).
    SavePractice(crate::progress::PracticeRecord),
    /// Record this quiz answer in the progress store (the shell replies
    /// through `Lesson::saved` with the card as the store has it).
    Record(Review),
    /// Run this work on a thread of its own (a lab's worker, a folder
    /// watcher): lessons start no thread themselves.
    Spawn(Task),
}

/// Work for a thread the shell starts (`Effect::Spawn`). It runs once: a
/// clone of the effect shares it, and only the first spawn runs it.
#[derive(Clone)]
pub struct Task(std::sync::Arc<std::sync::Mutex<Option<Work>>>);

/// What a task's thread runs.
type Work = Box<dyn FnOnce() + Send>;

impl Task {
    pub fn new(work: impl FnOnce() + Send + 'static) -> Task {
        Task(std::sync::Arc::new(std::sync::Mutex::new(Some(Box::new(work)))))
    }

    /// Start the work on a new thread (nothing, if it has run already).
    pub fn spawn(self) {
        let work = self.0.lock().ok().and_then(|mut w| w.take());
        if let Some(work) = work {
            std::thread::spawn(work);
        }
    }
}

impl std::fmt::Debug for Task {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Task")
    }
}

impl PartialEq for Task {
    fn eq(&self, other: &Task) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Where a lesson opens: its start, or a named state another screen sends
/// the learner to (the practice screen's "show me this computation").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    Start,
    /// The convolution lab's backward pass for the input, dX.
    ConvGradInput,
    /// The counting-ones RNN's first backward step, k = T.
    CountFirstBackwardStep,
    /// Linear regression after its first gradient step.
    LinregFirstStep,
}

/// A screen: the home list or a lesson.
pub trait Lesson: Any {
    type Action: Clone + std::fmt::Debug + 'static;

    /// The key table as it is now: the handler, the footer and the `?` help
    /// all read it, so they cannot disagree.
    fn keys(&self, t: &Text) -> Vec<Binding<Self::Action>>;

    /// The action for a key. Lessons with a typing prompt send keys to it
    /// while `asking`; the rest look the key up in their table.
    fn map_key(&self, ev: &KeyEvent, t: &Text) -> Option<Self::Action> {
        lookup(&self.keys(t), ev)
    }

    /// The only place the lesson changes; returns what the shell must do.
    fn update(&mut self, a: Self::Action, ctx: Ctx) -> Vec<Effect>;

    /// Draw into `area`; returns the click areas and the action each sends.
    fn render(&self, frame: &mut Frame, area: Rect, t: &Text, theme: &Theme) -> Vec<(Rect, Self::Action)>;

    /// The study note of what is on screen (`None`: nothing to write down).
    fn note(&self, t: &Text) -> Option<Note>;

    /// Whether a typed answer is being asked for: then the lesson gets every
    /// key first (Esc skips the answer instead of leaving the screen, and
    /// letters are text, not global commands).
    fn asking(&self) -> bool;

    /// While a prediction is asked: text the screen must not show until it
    /// is answered (the predict component's `hides`; the screen tests check
    /// every rendered state against it).
    fn hidden(&self) -> Vec<String> {
        vec![]
    }

    /// While an answer is asked for: the text typed so far (the screen
    /// tests check it is on screen).
    fn answer(&self) -> Option<String> {
        None
    }

    /// While animating: how long until the next tick, and the action it
    /// sends (most screens never animate).
    fn tick_interval(&self) -> Option<(Duration, Self::Action)> {
        None
    }

    /// The screen has been put in front by the shell for the first time:
    /// what it needs started (its worker threads, as `Effect::Spawn`).
    fn opened(&mut self) -> Vec<Effect> {
        vec![]
    }

    /// Whether clicking does something here (the help then says so; most
    /// screens take keys only).
    fn clickable(&self) -> bool {
        false
    }

    /// What a click does, for the help's `click` row (when `clickable`).
    fn click_help(&self, t: &Text) -> &'static str {
        t.keys.click
    }

    /// How an `Effect::Record` went: the card after it, or why it failed.
    fn saved(&mut self, _id: &str, _result: Result<Option<Record>, crate::progress::Refused>) {}

    /// How many quiz questions are due, as the shell read it from the
    /// progress store (when the store is set, a screen is left, or an answer
    /// is saved: never per frame). The home list shows it.
    fn due(&mut self, _count: Option<usize>) {}

    /// The action that types `c` into the answer being written, if one is
    /// (a paste arrives as one event and is typed through this, never as
    /// commands).
    fn typed(&self, _c: char) -> Option<Self::Action> {
        None
    }
}

/// A lesson with its action type hidden, as the shell holds it.
pub trait Screen: Any {
    /// (label, what) rows: the footer's, or every row for the help.
    fn key_rows(&self, t: &Text, footer_only: bool) -> Vec<(String, &'static str)>;
    /// The keys of every row of the table as it is now, with the row's label
    /// (the tests check them for duplicates and fuzz them).
    fn bindings(&self, t: &Text) -> Vec<(String, Vec<Key>)>;
    /// Handle a key; `None` when no binding took it.
    fn press(&mut self, ev: &KeyEvent, t: &Text, ctx: Ctx) -> Option<Vec<Effect>>;
    /// Handle a click at `at` (screen coordinates of the last render).
    fn click(&mut self, at: Position, ctx: Ctx) -> Option<Vec<Effect>>;
    fn draw(&mut self, frame: &mut Frame, area: Rect, t: &Text, theme: &Theme);
    fn note(&self, t: &Text) -> Option<Note>;
    fn asking(&self) -> bool;
    fn hidden(&self) -> Vec<String>;
    fn answer(&self) -> Option<String>;
    /// The keys of the rows the footer lists now (each must do something).
    fn footer_keys(&self, t: &Text) -> Vec<Key>;
    fn tick_interval(&self) -> Option<Duration>;
    fn opened(&mut self) -> Vec<Effect>;
    /// Send the tick's action (when animating).
    fn tick(&mut self, ctx: Ctx) -> Vec<Effect>;
    fn saved(&mut self, id: &str, result: Result<Option<Record>, crate::progress::Refused>);
    fn due(&mut self, count: Option<usize>);
    /// Type pasted text into the answer being written (nothing else).
    fn paste(&mut self, text: &str, ctx: Ctx) -> Vec<Effect>;
    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
}

/// A lesson mounted as a screen: the lesson and its last click areas.
pub struct Mounted<L: Lesson> {
    pub lesson: L,
    hits: Vec<(Rect, L::Action)>,
}

/// Box a lesson as a screen.
pub fn mount<L: Lesson>(lesson: L) -> Box<dyn Screen> {
    Box::new(Mounted { lesson, hits: vec![] })
}

impl<L: Lesson> Screen for Mounted<L> {
    fn key_rows(&self, t: &Text, footer_only: bool) -> Vec<(String, &'static str)> {
        let table = self.lesson.keys(t);
        if footer_only {
            return footer_items(&table);
        }
        let mut rows = help_items(&table);
        if self.lesson.clickable() {
            rows.push(("click".to_string(), self.lesson.click_help(t)));
        }
        rows
    }

    fn bindings(&self, t: &Text) -> Vec<(String, Vec<Key>)> {
        self.lesson.keys(t).into_iter().map(|b| (b.label, b.keys)).collect()
    }

    fn press(&mut self, ev: &KeyEvent, t: &Text, ctx: Ctx) -> Option<Vec<Effect>> {
        let a = self.lesson.map_key(ev, t)?;
        Some(self.lesson.update(a, ctx))
    }

    fn click(&mut self, at: Position, ctx: Ctx) -> Option<Vec<Effect>> {
        let a = self.hits.iter().find(|(r, _)| r.contains(at)).map(|(_, a)| a.clone())?;
        Some(self.lesson.update(a, ctx))
    }

    fn draw(&mut self, frame: &mut Frame, area: Rect, t: &Text, theme: &Theme) {
        self.hits = self.lesson.render(frame, area, t, theme);
    }

    fn note(&self, t: &Text) -> Option<Note> {
        self.lesson.note(t)
    }

    fn asking(&self) -> bool {
        self.lesson.asking()
    }

    fn hidden(&self) -> Vec<String> {
        self.lesson.hidden()
    }

    fn answer(&self) -> Option<String> {
        self.lesson.answer()
    }

    fn footer_keys(&self, t: &Text) -> Vec<Key> {
        self.lesson.keys(t).into_iter().filter(|b| b.footer).flat_map(|b| b.keys).collect()
    }

    fn tick_interval(&self) -> Option<Duration> {
        self.lesson.tick_interval().map(|(d, _)| d)
    }

    fn opened(&mut self) -> Vec<Effect> {
        self.lesson.opened()
    }

    fn tick(&mut self, ctx: Ctx) -> Vec<Effect> {
        match self.lesson.tick_interval() {
            Some((_, a)) => self.lesson.update(a, ctx),
            None => vec![],
        }
    }

    fn saved(&mut self, id: &str, result: Result<Option<Record>, crate::progress::Refused>) {
        self.lesson.saved(id, result);
    }

    fn due(&mut self, count: Option<usize>) {
        self.lesson.due(count);
    }

    fn paste(&mut self, text: &str, ctx: Ctx) -> Vec<Effect> {
        let mut effects = vec![];
        for c in text.chars().filter(|c| !c.is_control()).take(crate::lessons::input::MAX_INPUT) {
            if let Some(a) = self.lesson.typed(c) {
                effects.extend(self.lesson.update(a, ctx));
            }
        }
        effects
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

/// The lesson behind a screen, if it is an `L`.
pub fn lesson_ref<L: Lesson>(s: &dyn Screen) -> Option<&L> {
    s.as_any().downcast_ref::<Mounted<L>>().map(|m| &m.lesson)
}

/// The lesson behind a screen, mutably, if it is an `L`.
pub fn lesson_mut<L: Lesson>(s: &mut dyn Screen) -> Option<&mut L> {
    s.as_any_mut().downcast_mut::<Mounted<L>>().map(|m| &mut m.lesson)
}
