//! Study notes: what a lesson shows right now (its settings, the steps so far
//! with their numbers, the formulas, the explanation) as Markdown, in the
//! current language. `e` writes one to a new file in the current directory,
//! never over an existing file; `--print --format markdown` writes it to
//! standard output.

use crate::text::Text;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub lines: Vec<String>,
    /// Shown as a preformatted block (numbers that line up).
    pub code: bool,
}

impl Section {
    pub fn text(heading: &str, lines: Vec<String>) -> Section {
        Section { heading: heading.to_string(), lines, code: false }
    }

    pub fn code(heading: &str, lines: Vec<String>) -> Section {
        Section { heading: heading.to_string(), lines, code: true }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The file-name part: `deepstep-<stem>-<date>.md`.
    pub stem: &'static str,
    pub title: String,
    pub sections: Vec<Section>,
}

impl Note {
    pub fn markdown(&self, t: &Text, when: &str) -> String {
        let mut out = format!("# {}\n\n_{}_\n", self.title, (t.note.created)(when));
        for s in self.sections.iter().filter(|s| !s.lines.is_empty()) {
            out += &format!("\n## {}\n\n", s.heading);
            if s.code {
                out += "```text\n";
                for l in &s.lines {
                    out += l;
                    out += "\n";
                }
                out += "```\n";
            } else {
                let mut fenced = false;
                for (i, l) in s.lines.iter().enumerate() {
                    // A fence (a table inside a question) passes through as it is.
                    if l.starts_with("```") || fenced {
                        fenced ^= l.starts_with("```");
                        out += l;
                        out += if fenced { "\n" } else { "\n\n" };
                        continue;
                    }
                    // List items stay a tight list; other lines are each
                    // their own paragraph, so Markdown keeps the breaks.
                    let item = l.starts_with("- ");
                    let next_item = s.lines.get(i + 1).is_some_and(|n| n.starts_with("- "));
                    if item {
                        out += "- ";
                        out += &escape_line(&l[2..]);
                    } else {
                        out += &escape_line(l);
                    }
                    out += if item && next_item { "\n" } else { "\n\n" };
                }
                out.pop();
            }
        }
        out
    }
}

/// A drawn line's text without its styles (notes reuse the views' lines, so
/// a note says exactly what the screen says).
pub fn plain(lines: &[ratatui::text::Line]) -> Vec<String> {
    lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect()
}

/// Text lines hold formulas (`2·x*y`, `W_rec`, `ρ < 1`); escape only what
/// Markdown would read as emphasis, code or markup, so the file stays
/// readable as plain text too: `_` inside a word is not emphasis, a `*` with
/// spaces on both sides is not either, and `<` starts a tag only before a
/// letter, `/`, `!` or `?` (CommonMark's flanking and raw-HTML rules).
pub fn escape_line(l: &str) -> String {
    let chars: Vec<char> = l.chars().collect();
    let mut out = String::with_capacity(l.len());
    for (i, &c) in chars.iter().enumerate() {
        let word = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(|c| c.is_alphanumeric());
        let space = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_none_or(|c| c.is_whitespace());
        let edge_underscore = c == '_' && !(word(i.checked_sub(1)) && word(Some(i + 1)));
        let star = c == '*' && !(space(i.checked_sub(1)) && space(Some(i + 1)));
        let tag = c == '<' && chars.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'));
        if c == '`' || star || tag || edge_underscore || (i == 0 && c == '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Unix seconds as a UTC calendar date and time: ("2026-11-28", "2026-11-28 07:30 UTC").
pub fn dates(unix: u64) -> (String, String) {
    let days = (unix / 86_400) as i64;
    let secs = unix % 86_400;
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let day = format!("{y:04}-{m:02}-{d:02}");
    let when = format!("{day} {:02}:{:02} UTC", secs / 3600, secs % 3600 / 60);
    (day, when)
}

/// Unix seconds as the learner's clock reads them (the TZ variable or the
/// system's zone), with the offset: ("2026-11-28", "2026-11-28 16:13 +09:00").
/// Falls back to UTC when the zone cannot be read.
pub fn local_dates(unix: u64) -> (String, String) {
    use chrono::TimeZone;
    match i64::try_from(unix).ok().and_then(|s| chrono::Local.timestamp_opt(s, 0).single()) {
        Some(t) => (t.format("%Y-%m-%d").to_string(), t.format("%Y-%m-%d %H:%M %:z").to_string()),
        None => dates(unix),
    }
}

pub fn now_secs() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// Write `body` to a new file `deepstep-<stem>-<day>.md` in `dir`, or
/// `...-2.md`, `...-3.md` when that exists: an existing file is never
/// overwritten (the file is created with `create_new`, so two writers
/// cannot race onto one name either).
pub fn write_new(dir: &Path, stem: &str, day: &str, body: &str) -> std::io::Result<PathBuf> {
    for n in 1..10_000 {
        let name = if n == 1 { format!("deepstep-{stem}-{day}.md") } else { format!("deepstep-{stem}-{day}-{n}.md") };
        let path = dir.join(name);
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut f) => {
                if let Err(e) = f.write_all(body.as_bytes()).and_then(|_| f.sync_all()) {
                    drop(f);
                    // Made by this call a moment ago and never finished (a
                    // full disk): removing it loses nothing, and no empty
                    // note is left behind.
                    let _ = std::fs::remove_file(&path);
                    return Err(e);
                }
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("too many notes with this name today"))
}
