//! Draws the counting-RNN lab. Numbers come from the lab (from `math`).

use super::lab::{CountLab, Message};
use crate::math::format::num;
use crate::text::Text;
use crate::ui::chrome::panel;
use crate::ui::theme::{Theme, shade_char};
use crate::ui::width::wrap;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Sequence 1, one row per step: k, x_k, S_k; then the prediction.
pub(crate) fn sequence_lines(lab: &CountLab, t: &Text, theme: &Theme) -> Vec<Line<'static>> {
    let c = &t.count;
    let mut lines = vec![Line::styled(format!("{:>3} {:>6} {:>10}", c.row_k, c.row_x, c.row_s), theme.dim)];
    for k in 0..=lab.steps() {
        let x = if k == 0 { "-".to_string() } else { num(lab.x[[0, k - 1]]) };
        lines.push(Line::raw(format!("{k:>3} {x:>6} {:>10}", num(lab.fwd.s[[0, k]]))));
    }
    lines.push(Line::raw((c.prediction)(&num(lab.fwd.y[0]), &num(lab.fwd.targets[0]))));
    lines
}

pub(crate) fn loop_lines(lab: &CountLab, t: &Text, theme: &Theme) -> Vec<Line<'static>> {
    let c = &t.count;
    let mut lines = vec![];
    for (i, st) in lab.back.steps.iter().take(lab.shown).enumerate() {
        let ds = num(st.ds_k[0]);
        let head = if i == 0 { (c.step_last)(st.k, &ds) } else { (c.step_inner)(st.k, &ds) };
        let style = if i + 1 == lab.shown { theme.title } else { theme.text };
        lines.push(Line::styled(head, style));
        lines.push(Line::styled(
            (c.step_sums)(&num(st.add_w_x), &num(st.g_w_x), &num(st.add_w_rec), &num(st.g_w_rec)),
            style,
        ));
    }
    if lab.shown == 0 {
        lines.push(Line::styled(c.loop_hint, theme.dim));
    }
    // Keep the newest step in view.
    lines
}

