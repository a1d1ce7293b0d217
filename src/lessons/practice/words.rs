//! A check's report in words (the screen and `practice check`) and as JSON.

use crate::math::format::num;
use crate::practice::check::{Failure, Place, PyError, Report, Unreadable, Verdict};
use crate::practice::value::{Difference, shape_text};
use crate::text::Text;
use serde_json::{Value, json};

fn place(t: &Text, p: Place) -> String {
    match p {
        Place::Line(l) => (t.practice.at_line)(l),
        Place::Cell { cell, line } => (t.practice.at_cell)(cell, line),
    }
}

fn traceback(t: &Text, e: &PyError, out: &mut Vec<String>) {
    for (p, code) in &e.frames {
        out.push(format!("  {}: {code}", place(t, *p)));
    }
}

fn difference(t: &Text, d: &Difference) -> String {
    let at = |i: &str| if i.is_empty() { t.practice.whole.to_string() } else { i.to_string() };
    match d {
        Difference::Value { index, got, want } => (t.practice.differs_at)(&at(index), &num(*got), &num(*want)),
        Difference::Shape { index, got, want } => {
            (t.practice.shape_differs)(&at(index), &shape_text(got), &shape_text(want))
        }
        Difference::Kind { index, got, want } => (t.practice.kind_differs)(&at(index), got, want),
    }
}

fn failure(t: &Text, f: &Failure, out: &mut Vec<String>) {
    let p = &t.practice;
    out.push((p.first_failure)(f.case, f.function));
    out.push(format!("  {}:", p.inputs));
    for (name, v) in &f.inputs {
        out.push(format!("    {name} = {v}"));
    }
    out.push(format!("  {}: {}", p.expected, f.expected));
    out.push(format!("  {}: {}", p.got, f.got));
    if f.got == "None" {
        out.push(format!("  {}", p.returned_none));
    }
    match &f.difference {
        // A value of the wrong kind is already plain from "got" and "expected".
        Some(Difference::Kind { index, .. }) if index.is_empty() => {}
        Some(d) => out.push(format!("  {}", difference(t, d))),
        None => {}
    }
    if let Some(k) = f.first_k {
        out.push(format!("  {}", (p.first_k)(k)));
    }
}

/// The report as lines: the verdict, then what shows it.
pub fn lines(t: &Text, r: &Report) -> Vec<String> {
    let p = &t.practice;
    let mut out = vec![];
    match &r.verdict {
        Verdict::Passed => out.push((p.passed)(r.cases_run)),
        Verdict::NotStarted => out.push(p.not_started.to_string()),
        Verdict::Mistake { mistake, failure: f } => {
            let (what, fix) = (p.mistake)(*mistake);
            out.push(format!("{}: {what}", p.named_mistake));
            out.push(format!("{}: {fix}", p.fix));
            out.push((p.cases_pass)(r.cases_passed, r.cases_run));
            failure(t, f, &mut out);
        }
        Verdict::Wrong(f) => {
            out.push((p.cases_pass)(r.cases_passed, r.cases_run));
            failure(t, f, &mut out);
        }
        Verdict::Raised { function, error, .. } if error.kind == "NotImplementedError" => {
            out.push((p.not_written)(function));
            out.push((p.cases_pass)(r.cases_passed, r.cases_run));
        }
        Verdict::Raised { case, function, error } => {
            out.push((p.raised)(*case, function, &error.kind, &error.message));
            traceback(t, error, &mut out);
        }
        Verdict::Mutated { case, function, input } => {
            out.push((p.mutated)(*case, function, input));
            out.push(format!("{}: {}", p.fix, p.mutated_fix));
        }
        Verdict::Load(e) => {
            out.push((p.load_failed)(&e.kind, &e.message));
            traceback(t, e, &mut out);
        }
        Verdict::Missing { function } => out.push((p.missing)(function)),
        Verdict::Unknown => {
            let all: Vec<&str> = crate::practice::exercise::Exercise::ALL.iter().map(|e| e.functions()[0]).collect();
            out.push((p.unknown)(&all.join(", ")));
        }
        Verdict::Unreadable(why) => out.push((p.unreadable)(&match why {
            Unreadable::NotAFile => p.not_a_file.to_string(),
            Unreadable::TooLarge(mb) => (p.too_large)(*mb),
            Unreadable::Notebook(e) | Unreadable::Io(e) => e.clone(),
        })),
        Verdict::NoPython => out.push(p.no_python.to_string()),
        Verdict::NoNumpy { python } => out.push((p.no_numpy)(&python.display().to_string())),
        Verdict::PythonFailed { python, why } => out.push((p.python_failed)(&python.display().to_string(), why)),
        Verdict::TimedOut { seconds } => out.push((p.timed_out)(*seconds)),
        Verdict::Crashed { status, stderr } => {
            out.push((p.crashed)(status));
            out.extend(stderr.lines().map(|l| format!("  {l}")));
        }
    }
    out
}

/// One exercise's result as a JSON object: the verdict's fields, and
/// `lines`, the verdict in words as `practice check` prints it.
pub fn json(t: &Text, r: &Report) -> Value {
    let (diagnosis_id, diagnosis, fix) = match &r.verdict {
        Verdict::Mistake { mistake, .. } => {
            let (what, fix) = (t.practice.mistake)(*mistake);
            (Some(mistake.id()), Some(what.to_string()), Some(fix.to_string()))
        }
        Verdict::Mutated { .. } => {
            (Some("changes-input-in-place"), lines(t, r).first().cloned(), Some(t.practice.mutated_fix.to_string()))
        }
        Verdict::Passed => (None, None, None),
        _ => (None, lines(t, r).first().cloned(), None),
    };
    let first = match &r.verdict {
        Verdict::Mistake { failure: f, .. } | Verdict::Wrong(f) => json!({
            "case": f.case,
            "function": f.function,
            "inputs": f.inputs.iter().map(|(n, v)| json!({"name": n, "value": v})).collect::<Vec<_>>(),
            "expected": f.expected,
            "got": f.got,
            "difference": f.difference.as_ref().map(|d| difference(t, d)),
            "first_k": f.first_k,
        }),
        Verdict::Raised { case, function, error } => json!({
            "case": case,
            "function": function,
            "raised": error.kind,
            "message": error.message,
        }),
        Verdict::Mutated { case, function, input } => json!({
            "case": case,
            "function": function,
            "changed_input": input,
        }),
        _ => Value::Null,
    };
    json!({
        "name": r.exercise.map(|e| e.id()),
        "file": r.path.display().to_string(),
        "passed": r.passed(),
        "cases_run": r.cases_run,
        "cases_passed": r.cases_passed,
        "diagnosis_id": diagnosis_id,
        "diagnosis": diagnosis,
        "fix": fix,
        "first_failing_case": first,
        "lines": lines(t, r),
    })
}
