//! The convolution lab's number grids: which cells the current frame
//! marks, the input, kernel and result grids, and a stack of them drawn
//! cropped around the window (what `view.rs` lays out).

use super::lab::ConvLab;
use crate::math::format::num;
use crate::text::Text;
use crate::ui::chrome::{fit_title, marked_title, panel};
use crate::ui::drawn::Draw;
use crate::ui::grid::{Grid, GridCell};
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Which cells of the panels the current frame touches.
pub(super) struct Marks {
    /// `a` operands of the shown taps: [channel, row, col].
    pub(super) a: Vec<[isize; 3]>,
    /// `b` operands: kernel [co, ci, ki, kj] or dY [co, oy, ox, 0].
    pub(super) b: Vec<[isize; 4]>,
    /// The tap being added now (tap-by-tap mode).
    pub(super) current: Option<([isize; 3], [isize; 4])>,
}

pub(super) fn marks(lab: &ConvLab) -> Marks {
    // While the output size is asked, where the window stands would tell it.
    if lab.hiding_size() {
        return Marks { a: vec![], b: vec![], current: None };
    }
    let (taps, _, _) = lab.current();
    let shown = &taps[..lab.shown_taps()];
    // The whole window stays marked tap by tap; the tap being added is `current`.
    Marks {
        a: taps.iter().map(|t| [t.a.index[0], t.a.index[1], t.a.index[2]]).collect(),
        b: taps.iter().map(|t| t.b.index).collect(),
        current: lab.tap.and(shown.last()).map(|t| ([t.a.index[0], t.a.index[1], t.a.index[2]], t.b.index)),
    }
}

pub(super) fn cell_style(theme: &Theme, marked: bool, current: bool) -> ratatui::style::Style {
    if current {
        theme.current
    } else if marked {
        theme.window
    } else {
        theme.text
    }
}

/// The input x of channel `c`, padding included, marked where the frame reads it.
pub(super) fn input_grid(lab: &ConvLab, c: usize, m: &Marks, theme: &Theme) -> Grid {
    let g = &lab.data.geometry;
    let [ph, pw] = [g.params.padding[0], g.params.padding[1]];
    Grid::from_fn(g.input[0] + 2 * ph, g.input[1] + 2 * pw, |i, j| {
        let (r, col) = (i as isize - ph as isize, j as isize - pw as isize);
        let at = [c as isize, r, col];
        let mk = m.a.contains(&at);
        let now = m.current.is_some_and(|(a, _)| a == at);
        let style = cell_style(theme, mk, now);
        let inside = r >= 0 && col >= 0 && r < g.input[0] as isize && col < g.input[1] as isize;
        let unread =
            inside && (lab.data.unread[0].contains(&(r as usize)) || lab.data.unread[1].contains(&(col as usize)));
        if unread {
            // Never under any window: in parentheses, so it shows without colour.
            GridCell::new(format!("({})", num(lab.data.x[[c, r as usize, col as usize]])), theme.dim, false)
        } else if inside {
            GridCell::new(num(lab.data.x[[c, r as usize, col as usize]]), style, mk).now(now)
        } else {
            GridCell::new(".", style.patch(theme.dim), mk).now(now)
        }
    })
}

/// A plain matrix with marks at `marked(r, c)`.
pub(super) fn matrix_grid(
    m: ndarray::ArrayView2<f64>,
    theme: &Theme,
    marked: impl Fn(usize, usize) -> (bool, bool),
) -> Grid {
    Grid::from_fn(m.nrows(), m.ncols(), |r, c| {
        let (mk, cur) = marked(r, c);
        // A kernel weight of 1/9 reads as 1/9, not the rounded 0.1111.
        GridCell::new(crate::math::format::fraction(m[[r, c]]), cell_style(theme, mk, cur), mk).now(cur)
    })
}

/// A result grid filling in frame by frame: cells of later frames show `?`.
/// Cell (r, c) is frame `first_frame + r·cols + c` of the current mode.
pub(super) fn result_grid(lab: &ConvLab, values: ndarray::ArrayView2<f64>, first_frame: usize, theme: &Theme) -> Grid {
    let complete = lab.tap.is_none_or(|t| t >= lab.current().0.len());
    Grid::from_fn(values.nrows(), values.ncols(), |r, c| {
        let f = first_frame + r * values.ncols() + c;
        if f == lab.frame && lab.hiding_value() {
            GridCell::new("?", theme.window, true)
        } else if f < lab.frame {
            GridCell::new(num(values[[r, c]]), theme.filled, false)
        } else if f == lab.frame && complete {
            GridCell::new(num(values[[r, c]]), theme.window, true)
        } else if f == lab.frame {
            GridCell::new("…", theme.window, true)
        } else {
            GridCell::new("?", theme.dim, false)
        }
    })
}

