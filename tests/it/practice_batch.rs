//! `practice check` and `practice --print` on many files and on paths that
//! are not practice files: one bad target never loses the others' verdicts
//! and the exit status is the worst; devices, folders and huge files are
//! refused by name (exit 2); a relative `--python` means the current
//! folder; folders are searched by the function a file defines; nothing a
//! learner's code prints reaches the terminal as an escape sequence.

use crate::common;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("deepstep-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn deepstep(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_deepstep"))
        .args(args)
        .current_dir(dir)
        .env("DEEPSTEP_PYTHON", common::python_with_numpy())
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .output()
        .unwrap()
}

fn practice(name: &str) -> String {
    root().join("tests/practice").join(name).display().to_string()
}

#[test]
fn one_bad_target_loses_no_verdict_and_the_worst_status_wins() {
    let dir = temp("mixed");
    let (good, wrong) = (practice("posterior.py"), practice("mistakes/posterior-not-normalised.py"));
    let args = ["practice", "check", "--format", "json", &good, "/dev/null", "nothing-here", &wrong];
    let out = deepstep(&args, &dir);
    let all: Value = serde_json::from_slice(&out.stdout).unwrap();
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 4, "{all:#?}");
    assert_eq!(all[0]["passed"], true);
    assert_eq!(all[3]["diagnosis_id"], "posterior-not-normalised");
    assert!(all[1]["diagnosis"].as_str().unwrap().contains("not a regular file"), "{all:#?}");
    assert!(all[2]["diagnosis"].as_str().unwrap().contains("nothing-here"), "{all:#?}");
    assert_eq!(out.status.code(), Some(2));
    // Without the refused ones, a failing file makes it 1.
    assert_eq!(deepstep(&["practice", "check", &good, &wrong], &dir).status.code(), Some(1));
    assert_eq!(deepstep(&["practice", "check", &good], &dir).status.code(), Some(0));
}

#[test]
fn devices_folders_and_huge_files_are_refused_by_name() {
    let dir = temp("devices");
    let p = &deepstep::text::EN.practice;
    for device in ["/dev/null", "/dev/zero", dir.to_str().unwrap()] {
        let out = deepstep(&["practice", "check", device], &dir);
        assert_eq!(out.status.code(), Some(2), "{device}");
        assert!(String::from_utf8_lossy(&out.stdout).contains(p.not_a_file), "{device}");
    }
    let huge = dir.join("huge.py");
    let mut body = std::fs::read_to_string(practice("posterior.py")).unwrap();
    body.push_str(&"# padding\n".repeat(900_000));
    std::fs::write(&huge, body).unwrap();
    let out = deepstep(&["practice", "check", huge.to_str().unwrap()], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains(&(p.too_large)(8)));
    // A folder path where a file or device stands.
    for args in [vec!["practice", "--print", "/dev/null"], vec!["practice", "init", "/dev/null"]] {
        let out = deepstep(&args, &dir);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(&(p.not_a_folder)("/dev/null")), "{args:?}");
    }
}

#[test]
fn print_finds_files_by_the_function_they_define_and_exits_1_on_a_failure() {
    let dir = temp("print");
    let folder = dir.join("deepstep-practice");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(practice("mistakes/rnn-missing-wrec.py"), folder.join("my_bptt_attempt.py")).unwrap();
    std::fs::copy(practice("posterior.py"), folder.join("posterior.py")).unwrap();
    std::fs::write(folder.join("notes.py"), "x = 1\n").unwrap();
    let out = deepstep(&["practice", "--print"], &dir);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("my_bptt_attempt.py") && s.contains("rnn-bptt"), "{s}");
    assert!(!s.contains("notes.py"), "{s}");
    assert_eq!(out.status.code(), Some(1), "{s}");
    // `check` with no target checks the same files.
    let out = deepstep(&["practice", "check"], &dir);
    assert!(String::from_utf8_lossy(&out.stdout).contains("my_bptt_attempt.py"));
}

#[test]
fn a_relative_python_is_found_from_the_current_folder() {
    let dir = temp("relative");
    std::fs::create_dir_all(dir.join(".venv/bin")).unwrap();
    // A wrapper (a link to a virtualenv's Python would lose its environment).
    let wrapper = dir.join(".venv/bin/python");
    std::fs::write(&wrapper, format!("#!/bin/sh\nexec '{}' \"$@\"\n", common::python_with_numpy().display())).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::create_dir_all(dir.join("work")).unwrap();
    std::fs::copy(practice("conv_output_size.py"), dir.join("work/conv_output_size.py")).unwrap();
    for python in [".venv/bin/python", "./.venv/bin/python"] {
        let out = deepstep(&["practice", "check", "--python", python, "work/conv_output_size.py"], &dir);
        assert_eq!(out.status.code(), Some(0), "{python}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn no_escape_sequence_from_the_learners_code_reaches_the_terminal() {
    let dir = temp("escapes");
    let file = dir.join("conv_output_size.py");
    std::fs::write(
        &file,
        "Err = type(\"Err\\x1b]0;CLASS\\x07\", (Exception,), {})\n\
         def conv_output_size(H, W, KH, KW, stride=1, padding=0, dilation=1):\n\
         \x20   raise Err(\"\\x1b]0;TITLE\\x07\\x1b[2J msg\")  # \x1b]2;SRC\x07\n",
    )
    .unwrap();
    for format in ["text", "json"] {
        let out = deepstep(&["practice", "check", "--format", format, file.to_str().unwrap()], &dir);
        assert_eq!(out.status.code(), Some(1), "{format}");
        let all = [out.stdout, out.stderr].concat();
        assert!(!all.contains(&0x1b) && !all.contains(&0x07), "{format}: {}", String::from_utf8_lossy(&all));
        assert!(String::from_utf8_lossy(&all).contains("msg"), "{format}");
    }
}

/// `practice cases` and `practice judge`, the notebook's way in, refuse
/// what they cannot use with exit 2 and a sentence: an unknown exercise,
/// results that are not JSON, or not one result per case.
#[test]
fn cases_and_judge_refuse_what_they_cannot_use() {
    let dir = temp("judge");
    let run = |args: &[&str], stdin: &str| {
        use std::io::Write;
        let mut child = Command::new(env!("CARGO_BIN_EXE_deepstep"))
            .args(args)
            .current_dir(&dir)
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let out = run(&["practice", "cases", "nope"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope"));
    for bad in ["not json", "[1, 2]", "{\"results\": []}"] {
        let out = run(&["practice", "judge", "posterior"], bad);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("deepstep practice judge"), "{bad}");
    }
    // The cases' count is what judge wants: one result each, here all missing.
    let cases: Value = serde_json::from_slice(&run(&["practice", "cases", "posterior"], "").stdout).unwrap();
    let n = cases["cases"].as_array().unwrap().len();
    let missing = serde_json::json!({ "results": vec![serde_json::json!({"missing": "posterior"}); n] });
    let out = run(&["practice", "judge", "posterior"], &missing.to_string());
    assert_eq!(out.status.code(), Some(1));
    let verdict: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(verdict[0]["passed"], false);
}
