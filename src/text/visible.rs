//! Text from outside deepstep (a bank, a learner's traceback, a repr, a
//! source line) as deepstep shows it in a terminal.

/// `s` with control characters (C0 but the newline, DEL, C1) replaced by �,
/// so the text cannot send escape sequences to the terminal (set its title,
/// clear the screen, write the clipboard).
pub fn visible(s: &str) -> String {
    s.chars().map(|c| if c.is_control() && c != '\n' { '\u{FFFD}' } else { c }).collect()
}
