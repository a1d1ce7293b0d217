//! A grid of numbers (a matrix on screen): equal-width columns, each cell with
//! its own style and an optional marker so that state never rests on colour.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

#[derive(Debug, Clone, PartialEq)]
pub struct GridCell {
    pub text: String,
    pub style: Style,
    /// Drawn around the text: `[12]` for a cell in the window, ` 12 ` otherwise.
    pub marked: bool,
    /// The one cell being used right now: `>12<`, so it shows without colour.
    pub current: bool,
}

impl GridCell {
    pub fn new(text: impl Into<String>, style: Style, marked: bool) -> Self {
        GridCell { text: text.into(), style, marked, current: false }
    }

    /// This cell marked as the one being used now (`>12<`).
    pub fn now(mut self, current: bool) -> Self {
        self.current = current;
        self
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    pub rows: Vec<Vec<GridCell>>,
    /// Extra columns per cell and blank lines between rows: a grid drawn
    /// larger where the screen has room (the click areas follow).
    pub pad: usize,
    pub gap: usize,
}

impl Grid {
    /// A rows×cols grid whose cell (r, c) is `cell(r, c)`.
    pub fn from_fn(rows: usize, cols: usize, mut cell: impl FnMut(usize, usize) -> GridCell) -> Grid {
        Grid { rows: (0..rows).map(|r| (0..cols).map(|c| cell(r, c)).collect()).collect(), pad: 0, gap: 0 }
    }

    /// Width of one column: the widest text plus the two marker places (and the pad).
    pub fn cell_width(&self) -> usize {
        self.rows.iter().flatten().map(|c| Span::raw(c.text.as_str()).width()).max().unwrap_or(1) + 2 + self.pad
    }

    /// The screen line row `r` is drawn on, counted from the grid's top.
    pub fn line_of(&self, r: usize) -> usize {
        r * (1 + self.gap)
    }

    pub fn width(&self) -> u16 {
        let cols = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        (cols * self.cell_width()).min(u16::MAX as usize) as u16
    }

    pub fn height(&self) -> u16 {
        (self.rows.len() + self.rows.len().saturating_sub(1) * self.gap).min(u16::MAX as usize) as u16
    }

    pub fn lines(&self) -> Vec<Line<'static>> {
        let w = self.cell_width();
        let mut out = vec![];
        for (i, row) in self.rows.iter().enumerate() {
            if i > 0 {
                out.extend((0..self.gap).map(|_| Line::raw("")));
            }
            out.push({
                Line::from(
                    row.iter()
                        .map(|c| {
                            let (l, r) = match (c.current, c.marked) {
                                (true, _) => (">", "<"),
                                (false, true) => ("[", "]"),
                                _ => (" ", " "),
                            };
                            let pad = w.saturating_sub(Span::raw(c.text.as_str()).width() + 2);
                            Span::styled(format!("{l}{}{}{r}", " ".repeat(pad), c.text), c.style)
                        })
                        .collect::<Vec<_>>(),
                )
            });
        }
        out
    }

    /// Where cell (r, c) lands when the grid is drawn with its top-left corner
    /// at `area`'s, clipped to `area`; None when it is not visible.
    pub fn cell_rect(&self, area: Rect, r: usize, c: usize) -> Option<Rect> {
        let w = self.cell_width();
        let x = area.x as usize + c * w;
        let y = area.y as usize + self.line_of(r);
        if x + w > area.right() as usize || y >= area.bottom() as usize {
            return None;
        }
        Some(Rect::new(x as u16, y as u16, w as u16, 1))
    }
}
