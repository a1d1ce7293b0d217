//! Draws the RNN lab: the unrolled timeline, a gradient chart, the knobs and
//! the explanations. Numbers come from the lab (from `math`); nothing here
//! computes them.

use super::lab::{Action, Chart, GrowthSlip, Knob, Message, Panel, Phase, RnnLab};
use super::timeline::timeline;
use super::why::Why;
use crate::math::format::{num, num_beside, pow10, pow10_beside_one};
use crate::math::rnn::{CellKind, geometric_line};
use crate::text::Text;
use crate::ui::chrome::{knob_panel, panel};
use crate::ui::drawn::Draw;
use crate::ui::grid::{Grid, GridCell};
use crate::ui::log_chart::{Series, log_chart};
use crate::ui::theme::Theme;
use crate::ui::width::wrap;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};

use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Paragraph};

pub type Hits = Vec<(Rect, Action)>;

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
        // Not the LSTM: no forget gate, so the knob says it does not apply (point 10).
        Knob::ForgetBias if s.cell != CellKind::Lstm => t.rnn.not_applicable.to_string(),
        Knob::ForgetBias => num(s.forget_bias),
        Knob::Truncation => s.truncation.map_or(t.rnn.off.to_string(), |k| k.to_string()),
        Knob::Clip => s.clip.map_or(t.rnn.off.to_string(), num),
        Knob::Seed => s.seed.to_string(),
    }
}

