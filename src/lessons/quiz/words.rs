//! What the quiz says about a question, in the current language: its
//! prompt, options, the right answer written out, the explanation. Shared by
//! the view and the printed form, so both say the same.

use super::bank::{Answer, Body, Question};
use super::graded::{Given, Graded};
use crate::math::format::num;
use crate::text::Text;

pub fn prompt_lines(q: &Question, t: &Text) -> Vec<String> {
    match &q.body {
        Body::Bank { prompt, .. } => prompt.get(t.lang).lines().map(minus_signs).collect(),
        Body::Generated(g) => g.prompt(t),
        Body::Sample(s) => s.prompt(t),
    }
}

/// Ordered terms as numbered steps, "(1) a   (2) b": joined by spaces alone,
/// terms that are equations would read as one false chain of equalities.
pub fn numbered<'a>(terms: impl Iterator<Item = &'a str>) -> String {
    terms.enumerate().map(|(i, t)| format!("({}) {t}", i + 1)).collect::<Vec<_>>().join("   ")
}

pub fn option_text(q: &Question, i: usize, t: &Text) -> String {
    match &q.answer {
        Answer::Choice { options, .. } => options.get(i).map(|o| o.text.get(t.lang).to_string()).unwrap_or_default(),
        Answer::TrueFalse { .. } => if i == 0 { t.quiz.true_label } else { t.quiz.false_label }.to_string(),
        Answer::Order { terms, .. } => terms.get(i).cloned().unwrap_or_default(),
        Answer::Numeric { .. } => String::new(),
    }
}

/// Option `k` with its letter, as the keys name it: "b) the text".
pub fn lettered(q: &Question, k: usize, t: &Text) -> String {
    format!("{}) {}", char::from(b'a' + k.min(25) as u8), option_text(q, k, t))
}

/// The right answer, written out.
pub fn answer_text(q: &Question, t: &Text) -> String {
    match &q.answer {
        Answer::Choice { correct, .. } => lettered(q, *correct, t),
        Answer::TrueFalse { truth, .. } => option_text(q, if *truth { 0 } else { 1 }, t),
        Answer::Numeric { value, .. } => num(*value),
        Answer::Order { terms, .. } => numbered(terms.iter().map(String::as_str)),
    }
}

pub fn given_text(q: &Question, g: &Given, t: &Text) -> Option<String> {
    match (g, &q.answer) {
        (Given::Choice(i), Answer::Choice { .. }) => Some(lettered(q, *i, t)),
        (Given::Choice(i), _) => Some(option_text(q, *i, t)),
        (Given::Number(v), _) => Some(num(*v)),
        (Given::Order(o), Answer::Order { terms, .. }) => {
            Some(numbered(o.iter().filter_map(|i| terms.get(*i).map(String::as_str))))
        }
        _ => None,
    }
}

pub fn how_line(q: &Question, t: &Text) -> String {
    match &q.answer {
        Answer::Choice { .. } => t.quiz.how_choice.to_string(),
        // An exact answer (a count, a size) has no "±0" to explain.
        Answer::Numeric { tolerance, .. } if *tolerance == 0.0 => t.quiz.how_numeric_exact.to_string(),
        Answer::Numeric { tolerance, .. } => (t.quiz.how_numeric)(&num(*tolerance)),
        Answer::TrueFalse { .. } => t.quiz.how_truefalse.to_string(),
        Answer::Order { .. } => t.quiz.how_order.to_string(),
    }
}

/// The hint, or a note that the question has none.
pub fn hint_text(q: &Question, t: &Text) -> String {
    match &q.body {
        Body::Bank { hint: Some(h), .. } => h.get(t.lang).to_string(),
        Body::Bank { hint: None, .. } => t.quiz.no_hint.to_string(),
        Body::Generated(g) => g.hint(t).to_string(),
        Body::Sample(s) => s.hint(t).to_string(),
    }
}

/// The worked explanation, then the factors written out (if any).
/// A bank's ASCII minus between spaces (`14 - 5 + 1`) written as the sign
/// `−`: wrapped before it, `- 5 + 1` would start a line like a list item.
fn minus_signs(line: &str) -> String {
    line.replace(" - ", " − ")
}

pub fn explanation_lines(q: &Question, t: &Text) -> (Vec<String>, Vec<String>) {
    match &q.body {
        Body::Bank { explanation, factors, .. } => {
            (explanation.get(t.lang).lines().map(minus_signs).collect(), factors.clone())
        }
        Body::Generated(g) => (g.solution(t), g.factors()),
        Body::Sample(s) => (s.solution(t), vec![]),
    }
}

