//! `deepstep quiz --print`: a round's questions with their answers and
//! explanations, as plain text (for reading away from the quiz).

use super::bank::Answer;
use super::lab::QuizLab;
use super::words::{answer_text, explanation_lines, option_text, prompt_lines};
use crate::text::Text;

pub fn print(lab: &QuizLab, t: &Text) -> String {
    let q = &t.quiz;
    let mut out = String::new();
    for (i, question) in lab.round.iter().enumerate() {
        out += &format!("{}  [{}]\n", (q.question_of)(i + 1, lab.round.len()), q.topic_names[question.topic.index()]);
        for line in prompt_lines(question, t) {
            out += &format!("  {line}\n");
        }
        if let Answer::Choice { options, .. } = &question.answer {
            for k in 0..options.len() {
                out += &format!("    {}) {}\n", char::from(b'a' + k as u8), option_text(question, k, t));
            }
        }
        out += &format!("  {}\n", (q.the_answer)(&answer_text(question, t)));
        let (explanation, factors) = explanation_lines(question, t);
        for line in explanation.iter().chain(&factors) {
            out += &format!("  {line}\n");
        }
        out += "\n";
    }
    if lab.round.is_empty() {
        out += q.nothing_due;
        out += "\n";
    }
    out
}
