//! The convolution lab as a study note: the knobs, the size formulas, the
//! frames so far with their arithmetic, and why the mode works as it does.

use super::lab::{ConvLab, Mode};
use super::view::knob_rows;
use crate::lessons::notes::{Note, Section};
use crate::math::format::num;
use crate::text::Text;

/// The most frames a note writes out (the latest ones).
pub const NOTE_FRAMES: usize = 50;

/// Where the matrices are among a note's sections.
const MATRICES: usize = 2;

/// The largest side of a matrix a note writes out (a larger one is named with its size).
pub const NOTE_SIDE: usize = 12;

/// A matrix as aligned rows under its name; `shown(i, j)` false writes `?`.
fn matrix(name: String, m: ndarray::ArrayView2<f64>, shown: impl Fn(usize, usize) -> bool, t: &Text) -> Vec<String> {
    let (rows, cols) = m.dim();
    if rows > NOTE_SIDE || cols > NOTE_SIDE {
        return vec![(t.note.matrix_too_large)(&name, rows, cols), String::new()];
    }
    let cells: Vec<Vec<String>> = (0..rows)
        .map(|i| (0..cols).map(|j| if shown(i, j) { num(m[[i, j]]) } else { "?".to_string() }).collect())
        .collect();
    let w = cells.iter().flatten().map(|s| s.chars().count()).max().unwrap_or(1);
    let mut out = vec![format!("{name}:")];
    out.extend(cells.iter().map(|row| row.iter().map(|s| format!("{s:>w$}")).collect::<Vec<_>>().join("  ")));
    out.push(String::new());
    out
}

/// The input, every kernel and the output, as the screen has them: output
/// cells the forward pass has not reached yet are `?`.
fn matrices(lab: &ConvLab, t: &Text) -> Vec<String> {
    let c = &t.conv;
    let d = &lab.data;
    let g = &d.geometry;
    let named =
        |base: &str, k: usize, n: usize| if n > 1 { format!("{base} ({})", (c.channel)(k)) } else { base.to_string() };
    let mut out = vec![];
    for ci in 0..g.c_in {
        out.extend(matrix(named(c.input, ci, g.c_in), d.x.index_axis(ndarray::Axis(0), ci), |_, _| true, t));
    }
    for co in 0..g.c_out {
        for ci in 0..g.c_in {
            let w = d.w.index_axis(ndarray::Axis(0), co);
            let name = if g.c_out * g.c_in > 1 { format!("{} [{co},{ci}]", c.kernel) } else { c.kernel.to_string() };
            out.extend(matrix(name, w.index_axis(ndarray::Axis(0), ci), |_, _| true, t));
        }
    }
    let [oh, ow] = g.output;
    for co in 0..g.c_out {
        // In the forward pass, frame f is output cell f: later ones are not computed yet.
        let done = |i: usize, j: usize| lab.mode != Mode::Forward || co * oh * ow + i * ow + j <= lab.frame;
        out.extend(matrix(named(c.output, co, g.c_out), d.y.index_axis(ndarray::Axis(0), co), done, t));
    }
    out.pop();
    out
}

pub fn note(lab: &ConvLab, t: &Text) -> Note {
    let c = &t.conv;
    let n = &t.note;
    let (mode, why, formula) = match lab.mode {
        Mode::Forward => (c.mode_forward, c.mode_explain_forward, c.forward_formula),
        Mode::GradW => (c.mode_grad_w, c.mode_explain_grad_w, c.grad_w),
        Mode::GradX => (c.mode_grad_x, c.mode_explain_grad_x, c.grad_x),
    };
    let mut settings: Vec<String> =
        knob_rows(lab, t).into_iter().map(|(name, value)| format!("- {name}: {value}")).collect();
    settings.push(format!("- {}: {}", c.linked, if lab.linked { c.on } else { c.off }));
    let total = lab.frame_count();
    let last = lab.frame.min(total.saturating_sub(1));
    // A note holds the latest frames only: a large convolution has thousands.
    let first = (last + 1).saturating_sub(NOTE_FRAMES);
    let mut frames: Vec<String> = vec![];
    if first > 0 {
        frames.push((n.frames_omitted)(first));
    }
    frames.extend((first..=last).map(|f| {
        let shown = if f == lab.frame { lab.shown_taps() } else { usize::MAX };
        format!("{} {}/{}: {}", c.frame_label, f + 1, total, lab.equation_of(f, shown, c.running_sum))
    }));
    Note {
        stem: "convolution",
        title: format!("{} ({mode})", c.title),
        sections: vec![
            Section::text(n.settings, settings),
            Section::code(n.formulas, vec![lab.size_formula(0), lab.size_formula(1), formula.to_string()]),
            Section::code(n.matrices, matrices(lab, t)),
            Section::code(n.steps, frames),
            Section::text(n.explanation, vec![why.to_string()]),
        ],
    }
}

/// `conv --print --format markdown`: every frame of the forward pass and,
/// with `backward`, of dW and dX too, each mode with its formula and why.
pub fn print_note(lab: &ConvLab, t: &Text, backward: bool) -> Note {
    let modes: &[Mode] = if backward { &[Mode::Forward, Mode::GradW, Mode::GradX] } else { &[Mode::Forward] };
    let mut lab = lab.clone();
    let mut note = Note { stem: "convolution", title: t.conv.title.to_string(), sections: vec![] };
    for (i, &mode) in modes.iter().enumerate() {
        lab.mode = mode;
        lab.frame = lab.frame_count().saturating_sub(1);
        lab.tap = None;
        let one = self::note(&lab, t);
        // Settings and the matrices once; then each mode's formulas, frames
        // and why under its name.
        for (k, mut s) in one.sections.into_iter().enumerate() {
            if (k == 0 || k == MATRICES) && i > 0 {
                continue;
            }
            if k > 0 && backward {
                s.heading = format!("{} ({})", s.heading, mode_name(mode, t));
            }
            note.sections.push(s);
        }
    }
    note
}

fn mode_name(mode: Mode, t: &Text) -> &'static str {
    match mode {
        Mode::Forward => t.conv.mode_forward,
        Mode::GradW => t.conv.mode_grad_w,
        Mode::GradX => t.conv.mode_grad_x,
    }
}
