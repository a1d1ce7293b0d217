//! Draws the gradient-descent lab: the status and knobs, the picture (one
//! variable: the curve, the iterates and the tangent; two: contour bands
//! as digits with the path), the loop's lines, and the prompt or message.
//! Numbers come from the lab (from `math`).

use super::lab::{GRID_COLS, GRID_ROWS, GdLab, Knob, Message, Question};
use super::words;
use crate::math::format::num;
use crate::math::gd::Bug;
use crate::text::Text;
use crate::ui::chrome::{marked_title, panel};
use crate::ui::drawn::Draw;
use crate::ui::theme::Theme;
use crate::ui::width::wrap;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph};

/// The fewest rows a picture is drawn in (plot, axis and frame).
const PICTURE_MIN: u16 = 12;
/// The most iterates drawn as points (the latest ones).
const MAX_POINTS: usize = 2000;

/// (knob, name, value) of every knob that applies.
pub(crate) fn knob_rows(lab: &GdLab, t: &Text) -> Vec<(Knob, &'static str, String)> {
    let g = &t.gd;
    let s = &lab.settings;
    lab.knobs()
        .into_iter()
        .map(|k| {
            let v = match k {
                Knob::Function => {
                    lab.preset.map_or(g.typed.to_string(), |i| format!("{}/{}", i + 1, super::lab::PRESETS.len()))
                }
                Knob::X0 => num(s.init[0]),
                Knob::Y0 => s.init.get(1).map_or_else(String::new, |v| num(*v)),
                Knob::Lr => num(s.lr),
                Knob::Eps => num(s.eps),
                Knob::MaxSteps => s.max_steps.to_string(),
                Knob::Slip => g.slip_names[slip_index(s.bug)].to_string(),
            };
            (k, g.knob_names[Knob::ALL.iter().position(|x| *x == k).unwrap_or(0)], v)
        })
        .collect()
}

pub(crate) fn slip_index(bug: Option<Bug>) -> usize {
    match bug {
        None => 0,
        Some(Bug::Plus) => 1,
        Some(Bug::NoAbs) => 2,
        Some(Bug::Stale) => 3,
    }
}

/// The lab's one-line state: title, the step shown, predict mode.
pub(crate) fn status_text(lab: &GdLab, t: &Text) -> String {
    let g = &t.gd;
    let predict = format!("{}: {}", t.conv.predict_label, if lab.predict.on { t.conv.on } else { t.conv.off });
    let mut s = format!("{}   {}   {predict}", g.title, (g.step_of)(lab.shown, lab.run.iterates.len() - 1));
    if lab.predict.score.1 > 0 {
        s.push_str(&format!("   {}", (g.score)(lab.predict.score.0, lab.predict.score.1)));
    }
    s
}

pub(crate) fn message_text(m: &Message, t: &Text) -> String {
    let g = &t.gd;
    match m {
        Message::Refused(e) => (g.refused)(&(g.expr_error)(&e.kind), e.at + 1),
        Message::Undefined => g.undefined_start.to_string(),
        Message::AtEnd => g.at_end.to_string(),
        Message::KnobAtEnd => g.knob_at_end.to_string(),
        Message::NotAnAnswer => g.not_an_answer.to_string(),
        Message::Graded { question: Question::NextX, right: true, .. } => g.right.to_string(),
        Message::Graded { question: Question::NextX, truth, .. } => {
            (g.wrong_x)(&truth.iter().map(|v| num(*v)).collect::<Vec<_>>().join(", "))
        }
        Message::Graded { question: Question::Overshoot, right, overshoot, .. } => {
            let verdict = if *right { g.right } else { "" };
            format!("{verdict} {}", (g.overshoot_truth)(*overshoot)).trim().to_string()
        }
    }
}

