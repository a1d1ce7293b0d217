//! Practice mode, end to end with a real Python and numpy: the reference
//! solutions pass, every named mistake is diagnosed by name from a file with
//! exactly that mistake, broken files get a clear verdict (never a hang or a
//! panic), `init` never overwrites, and the exit statuses are 0, 1 and 2.

use crate::common;
use crate::practice_verdicts;

use deepstep::practice::exercise::{Exercise, Mistake};
use deepstep::practice::family::{Factor, Family, Kind, Part};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn python() -> PathBuf {
    common::python_with_numpy()
}

fn deepstep(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_deepstep"))
        .args(args)
        .current_dir(dir)
        .env("DEEPSTEP_PYTHON", python())
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .output()
        .unwrap()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The files' verdicts from the run every verdict test shares.
fn verdicts(files: &[PathBuf]) -> Vec<Value> {
    practice_verdicts::of(files)
}

fn files_in(dir: &str, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    v
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("deepstep-practice-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn the_reference_solutions_pass_and_cover_every_exercise() {
    let mut files = files_in("tests/practice", "py");
    files.extend(files_in("tests/practice", "ipynb"));
    let reports = verdicts(&files);
    for r in &reports {
        assert_eq!(r["passed"], true, "{r:#}");
        assert!(r["cases_run"].as_u64().unwrap() >= 4, "{r:#}");
        assert_eq!(r["cases_run"], r["cases_passed"]);
    }
    let names: std::collections::BTreeSet<&str> = reports.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names.len(), Exercise::ALL.len(), "every exercise has a reference solution");
}

/// Correct code in other styles than the reference's: a byte-order mark, a
/// Latin-1 coding line, a notebook with `%%time`, `!` and `?` lines, a
/// lambda, a function imported from a module beside the file, numpy scalars
/// and 0-D arrays in a tuple, lists for tuples and arrays, float32.
#[test]
fn correct_code_in_other_styles_passes() {
    let mut files = files_in("tests/practice/styles", "py");
    files.extend(files_in("tests/practice/styles", "ipynb"));
    assert!(files.len() >= 9, "{files:?}");
    let reports = verdicts(&files);
    for (file, r) in files.iter().zip(&reports) {
        assert_eq!(r["passed"], true, "{}: {r:#}", file.display());
    }
}

/// An edge the statement names (||e|| = 0 for the L2 error) is a case: code
/// that divides 0 by 0 there fails on it, and only on it.
#[test]
fn the_edges_a_statement_names_are_cases() {
    let reports = verdicts(&[root().join("tests/practice/broken/l2_divides_by_zero.py")]);
    let r = &reports[0];
    assert_eq!(r["passed"], false, "{r:#}");
    assert_eq!(r["cases_passed"].as_u64().unwrap() + 1, r["cases_run"].as_u64().unwrap(), "{r:#}");
    assert!(r["first_failing_case"]["inputs"].to_string().contains("l2"), "{r:#}");
}

/// A mistake file's id: its name up to the first dot (`off-by-factor.rnn-wx-mean.py`
/// is one more file for the family `off-by-factor`).
fn id_of(file: &Path) -> &str {
    file.file_name().unwrap().to_str().unwrap().split('.').next().unwrap()
}

#[test]
fn every_named_mistake_is_diagnosed_by_name() {
    let files = files_in("tests/practice/mistakes", "py");
    let reports = verdicts(&files);
    for (file, r) in files.iter().zip(&reports) {
        assert_eq!(r["diagnosis_id"], id_of(file), "{r:#}");
        assert_eq!(r["passed"], false);
        assert!(r["first_failing_case"]["expected"].is_string(), "{r:#}");
    }
    // Every mistake and family the checker knows has its file here.
    let mut known: std::collections::BTreeSet<&str> =
        Exercise::ALL.iter().flat_map(|e| e.mistakes()).map(|m| m.id()).collect();
    known.extend(Family::IDS);
    let tested: std::collections::BTreeSet<&str> = files.iter().map(|f| id_of(f)).collect();
    assert_eq!(known, tested);
}

/// A family's words name the function, the part and the factor or the
/// errors it concerns: the diagnosis is the one for exactly that family.
#[test]
fn each_family_file_gets_the_words_of_its_part() {
    let f = |kind, function, part, only| Mistake::Family(Family { kind, function, part, only });
    let expected = [
        ("off-by-factor.py", f(Kind::Scaled(Factor::OneOverN), "gradient_descent_step", Part::Whole, 0b010)),
        ("off-by-factor.gd-without-2.py", f(Kind::Scaled(Factor::Half), "gradient_descent_step", Part::Whole, 0b011)),
        ("off-by-factor.rnn-wx-mean.py", f(Kind::Scaled(Factor::OneOverN), "backward_gradient", Part::At2(0, 0), 0)),
        ("sign-flipped.py", f(Kind::Negated, "gradient_descent_step", Part::Whole, 0b100)),
        ("sign-flipped.conv-dw.py", f(Kind::Negated, "conv2d_backward", Part::At(1), 0)),
        ("parts-swapped.py", f(Kind::Swapped(Part::At(1)), "mle_normal", Part::At(0), 0)),
        ("parts-swapped.conv-size.py", f(Kind::Swapped(Part::At(1)), "conv_output_size", Part::At(0), 0)),
        ("parts-swapped.rnn-gradients.py", f(Kind::Swapped(Part::At2(0, 1)), "backward_gradient", Part::At2(0, 0), 0)),
        ("parts-swapped.rnn-order.py", f(Kind::Swapped(Part::At(1)), "backward_gradient", Part::At(0), 0)),
        ("transposed.py", f(Kind::Transposed, "backward_gradient", Part::At(1), 0)),
        ("transposed.conv-dx.py", f(Kind::Transposed, "conv2d_backward", Part::At(0), 0)),
        ("integer-truncation.py", f(Kind::Truncated, "mle_categorical", Part::Whole, 0)),
        ("return-structure.py", f(Kind::OnlyPart, "backward_gradient", Part::At(0), 0)),
        ("return-structure.rnn-flat.py", f(Kind::Restructured, "backward_gradient", Part::Whole, 0)),
        ("return-structure.conv-dx-only.py", f(Kind::OnlyPart, "conv2d_backward", Part::At(0), 0)),
    ];
    let files: Vec<PathBuf> = expected.iter().map(|(n, _)| root().join("tests/practice/mistakes").join(n)).collect();
    let reports = verdicts(&files);
    for ((name, mistake), r) in expected.iter().zip(&reports) {
        let (what, fix) = (deepstep::text::EN.practice.mistake)(*mistake);
        assert_eq!((r["diagnosis"].as_str(), r["fix"].as_str()), (Some(what.as_str()), Some(fix.as_str())), "{name}");
    }
    // Which part is missing, and that the rest is right.
    let (what, _) = (deepstep::text::EN.practice.mistake)(expected[12].1);
    assert!(what.contains("only (wx_grad, wRec_grad), and it is right; grad_over_time is missing"), "{what}");
    // The sign of one error's gradient: the fix gives that gradient, not the update the learner has right.
    let (what, fix) = (deepstep::text::EN.practice.mistake)(expected[3].1);
    assert!(what.contains("error='l2'") && fix.contains("-X.T @ e") && !fix.contains("beta - lr"), "{fix}");
}

#[test]
fn the_text_verdict_names_the_mistake_the_fix_and_the_first_wrong_step() {
    let out = deepstep(&["practice", "check", "tests/practice/mistakes/rnn-missing-wrec.py"], &root());
    let s = String::from_utf8_lossy(&out.stdout);
    let (what, fix) = (deepstep::text::EN.practice.mistake)(Exercise::Bptt.mistakes()[2]);
    assert!(s.contains(&what) && s.contains(&fix), "{s}");
    // T = 4 in the first case: dL/dS_4 is grad_out itself, dL/dS_3 is the first computed.
    assert!(s.contains(&(deepstep::text::EN.practice.first_k)(3)), "{s}");
    assert_eq!(out.status.code(), Some(1));
}

fn text_of(file: &str) -> (String, i32) {
    let out = deepstep(&["practice", "check", file], &root());
    let s = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (s, out.status.code().unwrap_or(-1))
}

#[test]
fn broken_files_get_a_clear_verdict() {
    let p = &deepstep::text::EN.practice;
    let (s, code) = text_of("tests/practice/broken/raises.py");
    assert!(
        s.contains("IndexError") && s.contains("line 10: wx_grad += np.sum(grad_over_time[:, k] * X[:, k])"),
        "{s}"
    );
    assert_eq!(code, 1);
    let (s, _) = text_of("tests/practice/broken/raises_in_cell.ipynb");
    assert!(s.contains(&(p.at_cell)(2, 3)) && s.contains("joint.sum(axis=3)"), "{s}");
    let (s, _) = text_of("tests/practice/broken/syntax.py");
    assert!(s.contains("SyntaxError") && s.contains("line 1: def posterior(prior, likelihood)"), "{s}");
    let (s, _) = text_of("tests/practice/broken/missing_import.py");
    assert!(s.contains("ModuleNotFoundError") && s.contains("torchvision_not_installed"), "{s}");
    let (s, _) = text_of("tests/practice/broken/returns_none.py");
    assert!(s.contains(p.returned_none), "{s}");
    let (s, _) = text_of("tests/practice/broken/wrong_shape.py");
    assert!(s.contains(&(p.shape_differs)(p.whole, "1×2", "2")), "{s}");
    let (s, _) = text_of("tests/practice/broken/half_done.py");
    assert!(s.contains(&(p.not_written)("conv2d_backward")) && s.contains(&(p.cases_pass)(5, 10)), "{s}");
    // Printing, even a fake reply line, does not confuse the checker.
    let (s, code) = text_of("tests/practice/broken/garbage.py");
    assert!(s.contains(&(p.passed)(4)) && code == 0, "{s}");
    // Memory is limited: a huge allocation fails inside Python.
    let (s, _) = text_of("tests/practice/broken/eats_memory.py");
    assert!(s.contains("MemoryError"), "{s}");
    // Bytes that are not UTF-8, with no coding line: Python refuses to run
    // the file, so the check does too, at the line (even for a comment).
    let (s, code) = text_of("tests/practice/broken/latin1_without_coding_line.py");
    assert!(s.contains("UnicodeDecodeError") && s.contains("line 5:"), "{s}");
    assert_eq!(code, 1);
    // Right numbers from code that changes its caller's array in place.
    let (s, code) = text_of("tests/practice/broken/changes_input.py");
    assert!(s.contains(&(p.mutated)(1, "backward_gradient", "grad_out")) && s.contains(p.mutated_fix), "{s}");
    assert_eq!(code, 1);
    let (s, code) = text_of("tests/practice/broken/no_exercise.py");
    assert!(s.contains("--exercise") && code == 2, "{s}");
}

#[test]
fn a_file_that_never_returns_is_stopped_with_its_children() {
    let dir = temp("loop");
    let marker = dir.join("child-alive");
    // The learner's code starts a child that would outlive it, then loops.
    std::fs::write(
        dir.join("loops.py"),
        format!(
            "import subprocess\nsubprocess.Popen(['sh', '-c', 'sleep 4; touch {}'])\n\ndef posterior(prior, likelihood):\n    while True:\n        pass\n",
            marker.display()
        ),
    )
    .unwrap();
    // Found (or made) before the clock starts.
    python();
    let start = std::time::Instant::now();
    // A short limit keeps the test quick; the default (10 s) is the same code.
    let out = deepstep(&["practice", "check", "loops.py", "--time-limit", "2"], &dir);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains(&(deepstep::text::EN.practice.timed_out)(2)), "{s}");
    assert_eq!(out.status.code(), Some(1));
    let took = start.elapsed();
    assert!(took >= std::time::Duration::from_secs(2) && took < std::time::Duration::from_secs(4), "{took:?}");
    // Past the moment the child would have written its marker.
    std::thread::sleep(std::time::Duration::from_secs(4));
    assert!(!marker.exists(), "the process group was not killed");
}

