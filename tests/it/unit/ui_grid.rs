//! Tests of `deepstep::ui::grid` (`src/ui/grid.rs`).

use deepstep::ui::grid::*;
use ratatui::layout::Rect;
use ratatui::style::Style;

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
