//! The quiz as a study note: every question answered so far in this round,
//! what was answered, the right answer and the worked explanation, then the
//! score by topic.

use super::bank::{Body, Question};
use super::generate::table_lines;
use super::lab::{Graded, QuizLab};
use super::words::question_lines;
use crate::lessons::notes::{Note, Section};
use crate::text::Text;

/// One question as a section; a generated question's joint table becomes a
/// block, which reads best in Markdown.
fn question_section(i: usize, question: &Question, graded: Option<&Graded>, t: &Text) -> Section {
    let mut lines = question_lines(question, graded, t);
    if let Body::Generated(g) = &question.body {
        let table = table_lines(&g.joint);
        if let Some(at) = lines.iter().position(|l| table.contains(l)) {
            lines.retain(|l| !table.contains(l));
            let block = std::iter::once("```text".to_string()).chain(table).chain(std::iter::once("```".to_string()));
            lines.splice(at..at, block);
        }
    }
    Section::text(&format!("{}. {}", i + 1, t.quiz.topic_names[question.topic.index()]), lines)
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
    Note { stem: if lab.options.review { "review" } else { "quiz" }, title: title.to_string(), sections }
}

/// Every question of a round with its answer and explanation (`--print`).
pub fn round_note(lab: &QuizLab, t: &Text) -> Note {
    let q = &t.quiz;
    let sections = lab.round.iter().enumerate().map(|(i, qn)| question_section(i, qn, None, t)).collect();
    let title = if lab.options.review { q.title_review } else { q.title };
    Note { stem: if lab.options.review { "review" } else { "quiz" }, title: title.to_string(), sections }
}
