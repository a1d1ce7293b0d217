//! The convolution lab as a study note: the knobs, the size formulas, the
//! frames so far with their arithmetic, and why the mode works as it does.

use super::lab::{ConvLab, Mode};
use super::view::knob_rows;
use crate::lessons::notes::{Note, Section};
use crate::text::Text;

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
    let frames: Vec<String> = (0..=lab.frame.min(total.saturating_sub(1)))
        .map(|f| {
            let shown = if f == lab.frame { lab.shown_taps() } else { usize::MAX };
            format!("{} {}/{}: {}", c.frame_label, f + 1, total, lab.equation_of(f, shown, c.running_sum))
        })
        .collect();
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
