//! Practice files that work against the checker: a forged reply never
//! passes, a child that holds the output pipe (in the check's process
//! group or in a session of its own) neither keeps `practice check` waiting
//! nor survives it, and a signal that ends deepstep ends the check's Python
//! too.

use crate::common;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of `tests/practice/adversarial/NAME` in a fresh folder.
fn copied(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("deepstep-adversarial-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(name);
    std::fs::copy(root().join("tests/practice/adversarial").join(name), &file).unwrap();
    file
}

fn check(file: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_deepstep"))
        .args(["practice", "check", "--format", "json"])
        .args(extra)
        .arg(file)
        .env("DEEPSTEP_PYTHON", common::python_with_numpy())
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .output()
        .unwrap()
}

fn verdict(out: &Output) -> serde_json::Value {
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
    });
    all[0].clone()
}

/// The pids a file wrote beside itself (waiting up to 5 s for `n` of them).
fn pids_of(file: &Path, n: usize) -> Vec<i32> {
    let list = PathBuf::from(format!("{}.pids", file.display()));
    for _ in 0..250 {
        let pids: Vec<i32> =
            std::fs::read_to_string(&list).unwrap_or_default().lines().filter_map(|l| l.trim().parse().ok()).collect();
        if pids.len() >= n {
            return pids;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("{} never wrote {n} pids", file.display());
}

/// Whether `pid` is gone (or a zombie) within 2 s; kills it either way, so a
/// failing test leaves nothing running.
fn gone(pid: i32) -> bool {
    let dead = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map_or(true, |s| s.rsplit(") ").next().is_some_and(|r| r.starts_with('Z')))
    };
    let deadline = Instant::now() + Duration::from_secs(2);
    while !dead() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let was = dead();
    // SAFETY: only sends a signal, to a process this test's file started.
    unsafe { libc::kill(pid, libc::SIGKILL) };
    was
}

#[test]
fn a_reply_forged_at_exit_with_the_right_answers_does_not_pass() {
    let out = check(&copied("forged_reply_atexit.py"), &[]);
    let v = verdict(&out);
    assert_eq!(v["passed"], false, "{v:#}");
    // The harness's own reply counted: every case was run, none was right.
    let conv_size_cases = deepstep::practice::cases::cases(deepstep::practice::exercise::Exercise::ConvSize).len();
    assert_eq!((v["cases_run"].as_u64(), v["cases_passed"].as_u64()), (Some(conv_size_cases as u64), Some(0)), "{v:#}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_reply_written_before_leaving_does_not_pass() {
    let out = check(&copied("forged_reply_exit.py"), &[]);
    let v = verdict(&out);
    assert_eq!(v["passed"], false, "{v:#}");
    assert!(v["diagnosis"].as_str().unwrap().contains("without an answer"), "{v:#}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_child_holding_the_output_neither_delays_the_check_nor_outlives_it() {
    for (name, passes) in [("grandchild_holds_output.py", true), ("daemon_holds_output.py", true)] {
        let file = copied(name);
        let start = Instant::now();
        let out = check(&file, &["--time-limit", "5"]);
        let took = start.elapsed();
        let v = verdict(&out);
        assert_eq!(v["passed"], passes, "{name}: {v:#}");
        assert!(took < Duration::from_secs(4), "{name}: the check took {took:?}");
        for pid in pids_of(&file, 1) {
            assert!(gone(pid), "{name}: process {pid} outlived the check");
        }
    }
}

#[test]
fn every_ending_signal_ends_the_checks_python_too() {
    let dir = std::env::temp_dir().join(format!("deepstep-adversarial-signals-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for sig in [libc::SIGQUIT, libc::SIGUSR1, libc::SIGALRM, libc::SIGXCPU, libc::SIGABRT] {
        let started = common::looping_practice_file(dir.join(format!("loops{sig}.py")));
        let mut child = Command::new(env!("CARGO_BIN_EXE_deepstep"))
            .args(["practice", "check", &format!("loops{sig}.py")])
            .current_dir(&dir)
            .env("DEEPSTEP_PYTHON", common::python_with_numpy())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let py = started();
        // SAFETY: sends a signal to the deepstep this test started.
        unsafe { libc::kill(child.id() as i32, sig) };
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(128 + sig), "signal {sig}");
        assert!(common::gone(py), "signal {sig}: the learner's Python outlived deepstep");
    }
}
