//! The practice screen's background work: one thread that checks files (a
//! check runs the learner's Python, up to the time limit) and the folder
//! watcher (the `notify` crate, as rustlings uses), so that keys and frames
//! never wait for Python. Results come back on a channel the screen drains
//! on its tick (at once: each result wakes the loop). The screen starts no
//! thread itself: the checker's loop and each watcher are `Task`s it hands
//! the shell as `Effect::Spawn`.

use super::init::{Written, init};
use crate::lessons::lesson::Task;
use crate::practice::check::{Report, check_file_in};
use crate::practice::exercise::Exercise;
use crate::practice::python::{DEFAULT_TIME_LIMIT, Python, Running};
use crate::text::Text;
use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// What the worker is asked to do.
enum Request {
    Check(Exercise, PathBuf),
    Init(&'static Text),
}

/// What comes back.
#[derive(Debug)]
pub enum Event {
    Checked(Exercise, Box<Report>),
    /// A file in the folder was written.
    Changed(PathBuf),
    /// The folder itself was created, removed or renamed.
    Folder,
    Inited(Result<Vec<Written>, String>),
    /// The watch asked for last is set up (`Ok`), or why it cannot be.
    Watching(Result<(), String>),
}

pub struct Worker {
    requests: Sender<Request>,
    events: Receiver<Event>,
    sender: Sender<Event>,
    /// Held while the newest watcher should live: its thread drops the
    /// watcher when this is dropped or replaced.
    watching: Option<Sender<()>>,
    running: Arc<Running>,
}

impl Worker {
    /// The checker for files in `dir`, and the loop its thread runs.
    pub fn new(dir: PathBuf, python: Option<Python>) -> (Worker, Task) {
        let (requests, inbox) = channel::<Request>();
        let (sender, events) = channel();
        let out = sender.clone();
        let running = Arc::new(Running::new());
        let mine = running.clone();
        let task = Task::new(move || {
            while let Ok(r) = inbox.recv() {
                let event = match r {
                    Request::Check(e, path) => Event::Checked(
                        e,
                        Box::new(check_file_in(&path, Some(e), python.as_ref(), DEFAULT_TIME_LIMIT, &mine)),
                    ),
                    Request::Init(t) => Event::Inited(init(&dir, t)),
                };
                if out.send(event).is_err() {
                    break;
                }
                crate::lessons::wake::wake();
            }
        });
        (Worker { requests, events, sender, watching: None, running }, task)
    }

    /// A watcher of `dir` for saves, and of its parent for the folder itself
    /// coming and going (a watch dies with its folder: a folder made, removed
    /// or made again while the screen is open must still be followed; the
    /// screen re-arms on `Event::Folder`). It replaces the one before, and
    /// says how it went with `Event::Watching`.
    pub fn watch(&mut self, dir: &Path) -> Task {
        let (keep, kept) = channel::<()>();
        self.watching = Some(keep);
        let tx = self.sender.clone();
        let dir = dir.to_path_buf();
        Task::new(move || {
            let (watcher, how) = watcher_of(&dir, tx.clone());
            let _ = tx.send(Event::Watching(how));
            crate::lessons::wake::wake();
            // Live until the screen replaces or drops this watch.
            let _ = kept.recv();
            drop(watcher);
        })
    }

    pub fn check(&self, e: Exercise, path: PathBuf) {
        let _ = self.requests.send(Request::Check(e, path));
    }

    pub fn init(&self, t: &'static Text) {
        let _ = self.requests.send(Request::Init(t));
    }

    /// Everything that has arrived, without waiting.
    pub fn drain(&self) -> Vec<Event> {
        self.events.try_iter().collect()
    }
}

/// Leaving the screen (or deepstep) stops a check still running: a file
/// that loops must not outlive the program that started it.
impl Drop for Worker {
    fn drop(&mut self) {
        self.running.kill_all();
    }
}

/// A watcher of `dir` and its parent whose events go to `tx`.
/// With a folder that cannot be watched the watcher still follows the
/// parent (the folder made again); the error says why saves are not seen.
fn watcher_of(dir: &Path, tx: Sender<Event>) -> (Option<notify::RecommendedWatcher>, Result<(), String>) {
    match std::path::absolute(dir).map_err(|e| e.to_string()).and_then(|dir| watching(dir, tx)) {
        Ok((w, folder)) => (Some(w), folder),
        Err(e) => (None, Err(e)),
    }
}

fn watching(dir: PathBuf, tx: Sender<Event>) -> Result<(notify::RecommendedWatcher, Result<(), String>), String> {
    let parent = dir.parent().map(Path::to_path_buf).unwrap_or_else(|| dir.clone());
    let folder = dir.clone();
    let mut w = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let Ok(ev) = res else { return };
        // Only the folder's own coming and going: reading it (Python lists
        // it to import) sends access events for it too.
        let came_or_went = ev.kind.is_create()
            || ev.kind.is_remove()
            || matches!(ev.kind, notify::EventKind::Modify(notify::event::ModifyKind::Name(_)));
        for p in ev.paths {
            if p == folder {
                if came_or_went {
                    let _ = tx.send(Event::Folder);
                }
            } else if p.parent() == Some(folder.as_path()) && (ev.kind.is_modify() || ev.kind.is_create()) {
                let _ = tx.send(Event::Changed(p));
            }
        }
        crate::lessons::wake::wake();
    })
    .map_err(|e| e.to_string())?;
    // The parent may be unwatchable (no permission): saves in the folder
    // are still followed, only its coming and going is not.
    let _ = w.watch(&parent, RecursiveMode::NonRecursive);
    let folder_watched = if dir.is_dir() { w.watch(&dir, RecursiveMode::NonRecursive) } else { Ok(()) };
    Ok((w, folder_watched.map_err(|e| e.to_string())))
}
