//! Where each part of a frame was drawn. Every screen draws through [`Draw`]
//! instead of `Frame::render_widget`, so that a frame can be recorded and
//! checked for the screen contract's first rule: no two drawn parts overlap.
//! Recording is off (one thread-local read per part) unless a caller of
//! [`recorded`] asks for it, as the screen walker does after every key.
//!
//! The rule, per layer (an overlay such as the help popup starts a new one):
//! - two contents (paragraphs, charts, grids) never share a cell;
//! - a content meeting a bordered panel lies inside the panel's border, or
//!   wholly outside it;
//! - two panels are nested (one inside the other's border) or apart.
//!
//! And its second: nothing is cut silently. A paragraph drawn through
//! [`Draw::paragraph`] whose lines do not all fit its area is recorded as
//! cut; [`unmarked_cuts`] finds those whose panel shows no mark of more
//! (▴ ▾ ◂ ▸ …) on its border or inside it.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use std::cell::RefCell;
use std::panic::Location;

/// One part of a frame: where it was drawn, the inside of its border when it
/// is a bordered panel, the layer, and the source line that drew it.
#[derive(Clone, Copy, Debug)]
pub struct Drawn {
    pub area: Rect,
    pub inner: Option<Rect>,
    pub layer: u16,
    /// A paragraph with more lines (or wider ones) than its area holds.
    pub cut: bool,
    pub at: &'static Location<'static>,
}

thread_local! {
    static RECORD: RefCell<Option<(u16, Vec<Drawn>)>> = const { RefCell::new(None) };
}

/// Runs `draw` with recording on and returns what it drew, in order.
pub fn recorded<T>(draw: impl FnOnce() -> T) -> (T, Vec<Drawn>) {
    RECORD.with(|r| *r.borrow_mut() = Some((0, Vec::new())));
    let out = draw();
    let parts = RECORD.with(|r| r.borrow_mut().take()).map(|(_, v)| v).unwrap_or_default();
    (out, parts)
}

fn recording() -> bool {
    RECORD.with(|r| r.borrow().is_some())
}

fn note(area: Rect, inner: Option<Rect>, cut: bool, at: &'static Location<'static>) {
    RECORD.with(|r| {
        if let Some((layer, parts)) = r.borrow_mut().as_mut()
            && area.area() > 0
        {
            parts.push(Drawn { area, inner, layer: *layer, cut, at });
        }
    });
}

fn next_layer() {
    RECORD.with(|r| {
        if let Some((layer, _)) = r.borrow_mut().as_mut() {
            *layer += 1;
        }
    });
}

/// Drawing that is recorded when asked.
pub trait Draw {
    /// A content part: text, a chart, a grid.
    fn content<W: Widget>(&mut self, widget: W, area: Rect);
    /// A paragraph: a content whose lines are measured when recorded.
    fn paragraph(&mut self, paragraph: Paragraph, area: Rect);
    /// A bordered panel; what goes inside is drawn at `block.inner(area)`.
    fn bordered(&mut self, block: Block, area: Rect);
    /// Clears `area` and starts a new layer over everything drawn so far.
    fn overlay(&mut self, area: Rect);
}

impl Draw for Frame<'_> {
    #[track_caller]
    fn content<W: Widget>(&mut self, widget: W, area: Rect) {
        let area = area.intersection(self.area());
        note(area, None, false, Location::caller());
        self.render_widget(widget, area);
    }

    #[track_caller]
    fn paragraph(&mut self, paragraph: Paragraph, area: Rect) {
        let area = area.intersection(self.area());
        // Measured only when recorded: wrapping the text again costs time.
        let cut = recording()
            && (paragraph.line_count(area.width) > usize::from(area.height)
                || paragraph.line_width() > usize::from(area.width));
        note(area, None, cut, Location::caller());
        self.render_widget(paragraph, area);
    }

    #[track_caller]
    fn bordered(&mut self, block: Block, area: Rect) {
        let area = area.intersection(self.area());
        note(area, Some(block.inner(area)), false, Location::caller());
        self.render_widget(block, area);
    }

    #[track_caller]
    fn overlay(&mut self, area: Rect) {
        next_layer();
        self.render_widget(Clear, area.intersection(self.area()));
    }
}

fn inside(a: Rect, b: Rect) -> bool {
    a.left() >= b.left() && a.right() <= b.right() && a.top() >= b.top() && a.bottom() <= b.bottom()
}

fn apart(a: Rect, b: Rect) -> bool {
    a.intersection(b).area() == 0
}

/// Whether two parts of one layer may stand as they are.
fn compatible(a: &Drawn, b: &Drawn) -> bool {
    if a.layer != b.layer || apart(a.area, b.area) {
        return true;
    }
    let within = |x: &Drawn, panel: &Drawn| panel.inner.is_some_and(|inner| inside(x.area, inner));
    within(a, b) || within(b, a)
}

/// Every pair of parts that break the rule, earlier part first.
pub fn overlaps(parts: &[Drawn]) -> Vec<(Drawn, Drawn)> {
    let mut out = Vec::new();
    for (i, a) in parts.iter().enumerate() {
        for b in &parts[i + 1..] {
            if !compatible(a, b) {
                out.push((*a, *b));
            }
        }
    }
    out
}

/// The marks that say a panel holds more than it shows.
const MARKS: [&str; 5] = ["▴", "▾", "◂", "▸", "…"];

/// Every cut paragraph whose panel (the smallest one around it, or the
/// paragraph's own area when it stands in none) shows no mark of more.
pub fn unmarked_cuts(parts: &[Drawn], buf: &Buffer) -> Vec<Drawn> {
    parts
        .iter()
        .filter(|p| p.cut)
        .filter(|p| {
            let around = parts
                .iter()
                .filter(|q| q.layer == p.layer && q.inner.is_some_and(|inner| inside(p.area, inner)))
                .map(|q| q.area)
                .min_by_key(|a| a.area())
                .unwrap_or(p.area)
                .intersection(buf.area);
            !around.positions().any(|pos| MARKS.contains(&buf[pos].symbol()))
        })
        .copied()
        .collect()
}
