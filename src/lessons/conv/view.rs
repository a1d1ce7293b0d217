//! Draws the convolution lab. It reads the state and formats numbers; it
//! computes none (every value comes from `math` through the state).

use super::lab::{Action, Asking, ConvLab, InputChoice, Knob, Message, Mode, Slip};
use crate::math::conv::{SizeMistake, ValueMistake, Zero};
use crate::math::format::num;
use crate::math::kernels::Sample;
use crate::text::Text;
use crate::ui::chrome::{fit_title, marked_title, panel};
use crate::ui::drawn::Draw;
use crate::ui::grid::{Grid, GridCell};
use crate::ui::theme::{Theme, shade_char};
use crate::ui::width::{clip, width, wrap};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Screen areas that answer mouse clicks.
pub type Hits = Vec<(Rect, Action)>;

use super::grids::*;

fn input_name(lab: &ConvLab, t: &Text) -> String {
    match lab.settings.input {
        InputChoice::Sample(s) => {
            t.conv.sample_names[Sample::ALL.iter().position(|x| *x == s).unwrap_or(0)].to_string()
        }
        InputChoice::Digit(d) => (t.conv.digit)(d),
        InputChoice::Custom => t.conv.sample_names[3].to_string(),
    }
}

fn knob_text(lab: &ConvLab, k: Knob, t: &Text) -> String {
    match k {
        Knob::Input => input_name(lab, t),
        Knob::Preset => {
            lab.settings.preset.map_or(t.conv.custom_kernel.to_string(), |p| t.conv.presets[p.index()].to_string())
        }
        _ => lab.knob_value(k).to_string(),
    }
}

/// (name, value) of every knob, as the panel (and the study note) lists them.
pub fn knob_rows(lab: &ConvLab, t: &Text) -> Vec<(&'static str, String)> {
    Knob::ALL.iter().map(|k| (t.conv.knob_names[k.index()], knob_text(lab, *k, t))).collect()
}

/// The knob panel's lines: every knob (`> ` before the selected one) and
/// whether the axes are linked.
fn knob_lines(lab: &ConvLab, t: &Text) -> Vec<String> {
    let mut lines: Vec<String> = knob_rows(lab, t)
        .iter()
        .enumerate()
        .map(|(i, (n, v))| format!("{}{n}: {v}", if i == lab.knob.index() { "> " } else { "  " }))
        .collect();
    lines.push(format!("  {}: {}", t.conv.linked, if lab.linked { t.conv.on } else { t.conv.off }));
    lines
}

/// The knobs, scrolled to keep the selected one in view; the title marks
/// knobs above or below (▴ ▾, reached with Up/Down) and a value too long for
/// the panel ends in `…` (Tab gives the panel its width).
fn draw_knobs(frame: &mut Frame, area: Rect, lab: &ConvLab, t: &Text, theme: &Theme) {
    let c = &t.conv;
    let lines = knob_lines(lab, t);
    let inner = panel(String::new(), theme).inner(area);
    let room = (inner.height as usize).max(1);
    let selected = lab.knob.index();
    // The selected knob in view; at the last knob, the `axes linked` line after it too.
    let want = if selected + 2 == lines.len() { lines.len() } else { selected + 1 };
    let skip = want.saturating_sub(room).min(lines.len().saturating_sub(room));
    let marks = [(skip > 0, c.more_above), (lines.len() > skip + room, c.more_below)];
    let title = fit_title(&marked_title(&marks, c.knobs), area);
    let block = panel(title, theme);
    frame.bordered(block, area);
    let shown: Vec<Line> = lines
        .iter()
        .enumerate()
        .skip(skip)
        .map(|(i, l)| {
            let style = if i == selected {
                theme.selected
            } else if i == lines.len() - 1 {
                theme.dim
            } else {
                theme.text
            };
            Line::styled(clip(l, inner.width as usize), style)
        })
        .collect();
    frame.paragraph(Paragraph::new(shown), inner);
}

