//! Draws the quiz: the question and the answer being built, then the
//! feedback, then the round's summary. Every number shown comes from the
//! lab (the bank, `generate`, the progress records).

use super::bank::{Answer, Question};
use super::lab::{Given, Graded, Message, Phase, QuizLab};
use super::words::{
    answer_text, explanation_lines, given_text, hint_text, how_line, option_text, prompt_lines, slip_line,
};
use crate::progress::Notice;
use crate::text::Text;
use crate::ui::chrome::{fit_title, marked_title, panel};
use crate::ui::drawn::Draw;
use crate::ui::theme::Theme;
use crate::ui::width::wrap;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Rows these lines take when wrapped to `width`.
fn wrapped_rows(lines: &[Line], width: u16) -> u16 {
    wrap(lines.to_vec(), width).len() as u16
}

/// A bordered panel of `lines` scrolled down by `scroll` rows (as far as
/// there is more), its title marked ▴ when rows are above and ▾ when rows
/// are below, so nothing is out of view unsaid.
fn scrolled_panel(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line>, scroll: u16, t: &Text, theme: &Theme) {
    let inner = panel(String::new(), theme).inner(area);
    let rows = wrap(lines, inner.width);
    let n = rows.len().min(u16::MAX as usize) as u16;
    let scroll = scroll.min(n.saturating_sub(inner.height));
    // The same ▴ ▾ marks as the labs' panels.
    let marks = [(scroll > 0, t.conv.more_above), (n > scroll + inner.height, t.conv.more_below)];
    let block = panel(fit_title(&marked_title(&marks, title), area), theme);
    frame.bordered(block, area);
    frame.paragraph(Paragraph::new(rows).scroll((scroll, 0)), inner);
}

/// The options (or terms) with their keys and marks.
fn answer_lines(lab: &QuizLab, q: &Question, t: &Text, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let quiz = &t.quiz;
    let graded = match &lab.phase {
        Phase::Feedback(g) => Some(g),
        _ => None,
    };
    let mut lines = vec![];
    match &q.answer {
        Answer::Choice { .. } | Answer::TrueFalse { .. } => {
            let right = match &q.answer {
                Answer::Choice { correct, .. } => *correct,
                Answer::TrueFalse { truth, .. } => usize::from(!*truth),
                _ => 0,
            };
            let tf = matches!(q.answer, Answer::TrueFalse { .. });
            for i in 0..lab.choices() {
                let key = if tf { char::from(b'1' + i as u8) } else { char::from(b'a' + i as u8) };
                let chosen = lab.selected == Some(i) || graded.is_some_and(|g| g.given == Given::Choice(i));
                let mark = if chosen { "[x]" } else { "[ ]" };
                let mut style = if chosen { theme.selected } else { theme.text };
                let lead = format!("{mark} {key}) ");
                let mut text = format!("{lead}{}", option_text(q, i, t));
                if graded.is_some() && i == right {
                    style = theme.good;
                    // Bound to the option's last word: the mark never wraps onto a line of its own.
                    text.push_str(&quiz.right_mark.replace(' ', "\u{a0}"));
                }
                // A long option wraps under its own text, not under its key.
                lines.extend(crate::ui::width::hanging(&text, style, width, Span::raw(lead).width() as u16));
            }
        }
        Answer::Order { terms, .. } => {
            let shown: Vec<String> = lab
                .shown_order
                .iter()
                .enumerate()
                .map(|(pos, &term)| {
                    let used = if lab.picked.contains(&pos) { "*" } else { " " };
                    format!("{used}{}) {}", pos + 1, terms.get(term).cloned().unwrap_or_default())
                })
                .collect();
            lines.push(Line::raw(shown.join("   ")));
            let mut built: Vec<&str> = lab
                .picked
                .iter()
                .filter_map(|&p| lab.shown_order.get(p).and_then(|&i| terms.get(i)).map(String::as_str))
                .collect();
            built.extend(std::iter::repeat_n("_", terms.len().saturating_sub(built.len())));
            if graded.is_none() {
                let built = crate::lessons::quiz::words::numbered(built.into_iter());
                lines.push(Line::styled(format!("{}: {built}", quiz.picked), theme.title));
            }
        }
        Answer::Numeric { .. } => {
            if graded.is_none() {
                lines.push(Line::styled(format!("{}: {}", quiz.your_answer, lab.input.buffer), theme.title));
            }
        }
    }
    lines
}