fn one_variable(frame: &mut Frame, area: Rect, lab: &GdLab, corner: Option<Line<'static>>, t: &Text, theme: &Theme) {
    let g = &t.gd;
    let block = panel(g.picture_title, theme).title_top(corner.unwrap_or_default().right_aligned());
    let inner = block.inner(area);
    frame.bordered(block, area);
    let upto = lab.shown.min(lab.run.iterates.len() - 1);
    let from = (upto + 1).saturating_sub(MAX_POINTS);
    let points: Vec<(f64, f64)> = lab.run.iterates[from..=upto].iter().map(|it| (it.x[0], it.f)).collect();
    let tangent = lab.tangent();
    let (x_lo, x_hi) = lab.x_range;
    let (y_lo, y_hi) = crate::math::axis::padded_bounds(lab.curve.iter().chain(&points).map(|p| p.1), 0.05);
    let sets = vec![
        Dataset::default()
            .marker(theme.series(0).marker)
            .graph_type(GraphType::Line)
            .style(theme.series(0).style)
            .data(&lab.curve),
        Dataset::default()
            .marker(theme.series(2).marker)
            .graph_type(GraphType::Line)
            .style(theme.series(2).style)
            .data(&tangent),
        Dataset::default()
            .marker(theme.series(1).marker)
            .graph_type(GraphType::Scatter)
            .style(theme.series(1).style)
            .data(&points),
    ];
    let legend: Vec<Span> = [(0, g.legend_curve), (1, g.legend_iterates), (2, g.legend_tangent)]
        .into_iter()
        .map(|(i, name)| Span::styled(format!("{} {name}  ", theme.series(i).sample), theme.series(i).style))
        .collect();
    let legend = wrap(Line::from(legend), inner.width);
    let [plot, key] = Layout::vertical([Constraint::Min(3), Constraint::Length(legend.len() as u16)]).areas(inner);
    let chart = Chart::new(sets)
        .x_axis(Axis::default().bounds([x_lo, x_hi]).labels(vec![Line::raw(num(x_lo)), Line::raw(num(x_hi))]))
        .y_axis(Axis::default().bounds([y_lo, y_hi]).labels(vec![Line::raw(num(y_lo)), Line::raw(num(y_hi))]))
        .legend_position(None);
    frame.content(chart, plot);
    frame.paragraph(Paragraph::new(legend), key);
}

fn two_variables(frame: &mut Frame, area: Rect, lab: &GdLab, corner: Option<Line<'static>>, t: &Text, theme: &Theme) {
    let g = &t.gd;
    let block = panel(g.contour_title, theme).title_top(corner.unwrap_or_default().right_aligned());
    let inner = block.inner(area);
    frame.bordered(block, area);
    let upto = lab.shown.min(lab.run.iterates.len() - 1);
    let path: std::collections::HashSet<(usize, usize)> =
        lab.run.iterates[..=upto].iter().filter_map(|it| lab.cell_of(&it.x)).collect();
    let start = lab.cell_of(&lab.run.iterates[0].x);
    let now = lab.cell_of(&lab.now().x);
    // Two columns a cell where they fit, so the grid is less squeezed.
    let wide = inner.width as usize >= 2 * GRID_COLS;
    let mut lines: Vec<Line> = (0..GRID_ROWS)
        .map(|r| {
            let spans: Vec<Span> = (0..GRID_COLS)
                .map(|c| {
                    let (ch, style) = if Some((c, r)) == now {
                        ('@', theme.current)
                    } else if Some((c, r)) == start {
                        ('o', theme.title)
                    } else if path.contains(&(c, r)) {
                        ('*', theme.title)
                    } else {
                        match lab.contour[r][c] {
                            Some(level) => (char::from(b'0' + level), theme.heat(level as f64 / 9.0)),
                            None => (' ', theme.text),
                        }
                    };
                    Span::styled(if wide { format!("{ch} ") } else { ch.to_string() }, style)
                })
                .collect();
            Line::from(spans)
        })
        .collect();
    let ((x0, x1), (y0, y1)) = (lab.x_range, lab.y_range);
    let mut below = vec![
        Line::raw(format!("x: {} .. {}   y: {} .. {}", num(x0), num(x1), num(y0), num(y1))),
        Line::styled(g.contour_legend, theme.dim),
    ];
    lines.append(&mut below);
    frame.paragraph(Paragraph::new(wrap(lines, inner.width)), inner);
}

/// The picture panel; `corner` is a note in its top border's right end.
fn picture(frame: &mut Frame, area: Rect, lab: &GdLab, corner: Option<Line<'static>>, t: &Text, theme: &Theme) {
    if lab.dim() == 1 {
        one_variable(frame, area, lab, corner, t, theme)
    } else {
        two_variables(frame, area, lab, corner, t, theme)
    }
}

