//! The counting-ones lab as a study note: the weights and data, sequence 1's
//! forward pass, the BPTT loop so far, the gradient check and the mistakes.

use super::lab::CountLab;
use super::view::{table_foot, table_lines};
use crate::lessons::notes::{Note, Section, plain};
use crate::math::format::{num, num_value};
use crate::text::Text;
use crate::ui::theme::Theme;

pub fn note(lab: &CountLab, t: &Text) -> Note {
    let c = &t.count;
    let n = &t.note;
    let theme = Theme::MONO;
    let data = if lab.use_tutorial { c.data_tutorial } else { c.data_random };
    let settings = vec![
        format!("- {}", (c.weights)(&num(lab.w.0), &num(lab.w.1), &num(lab.fwd.loss))),
        format!("- {data}"),
        format!("- {}", (c.lr)(&num(lab.lr))),
    ];
    // The whole table: every row, the forward pass's x_k and S_{k−1}, and
    // the loop's columns for the iterations run so far.
    let (head, rows, _) = table_lines(lab, t, &theme);
    let mut steps = vec![(c.table_title)(lab.x.nrows())];
    steps.extend(plain(&head));
    steps.extend(plain(&rows));
    steps.extend(plain(&table_foot(lab, t, &theme)));
    let ck = &lab.check;
    // As on screen: gradients that happen to be whole in the app's format (D25).
    let num = num_value;
    let mut checks = vec![
        (c.check_row)("dL/dw_x", &num(ck.analytic.0), &num(ck.numeric.0), &num(ck.rel_error.0)),
        (c.check_row)("dL/dw_rec", &num(ck.analytic.1), &num(ck.numeric.1), &num(ck.rel_error.1)),
        String::new(),
        c.mistakes.to_string(),
        (c.right_row)(&num(lab.back.g_w_x), &num(lab.back.g_w_rec)),
    ];
    for (i, (_, g, off)) in lab.mistakes.iter().enumerate() {
        checks.push((c.mistake_row)(c.mistake_names[i], &num(g.0), &num(g.1), &num(*off)));
    }
    Note {
        stem: "counting-rnn",
        title: c.title.to_string(),
        sections: vec![
            Section::text(n.settings, settings),
            Section::code(n.steps, steps),
            Section::code(n.formulas, c.loop_formulas.iter().map(|f| f.to_string()).collect()),
            Section::code(c.check, checks),
            Section::text(n.explanation, vec![c.loop_why.to_string(), t.rnn.row_column.to_string()]),
        ],
    }
}
