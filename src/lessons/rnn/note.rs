//! The RNN lab as a study note: the knobs, the timeline so far (||h_t||
//! forward, ||dL/dh_t|| backward), the measured rate and the explanation.

use super::lab::{Phase, RnnLab};
use super::view::{cell_name, explanation, knob_rows, rate_line};
use crate::lessons::notes::{Note, Section};
use crate::math::format::{num, pow10};
use crate::text::Text;
use crate::ui::width::pad_start;

pub fn note(lab: &RnnLab, t: &Text) -> Note {
    let r = &t.rnn;
    let n = &t.note;
    let settings: Vec<String> =
        knob_rows(lab, t).into_iter().map(|(name, value)| format!("- {name}: {value}")).collect();
    let mut steps = vec![format!("{:>5}  {:>10}  {:>10}  {:>12}", r.row_t, r.row_h, r.row_x, r.row_dh)];
    for step in 1..=lab.len() {
        if !lab.h_shown(step) && !lab.dh_shown(step) {
            continue;
        }
        let h = if lab.h_shown(step) { pow10(lab.h_log10[step - 1]) } else { "?".into() };
        let l = lab.dh_log10[step - 1];
        let dh = match (lab.dh_shown(step), l.is_finite()) {
            (false, _) => "?".to_string(),
            (true, true) => pow10(l),
            (true, false) => format!("0 ({})", r.cut),
        };
        steps.push(format!("{step:>5}  {h:>10}  {:>10}  {}", num(lab.x_norm[step - 1]), pad_start(&dh, 12)));
    }
    let phase = if lab.view.phase == Phase::Forward { r.phase_forward } else { r.phase_backward };
    let mut measured = vec![phase.to_string(), (r.step_of)(lab.view.step, lab.len())];
    // The rate the screen shows: over the steps BPTT has reached (D22).
    measured.push(rate_line(lab, t));
    if lab.view.phase == Phase::Backward
        && let Some((wx, wrec)) = lab.running.get(lab.view.step - 1)
    {
        measured.push((if lab.run.grads.clip.is_some() { r.running_before_clip } else { r.running })(
            &pow10(*wx),
            &pow10(*wrec),
        ));
    }
    if let Some(c) = lab.run.grads.clip {
        measured.push((r.clip)(&num(c.threshold), &pow10(c.log10_norm_before), &pow10(c.log10_norm_after)));
    }
    Note {
        stem: "rnn",
        title: format!("{} ({})", r.title, cell_name(t, lab.settings.cell)),
        sections: vec![
            Section::text(n.settings, settings),
            Section::code(n.steps, steps),
            Section::code(
                n.formulas,
                vec![
                    r.cell_formulas[lab.settings.cell.index()].to_string(),
                    if lab.settings.cell == crate::math::rnn::CellKind::Lstm {
                        r.lstm_backward_formula
                    } else {
                        r.backward_formula
                    }
                    .to_string(),
                ],
            ),
            Section::text(n.measured, measured),
            Section::text(n.explanation, vec![explanation(lab, t), r.row_column.to_string()]),
        ],
    }
}
