//! The RNN lab's unrolled timeline: the per-step norms, the equation of the
//! phase, the loss, and the vectors of the step just computed. What does not
//! fit gives way in an order that keeps the step's own numbers: the vectors
//! first (shortened, with `… N in all`), then the equation, then the loss.

use super::lab::{Action, Phase, RnnLab, StepVector};
use crate::math::format::{num, pow10, signed_pow10};
use crate::math::rnn::CellKind;
use crate::text::Text;
use crate::ui::chrome::panel;
use crate::ui::drawn::Draw;
use crate::ui::theme::Theme;
use crate::ui::width::{pad_end, pad_start, width, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub type Hits = Vec<(Rect, Action)>;

const LABEL_W: u16 = 13;
/// The narrowest column: "[30]->" and a 4-digit number with room to spare.
const MIN_COL_W: usize = 10;

/// The first step shown when `cols` steps fit: the current step stays in view.
fn first_visible(lab: &RnnLab, cols: usize) -> usize {
    let t_len = lab.len();
    if cols >= t_len {
        return 1;
    }
    lab.view.step.saturating_sub(cols / 2).clamp(1, t_len + 1 - cols)
}

/// The texts of step `step`'s cells: ||h_t||, ||x_t||, ||dL/dh_t||.
fn cells(lab: &RnnLab, step: usize, t: &Text) -> [String; 3] {
    let h = if lab.h_shown(step) { pow10(lab.h_log10[step - 1]) } else { "?".into() };
    let l = lab.dh_log10[step - 1];
    let dh = match (lab.dh_shown(step), l.is_finite()) {
        (false, _) => "?".to_string(),
        // Cut by truncation: no gradient reaches this step.
        (true, false) => format!("0 {}", t.rnn.cut),
        (true, true) => pow10(l),
    };
    [h, num(lab.x_norm[step - 1]), dh]
}

/// Every column as wide as the widest cell of the run plus a space, so
/// that 3-digit exponents (9.245e-166) never run together or get cut.
fn column_width(lab: &RnnLab, t: &Text) -> usize {
    let widest = (1..=lab.len()).flat_map(|s| cells(lab, s, t)).map(|c| width(&c)).max().unwrap_or(0);
    (widest + 1).max(MIN_COL_W)
}

/// One vector as rows of `w` columns: every entry kept (wrapped) when
/// `whole`, else on one row with as many entries as fit and `… N in all`,
/// its norm after them where it fits with at least one entry (dL/dh's and
/// h's norms are in the rows above too; δ's fits beside its first entry).
fn vector_lines(v: &StepVector, name: &str, w: u16, whole: bool, t: &Text) -> Vec<Line<'static>> {
    let entries: Vec<String> = v.entries.iter().map(|(s, l)| signed_pow10(*s, *l)).collect();
    let norm = pow10(v.norm_log10);
    let more = (t.rnn.vector_more)(v.size);
    let row = |k: usize, with_norm: bool| {
        let mark = (k < v.size).then_some(more.as_str());
        let norm = with_norm.then_some(norm.as_str());
        crate::text::vector_row(name, &entries[..k], mark, norm)
    };
    if whole {
        return wrap(Line::raw(row(entries.len(), true)), w);
    }
    let with_norm = (1..=entries.len()).rev().map(|k| row(k, true));
    let without = (0..=entries.len()).rev().map(|k| row(k, false));
    match with_norm.chain(without).find(|r| width(r) <= w as usize) {
        Some(r) => vec![Line::raw(r)],
        None => wrap(Line::raw(row(0, false)), w),
    }
}

/// The timeline panel; its click areas jump to a step.
pub fn timeline(frame: &mut Frame, area: Rect, lab: &RnnLab, t: &Text, theme: &Theme) -> Hits {
    let block = panel(t.rnn.timeline, theme);
    let inner = block.inner(area);
    frame.bordered(block, area);
    let col_w = column_width(lab, t);
    let cols = (inner.width.saturating_sub(LABEL_W) as usize / col_w).max(1);
    let first = first_visible(lab, cols);
    let last = (first + cols - 1).min(lab.len());
    // No shaded log10 bar row: over a range of tens of decades it drew 1.0,
    // 0.60 and 0.49 alike; the ||dL/dh|| row and the chart below say it exactly.
    let labels = [t.rnn.row_t, t.rnn.row_h, t.rnn.row_x, t.rnn.row_dh];
    let mut rows: Vec<Vec<Span>> =
        labels.iter().map(|l| vec![Span::styled(pad_end(l, LABEL_W as usize), theme.dim)]).collect();
    let mut hits = Hits::new();
    for step in first..=last {
        let cur = step == lab.view.step;
        let st = if cur { theme.window } else { theme.text };
        let arrow = if step < lab.len() { "->" } else { "  " };
        let tl = if cur { format!("[{step}]") } else { step.to_string() };
        rows[0].push(Span::styled(format!("{}{arrow} ", pad_start(&tl, col_w - 3)), st));
        let [h, x, dh] = cells(lab, step, t);
        // Padded by display width: "0 잘림" is wider than its characters.
        rows[1].push(Span::styled(format!("{} ", pad_start(&h, col_w - 1)), st));
        rows[2].push(Span::styled(format!("{} ", pad_start(&x, col_w - 1)), theme.dim));
        rows[3].push(Span::styled(format!("{} ", pad_start(&dh, col_w - 1)), st));
        let x = inner.x + LABEL_W + ((step - first) * col_w) as u16;
        if x as usize + col_w <= inner.right() as usize {
            hits.push((Rect::new(x, inner.y, col_w as u16, inner.height), Action::JumpTo(step)));
        }
    }
    let mut lines: Vec<Line> = rows.into_iter().map(Line::from).collect();
    lines.extend(below_numbers(lab, t, theme, inner.width, inner.height.saturating_sub(4) as usize));
    frame.paragraph(Paragraph::new(lines), inner);
    hits
}

/// Under the numbers, in `room` rows: the equation the phase computes, the
/// loss, and the step's vectors (H ≤ 4: every entry; else the first four).
fn below_numbers(lab: &RnnLab, t: &Text, theme: &Theme, w: u16, room: usize) -> Vec<Line<'static>> {
    let formula = match (lab.view.phase, lab.settings.cell) {
        (Phase::Forward, cell) => crate::text::CELL_FORMULAS[cell.index()],
        (Phase::Backward, CellKind::Lstm) => crate::text::LSTM_BACKWARD_FORMULA,
        (Phase::Backward, _) => crate::text::BACKWARD_FORMULA,
    };
    let formula = wrap(Line::styled(formula, theme.title), w);
    let loss = wrap(Line::styled(t.rnn.loss_formula, theme.dim), w);
    let (u, vectors) = lab.step_vectors();
    let names = crate::text::vector_names(u);
    let vecs = |whole: bool| -> Vec<Line<'static>> {
        vectors.iter().flat_map(|v| vector_lines(v, &names[v.kind as usize], w, whole, t)).collect()
    };
    let whole = vecs(true);
    let vectors = if whole.len() + formula.len() <= room { whole } else { vecs(false) };
    let mut out = vec![];
    if vectors.len() + formula.len() <= room {
        out.extend(formula.iter().cloned());
        if out.len() + loss.len() + vectors.len() <= room {
            out.extend(loss);
        }
    }
    out.extend(vectors);
    out
}
