//! Draws the RNN lab: the unrolled timeline, a gradient chart, the knobs and
//! the explanations. Numbers come from the lab (from `math`); nothing here
//! computes them.

use super::lab::{Action, Chart, Knob, MATRIX_MAX_HIDDEN, Message, Phase, RnnLab};
use super::why::Why;
use crate::math::format::{num, num_beside, pow10, pow10_beside_one, signed_pow10};
use crate::math::rnn::{CellKind, geometric_line};
use crate::text::Text;
use crate::ui::chrome::{knob_panel, panel};
use crate::ui::drawn::Draw;
use crate::ui::grid::{Grid, GridCell};
use crate::ui::log_chart::{Series, log_chart};
use crate::ui::theme::Theme;
use crate::ui::width::wrap;
use crate::ui::width::{pad_end, pad_start};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};

use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Paragraph};

pub type Hits = Vec<(Rect, Action)>;

const LABEL_W: u16 = 13;
const COL_W: u16 = 10;

pub(crate) fn cell_name(t: &Text, k: CellKind) -> &'static str {
    t.rnn.cell_names[k.index()]
}

fn knob_text(lab: &RnnLab, k: Knob, t: &Text) -> String {
    let s = lab.shown_settings();
    match k {
        Knob::Cell => cell_name(t, s.cell).to_string(),
        Knob::Radius => num(s.radius),
        Knob::Len => s.len.to_string(),
        Knob::Hidden => s.hidden.to_string(),
        Knob::InputScale => num(s.input_scale),
        Knob::ForgetBias => num(s.forget_bias),
        Knob::Truncation => s.truncation.map_or(t.rnn.off.to_string(), |k| k.to_string()),
        Knob::Clip => s.clip.map_or(t.rnn.off.to_string(), num),
        Knob::Seed => s.seed.to_string(),
    }
}

/// The first step shown when `cols` steps fit: the current step stays in view.
fn first_visible(lab: &RnnLab, cols: usize) -> usize {
    let t_len = lab.len();
    if cols >= t_len {
        return 1;
    }
    lab.step.saturating_sub(cols / 2).clamp(1, t_len + 1 - cols)
}

fn timeline(frame: &mut Frame, area: Rect, lab: &RnnLab, t: &Text, theme: &Theme) -> Hits {
    let block = panel(t.rnn.timeline, theme);
    let inner = block.inner(area);
    frame.bordered(block, area);
    let cols = (inner.width.saturating_sub(LABEL_W) / COL_W).max(1) as usize;
    let first = first_visible(lab, cols);
    let last = (first + cols - 1).min(lab.len());
    // No shaded log10 bar row: over a range of tens of decades it drew 1.0,
    // 0.60 and 0.49 alike; the ||dL/dh|| row and the chart below say it exactly.
    let labels = [t.rnn.row_t, t.rnn.row_h, t.rnn.row_x, t.rnn.row_dh];
    let mut rows: Vec<Vec<Span>> =
        labels.iter().map(|l| vec![Span::styled(pad_end(l, LABEL_W as usize), theme.dim)]).collect();
    let mut hits = Hits::new();
    for step in first..=last {
        let cur = step == lab.step;
        let st = if cur { theme.window } else { theme.text };
        let arrow = if step < lab.len() { "->" } else { "  " };
        let tl = if cur { format!("[{step}]") } else { step.to_string() };
        rows[0].push(Span::styled(format!("{tl:>7}{arrow} "), st));
        let h = if lab.h_shown(step) { pow10(lab.h_log10[step - 1]) } else { "?".into() };
        rows[1].push(Span::styled(format!("{h:>9} "), st));
        rows[2].push(Span::styled(format!("{:>9} ", num(lab.x_norm[step - 1])), theme.dim));
        let l = lab.dh_log10[step - 1];
        let dh = if !lab.dh_shown(step) {
            "?".to_string()
        } else if !l.is_finite() {
            // Cut by truncation: no gradient reaches this step.
            format!("0 {}", t.rnn.cut)
        } else {
            pow10(l)
        };
        // Padded by display width: "0 잘림" is wider than its characters.
        rows[3].push(Span::styled(format!("{} ", pad_start(&dh, 9)), st));
        let x = inner.x + LABEL_W + (step - first) as u16 * COL_W;
        if x + COL_W <= inner.right() {
            hits.push((Rect::new(x, inner.y, COL_W, inner.height), Action::JumpTo(step)));
        }
    }
    let mut lines: Vec<Line> = rows.into_iter().map(Line::from).collect();
    // Under the numbers, the equation the current phase computes, and the loss.
    let formula = match (lab.phase, lab.settings.cell) {
        (Phase::Forward, cell) => crate::text::CELL_FORMULAS[cell.index()],
        (Phase::Backward, CellKind::Lstm) => crate::text::LSTM_BACKWARD_FORMULA,
        (Phase::Backward, _) => crate::text::BACKWARD_FORMULA,
    };
    lines.extend(wrap(
        vec![Line::styled(formula, theme.title), Line::styled(t.rnn.loss_formula, theme.dim)],
        inner.width,
    ));
    // The numbers that make this step (H ≤ 4: every entry; else the first four and the norm).
    let (u, vectors) = lab.step_vectors();
    let names = crate::text::vector_names(u);
    for v in vectors {
        let entries: Vec<String> = v.entries.iter().map(|(s, l)| signed_pow10(*s, *l)).collect();
        let row = crate::text::vector_row(&names[v.kind as usize], &entries, v.more, &pow10(v.norm_log10));
        lines.extend(wrap(Line::raw(row), inner.width));
    }
    frame.paragraph(Paragraph::new(lines), inner);
    hits
}

