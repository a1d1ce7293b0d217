//! Padding by display width, not by characters: a Hangul syllable takes two
//! terminal columns, so `format!("{s:>9}")` would misalign a Korean label.

use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};

pub fn width(s: &str) -> usize {
    Span::raw(s).width()
}

/// `s` followed by spaces up to `w` columns.
pub fn pad_end(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

/// Spaces, then `s`, up to `w` columns.
pub fn pad_start(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(width(s))))
}

/// `s` cut to `w` columns, its end marked `…` when anything was cut.
pub fn clip(s: &str, w: usize) -> String {
    if width(s) <= w {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if width(&out) + width_of(c.encode_utf8(&mut [0; 4])) + 1 > w {
            break;
        }
        out.push(c);
    }
    if w > 0 {
        out.push('…');
    }
    out
}

/// Word-wrap styled lines to `width` display columns. ratatui 0.30's own
/// `Wrap` can put a wide glyph into the last column with only one cell left
/// (ratatui#2679), which a real terminal then pushes onto the next line; this
/// measures every piece by its display width instead. Continuation lines
/// drop their leading spaces; a word longer than the width is split.
pub fn wrap<'a>(text: impl Into<Text<'a>>, width: u16) -> Vec<Line<'static>> {
    let width = width.max(1) as usize;
    let mut out = vec![];
    for line in text.into().lines {
        let mut cur: Vec<Span<'static>> = vec![];
        let mut cur_w = 0;
        let mut continuation = false;
        let flush = |cur: &mut Vec<Span<'static>>, cur_w: &mut usize, out: &mut Vec<Line<'static>>| {
            out.push(Line::from(std::mem::take(cur)).style(line.style));
            *cur_w = 0;
        };
        for span in &line.spans {
            let style: Style = span.style;
            for (token, space) in tokens(&span.content) {
                let w = width_of(token);
                if space {
                    if cur_w + w <= width {
                        if !(continuation && cur_w == 0) {
                            cur.push(Span::styled(token.to_string(), style));
                            cur_w += w;
                        }
                    } else {
                        flush(&mut cur, &mut cur_w, &mut out);
                        continuation = true;
                    }
                    continue;
                }
                if cur_w + w > width && cur_w > 0 && w <= width {
                    // Trailing spaces before the break are not kept.
                    while cur.last().is_some_and(|s| s.content.trim().is_empty()) {
                        cur_w -= cur.pop().map_or(0, |s| width_of(&s.content));
                    }
                    flush(&mut cur, &mut cur_w, &mut out);
                    continuation = true;
                }
                // Character by character: fits in one piece unless longer than a line.
                let mut piece = String::new();
                for c in token.chars() {
                    let cw = width_of(c.encode_utf8(&mut [0; 4]));
                    if cur_w + width_of(&piece) + cw > width && (cur_w > 0 || !piece.is_empty()) {
                        cur.push(Span::styled(std::mem::take(&mut piece), style));
                        flush(&mut cur, &mut cur_w, &mut out);
                        continuation = true;
                    }
                    piece.push(c);
                }
                cur_w += width_of(&piece);
                cur.push(Span::styled(piece, style));
            }
        }
        out.push(Line::from(cur).style(line.style));
    }
    out
}

fn width_of(s: &str) -> usize {
    Span::raw(s).width()
}

/// Runs of spaces and runs of everything else, in order: (text, is_space).
/// `text` wrapped to `width` with a hanging indent: every line after the
/// first starts `indent` columns in, under the text after its key ("[ ] a) ").
pub fn hanging(text: &str, style: Style, width: u16, indent: u16) -> Vec<Line<'static>> {
    let rows = wrap(Line::styled(text.to_string(), style), width.saturating_sub(indent).max(1));
    rows.into_iter()
        .enumerate()
        .map(|(i, mut l)| {
            if i > 0 {
                l.spans.insert(0, Span::raw(" ".repeat(indent as usize)));
            }
            l
        })
        .collect()
}

fn tokens(s: &str) -> Vec<(&str, bool)> {
    let mut out = vec![];
    let mut start = 0;
    let mut space = None;
    for (i, c) in s.char_indices() {
        let sp = c == ' ';
        if space.is_some_and(|x| x != sp) {
            out.push((&s[start..i], space.unwrap_or(false)));
            start = i;
        }
        space = Some(sp);
    }
    if start < s.len() {
        out.push((&s[start..], space.unwrap_or(false)));
    }
    out
}
