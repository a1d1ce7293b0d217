//! The quiz as a study note: every question answered so far in this round,
//! what was answered, the right answer and the worked explanation, then the
//! score by topic.

use super::bank::{Answer, Question};
use super::lab::{Given, Graded, QuizLab};
use super::words::{answer_text, explanation_lines, given_text, option_text, prompt_lines};
use crate::lessons::notes::{Note, Section};
use crate::text::Text;

/// One question as a section: the prompt (and options), what was answered
/// (if it was), the answer, the explanation and the factors.
fn question_section(i: usize, question: &Question, graded: Option<&Graded>, t: &Text) -> Section {
    let q = &t.quiz;
    let mut lines = prompt_lines(question, t);
    // A generated question's joint table reads best as a block.
    if let super::bank::Body::Generated(g) = &question.body {
        let table = super::generate::table_lines(&g.joint);
        lines.retain(|l| !table.contains(l));
        lines.insert(1, "```text".to_string());
        lines.splice(2..2, table.iter().cloned().chain(std::iter::once("```".to_string())));
    }
    if let Answer::Choice { options, .. } = &question.answer {
        for k in 0..options.len() {
            lines.push(format!("{}) {}", char::from(b'a' + k as u8), option_text(question, k, t)));
        }
    }
    if let Some(g) = graded {
        let verdict = match (&g.given, g.right) {
            (Given::Skipped, _) => q.skipped,
            (_, true) => q.right,
            (_, false) => q.wrong,
        };
        match given_text(question, &g.given, t) {
            Some(given) => lines.push(format!("{}  {verdict}", (q.you_gave)(&given))),
            None => lines.push(verdict.to_string()),
        }
    }
    lines.push((q.the_answer)(&answer_text(question, t)));
    let (explanation, factors) = explanation_lines(question, t);
    lines.extend(explanation);
    lines.extend(factors);
    Section::text(&format!("{}. {}", i + 1, q.topic_names[question.topic.index()]), lines)
}

/// The round so far: the score by topic, then each question answered.
pub fn note(lab: &QuizLab, t: &Text) -> Note {
    let q = &t.quiz;
    let mut summary: Vec<String> = lab
        .score_by_topic()
        .iter()
        .map(|(topic, right, answered, skipped)| {
            format!("- {}", (q.summary_row)(q.topic_names[topic.index()], *right, *answered, *skipped))
        })
        .collect();
    if summary.is_empty() {
        summary.push(t.note.none_yet.to_string());
    }
    let mut sections = vec![Section::text(q.summary, summary)];
    sections
        .extend(lab.results.iter().zip(&lab.round).enumerate().map(|(i, (g, qn))| question_section(i, qn, Some(g), t)));
    let title = if lab.options.review { q.title_review } else { q.title };
    Note { stem: "quiz", title: title.to_string(), sections }
}

/// Every question of a round with its answer and explanation (`--print`).
pub fn round_note(lab: &QuizLab, t: &Text) -> Note {
    let q = &t.quiz;
    let sections = lab.round.iter().enumerate().map(|(i, qn)| question_section(i, qn, None, t)).collect();
    let title = if lab.options.review { q.title_review } else { q.title };
    Note { stem: "quiz", title: title.to_string(), sections }
}