/// The loop's lines in a panel; lines that do not fit are cut at the
/// bottom, and the title says so (▾).
fn loop_panel(frame: &mut Frame, area: Rect, lines: &[Line<'static>], title: &str, t: &Text, theme: &Theme) {
    let inner_h = area.height.saturating_sub(2) as usize;
    let cut = lines.len() > inner_h;
    let title = marked_title(&[(cut, t.conv.more_below)], title);
    let block = panel(title, theme);
    let inner = block.inner(area);
    frame.bordered(block, area);
    frame.paragraph(Paragraph::new(lines.iter().take(inner_h).cloned().collect::<Vec<_>>()), inner);
}

fn loop_lines(lab: &GdLab, t: &Text, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let lines: Vec<Line> = words::loop_lines(lab, t).into_iter().map(|l| Line::styled(l, theme.text)).collect();
    wrap(lines, width.saturating_sub(2))
}

pub fn render(frame: &mut Frame, area: Rect, lab: &GdLab, t: &Text, theme: &Theme) {
    let g = &t.gd;
    let knob_spans = crate::ui::chrome::knob_spans(knob_rows(lab, t), &lab.knob, theme);
    let mut top = wrap(Line::styled(status_text(lab, t), theme.title), area.width);
    top.extend(wrap(Line::from(knob_spans), area.width));
    let prompt = lab.is_typing() || lab.predict.is_asking();
    let message = lab.message.as_ref().map(|m| message_text(m, t)).unwrap_or_default();
    let message_lines =
        if message.is_empty() { vec![] } else { wrap(Line::styled(message.clone(), theme.error), area.width) };
    let bottom_h = if prompt { 2 + message_lines.len().min(2) as u16 } else { message_lines.len().min(3) as u16 };
    let [head, body, bottom] =
        Layout::vertical([Constraint::Length(top.len() as u16), Constraint::Min(4), Constraint::Length(bottom_h)])
            .areas(area);
    frame.paragraph(Paragraph::new(top), head);

    // Side by side where there is width; stacked where there is height;
    // else the picture and the loop take turns (Tab).
    if body.width >= 100 {
        let [left, right] = Layout::horizontal([Constraint::Percentage(48), Constraint::Percentage(52)]).areas(body);
        picture(frame, left, lab, None, t, theme);
        loop_panel(frame, right, &loop_lines(lab, t, theme, right.width), g.loop_title, t, theme);
    } else {
        let lines = loop_lines(lab, t, theme, body.width);
        let text_h = lines.len() as u16 + 2;
        if body.height >= text_h + PICTURE_MIN {
            let [pic, text] = Layout::vertical([Constraint::Min(PICTURE_MIN), Constraint::Length(text_h)]).areas(body);
            picture(frame, pic, lab, None, t, theme);
            loop_panel(frame, text, &lines, g.loop_title, t, theme);
        } else if lab.text_tab {
            loop_panel(frame, body, &lines, &format!("{}  (Tab: {})", g.loop_title, g.key_panel), t, theme);
        } else {
            // The other panel's key, in the picture's border, as a title
            // (drawn with the border, never over it).
            let hint = Line::styled(format!(" Tab: {} ", g.key_panel), theme.dim);
            picture(frame, body, lab, Some(hint), t, theme);
        }
    }

    if prompt {
        let question = if lab.is_typing() {
            g.type_prompt
        } else {
            match lab.predict.question() {
                Some(Question::Overshoot) => g.ask_overshoot,
                _ if lab.dim() == 2 => g.ask_next_xy,
                _ => g.ask_next_x,
            }
        };
        let input = lab.typing.as_ref().or(lab.predict.asking.as_ref().map(|a| &a.input));
        let buffer = input.map_or(String::new(), |i| i.buffer.clone());
        let mut lines = vec![Line::styled(question, theme.title), Line::raw(buffer)];
        lines.extend(message_lines.into_iter().take(2));
        frame.paragraph(Paragraph::new(lines), bottom);
        if let Some(input) = input {
            let x = bottom.x as usize + Span::raw(input.before_caret()).width();
            if x < bottom.right() as usize && bottom.height > 1 {
                frame.set_cursor_position(Position::new(x as u16, bottom.y + 1));
            }
        }
    } else {
        let style = match &lab.message {
            Some(Message::Graded { right: true, .. }) => theme.good,
            _ => theme.error,
        };
        let lines: Vec<Line> = message_lines.into_iter().take(3).map(|l| l.style(style)).collect();
        frame.paragraph(Paragraph::new(lines), bottom);
    }
}
