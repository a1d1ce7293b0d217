//! `deepstep quiz --print`: a round's questions with their answers and
//! explanations, as plain text (for reading away from the quiz).

use super::lab::QuizLab;
use super::words::question_lines;
use crate::text::Text;

pub fn print(lab: &QuizLab, t: &Text) -> String {
    let q = &t.quiz;
    let mut out = String::new();
    for (i, question) in lab.round.iter().enumerate() {
        out += &format!("{}  [{}]\n", (q.question_of)(i + 1, lab.round.len()), q.topic_names[question.topic.index()]);
        for line in question_lines(question, None, t) {
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
