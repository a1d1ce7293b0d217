//! The maximum-likelihood lab as a study note: the settings, the sample (or
//! counts), the derivation so far with the numbers, and (normal) the bias
//! experiment and the mistakes.

use super::lab::MleLab;
use super::view::knob_rows;
use super::words;
use crate::lessons::notes::{Note, Section};
use crate::math::format::num;
use crate::text::Text;

pub fn note(lab: &MleLab, t: &Text) -> Note {
    let m = &t.mle;
    let n = &t.note;
    // The knobs only: the status line (panel, line, predict) is where the learner was, not a setting (D22).
    let settings: Vec<String> = knob_rows(lab, t).into_iter().map(|(_, name, v)| format!("- {name}: {v}")).collect();
    let data = match &lab.normal {
        Some(st) => st.x.iter().map(|v| num(*v)).collect::<Vec<_>>().join(", "),
        None => lab.counts.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(", "),
    };
    let mut sections = vec![
        Section::text(n.settings, settings),
        Section::code(if lab.normal.is_some() { m.sample_points } else { m.counts_title }, vec![data]),
        Section::text(m.derivation_title, words::derivation(lab, words::Place::Print, t)),
    ];
    if let Some(st) = &lab.normal {
        sections.push(Section::text(m.surface_title, words::surface_lines(st, t)));
        sections.push(Section::text(m.bias_title, words::bias_lines(st, t)));
        let mut lines: Vec<String> =
            words::mistake_lines(st, t).into_iter().map(|(name, what)| format!("{name}: {what}")).collect();
        lines.push((m.right_row)(&num(st.fit.mu), &num(st.fit.sigma)));
        sections.push(Section::text(m.mistakes_title, lines));
    }
    Note { stem: "mle", title: m.title.to_string(), sections }
}
