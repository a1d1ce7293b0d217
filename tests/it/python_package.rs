//! The `deepstep` Python package (python/deepstep): its own pytest tests,
//! and the promise that a notebook and a file are judged alike: for every
//! practice file, `practice cases` + the package's runner + `practice judge`
//! give the verdict `practice check` gives.

use crate::common;
use crate::practice_verdicts;
use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_deepstep");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The package's Python from the source tree, using this build's binary.
fn package_python(args: &[&str]) -> Output {
    Command::new(common::python_for_package_tests())
        .args(args)
        .current_dir(root())
        .env("PYTHONPATH", root().join("python"))
        .env("DEEPSTEP_BIN", BIN)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("DEEPSTEP_LANG")
        .output()
        .unwrap()
}

#[test]
fn the_packages_pytest_tests_pass() {
    let out = package_python(&["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/python"]);
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{said}");
    // Every test ran: none was skipped for want of IPython.
    assert!(!said.contains("skipped"), "{said}");
}

/// What must agree: everything but where the code came from (`file`) and
/// the traceback's places (a notebook's cells are numbered its own way).
fn verdict_fields(v: &Value) -> Value {
    let mut v = v.clone();
    let o = v.as_object_mut().unwrap();
    o.remove("file");
    o.remove("lines");
    v
}

fn check_files(files: &[PathBuf]) -> Output {
    Command::new(BIN)
        .args(["practice", "check", "--format", "json"])
        .args(files)
        .env("DEEPSTEP_PYTHON", common::python_with_numpy())
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .output()
        .unwrap()
}

/// Each file's verdicts from the package, run as a notebook runs code.
fn in_kernel(files: &[PathBuf]) -> Vec<Value> {
    let mut args = vec!["tests/python/check_like_a_notebook.py".to_string()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    let out = package_python(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_str::<Value>(&text).unwrap_or_else(|e| panic!("{e}: {text}")).as_array().unwrap().clone()
}

#[test]
fn a_notebook_and_a_file_get_the_same_verdict_for_every_practice_file() {
    let mut files = vec![];
    practice_verdicts::practice_files(&root().join("tests/practice"), &mut files);
    files.sort();
    assert!(files.len() >= 30, "{files:?}");
    let named = |f: &PathBuf, n: &str| f.file_name().is_some_and(|x| x == n);
    // In the learner's own kernel there is no memory limit to meet: the
    // allocation is theirs to make (the file check caps it).
    files.retain(|f| !named(f, "eats_memory.py"));
    // A file with no exercise's function: the check refuses it, and the
    // package finds nothing to check.
    let (none, files): (Vec<PathBuf>, Vec<PathBuf>) = files.into_iter().partition(|f| named(f, "no_exercise.py"));
    assert_eq!(none.len(), 1);
    assert_eq!(check_files(&none).status.code(), Some(2));
    assert_eq!(in_kernel(&none), [Value::Array(vec![])]);

    let by_file = practice_verdicts::of(&files);
    let by_kernel = in_kernel(&files);
    assert_eq!((by_file.len(), by_kernel.len()), (files.len(), files.len()));
    let mut compared = 0;
    for ((file, checked), kernel) in files.iter().zip(by_file).zip(&by_kernel) {
        let name = file.display();
        if let Some(kind) = kernel.get("load_error") {
            // Running the code failed, as the file check says too.
            let first = checked["lines"][0].as_str().unwrap_or("");
            assert!(checked["passed"] == false && first.contains(kind.as_str().unwrap()), "{name}: {checked:#}");
            continue;
        }
        let kernel: Vec<Value> = kernel.as_array().unwrap().iter().map(verdict_fields).collect();
        assert_eq!(kernel, [verdict_fields(&checked)], "{name}");
        compared += 1;
    }
    assert!(compared >= 25, "only {compared} files were compared");
}
