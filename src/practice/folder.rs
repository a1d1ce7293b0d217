//! The practice folder: its default name, and which files in it are
//! exercises (the ones `practice init` writes, and any other Python file or
//! notebook that defines an exercise's function).

use super::exercise::Exercise;
use std::path::{Path, PathBuf};

/// The folder `practice init`, `practice check NAME` and the practice
/// screen use when none is given.
pub const DEFAULT_DIR: &str = "deepstep-practice";

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
