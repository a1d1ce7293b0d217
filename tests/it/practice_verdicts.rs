//! Every practice file's verdict, checked once per test run: one `practice
//! check --format json` over tests/practice (all but adversarial/, whose
//! files have tests of their own), shared by the tests that read verdicts,
//! the checker's and the Python package's, so the eighty Python runs behind
//! them are made once and not once per test.

use crate::common;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The practice files below `dir`, adversarial/ left out (files written
/// against the process harness: forged replies, children holding its pipe).
pub fn practice_files(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() && !path.ends_with("adversarial") {
            practice_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "py" || e == "ipynb") {
            into.push(path);
        }
    }
}

/// Each file's verdict as `practice check --format json` writes it, in the
/// order asked. A file outside the shared run is a mistake in the test.
pub fn of(files: &[PathBuf]) -> Vec<Value> {
    static ALL: OnceLock<BTreeMap<PathBuf, Value>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let mut files = vec![];
        practice_files(&root().join("tests/practice"), &mut files);
        files.sort();
        let out = Command::new(env!("CARGO_BIN_EXE_deepstep"))
            .args(["practice", "check", "--format", "json"])
            .args(&files)
            .current_dir(root())
            .env("DEEPSTEP_PYTHON", common::python_with_numpy())
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!("{e}: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
        });
        let v = v.as_array().unwrap();
        assert_eq!(v.len(), files.len(), "one verdict per file");
        files.into_iter().zip(v.iter().cloned()).collect()
    });
    files
        .iter()
        .map(|f| all.get(f).unwrap_or_else(|| panic!("{} is not in the shared practice run", f.display())).clone())
        .collect()
}
