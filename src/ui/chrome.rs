//! What surrounds every screen: bordered panels, the footer of keys, the `?`
//! overlay, and the "terminal too small" screen.

use super::drawn::Draw;
use super::theme::{BORDER, Theme};
use super::width::{clip, wrap};
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// The smallest terminal the screens are laid out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn panel<'a>(title: impl Into<Line<'a>>, theme: &Theme) -> Block<'a> {
    Block::default().borders(Borders::ALL).border_set(BORDER).title(title).title_style(theme.title)
}

/// `title` cut to the room between a panel's corners at `area` (with … when
/// cut): a border title cannot wrap, and ratatui cuts a long one unmarked.
pub fn fit_title(title: &str, area: Rect) -> String {
    clip(title, area.width.saturating_sub(2) as usize)
}

/// `title` with the marks of what is out of view in front of it (each mark
/// whose flag is set: ◂▸ ▴ ▾), so that a narrow panel cuts the title's
/// words, not the marks.
pub fn marked_title(marks: &[(bool, &str)], title: &str) -> String {
    let marks: String = marks.iter().filter(|(on, _)| *on).map(|(_, m)| *m).collect();
    if marks.is_empty() { title.to_string() } else { format!("{marks} {title}") }
}

/// A bordered list of `name: value` knobs, the selected one marked `>` and
/// reversed, scrolled to keep it in view; `extra` lines follow the list.
/// Knobs as one line: `name: value` each, the chosen one in brackets and
/// highlighted (the brackets show it without colour).
pub fn knob_spans<K: PartialEq>(rows: Vec<(K, &str, String)>, chosen: &K, theme: &Theme) -> Vec<Span<'static>> {
    rows.into_iter()
        .map(|(k, name, v)| {
            if k == *chosen {
                Span::styled(format!("[{name}: {v}] "), theme.selected)
            } else {
                Span::raw(format!(" {name}: {v}  "))
            }
        })
        .collect()
}

pub fn knob_panel(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    rows: &[(&str, String)],
    selected: usize,
    extra: Vec<Line<'static>>,
    theme: &Theme,
) {
    let inner = panel("", theme).inner(area);
    let fit = usize::from(inner.width);
    let mut lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .map(|(i, (name, value))| {
            let sel = i == selected;
            let text = clip(&format!("{}{name}: {value}", if sel { "> " } else { "  " }), fit);
            Line::styled(text, if sel { theme.selected } else { theme.text })
        })
        .collect();
    lines.extend(extra);
    let shown = usize::from(inner.height.max(1));
    let skip = (selected + 1).saturating_sub(shown);
    // The title says which way the list goes on (the arrows move along it).
    let title = marked_title(&[(skip > 0, "▴"), (lines.len() > skip + shown, "▾")], title);
    frame.bordered(panel(title, theme), area);
    frame.paragraph(Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()), inner);
}

/// One or more lines of `key what` pairs, wrapped to the width.
pub fn footer<'a>(items: &[(&'a str, &'a str)], theme: &Theme, width: u16) -> Paragraph<'a> {
    Paragraph::new(wrap(footer_text(items, theme), width))
}

fn footer_text<'a>(items: &[(&'a str, &'a str)], theme: &Theme) -> Line<'a> {
    let mut spans = vec![];
    for (i, (k, what)) in items.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(*k, theme.key));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(*what, theme.dim));
    }
    Line::from(spans)
}

/// How many rows the footer needs at this width (at most 4).
pub fn footer_height(items: &[(&str, &str)], width: u16) -> u16 {
    let plain = Theme::MONO;
    let rows = wrap(footer_text(items, &plain), width).len();
    (rows as u16).clamp(1, 4)
}

/// One row per description: keys that do the same thing ("Home/g" and
/// "End/G" for "first / last frame") share a row, their labels joined, in
/// the order they first appear; a label listed twice is listed once.
pub fn merged<'a>(items: &[(&str, &'a str)]) -> Vec<(String, &'a str)> {
    let mut out: Vec<(String, &'a str)> = vec![];
    for (k, what) in items {
        match out.iter_mut().find(|(_, w)| w == what) {
            Some((keys, _)) if keys.split(", ").any(|x| x == *k) => {}
            Some((keys, _)) => *keys = format!("{keys}, {k}"),
            None => out.push((k.to_string(), what)),
        }
    }
    out
}

/// The help overlay: every binding, centred over the screen.
pub fn help_overlay(frame: &mut Frame, title: &str, close: &str, items: &[(&str, &str)], theme: &Theme) {
    let area = frame.area();
    let items = merged(items);
    let key_w = items.iter().map(|(k, _)| Span::raw(k.as_str()).width()).max().unwrap_or(0);
    let mut lines: Vec<Line> = items
        .iter()
        .map(|(k, w)| {
            // Padded by display width: a label may hold wide characters.
            let pad = " ".repeat(key_w.saturating_sub(Span::raw(k.as_str()).width()));
            Line::from(vec![Span::styled(format!("{k}{pad}"), theme.key), Span::raw("  "), Span::raw(w.to_string())])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(close.to_string(), theme.dim));
    let want_w = lines.iter().map(Line::width).max().unwrap_or(10) as u16 + 4;
    let want_h = lines.len() as u16 + 2;
    let [popup] = Layout::horizontal([Constraint::Length(want_w.min(area.width))]).flex(Flex::Center).areas(area);
    let [popup] = Layout::vertical([Constraint::Length(want_h.min(area.height))]).flex(Flex::Center).areas(popup);
    frame.overlay(popup);
    clear_wide_left_of(frame, popup);
    frame.paragraph(Paragraph::new(lines).block(panel(title.to_string(), theme)), popup);
}

/// A two-column glyph (Hangul) just left of a popup reaches into its first
/// column; the terminal would then never draw the popup's left border there.
/// Blank such glyphs so the popup's edge shows on every row.
fn clear_wide_left_of(frame: &mut Frame, popup: Rect) {
    let Some(x) = popup.x.checked_sub(1) else { return };
    let buf = frame.buffer_mut();
    for y in popup.top()..popup.bottom() {
        if Span::raw(buf[(x, y)].symbol()).width() > 1 {
            buf[(x, y)].set_symbol(" ");
        }
    }
}

/// Below the minimum size: only the message.
pub fn too_small(frame: &mut Frame, message: String, theme: &Theme) {
    let area = frame.area();
    frame.overlay(area);
    frame.paragraph(Paragraph::new(wrap(Line::styled(message, theme.error), area.width)), area);
}

pub fn is_too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Redraw every box-drawing character of the frame as ASCII. ratatui's
/// widgets (the `Chart` axes) draw `│ ─ └`, which are ambiguous-width: a
/// terminal set to draw them double-width (common with Korean fonts) would
/// shift the whole row. Run once per frame, after everything is drawn, so no
/// screen has to remember it.
pub fn ascii_lines(frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            let ascii = match cell.symbol() {
                "│" | "┃" => "|",
                "─" | "━" => "-",
                "└" | "┌" | "┐" | "┘" | "├" | "┤" | "┬" | "┴" | "┼" => "+",
                // Chart markers (`Theme::series`): ambiguous-width too.
                "•" => "*",
                "█" => "#",
                _ => continue,
            };
            cell.set_symbol(ascii);
        }
    }
}
