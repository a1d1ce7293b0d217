//! `deepstep practice`: the practice screen, `practice init` (write the
//! exercise files) and `practice check` (headless verdicts: exit 0 when all
//! pass, 1 when any fails, 2 for usage errors such as no Python or a bad path).

use super::args::{CheckFormat, PracticeArgs, PracticeCheckArgs, PracticeCommand};
use super::{Failure, emit};
use crate::app::App;
use crate::lessons::lesson::{lesson_mut, mount};
use crate::lessons::practice::init::{Written, init};
use crate::lessons::practice::lab::PracticeLab;
use crate::lessons::practice::words;
use crate::practice::check::{Report, Unreadable, Verdict, check_file};
use crate::practice::exercise::Exercise;
use crate::practice::folder::DEFAULT_DIR;
use crate::practice::python;
use crate::practice::python::DEFAULT_TIME_LIMIT;
use crate::text::Text;
use crate::ui::theme::Theme;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub fn run(a: PracticeArgs, text: &'static Text) -> Result<(), Failure> {
    match a.action {
        Some(PracticeCommand::Init { dir }) => run_init(&dir.unwrap_or_else(|| DEFAULT_DIR.into()), text),
        Some(PracticeCommand::Check(c)) => run_check(c, a.python.as_deref(), text),
        Some(PracticeCommand::Cases { name, format: _ }) => run_cases(name.as_deref(), text),
        Some(PracticeCommand::Judge { name, label }) => run_judge(&name, &label, text),
        None if a.print => {
            let dir = a.dir.unwrap_or_else(|| DEFAULT_DIR.into());
            folder_ready(&dir, text).map_err(|m| Failure::usage(format!("deepstep practice: {m}")))?;
            let todo =
                crate::practice::folder::found(&dir).into_iter().map(|(e, p)| Target::File(p, Some(e))).collect();
            check_all(todo, CheckFormat::Text, DEFAULT_TIME_LIMIT, a.python.as_deref(), text)
        }
        None => {
            // Refused before any check starts: nothing runs without a screen to show it.
            super::need_terminal(text, "practice")?;
            let dir = a.dir.unwrap_or_else(|| DEFAULT_DIR.into());
            let py = python::find(a.python.as_deref(), |k| std::env::var_os(k));
            let app = super::with_progress(App::new(mount(PracticeLab::new(dir, py, vec![])), text, Theme::from_env()));
            super::run_app(text, "practice", load_saved(app))
        }
    }
}

/// The practice screen gets what the store saved (opened in `with_progress`).
fn load_saved(mut app: App) -> App {
    let saved = app.progress.as_ref().and_then(|s| s.practice().ok()).unwrap_or_default();
    if let Some(lab) = app.screens.last_mut().and_then(|s| lesson_mut::<PracticeLab>(s.as_mut())) {
        lab.restore(saved);
    }
    app
}

fn run_init(dir: &Path, text: &Text) -> Result<(), Failure> {
    let written = init(dir, text).map_err(|e| Failure::usage(format!("deepstep practice init: {e}")))?;
    let mut out = String::new();
    for w in &written {
        out.push_str(&match w {
            Written::Created(p) => (text.practice.created)(&p.display().to_string()),
            Written::Kept(p) => (text.practice.kept)(&p.display().to_string()),
        });
        out.push('\n');
    }
    out.push_str(&(text.practice.init_next)(&dir.display().to_string()));
    out.push('\n');
    emit(text, &out)
}

/// One thing `practice check` was asked to check: a file (as an exercise,
/// or as the one it defines), or a target it refuses and why.
enum Target {
    File(PathBuf, Option<Exercise>),
    Refused(String, Box<Verdict>),
}

/// What to check, in order; a usage error only for a bad `--exercise` or a
/// missing default folder (a bad target is reported beside the others).
fn targets(c: &PracticeCheckArgs, text: &Text) -> Result<Vec<Target>, Failure> {
    let usage = |m: String| Failure::usage(format!("deepstep practice check: {m}"));
    let forced = match &c.exercise {
        Some(name) => Some(Exercise::from_id(name).ok_or_else(|| usage((text.practice.no_match)(name)))?),
        None => None,
    };
    let dir = Path::new(DEFAULT_DIR);
    if c.targets.is_empty() {
        folder_ready(dir, text).map_err(usage)?;
        let found = crate::practice::folder::found(dir);
        return Ok(found.into_iter().map(|(e, p)| Target::File(p, forced.or(Some(e)))).collect());
    }
    let refused =
        |t: &str, why: String| Target::Refused(t.to_string(), Box::new(Verdict::Unreadable(Unreadable::Io(why))));
    Ok(c.targets
        .iter()
        .map(|t| {
            let path = PathBuf::from(t);
            // A file, or what stands at the path (a device, a folder): the
            // check says what it is.
            if path.exists() {
                return Target::File(path, forced);
            }
            match Exercise::from_id(t) {
                Some(e) if dir.join(e.file()).is_file() => Target::File(dir.join(e.file()), forced.or(Some(e))),
                Some(e) => refused(t, (text.practice.no_folder)(&dir.join(e.file()).display().to_string())),
                None => refused(t, (text.practice.no_match)(t)),
            }
        })
        .collect())
}

