//! The convolution lab as a study note: the knobs, the size formulas, the
//! frames so far with their arithmetic, and why the mode works as it does.

use super::lab::{ConvLab, Mode};
use super::view::knob_rows;
use crate::lessons::notes::{Note, Section};
use crate::text::Text;

/// The most frames a note writes out (the latest ones).
pub const NOTE_FRAMES: usize = 50;

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
        // Settings once; then each mode's formulas, frames and why under its name.
        for (k, mut s) in one.sections.into_iter().enumerate() {
            if k == 0 && i > 0 {
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
