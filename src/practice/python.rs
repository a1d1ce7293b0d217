//! Running the learner's Python: which interpreter (`--python`, then
//! `$DEEPSTEP_PYTHON`, an active virtualenv or conda environment, then
//! `python3` on PATH), and one bounded run of the embedded harness: a time
//! limit after which the whole process group is killed, a memory limit, and
//! capped output, so no file the learner writes can hang or flood deepstep.

use serde_json::Value;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The runner the `deepstep` Python package uses in a notebook, then the
/// part that loads a file: one copy of how functions are called and what
/// they return is encoded, so a file and a notebook are judged alike.
const HARNESS: &str =
    concat!(include_str!("../../python/deepstep/_runner.py"), "\n", include_str!("../../assets/practice/harness.py"));
const MARK: &str = "DEEPSTEP-RESULT ";

/// How long one file's cases may run unless the learner asks otherwise
/// (`practice check --time-limit`; the practice screen uses this).
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(10);
/// The address space the learner's process may take.
const MEMORY_BYTES: u64 = 4 << 30;
/// What is kept of the process's stdout and stderr.
const OUTPUT_CAP: usize = 16 << 20;
const STDERR_CAP: usize = 64 << 10;

/// The process groups of the checks one owner runs now, so that leaving
/// (the screen, or deepstep on a signal) can stop them: each runs in its own
/// group, which a terminal's Ctrl-C does not reach.
#[derive(Debug, Default)]
pub struct Running(std::sync::Mutex<Vec<u32>>);

impl Running {
    pub const fn new() -> Running {
        Running(std::sync::Mutex::new(Vec::new()))
    }

    fn list(&self) -> std::sync::MutexGuard<'_, Vec<u32>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Stop every check still running.
    pub fn kill_all(&self) {
        for pid in std::mem::take(&mut *self.list()) {
            kill_pid_group(pid);
        }
    }
}

/// The checks `practice check` runs.
pub static HEADLESS: Running = Running::new();

fn kill_pid_group(_pid: u32) {
    #[cfg(unix)]
    // SAFETY: killpg only sends a signal, to a group deepstep started
    // (process_group(0)), so nothing outside it is touched.
    unsafe {
        libc::killpg(_pid as libc::pid_t, libc::SIGKILL);
    }
}

/// Which rule found the interpreter (`find`'s order: the tests check it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag,
    Env,
    Virtualenv,
    Conda,
    Path,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Python {
    pub path: PathBuf,
    pub source: Source,
}

/// The interpreter to use, or `None` when none is found.
pub fn find(flag: Option<&Path>, env: impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<Python> {
    if let Some(p) = flag {
        return Some(Python { path: p.to_path_buf(), source: Source::Flag });
    }
    if let Some(p) = env("DEEPSTEP_PYTHON").filter(|p| !p.is_empty()) {
        return Some(Python { path: p.into(), source: Source::Env });
    }
    for (var, source) in [("VIRTUAL_ENV", Source::Virtualenv), ("CONDA_PREFIX", Source::Conda)] {
        if let Some(dir) = env(var).filter(|p| !p.is_empty()) {
            let path = PathBuf::from(dir).join("bin").join("python");
            if path.is_file() {
                return Some(Python { path, source });
            }
        }
    }
    let path = env("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("python3"))
        .find(|p| p.is_file())
        .map(|path| Python { path, source: Source::Path })
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Ran {
    /// The harness's reply.
    Reply(Value),
    /// The interpreter could not be started.
    NotStarted(String),
    /// Killed at the time limit.
    TimedOut,
    /// Ended without a reply: the exit status and the end of stderr.
    Crashed { status: String, stderr: String },
}

/// Run the harness on `source` (shown in tracebacks as `filename`) with the
/// cases, in `dir`, stopped after `limit`.
pub fn run(
    python: &Python,
    filename: &str,
    source: &str,
    cases: Vec<Value>,
    dir: &Path,
    limit: Duration,
    running: &Running,
) -> Ran {
    let request = serde_json::json!({
        "filename": filename,
        "source": source,
        "cases": cases,
        "memory_bytes": MEMORY_BYTES,
    });
    let mut cmd = Command::new(&python.path);
    cmd.args(["-B", "-c", HARNESS])
        .current_dir(dir)
        .env("PYTHONIOENCODING", "utf-8")
        .env("OPENBLAS_NUM_THREADS", "1")
        .env("OMP_NUM_THREADS", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Its own process group, so a child the learner's code starts dies with it.
        cmd.process_group(0);
    }
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return Ran::NotStarted(e.to_string()),
    };
    let pid = child.id();
    running.list().push(pid);
    let body = request.to_string();
    let stdin = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let Some(mut s) = stdin {
            let _ = s.write_all(body.as_bytes());
        }
    });
    let out = child.stdout.take().map(|s| capped(s, OUTPUT_CAP));
    let err = child.stderr.take().map(|s| capped(s, STDERR_CAP));
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() < limit => std::thread::sleep(Duration::from_millis(5)),
            _ => break None,
        }
    };
    if status.is_none() {
        kill_group(&mut child);
    }
    running.list().retain(|p| *p != pid);
    let _ = writer.join();
    let stdout = out.and_then(|h| h.join().ok()).unwrap_or_default();
    let stderr = err.and_then(|h| h.join().ok()).unwrap_or_default();
    let Some(status) = status else { return Ran::TimedOut };
    let text = String::from_utf8_lossy(&stdout);
    match text.lines().rev().find_map(|l| l.strip_prefix(MARK)).and_then(|l| serde_json::from_str(l).ok()) {
        Some(v) => Ran::Reply(v),
        None => {
            let tail = String::from_utf8_lossy(&stderr);
            let lines: Vec<&str> = tail.lines().collect();
            let stderr = lines[lines.len().saturating_sub(12)..].join("\n");
            Ran::Crashed { status: status.to_string(), stderr }
        }
    }
}

/// Read a pipe to its end on a thread, keeping at most `cap` bytes (the
/// rest is read and dropped so the process never blocks on a full pipe).
fn capped(mut r: impl Read + Send + 'static, cap: usize) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = r.read(&mut buf) {
            if n == 0 {
                break;
            }
            if kept.len() < cap {
                kept.extend_from_slice(&buf[..n.min(cap - kept.len())]);
            }
        }
        kept
    })
}

fn kill_group(child: &mut std::process::Child) {
    kill_pid_group(child.id());
    let _ = child.kill();
    let _ = child.wait();
}