/// `Ok` when `dir` is a folder; else what is wrong with it, in words.
fn folder_ready(dir: &Path, text: &Text) -> Result<(), String> {
    let shown = dir.display().to_string();
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err((text.practice.not_a_folder)(&shown)),
        Err(_) => Err((text.practice.no_folder)(&shown)),
    }
}

/// Ctrl-C, Ctrl-\\ or any other signal that would end deepstep ends the run
/// with the checks it started: they run in process groups of their own,
/// which the terminal's signal misses.
fn stop_checks_on_signals() {
    if let Ok(mut signals) = signal_hook::iterator::Signals::new(crate::app::terminal::ending_signals()) {
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                // Said before the checks are killed: the main thread, seeing
                // its Python end, must end with this status too, not its own.
                STOPPED_BY.store(sig, std::sync::atomic::Ordering::SeqCst);
                python::HEADLESS.kill_all();
                std::process::exit(128 + sig);
            }
        });
    }
}

/// The ending signal `stop_checks_on_signals` received (0: none).
static STOPPED_BY: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

fn run_check(c: PracticeCheckArgs, python_flag: Option<&Path>, text: &Text) -> Result<(), Failure> {
    let todo = targets(&c, text)?;
    let result = check_all(todo, c.format, Duration::from_secs(c.time_limit), python_flag, text);
    match STOPPED_BY.load(std::sync::atomic::Ordering::SeqCst) {
        0 => result,
        sig => Err(Failure { code: (128 + sig).clamp(0, 255) as u8, message: String::new() }),
    }
}

/// Whether a verdict says the command was asked wrongly (exit 2) rather
/// than that the learner's code is wrong (exit 1).
fn usage_kind(v: &Verdict) -> bool {
    matches!(
        v,
        Verdict::NoNumpy { .. }
            | Verdict::PythonFailed { .. }
            | Verdict::Unknown
            | Verdict::Unreadable(_)
            | Verdict::NoPython
    )
}

/// Check every target and write every verdict, a bad target's beside the
/// others (none is lost to another); exit with the worst status: 2 when
/// something could not be checked as asked, 1 when code failed, else 0.
fn check_all(
    todo: Vec<Target>,
    format: CheckFormat,
    limit: Duration,
    python_flag: Option<&Path>,
    text: &Text,
) -> Result<(), Failure> {
    let Some(py) = python::find(python_flag, |k| std::env::var_os(k)) else {
        return Err(Failure::usage(format!("deepstep practice check: {}", text.practice.no_python)));
    };
    stop_checks_on_signals();
    let reports = check_each(todo, &py, limit);
    let out = match format {
        CheckFormat::Json => {
            let all: Vec<_> = reports.iter().map(|r| words::json(text, r)).collect();
            serde_json::to_string_pretty(&all).unwrap_or_default() + "\n"
        }
        CheckFormat::Text => reports
            .iter()
            .map(|r| {
                let name = r.exercise.map_or("?", |e| e.id());
                let mut s = format!("== {name}: {}\n", r.path.display());
                for l in words::lines(text, r) {
                    s.push_str(&l);
                    s.push('\n');
                }
                s
            })
            .collect::<Vec<_>>()
            .join("\n"),
    };
    // Tracebacks, reprs and source lines are the learner's text: no escape
    // sequence of theirs reaches the terminal (JSON escapes them already).
    emit(text, &crate::text::visible::visible(&out))?;
    let refused: Vec<&Report> = reports.iter().filter(|r| usage_kind(&r.verdict)).collect();
    if !refused.is_empty() {
        let why: Vec<String> =
            refused.iter().map(|r| format!("deepstep practice check: {}", words::lines(text, r).join("\n"))).collect();
        return Err(Failure::usage(crate::text::visible::visible(&why.join("\n"))));
    }
    if reports.iter().all(Report::passed) { Ok(()) } else { Err(Failure { code: 1, message: String::new() }) }
}

