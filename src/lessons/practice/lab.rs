//! The practice screen: the exercises with their state, the selected one's
//! task, file and last verdict, hints one at a time, the time spent, and a
//! key to the lab that shows the computation. Files are checked on a worker
//! thread as the learner saves them (see `watch`).

use super::init::Written;
use super::watch::{Event, Worker};
use crate::lessons::lesson::{At, Ctx, Effect, Task};
use crate::practice::check::{Report, Verdict};
use crate::practice::exercise::Exercise;
use crate::practice::python::Python;
use crate::progress::PracticeRecord;
use crate::text::Lang;
use std::path::{Path, PathBuf};

/// After this long on one exercise without passing, the screen suggests the lab.
pub const STUCK_SECONDS: u64 = 30 * 60;
/// Rows one PgUp/PgDn moves.
const PAGE: u16 = 8;
/// A longer gap between two ticks is not counted as time spent (the
/// machine slept, or the terminal was stopped).
const MAX_GAP: u64 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    /// Scroll the selected exercise's panel.
    PageUp,
    PageDown,
    Hint,
    Check,
    Lab,
    Init(Lang),
    /// The tick: collect results and count time.
    Poll,
}

/// What the list shows for an exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Missing,
    NotStarted,
    Failing,
    Passing,
}

#[derive(Debug)]
pub struct Item {
    pub exercise: Exercise,
    pub path: PathBuf,
    pub report: Option<Report>,
    pub checking: bool,
    /// Saved again while being checked: check once more when it returns.
    pub again: bool,
    pub record: PracticeRecord,
}

impl Item {
    pub fn state(&self) -> State {
        match (&self.report, self.path.is_file()) {
            (_, false) => State::Missing,
            (Some(r), _) if r.passed() => State::Passing,
            (Some(r), _) if r.verdict == Verdict::NotStarted => State::NotStarted,
            (Some(_), _) => State::Failing,
            (None, _) if self.record.passed => State::Passing,
            (None, _) => State::NotStarted,
        }
    }

    /// Whether to suggest the lab's walk-through now.
    pub fn stuck(&self) -> bool {
        !self.record.passed && self.record.seconds >= STUCK_SECONDS
    }
}

pub struct PracticeLab {
    pub dir: PathBuf,
    pub items: Vec<Item>,
    pub selected: usize,
    /// How far the selected exercise's panel is scrolled (rows).
    pub scroll: u16,
    /// The largest useful scroll, as the last render found it.
    pub max_scroll: std::cell::Cell<u16>,
    pub folder: bool,
    pub python: Option<Python>,
    /// Why the folder is not watched (then `c` checks by hand).
    pub watch_error: Option<String>,
    /// What `i` (init) wrote, or why it could not.
    pub init_result: Option<Result<Vec<Written>, String>>,
    /// `i` was pressed and the files are being made (the status says so).
    pub initing: bool,
    /// Why the last save of progress failed.
    pub save_error: Option<crate::progress::Refused>,
    last_tick: Option<u64>,
    worker: Worker,
    /// Threads to start when the shell opens the screen (`Lesson::opened`).
    starting: Vec<Task>,
}

impl PracticeLab {
    /// The screen for `dir`, with the progress saved so far; every present
    /// file is checked at once.
    pub fn new(dir: PathBuf, python: Option<Python>, saved: Vec<PracticeRecord>) -> PracticeLab {
        let items = Exercise::ALL
            .iter()
            .map(|&e| {
                let record = PracticeRecord { exercise: e.id().into(), ..Default::default() };
                Item {
                    exercise: e,
                    path: PracticeLab::file_for(&dir, e),
                    report: None,
                    checking: false,
                    again: false,
                    record,
                }
            })
            .collect();
        let (worker, checker) = Worker::new(dir.clone(), python.clone());
        let mut lab = PracticeLab {
            folder: dir.is_dir(),
            dir,
            items,
            selected: 0,
            scroll: 0,
            max_scroll: std::cell::Cell::new(0),
            python,
            watch_error: None,
            init_result: None,
            initing: false,
            save_error: None,
            last_tick: None,
            worker,
            starting: vec![checker],
        };
        lab.restore(saved);
        let watcher = lab.start_watching();
        lab.starting.push(watcher);
        lab
    }

    /// The threads the screen needs, for the shell to start (once).
    pub fn opened(&mut self) -> Vec<Effect> {
        self.starting.drain(..).map(Effect::Spawn).collect()
    }

    /// The exercise whose file is `path`: its `.py`, or a notebook of the
    /// same name (`rnn_bptt.ipynb`) when there is no `.py`.
    fn file_for(dir: &Path, e: Exercise) -> PathBuf {
        let py = dir.join(e.file());
        let nb = py.with_extension("ipynb");
        if !py.is_file() && nb.is_file() { nb } else { py }
    }

    /// Take the saved progress (time, hints, passed) of each exercise.
    pub fn restore(&mut self, saved: Vec<PracticeRecord>) {
        for r in saved {
            if let Some(item) = self.items.iter_mut().find(|i| i.exercise.id() == r.exercise) {
                item.record = r;
            }
        }
    }

    /// Watch the folder (and, for it coming and going, its parent), then
    /// check every file in it; the watcher is the task returned.
    fn start_watching(&mut self) -> Task {
        let watcher = self.worker.watch(&self.dir);
        if self.folder {
            for i in 0..self.items.len() {
                self.check(i);
            }
        }
        watcher
    }

