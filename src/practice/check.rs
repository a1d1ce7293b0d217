//! Checking one file: run its functions on every case, then say what is
//! wrong: a named mistake when the output is exactly what that mistake
//! computes on every case, else the first case that differs.

use super::cases::{Case, cases};
use super::exercise::{Exercise, Mistake};
use super::notebook;
use super::python::{self, Python, Ran};
use super::value::{Difference, Out, first_difference};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// An exception raised in the learner's code.
#[derive(Debug, Clone, PartialEq)]
pub struct PyError {
    pub kind: String,
    pub message: String,
    /// The frames in the learner's file: where (line, or notebook cell and
    /// line) and the line's code.
    pub frames: Vec<(Place, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Line(usize),
    Cell { cell: usize, line: usize },
}

/// The first case that went wrong, as the learner should see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// 1-based.
    pub case: usize,
    pub function: &'static str,
    pub inputs: Vec<(&'static str, String)>,
    pub expected: String,
    pub got: String,
    pub difference: Option<Difference>,
    /// The RNN: the first k, counting down from T, where grad_over_time differs.
    pub first_k: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Passed,
    /// Every function still raises NotImplementedError (the file as `init` wrote it).
    NotStarted,
    Mistake {
        mistake: Mistake,
        failure: Failure,
    },
    Wrong(Failure),
    Raised {
        case: usize,
        function: &'static str,
        error: PyError,
    },
    /// The function changed an input array in place.
    Mutated {
        case: usize,
        function: &'static str,
        input: String,
    },
    Missing {
        function: String,
    },
    /// The file failed before any case ran (a syntax error, a failed import).
    Load(PyError),
    /// No function of any exercise is defined in the file.
    Unknown,
    Unreadable(Unreadable),
    NoPython,
    NoNumpy {
        python: PathBuf,
    },
    PythonFailed {
        python: PathBuf,
        why: String,
    },
    /// Stopped at the time limit, in whole seconds.
    TimedOut {
        seconds: u64,
    },
    Crashed {
        status: String,
        stderr: String,
    },
}

/// Why a practice file could not be read as one.
#[derive(Debug, Clone, PartialEq)]
pub enum Unreadable {
    /// A folder, a device (/dev/null, /dev/zero), a pipe: not a regular file.
    NotAFile,
    /// Larger than `MAX_FILE_BYTES` (the limit, in MiB).
    TooLarge(u64),
    /// A notebook whose JSON is not a notebook's.
    Notebook(String),
    Io(String),
}

/// The most a practice file may hold, as for a quiz bank: far more than any
/// exercise's code, and little enough to read at once.
pub const MAX_FILE_BYTES: u64 = 8 << 20;

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub exercise: Option<Exercise>,
    pub path: PathBuf,
    pub cases_run: usize,
    pub cases_passed: usize,
    pub verdict: Verdict,
}

impl Report {
    pub fn passed(&self) -> bool {
        self.verdict == Verdict::Passed
    }

    /// The named mistake, if one was recognised.
    pub fn mistake(&self) -> Option<Mistake> {
        match self.verdict {
            Verdict::Mistake { mistake, .. } => Some(mistake),
            _ => None,
        }
    }

    /// A target that was not run at all (the command line refused it).
    pub fn refused(path: &Path, verdict: Verdict) -> Report {
        Report::new(None, path, verdict)
    }

    fn new(exercise: Option<Exercise>, path: &Path, verdict: Verdict) -> Report {
        Report { exercise, path: path.to_path_buf(), cases_run: 0, cases_passed: 0, verdict }
    }
}

/// The file's Python source as bytes (Python itself decodes them, so a
/// byte-order mark or a `# -*- coding: latin-1 -*-` line means what it means
/// to Python) and, for a notebook, its line map.
fn load(path: &Path) -> Result<(Vec<u8>, Option<notebook::Code>), Unreadable> {
    use std::io::Read;
    let io = |e: std::io::Error| Unreadable::Io(e.to_string());
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(Unreadable::NotAFile);
    }
    let too_large = Unreadable::TooLarge(MAX_FILE_BYTES >> 20);
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large);
    }
    let mut bytes = vec![];
    std::fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large);
    }
    if path.extension().is_some_and(|e| e == "ipynb") {
        let json = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
        let text = std::str::from_utf8(json).map_err(|e| Unreadable::Notebook(e.to_string()))?;
        let code = notebook::code(text).map_err(Unreadable::Notebook)?;
        return Ok((code.source.clone().into_bytes(), Some(code)));
    }
    Ok((bytes, None))
}

