//! Draws the counting-RNN lab. Numbers come from the lab (from `math`).

use super::lab::{CountLab, Message};
use crate::math::format::{num, num_value};
use crate::text::Text;
use crate::ui::chrome::panel;
use crate::ui::drawn::Draw;
use crate::ui::theme::{Theme, shade_char};
use crate::ui::width::wrap;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Width of the BPTT table: a mark, eight columns, the panel's border.
pub(crate) const TABLE_WIDTH: u16 = 78;

fn table_row(cells: [&str; 8]) -> String {
    let w = [3, 4, 9, 10, 10, 10, 10, 11];
    cells.iter().zip(w).map(|(c, w)| crate::ui::width::pad_start(c, w)).collect::<Vec<_>>().join(" ")
}

/// The BPTT loop as a table, one row per k from T down to 1: sequence 1's
/// x_k, S_{k−1}, dL/dS_k and its two terms, then what the step adds summed
/// over the batch; rows not run yet show `·`. The row just run is marked
/// `>`, the one being predicted `?`. Returns the lines and the index of the
/// marked row among them (to keep it in view).
pub(crate) fn table_lines(
    lab: &CountLab,
    t: &Text,
    theme: &Theme,
) -> (Vec<Line<'static>>, Vec<Line<'static>>, Option<usize>) {
    let c = &t.count;
    let n = lab.x.nrows();
    let head = vec![
        Line::styled((c.table_note)(n), theme.dim),
        Line::styled(c.table_rule, theme.dim),
        Line::styled(format!("  {}", table_row(c.table_head)), theme.dim),
    ];
    let t_len = lab.steps();
    let asked = lab.predict.is_asking().then(|| t_len.saturating_sub(lab.shown));
    let mut marked = None;
    let rows = (1..=t_len)
        .rev()
        .enumerate()
        .map(|(i, k)| {
            let step = lab.back.steps.get(t_len - k).filter(|_| t_len - k < lab.shown);
            let dot = "·".to_string();
            let v = |f: &dyn Fn(&crate::math::counting_rnn::BackStep) -> f64| step.map_or(dot.clone(), |s| num(f(s)));
            let cells = [
                k.to_string(),
                num(lab.x[[0, k - 1]]),
                num(lab.fwd.s[[0, k - 1]]),
                v(&|s| s.ds_k[0]),
                v(&|s| s.term_w_x[0]),
                v(&|s| s.term_w_rec[0]),
                v(&|s| s.add_w_x),
                v(&|s| s.add_w_rec),
            ];
            let cells: [&str; 8] = std::array::from_fn(|j| cells[j].as_str());
            let just_run = lab.shown > 0 && k == t_len + 1 - lab.shown && asked.is_none();
            let (mark, style) = if asked == Some(k) {
                ("? ", theme.current)
            } else if just_run {
                ("> ", theme.title)
            } else {
                ("  ", theme.text)
            };
            if mark != "  " {
                marked = Some(i);
            }
            Line::styled(format!("{mark}{}", table_row(cells)), style)
        })
        .collect();
    (head, rows, marked)
}

/// Below the rows: sequence 1's prediction and the sums so far.
pub(crate) fn table_foot(lab: &CountLab, t: &Text, theme: &Theme) -> Vec<Line<'static>> {
    let c = &t.count;
    let mut out = vec![Line::raw((c.prediction)(&num(lab.fwd.y[0]), &num(lab.fwd.targets[0])))];
    match lab.back.steps.get(lab.shown.saturating_sub(1)).filter(|_| lab.shown > 0) {
        Some(st) => out.push(Line::styled((c.table_totals)(&num(st.g_w_x), &num(st.g_w_rec)), theme.title)),
        None => out.push(Line::styled(c.loop_hint, theme.dim)),
    }
    out
}