/// A question written out: the prompt (and options), what was answered (if
/// it was) with the verdict, the answer, the explanation and the factors.
/// The printed round and the study note both read it.
pub fn question_lines(question: &Question, graded: Option<&Graded>, t: &Text) -> Vec<String> {
    let q = &t.quiz;
    let mut lines = prompt_lines(question, t);
    if let Answer::Choice { options, .. } = &question.answer {
        for k in 0..options.len() {
            lines.push(lettered(question, k, t));
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
    lines
}

/// For a wrong number that a known mistake gives: which mistake it was.
pub fn slip_line(q: &Question, given: &Given, t: &Text) -> Option<String> {
    let Given::Number(v) = given else { return None };
    let slip = q.slip_for(*v)?;
    Some((t.quiz.slip)(&crate::math::format::num(*v), slip.mistake))
}

/// Why the progress store refused a path, or a read or save failed, in the
/// learner's language: the path, what is wrong and what to do.
pub fn refused_text(r: &crate::progress::Refused, t: &Text) -> String {
    use crate::progress::{Refused, Trouble};
    let q = &t.quiz;
    let p = r.path().display().to_string();
    match r {
        Refused::NotRegular { kind, .. } => (q.refused_not_regular)(&p, (q.file_kind)(kind)),
        Refused::NotOurs { .. } => (q.refused_not_ours)(&p),
        Refused::ForeignWal { .. } => (q.refused_foreign_wal)(&p),
        Refused::Newer { .. } => (q.refused_newer)(&p),
        Refused::Trouble { trouble, .. } => match trouble {
            Trouble::ReadOnly => (q.trouble_read_only)(&p),
            Trouble::Full => (q.trouble_full)(&p),
            Trouble::Permission => (q.trouble_permission)(&p),
            Trouble::NotADirectory => (q.trouble_not_a_directory)(&p),
            Trouble::CannotOpen => (q.trouble_cannot_open)(&p),
            Trouble::Busy => (q.trouble_busy)(&p),
            Trouble::Damaged => (q.trouble_damaged)(&p),
            Trouble::Io => (q.trouble_io)(&p),
            Trouble::Other(reason) => (q.trouble_other)(&p, reason),
        },
    }
}

/// An ASCII sparkline of counts (one character a day), readable without colour.
fn spark(v: &[usize]) -> String {
    const RAMP: [char; 8] = ['_', '.', ':', '-', '=', '+', '#', '@'];
    let max = v.iter().copied().max().unwrap_or(0).max(1);
    // 0 alone is `_`; any answer at all shows, and only the busiest day is `@`.
    v.iter().map(|&n| RAMP[(n * 7).div_ceil(max).min(7)]).collect()
}

/// The statistics in words: per topic, retention, the last 30 days, the
/// next 14 days' forecast as bars, the streak.
pub fn stats_lines(s: &crate::progress::Stats, t: &Text) -> Vec<String> {
    let q = &t.quiz;
    // "-" when there is nothing to divide by.
    let pct = |a: usize, b: usize| crate::math::format::percent(a, b).map_or("-".to_string(), |p| format!("{p}%"));
    let mut lines = vec![];
    if s.topics.is_empty() {
        lines.push(q.stats_empty.to_string());
        lines.extend(practice_lines(&s.practice, t));
        return lines;
    }
    for (topic, ts) in &s.topics {
        let name = super::bank::Topic::ALL
            .iter()
            .find(|x| x.slug() == topic)
            .map_or(topic.as_str(), |x| q.topic_names[x.index()]);
        lines.push((q.stats_topic)(name, ts.right, ts.answered, &pct(ts.right, ts.answered)));
    }
    lines.push((q.stats_retention)(s.retained, s.reviewed, &pct(s.retained, s.reviewed)));
    // One-row bar charts (a column a day), each with the counts it stands
    // for, so nothing rests on reading a bar's height alone.
    lines.push((q.stats_per_day)(s.per_day.iter().copied().max().unwrap_or(0)));
    lines.push(format!("  {}   {}", spark(&s.per_day), (q.stats_total)(s.per_day.iter().sum())));
    lines.push((q.stats_forecast)(s.forecast.iter().copied().max().unwrap_or(0)));
    let days: Vec<String> =
        s.forecast.iter().enumerate().filter(|(_, n)| **n > 0).map(|(d, n)| format!("+{d}: {n}")).collect();
    lines.push(format!("  {}   {}", spark(&s.forecast), days.join(", ")));
    lines.push((q.stats_due_now)(s.due_now, s.forecast[0].saturating_sub(s.due_now)));
    lines.push((q.stats_streak)(s.streak));
    lines.extend(practice_lines(&s.practice, t));
    lines
}

/// The practice exercises beside the quiz: a heading, then per exercise
/// worked on whether it passed, the minutes spent and the hints used.
fn practice_lines(records: &[crate::progress::PracticeRecord], t: &Text) -> Vec<String> {
    use crate::practice::exercise::Exercise;
    if records.is_empty() {
        return vec![];
    }
    let mut lines = vec![t.quiz.stats_practice.to_string()];
    for e in Exercise::ALL {
        if let Some(r) = records.iter().find(|r| r.exercise == e.id()) {
            lines.push((t.quiz.stats_practice_row)((t.practice.title)(e), r.passed, r.seconds / 60, r.hints));
        }
    }
    lines
}