fn chart(frame: &mut Frame, area: Rect, lab: &RnnLab, t: &Text, theme: &Theme) {
    let r = &t.rnn;
    let by_distance = |logs: &[f64]| -> Vec<(f64, f64)> {
        let n = logs.len();
        logs.iter().enumerate().filter(|(_, l)| l.is_finite()).map(|(i, l)| ((n - 1 - i) as f64, *l)).collect()
    };
    let mut series: Vec<(String, Vec<(f64, f64)>)> = vec![];
    let (title, x_title) = match lab.view.chart {
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
    let waiting = matches!(lab.view.chart, Chart::Cells | Chart::Length) && !lab.bptt_done();
    let title = match () {
        // The previous run's chart stays until the new one arrives.
        _ if lab.computing.is_some() => format!("{title} ({})", r.computing),
        _ if waiting => format!("{title} ({})", r.after_bptt),
        _ => title.to_string(),
    };
    // A border title has no room to wrap: cut it with a mark of more.
    let title = crate::ui::chrome::fit_title(&title, area);
    let x_hi = series.iter().flat_map(|(_, p)| p.iter().map(|q| q.0)).fold(1.0f64, f64::max);
    let ticks = crate::math::axis::ticks_from_zero(x_hi);
    let x = Axis::default().title(x_title).bounds([0.0, x_hi]).labels(ticks.iter().map(|v| Line::raw(num(*v))));
    let series: Vec<Series> = series.iter().map(|(name, points)| Series { name, points }).collect();
    let widget = log_chart(&series, &title, x, r.axis_norm, theme);
    frame.content(widget, area);
}

/// (name, value) of every knob, as the panel (and the study note) lists them.
pub fn knob_rows(lab: &RnnLab, t: &Text) -> Vec<(&'static str, String)> {
    Knob::ALL.iter().map(|k| (t.rnn.knob_names[k.index()], knob_text(lab, *k, t))).collect()
}

/// The running dL/dW_x and dL/dW_rec matrices as lines (title, rows), with
/// every entry whole: (lines, the width they need).
fn matrix_lines(lab: &RnnLab, t: &Text, theme: &Theme) -> Option<(Vec<Line<'static>>, u16)> {
    let (w_x, w_rec) = lab.matrices_now()?;
    let mut lines = vec![];
    let mut w = 0;
    for (title, m) in [(t.rnn.running_wx, w_x), (t.rnn.running_matrices, w_rec)] {
        let m = m.to_plain();
        let grid = Grid::from_fn(m.nrows(), m.ncols(), |i, j| GridCell::new(num(m[[i, j]]), theme.text, false));
        w = w.max(grid.width()).max(Span::raw(title).width() as u16);
        lines.push(Line::styled(title, theme.title));
        lines.extend(grid.lines());
    }
    Some((lines, w))
}

fn matrices(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>, t: &Text, theme: &Theme) {
    let block = panel(t.rnn.matrices_panel, theme);
    let inner = block.inner(area);
    frame.bordered(block, area);
    frame.paragraph(Paragraph::new(lines), inner);
}

fn knobs(frame: &mut Frame, area: Rect, lab: &RnnLab, t: &Text, theme: &Theme, matrices_elsewhere: bool) {
    let rows = knob_rows(lab, t);
    // The matrices a Tab turn away are named where they used to be.
    let title =
        if matrices_elsewhere { format!("{} {}", t.rnn.knobs, t.rnn.matrices_on_tab) } else { t.rnn.knobs.into() };
    knob_panel(frame, area, &title, &rows, lab.view.knob.index(), vec![], theme);
}

/// The lines under the main area, wrapped whole (D14): the prompt and what
/// was typed (with the row it is on), a verdict, or the explanation.
fn message_lines(lab: &RnnLab, t: &Text, theme: &Theme, width: u16) -> (Vec<Line<'static>>, Option<usize>) {
    let r = &t.rnn;
    if let Some(p) = &lab.view.predict.asking {
        let mut lines = wrap(Line::styled((r.predict_growth)(p.question + 1, p.question), theme.title), width);
        let input_row = lines.len();
        lines.push(Line::raw(p.input.buffer.clone()));
        if lab.message == Some(Message::NotANumber) {
            lines.extend(wrap(Line::styled(r.not_a_factor, theme.error), width));
        }
        return (lines, Some(input_row));
    }
    let line = match &lab.message {
        Some(Message::Refused(m)) => Line::styled(format!("{}: {}", t.conv.invalid, m.describe(t)), theme.error),
        Some(Message::Right(l)) => Line::styled((r.right)(&pow10(*l)), theme.good),
        Some(Message::Wrong(l, slip)) => {
            let mut text = (r.wrong)(&pow10(*l));
            // The mistake behind the number typed, with the step's own factors.
            let split = lab.splits.get(lab.view.step.max(1) - 1).copied().flatten();
            if let (Some(slip), Some((gate, w))) = (slip, split) {
                let (gate, w) = (pow10(gate), pow10(w));
                let named = match slip {
                    GrowthSlip::GateOnly => (r.slip_gate_only)(&gate, &w),
                    GrowthSlip::RecurrentOnly => (r.slip_recurrent_only)(&gate, &w),
                };
                text = format!("{text} {named}");
            }
            Line::styled(text, theme.error)
        }
        Some(Message::NotANumber) => Line::styled(r.not_a_factor, theme.error),
        None => Line::raw(explanation(lab, t)),
    };
    (wrap(line, width), None)
}

pub fn render(frame: &mut Frame, area: Rect, lab: &RnnLab, t: &Text, theme: &Theme) -> Hits {
    let r = &t.rnn;
    let (mut message_text, input_row) = message_lines(lab, t, theme, area.width);
    let info_text = wrap(info_lines(lab, t, theme), area.width);
    // The timeline's least: its four rows of numbers, a row per vector, the frame.
    let main_min = 4 + lab.step_vectors().1.len() as u16 + 2;
    let room = area.height.saturating_sub(2 + info_text.len() as u16 + main_min) as usize;
    if message_text.len() > room && input_row.is_none() {
        // A long explanation (the LSTM's, at 80×24) ends where it must, marked,
        // and the study note (e) has it whole.
        message_text.truncate(room.saturating_sub(1));
        message_text.push(Line::styled(r.explanation_rest, theme.dim));
    }
    let [status, main, info, message] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(main_min),
        Constraint::Length(info_text.len() as u16),
        Constraint::Length(message_text.len().max(3).min(room.max(3)) as u16),
    ])
    .areas(area);
    let phase = if lab.view.phase == Phase::Forward { r.phase_forward } else { r.phase_backward };
    let mut st = vec![
        Span::styled(format!("{}: {phase}", r.title), theme.title),
        Span::raw(format!("  {}", (r.step_of)(lab.view.step, lab.len()))),
        Span::raw(format!("  {}: {}", t.conv.predict_label, if lab.view.predict.on { t.conv.on } else { t.conv.off })),
    ];
    if lab.view.predict.score.1 > 0 {
        st.push(Span::raw(format!("  {}", (r.score)(lab.view.predict.score.0, lab.view.predict.score.1))));
    }
    if lab.computing.is_some() {
        st.push(Span::styled(format!("  {}", r.computing), theme.title));
    }
    frame.paragraph(Paragraph::new(wrap(Line::from(st), status.width)), status);

    // The chart needs 14 rows (10 plot rows, its axis and frame): when the
    // timeline leaves fewer, the panels take turns (Tab). The chart's or the
    // matrices' turn, at any size, shows that panel large: it takes the
    // explanation's rows too, above the info lines (which say the rate and
    // the running norms beside any panel).
    const TIMELINE_H: u16 = 12;
    const CHART_MIN: u16 = 14;
    let both = main.height >= TIMELINE_H + CHART_MIN;
    let mats = matrix_lines(lab, t, theme);
    let turn = lab.panel_now();
    let info_y = info.y;
    if turn != Panel::Timeline {
        let tall = Rect { height: main.height + message.height, ..main };
        let info = Rect { y: tall.bottom(), ..info };
        match (turn, mats) {
            (Panel::Matrices, Some((lines, _))) => matrices(frame, tall, lines, t, theme),
            _ => chart(frame, tall, lab, t, theme),
        }
        frame.paragraph(Paragraph::new(info_text), info);
        return Hits::new();
    }
    // The matrices sit under the knobs where they fit whole; else they are a Tab turn.
    let knob_rows_h = Knob::ALL.len() as u16 + 2;
    let fits = |(lines, w): &(Vec<Line<'static>>, u16)| {
        w + 2 <= main.width / 2 && lines.len() as u16 + 2 + knob_rows_h <= main.height
    };
    let beside = mats.filter(fits);
    let knob_w = beside.as_ref().map_or(32.min(main.width / 3), |(_, w)| (w + 2).max(32));
    let [left, right] = Layout::horizontal([Constraint::Min(20), Constraint::Length(knob_w)]).areas(main);
    let elsewhere = lab.has_matrices() && beside.is_none();
    match beside {
        Some((lines, _)) => {
            let [k, m] = Layout::vertical([Constraint::Length(knob_rows_h), Constraint::Min(0)]).areas(right);
            knobs(frame, k, lab, t, theme, false);
            matrices(frame, m, lines, t, theme);
        }
        None => knobs(frame, right, lab, t, theme, elsewhere),
    }
    let tl_h = if both { TIMELINE_H } else { left.height };
    let [tl, ch] = Layout::vertical([Constraint::Length(tl_h), Constraint::Min(0)]).areas(left);
    if both {
        chart(frame, ch, lab, t, theme);
    }
    let hits = timeline(frame, tl, lab, t, theme);
    frame.paragraph(Paragraph::new(info_text), Rect { y: info_y, ..info });
    render_message(frame, message, message_text, input_row, lab);
    hits
}

