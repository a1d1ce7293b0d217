//! The quiz's saved progress: one JSON file in the user's data directory
//! (`$XDG_DATA_HOME/deepstep/progress.json`, else
//! `~/.local/share/deepstep/progress.json`; `--progress PATH` overrides).
//!
//! Nothing is lost: every write goes to a temporary file that is then renamed
//! over the old one (a crash leaves the old or the new file, never half of
//! one); a save merges into what is on disk, so two runs keep both sets of
//! answers; a file that cannot be read is moved aside as a backup, never
//! overwritten.

use super::schedule::Record;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    /// Question id → its record.
    pub questions: BTreeMap<String, Record>,
}

/// Something the learner must be told about the progress file.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The file could not be read; it was renamed to `backup`.
    MovedAside { path: PathBuf, backup: PathBuf, reason: String },
    /// The file could not be read nor moved: progress is not saved this run.
    NotSaving { path: PathBuf, reason: String },
    /// A save failed (the previous file is untouched).
    SaveFailed { path: PathBuf, reason: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Store {
    pub path: PathBuf,
    /// Off after a file that could be neither read nor moved aside.
    writable: bool,
}

/// The default place: `$XDG_DATA_HOME/deepstep/progress.json`, or under
/// `$HOME/.local/share` when that is unset (the XDG base-directory rule).
pub fn default_path() -> Option<PathBuf> {
    default_path_from(|var| std::env::var_os(var))
}

/// `default_path` with the environment passed in (so tests need not change it).
pub fn default_path_from(env: impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<PathBuf> {
    let from = |var: &str| env(var).filter(|v| !v.is_empty()).map(PathBuf::from);
    // A relative XDG_DATA_HOME is invalid by the spec and is ignored.
    let base =
        from("XDG_DATA_HOME").filter(|p| p.is_absolute()).or_else(|| from("HOME").map(|h| h.join(".local/share")))?;
    Some(base.join("deepstep").join("progress.json"))
}

fn parse(bytes: &[u8]) -> Result<Progress, String> {
    let p: Progress = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    if p.version != VERSION {
        return Err(format!("version {} (this deepstep reads version {VERSION})", p.version));
    }
    Ok(p)
}

/// The first free name `progress.json.unreadable-<n>` beside the file.
fn backup_name(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "progress.json".into());
    (1..)
        .map(|n| path.with_file_name(format!("{name}.unreadable-{n}")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.with_extension("unreadable"))
}

impl Store {
    pub fn new(path: PathBuf) -> Store {
        Store { path, writable: true }
    }

    /// Read the file: missing is an empty progress; unreadable is moved aside.
    pub fn load(&mut self) -> (Progress, Option<Notice>) {
        match self.read() {
            Ok(p) => (p, None),
            Err(reason) => (Progress { version: VERSION, ..Default::default() }, Some(self.move_aside(reason))),
        }
    }

    /// Read without touching the file (for the headless form): an
    /// unreadable file is an error, not moved aside.
    pub fn peek(&self) -> Result<Progress, String> {
        self.read()
    }

    fn read(&self) -> Result<Progress, String> {
        match std::fs::read(&self.path) {
            Ok(bytes) => parse(&bytes),
            // No file yet (or no folder for it): a fresh start, nothing to keep aside.
            Err(e) if matches!(e.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory) => {
                Ok(Progress { version: VERSION, ..Default::default() })
            }
            Err(e) => Err(e.to_string()),
        }
    }

    fn move_aside(&mut self, reason: String) -> Notice {
        let backup = backup_name(&self.path);
        match std::fs::rename(&self.path, &backup) {
            Ok(()) => Notice::MovedAside { path: self.path.clone(), backup, reason },
            Err(e) => {
                self.writable = false;
                Notice::NotSaving { path: self.path.clone(), reason: format!("{reason}; moving it aside failed: {e}") }
            }
        }
    }

    /// Write these records over what the file holds now (another run may
    /// have saved meanwhile): temporary file, flush to disk, rename.
    pub fn save(&mut self, changed: &BTreeMap<String, Record>) -> Option<Notice> {
        if !self.writable {
            return None;
        }
        let (mut merged, mut notice) = match self.read() {
            Ok(p) => (p, None),
            Err(reason) => (Progress { version: VERSION, ..Default::default() }, Some(self.move_aside(reason))),
        };
        if !self.writable {
            return notice;
        }
        merged.questions.extend(changed.iter().map(|(k, v)| (k.clone(), *v)));
        if let Err(e) = self.write(&merged) {
            notice = Some(Notice::SaveFailed { path: self.path.clone(), reason: e.to_string() });
        }
        notice
    }

    fn write(&self, p: &Progress) -> std::io::Result<()> {
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let name = self.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let tmp = self.path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
        let json = serde_json::to_vec_pretty(p).map_err(std::io::Error::other)?;
        let result = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&json)?;
            f.sync_all()?;
            std::fs::rename(&tmp, &self.path)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_directory_follows_xdg() {
        let env = |xdg: Option<&str>, home: Option<&str>| {
            let (xdg, home) = (xdg.map(str::to_string), home.map(str::to_string));
            default_path_from(move |v| match v {
                "XDG_DATA_HOME" => xdg.clone().map(Into::into),
                "HOME" => home.clone().map(Into::into),
                _ => None,
            })
        };
        assert_eq!(env(Some("/x"), Some("/h")), Some(PathBuf::from("/x/deepstep/progress.json")));
        assert_eq!(env(None, Some("/h")), Some(PathBuf::from("/h/.local/share/deepstep/progress.json")));
        assert_eq!(env(Some("rel"), Some("/h")), Some(PathBuf::from("/h/.local/share/deepstep/progress.json")));
        assert_eq!(env(Some(""), None), None);
    }
}