/// Check `path` as `exercise` (or the exercise whose function it defines).
/// Its Python is stopped after `limit`.
pub fn check_file(path: &Path, exercise: Option<Exercise>, python: Option<&Python>, limit: Duration) -> Report {
    check_file_in(path, exercise, python, limit, &python::HEADLESS)
}

/// `check_file`, its process listed in `running` while it runs.
pub fn check_file_in(
    path: &Path,
    exercise: Option<Exercise>,
    python: Option<&Python>,
    limit: Duration,
    running: &python::Running,
) -> Report {
    let (source, nb) = match load(path) {
        Ok(s) => s,
        Err(e) => return Report::new(exercise, path, Verdict::Unreadable(e)),
    };
    let Some(exercise) = exercise.or_else(|| Exercise::defined_in(&String::from_utf8_lossy(&source))) else {
        return Report::new(None, path, Verdict::Unknown);
    };
    let Some(python) = python else { return Report::new(Some(exercise), path, Verdict::NoPython) };
    let cases = cases(exercise);
    let filename = path.display().to_string();
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let ran = python::run(python, &filename, &source, cases.iter().map(Case::to_json).collect(), dir, limit, running);
    let got = match ran {
        Ran::NotStarted(why) => Err(Verdict::PythonFailed { python: python.path.clone(), why }),
        Ran::TimedOut => Err(Verdict::TimedOut { seconds: limit.as_secs() }),
        Ran::Crashed { status, stderr } => Err(Verdict::Crashed { status, stderr }),
        Ran::Reply(v) => read_reply(&cases, &v, nb.as_ref(), &python.path).map_err(|v| *v),
    };
    report(exercise, path, &cases, got)
}

/// Judge results that the `deepstep` Python package computed in the
/// learner's own kernel (`practice judge`): the reply the harness would
/// have sent, for `exercise`'s cases, with `label` where a file's path goes.
/// The same cases and the same judgement as a file's check.
pub fn judge_reply(exercise: Exercise, label: &Path, reply: &Value) -> Report {
    let cases = cases(exercise);
    let got = read_reply(&cases, reply, None, Path::new("python")).map_err(|v| *v);
    report(exercise, label, &cases, got)
}

fn report(exercise: Exercise, path: &Path, cases: &[Case], got: Result<Vec<Got>, Verdict>) -> Report {
    match got {
        Err(verdict) => Report::new(Some(exercise), path, verdict),
        Ok(got) => Report {
            exercise: Some(exercise),
            path: path.to_path_buf(),
            cases_run: cases.len(),
            cases_passed: cases
                .iter()
                .zip(&got)
                .filter(|(c, g)| matches!(g, Got::Value(o) if o.matches(&c.expected)))
                .count(),
            verdict: judge(exercise, cases, &got),
        },
    }
}

fn py_error(v: &Value, nb: Option<&notebook::Code>) -> PyError {
    let s = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let frames = v
        .get("frames")
        .and_then(Value::as_array)
        .map(|fs| {
            fs.iter()
                .filter_map(|f| {
                    let line = f.get(0)?.as_u64()? as usize;
                    let code = f.get(1)?.as_str()?.to_string();
                    let place = match nb.and_then(|n| n.place(line)) {
                        Some((cell, line)) => Place::Cell { cell, line },
                        None => Place::Line(line),
                    };
                    Some((place, code))
                })
                .collect()
        })
        .unwrap_or_default();
    PyError { kind: s("type"), message: s("message"), frames }
}

/// What one case gave back.
enum Got {
    Value(Out),
    Raised(PyError),
    Missing(String),
    /// It returned, but changed this input in place.
    Mutated(String),
}

