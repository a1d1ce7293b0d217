//! Predict-then-reveal, one component for every lab that asks: the question
//! being asked with the learner's typed answer, the score, and the values
//! the screen must keep hidden until the question is answered or skipped.
//!
//! A lab configures it with its own question type `Q` (a frame's value, an
//! output size, a step's factor, μ̂ …), grades a submitted answer with a
//! closure (the lab knows the truth and the mistakes), and reads back what
//! happened as a `Step`. `hides` is declared when asking, so a test can
//! check every rendered state of every lab against it (nothing that gives
//! the answer away is on screen while it is asked), and `predict_plumbing!`
//! writes the lab's `impl Lesson` methods that only forward to it.

use crate::lessons::input::{Edit, TextInput};

/// A question on screen and the answer typed so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Asking<Q> {
    pub question: Q,
    pub input: TextInput,
    /// Text the screen must not show while this is asked, in every format
    /// the screen uses for the answer (see `Predict::hides`).
    pub hides: Vec<String>,
}

/// The component: predict mode on or off, at most one question at a time,
/// and the score so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Predict<Q> {
    /// Predict mode (`t`): the lab asks before it reveals.
    pub on: bool,
    pub asking: Option<Asking<Q>>,
    /// (right, graded).
    pub score: (usize, usize),
}

impl<Q> Default for Predict<Q> {
    fn default() -> Self {
        Predict { on: false, asking: None, score: (0, 0) }
    }
}

/// What one key did to the question.
#[derive(Debug, Clone, PartialEq)]
pub enum Step<Q, G> {
    /// Still typing (or nothing was asked).
    Typing,
    /// Esc: the question is dropped unanswered.
    Skipped(Q),
    /// Enter on text that is not an answer: the question stays open.
    Unreadable,
    /// Enter on an answer: graded, scored and closed.
    Graded { question: Q, right: bool, grade: G },
}

impl<Q: Clone> Predict<Q> {
    /// Ask `question`, hiding `hides` until it is answered.
    pub fn ask(&mut self, question: Q, hides: Vec<String>) {
        self.asking = Some(Asking { question, input: TextInput::default(), hides });
    }

    pub fn is_asking(&self) -> bool {
        self.asking.is_some()
    }

    pub fn question(&self) -> Option<&Q> {
        self.asking.as_ref().map(|a| &a.question)
    }

    /// What must not be on screen now (nothing when no question is asked).
    pub fn hides(&self) -> &[String] {
        self.asking.as_ref().map_or(&[], |a| &a.hides)
    }

    /// Drop the question unanswered (a lab that moves on by itself).
    pub fn cancel(&mut self) -> Option<Q> {
        self.asking.take().map(|a| a.question)
    }

    /// Apply one editing key. On Enter, `grade(question, typed)` reads the
    /// answer: `None` when the text is not one (the question stays open),
    /// else whether it is right and what the lab wants to say about it.
    pub fn edit<G>(&mut self, e: Edit, grade: impl FnOnce(&Q, &str) -> Option<(bool, G)>) -> Step<Q, G> {
        let Some(asking) = self.asking.as_mut() else { return Step::Typing };
        match asking.input.edit(e) {
            Some(Edit::Skip) => Step::Skipped(self.cancel().expect("asking")),
            Some(Edit::Submit) => match grade(&asking.question, &asking.input.buffer) {
                None => Step::Unreadable,
                Some((right, grade)) => {
                    let question = self.cancel().expect("asking");
                    self.score.1 += 1;
                    self.score.0 += usize::from(right);
                    Step::Graded { question, right, grade }
                }
            },
            _ => Step::Typing,
        }
    }
}

/// The methods of a predicting lab's `impl Lesson` that only forward to its
/// `predict` field: the prompt's keys replace the lab's table while it asks,
/// `asking` and `hidden` read the component, and typed or pasted text goes
/// into the answer. `$table` is the lab's key table function, `$prompt` its
/// `Action` variant that carries an `Edit`. A lab with a prompt of its own
/// besides the question (the gradient-descent lab's typed function) names
/// the method that says it is open: `typing: is_typing`; the same editing
/// keys then go to that prompt. A lab whose footer depends on its state (a
/// knob at its end lists no key that would not move it) gives a table of
/// the lab and the text: `lab_table: table`, and one that keeps the
/// component inside a view struct names its path: `predict: view.predict`.
#[macro_export]
macro_rules! predict_plumbing {
    ($table:path, $prompt:path) => {
        $crate::predict_plumbing!(@methods |_lab: &Self, t| $table(t), $prompt, |_lab: &Self| false, predict);
    };
    ($table:path, $prompt:path, typing: $typing:ident) => {
        $crate::predict_plumbing!(@methods |_lab: &Self, t| $table(t), $prompt, |lab: &Self| lab.$typing(), predict);
    };
    // A table that depends on the lab's state: keys that would do nothing
    // now are left out of it (`table(lab, t)`).
    (lab_table: $table:path, $prompt:path) => {
        $crate::predict_plumbing!(lab_table: $table, $prompt, predict: predict);
    };
    // The same, with the component at another field path (`view.predict`).
    (lab_table: $table:path, $prompt:path, predict: $($p:ident).+) => {
        $crate::predict_plumbing!(@methods |lab: &Self, t| $table(lab, t), $prompt, |_lab: &Self| false, $($p).+);
    };
    (@methods $table:expr, $prompt:path, $other:expr, $($p:ident).+) => {
        fn keys(&self, t: &$crate::text::Text) -> Vec<$crate::ui::keys::Binding<Self::Action>> {
            if self.$($p).+.is_asking() {
                $crate::lessons::input::prompt_bindings(t, $prompt)
            } else if ($other)(self) {
                // A prompt of the lab's own: its keys say what they do there.
                $crate::lessons::input::entry_bindings(t, $prompt)
            } else {
                ($table)(self, t)
            }
        }

        fn asking(&self) -> bool {
            self.$($p).+.is_asking() || ($other)(self)
        }

        fn hidden(&self) -> Vec<String> {
            self.$($p).+.hides().to_vec()
        }

        fn answer(&self) -> Option<String> {
            self.$($p).+.asking.as_ref().map(|a| a.input.buffer.clone())
        }

        fn typed(&self, c: char) -> Option<Self::Action> {
            (self.$($p).+.is_asking() || ($other)(self)).then_some($prompt($crate::lessons::input::Edit::Type(c)))
        }
    };
}
