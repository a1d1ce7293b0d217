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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_share_one_width_and_marks_show() {
        let g = Grid {
            rows: vec![
                vec![GridCell::new("1", Style::new(), false), GridCell::new("-12", Style::new(), true)],
                vec![GridCell::new("3", Style::new(), false), GridCell::new("4", Style::new(), false)],
            ],
            pad: 0,
            gap: 0,
        };
        assert_eq!(g.cell_width(), 5);
        let text: Vec<String> = g.lines().iter().map(|l| l.to_string()).collect();
        assert_eq!(text, vec!["   1 [-12]", "   3    4 "]);
        assert_eq!(g.cell_rect(Rect::new(0, 0, 10, 2), 1, 1), Some(Rect::new(5, 1, 5, 1)));
        assert_eq!(g.cell_rect(Rect::new(0, 0, 8, 2), 1, 1), None);
    }

    #[test]
    fn a_larger_grid_keeps_its_click_areas_on_its_cells() {
        let mut g = Grid::from_fn(2, 2, |r, c| GridCell::new(format!("{}", r * 2 + c), Style::new(), false));
        g.pad = 2;
        g.gap = 1;
        let lines = g.lines();
        assert_eq!((lines.len(), g.height(), g.width()), (3, 3, 10));
        assert_eq!(lines[1].width(), 0, "a blank line between the rows");
        let area = Rect::new(10, 5, 40, 10);
        let rect = g.cell_rect(area, 1, 1).unwrap();
        assert_eq!((rect.x, rect.y, rect.width), (15, 7, 5));
        // The cell's text is at the right end of its area on that line.
        let text: String = lines[2].spans[1].content.to_string();
        assert_eq!(text, "   3 ");
    }
}