    fn check(&mut self, i: usize) {
        let item = &mut self.items[i];
        if !item.path.is_file() {
            return;
        }
        if item.checking {
            item.again = true;
            return;
        }
        item.checking = true;
        self.worker.check(item.exercise, item.path.clone());
    }

    pub fn current(&self) -> &Item {
        &self.items[self.selected.min(self.items.len() - 1)]
    }

    fn save(&self, i: usize) -> Effect {
        Effect::SavePractice(self.items[i].record.clone())
    }

    /// Apply what the worker sent.
    fn receive(&mut self, events: Vec<Event>, out: &mut Vec<Effect>) {
        for ev in events {
            match ev {
                Event::Checked(e, report) => {
                    let Some(i) = self.items.iter().position(|it| it.exercise == e) else { continue };
                    let item = &mut self.items[i];
                    item.checking = false;
                    let newly = report.passed() && !item.record.passed;
                    item.record.passed |= report.passed();
                    item.report = Some(*report);
                    if newly {
                        out.push(self.save(i));
                    }
                    if std::mem::take(&mut self.items[i].again) {
                        self.check(i);
                    }
                }
                Event::Changed(path) => {
                    let stem = path.file_stem().map(|n| n.to_os_string());
                    let notebook_or_py = path.extension().is_some_and(|x| x == "py" || x == "ipynb");
                    let hit = self.items.iter().position(|it| it.path.file_stem().map(|n| n.to_os_string()) == stem);
                    if let (Some(i), true) = (hit, notebook_or_py) {
                        self.items[i].path = PracticeLab::file_for(&self.dir, self.items[i].exercise);
                        self.check(i);
                    }
                }
                Event::Folder => self.follow_folder(out),
                Event::Inited(result) => {
                    self.initing = false;
                    self.init_result = Some(result);
                    self.folder = self.dir.is_dir();
                    out.push(Effect::Spawn(self.start_watching()));
                }
                Event::Watching(how) => {
                    self.watch_error = how.err();
                    // Made or removed before the watch was set up: no event
                    // will say so, so look now.
                    if self.dir.is_dir() != self.folder {
                        self.follow_folder(out);
                    }
                }
            }
        }
    }

    /// The folder was made, removed or made again outside the screen:
    /// follow it (watch it anew, check what is in it).
    fn follow_folder(&mut self, out: &mut Vec<Effect>) {
        self.folder = self.dir.is_dir();
        for i in 0..self.items.len() {
            self.items[i].path = PracticeLab::file_for(&self.dir, self.items[i].exercise);
        }
        out.push(Effect::Spawn(self.start_watching()));
    }

    /// Count the time since the last tick on the selected exercise; save
    /// each whole minute.
    fn count_time(&mut self, now: u64, out: &mut Vec<Effect>) {
        let gap = self.last_tick.map_or(0, |t| now.saturating_sub(t));
        self.last_tick = Some(now);
        let i = self.selected;
        let item = &mut self.items[i];
        if gap == 0 || gap > MAX_GAP || item.record.passed || !self.folder || !item.path.is_file() {
            return;
        }
        let before = item.record.seconds / 60;
        item.record.seconds += gap;
        if item.record.seconds / 60 != before {
            out.push(self.save(i));
        }
    }

    pub fn update(&mut self, a: Action, ctx: Ctx) -> Vec<Effect> {
        let mut out = vec![];
        match a {
            Action::Poll => {
                let events = self.worker.drain();
                self.receive(events, &mut out);
                self.count_time(ctx.now, &mut out);
            }
            Action::Up => {
                self.selected = self.selected.saturating_sub(1);
                self.scroll = 0;
            }
            Action::Down => {
                self.selected = (self.selected + 1).min(self.items.len() - 1);
                self.scroll = 0;
            }
            Action::PageUp => self.scroll = self.scroll.saturating_sub(PAGE),
            Action::PageDown => self.scroll = (self.scroll + PAGE).min(self.max_scroll.get()),
            Action::Hint => {
                let item = &mut self.items[self.selected];
                if (item.record.hints as usize) < 3 {
                    item.record.hints += 1;
                    out.push(self.save(self.selected));
                }
            }
            Action::Check => self.check(self.selected),
            Action::Lab => {
                let (stem, at) = lab_of(self.current().exercise);
                out.push(Effect::Open { stem, at });
            }
            Action::Init(lang) => {
                if !self.folder && !self.initing {
                    self.initing = true;
                    self.worker.init(crate::text::for_lang(lang));
                }
            }
        }
        out
    }
}

/// The lab that shows an exercise's computation step by step (a `LESSONS`
/// stem) and the state that brings it to the step.
pub fn lab_of(e: Exercise) -> (&'static str, At) {
    match e {
        Exercise::Bptt => ("counting-rnn", At::CountFirstBackwardStep),
        Exercise::ConvSize => ("convolution", At::Start),
        Exercise::Conv2d => ("convolution", At::ConvGradInput),
        Exercise::GdLoop => ("gradient-descent", At::Start),
        Exercise::GdStep => ("linear-regression", At::LinregFirstStep),
        Exercise::Mle => ("mle", At::Start),
        Exercise::Posterior => ("quiz", At::Start),
    }
}