fn chart(frame: &mut Frame, area: Rect, lab: &RnnLab, t: &Text, theme: &Theme) {
    let r = &t.rnn;
    let by_distance = |logs: &[f64]| -> Vec<(f64, f64)> {
        let n = logs.len();
        logs.iter().enumerate().filter(|(_, l)| l.is_finite()).map(|(i, l)| ((n - 1 - i) as f64, *l)).collect()
    };
    let mut series: Vec<(String, Vec<(f64, f64)>)> = vec![];
    let (title, x_title) = match lab.chart {
        Chart::Distance => {
            // Only the steps BPTT has reached (none during the forward pass).
            let measured = by_distance(lab.computed_dh());
            if let (Some(slope), Some(start)) =
                (lab.charts.reference_slope, lab.computed_dh().last().filter(|v| v.is_finite()))
            {
                let name = if lab.settings.cell == CellKind::Linear { r.reference_linear } else { r.reference_tanh };
                series.push((name.to_string(), geometric_line(*start, slope, lab.len())));
            }
            series.insert(0, (r.measured.to_string(), measured));
            (r.chart_distance, r.axis_distance)
        }
        // The comparisons show the whole backward pass: once it has been stepped through.
        Chart::Cells if !lab.bptt_done() => (r.chart_cells, r.axis_distance),
        Chart::Length if !lab.bptt_done() => (r.chart_length, r.axis_length),
        Chart::Cells => {
            for (k, logs) in &lab.charts.cells {
                series.push((cell_name(t, *k).to_string(), by_distance(logs)));
            }
            (r.chart_cells, r.axis_distance)
        }
        Chart::Length => {
            let pts =
                lab.charts.by_length.iter().filter(|(_, l)| l.is_finite()).map(|(n, l)| (*n as f64, *l)).collect();
            series.push((r.measured.to_string(), pts));
            (r.chart_length, r.axis_length)
        }
    };
    let waiting = matches!(lab.chart, Chart::Cells | Chart::Length) && !lab.bptt_done();
    let title = match () {
        // The previous run's chart stays until the new one arrives.
        _ if lab.computing.is_some() => format!("{title} ({})", r.computing),
        _ if waiting => format!("{title} ({})", r.after_bptt),
        _ => title.to_string(),
    };
    let x_hi = series.iter().flat_map(|(_, p)| p.iter().map(|q| q.0)).fold(1.0f64, f64::max);
    let ticks = crate::math::axis::ticks_from_zero(x_hi);
    let x = Axis::default().title(x_title).bounds([0.0, x_hi]).labels(ticks.map(|v| Line::raw(num(v))).to_vec());
    let series: Vec<Series> = series.iter().map(|(name, points)| Series { name, points }).collect();
    let widget = log_chart(&series, &title, x, r.axis_norm, theme);
    frame.content(widget, area);
}

/// (name, value) of every knob, as the panel (and the study note) lists them.
pub(crate) fn knob_rows(lab: &RnnLab, t: &Text) -> Vec<(&'static str, String)> {
    Knob::ALL.iter().map(|k| (t.rnn.knob_names[k.index()], knob_text(lab, *k, t))).collect()
}

fn knobs(frame: &mut Frame, area: Rect, lab: &RnnLab, t: &Text, theme: &Theme) {
    let rows = knob_rows(lab, t);
    // The running dL/dW_x and dL/dW_rec matrices while stepping back, for small H.
    let mut extra = vec![];
    if lab.phase == Phase::Backward
        && lab.settings.hidden <= MATRIX_MAX_HIDDEN
        && let Some((w_x, w_rec)) = lab.running_matrices.get(lab.step - 1)
    {
        for (title, w) in [(t.rnn.running_wx, w_x), (t.rnn.running_matrices, w_rec)] {
            let m = w.to_plain();
            let grid = Grid::from_fn(m.nrows(), m.ncols(), |i, j| GridCell::new(num(m[[i, j]]), theme.text, false));
            extra.push(Line::styled(title, theme.title));
            extra.extend(grid.lines());
        }
    }
    knob_panel(frame, area, t.rnn.knobs, &rows, lab.knob.index(), extra, theme);
}

