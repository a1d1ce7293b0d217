//! `deepstep practice init`: write the exercise files, never over one that
//! exists (it may hold the learner's work): a rerun adds only what is missing.

use super::exercise::Exercise;
use crate::text::Text;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    Created(PathBuf),
    Kept(PathBuf),
}

/// The file `init` writes for `e`, in the learner's language.
pub fn file_text(e: Exercise, t: &Text) -> String {
    e.skeleton().replace("{{TASK}}", (t.practice.task)(e))
}

fn readme_text(t: &Text) -> String {
    let list: String =
        Exercise::ALL.iter().map(|e| format!("- `{}` ({}): {}\n", e.file(), e.id(), (t.practice.title)(*e))).collect();
    (t.practice.readme)(&list)
}

/// Create `dir` and every missing file in it. Fails on the first file
/// that can be neither created nor found (the message names the path).
pub fn init(dir: &Path, t: &Text) -> Result<Vec<Written>, String> {
    let fail = |p: &Path, e: std::io::Error| (t.practice.init_failed)(&p.display().to_string(), &e.to_string());
    if std::fs::metadata(dir).is_ok_and(|m| !m.is_dir()) {
        return Err((t.practice.not_a_folder)(&dir.display().to_string()));
    }
    std::fs::create_dir_all(dir).map_err(|e| fail(dir, e))?;
    let files = Exercise::ALL.iter().map(|e| (e.file(), file_text(*e, t))).chain([("README.md", readme_text(t))]);
    let mut out = vec![];
    for (name, body) in files {
        let path = dir.join(name);
        // create_new: an existing file (or a link to one) is never opened for writing.
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut f) => {
                f.write_all(body.as_bytes()).map_err(|e| fail(&path, e))?;
                out.push(Written::Created(path));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => out.push(Written::Kept(path)),
            Err(e) => return Err(fail(&path, e)),
        }
    }
    Ok(out)
}

/// The exercise files present in `dir`, each with its exercise.
pub fn present(dir: &Path) -> Vec<(Exercise, PathBuf)> {
    Exercise::ALL.iter().map(|e| (*e, dir.join(e.file()))).filter(|(_, p)| p.is_file()).collect()
}

/// What `practice check` and `practice --print` check in `dir`: the files
/// `init` writes, and every other `.py` or `.ipynb` file (up to the size a
/// practice file may have) that defines an exercise's function, each with
/// its exercise, in name order after `init`'s.
pub fn found(dir: &Path) -> Vec<(Exercise, PathBuf)> {
    let mut all = present(dir);
    let mut others: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|entries| entries.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    others.sort();
    for path in others {
        let python = path.extension().is_some_and(|x| x == "py" || x == "ipynb");
        if !python || all.iter().any(|(_, p)| *p == path) {
            continue;
        }
        let small = std::fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() <= super::check::MAX_FILE_BYTES);
        let text = if small { std::fs::read(&path).ok() } else { None };
        if let Some(e) = text.and_then(|t| Exercise::defined_in(&String::from_utf8_lossy(&t))) {
            all.push((e, path));
        }
    }
    all
}
