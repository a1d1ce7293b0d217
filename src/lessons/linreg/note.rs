//! The linear-regression lab as a study note: the settings, every update so
//! far with β and the loss, the least-squares answer, and the error measures
//! with the gradient actually used.

use super::lab::LinregLab;
use super::view::{limit_warning, list, measure_index, rate_text};
use crate::lessons::notes::{Note, Section};
use crate::math::format::num;
use crate::text::Text;

/// The updates written out, at most this many (the first and the last ones).
const MAX_ROWS: usize = 60;

pub fn note(lab: &LinregLab, t: &Text) -> Note {
    let c = &t.linreg;
    let n = &t.note;
    let title = super::view::title(&lab.line, lab.features, t);
    let mode = lab.batch.map_or(c.mode_gd.to_string(), |b| (c.mode_sgd)(b));
    let (w, u) = (measure_index(lab.measure), measure_index(lab.gradient));
    let settings = vec![
        format!("- {mode}"),
        format!("- {}", rate_text(lab, t)),
        format!("- {}: {}   {}: {}", c.watched, c.measure_names[w], c.used, c.measure_names[u]),
    ];
    let rows = lab.betas.len();
    let mut steps: Vec<String> = (0..rows)
        .filter(|i| rows <= MAX_ROWS || *i < MAX_ROWS / 2 || *i >= rows - MAX_ROWS / 2)
        .map(|i| {
            let loss = num(lab.losses.get(i).copied().unwrap_or(f64::NAN));
            (c.state)(i, &list(&lab.betas[i]), &(c.beta_names)(lab.features), &loss)
        })
        .collect();
    if rows > MAX_ROWS {
        steps.insert(MAX_ROWS / 2, "...".to_string());
    }
    steps.push((c.lstsq)(&list(&lab.least_squares)));
    if lab.diverged {
        steps.push(c.diverged.to_string());
    }
    let (gw, gu) = lab.gradients();
    let mut formulas = vec![c.formulas[w].to_string()];
    if u != w {
        formulas.push(c.formulas[u].to_string());
    }
    formulas.push((c.gradient_values)(c.measure_names[w], &list(&gw), c.measure_names[u], &list(&gu)));
    let why = match lab.mismatch() {
        Some(r) if lab.gradient != lab.measure => (c.mismatch)(c.measure_names[u], c.measure_names[w], &num(r)),
        _ => c.matched.to_string(),
    };
    let mut explanation = vec![why];
    explanation.extend(limit_warning(lab, t).map(str::to_string));
    Note {
        stem: "linear-regression",
        title: title.to_string(),
        sections: vec![
            Section::text(n.settings, settings),
            Section::code(n.steps, steps),
            Section::code(n.formulas, formulas),
            Section::text(n.explanation, explanation),
        ],
    }
}