pub fn render(frame: &mut Frame, area: Rect, lab: &RnnLab, t: &Text, theme: &Theme) -> Hits {
    let r = &t.rnn;
    // The explanation takes the rows it wraps to (3 to 5).
    let message_rows = if lab.predict.is_asking() || lab.message.is_some() {
        3
    } else {
        wrap(Line::raw(explanation(lab, t)), area.width).len().clamp(3, 5) as u16
    };
    let info_rows = wrap(info_lines(lab, t, theme), area.width).len().clamp(1, 4) as u16;
    let [status, main, info, message] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(10),
        Constraint::Length(info_rows),
        Constraint::Length(message_rows),
    ])
    .areas(area);
    let phase = if lab.phase == Phase::Forward { r.phase_forward } else { r.phase_backward };
    let mut st = vec![
        Span::styled(format!("{}: {phase}", r.title), theme.title),
        Span::raw(format!("  {}", (r.step_of)(lab.step, lab.len()))),
        Span::raw(format!("  {}: {}", t.conv.predict_label, if lab.predict.on { t.conv.on } else { t.conv.off })),
    ];
    if lab.predict.score.1 > 0 {
        st.push(Span::raw(format!("  {}", (r.score)(lab.predict.score.0, lab.predict.score.1))));
    }
    if lab.computing.is_some() {
        st.push(Span::styled(format!("  {}", r.computing), theme.title));
    }
    frame.paragraph(Paragraph::new(wrap(Line::from(st), status.width)), status);

    // The chart needs 14 rows (10 plot rows, its axis and frame): when the
    // timeline leaves fewer, the two take turns (Tab), and the chart's turn
    // takes the explanation's rows too.
    const TIMELINE_H: u16 = 12;
    const CHART_MIN: u16 = 14;
    let knob_w = 32u16.min(main.width / 3);
    let both = main.height >= TIMELINE_H + CHART_MIN;
    // A prediction being typed keeps its prompt (and the timeline) on screen.
    if !both && lab.chart_tab && !lab.predict.is_asking() {
        let tall = Rect { height: main.height + message.height, ..main };
        chart(frame, tall, lab, t, theme);
    } else {
        let [left, right] = Layout::horizontal([Constraint::Min(20), Constraint::Length(knob_w)]).areas(main);
        let tl_h = if both { TIMELINE_H } else { left.height };
        let [tl, ch] = Layout::vertical([Constraint::Length(tl_h), Constraint::Min(0)]).areas(left);
        knobs(frame, right, lab, t, theme);
        if both {
            chart(frame, ch, lab, t, theme);
        }
        let hits = timeline(frame, Rect { height: tl_h.min(TIMELINE_H), ..tl }, lab, t, theme);
        render_info_and_message(frame, info, message, lab, t, theme);
        return hits;
    }
    render_info_and_message(frame, info, Rect { height: 0, ..message }, lab, t, theme);
    Hits::new()
}

/// The measured rate and the running weight gradients; the step just taken
/// back split into the gate's and W_recᵀ's stretch; clipping.
fn info_lines(lab: &RnnLab, t: &Text, theme: &Theme) -> Vec<Line<'static>> {
    let r = &t.rnn;
    let rate = match lab.rate_so_far() {
        Some(f) => (r.rate)(&num(f)),
        None if lab.bptt_done() => r.no_rate.to_string(),
        None => r.rate_not_yet.to_string(),
    };
    let mut lines = vec![Line::raw(rate)];
    if lab.phase == Phase::Backward
        && let Some((wx, wrec)) = lab.running.get(lab.step - 1)
    {
        lines[0] = Line::raw(format!(
            "{}   {}",
            lines[0],
            (if lab.run.grads.clip.is_some() { r.running_before_clip } else { r.running })(&pow10(*wx), &pow10(*wrec))
        ));
    }
    // Backward at step s < T: the step from s + 1 back to s.
    let s = lab.step;
    if lab.phase == Phase::Backward && s < lab.len() {
        let total = lab.factors.get(s - 1).copied().flatten();
        if let (Some(f), Some(Some((gate, w)))) = (total, lab.splits.get(s - 1)) {
            let text = if lab.settings.cell == CellKind::Linear {
                (r.split_linear)(s + 1, s, &pow10(f))
            } else {
                (r.split)(s + 1, s, &pow10(f), &pow10(*gate), &pow10(*w))
            };
            // After a wrong prediction this is the breakdown of the step it missed.
            let style = if matches!(lab.message, Some(Message::Wrong(_))) { theme.error } else { theme.text };
            lines.push(Line::styled(text, style));
        }
    }
    if let Some(c) = lab.run.grads.clip {
        lines.push(Line::raw((r.clip)(&num(c.threshold), &pow10(c.log10_norm_before), &pow10(c.log10_norm_after))));
    }
    lines
}

