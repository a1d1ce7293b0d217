//! Running the learner's Python: which interpreter (`--python`, then
//! `$DEEPSTEP_PYTHON`, an active virtualenv or conda environment, then
//! `python3` on PATH), and one bounded run of the embedded harness: a time
//! limit, a memory limit and capped output, so no file the learner writes
//! can hang or flood deepstep. When the run ends (or its time is up) every
//! process it started is killed: its process group, and on Linux every
//! process carrying the run's token in its environment, so a child that
//! left the group (setsid, a daemon) is found too; output is read only
//! until a short grace after that, so a process that still holds the pipe
//! cannot keep deepstep waiting. The reply counts only with the run's
//! secret, which the learner's code never sees on any channel it is
//! handed, so a line it prints cannot pass for the harness's.

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
/// How long output is still read after the run ended and its processes
/// were killed (what they wrote is in the pipe by then).
const GRACE: Duration = Duration::from_millis(300);
/// The variable that marks every process a run starts.
const TOKEN_VAR: &str = "DEEPSTEP_CHECK_TOKEN";

/// The checks one owner runs now (process group and token), so that
/// leaving (the screen, or deepstep on a signal) can stop them: each runs in
/// its own group, which a terminal's Ctrl-C does not reach.
#[derive(Debug, Default)]
pub struct Running(std::sync::Mutex<Vec<(u32, String)>>);

impl Running {
    pub const fn new() -> Running {
        Running(std::sync::Mutex::new(Vec::new()))
    }

    fn list(&self) -> std::sync::MutexGuard<'_, Vec<(u32, String)>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Stop every check still running, with everything it started.
    pub fn kill_all(&self) {
        for (pid, token) in std::mem::take(&mut *self.list()) {
            kill_run(pid, &token);
        }
    }
}

/// Kill a run's process group and every process marked with its token.
fn kill_run(pid: u32, token: &str) {
    kill_pid_group(pid);
    kill_marked(token);
}

/// SIGKILL every process whose environment holds `TOKEN_VAR=token`: the
/// descendants of one run, wherever they moved (a new session, a new
/// parent). The environment block a process started with stays readable in
/// /proc even after the program changes its variables.
fn kill_marked(_token: &str) {
    #[cfg(target_os = "linux")]
    {
        let marker = format!("{TOKEN_VAR}={_token}");
        // Twice: a process may fork while the first sweep runs.
        for _ in 0..2 {
            let Ok(entries) = std::fs::read_dir("/proc") else { return };
            for entry in entries.flatten() {
                let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse::<i32>().ok()) else { continue };
                let Ok(env) = std::fs::read(entry.path().join("environ")) else { continue };
                if env.split(|b| *b == 0).any(|v| v == marker.as_bytes()) {
                    // SAFETY: only sends a signal, to a process this run started.
                    unsafe { libc::kill(pid, libc::SIGKILL) };
                }
            }
        }
    }
}

/// A fresh random token (for marking a run's processes and for its
/// reply's secret): 128 bits from the system's random source.
fn fresh_token() -> String {
    let mut bytes = [0u8; 16];
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    if read.is_err() {
        // No /dev/urandom: the hasher's random keys and the clock.
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos());
        bytes[..8].copy_from_slice(&h.finish().to_le_bytes());
        bytes[8..].copy_from_slice(&std::process::id().to_le_bytes().repeat(2));
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The checks `practice check` runs.
pub static HEADLESS: Running = Running::new();

/// Every check running in this process, whoever started it: what a last
/// resort stops on its way out (the signal thread's exit, which runs no
/// destructors, so no owner's list is dropped).
pub static EVERY: Running = Running::new();

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
    source: &[u8],
    cases: Vec<Value>,
    dir: &Path,
    limit: Duration,
    running: &Running,
) -> Ran {
    let (token, secret) = (fresh_token(), fresh_token());
    // Bytes through JSON: each byte as the character of the same number,
    // which the harness turns back into bytes (latin-1) for Python to decode.
    let source: String = source.iter().map(|&b| char::from(b)).collect();
    let request = serde_json::json!({
        "filename": filename,
        "source_bytes": source,
        "cases": cases,
        "memory_bytes": MEMORY_BYTES,
        "secret": secret,
    });
    // A relative interpreter path (`.venv/bin/python`) means the learner's
    // current folder, not the file's folder the harness runs in; a bare name
    // (`python3`) is looked up on PATH as it is.
    let bare = python.path.components().count() == 1;
    let program = if bare {
        python.path.clone()
    } else {
        std::path::absolute(&python.path).unwrap_or_else(|_| python.path.clone())
    };
    let mut cmd = Command::new(&program);
    cmd.args(["-B", "-c", HARNESS])
        .current_dir(dir)
        .env("PYTHONIOENCODING", "utf-8")
        .env("OPENBLAS_NUM_THREADS", "1")
        .env("OMP_NUM_THREADS", "1")
        .env(TOKEN_VAR, &token)
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
    running.list().push((pid, token.clone()));
    EVERY.list().push((pid, token.clone()));
    let body = request.to_string();
    let stdin = child.stdin.take();
    std::thread::spawn(move || {
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
    // Whether it answered or not, nothing it started outlives the run.
    kill_run(pid, &token);
    if status.is_none() {
        let _ = child.kill();
        let _ = child.wait();
    }
    running.list().retain(|(p, _)| *p != pid);
    EVERY.list().retain(|(p, _)| *p != pid);
    let until = Instant::now() + GRACE;
    let stdout = out.map(|r| r.until(until)).unwrap_or_default();
    let stderr = err.map(|r| r.until(until)).unwrap_or_default();
    let Some(status) = status else { return Ran::TimedOut };
    let text = String::from_utf8_lossy(&stdout);
    let signed = format!("{MARK}{secret} ");
    let replies: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix(&signed)).collect();
    // Exactly one signed reply: a second one was not the harness's.
    match replies.as_slice() {
        [one] if serde_json::from_str::<Value>(one).is_ok() => {
            Ran::Reply(serde_json::from_str(one).unwrap_or_default())
        }
        _ => {
            let tail = String::from_utf8_lossy(&stderr);
            let lines: Vec<&str> = tail.lines().collect();
            let stderr = lines[lines.len().saturating_sub(12)..].join("\n");
            Ran::Crashed { status: status.to_string(), stderr }
        }
    }
}

/// A pipe read to its end on a thread, keeping at most `cap` bytes (the
/// rest is read and dropped so the process never blocks on a full pipe).
struct Reading(std::sync::mpsc::Receiver<Vec<u8>>);

impl Reading {
    /// What was read, once the pipe closed or at `deadline`, whichever is
    /// first (a process that left every reach may hold it open; its thread
    /// then ends when that process does).
    fn until(self, deadline: Instant) -> Vec<u8> {
        self.0.recv_timeout(deadline.saturating_duration_since(Instant::now())).unwrap_or_default()
    }
}

fn capped(mut r: impl Read + Send + 'static, cap: usize) -> Reading {
    let (send, receive) = std::sync::mpsc::channel();
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
        let _ = send.send(kept);
    });
    Reading(receive)
}