/// The digit as a heatmap beside its numbers (pixels are 0..16).
fn heatmap_lines(lab: &ConvLab, theme: &Theme) -> Vec<Line<'static>> {
    let x = lab.data.x.index_axis(ndarray::Axis(0), 0);
    x.rows()
        .into_iter()
        .map(|row| {
            Line::from(
                row.iter()
                    .map(|v| {
                        let s = crate::math::kernels::digit_ink(*v);
                        let ch = shade_char(s);
                        Span::styled(format!("{ch}{ch}"), theme.heat(s))
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}

/// The status line: mode, frame, tap, play state, predict mode and score.
fn status_line(lab: &ConvLab, t: &Text, theme: &Theme) -> Line<'static> {
    let c = &t.conv;
    let mode = match lab.mode {
        Mode::Forward => c.mode_forward,
        Mode::GradW => c.mode_grad_w,
        Mode::GradX => c.mode_grad_x,
    };
    let mut st = vec![
        Span::styled(format!("{}: {mode}", c.title), theme.title),
        Span::raw("  "),
        Span::raw(if lab.hiding_size() {
            (c.frame_of_hidden)(lab.frame + 1)
        } else {
            (c.frame_of)(lab.frame + 1, lab.frame_count())
        }),
    ];
    if let Some(tp) = lab.tap {
        st.push(Span::raw(format!("  {}", (c.tap_of)(tp.min(lab.current().0.len()), lab.current().0.len()))));
    }
    st.push(Span::raw(format!(
        "  {} ({})",
        if lab.playing { c.playing } else { c.paused },
        (c.speed_ms)(lab.speed_ms())
    )));
    st.push(Span::raw(format!("  {}: {}", c.predict_label, if lab.predict.on { c.on } else { c.off })));
    if lab.predict.score.1 > 0 {
        st.push(Span::raw(format!("  {}", (c.score)(lab.predict.score.0, lab.predict.score.1))));
    }
    Line::from(st)
}

/// Rows the arithmetic may take before its middle terms give way to `…`.
const EQ_ROWS: usize = 4;

/// The frame's arithmetic wrapped to `width`: whole when it fits in
/// `EQ_ROWS` rows, else with middle terms elided (`equation_of_within`), so
/// the last term, the channel sums and the value are always on screen.
fn equation_lines(lab: &ConvLab, t: &Text, width: u16) -> Vec<Line<'static>> {
    let c = &t.conv;
    if lab.hiding_size() {
        return wrap(Line::raw(c.size_hidden), width);
    }
    if lab.hiding_value() {
        return wrap(Line::raw(c.arithmetic_hidden), width);
    }
    let w = width.max(1) as usize;
    // Word wrap leaves the ends of rows empty: aim lower until it fits.
    let mut columns = w * EQ_ROWS;
    loop {
        let eq = lab.equation_of_within(lab.frame, lab.shown_taps(), c.running_sum, columns);
        let lines = wrap(Line::raw(eq), width);
        if lines.len() <= EQ_ROWS || columns <= w {
            return lines;
        }
        columns -= (w / 4).max(1);
    }
}

/// The message lines: a prompt (with the verdict just given), what just
/// happened, or what this mode shows; the legend below.
fn message_lines(lab: &ConvLab, t: &Text, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let c = &t.conv;
    let verdict = lab.message.as_ref().map(|m| match m {
        Message::Refused(r) => Line::styled(format!("{}: {}", c.invalid, r.describe(t)), theme.error),
        Message::ResizedFor(p) => Line::styled((c.resized_for)(c.presets[p.index()]), theme.title),
        Message::Right => Line::styled(c.right, theme.good),
        Message::Wrong(a) => Line::styled((c.wrong)(a), theme.error),
        Message::Slipped { answer, guess, slips } => {
            let words: Vec<String> = slips
                .iter()
                .map(|s| match s {
                    Slip::Size(m) => {
                        c.size_slips[SizeMistake::ALL.iter().position(|x| x == m).unwrap_or(0)].to_string()
                    }
                    Slip::Value(ValueMistake::FlippedKernel) => c.slip_flipped.to_string(),
                    Slip::Value(ValueMistake::OneChannel(ch)) => (c.slip_one_channel)(*ch),
                })
                .collect();
            Line::styled((c.wrong_slip)(answer, guess, &words.join(c.slip_or)), theme.error)
        }
        Message::NotANumber => Line::styled(c.not_a_number, theme.error),
    });
    if let Some(pr) = &lab.predict.asking {
        let q = match pr.question {
            Asking::Value { .. } => c.predict_value,
            Asking::Size => c.predict_size,
        };
        let line = Line::from(vec![Span::styled(q, theme.title), Span::raw(" "), Span::raw(pr.input.buffer.clone())]);
        let mut lines = wrap(line, width);
        lines.extend(verdict.map(|v| wrap(v, width)).unwrap_or_default());
        return lines;
    }
    let digit = matches!(lab.settings.input, InputChoice::Digit(_)) && lab.mode != Mode::GradX;
    let mut legend = legend_text(lab, t);
    if digit {
        legend = format!("{legend}  {}", c.digits_credit);
    }
    let first = verdict.unwrap_or_else(|| Line::raw(mode_explanation(lab, t)));
    wrap(vec![first, Line::styled(legend, theme.dim)], width)
}

/// Every cell of a stack as wide as its widest: channels side by side in
/// one panel read as one table (and crop to the same columns).
fn even_cells(grids: &mut [&mut Grid]) {
    let widest = grids.iter().map(|g| g.cell_width()).max().unwrap_or(0);
    for g in grids.iter_mut() {
        g.pad += widest - g.cell_width();
    }
}

/// Lines a stack of grids takes (labels and rows, with their gaps).
fn stack_lines(parts: &[(String, Grid)]) -> u16 {
    let n: usize = parts
        .iter()
        .map(|(l, g)| usize::from(!l.is_empty()) + g.rows.len() + g.rows.len().saturating_sub(1) * g.gap)
        .sum();
    n.min(u16::MAX as usize) as u16
}

/// Narrow terminals give up the heatmap first (unless it fits under the
/// input), then the knob panel (one labelled line, the selected knob, takes
/// its place); Tab (`knobs_first`) keeps the knob panel and crops the grids.
const KNOBS_MIN: u16 = 22;
const HEAT_W: u16 = 18;
const TITLE_W: u16 = 22;

pub fn render(frame: &mut Frame, area: Rect, lab: &ConvLab, t: &Text, theme: &Theme) -> Hits {
    let c = &t.conv;
    let status_lines = wrap(status_line(lab, t, theme), area.width);

    // Panels: three grids, the heatmap and the knobs.
    let m = marks(lab);
    let Panels { a_title, a: a_parts, b_title, b: b_parts, r_title, r: r_parts } = mode_panels(lab, &m, t, theme);
    // While the size is asked, the output grids (whose shape is the answer) are one `?`.
    let r_parts: Vec<_> = if lab.hiding_size() {
        r_parts
            .into_iter()
            .map(|(l, _, s)| (l, Grid::from_fn(1, 1, |_, _| GridCell::new("?", theme.dim, false)), s))
            .collect()
    } else {
        r_parts
    };
    // Where the screen has room (120×40), the grids are drawn larger: wider
    // cells, a blank line between rows.
    let (pad, gap) = enlargement(lab, t, area, &a_parts, &b_parts, &r_parts, &b_title, r_title);
    let (mut a_parts, mut b_parts, mut r_parts) = (a_parts, b_parts, r_parts);
    for g in a_parts.iter_mut().map(|p| &mut p.1).chain(b_parts.iter_mut().map(|p| &mut p.1)) {
        g.pad = pad;
        g.gap = gap;
    }
    r_parts.iter_mut().for_each(|(_, g, _)| {
        g.pad = pad;
        g.gap = gap;
    });
    even_cells(&mut a_parts.iter_mut().map(|p| &mut p.1).collect::<Vec<_>>());
    even_cells(&mut b_parts.iter_mut().map(|p| &mut p.1).collect::<Vec<_>>());
    even_cells(&mut r_parts.iter_mut().map(|p| &mut p.1).collect::<Vec<_>>());
    let r_plain: Vec<(String, Grid)> = r_parts.iter().map(|(l, g, _)| (l.clone(), g.clone())).collect();
    let digit = matches!(lab.settings.input, InputChoice::Digit(_)) && lab.mode != Mode::GradX;
    // A panel is as wide as its grids, or its title up to TITLE_W columns
    // (the first panel's long titles never count): a longer title ends in
    // `…`, so the knobs keep their room.
    let titled = |grids: u16, title: &str, most: u16| grids.max((width(title) as u16 + 2).min(most));
    let widths_up_to = |most: u16| {
        [
            stack_width(&a_parts),
            titled(stack_width(&b_parts), &b_title, most),
            titled(stack_width(&r_plain), r_title, most),
        ]
    };
    let whole = widths_up_to(u16::MAX);
    let widths = if whole.iter().sum::<u16>() + KNOBS_MIN <= area.width { whole } else { widths_up_to(TITLE_W) };
    let grids_w: u16 = widths.iter().sum();
    // The knobs take the width their longest row needs (values whole), as far as there is room.
    let knob_need = knob_lines(lab, t).iter().map(|l| width(l)).max().unwrap_or(20) as u16 + 2;
    let show_knobs = lab.knobs_first || grids_w + KNOBS_MIN <= area.width;
    let knob_w = if lab.knobs_first {
        knob_need.min(area.width.saturating_sub(12))
    } else if show_knobs {
        area.width.saturating_sub(grids_w).min(knob_need.max(KNOBS_MIN))
    } else {
        0
    };
    let heat_beside = digit && grids_w + HEAT_W + knob_w.max(KNOBS_MIN) <= area.width;

    let arithmetic = equation_lines(lab, t, area.width);
    // While the size is asked, the formula stops before its result.
    let asked = |f: String| match f.rsplit_once(" = ") {
        Some((head, _)) if lab.hiding_size() => format!("{head} = ?"),
        _ => f,
    };
    let formulas = [asked(lab.size_formula(0)), asked(lab.size_formula(1))];
    let formula_lines: Vec<Line> = if width(&formulas.join("    ")) <= area.width as usize {
        vec![Line::raw(formulas.join("    "))]
    } else {
        formulas.iter().flat_map(|f| wrap(Line::raw(f.clone()), area.width)).collect()
    };
    let messages = message_lines(lab, t, theme, area.width);
    let rows = |n: usize| n.min(u16::MAX as usize) as u16;
    let [status, knob_row, panels, eq_area, formula, message, _] = Layout::vertical([
        Constraint::Length(rows(status_lines.len())),
        Constraint::Length(u16::from(!show_knobs)),
        Constraint::Max(panel_height(lab, enlargement_gap(lab, t, area))),
        Constraint::Length(rows(arithmetic.len())),
        Constraint::Length(rows(formula_lines.len())),
        Constraint::Length(rows(messages.len())),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.paragraph(Paragraph::new(status_lines), status);
    if !show_knobs {
        // The knob panel does not fit: the selected knob, said to be that.
        let name = c.knob_names[lab.knob.index()];
        let line = clip(&(c.selected_knob)(name, &knob_text(lab, lab.knob, t)), knob_row.width as usize);
        frame.paragraph(Paragraph::new(Line::styled(line, theme.selected)), knob_row);
    }

    let [grids, knobs] = Layout::horizontal([Constraint::Min(10), Constraint::Length(knob_w)]).areas(panels);
    let heat_w = if heat_beside { HEAT_W } else { 0 };
    // Grids wider than their room (Tab) share it in proportion, each cropped
    // around the window with its ◂▸ mark.
    let room = grids.width.saturating_sub(heat_w);
    let shares = widths.map(|w| if grids_w <= room { w } else { (w as u32 * room as u32 / grids_w as u32) as u16 });
    let [ga, gb, gr, gh] = Layout::horizontal([
        Constraint::Length(shares[0]),
        Constraint::Length(shares[1]),
        Constraint::Length(shares[2]),
        Constraint::Length(heat_w),
    ])
    .areas(grids);
    // Without room beside the grids, the heatmap goes under the input if it fits there.
    let heat_under = digit && !heat_beside && ga.width >= HEAT_W && ga.height >= stack_lines(&a_parts) + 2 + 8 + 2;
    let (ga, gh) = if heat_under {
        let [top, bottom] =
            Layout::vertical([Constraint::Length(stack_lines(&a_parts) + 2), Constraint::Length(10)]).areas(ga);
        (top, Rect { width: HEAT_W, ..bottom })
    } else {
        (ga, gh)
    };
    draw_stack(frame, ga, a_title, &a_parts, t, theme);
    draw_stack(frame, gb, &b_title, &b_parts, t, theme);
    let origins = draw_stack(frame, gr, r_title, &r_plain, t, theme);
    if heat_beside || heat_under {
        let block = panel(fit_title(&input_name(lab, t), gh), theme);
        let inner = block.inner(gh);
        frame.bordered(block, gh);
        frame.paragraph(Paragraph::new(heatmap_lines(lab, theme)), inner);
    }
    if show_knobs {
        draw_knobs(frame, knobs, lab, t, theme);
    }
    let mut hits = Hits::new();
    for ((_, grid, start), at) in r_parts.iter().zip(origins) {
        let cols = grid.rows.first().map_or(0, Vec::len);
        for r in at.row..grid.rows.len() {
            for cc in at.col..cols {
                if let Some(rect) = at.shown.cell_rect(at.origin, r - at.row, cc - at.col) {
                    hits.push((rect, Action::JumpTo(start + r * cols + cc)));
                }
            }
        }
    }

    // The frame's arithmetic, and the output-size formula for both axes.
    frame.paragraph(Paragraph::new(arithmetic), eq_area);
    frame.paragraph(Paragraph::new(formula_lines), formula);
    frame.paragraph(Paragraph::new(messages), message);
    // The terminal cursor sits at the caret, where input methods draw.
    if let Some(pr) = &lab.predict.asking {
        let q = match pr.question {
            Asking::Value { .. } => c.predict_value,
            Asking::Size => c.predict_size,
        };
        let x = message.x as usize + width(q) + 1 + width(pr.input.before_caret());
        if x < message.right() as usize {
            frame.set_cursor_position(Position::new(x as u16, message.y));
        }
    }
    hits
}

/// What the current mode computes, in words.
fn mode_explanation(lab: &ConvLab, t: &Text) -> &'static str {
    match lab.mode {
        Mode::Forward => t.conv.mode_explain_forward,
        Mode::GradW => t.conv.mode_explain_grad_w,
        Mode::GradX => t.conv.mode_explain_grad_x,
    }
}

/// Rows the panels need: the tallest stack of grids (or the knob list), with borders.
/// Rows a grid of `n` rows takes with `gap` blank lines between rows, and its label.
fn grid_rows(n: usize, gap: usize) -> usize {
    n + n.saturating_sub(1) * gap + 1
}

fn panel_height(lab: &ConvLab, gap: usize) -> u16 {
    let g = &lab.data.geometry;
    let p = g.params.padding;
    let input_rows = grid_rows(g.input[0] + 2 * p[0], gap) * g.c_in;
    let spread_rows = grid_rows(lab.data.spread.first().map_or(0, |s| s.values.nrows()), gap) * g.c_out;
    let result_rows = grid_rows(g.output[0], gap) * g.c_out
        + grid_rows(g.kernel[0], gap) * g.c_out * g.c_in
        + grid_rows(g.input[0], gap).saturating_sub(1) * g.c_in;
    let tallest = input_rows.max(spread_rows).max(result_rows).max(Knob::ALL.len() + 1);
    (tallest + 2).min(u16::MAX as usize) as u16
}

/// The rows below the panels: status, arithmetic, formula, explanation, legend.
fn rows_below(lab: &ConvLab, t: &Text, area: Rect) -> u16 {
    let explain = wrap(Line::raw(mode_explanation(lab, t)), area.width).len().clamp(1, 3) as u16;
    let legend = wrap(Line::raw(legend_text(lab, t)), area.width).len().clamp(1, 3) as u16;
    2 + 4 + 2 + explain + legend
}

/// A blank line between grid rows when the taller panels still fit.
fn enlargement_gap(lab: &ConvLab, t: &Text, area: Rect) -> usize {
    usize::from(panel_height(lab, 1) + rows_below(lab, t, area) <= area.height)
}

/// (pad, gap) for the grids: wider cells when the three stacks, the knobs
/// and the heatmap still fit across, and `enlargement_gap`.
#[allow(clippy::too_many_arguments)]
fn enlargement(
    lab: &ConvLab,
    t: &Text,
    area: Rect,
    a: &[(String, Grid)],
    b: &[(String, Grid)],
    r: &[(String, Grid, usize)],
    b_title: &str,
    r_title: &str,
) -> (usize, usize) {
    let cols = |grids: Vec<&Grid>| grids.iter().map(|g| g.rows.first().map_or(0, Vec::len)).max().unwrap_or(0);
    let (ca, cb) = (cols(a.iter().map(|p| &p.1).collect()), cols(b.iter().map(|p| &p.1).collect()));
    let cr = cols(r.iter().map(|p| &p.1).collect());
    let r_plain: Vec<(String, Grid)> = r.iter().map(|(l, g, _)| (l.clone(), g.clone())).collect();
    let base = stack_width(a)
        + stack_width(b).max(Span::raw(b_title).width() as u16 + 2)
        + stack_width(&r_plain).max(Span::raw(r_title).width() as u16 + 2);
    // The knobs keep their width, and the digit heatmap its 18 columns.
    let side = 32 + 18;
    let pad =
        (0..=2usize).rev().find(|p| base as usize + p * (ca + cb + cr) + side <= area.width as usize).unwrap_or(0);
    (pad, enlargement_gap(lab, t, area))
}

/// The three grid panels of a mode: the sliding grid (a), the kernel-like
/// grid (b), and the result filling in (r, with each grid's first frame).
struct Panels<'a> {
    a_title: &'a str,
    a: Vec<(String, Grid)>,
    b_title: String,
    b: Vec<(String, Grid)>,
    r_title: &'a str,
    r: Vec<(String, Grid, usize)>,
}

fn mode_panels<'a>(lab: &ConvLab, m: &Marks, t: &'a Text, theme: &Theme) -> Panels<'a> {
    let c = &t.conv;
    let d = &lab.data;
    let g = &d.geometry;
    let (co, ci) = current_channels(lab);
    let chan = |k: usize, n: usize| if n > 1 { (c.channel)(k) } else { String::new() };
    let (a_title, a, b_title, b, r_title, r) = match lab.mode {
        Mode::Forward => (
            c.input,
            (0..g.c_in).map(|k| (chan(k, g.c_in), input_grid(lab, k, m, theme))).collect(),
            // With several output channels, say whose kernel is shown.
            if g.c_out > 1 { (c.kernel_of)(co) } else { c.kernel.to_string() },
            (0..g.c_in)
                .map(|k| {
                    let w = d.w.index_axis(ndarray::Axis(0), co);
                    let w = w.index_axis(ndarray::Axis(0), k);
                    (chan(k, g.c_in), matrix_grid(w, theme, |r, cc| mark_b(m, [co, k, r, cc])))
                })
                .collect(),
            c.output,
            (0..g.c_out)
                .map(|k| {
                    let grid =
                        result_grid(lab, d.y.index_axis(ndarray::Axis(0), k), k * g.output[0] * g.output[1], theme);
                    (chan(k, g.c_out), grid, k * g.output[0] * g.output[1])
                })
                .collect(),
        ),
        Mode::GradW => (
            c.input,
            (0..g.c_in).map(|k| (chan(k, g.c_in), input_grid(lab, k, m, theme))).collect(),
            c.dy.to_string(),
            vec![(
                chan(co, g.c_out),
                matrix_grid(d.dy.index_axis(ndarray::Axis(0), co), theme, |r, cc| mark_b(m, [co, r, cc, 0])),
            )],
            c.grad_w,
            (0..g.c_out * g.c_in)
                .map(|k| {
                    let (o, i) = (k / g.c_in, k % g.c_in);
                    let dw = d.grads.dw.index_axis(ndarray::Axis(0), o);
                    let start = k * g.kernel[0] * g.kernel[1];
                    let label = if g.c_out * g.c_in > 1 { format!("[{o},{i}]") } else { String::new() };
                    (label, result_grid(lab, dw.index_axis(ndarray::Axis(0), i), start, theme), start)
                })
                .collect(),
        ),
        Mode::GradX => (
            c.spread_dy,
            (0..g.c_out).map(|k| (chan(k, g.c_out), spread_grid(lab, k, m, theme))).collect(),
            c.flipped_kernel.to_string(),
            (0..g.c_out)
                .map(|k| {
                    let fl = crate::math::conv::flipped_kernel(d.w.view(), k, ci);
                    let (kh, kw) = (g.kernel[0], g.kernel[1]);
                    (
                        chan(k, g.c_out),
                        matrix_grid(fl.view(), theme, |r, cc| mark_b(m, [k, ci, kh - 1 - r, kw - 1 - cc])),
                    )
                })
                .collect(),
            c.grad_x,
            (0..g.c_in)
                .map(|k| {
                    let start = k * g.input[0] * g.input[1];
                    (chan(k, g.c_in), result_grid(lab, d.grads.dx.index_axis(ndarray::Axis(0), k), start, theme), start)
                })
                .collect(),
        ),
    };
    Panels { a_title, a, b_title, b, r_title, r }
}

