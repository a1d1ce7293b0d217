//! Draws the maximum-likelihood lab: the sample with its fitted density (or
//! the class counts) on the left, one panel on the right (the derivation,
//! the surface, the bias experiment or the mistakes, switched with `v`), and
//! the message line. Numbers come from the lab (from `math`).

use super::lab::{Action, Family, HISTOGRAM_BINS, Knob, MleLab, SAMPLE_TABLE_MAX, SURFACE_COLS, SURFACE_ROWS, View};
use super::words;
use crate::math::format::num;
use crate::math::mle;
use crate::text::Text;
use crate::ui::chrome::{marked_title, panel};
use crate::ui::drawn::Draw;
use crate::ui::theme::{Theme, shade_char};
use crate::ui::width::{pad_end, pad_start, width, wrap};
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
pub fn status_text(lab: &MleLab, t: &Text) -> String {
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
    let predict = format!("{}: {}", t.conv.predict_label, if lab.predict.on { t.conv.on } else { t.conv.off });
    // The panel's own title names the view; the line count is the derivation's.
    let line = if lab.view == View::Derivation {
        format!("   {}", (m.line_of)(lab.shown, lab.steps().len()))
    } else {
        String::new()
    };
    let mut s = format!("{}: {what}{own}{line}   {predict}", m.title);
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
    let block = panel(m.sample_title, theme);
    let inner = block.inner(area);
    frame.bordered(block, area);
    // The legend goes below the plot, never over the points, wrapped to fit;
    // with no spread it first says why no density is drawn (a title would be cut, D19).
    let mut legend: Vec<Span> = shown
        .iter()
        .map(|&i| {
            let name = [m.sample_points, m.fitted, m.at_cursor][i];
            Span::styled(format!("{} {name}  ", theme.series(i).sample), theme.series(i).style)
        })
        .collect();
    if st.fitted_curve.is_empty() {
        legend.insert(0, Span::styled(format!("{}  ", m.no_density), theme.dim));
    }
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

/// Wrapped lines, the last ones kept when they do not all fit (the newest
/// in view), and whether rows above were left out (to mark ▴).
fn tail(lines: Vec<Line<'static>>, width: u16, height: u16) -> (Vec<Line<'static>>, bool) {
    let wrapped = wrap(lines, width);
    let skip = wrapped.len().saturating_sub(height as usize);
    (wrapped.into_iter().skip(skip).collect(), skip > 0)
}

/// The derivation's lines in `height` rows (D21): whole where they fit;
/// else the earlier lines, oldest first, shortened to one row ending `…`
/// (Left makes one the last line again, whole); the newest line always
/// whole. Also whether rows above were still left out (▴ in the title).
fn fit_derivation(lines: &[String], width: u16, height: u16, theme: &Theme) -> (Vec<Line<'static>>, bool) {
    let last = lines.len().saturating_sub(1);
    let style = |i: usize| if i == last { theme.title } else { theme.text };
    let wrapped: Vec<Vec<Line>> =
        lines.iter().enumerate().map(|(i, l)| wrap(Line::styled(l.clone(), style(i)), width)).collect();
    let mut total: usize = wrapped.iter().map(Vec::len).sum();
    let mut short = vec![false; lines.len()];
    for (i, w) in wrapped.iter().enumerate().take(last) {
        if total <= height as usize {
            break;
        }
        if w.len() > 1 {
            total -= w.len() - 1;
            short[i] = true;
        }
    }
    let mut out = vec![];
    for (i, w) in wrapped.into_iter().enumerate() {
        if short[i] {
            let first = wrap(Line::raw(lines[i].clone()), width.saturating_sub(1)).swap_remove(0);
            out.push(Line::styled(format!("{first}…"), style(i)));
        } else {
            out.extend(w);
        }
    }
    let skip = out.len().saturating_sub(height as usize);
    (out.into_iter().skip(skip).collect(), skip > 0)
}

fn derivation_panel(frame: &mut Frame, area: Rect, lab: &MleLab, t: &Text, theme: &Theme) {
    let inner = panel("", theme).inner(area);
    let lines = words::derivation(lab, words::Place::Cursor, t);
    let (rows, above) = fit_derivation(&lines, inner.width, inner.height, theme);
    let block = panel(marked_title(&[(above, "▴")], t.mle.derivation_title), theme);
    frame.bordered(block, area);
    frame.paragraph(Paragraph::new(rows), inner);
}

fn surface_panel(frame: &mut Frame, area: Rect, lab: &MleLab, t: &Text, theme: &Theme) -> Hits {
    let Some(st) = &lab.normal else { return vec![] };
    let inner = panel("", theme).inner(area);
    let s = &st.surface;
    let best = st.fit.loglik.and_then(|_| s.cell_of(st.fit.mu, st.fit.sigma));
    let path: Vec<(usize, usize)> = st.path.iter().filter_map(|(m, sd)| s.cell_of(*m, *sd)).collect();
    // `[]` only where the numbers are read (an ascent may leave the surface drawn).
    let on_point = lab.cursor_on_point();
    let mut lines = vec![];
    let mut hits = vec![];
    for r in 0..SURFACE_ROWS {
        let spans: Vec<Span> = (0..SURFACE_COLS)
            .map(|c| {
                let shade = s.shade(r, c);
                let (text, style) = if (r, c) == st.cursor && on_point {
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
    if !on_point {
        text.insert(1, Line::styled(t.mle.point_off_surface, theme.dim));
    }
    text.push(Line::styled(t.mle.surface_legend, theme.dim));
    let [grid, below] = Layout::vertical([Constraint::Length(SURFACE_ROWS as u16), Constraint::Min(0)]).areas(inner);
    frame.paragraph(Paragraph::new(lines), grid);
    let (text, above) = tail(text, below.width, below.height);
    frame.bordered(panel(marked_title(&[(above, "▴")], t.mle.surface_title), theme), area);
    frame.paragraph(Paragraph::new(text), below);
    hits
}

/// The sample itself (review point 1): for a small n each x_i with x_i − x̄
/// and (x_i − x̄)² (after μ̂ is revealed) and the sums the derivation uses
/// (Σ (x_i − x̄)² after σ̂ is); for a large n a histogram of its points.
fn sample_panel(frame: &mut Frame, area: Rect, lab: &MleLab, t: &Text, theme: &Theme) {
    let m = &t.mle;
    let Some(st) = &lab.normal else { return };
    let inner = panel("", theme).inner(area);
    let mut lines: Vec<Line<'static>> = vec![];
    if st.x.len() <= SAMPLE_TABLE_MAX {
        let dev = mle::deviations(&st.x, st.fit.mu);
        let hidden = |s: String| if lab.mu_revealed() { s } else { "?".to_string() };
        let mut rows: Vec<[String; 4]> = vec![crate::text::SAMPLE_HEADS.map(str::to_string)];
        for (i, (x, (d, d2))) in st.x.iter().zip(&dev).enumerate() {
            rows.push([(i + 1).to_string(), num(*x), hidden(num(*d)), hidden(num(*d2))]);
        }
        let w: Vec<usize> = (0..4).map(|c| rows.iter().map(|r| width(&r[c])).max().unwrap_or(0)).collect();
        for (i, r) in rows.iter().enumerate() {
            let cells: Vec<String> = r.iter().zip(&w).map(|(s, w)| pad_start(s, *w)).collect();
            lines.push(Line::styled(cells.join("  "), if i == 0 { theme.dim } else { theme.text }));
        }
        let f = &st.fit;
        if lab.mu_revealed() {
            lines.push(Line::raw(crate::text::sample_sum(&num(f.sum), f.n, &num(f.mu))));
        } else {
            lines.push(Line::styled(m.sample_wait, theme.dim));
        }
        if lab.sigma_revealed() {
            lines.push(Line::raw(crate::text::sample_sse(&num(f.sse), f.n, &num(f.var_mle))));
        }
    } else {
        let bins = mle::histogram(&st.x, HISTOGRAM_BINS);
        let (lo, hi) = (bins.first().map_or(0.0, |b| b.lo), bins.last().map_or(0.0, |b| b.hi));
        lines.push(Line::styled((m.histogram_intro)(st.x.len(), bins.len(), &num(lo), &num(hi)), theme.dim));
        let labels: Vec<(String, String)> =
            bins.iter().map(|b| (format!("{} .. {}", num(b.lo), num(b.hi)), b.count.to_string())).collect();
        let lw = labels.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
        let cw = labels.iter().map(|(_, c)| width(c)).max().unwrap_or(0);
        let top = bins.iter().map(|b| b.count).max().unwrap_or(1).max(1);
        let bar_w = (inner.width as usize).saturating_sub(lw + cw + 4).max(1);
        for (b, (l, c)) in bins.iter().zip(&labels) {
            // Scaled to the tallest bin; a bin with points always shows one mark.
            let bar = (b.count * bar_w).div_ceil(top);
            lines.push(Line::raw(format!("{}  {}  {}", pad_end(l, lw), pad_start(c, cw), "#".repeat(bar))));
        }
    }
    let (rows, above) = tail(lines, inner.width, inner.height);
    frame.bordered(panel(marked_title(&[(above, "▴")], m.sample_view), theme), area);
    frame.paragraph(Paragraph::new(rows), inner);
}

fn text_panel(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line<'static>>, theme: &Theme) {
    let inner = panel("", theme).inner(area);
    let (rows, above) = tail(lines, inner.width, inner.height);
    frame.bordered(panel(marked_title(&[(above, "▴")], title), theme), area);
    frame.paragraph(Paragraph::new(rows), inner);
}

pub fn render(frame: &mut Frame, area: Rect, lab: &MleLab, t: &Text, theme: &Theme) -> Hits {
    let m = &t.mle;
    // The hint only where Right does reveal a line of the derivation on screen (D21).
    let hint = lab.view == View::Derivation && lab.shown < lab.steps().len();
    let message_text = match (&lab.predict.asking, &lab.message) {
        (Some(_), _) => String::new(),
        (None, Some(msg)) => words::message_text(msg, t),
        (None, None) if hint => m.reveal_hint.to_string(),
        (None, None) => String::new(),
    };
    let mut message_lines = wrap(Line::raw(message_text.clone()), area.width);
    message_lines.retain(|l| l.width() > 0);
    let prompt = prompt_lines(lab, t, theme, area.width);
    let message_rows = if lab.predict.is_asking() { prompt.len() } else { message_lines.len() };
    // The status and the knobs wrap rather than lose their ends (D19).
    let status_lines = wrap(Line::styled(status_text(lab, t), theme.title), area.width);
    let knob_spans = crate::ui::chrome::knob_spans(knob_rows(lab, t), &lab.knob, theme);
    let knob_lines = wrap(Line::from(knob_spans), area.width);
    let [status, knobs, body, message] = Layout::vertical([
        Constraint::Length(status_lines.len() as u16),
        Constraint::Length(knob_lines.len() as u16),
        Constraint::Min(8),
        Constraint::Length(message_rows as u16),
    ])
    .areas(area);
    frame.paragraph(Paragraph::new(status_lines), status);
    frame.paragraph(Paragraph::new(knob_lines), knobs);
    // The surface's grid and readings want the wider share.
    let left_pct = if lab.view == View::Surface && lab.normal.is_some() { 40 } else { 45 };
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(left_pct), Constraint::Percentage(100 - left_pct)]).areas(body);
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
        (View::Sample, Some(_)) => {
            sample_panel(frame, right, lab, t, theme);
            vec![]
        }
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
        let input_row = prompt.iter().position(|l| l.style == theme.text).unwrap_or(1);
        frame.paragraph(Paragraph::new(prompt), message);
        let x = message.x as usize + Span::raw(p.input.before_caret()).width();
        if x < message.right() as usize && (input_row as u16) < message.height {
            frame.set_cursor_position(Position::new(x as u16, message.y + input_row as u16));
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

/// The question asked, wrapped whole, the answer being typed (the one row
/// styled as plain text: the caret goes there), and a message about it.
fn prompt_lines(lab: &MleLab, t: &Text, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let m = &t.mle;
    let Some(p) = &lab.predict.asking else { return vec![] };
    let q = match p.question {
        super::lab::Asking::Mu => m.ask_mu.to_string(),
        super::lab::Asking::Sigma => m.ask_sigma.to_string(),
        super::lab::Asking::P(k) => (m.ask_p)(k + 1),
    };
    let mut lines = wrap(Line::styled(q, theme.title), width);
    lines.push(Line::styled(p.input.buffer.clone(), theme.text));
    if let Some(msg) = &lab.message {
        lines.extend(wrap(Line::styled(words::message_text(msg, t), theme.error), width));
    }
    lines
}