/// The table in a panel, its rows scrolled so the marked one stays in view.
fn draw_table(frame: &mut Frame, area: Rect, lab: &CountLab, t: &Text, theme: &Theme) {
    let probe = panel(String::new(), theme).inner(area);
    let (head, rows, marked) = table_lines(lab, t, theme);
    let head = wrap(head, probe.width);
    let foot = wrap(table_foot(lab, t, theme), probe.width);
    let room = (probe.height as usize).saturating_sub(head.len() + foot.len());
    let first = marked.map_or(0, |m| (m + 1).saturating_sub(room.max(1))).min(rows.len().saturating_sub(room));
    // Rows out of view are marked in the title, as the convolution lab marks its grids.
    let marks = [(first > 0, t.conv.more_above), (rows.len() > first + room, t.conv.more_below)];
    let block = panel(crate::ui::chrome::marked_title(&marks, &(t.count.table_title)(lab.x.nrows())), theme);
    let inner = block.inner(area);
    frame.bordered(block, area);
    let mut lines = head;
    lines.extend(rows.into_iter().skip(first).take(room));
    lines.extend(foot);
    frame.paragraph(Paragraph::new(lines), inner);
}

/// The w_rec labels beside the surface's top, middle and bottom rows.
fn rec_ticks(lab: &CountLab) -> [(usize, String); 3] {
    let rec = &lab.surface.rec;
    let last = rec.len().saturating_sub(1);
    [0, last / 2, last].map(|r| (r, rec.get(r).map_or(String::new(), |v| num(*v))))
}

/// How wide the w_rec labels are, with their space.
fn tick_margin(lab: &CountLab) -> usize {
    rec_ticks(lab).iter().map(|(_, l)| crate::ui::width::width(l)).max().unwrap_or(0) + 1
}

/// The surface: one two-character cell per (w_rec, w_x), w_rec labelled on
/// the left and w_x below; `[]` the cursor, `**` the path, `()` (1, 1).
fn surface_lines(lab: &CountLab, theme: &Theme) -> Vec<Line<'static>> {
    let s = &lab.surface;
    let (lo, hi) = s.log10_loss.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(*v), b.max(*v)));
    // A path point marks the surface cell nearest to it.
    let path: Vec<(usize, usize)> = lab.path.iter().filter_map(|w| s.cell_of(*w)).collect();
    let on_path = |r: usize, c: usize| path.contains(&(r, c));
    let perfect = s.cell_of((1.0, 1.0));
    // `[]` only where the weights are: off the view it would read as "here" (D16).
    let in_view = lab.cursor_in_view();
    let ticks = rec_ticks(lab);
    let margin = tick_margin(lab);
    let mut lines: Vec<Line<'static>> = (0..s.rec.len())
        .map(|r| {
            let label = ticks.iter().find(|(row, _)| *row == r).map_or(String::new(), |(_, l)| l.clone());
            let mut spans = vec![Span::styled(crate::ui::width::pad_start(&format!("{label} "), margin), theme.dim)];
            spans.extend((0..s.wx.len()).map(|c| {
                let v = s.log10_loss[[r, c]];
                let frac = if hi > lo { (v - lo) / (hi - lo) } else { 0.0 };
                let text = if (r, c) == lab.cursor && in_view {
                    "[]".to_string()
                } else if on_path(r, c) {
                    "**".to_string()
                } else if Some((r, c)) == perfect {
                    "()".to_string()
                } else {
                    shade_char(frac).to_string().repeat(2)
                };
                let style = if (r, c) == lab.cursor && in_view { theme.current } else { theme.heat(frac) };
                Span::styled(text, style)
            }));
            Line::from(spans)
        })
        .collect();
    // w_x below: its first, middle and last value under their columns.
    let cols = s.wx.len();
    let mut axis = " ".repeat(margin + cols * 2);
    for c in [0, cols.saturating_sub(1) / 2, cols.saturating_sub(1)] {
        let Some(v) = s.wx.get(c) else { continue };
        let label = num(*v);
        let w = crate::ui::width::width(&label);
        let at = (margin + c * 2).min((margin + cols * 2).saturating_sub(w));
        if at + w <= axis.len() && axis.is_char_boundary(at) && axis.is_char_boundary(at + w) {
            axis.replace_range(at..at + w, &label);
        }
    }
    lines.push(Line::styled(axis, theme.dim));
    lines
}