#[test]
fn init_writes_every_exercise_and_never_overwrites() {
    let dir = temp("init");
    let out = deepstep(&["practice", "init", "ex"], &dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for e in Exercise::ALL {
        let body = std::fs::read_to_string(dir.join("ex").join(e.file())).unwrap();
        assert!(body.contains(&format!("def {}(", e.functions()[0])) && body.contains("# TODO"), "{body}");
        assert!(body.contains((deepstep::text::EN.practice.task)(e)));
    }
    assert!(dir.join("ex/README.md").is_file());
    // The learner's work survives a second init; a deleted file comes back.
    let mine = "def posterior(prior, likelihood):\n    return prior  # my work\n";
    std::fs::write(dir.join("ex/posterior.py"), mine).unwrap();
    std::fs::remove_file(dir.join("ex/mle.py")).unwrap();
    let out = deepstep(&["practice", "init", "ex"], &dir);
    let s = String::from_utf8_lossy(&out.stdout);
    assert_eq!(std::fs::read_to_string(dir.join("ex/posterior.py")).unwrap(), mine);
    assert!(dir.join("ex/mle.py").is_file());
    assert!(
        s.contains(&(deepstep::text::EN.practice.kept)(&Path::new("ex").join("posterior.py").display().to_string())),
        "{s}"
    );
    // The files as written are "not started"; checked by name from the default folder.
    std::fs::rename(dir.join("ex"), dir.join("deepstep-practice")).unwrap();
    let out = deepstep(&["practice", "check", "rnn-bptt"], &dir);
    assert!(String::from_utf8_lossy(&out.stdout).contains(deepstep::text::EN.practice.not_started));
    assert_eq!(out.status.code(), Some(1));
    // In Korean the task is in Korean.
    let out = deepstep(&["--lang", "ko", "practice", "init", "ko"], &dir);
    assert!(out.status.success());
    let body = std::fs::read_to_string(dir.join("ko/rnn_bptt.py")).unwrap();
    assert!(body.contains((deepstep::text::KO.practice.task)(Exercise::Bptt)));
    // A file in the way of the folder is refused, untouched.
    std::fs::write(dir.join("afile"), "keep").unwrap();
    let out = deepstep(&["practice", "init", "afile"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(dir.join("afile")).unwrap(), "keep");
}

#[test]
fn usage_errors_exit_2_with_a_way_out() {
    let dir = temp("usage");
    let p = &deepstep::text::EN.practice;
    let out = deepstep(&["practice", "check"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&(p.no_folder)("deepstep-practice")));
    let out = deepstep(&["practice", "check", "nothing-here"], &dir);
    assert_eq!(out.status.code(), Some(2));
    let f = root().join("tests/practice/posterior.py");
    let out = deepstep(&["practice", "check", "--exercise", "nope", f.to_str().unwrap()], &dir);
    assert_eq!(out.status.code(), Some(2));
    // A time limit of nothing or of more than an hour is refused, naming the range.
    for bad in ["0", "3601", "-1", "ten"] {
        let out = deepstep(&["practice", "check", "--time-limit", bad, f.to_str().unwrap()], &dir);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--time-limit"), "{bad}");
    }
    let out = deepstep(&["practice", "check", "--python", "/nonexistent/python", f.to_str().unwrap()], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/python"));
    // A Python without numpy is named, with the command that installs it.
    let venv = dir.join("bare");
    let made = Command::new("python3").args(["-m", "venv", "--without-pip"]).arg(&venv).status();
    if made.is_ok_and(|s| s.success()) {
        let bare = venv.join("bin/python");
        let out = deepstep(&["practice", "check", "--python", bare.to_str().unwrap(), f.to_str().unwrap()], &dir);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains(&(p.no_numpy)(&bare.display().to_string())));
    }
    // --exercise checks a file of any name as that exercise.
    let out = deepstep(
        &[
            "practice",
            "check",
            "--exercise",
            "posterior",
            root().join("tests/practice/broken/returns_none.py").to_str().unwrap(),
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn ctrl_c_during_a_check_stops_the_learners_python_too() {
    let dir = temp("sigint");
    let started = common::looping_practice_file(dir.join("loops.py"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_deepstep"))
        .args(["practice", "check", "loops.py"])
        .current_dir(&dir)
        .env("DEEPSTEP_PYTHON", python())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let py = started();
    // SAFETY: sends SIGINT to the deepstep this test started.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(128 + libc::SIGINT));
    assert!(common::gone(py), "the learner's Python outlived deepstep");
}

/// Several files are checked two at a time: two that never return both
/// start (one after the other, the second never would), and Ctrl-C stops
/// both of the learner's Pythons.
#[test]
fn two_files_are_checked_at_once_and_ctrl_c_stops_both() {
    let dir = temp("sigint-two");
    let first = common::looping_practice_file(dir.join("loops_a.py"));
    let second = common::looping_practice_file(dir.join("loops_b.py"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_deepstep"))
        .args(["practice", "check", "loops_a.py", "loops_b.py"])
        .current_dir(&dir)
        .env("DEEPSTEP_PYTHON", python())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut running = vec![first()];
    // One core: one check at a time, as `check_each` is told.
    if std::thread::available_parallelism().map_or(1, |n| n.get()) >= 2 {
        running.push(second());
    }
    // SAFETY: sends SIGINT to the deepstep this test started.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    assert_eq!(child.wait().unwrap().code(), Some(128 + libc::SIGINT));
    for py in running {
        assert!(common::gone(py), "a learner's Python outlived deepstep");
    }
}

#[test]
fn print_checks_the_folder_and_the_screen_needs_a_terminal() {
    let dir = temp("print");
    let folder = dir.join("deepstep-practice");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(root().join("tests/practice/mistakes/gd-sign.py"), folder.join("gradient_descent.py")).unwrap();
    std::fs::copy(root().join("tests/practice/posterior.py"), folder.join("posterior.py")).unwrap();
    let out = deepstep(&["practice", "--print"], &dir);
    let s = String::from_utf8_lossy(&out.stdout);
    let (what, _) = (deepstep::text::EN.practice.mistake)(Exercise::GdStep.mistakes()[3]);
    assert!(s.contains(&what) && s.contains(&(deepstep::text::EN.practice.passed)(4)), "{s}");
    assert_eq!(out.status.code(), Some(1));
    // Without a terminal the screen refuses before running anything, and says what to use.
    let out = deepstep(&["practice"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("deepstep practice --print"));
}

/// A loop that misses an end: the first differing k of grad_over_time says
/// which end (T = 4 in the first case), and Korean gets the Korean words.
#[test]
fn a_loop_that_misses_an_end_shows_where_grad_over_time_first_differs() {
    let dir = root().join("tests/practice/mistakes");
    let reports = verdicts(&[dir.join("rnn-loop-skips-k1.py"), dir.join("rnn-loop-skips-kt.py")]);
    assert_eq!(reports[0]["first_failing_case"]["first_k"], 0, "{:#}", reports[0]);
    assert_eq!(reports[1]["first_failing_case"]["first_k"], 3, "{:#}", reports[1]);
    let out = deepstep(&["--lang", "ko", "practice", "check", "tests/practice/mistakes/return-structure.py"], &root());
    let s = String::from_utf8_lossy(&out.stdout);
    let family =
        Mistake::Family(Family { kind: Kind::OnlyPart, function: "backward_gradient", part: Part::At(0), only: 0 });
    let (what, fix) = (deepstep::text::KO.practice.mistake)(family);
    assert!(s.contains(&what) && s.contains(&fix) && what.contains("빠진 것: grad_over_time"), "{s}");
}