fn feedback_lines(q: &Question, g: &Graded, t: &Text, theme: &Theme) -> Vec<Line<'static>> {
    let quiz = &t.quiz;
    let mut lines = vec![];
    let verdict = match (&g.given, g.right) {
        (Given::Skipped, _) => Line::styled(quiz.skipped, theme.dim),
        (_, true) => Line::styled(quiz.right, theme.good),
        (_, false) => Line::styled(quiz.wrong, theme.error),
    };
    lines.push(verdict);
    if !g.right {
        // A choice's pick and the right option are marked above; other kinds
        // write both out.
        if !matches!(q.answer, Answer::Choice { .. } | Answer::TrueFalse { .. }) {
            if let Some(given) = given_text(q, &g.given, t) {
                lines.push(Line::raw((quiz.you_gave)(&given)));
            }
            lines.push(Line::styled((quiz.the_answer)(&answer_text(q, t)), theme.title));
        }
        let why = match (&q.answer, &g.given) {
            (Answer::Choice { options, .. }, Given::Choice(i)) => options.get(*i).and_then(|o| o.why.as_ref()),
            (Answer::TrueFalse { why, .. }, Given::Choice(_)) => why.as_ref(),
            _ => None,
        };
        if let Some(why) = why {
            lines.push(Line::styled(quiz.why_not, theme.dim));
            lines.extend(why.get(t.lang).lines().map(|l| Line::raw(l.to_string())));
        }
        if let Some(slip) = slip_line(q, &g.given, t) {
            lines.push(Line::styled(quiz.why_not, theme.dim));
            lines.push(Line::raw(slip));
        }
    }
    let (explanation, factors) = explanation_lines(q, t);
    lines.extend(explanation.into_iter().map(Line::raw));
    if !factors.is_empty() {
        lines.push(Line::styled(quiz.factors, theme.dim));
        lines.extend(factors.into_iter().map(Line::raw));
    }
    lines
}

fn notice_line(n: &Notice, t: &Text) -> String {
    let q = &t.quiz;
    let s = |p: &std::path::Path| p.display().to_string();
    match n {
        Notice::MovedAside { path, backup } => (q.moved_aside)(&s(path), &s(backup)),
        Notice::NotSaving(why) => (q.not_saving)(&super::words::refused_text(why, t)),
        Notice::SaveFailed(why) => (q.save_failed)(&super::words::refused_text(why, t)),
        Notice::Imported { from, count } => (q.imported)(&s(from), *count),
    }
}

fn summary_lines(lab: &QuizLab, t: &Text, theme: &Theme) -> Vec<Line<'static>> {
    let q = &t.quiz;
    let mut lines = vec![];
    if let Phase::NothingDue(_) = lab.phase {
        lines.push(Line::styled(q.nothing_due, theme.title));
        lines.push(Line::raw(match lab.next_due_in() {
            Some(wait) => (q.next_due_in)(wait),
            None => q.never_answered.to_string(),
        }));
        return lines;
    }
    let scores = lab.score_by_topic();
    for (topic, right, answered, skipped) in &scores {
        lines.push(Line::raw((q.summary_row)(t.quiz.topic_names[topic.index()], *right, *answered, *skipped)));
    }
    let right: usize = scores.iter().map(|s| s.1).sum();
    let answered: usize = scores.iter().map(|s| s.2).sum();
    lines.push(Line::styled((q.summary_total)(right, answered), theme.title));
    let review = lab.to_review();
    if review.is_empty() {
        lines.push(Line::styled(q.all_right, theme.good));
    } else {
        let mut topics: Vec<&str> = vec![];
        for r in &review {
            let name = q.topic_names[r.topic.index()];
            if !topics.contains(&name) {
                topics.push(name);
            }
        }
        lines.push(Line::styled((q.review_topics)(&topics.join(", ")), theme.error));
        lines.push(Line::styled((q.review_questions)(lab.wrong_due_in()), theme.dim));
        for r in review {
            let first = prompt_lines(r, t).into_iter().last().unwrap_or_default();
            lines.push(Line::raw(format!("- {first}")));
        }
    }
    // The due count and the list below it are the same questions.
    let due = lab.due_questions();
    if !due.is_empty() {
        lines.push(Line::raw((q.due_now)(due.len())));
        for d in &due {
            let first = prompt_lines(d, t).into_iter().last().unwrap_or_default();
            lines.push(Line::styled(format!("- {first}"), theme.dim));
        }
    }
    lines
}

