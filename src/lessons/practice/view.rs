//! Drawing the practice screen: the list on the left (each exercise with
//! its state in words, so no colour is needed), the selected exercise on
//! the right: file, time, the last verdict, the hints asked for, the task.

use super::init::Written;
use super::lab::{PracticeLab, State};
use super::words;
use crate::text::Text;
use crate::ui::chrome::{marked_title, panel};
use crate::ui::drawn::Draw;
use crate::ui::theme::Theme;
use crate::ui::width;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn state_word(t: &Text, s: State) -> &'static str {
    let p = &t.practice;
    match s {
        State::Missing => p.state_missing,
        State::NotStarted => p.state_not_started,
        State::Failing => p.state_failing,
        State::Passing => p.state_passing,
    }
}

fn list(lab: &PracticeLab, t: &Text, theme: &Theme) -> Vec<Line<'static>> {
    lab.items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let mark = if i == lab.selected { "> " } else { "  " };
            // The state stays in words while a check runs; the dots say one is running.
            let state = state_word(t, item.state());
            let running = if item.checking { " ..." } else { "" };
            let style = match item.state() {
                State::Passing => theme.good,
                State::Failing => theme.error,
                _ => theme.text,
            };
            let row = if i == lab.selected { theme.selected } else { theme.text };
            Line::from(vec![
                Span::styled(format!("{mark}{}. {}", i + 1, item.exercise.id()), row),
                Span::styled(format!("  [{state}]{running}"), style),
            ])
        })
        .collect()
}

fn detail(lab: &PracticeLab, t: &Text, theme: &Theme) -> Vec<Line<'static>> {
    let p = &t.practice;
    let item = lab.current();
    let mut out = vec![Line::styled((p.title)(item.exercise).to_string(), theme.title)];
    out.push(Line::from(format!("{}: {}", p.file, item.path.display())));
    out.push(Line::from((p.time_spent)(item.record.seconds / 60)));
    if item.stuck() {
        out.push(Line::styled(p.take_a_break.to_string(), theme.error));
    }
    // The hints asked for come before the verdict, near the top, so that
    // `h` shows its hint where it is seen (below the verdict and the case
    // dump it was a page down: the first press looked like nothing).
    let hints = (p.hints)(item.exercise);
    let shown = (item.record.hints as usize).min(hints.len());
    for (i, h) in hints.iter().take(shown).enumerate() {
        out.push(Line::from(""));
        out.push(Line::styled(format!("{}:", (p.hint_label)(i + 1, hints.len())), theme.title));
        out.push(Line::from(h.to_string()));
    }
    if shown == hints.len() {
        out.push(Line::from(p.no_more_hints.to_string()));
    }
    out.push(Line::from(""));
    out.push(Line::styled(format!("{}:", p.last_check), theme.title));
    if item.checking {
        out.push(Line::from(p.checking.to_string()));
    }
    match &item.report {
        Some(r) => out.extend(words::lines(t, r).into_iter().map(Line::from)),
        None if !item.checking => out.push(Line::from(p.never_checked.to_string())),
        None => {}
    }
    out.push(Line::from(""));
    out.extend((p.task)(item.exercise).lines().map(|l| Line::styled(l.to_string(), theme.dim)));
    out
}

fn status(lab: &PracticeLab, t: &Text) -> Vec<String> {
    let p = &t.practice;
    let dir = lab.dir.display().to_string();
    let mut out = vec![];
    if !lab.folder {
        out.push((p.folder_missing)(&dir));
    } else if let Some(why) = &lab.watch_error {
        out.push((p.watch_failed)(why));
    } else {
        out.push((p.watching)(&dir));
    }
    if lab.initing {
        out.push(p.creating.to_string());
    }
    match &lab.init_result {
        // One line for all the files made (their names: the folder is said above).
        Some(Ok(written)) => {
            let names: Vec<String> = written
                .iter()
                .filter_map(|w| match w {
                    Written::Created(path) => Some(
                        path.file_name()
                            .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned()),
                    ),
                    Written::Kept(_) => None,
                })
                .collect();
            if !names.is_empty() {
                out.push((p.created)(&names.join(", ")));
            }
        }
        Some(Err(e)) => out.push(e.clone()),
        None => {}
    }
    if lab.python.is_none() {
        out.push(p.no_python.to_string());
    }
    if let Some(e) = &lab.save_error {
        out.push((p.saved_failed)(&crate::lessons::quiz::words::refused_text(e, t)));
    }
    out
}

pub fn render(lab: &PracticeLab, frame: &mut Frame, area: Rect, t: &Text, theme: &Theme) {
    // The status wrapped here, so its panel takes the rows it needs (up to
    // half the screen): the folder's sentence says which key makes it.
    let status =
        width::wrap(status(lab, t).into_iter().map(Line::from).collect::<Vec<_>>(), area.width.saturating_sub(2));
    let status_rows = (status.len() as u16 + 2).min(area.height / 2);
    let [main, bottom] = Layout::vertical([Constraint::Min(3), Constraint::Length(status_rows)]).areas(area);
    let rows = list(lab, t, theme);
    let list_width = rows.iter().map(|l| l.width()).max().unwrap_or(20) as u16 + 2;
    let [left, right] =
        Layout::horizontal([Constraint::Length(list_width.min(area.width / 2)), Constraint::Min(10)]).areas(main);
    frame.paragraph(Paragraph::new(rows).block(panel(t.practice.screen_title, theme)), left);
    // Wrapped here, so the panel knows its length and scrolls by rows.
    let inner_h = right.height.saturating_sub(2) as usize;
    let lines = width::wrap(detail(lab, t, theme), right.width.saturating_sub(2));
    let max_scroll = lines.len().saturating_sub(inner_h);
    lab.max_scroll.set(max_scroll.min(u16::MAX as usize) as u16);
    let scroll = (lab.scroll as usize).min(max_scroll);
    let name = lab.current().path.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let (above, below) = (scroll > 0, scroll < max_scroll);
    let mut title = name.clone();
    if above {
        title = format!("{title} ({})", t.practice.more_above);
    }
    if below {
        title = format!("{title} ({})", t.practice.more_below);
    }
    // The marks ▴ ▾ first, then the name and the words (a title too long
    // for the panel keeps the marks and ends in …).
    let marks = [(above, t.conv.more_above), (below, t.conv.more_below)];
    let room = right.width.saturating_sub(2) as usize;
    title = marked_title(&marks, &title);
    if width::width(&title) > room {
        title = width::clip(&marked_title(&marks, &name), room);
    }
    let shown: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.paragraph(Paragraph::new(shown).block(panel(title, theme)), right);
    let room = bottom.height.saturating_sub(2) as usize;
    // More status than half the screen: its last row says so.
    let mut status = status;
    if status.len() > room && room > 0 {
        status.truncate(room);
        let last = status.pop().map(|l| l.to_string()).unwrap_or_default();
        status.push(Line::from(width::clip(&format!("{last} …"), bottom.width.saturating_sub(2) as usize)));
    }
    frame.paragraph(Paragraph::new(status).block(panel("", theme)), bottom);
}
