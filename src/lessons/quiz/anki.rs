//! `deepstep quiz --export anki FILE`: every bank question as a note Anki's
//! plain-text import reads (tab-separated, HTML fields, tags in column 3).

use super::bank::{Answer, Body, Question};
use super::words::{answer_text, explanation_lines, lettered, option_text, prompt_lines};
use crate::text::Text;

/// The file's header lines: Anki reads these instead of asking.
const HEADER: &str = "#separator:tab\n#html:true\n#notetype:Basic\n#tags column:3\n";

/// A field as Anki's HTML import reads it: the characters HTML gives a
/// meaning escaped (a leading `"` would start a quoted field), no tab or
/// line break left to split the row, lines joined with `<br>`.
pub fn field(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| {
            l.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
                .replace(['\t', '\r', '\n'], " ")
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

/// The terms of an ordering question in an order that is not a right one
/// (shown in a right order, the card would answer itself).
pub fn shown_order(answer: &Answer) -> Vec<usize> {
    let Answer::Order { terms, .. } = answer else { return vec![] };
    let n = terms.len();
    let reversed: Vec<usize> = (0..n).rev().collect();
    std::iter::once(reversed)
        .chain((1..n).map(|r| (0..n).map(|i| (i + r) % n).collect()))
        .find(|o| !answer.accepts_order(o))
        .unwrap_or_else(|| (0..n).collect())
}

/// One note: the front (prompt with its options or terms), the back (the
/// answer, the explanation, the factors), the tags.
fn note(q: &Question, t: &Text) -> String {
    let mut front = prompt_lines(q, t);
    match &q.answer {
        Answer::Choice { options, .. } => {
            front.extend((0..options.len()).map(|k| lettered(q, k, t)));
        }
        Answer::Order { .. } => {
            front.push(shown_order(&q.answer).iter().map(|&i| option_text(q, i, t)).collect::<Vec<_>>().join("  |  "));
        }
        Answer::TrueFalse { .. } | Answer::Numeric { .. } => {}
    }
    let mut back = vec![(t.quiz.the_answer)(&answer_text(q, t))];
    let (explanation, factors) = explanation_lines(q, t);
    back.extend(explanation);
    back.extend(factors);
    format!("{}\t{}\tdeepstep deepstep::{}\n", field(&front), field(&back), q.topic.slug())
}

/// Every question that comes from a bank (generated ones change each round
/// and are left out), in the bank's order.
pub fn export(questions: &[Question], t: &Text) -> (String, usize) {
    let bank: Vec<&Question> = questions.iter().filter(|q| matches!(q.body, Body::Bank { .. })).collect();
    let mut out = HEADER.to_string();
    for q in &bank {
        out += &note(q, t);
    }
    (out, bank.len())
}