pub fn render(frame: &mut Frame, area: Rect, lab: &QuizLab, t: &Text, theme: &Theme) {
    let q = &t.quiz;
    // The last rows: a notice about the progress file (whole: it says what
    // is not saved and why), or where it is saved.
    let foot_line = match (&lab.notice, lab.store_path()) {
        (Some(n), _) => Line::styled(notice_line(n, t), theme.error),
        (None, Some(p)) => Line::styled((q.progress_at)(&p.display().to_string()), theme.dim),
        (None, None) => Line::styled(q.not_saved, theme.dim),
    };
    let foot_lines = wrap(foot_line, area.width);
    let foot_rows = (foot_lines.len() as u16).max(2);
    let [head, body, foot] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(3), Constraint::Length(foot_rows)]).areas(area);
    let title = if lab.options.review { q.title_review } else { q.title };
    let mut head_spans = vec![Span::styled(title.to_string(), theme.title)];
    if let Some(cur) = lab.current().filter(|_| matches!(lab.phase, Phase::Asking | Phase::Feedback(_))) {
        head_spans.push(Span::raw(format!(
            "   {}   {}",
            (q.question_of)(lab.index + 1, lab.round.len()),
            q.topic_names[cur.topic.index()]
        )));
    }
    frame.paragraph(Paragraph::new(Line::from(head_spans)), head);

    frame.paragraph(Paragraph::new(foot_lines), foot);

    let Some(cur) = lab.current().filter(|_| matches!(lab.phase, Phase::Asking | Phase::Feedback(_))) else {
        scrolled_panel(frame, body, q.summary, summary_lines(lab, t, theme), lab.scroll, t, theme);
        return;
    };

    let mut qlines: Vec<Line> = prompt_lines(cur, t).into_iter().map(Line::raw).collect();
    qlines.extend(answer_lines(lab, cur, t, theme, body.width.saturating_sub(2)));
    let numeric_row = matches!(cur.answer, Answer::Numeric { .. }).then(|| qlines.len() - 1);
    if lab.phase == Phase::Asking {
        qlines.push(Line::styled(how_line(cur, t), theme.dim));
        if let Some(m) = lab.message {
            let s = match m {
                Message::NotANumber => q.not_a_number,
                Message::PickEveryTerm => q.pick_every_term,
                Message::ChooseFirst => q.choose_first,
            };
            qlines.push(Line::styled(s, theme.error));
        }
        if lab.hint {
            qlines.push(Line::styled(format!("{}: {}", q.hint, hint_text(cur, t)), theme.title));
        }
    }
    let inner_w = body.width.saturating_sub(2);
    let q_rows = wrapped_rows(&qlines, inner_w) + 2;
    let (q_area, f_area) = match &lab.phase {
        // The question whole where the explanation keeps three rows (its
        // title marks what is below, and Down scrolls it); else its end.
        Phase::Feedback(_) => {
            let q_h = q_rows.min(body.height.saturating_sub(5).max(body.height / 2)).max(3);
            let [a, b] = Layout::vertical([Constraint::Length(q_h), Constraint::Min(3)]).areas(body);
            (a, Some(b))
        }
        _ => (body, None),
    };
    let inner = panel(String::new(), theme).inner(q_area);
    // In the feedback, the end of the question (its options) matters more
    // than its start when space is short.
    scrolled_panel(frame, q_area, q.title, qlines.clone(), if f_area.is_some() { u16::MAX } else { 0 }, t, theme);

    // The terminal cursor sits at the caret, so input methods compose there.
    if let (Some(row), Phase::Asking) = (numeric_row, &lab.phase) {
        let above = wrapped_rows(&qlines[..row], inner.width);
        let prefix = Span::raw(format!("{}: ", q.your_answer)).width() + Span::raw(lab.input.before_caret()).width();
        let (x, y) = (inner.x as usize + prefix, inner.y + above);
        if x < inner.right() as usize && y < inner.bottom() {
            frame.set_cursor_position(Position::new(x as u16, y));
        }
    }

    if let (Some(area), Phase::Feedback(g)) = (f_area, &lab.phase) {
        scrolled_panel(frame, area, q.explanation, feedback_lines(cur, g, t, theme), lab.scroll, t, theme);
    }
}