/// At most this many checks at once: each is a Python process of its own
/// (allowed up to 4 GiB), and a folder of exercises is then checked in
/// about half the time of one after another.
const CHECKS_AT_ONCE: usize = 2;

/// Every target's report, in the order asked, checked side by side.
fn check_each(todo: Vec<Target>, py: &python::Python, limit: Duration) -> Vec<Report> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = cores.min(CHECKS_AT_ONCE).min(todo.len()).max(1);
    let todo: Vec<Mutex<Option<Target>>> = todo.into_iter().map(|t| Mutex::new(Some(t))).collect();
    let done: Vec<Mutex<Option<Report>>> = todo.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(slot) = todo.get(i) else { break };
                    let target = slot.lock().unwrap_or_else(|e| e.into_inner()).take();
                    let report = match target {
                        Some(Target::File(p, e)) => check_file(&p, e, Some(py), limit),
                        Some(Target::Refused(label, verdict)) => Report::refused(Path::new(&label), *verdict),
                        None => continue,
                    };
                    *done[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(report);
                }
            });
        }
    });
    // A worker that panicked has ended the scope above with its panic: every
    // slot is filled here.
    done.into_iter().filter_map(|d| d.into_inner().unwrap_or_else(|e| e.into_inner())).collect()
}

fn exercise_named(command: &str, name: &str, text: &Text) -> Result<Exercise, Failure> {
    Exercise::from_id(name)
        .ok_or_else(|| Failure::usage(format!("deepstep practice {command}: {}", (text.practice.no_match)(name))))
}

/// `practice cases [NAME]`: the exercise's cases as the harness gets them,
/// what the notebook's verdict needs to say in the learner's language, and
/// the time limit; without NAME, every exercise and its functions. The
/// `deepstep` Python package runs the cases in the learner's kernel.
fn run_cases(name: Option<&str>, text: &Text) -> Result<(), Failure> {
    let p = &text.practice;
    let labels = serde_json::json!({
        "named_mistake": p.named_mistake,
        "fix": p.fix,
        "inputs": p.inputs,
        "expected": p.expected,
        "got": p.got,
        "failing_case": p.failing_case,
        "no_time_limit": p.no_time_limit,
        "magic_usage": p.magic_usage,
    });
    let exercises: Vec<_> =
        Exercise::ALL.iter().map(|e| serde_json::json!({ "name": e.id(), "functions": e.functions() })).collect();
    let out = match name {
        None => serde_json::json!({ "exercises": exercises, "labels": labels }),
        Some(name) => {
            let e = exercise_named("cases", name, text)?;
            let cases: Vec<_> = crate::practice::cases::cases(e).iter().map(|c| c.to_json()).collect();
            serde_json::json!({
                "exercise": e.id(),
                "functions": e.functions(),
                "time_limit": DEFAULT_TIME_LIMIT.as_secs(),
                "cases": cases,
                "labels": labels,
            })
        }
    };
    emit(text, &(out.to_string() + "\n"))
}

/// `practice judge NAME`: the verdict on results the package computed
/// (the harness's reply, on standard input), as `practice check --format
/// json` writes it; exit 0 when it passed, 1 when not.
fn run_judge(name: &str, label: &str, text: &Text) -> Result<(), Failure> {
    let e = exercise_named("judge", name, text)?;
    let bad = |why: String| Failure::usage(format!("deepstep practice judge: {}", (text.practice.bad_results)(&why)));
    let mut input = String::new();
    // The results of every case are well under this; more is not ours.
    std::io::Read::take(std::io::stdin(), 64 << 20).read_to_string(&mut input).map_err(|e| bad(e.to_string()))?;
    let reply: serde_json::Value = serde_json::from_str(&input).map_err(|e| bad(e.to_string()))?;
    let wanted = crate::practice::cases::cases(e).len();
    let results = reply.get("results").and_then(serde_json::Value::as_array).map(Vec::len);
    if reply.get("fatal").is_none() && results != Some(wanted) {
        return Err(bad(format!("an object with \"results\": {wanted} of them, one per case")));
    }
    let report = crate::practice::check::judge_reply(e, Path::new(label), &reply);
    let out = serde_json::to_string_pretty(&[words::json(text, &report)]).unwrap_or_default() + "\n";
    emit(text, &out)?;
    if report.passed() { Ok(()) } else { Err(Failure { code: 1, message: String::new() }) }
}
