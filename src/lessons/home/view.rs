//! Draws the lesson list.

use super::lab::{Action, Home};
use crate::lessons::registry::LESSONS;
use crate::text::Text;
use crate::ui::chrome::panel;
use crate::ui::theme::Theme;
use crate::ui::width::wrap;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(frame: &mut Frame, area: Rect, home: &Home, t: &Text, theme: &Theme) -> Vec<(Rect, Action)> {
    let [title, intro, list] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(2), Constraint::Min(3)]).areas(area);
    frame.render_widget(Paragraph::new(Line::styled(t.home_title, theme.title)), title);
    frame.render_widget(Paragraph::new(wrap(t.home_intro, intro.width)), intro);
    let block = panel(t.app_name, theme);
    let inner = block.inner(list);
    frame.render_widget(block, list);
    let mut lines = vec![];
    let mut hits = vec![];
    for (i, entry) in LESSONS.iter().enumerate() {
        let sel = i == home.selected;
        let lt = (entry.text)(t);
        let due = match (entry.stem, home.due) {
            ("review", Some(n)) => format!("  {}", (t.home_due)(n)),
            _ => String::new(),
        };
        let name = vec![Span::styled(
            format!("{} {}. {}{due}", if sel { ">" } else { " " }, i + 1, lt.name),
            if sel { theme.selected } else { theme.title },
        )];
        let y = inner.y + lines.len() as u16;
        if y + 1 < inner.bottom() {
            hits.push((Rect::new(inner.x, y, inner.width, 2), Action::OpenAt(i)));
        }
        lines.push(Line::from(name));
        lines.push(Line::styled(format!("     {}", lt.blurb), theme.dim));
    }
    // No wrapping: each lesson keeps its two rows, so the click areas stay right.
    frame.render_widget(Paragraph::new(lines), inner);
    hits
}
