//! What the learner gave for a question and how it was graded: the values
//! the quiz lab produces and its words describe, in a file of their own
//! below both (so `words` needs nothing from `lab`).

use super::bank::Topic;

/// What the learner gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Given {
    Choice(usize),
    Number(f64),
    /// Term indices (into the right order) in the order picked.
    Order(Vec<usize>),
    Skipped,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Graded {
    pub topic: Topic,
    pub id: String,
    pub right: bool,
    pub given: Given,
}
