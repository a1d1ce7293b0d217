//! Which lesson is selected.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lesson {
    Convolution,
    Rnn,
    Quiz,
    Exercises,
    Linreg,
}

impl Lesson {
    pub const ALL: [Lesson; 5] = [Lesson::Convolution, Lesson::Rnn, Lesson::Quiz, Lesson::Exercises, Lesson::Linreg];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Select(usize),
    Open,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Home {
    pub selected: usize,
}

impl Home {
    /// Returns the lesson to open, if any.
    pub fn update(&mut self, a: Action) -> Option<Lesson> {
        let n = Lesson::ALL.len();
        match a {
            Action::Up => self.selected = (self.selected + n - 1) % n,
            Action::Down => self.selected = (self.selected + 1) % n,
            Action::Select(i) if i < n => self.selected = i,
            Action::Select(_) => {}
            Action::Open => return Some(Lesson::ALL[self.selected]),
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_wrap_and_open_the_selected_lesson() {
        let mut h = Home::default();
        h.update(Action::Up);
        assert_eq!(h.selected, 4);
        h.update(Action::Up);
        h.update(Action::Up);
        assert_eq!(h.update(Action::Open), Some(Lesson::Quiz));
        h.update(Action::Down);
        h.update(Action::Down);
        h.update(Action::Down);
        assert_eq!(h.selected, 0);
        assert_eq!(h.update(Action::Open), Some(Lesson::Convolution));
    }
}