/// The rate measured over the steps BPTT has reached, as the screen and
/// the study note say it.
pub(crate) fn rate_line(lab: &RnnLab, t: &Text) -> String {
    let r = &t.rnn;
    match lab.rate_so_far() {
        Some(f) => (r.rate)(&num(f)),
        // T = 1 or 2: no run that short ever has one (D25: say why, plainly).
        None if !crate::math::rnn::rate_possible(lab.len()) => (r.no_rate_short)(lab.len()),
        None if lab.bptt_done() => r.no_rate.to_string(),
        None => r.rate_not_yet.to_string(),
    }
}

/// The measured rate and the running weight gradients; the step just taken
/// back split into the gate's and W_recᵀ's stretch; clipping.
fn info_lines(lab: &RnnLab, t: &Text, theme: &Theme) -> Vec<Line<'static>> {
    let r = &t.rnn;
    let mut lines = vec![Line::raw(rate_line(lab, t))];
    if lab.view.phase == Phase::Backward
        && let Some((wx, wrec)) = lab.running.get(lab.view.step - 1)
    {
        lines[0] = Line::raw(format!(
            "{}   {}",
            lines[0],
            (if lab.run.grads.clip.is_some() { r.running_before_clip } else { r.running })(&pow10(*wx), &pow10(*wrec))
        ));
    }
    // Backward at step s < T: the step from s + 1 back to s.
    let s = lab.view.step;
    if lab.view.phase == Phase::Backward && s < lab.len() {
        let total = lab.factors.get(s - 1).copied().flatten();
        if let (Some(f), Some(Some((gate, w)))) = (total, lab.splits.get(s - 1)) {
            let text = if lab.settings.cell == CellKind::Linear {
                (r.split_linear)(s + 1, s, &pow10(f))
            } else {
                (r.split)(s + 1, s, &pow10(f), &pow10(*gate), &pow10(*w))
            };
            // After a wrong prediction this is the breakdown of the step it missed.
            let style = if matches!(lab.message, Some(Message::Wrong(..))) { theme.error } else { theme.text };
            lines.push(Line::styled(text, style));
        }
    }
    if let Some(c) = lab.run.grads.clip {
        lines.push(Line::raw((r.clip)(&num(c.threshold), &pow10(c.log10_norm_before), &pow10(c.log10_norm_after))));
    }
    lines
}

