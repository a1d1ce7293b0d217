//! A bank's choice questions must not give their answers away by length:
//! learners learn fast that the longest, most qualified option is the keyed
//! one. `quiz --check` reports a bank where the keyed option is the longest
//! (or tied for it) in more than one choice question in three, in either
//! language.

use super::bank::Question;
use super::question::Answer;
use crate::ui::width::width;

/// The choice questions whose keyed option is the longest, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct LongestKeyed {
    pub lang: &'static str,
    /// Ids of the questions whose keyed option is (tied for) the longest.
    pub ids: Vec<String>,
    /// How many choice questions the bank has.
    pub choices: usize,
}

impl LongestKeyed {
    /// At most one choice question in three.
    pub fn breaks_the_rule(&self) -> bool {
        self.ids.len() * 3 > self.choices
    }
}

/// The count in English and in Korean (a question without Korean text is
/// shown in English there too).
pub fn longest_keyed(questions: &[Question]) -> [LongestKeyed; 2] {
    let count = |lang: &'static str| {
        let mut out = LongestKeyed { lang, ids: vec![], choices: 0 };
        for q in questions {
            let Answer::Choice { options, correct } = &q.answer else { continue };
            let correct = *correct;
            out.choices += 1;
            let len = |i: usize| {
                let t = &options[i].text;
                width(if lang == "ko" { t.ko.as_deref().unwrap_or(&t.en) } else { &t.en })
            };
            let keyed = len(correct);
            if (0..options.len()).all(|i| len(i) <= keyed) {
                out.ids.push(q.id.clone());
            }
        }
        out
    };
    [count("en"), count("ko")]
}
