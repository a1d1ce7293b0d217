//! Which lesson is selected on the home screen.

use crate::lessons::registry::LESSONS;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    /// Open the selected lesson.
    Open,
    /// Select lesson `usize` and open it (a click on its entry).
    OpenAt(usize),
    /// A number key: the shell's key table cannot carry which, so the home
    /// screen maps the digit itself (`map_key`).
    Number,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Home {
    pub selected: usize,
    /// Quiz questions due now, shown on the review entry (the shell fills it in).
    pub due: Option<usize>,
}

impl Home {
    /// Returns the registry index of the lesson to open, if any.
    pub fn update(&mut self, a: Action) -> Option<usize> {
        let n = LESSONS.len();
        match a {
            Action::Up => self.selected = (self.selected + n - 1) % n,
            Action::Down => self.selected = (self.selected + 1) % n,
            Action::OpenAt(i) if i < n => {
                self.selected = i;
                return Some(i);
            }
            Action::OpenAt(_) | Action::Number => {}
            Action::Open => return Some(self.selected),
        }
        None
    }
}