/// The prompt (with the terminal's cursor at the caret), a verdict or the explanation.
fn render_message(frame: &mut Frame, message: Rect, lines: Vec<Line<'static>>, input_row: Option<usize>, lab: &RnnLab) {
    frame.paragraph(Paragraph::new(lines), message);
    if let (Some(p), Some(row)) = (&lab.view.predict.asking, input_row) {
        let x = message.x as usize + Span::raw(p.input.before_caret()).width();
        if x < message.right() as usize && (row as u16) < message.height {
            frame.set_cursor_position(Position::new(x as u16, message.y + row as u16));
        }
    }
}

/// The explanation that fits what is on screen, with the run's own numbers.
pub fn explanation(lab: &RnnLab, t: &Text) -> String {
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
        Why::TanhBound { sigma, split, .. } => {
            // The bound says vanishing is certain; the measured split says what did it (point 7).
            let bound = (r.why_tanh_bound)(&num_beside(sigma, 1.0));
            match (split, why.gate_shrinks_most()) {
                (Some((g, w)), Some(true)) => {
                    format!("{bound} {}", (r.bound_gate_most)(&pow10_beside_one(g), &pow10_beside_one(w)))
                }
                (Some((g, w)), Some(false)) => {
                    format!("{bound} {}", (r.bound_w_most)(&pow10_beside_one(g), &pow10_beside_one(w)))
                }
                _ => bound,
            }
        }
        Why::TanhSaturated { sigma, mean_slope, .. } => {
            (r.why_tanh_saturated)(&num_beside(sigma, 1.0), &num(mean_slope))
        }
        Why::TanhBothShrink { sigma, mean_slope, stretch_log10, .. } => {
            (r.why_tanh_both_shrink)(&num_beside(sigma, 1.0), &pow10_beside_one(stretch_log10), &num(mean_slope))
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