/// The words under (or beside) the surface: its axes, where the weights are
/// when `[]` cannot show them, the path so far (review point 8: ten Rprop
/// steps can stay inside one cell), the legend.
fn surface_legend(lab: &CountLab, t: &Text, theme: &Theme) -> Vec<Line<'static>> {
    let c = &t.count;
    let mut out = vec![Line::styled(c.surface_axes[usize::from(lab.zoom)], theme.dim)];
    if !lab.cursor_in_view() {
        out.push(Line::styled((c.cursor_off_view)(&num(lab.w.0), &num(lab.w.1)), theme.title));
    }
    if let (Some(a), Some(b), true) = (lab.path.first(), lab.path.last(), lab.path.len() > 1) {
        let pair = |w: &(f64, f64)| format!("({}, {})", num(w.0), num(w.1));
        out.push(Line::styled((c.path_summary)(lab.path.len() - 1, &pair(a), &pair(b)), theme.dim));
    }
    out.push(Line::styled(c.surface_legend, theme.dim));
    out
}

/// Rows the loss surface's panel takes at `width`: the grid, the legend as
/// wrapped, the border.
fn surface_height(lab: &CountLab, t: &Text, width: u16) -> u16 {
    let legend = wrap(surface_legend(lab, t, &Theme::MONO), width.saturating_sub(2)).len();
    (lab.surface.rec.len() + 1 + legend + 2) as u16
}

fn surface_width(lab: &CountLab) -> u16 {
    (tick_margin(lab) + lab.surface.wx.len() * 2 + 2) as u16
}

/// Rows the gradient check and the mistakes take together.
const CHECKS_HEIGHT: u16 = 14;

fn draw_surface(frame: &mut Frame, surf: Rect, lab: &CountLab, t: &Text, theme: &Theme) {
    let c = &t.count;
    let grid = surface_lines(lab, theme);
    let legend = surface_legend(lab, t, theme);
    let title = if lab.zoom { c.surface_zoom } else { c.surface };
    let block = panel(title, theme);
    let inner = block.inner(surf);
    frame.bordered(block, surf);
    let grid_w = surface_width(lab).saturating_sub(2);
    let below = wrap(legend.clone(), inner.width);
    if inner.height as usize >= grid.len() + below.len() || inner.width < grid_w + 16 {
        let mut lines = grid;
        lines.extend(below);
        frame.paragraph(Paragraph::new(lines), inner);
    } else {
        // Too low for the legend below the grid: it goes beside it.
        let [g, l] = Layout::horizontal([Constraint::Length(grid_w + 1), Constraint::Min(10)]).areas(inner);
        frame.paragraph(Paragraph::new(grid), g);
        frame.paragraph(Paragraph::new(wrap(legend, l.width)), l);
    }
}

/// The gradient check over the mistakes.
fn draw_checks(frame: &mut Frame, area: Rect, lab: &CountLab, t: &Text, theme: &Theme) {
    let c = &t.count;
    let [check, mistakes] = Layout::vertical([Constraint::Length(6), Constraint::Min(4)]).areas(area);
    let ck = &lab.check;
    // Gradients that happen to be whole are written as the others are (D25).
    let num = num_value;
    let check_lines = vec![
        Line::raw((c.check_row)("dL/dw_x", &num(ck.analytic.0), &num(ck.numeric.0), &num(ck.rel_error.0))),
        Line::raw((c.check_row)("dL/dw_rec", &num(ck.analytic.1), &num(ck.numeric.1), &num(ck.rel_error.1))),
    ];
    frame.paragraph(
        Paragraph::new(wrap(check_lines, check.width.saturating_sub(2))).block(panel(c.check, theme)),
        check,
    );
    let mut ml = vec![Line::styled((c.right_row)(&num(lab.back.g_w_x), &num(lab.back.g_w_rec)), theme.good)];
    for (i, (_, g, off)) in lab.mistakes.iter().enumerate() {
        ml.push(Line::raw((c.mistake_row)(c.mistake_names[i], &num(g.0), &num(g.1), &num(*off))));
    }
    frame.paragraph(
        Paragraph::new(wrap(ml, mistakes.width.saturating_sub(2))).block(panel(c.mistakes, theme)),
        mistakes,
    );
}

