//! The gradient-descent lab as a study note: the settings, the function and
//! its derivative, the iterations so far with their updates, and the
//! explanation chosen from the run's numbers.

use super::lab::GdLab;
use super::view::{knob_rows, status_text};
use super::words;
use crate::lessons::notes::{Note, Section};
use crate::text::Text;

/// The iterations written out, at most this many (the first and the last ones).
const MAX_ROWS: usize = 40;

pub fn note(lab: &GdLab, t: &Text) -> Note {
    let n = &t.note;
    let mut settings = vec![format!("- {}", status_text(lab, t))];
    settings.extend(knob_rows(lab, t).into_iter().map(|(_, name, v)| format!("- {name}: {v}")));
    let mut formulas = words::formula_lines(lab);
    formulas.push(words::check_line(lab, t));
    let shown = lab.shown.min(lab.run.iterates.len() - 1);
    let its = &lab.run.iterates[..=shown];
    let mut steps = vec![];
    for (k, it) in its.iter().enumerate() {
        if its.len() > MAX_ROWS && k == MAX_ROWS / 2 {
            steps.push("...".to_string());
        }
        if its.len() > MAX_ROWS && (MAX_ROWS / 2..its.len() - MAX_ROWS / 2).contains(&k) {
            continue;
        }
        if k > 0 {
            steps.extend(words::update_lines(&its[k - 1], it, lab.settings.lr, lab.settings.bug));
        }
        steps.push(words::state_line(k, it));
    }
    let skip = words::formula_lines(lab).len() + 1;
    let explanation: Vec<String> = words::loop_lines(lab, t).into_iter().skip(skip).collect();
    Note {
        stem: "gradient-descent",
        title: t.gd.title.to_string(),
        sections: vec![
            Section::text(n.settings, settings),
            Section::code(n.formulas, formulas),
            Section::code(n.steps, steps),
            Section::text(n.explanation, explanation),
        ],
    }
}