/// A titled stack of grids in one bordered panel; returns where each grid's
/// top-left landed, for hit tests.
/// Where a drawn grid landed: its top-left, and the first row and column
/// shown (a grid too large for its panel is cropped around the window).
pub(super) struct Placed {
    pub(super) origin: Rect,
    pub(super) row: usize,
    pub(super) col: usize,
    /// The grid as drawn (cropped), whose cells the click areas are.
    pub(super) shown: Grid,
}

/// Whether a cell is under the window or is the tap: what must stay in view.
pub(super) fn in_focus(c: &GridCell) -> bool {
    c.marked || c.current
}

/// `grid` cropped to the columns that fit `width`, centred on its marked
/// cells; the first column kept. Whole columns only: no number is cut.
pub(super) fn crop_columns(grid: &Grid, width: u16) -> (Grid, usize) {
    let cols = grid.rows.first().map_or(0, Vec::len);
    let fit = (width as usize / grid.cell_width().max(1)).max(1);
    if cols <= fit {
        return (grid.clone(), 0);
    }
    let marked: Vec<usize> = (0..cols).filter(|&c| grid.rows.iter().any(|r| r.get(c).is_some_and(in_focus))).collect();
    let (lo, hi) = (marked.first().copied().unwrap_or(0), marked.last().copied().unwrap_or(0));
    let start = (lo + hi).div_ceil(2).saturating_sub(fit / 2).min(cols - fit);
    let rows = grid.rows.iter().map(|r| r[start..start + fit].to_vec()).collect();
    (Grid { rows, ..grid.clone() }, start)
}

/// A titled stack of grids in one bordered panel, kept whole: grids wider
/// than the panel show the columns around the window, a stack taller than it
/// scrolls to the window, and the title says what is out of view. Returns
/// where each grid landed, for hit tests.
pub(super) fn draw_stack(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    parts: &[(String, Grid)],
    t: &Text,
    theme: &Theme,
) -> Vec<Placed> {
    let c = &t.conv;
    let probe = panel(String::new(), theme).inner(area);
    let mut lines: Vec<Line> = vec![];
    let mut placed = vec![];
    // The first and last lines of the window in the grid holding the tap
    // (tap by tap, the channel being multiplied), else in the first grid
    // with marked cells.
    let mut focus: Option<(usize, usize)> = None;
    let mut cropped = false;
    let tap_grid = parts.iter().position(|(_, g)| g.rows.iter().flatten().any(|c| c.current));
    for (k, (label, grid)) in parts.iter().enumerate() {
        let (shown, col) = crop_columns(grid, probe.width);
        cropped |= col > 0 || shown.rows.first().map(Vec::len) != grid.rows.first().map(Vec::len);
        if !label.is_empty() {
            lines.push(Line::styled(label.clone(), theme.dim));
        }
        let first = lines.len();
        if focus.is_none() && tap_grid.is_none_or(|g| g == k) {
            let marked = |r: &Vec<GridCell>| r.iter().any(in_focus);
            let top = shown.rows.iter().position(marked);
            let bottom = shown.rows.iter().rposition(marked);
            focus = top.zip(bottom).map(|(a, b)| (first + shown.line_of(a), first + shown.line_of(b)));
        }
        lines.extend(shown.lines());
        placed.push((first, col, shown));
    }
    // Scroll so that the window's rows are in view (its first row, if not all fit).
    let room = probe.height as usize;
    let skip = focus.map_or(0, |(a, b)| (b + 1).saturating_sub(room).min(a)).min(lines.len().saturating_sub(room));
    // Marks first, so a narrow panel cuts the title's words, not them.
    let marks = [(cropped, c.more_sideways), (skip > 0, c.more_above), (lines.len() > skip + room, c.more_below)];
    let block = panel(fit_title(&marked_title(&marks, title), area), theme);
    let inner = block.inner(area);
    frame.bordered(block, area);
    frame.paragraph(Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()), inner);
    placed
        .into_iter()
        .map(|(first, col, shown)| {
            // A grid whose first rows scrolled away: its first row still (partly) in view.
            let per_row = 1 + shown.gap;
            let (y, row) = if first >= skip {
                (inner.y as usize + first - skip, 0)
            } else {
                let row = (skip - first).div_ceil(per_row);
                (inner.y as usize + row * per_row - (skip - first), row)
            };
            let y = y.min(u16::MAX as usize) as u16;
            Placed { origin: Rect::new(inner.x, y, inner.width, inner.bottom().saturating_sub(y)), row, col, shown }
        })
        .collect()
}

pub(super) fn stack_width(parts: &[(String, Grid)]) -> u16 {
    parts.iter().map(|(l, g)| g.width().max(Span::raw(l.as_str()).width() as u16)).max().unwrap_or(4) + 2
}