/// Each case's result from the harness's reply, or why there are none.
fn read_reply(
    cases: &[Case],
    reply: &Value,
    nb: Option<&notebook::Code>,
    python: &Path,
) -> Result<Vec<Got>, Box<Verdict>> {
    match reply.get("fatal").and_then(Value::as_str) {
        Some("numpy") => return Err(Box::new(Verdict::NoNumpy { python: python.to_path_buf() })),
        Some("timeout") => {
            let seconds = reply.get("seconds").and_then(Value::as_f64).unwrap_or(0.0);
            return Err(Box::new(Verdict::TimedOut { seconds: seconds.max(0.0) as u64 }));
        }
        Some(_) => return Err(Box::new(Verdict::Load(py_error(reply.get("error").unwrap_or(&Value::Null), nb)))),
        None => {}
    }
    let results = reply.get("results").and_then(Value::as_array).cloned().unwrap_or_default();
    if results.len() != cases.len() {
        return Err(Box::new(Verdict::Crashed { status: String::new(), stderr: String::new() }));
    }
    Ok(results
        .iter()
        .map(|r| {
            if let Some(f) = r.get("missing").and_then(Value::as_str) {
                Got::Missing(f.to_string())
            } else if let Some(m) = r.get("mutated") {
                Got::Mutated(m.get("input").and_then(Value::as_str).unwrap_or("?").chars().take(40).collect())
            } else if let Some(e) = r.get("error") {
                Got::Raised(py_error(e, nb))
            } else {
                Got::Value(r.get("ok").and_then(Out::from_json).unwrap_or(Out::Other("?".into())).canonical())
            }
        })
        .collect())
}

/// The verdict on the cases' results: not written, raised, passed, a named
/// mistake (one that explains every case) or the first failing case.
fn judge(exercise: Exercise, cases: &[Case], got: &[Got]) -> Verdict {
    if let Some(Got::Missing(f)) = got.iter().find(|g| matches!(g, Got::Missing(_))) {
        return Verdict::Missing { function: f.clone() };
    }
    let unwritten = |g: &Got| matches!(g, Got::Raised(e) if e.kind == "NotImplementedError");
    if got.iter().all(unwritten) {
        return Verdict::NotStarted;
    }
    if let Some((i, Got::Raised(e))) = got.iter().enumerate().find(|(_, g)| matches!(g, Got::Raised(_))) {
        return Verdict::Raised { case: i + 1, function: cases[i].function, error: e.clone() };
    }
    // A function that changes its caller's arrays is wrong whatever it
    // returns: code that uses the inputs afterwards gets other numbers.
    if let Some((i, Got::Mutated(input))) = got.iter().enumerate().find(|(_, g)| matches!(g, Got::Mutated(_))) {
        return Verdict::Mutated { case: i + 1, function: cases[i].function, input: input.clone() };
    }
    let values: Vec<&Out> = got.iter().filter_map(|g| if let Got::Value(o) = g { Some(o) } else { None }).collect();
    let Some(first) = cases.iter().zip(&values).position(|(c, o)| !o.matches(&c.expected)) else {
        return Verdict::Passed;
    };
    let failure = failure(exercise, &cases[first], values[first], first);
    let matches_mistake = |m: Mistake| {
        cases.iter().zip(&values).all(|(c, o)| match c.mistaken.iter().find(|(k, _)| *k == m) {
            Some((_, Some(want))) => o.matches(want),
            Some((_, None)) => true,
            None => o.matches(&c.expected),
        })
    };
    let family = || super::diagnose::family(exercise, cases, &values).map(Mistake::Family);
    match exercise.mistakes().into_iter().find(|m| matches_mistake(*m)).or_else(family) {
        Some(mistake) => Verdict::Mistake { mistake, failure },
        None => Verdict::Wrong(failure),
    }
}

fn failure(exercise: Exercise, case: &Case, got: &Out, index: usize) -> Failure {
    let mut inputs: Vec<(&'static str, String)> = case.args.iter().map(|(n, a)| (*n, a.describe())).collect();
    inputs.extend(case.kwargs.iter().map(|(n, a)| (*n, a.describe())));
    let first_k = match (exercise, got, &case.expected) {
        (Exercise::Bptt, Out::Seq(g), Out::Seq(w)) => match (g.get(1), w.get(1)) {
            (Some(Out::Arr { shape: gs, data: gd }), Some(Out::Arr { shape: ws, data: wd }))
                if gs == ws && ws.len() == 2 =>
            {
                let cols = ws[1];
                (0..cols).rev().find(|&k| (0..ws[0]).any(|r| !super::value::close(gd[r * cols + k], wd[r * cols + k])))
            }
            _ => None,
        },
        _ => None,
    };
    Failure {
        case: index + 1,
        function: case.function,
        inputs,
        expected: case.expected.describe(),
        got: got.describe(),
        difference: first_difference(got, &case.expected),
        first_k,
    }
}
