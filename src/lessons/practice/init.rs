//! `deepstep practice init`: write the exercise files (each exercise's task in
//! the learner's language above its skeleton), never over one that exists (it
//! may hold the learner's work): a rerun adds only what is missing.

use crate::practice::exercise::Exercise;
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
