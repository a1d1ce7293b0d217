//! Draws the maximum-likelihood lab: the sample with its fitted density (or
//! the class counts) on the left, one panel on the right (the derivation,
//! the surface, the bias experiment or the mistakes, switched with `v`), and
//! the message line. Numbers come from the lab (from `math`).

use super::lab::{Action, Family, Knob, MleLab, SURFACE_COLS, SURFACE_ROWS, View};
use super::words;
use crate::math::format::num;
use crate::text::Text;
use crate::ui::chrome::panel;
use crate::ui::drawn::Draw;
use crate::ui::theme::{Theme, shade_char};
use crate::ui::width::wrap;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph};

type Hits = Vec<(Rect, Action)>;

/// (name, value) of every knob that applies, as the status line and the note list them.
pub(crate) fn knob_rows(lab: &MleLab, t: &Text) -> Vec<(Knob, &'static str, String)> {
    let m = &t.mle;
    let s = &lab.settings;
    lab.knobs()
        .into_iter()
        .map(|k| {
            let v = match k {
                Knob::Family => m.family_names[usize::from(s.family == Family::Categorical)].to_string(),
                Knob::N => s.n.to_string(),
                Knob::Mu => num(s.mu),
                Knob::Sigma => num(s.sigma),
                Knob::Classes => s.classes.to_string(),
                Knob::Seed => s.seed.to_string(),
            };
            (k, m.knob_names[k.index()], v)
        })
        .collect()
}

/// The lab's one-line state: family and size, panel, line, predict mode.
pub(crate) fn status_text(lab: &MleLab, t: &Text) -> String {
    let m = &t.mle;
    let what = match (&lab.normal, &lab.categorical) {
        (Some(n), _) => (m.status_normal)(n.x.len()),
        (_, Some(c)) => (m.status_categorical)(&c.total.to_string(), lab.counts.len()),
        _ => String::new(),
    };
    let own = if lab.settings.data.is_some() || lab.settings.counts.is_some() {
        format!(" ({})", m.own_data)
    } else {
        String::new()
    };
    let view = m.view_names[[View::Derivation, View::Surface, View::Bias, View::Mistakes]
        .iter()
        .position(|v| *v == lab.view)
        .unwrap_or(0)];
    let predict = format!("{}: {}", t.conv.predict_label, if lab.predict.on { t.conv.on } else { t.conv.off });
    let mut s =
        format!("{}: {what}{own}   [{view}]   {}   {predict}", m.title, (m.line_of)(lab.shown, lab.steps().len()));
    if lab.predict.score.1 > 0 {
        s.push_str(&format!("   {}", (m.score)(lab.predict.score.0, lab.predict.score.1)));
    }
    s
}

fn sample_chart(frame: &mut Frame, area: Rect, lab: &MleLab, t: &Text, theme: &Theme) {
    let m = &t.mle;
    let Some(st) = &lab.normal else { return };
    let points: Vec<(f64, f64)> = st.x.iter().map(|v| (*v, 0.0)).collect();
    let top = st.fitted_curve.iter().chain(&st.cursor_curve).map(|p| p.1).fold(0.0f64, f64::max);
    let top = if top > 0.0 { top * 1.1 } else { 1.0 };
    let mut sets = vec![
        Dataset::default()
            .marker(theme.series(0).marker)
            .graph_type(GraphType::Scatter)
            .style(theme.series(0).style)
            .data(&points),
    ];
    let mut shown = vec![0];
    for (i, curve) in [&st.fitted_curve, &st.cursor_curve].into_iter().enumerate() {
        // The fitted curve is drawn from μ̂ and σ̂: not before they are predicted.
        if !curve.is_empty() && (i > 0 || lab.fit_revealed()) {
            shown.push(i + 1);
            let look = theme.series(i + 1);
            sets.push(Dataset::default().marker(look.marker).graph_type(GraphType::Line).style(look.style).data(curve));
        }
    }
    let (lo, hi) = st.x_range;
    let title = if st.fitted_curve.is_empty() { m.no_density } else { m.sample_title };
    let block = panel(title, theme);
    let inner = block.inner(area);
    frame.bordered(block, area);
    // The legend goes below the plot, never over the points, wrapped to fit.
    let legend: Vec<Span> = shown
        .iter()
        .map(|&i| {
            let name = [m.sample_points, m.fitted, m.at_cursor][i];
            Span::styled(format!("{} {name}  ", theme.series(i).sample), theme.series(i).style)
        })
        .collect();
    let legend = wrap(Line::from(legend), inner.width);
    let [plot, key] = Layout::vertical([Constraint::Min(3), Constraint::Length(legend.len() as u16)]).areas(inner);
    let chart = Chart::new(sets)
        .x_axis(Axis::default().bounds([lo, hi]).labels(vec![Line::raw(num(lo)), Line::raw(num(hi))]))
        .y_axis(Axis::default().bounds([0.0, top]).labels(vec![Line::raw("0"), Line::raw(num(top))]))
        .legend_position(None);
    frame.content(chart, plot);
    frame.paragraph(Paragraph::new(legend), key);
}

