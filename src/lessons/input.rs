//! What both labs share for typed answers: a line of text with a caret, and
//! the keys that edit it (the same table feeds the footer and the help).

use crate::text::Text;
use crate::ui::keys::{Binding, Key, lookup};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The most characters a typed answer holds.
pub const MAX_INPUT: usize = 64;

/// A line of typed text with a caret, counted in characters (not bytes), so
/// Hangul and other multi-byte input edits correctly.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextInput {
    pub buffer: String,
    pub cursor: usize,
}

impl TextInput {
    fn byte_at(&self, chars: usize) -> usize {
        self.buffer.char_indices().nth(chars).map_or(self.buffer.len(), |(i, _)| i)
    }

    pub fn insert(&mut self, c: char) {
        // An answer is a number or a few: a paste of thousands of characters
        // is cut here, not carried into every redraw.
        if self.buffer.chars().count() >= MAX_INPUT {
            return;
        }
        let at = self.byte_at(self.cursor);
        self.buffer.insert(at, c);
        self.cursor += 1;
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            let at = self.byte_at(self.cursor - 1);
            self.buffer.remove(at);
            self.cursor -= 1;
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.buffer.chars().count());
    }

    /// The text left of the caret (where the terminal cursor goes).
    pub fn before_caret(&self) -> &str {
        &self.buffer[..self.byte_at(self.cursor)]
    }
}

/// A key while an answer is being typed. Every lab's `Action` carries these
/// as one `Prompt(Edit)` variant, so the editing lives here once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Type(char),
    Backspace,
    Left,
    Right,
    Submit,
    Skip,
}

impl TextInput {
    /// Apply an editing key; `Submit` and `Skip` are returned for the lab to act on.
    pub fn edit(&mut self, e: Edit) -> Option<Edit> {
        match e {
            Edit::Type(c) => self.insert(c),
            Edit::Backspace => self.backspace(),
            Edit::Left => self.left(),
            Edit::Right => self.right(),
            Edit::Submit | Edit::Skip => return Some(e),
        }
        None
    }
}

/// The keys while an answer is typed (the same for every lab).
pub fn prompt_table(t: &Text) -> Vec<Binding<Edit>> {
    prompt_table_saying(t, t.keys.submit, t.keys.cancel)
}

/// The prompt's keys, Enter and Esc said as `submit` and `cancel`.
fn prompt_table_saying(t: &Text, submit: &'static str, cancel: &'static str) -> Vec<Binding<Edit>> {
    let k = &t.keys;
    vec![
        Binding::new(&[Key::Code(KeyCode::Enter)], submit, Edit::Submit, true),
        Binding::new(&[Key::Code(KeyCode::Esc)], cancel, Edit::Skip, true),
        Binding::new(&[Key::Code(KeyCode::Backspace)], k.delete, Edit::Backspace, false),
        Binding::new(&[Key::Code(KeyCode::Left)], k.caret, Edit::Left, false),
        Binding::new(&[Key::Code(KeyCode::Right)], k.caret, Edit::Right, false),
    ]
}

/// The keys of a prompt that is not a prediction (the gradient-descent
/// lab's typed function): the same keys, said as what they do there.
pub fn entry_bindings<A: Clone>(t: &Text, wrap: fn(Edit) -> A) -> Vec<Binding<A>> {
    wrapped(prompt_table_saying(t, t.keys.submit_entry, t.keys.cancel_entry), wrap)
}

/// The prompt's keys as a lab's own bindings (`wrap` is its `Prompt` variant),
/// so that footer and help show them while the lab is asking.
pub fn prompt_bindings<A: Clone>(t: &Text, wrap: fn(Edit) -> A) -> Vec<Binding<A>> {
    wrapped(prompt_table(t), wrap)
}

fn wrapped<A: Clone>(table: Vec<Binding<Edit>>, wrap: fn(Edit) -> A) -> Vec<Binding<A>> {
    table
        .into_iter()
        .map(|b| Binding { keys: b.keys, label: b.label, what: b.what, action: wrap(b.action), footer: b.footer })
        .collect()
}

/// A prompt key, or a typed character.
pub fn prompt_key(ev: &KeyEvent, t: &Text) -> Option<Edit> {
    if let Some(e) = lookup(&prompt_table(t), ev) {
        return Some(e);
    }
    match ev.code {
        KeyCode::Char(c) if !ev.modifiers.contains(KeyModifiers::CONTROL) => Some(Edit::Type(c)),
        _ => None,
    }
}