/// The info lines; then the prompt, a verdict or the explanation.
fn render_info_and_message(frame: &mut Frame, info: Rect, message: Rect, lab: &RnnLab, t: &Text, theme: &Theme) {
    let r = &t.rnn;

    frame.paragraph(Paragraph::new(wrap(info_lines(lab, t, theme), info.width)), info);

    if let Some(p) = &lab.predict.asking {
        let q = (r.predict_growth)(p.question + 1, p.question);
        let mut lines = vec![Line::styled(q.clone(), theme.title), Line::raw(p.input.buffer.clone())];
        if lab.message == Some(Message::NotANumber) {
            lines.push(Line::styled(r.not_a_factor, theme.error));
        }
        let before = p.input.before_caret();
        let x = message.x as usize + Span::raw(before).width();
        frame.paragraph(Paragraph::new(lines), message);
        if x < message.right() as usize && message.height > 1 {
            frame.set_cursor_position(Position::new(x as u16, message.y + 1));
        }
    } else {
        let line = match &lab.message {
            Some(Message::Refused(m)) => Line::styled(format!("{}: {}", t.conv.invalid, m.describe(t)), theme.error),
            Some(Message::Right(l)) => Line::styled((r.right)(&pow10(*l)), theme.good),
            Some(Message::Wrong(l)) => Line::styled((r.wrong)(&pow10(*l)), theme.error),
            Some(Message::NotANumber) => Line::styled(r.not_a_factor, theme.error),
            None => Line::raw(explanation(lab, t)),
        };
        frame.paragraph(Paragraph::new(wrap(line, message.width)), message);
    }
}

/// The explanation that fits what is on screen, with the run's own numbers.
pub(crate) fn explanation(lab: &RnnLab, t: &Text) -> String {
    let r = &t.rnn;
    let why = lab.why_now();
    let mut text = match why {
        Why::Truncated => r.explain_truncation.to_string(),
        Why::Clipped => r.explain_clip.to_string(),
        Why::Linear { radius, rate } if Why::linear_shows(radius, rate) => {
            (r.why_linear)(&num(radius), if radius < 1.0 { r.trend_shrinks } else { r.trend_grows })
        }
        Why::Linear { radius, .. } => {
            let long = match radius.partial_cmp(&1.0) {
                Some(std::cmp::Ordering::Less) => r.trend_long_shrinks,
                Some(std::cmp::Ordering::Greater) => r.trend_long_grows,
                _ => r.trend_holds,
            };
            (r.why_linear_not_yet)(&num(radius), long)
        }
        Why::TanhBound { sigma, .. } => (r.why_tanh_bound)(&num_beside(sigma, 1.0)),
        Why::TanhSaturated { sigma, mean_slope, .. } => {
            (r.why_tanh_saturated)(&num_beside(sigma, 1.0), &num(mean_slope))
        }
        Why::TanhBothShrink { sigma, mean_slope, stretch_log10, .. } => {
            (r.why_tanh_both_shrink)(&num_beside(sigma, 1.0), &pow10_beside_one(stretch_log10), &num(mean_slope))
        }
        Why::TanhUnclear { sigma, mean_slope, step_log10, .. } => {
            (r.why_tanh_unclear)(&num_beside(sigma, 1.0), &pow10_beside_one(step_log10), &num(mean_slope))
        }
        Why::TanhGrows { sigma, mean_slope, .. } => (r.why_tanh_grows)(&num_beside(sigma, 1.0), &num(mean_slope)),
        Why::TanhOpen { sigma, mean_slope } => (r.why_tanh_open)(&num_beside(sigma, 1.0), &num(mean_slope)),
        Why::TanhNotYet { sigma, mean_slope } => (r.why_tanh_not_yet)(&num_beside(sigma, 1.0), &num(mean_slope)),
        Why::Lstm { mean_forget, bias, .. } => (r.why_lstm)(&num(mean_forget), &num(bias)),
        Why::Gru { mean_update, .. } => (r.why_gru)(&num(mean_update)),
    };
    // The measured rate only over the steps BPTT has reached (`why_now`'s).
    if let Some(rate) = why.rate() {
        text = format!("{text} {}", (r.measured_per_step)(&num_beside(rate, 1.0)));
    }
    text
}
