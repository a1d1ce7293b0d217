//! Tests of `deepstep::lessons::notes` (`src/lessons/notes.rs`).

use deepstep::lessons::notes::*;

#[test]
fn dates_are_civil_utc() {
    assert_eq!(dates(0).1, "1970-01-01 00:00 UTC");
    assert_eq!(dates(951_782_400).0, "2000-02-29");
    assert_eq!(dates(1_795_850_000).1, "2026-11-28 07:13 UTC");
}

#[test]
fn formulas_are_not_read_as_markdown() {
    assert_eq!(escape_line("||e||_2 * W_rec"), "||e||\\_2 * W_rec");
    assert_eq!(escape_line("# a <b>"), "\\# a \\<b>");
    // What Markdown would not read as markup stays as written.
    assert_eq!(escape_line("ρ < 1, 2 * 3, a <= b"), "ρ < 1, 2 * 3, a <= b");
    assert_eq!(escape_line("x*y and </p>"), "x\\*y and \\</p>");
}