fn counts_panel(frame: &mut Frame, area: Rect, lab: &MleLab, t: &Text, theme: &Theme) {
    let m = &t.mle;
    let Some(c) = &lab.categorical else { return };
    let lines: Vec<Line> = lab
        .counts
        .iter()
        .zip(&c.p)
        .enumerate()
        .map(|(k, (n, p))| {
            let p = if lab.p_hat_revealed() { num(*p) } else { "?".into() };
            Line::raw((m.count_row)(k + 1, &n.to_string(), &p))
        })
        .collect();
    let block = panel(m.counts_title, theme);
    let inner = block.inner(area);
    frame.bordered(block, area);
    frame.paragraph(Paragraph::new(wrap(lines, inner.width)), inner);
}

/// Wrapped lines, the last ones kept when they do not all fit (the newest in view).
fn tail(lines: Vec<Line<'static>>, width: u16, height: u16) -> Vec<Line<'static>> {
    let wrapped = wrap(lines, width);
    let skip = wrapped.len().saturating_sub(height as usize);
    wrapped.into_iter().skip(skip).collect()
}

fn derivation_panel(frame: &mut Frame, area: Rect, lab: &MleLab, t: &Text, theme: &Theme) {
    let block = panel(t.mle.derivation_title, theme);
    let inner = block.inner(area);
    frame.bordered(block, area);
    let lines = words::derivation(lab, words::Place::Cursor, t);
    let last = lines.len().saturating_sub(1);
    let styled: Vec<Line> = lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| Line::styled(l, if i == last { theme.title } else { theme.text }))
        .collect();
    frame.paragraph(Paragraph::new(tail(styled, inner.width, inner.height)), inner);
}

fn surface_panel(frame: &mut Frame, area: Rect, lab: &MleLab, t: &Text, theme: &Theme) -> Hits {
    let Some(st) = &lab.normal else { return vec![] };
    let block = panel(t.mle.surface_title, theme);
    let inner = block.inner(area);
    frame.bordered(block, area);
    let s = &st.surface;
    let best = st.fit.loglik.and_then(|_| s.cell_of(st.fit.mu, st.fit.sigma));
    let path: Vec<(usize, usize)> = st.path.iter().filter_map(|(m, sd)| s.cell_of(*m, *sd)).collect();
    let mut lines = vec![];
    let mut hits = vec![];
    for r in 0..SURFACE_ROWS {
        let spans: Vec<Span> = (0..SURFACE_COLS)
            .map(|c| {
                let shade = s.shade(r, c);
                let (text, style) = if (r, c) == st.cursor {
                    ("[]".to_string(), theme.current)
                } else if Some((r, c)) == best {
                    ("<>".to_string(), theme.good)
                } else if path.contains(&(r, c)) {
                    ("**".to_string(), theme.title)
                } else {
                    (shade_char(shade).to_string().repeat(2), theme.heat(shade))
                };
                Span::styled(text, style)
            })
            .collect();
        let y = inner.y + r as u16;
        if y < inner.bottom() {
            for c in 0..SURFACE_COLS {
                let x = inner.x + 2 * c as u16;
                if x + 1 < inner.right() {
                    hits.push((Rect::new(x, y, 2, 1), Action::Cursor(r, c)));
                }
            }
        }
        lines.push(Line::from(spans));
    }
    let mut text: Vec<Line> = words::surface_lines(st, t).into_iter().map(Line::raw).collect();
    text.push(Line::styled(t.mle.surface_legend, theme.dim));
    let [grid, below] = Layout::vertical([Constraint::Length(SURFACE_ROWS as u16), Constraint::Min(0)]).areas(inner);
    frame.paragraph(Paragraph::new(lines), grid);
    frame.paragraph(Paragraph::new(wrap(text, below.width)), below);
    hits
}

