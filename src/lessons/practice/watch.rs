//! The practice screen's background work: one thread that checks files (a
//! check runs the learner's Python, up to the time limit) and the folder
//! watcher (the `notify` crate, as rustlings uses), so that keys and frames
//! never wait for Python. Results come back on a channel the screen drains
//! on its tick.

use super::init::{Written, init};
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
}

pub struct Worker {
    requests: Sender<Request>,
    events: Receiver<Event>,
    sender: Sender<Event>,
    watcher: Option<notify::RecommendedWatcher>,
    running: Arc<Running>,
}

impl Worker {
    /// Start the checking thread for files in `dir`.
    pub fn start(dir: PathBuf, python: Option<Python>) -> Worker {
        let (requests, inbox) = channel::<Request>();
        let (sender, events) = channel();
        let out = sender.clone();
        let running = Arc::new(Running::new());
        let mine = running.clone();
        std::thread::spawn(move || {
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
            }
        });
        Worker { requests, events, sender, watcher: None, running }
    }

    /// Watch `dir` for saves, and its parent for the folder itself coming
    /// and going (a watch dies with its folder: a folder made, removed or
    /// made again while the screen is open must still be followed; the
    /// screen re-arms on `Event::Folder`). `Err` says why it cannot be watched.
    pub fn watch(&mut self, dir: &Path) -> Result<(), String> {
        let dir = std::path::absolute(dir).map_err(|e| e.to_string())?;
        let parent = dir.parent().map(Path::to_path_buf).unwrap_or_else(|| dir.clone());
        let tx = self.sender.clone();
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
        })
        .map_err(|e| e.to_string())?;
        // Replace the old watcher first: its watches end with it.
        self.watcher = None;
        // The parent may be unwatchable (no permission): saves in the folder
        // are still followed, only its coming and going is not.
        let _ = w.watch(&parent, RecursiveMode::NonRecursive);
        let folder_watched = if dir.is_dir() { w.watch(&dir, RecursiveMode::NonRecursive) } else { Ok(()) };
        self.watcher = Some(w);
        folder_watched.map_err(|e| e.to_string())
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