/// The surface beside the checks (wide) or over them.
fn draw_surface_and_checks(frame: &mut Frame, area: Rect, lab: &CountLab, t: &Text, theme: &Theme) {
    let sw = surface_width(lab);
    if area.width >= sw + 36 {
        let sh = surface_height(lab, t, sw);
        let [surf, rest] = Layout::horizontal([Constraint::Length(sw), Constraint::Min(10)]).areas(area);
        draw_surface(frame, Rect { height: sh.min(surf.height), ..surf }, lab, t, theme);
        draw_checks(frame, rest, lab, t, theme);
    } else {
        let sh = surface_height(lab, t, area.width);
        let [surf, rest] = Layout::vertical([Constraint::Length(sh), Constraint::Min(4)]).areas(area);
        draw_surface(frame, surf, lab, t, theme);
        draw_checks(frame, rest, lab, t, theme);
    }
}

pub fn render(frame: &mut Frame, area: Rect, lab: &CountLab, t: &Text, theme: &Theme) {
    let c = &t.count;
    let data = if lab.use_tutorial { c.data_tutorial } else { c.data_random };
    let st = vec![
        Line::styled(c.title, theme.title),
        Line::raw(format!(
            "{}   {}   {}   {}: {}",
            (c.weights)(&num(lab.w.0), &num(lab.w.1), &num(lab.fwd.loss)),
            data,
            (c.lr)(&num(lab.lr)),
            t.conv.predict_label,
            if lab.predict.on { t.conv.on } else { t.conv.off }
        )),
    ];
    // The status wraps whole (the weights, the data, the rate: none cut).
    let st = wrap(st, area.width);
    // The message rows only when there is something to say or ask, as many as it wraps to.
    // The prompt wraps whole (D14); a message takes the rows it wraps to (D16).
    let prompt = prompt_head(lab, t, theme, area.width);
    let mut said = match &lab.message {
        Some(_) => wrap(message_line(lab, t, theme), area.width),
        None => vec![],
    };
    let sw = surface_width(lab);
    if lab.tab == 1 {
        // The surface alone needs its rows whole: a long message ends marked
        // where they start, and is whole on the other panels (Tab).
        let sh = surface_height(lab, t, if area.width >= sw + 36 { sw } else { area.width });
        let room = area.height.saturating_sub((st.len() as u16).min(4) + sh) as usize;
        if said.len() > room {
            said.truncate(room.saturating_sub(1));
            said.push(Line::styled(c.message_more, theme.dim));
        }
    }
    if said.len() > 6 {
        // Six rows at most on any panel; never cut without the mark.
        said.truncate(5);
        said.push(Line::styled(c.message_more, theme.dim));
    }
    let message_h = match &lab.predict.asking {
        Some(_) => prompt.len() as u16 + 1,
        None => said.len() as u16,
    };
    let [status, body, message] = Layout::vertical([
        Constraint::Length((st.len() as u16).min(4)),
        Constraint::Min(10),
        Constraint::Length(message_h),
    ])
    .areas(area);
    frame.paragraph(Paragraph::new(st), status);

    // Everything side by side or stacked when it fits; else one panel at a
    // time, switched with Tab, so that no number is cut.
    let sh = surface_height(lab, t, if body.width >= sw + 36 { sw } else { body.width });
    let table_h = lab.steps() as u16 + 7;
    let below_h = if body.width >= sw + 36 { sh.max(CHECKS_HEIGHT) } else { sh + CHECKS_HEIGHT };
    if lab.tab == 1 {
        draw_surface(frame, Rect { height: sh.min(body.height), ..body }, lab, t, theme);
    } else if lab.tab == 2 {
        draw_checks(frame, body, lab, t, theme);
    } else if body.width >= TABLE_WIDTH + sw + 36 && body.height >= sh.max(CHECKS_HEIGHT) {
        let [left, right] = Layout::horizontal([Constraint::Length(TABLE_WIDTH), Constraint::Min(10)]).areas(body);
        draw_table(frame, left, lab, t, theme);
        draw_surface_and_checks(frame, right, lab, t, theme);
    } else if body.width >= TABLE_WIDTH && body.height >= below_h + 10 {
        // The table takes what the panels below leave (its rows scroll to the step).
        let top_h = table_h.min(body.height - below_h);
        let [top, bottom] = Layout::vertical([Constraint::Length(top_h), Constraint::Min(4)]).areas(body);
        draw_table(frame, Rect { width: TABLE_WIDTH.min(top.width), ..top }, lab, t, theme);
        draw_surface_and_checks(frame, bottom, lab, t, theme);
    } else {
        draw_table(frame, body, lab, t, theme);
    }

    if let Some(p) = lab.predict.asking.as_ref().map(|a| &a.input) {
        let row = prompt.len() as u16;
        let mut lines = prompt;
        lines.push(Line::raw(p.buffer.clone()));
        frame.paragraph(Paragraph::new(lines), message);
        let x = message.x as usize + Span::raw(p.before_caret()).width();
        if x < message.right() as usize && row < message.height {
            frame.set_cursor_position(Position::new(x as u16, message.y + row));
        }
    } else {
        frame.paragraph(Paragraph::new(said), message);
    }
}

