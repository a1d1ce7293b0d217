//! Which lesson is selected, and which are built.

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

    pub fn built(self) -> bool {
        !matches!(self, Lesson::Quiz)
    }
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
    /// Set when the learner tried to open a lesson that is not built yet.
    pub not_built: Option<usize>,
}

impl Home {
    /// Returns the lesson to open, if any.
    pub fn update(&mut self, a: Action) -> Option<Lesson> {
        let n = Lesson::ALL.len();
        self.not_built = None;
        match a {
            Action::Up => self.selected = (self.selected + n - 1) % n,
            Action::Down => self.selected = (self.selected + 1) % n,
            Action::Select(i) if i < n => self.selected = i,
            Action::Select(_) => {}
            Action::Open => {
                let l = Lesson::ALL[self.selected];
                if l.built() {
                    return Some(l);
                }
                self.not_built = Some(self.selected);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_wrap_and_unbuilt_lessons_say_so() {
        let mut h = Home::default();
        h.update(Action::Up);
        assert_eq!(h.selected, 4);
        assert!(Lesson::Rnn.built() && Lesson::Exercises.built() && Lesson::Linreg.built());
        h.update(Action::Up);
        h.update(Action::Up);
        assert_eq!(h.update(Action::Open), None);
        assert_eq!(h.not_built, Some(2));
        h.update(Action::Down);
        h.update(Action::Down);
        h.update(Action::Down);
        assert_eq!(h.selected, 0);
        assert_eq!(h.update(Action::Open), Some(Lesson::Convolution));
    }
}
