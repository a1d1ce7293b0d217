//! Draws the lesson list.

use super::lab::{Action, Home};
use crate::lessons::registry::LESSONS;
use crate::text::Text;
use crate::ui::chrome::panel;
use crate::ui::drawn::Draw;
use crate::ui::theme::Theme;
use crate::ui::width::wrap;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn render(frame: &mut Frame, area: Rect, home: &Home, t: &Text, theme: &Theme) -> Vec<(Rect, Action)> {
    let [title, intro, list] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(2), Constraint::Min(3)]).areas(area);
    frame.paragraph(Paragraph::new(Line::styled(t.home_title, theme.title)), title);
    frame.paragraph(Paragraph::new(wrap(t.home_intro, intro.width)), intro);
    let block = panel(t.app_name, theme);
    let inner = block.inner(list);
    frame.bordered(block, list);
    // Each lesson's blurb wraps under its name; when they do not all fit,
    // only the selected lesson's blurb shows (every name stays on screen).
    let blurb = |i: usize| -> Vec<Line<'static>> {
        let lt = (LESSONS[i].text)(t);
        wrap(Line::raw(lt.blurb.to_string()), inner.width.saturating_sub(5))
            .into_iter()
            .map(|l| Line::styled(format!("     {}", l), theme.dim))
            .collect()
    };
    let full: usize = (0..LESSONS.len()).map(|i| 1 + blurb(i).len()).sum();
    let all_blurbs = full <= inner.height as usize;
    let mut lines = vec![];
    let mut hits = vec![];
    for (i, entry) in LESSONS.iter().enumerate() {
        let sel = i == home.selected;
        let lt = (entry.text)(t);
        let due = match (entry.stem, home.due) {
            ("review", Some(n)) => format!("  {}", (t.home_due)(n)),
            _ => String::new(),
        };
        let name = Line::styled(
            format!("{} {}. {}{due}", if sel { ">" } else { " " }, i + 1, lt.name),
            if sel { theme.selected } else { theme.title },
        );
        let below = if all_blurbs || sel { blurb(i) } else { vec![] };
        let y = inner.y as usize + lines.len();
        let rows = 1 + below.len();
        if y + rows <= inner.bottom() as usize {
            hits.push((Rect::new(inner.x, y as u16, inner.width, rows as u16), Action::OpenAt(i)));
        }
        lines.push(name);
        lines.extend(below);
    }
    frame.paragraph(Paragraph::new(lines), inner);
    hits
}