/// (co, ci) of the current frame: whose kernel and dY the panels show.
fn current_channels(lab: &ConvLab) -> (usize, usize) {
    let at = lab.data.at(lab.mode, lab.frame).unwrap_or_default();
    let first = |k: usize| at.get(k).copied().unwrap_or(0);
    match lab.mode {
        Mode::Forward => (first(0), 0),
        Mode::GradW => (first(0), first(1)),
        Mode::GradX => {
            let (taps, _, _) = lab.current();
            let shown = lab.shown_taps().max(1);
            let co = taps.get(shown - 1).map_or(0, |t| t.a.index[0] as usize);
            (co, first(0))
        }
    }
}

fn mark_b(m: &Marks, at: [usize; 4]) -> (bool, bool) {
    let at = at.map(|v| v as isize);
    (m.b.contains(&at), m.current.is_some_and(|(_, b)| b == at))
}

/// dY spread by the stride and padded, for output channel `co`.
fn spread_grid(lab: &ConvLab, co: usize, m: &Marks, theme: &Theme) -> Grid {
    let sg = &lab.data.spread[co];
    Grid::from_fn(sg.values.nrows(), sg.values.ncols(), |i, j| {
        let at = [co as isize, sg.origin[0] + i as isize, sg.origin[1] + j as isize];
        let mk = m.a.contains(&at);
        let now = m.current.is_some_and(|(a, _)| a == at);
        let style = cell_style(theme, mk, now);
        match sg.zero[[i, j]] {
            None => GridCell::new(num(sg.values[[i, j]]), style, mk).now(now),
            Some(Zero::Padding) => GridCell::new(".", style.patch(theme.dim), mk).now(now),
            Some(Zero::StrideGap) => GridCell::new("_", style.patch(theme.dim), mk).now(now),
        }
    })
}