fn surface_lines(lab: &CountLab, theme: &Theme) -> Vec<Line<'static>> {
    let s = &lab.surface;
    let (lo, hi) = s.log10_loss.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(*v), b.max(*v)));
    // A path point marks the surface cell nearest to it.
    let path: Vec<(usize, usize)> = lab.path.iter().filter_map(|w| s.cell_of(*w)).collect();
    let on_path = |r: usize, c: usize| path.contains(&(r, c));
    (0..s.rec.len())
        .map(|r| {
            Line::from(
                (0..s.wx.len())
                    .map(|c| {
                        let v = s.log10_loss[[r, c]];
                        let frac = if hi > lo { (v - lo) / (hi - lo) } else { 0.0 };
                        let text = if (r, c) == lab.cursor {
                            "[]".to_string()
                        } else if on_path(r, c) {
                            "**".to_string()
                        } else {
                            shade_char(frac).to_string().repeat(2)
                        };
                        let style = if (r, c) == lab.cursor { theme.current } else { theme.heat(frac) };
                        Span::styled(text, style)
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}

pub fn render(frame: &mut Frame, area: Rect, lab: &CountLab, t: &Text, theme: &Theme) {
    let c = &t.count;
    let [status, body, message] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(10), Constraint::Length(2)]).areas(area);
    let data = if lab.use_tutorial { c.data_tutorial } else { c.data_random };
    let st = vec![
        Line::styled(c.title, theme.title),
        Line::raw(format!(
            "{}   {}   {}   {}: {}",
            (c.weights)(&num(lab.w.0), &num(lab.w.1), &num(lab.fwd.loss)),
            data,
            (c.lr)(&num(lab.lr)),
            t.conv.predict_label,
            if lab.predict { t.conv.on } else { t.conv.off }
        )),
    ];
    frame.render_widget(Paragraph::new(wrap(st, status.width)), status);

    let surface_w = (lab.surface.wx.len() * 2 + 2) as u16;
    let right_w = surface_w.max(62).min(body.width / 2);
    let [left, right] = Layout::horizontal([Constraint::Min(30), Constraint::Length(right_w)]).areas(body);
    let [seq, lp] = Layout::horizontal([Constraint::Length(26), Constraint::Min(20)]).areas(left);
    frame.render_widget(Paragraph::new(sequence_lines(lab, t, theme)).block(panel(c.sequence, theme)), seq);
    let loop_block = panel(c.loop_title, theme);
    let inner_h = loop_block.inner(lp).height as usize;
    // Keep the newest step in view: wrap first, then skip rows from the top.
    let lines = wrap(loop_lines(lab, t, theme), lp.width.saturating_sub(2));
    let skip = lines.len().saturating_sub(inner_h);
    frame.render_widget(Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).block(loop_block), lp);

    let rows = lab.surface.rec.len() as u16 + 3;
    let [surf, check, mistakes] =
        Layout::vertical([Constraint::Length(rows), Constraint::Length(6), Constraint::Min(4)]).areas(right);
    let mut sl = surface_lines(lab, theme);
    sl.push(Line::styled(c.surface_legend, theme.dim));
    let title = if lab.zoom { c.surface_zoom } else { c.surface };
    frame.render_widget(Paragraph::new(sl).block(panel(title, theme)), surf);
    let ck = &lab.check;
    let check_lines = vec![
        Line::raw((c.check_row)("dL/dw_x", &num(ck.analytic.0), &num(ck.numeric.0), &num(ck.rel_error.0))),
        Line::raw((c.check_row)("dL/dw_rec", &num(ck.analytic.1), &num(ck.numeric.1), &num(ck.rel_error.1))),
    ];
    frame.render_widget(
        Paragraph::new(wrap(check_lines, check.width.saturating_sub(2))).block(panel(c.check, theme)),
        check,
    );
    let mut ml = vec![Line::styled((c.right_row)(&num(lab.back.g_w_x), &num(lab.back.g_w_rec)), theme.good)];
    for (i, (_, g, off)) in lab.mistakes.iter().enumerate() {
        ml.push(Line::raw((c.mistake_row)(c.mistake_names[i], &num(g.0), &num(g.1), &num(*off))));
    }
    frame.render_widget(
        Paragraph::new(wrap(ml, mistakes.width.saturating_sub(2))).block(panel(c.mistakes, theme)),
        mistakes,
    );

    if let Some(p) = &lab.prompt {
        let k = lab.back.steps.get(lab.shown).map_or(0, |s| s.k);
        let mut head = vec![Span::styled((c.predict_prompt)(k), theme.title)];
        if lab.message == Some(Message::NotNumbers) {
            head.push(Span::styled(format!("  {}", c.not_numbers), theme.error));
        }
        let lines = vec![Line::from(head), Line::raw(p.buffer.clone())];
        frame.render_widget(Paragraph::new(lines), message);
        let x = message.x as usize + Span::raw(p.before_caret()).width();
        if x < message.right() as usize && message.height > 1 {
            frame.set_cursor_position(Position::new(x as u16, message.y + 1));
        }
    } else {
        let line = match &lab.message {
            Some(Message::Graded(g)) => {
                let part = |(typed, truth, off): (f64, f64, Option<f64>)| {
                    let verdict = off.map_or(c.agrees.to_string(), |o| (c.off_by)(&num(o)));
                    [num(typed), num(truth), verdict]
                };
                let [a, b, c3] = [part(g[0]), part(g[1]), part(g[2])];
                Line::raw((c.graded)(&a, &b, &c3))
            }
            Some(Message::NotNumbers) => Line::styled(c.not_numbers, theme.error),
            Some(Message::Diverged) => Line::styled(c.diverged, theme.error),
            Some(Message::LeftSurface((wx, wr))) => Line::styled((c.left_surface)(&num(*wx), &num(*wr)), theme.error),
            Some(Message::PathFull) => Line::styled(c.path_full, theme.error),
            None => Line::raw(""),
        };
        frame.render_widget(Paragraph::new(wrap(line, message.width)), message);
    }
}
