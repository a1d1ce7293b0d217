//! What a quiz question is and how it is answered: its topic, its words in
//! both languages, and its answer. Below the bank that reads them from TOML
//! and the generators that draw them, which both build these.

use crate::text::Lang;
use crate::text::visible::visible;
use serde::{Deserialize, Serialize};

/// A string in both languages; `ko` may be missing in a custom bank (English
/// is shown then), never in a shipped one (a test checks).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Loc {
    pub en: String,
    #[serde(default)]
    pub ko: Option<String>,
}

/// NFC: a bank saved by an editor that writes decomposed Hangul (NFD, as
/// macOS file names do) would otherwise show as loose jamo.
/// Bank text as deepstep shows it: NFC (an editor may save decomposed
/// Hangul) and with every control character but the newline replaced by �,
/// so a bank cannot send escape sequences to the terminal (set its title,
/// clear the screen, write the clipboard).
pub(super) fn nfc(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    visible(&s.nfc().collect::<String>())
}

impl Loc {
    pub(super) fn normalised(&self) -> Loc {
        Loc { en: nfc(&self.en), ko: self.ko.as_deref().map(nfc) }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ko => self.ko.as_deref().unwrap_or(&self.en),
            Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Topic {
    /// The chain-rule factorization of a joint, and the Markov assumption.
    Chain,
    /// Bayes' rule: prior, likelihood, evidence, posterior.
    Bayes,
    Conv,
    Rnn,
    /// Maximum-likelihood estimation.
    Mle,
    /// Gradient descent on a function: derivatives, the update, the rate, the stopping test.
    Gd,
}

impl Topic {
    pub const ALL: [Topic; 6] = [Topic::Chain, Topic::Bayes, Topic::Conv, Topic::Rnn, Topic::Mle, Topic::Gd];

    pub fn index(self) -> usize {
        Topic::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    /// Its name in the progress log and in exported tags (never translated).
    pub fn slug(self) -> &'static str {
        match self {
            Topic::Chain => "chain",
            Topic::Bayes => "bayes",
            Topic::Conv => "conv",
            Topic::Rnn => "rnn",
            Topic::Mle => "mle",
            Topic::Gd => "gd",
        }
    }
}

pub use crate::math::slip::{Mistake, Slip, unambiguous};

#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub text: Loc,
    /// For a wrong option: the misconception behind it.
    pub why: Option<Loc>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// Options in the order shown; `correct` counts from 0.
    Choice { options: Vec<Choice>, correct: usize },
    /// Accepts 0.25, .25, 1/4 and 25% alike; right within `tolerance` (absolute).
    Numeric { value: f64, tolerance: f64 },
    /// `why` explains the misconception behind the wrong answer.
    TrueFalse { truth: bool, why: Option<Loc> },
    /// The terms in a right order; shown shuffled, picked one by one.
    /// `before` holds (a, b) pairs, counted from 0: term a must come before
    /// term b. An order is right when it keeps every pair, so a question
    /// whose steps do not all depend on each other accepts every order that
    /// respects the dependencies. Without `before` in the bank, each term
    /// must follow the one listed before it (only the order written).
    Order { terms: Vec<String>, before: Vec<(usize, usize)> },
}

impl Answer {
    /// Whether `order` (term indices in the order picked) is a right order.
    pub fn accepts_order(&self, order: &[usize]) -> bool {
        let Answer::Order { terms, before } = self else { return false };
        let mut at = vec![usize::MAX; terms.len()];
        for (pos, &term) in order.iter().enumerate() {
            match at.get_mut(term) {
                Some(slot) if *slot == usize::MAX => *slot = pos,
                _ => return false,
            }
        }
        order.len() == terms.len() && before.iter().all(|&(a, b)| at[a] < at[b])
    }
}