/// The legend under the explanation: what the marks in the grids mean, and
/// the frame's facts (dX's padding, the cells the floor leaves unread).
fn legend_text(lab: &ConvLab, t: &Text) -> String {
    let c = &t.conv;
    let d = &lab.data;
    let g = &d.geometry;
    let mut legend = match lab.mode {
        // The gaps exist only when a stride spreads dY out.
        Mode::GradX if g.params.stride != [1, 1] => format!("  {}  {}", c.padding_legend, c.gap_legend),
        Mode::GradX => format!("  {}", c.padding_legend),
        _ if g.params.padding != [0, 0] => format!("  {}", c.padding_legend),
        _ => String::new(),
    };
    // dX: how the spread dY is framed (and why the two ends differ).
    if lab.mode == Mode::GradX {
        for (a, (before, after)) in d.dx_padding.iter().enumerate() {
            let r = d.floor[a].remainder;
            legend.push_str(&format!("  {}", (c.dx_frame)(c.axis_names[a], *before, *after, r)));
        }
    }
    // The rule that picks the second output channel's kernel, said where it applies.
    if g.c_out > 1
        && let Some(p) = lab.settings.preset
        && let [first, second, ..] = super::computed::channel_presets(p, g.c_out, g.kernel)[..]
        && first != second
    {
        legend.push_str(&format!("  {}", (c.second_preset)(c.presets[second.index()])));
    }
    // Where x is drawn, the cells no window reads and the floor that dropped them.
    let unread = !d.unread[0].is_empty() || !d.unread[1].is_empty();
    if lab.mode != Mode::GradX && unread {
        legend.push_str(&format!("  {}", c.unread_legend));
        for (a, f) in d.floor.iter().enumerate().filter(|(_, f)| f.remainder > 0) {
            legend.push_str(&format!("  {}", (c.floor_drops)(c.axis_names[a], f.n, f.stride, f.quotient, f.remainder)));
        }
    }
    legend
}
