//! `deepstep lab gd --print`: the function and its derivative, every
//! iterate of the run at full precision, why it ended, then `x=`, `f=`,
//! `steps=` and `converged=` for scripts and tests.

use super::lab::GdLab;
use super::words;
use crate::math::format::exact;
use crate::text::Text;
use std::fmt::Write;

/// A number that reads back as the same f64, short: integers without `.0`,
/// others as Rust's shortest round-trip form (`8.487e99` style for the large).
fn full(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 { exact(x) } else { format!("{x:?}") }
}

fn list(v: &[f64]) -> String {
    v.iter().map(|x| full(*x)).collect::<Vec<_>>().join(",")
}

/// The lines `deepstep lab gd --print` writes (the lab at its last step).
pub fn print(lab: &GdLab, t: &Text) -> String {
    let mut out = String::new();
    for line in words::formula_lines(lab) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "{}", words::check_line_at(lab, 0, t));
    for (k, it) in lab.run.iterates.iter().enumerate() {
        let _ = writeln!(out, "step={k} x={} f={} grad={}", list(&it.x), full(it.f), list(&it.true_grad));
    }
    let _ = writeln!(out, "{}", words::outcome_text(&lab.run, &lab.settings, t));
    let last = lab.run.last();
    let _ = writeln!(
        out,
        "x={}\nf={}\nsteps={}\nconverged={}",
        list(&last.x),
        full(last.f),
        lab.run.steps,
        lab.run.converged()
    );
    out
}
