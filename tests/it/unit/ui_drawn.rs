//! Tests of `deepstep::ui::drawn` (`src/ui/drawn.rs`): the rules a drawn
//! frame is held to, on frames drawn here.

use deepstep::ui::drawn::*;
use ratatui::Frame;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Paragraph};
use ratatui::{Terminal, text::Line};

/// The parts a frame of `w` × `h` drew.
fn parts(w: u16, h: u16, draw: impl Fn(&mut Frame)) -> (Vec<Drawn>, Terminal<TestBackend>) {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let ((), parts) = recorded(|| {
        terminal.draw(|f| draw(f)).unwrap();
    });
    (parts, terminal)
}

fn overlapping(draw: impl Fn(&mut Frame)) -> usize {
    overlaps(&parts(40, 20, draw).0).len()
}

fn text(s: &str) -> Paragraph<'_> {
    Paragraph::new(s)
}

#[test]
fn contents_side_by_side_are_apart_and_sharing_a_row_is_not() {
    assert_eq!(
        overlapping(|f| {
            f.content(text("a"), Rect::new(0, 0, 10, 5));
            f.content(text("b"), Rect::new(10, 0, 10, 5));
        }),
        0
    );
    assert_eq!(
        overlapping(|f| {
            f.content(text("a"), Rect::new(0, 0, 10, 5));
            f.content(text("b"), Rect::new(5, 4, 10, 5));
        }),
        1
    );
}

#[test]
fn content_belongs_inside_a_border_not_on_it() {
    let panel = Rect::new(0, 0, 20, 10);
    assert_eq!(
        overlapping(|f| {
            f.bordered(Block::bordered(), panel);
            f.content(text("x"), Rect::new(1, 1, 18, 8));
        }),
        0
    );
    // One row lower reaches the bottom border (a chart under a message).
    assert_eq!(
        overlapping(|f| {
            f.bordered(Block::bordered(), panel);
            f.content(text("x"), Rect::new(1, 2, 18, 8));
        }),
        1
    );
    // A content drawn first and its panel after are judged the same way.
    assert_eq!(
        overlapping(|f| {
            f.content(text("x"), Rect::new(1, 1, 18, 8));
            f.bordered(Block::bordered(), panel);
        }),
        0
    );
}

#[test]
fn nested_panels_pass_and_an_overlay_starts_a_layer() {
    let outer = Rect::new(0, 0, 30, 12);
    assert_eq!(
        overlapping(|f| {
            f.bordered(Block::bordered(), outer);
            f.bordered(Block::bordered(), Rect::new(1, 1, 10, 5));
        }),
        0
    );
    assert_eq!(
        overlapping(|f| {
            f.bordered(Block::bordered(), outer);
            f.bordered(Block::bordered(), Rect::new(0, 0, 10, 5));
        }),
        1
    );
    assert_eq!(
        overlapping(|f| {
            f.content(text("under"), outer);
            f.overlay(Rect::new(5, 5, 10, 5));
            f.content(text("over"), Rect::new(5, 5, 10, 5));
        }),
        0
    );
}

#[test]
fn a_recorded_frame_lists_its_parts_in_order_with_a_panels_inside() {
    let (parts, _) = parts(20, 6, |f| {
        f.bordered(Block::bordered(), Rect::new(0, 0, 20, 6));
        f.content(text("x"), Rect::new(1, 1, 5, 1));
    });
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0].inner, Some(Rect::new(1, 1, 18, 4)));
    assert_eq!((parts[1].inner, parts[1].area), (None, Rect::new(1, 1, 5, 1)));
    assert!(parts[0].at.file().ends_with("ui_drawn.rs"), "the source line is the caller's");
}

#[test]
fn a_cut_paragraph_must_be_marked_in_its_panel() {
    let unmarked = |title: &str, lines: &str| {
        let (parts, terminal) = parts(20, 5, |f| {
            f.bordered(Block::bordered().title(Line::raw(title.to_string())), Rect::new(0, 0, 20, 5));
            f.paragraph(Paragraph::new(lines.to_string()), Rect::new(1, 1, 18, 3));
        });
        unmarked_cuts(&parts, terminal.backend().buffer()).len()
    };
    assert_eq!(unmarked("all", "a\nb\nc"), 0);
    assert_eq!(unmarked("cut", "a\nb\nc\nd"), 1);
    assert_eq!(unmarked("▾ more", "a\nb\nc\nd"), 0);
    assert_eq!(unmarked("too wide", "a line longer than eighteen"), 1);
}