fn text_panel(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line<'static>>, theme: &Theme) {
    let block = panel(title, theme);
    let inner = block.inner(area);
    frame.bordered(block, area);
    frame.paragraph(Paragraph::new(tail(lines, inner.width, inner.height)), inner);
}

pub fn render(frame: &mut Frame, area: Rect, lab: &MleLab, t: &Text, theme: &Theme) -> Hits {
    let m = &t.mle;
    let message_text = match (&lab.predict.asking, &lab.message) {
        (Some(_), _) => String::new(),
        (None, Some(msg)) => words::message_text(msg, t),
        (None, None) => m.reveal_hint.to_string(),
    };
    let message_rows = wrap(Line::raw(message_text.clone()), area.width).len().clamp(1, 3) as u16;
    let [status, knobs, body, message] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(8),
        Constraint::Length(if lab.predict.is_asking() { 3 } else { message_rows }),
    ])
    .areas(area);
    frame.paragraph(Paragraph::new(Line::styled(status_text(lab, t), theme.title)), status);
    let knob_spans = crate::ui::chrome::knob_spans(knob_rows(lab, t), &lab.knob, theme);
    frame.paragraph(Paragraph::new(Line::from(knob_spans)), knobs);
    let [left, right] = Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body);
    match lab.settings.family {
        Family::Normal => sample_chart(frame, left, lab, t, theme),
        Family::Categorical => counts_panel(frame, left, lab, t, theme),
    }
    let hits = match (lab.view, &lab.normal) {
        (View::Surface | View::Bias | View::Mistakes, Some(_)) if !lab.fit_revealed() => {
            text_panel(frame, right, m.view_names[lab.view as usize], vec![Line::raw(m.after_predictions)], theme);
            vec![]
        }
        (View::Surface, Some(_)) => surface_panel(frame, right, lab, t, theme),
        (View::Bias, Some(st)) => {
            let lines = words::bias_lines(st, t).into_iter().map(Line::raw).collect();
            text_panel(frame, right, m.bias_title, lines, theme);
            vec![]
        }
        (View::Mistakes, Some(st)) => {
            let mut lines = vec![];
            for (name, what) in words::mistake_lines(st, t) {
                lines.push(Line::styled(name, theme.title));
                lines.push(Line::raw(format!("  {what}")));
            }
            lines.push(Line::styled((m.right_row)(&num(st.fit.mu), &num(st.fit.sigma)), theme.good));
            text_panel(frame, right, m.mistakes_title, lines, theme);
            vec![]
        }
        _ => {
            derivation_panel(frame, right, lab, t, theme);
            vec![]
        }
    };
    if let Some(p) = &lab.predict.asking {
        let q = match p.question {
            super::lab::Asking::Mu => m.ask_mu.to_string(),
            super::lab::Asking::Sigma => m.ask_sigma.to_string(),
            super::lab::Asking::P(k) => (m.ask_p)(k + 1),
        };
        let mut lines = vec![Line::styled(q.clone(), theme.title), Line::raw(p.input.buffer.clone())];
        if let Some(msg) = &lab.message {
            lines.push(Line::styled(words::message_text(msg, t), theme.error));
        }
        frame.paragraph(Paragraph::new(lines), message);
        let x = message.x as usize + Span::raw(p.input.before_caret()).width();
        if x < message.right() as usize && message.height > 1 {
            frame.set_cursor_position(Position::new(x as u16, message.y + 1));
        }
    } else {
        let style = match &lab.message {
            Some(super::lab::Message::Graded { right: true, .. }) => theme.good,
            Some(_) => theme.error,
            None => theme.dim,
        };
        frame.paragraph(Paragraph::new(wrap(Line::styled(message_text, style), message.width)), message);
    }
    hits
}