/// The question asked, wrapped to `width` (and why the last answer was not
/// read); empty when nothing is asked.
fn prompt_head(lab: &CountLab, t: &Text, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let c = &t.count;
    if !lab.predict.is_asking() {
        return vec![];
    }
    let k = lab.back.steps.get(lab.shown).map_or(0, |s| s.k);
    let mut head = vec![Span::styled((c.predict_prompt)(k), theme.title)];
    if lab.message == Some(Message::NotNumbers) {
        head.push(Span::styled(format!("  {}", c.not_numbers), theme.error));
    }
    wrap(Line::from(head), width)
}

/// What happened last, in words (the message rows).
fn message_line(lab: &CountLab, t: &Text, theme: &Theme) -> Line<'static> {
    let c = &t.count;
    match &lab.message {
        Some(Message::Graded(g, slips)) => {
            let part = |(typed, truth, off): (f64, f64, Option<f64>)| {
                let verdict = off.map_or(c.agrees.to_string(), |o| (c.off_by)(&num(o)));
                [num(typed), num(truth), verdict]
            };
            let [a, b, c3] = [part(g[0]), part(g[1]), part(g[2])];
            let mut text = (c.graded)(&a, &b, &c3);
            // The mistake behind the numbers typed, where a listed loop gives them all.
            for (m, values) in slips {
                let i = crate::math::counting_rnn::Mistake::ALL.iter().position(|x| x == m).unwrap_or(0);
                let values = values.iter().map(|v| num(*v)).collect::<Vec<_>>().join(", ");
                text = format!("{text} {}", (c.slip)(&values, c.mistake_names[i]));
            }
            Line::raw(text)
        }
        Some(Message::NotNumbers) => Line::styled(c.not_numbers, theme.error),
        Some(Message::Diverged) => Line::styled(c.diverged, theme.error),
        Some(Message::LeftSurface((wx, wr))) => Line::styled((c.left_surface)(&num(*wx), &num(*wr)), theme.error),
        Some(Message::PathFull) => Line::styled(c.path_full, theme.error),
        Some(Message::Overshot { from, to, moved, lr, off_surface }) => {
            let mut text = (c.overshot)(&num(*from), &num(*to), &num(moved.0), &num(moved.1), &num(*lr));
            if *off_surface {
                text = format!("{text} {}", (c.left_surface)(&num(lab.w.0), &num(lab.w.1)));
            }
            Line::styled(text, theme.error)
        }
        None => Line::raw(""),
    }
}
