//! The quiz's keys: one table per phase (and per kind of question while
//! asking), feeding the handler, the footer and the help alike.

use super::bank::Answer;
use super::lab::{Action, Phase, QuizLab};
use crate::lessons::input::Edit;
use crate::text::Text;
use crate::ui::keys::{Binding, Key, lookup};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use Key::{Char as C, Code};

fn choose_rows(t: &Text, n: usize, letters: bool) -> Vec<Binding<Action>> {
    let k = &t.keys;
    let label = if letters { "1-4/a-d" } else { "1-6" };
    (0..n)
        .map(|i| {
            let digit = char::from(b'1' + i as u8);
            let mut keys = vec![C(digit)];
            if letters && i < 4 {
                keys.push(C(char::from(b'a' + i as u8)));
            }
            Binding::new(&keys, if letters { k.choose } else { k.pick_term }, Action::Choose(i), i == 0).labelled(label)
        })
        .collect()
}

/// The hint is listed until it is shown (asked again, it changes nothing).
fn common_rows(t: &Text, hint_shown: bool) -> Vec<Binding<Action>> {
    let k = &t.keys;
    vec![
        Binding::new(&[Code(KeyCode::Enter)], k.answer, Action::Submit, true),
        Binding::new(&[C('h')], k.hint, Action::Hint, !hint_shown),
        Binding::new(&[C('s')], k.skip, Action::Skip, true),
    ]
}

/// While a number is typed: only the keys that work then.
fn numeric_rows(t: &Text, hint_shown: bool) -> Vec<Binding<Action>> {
    let k = &t.keys;
    vec![
        // Typing is matched by `numeric_char`, not by this row: it has no
        // keys and only tells the footer and help that digits are typed.
        Binding::new(&[], k.type_number, Action::Prompt(Edit::Submit), true).labelled("0-9 . / % e"),
        Binding::new(&[Code(KeyCode::Enter)], k.answer, Action::Submit, true),
        Binding::new(&[Code(KeyCode::Tab)], k.hint, Action::Hint, !hint_shown),
        Binding::new(&[Code(KeyCode::Esc)], k.skip, Action::Skip, true),
        Binding::new(&[Code(KeyCode::Backspace)], k.delete, Action::Prompt(Edit::Backspace), false),
        Binding::new(&[Code(KeyCode::Left)], k.caret, Action::Prompt(Edit::Left), false),
        Binding::new(&[Code(KeyCode::Right)], k.caret, Action::Prompt(Edit::Right), false),
    ]
}

/// The keys of the lab as it is now.
pub fn table(lab: &QuizLab, t: &Text) -> Vec<Binding<Action>> {
    let k = &t.keys;
    match &lab.phase {
        Phase::Asking => {
            let mut rows = match lab.current().map(|q| &q.answer) {
                Some(Answer::Choice { options, .. }) => choose_rows(t, options.len(), true),
                Some(Answer::TrueFalse { .. }) => vec![
                    Binding::new(&[C('1'), C('a'), C('t')], k.choose, Action::Choose(0), true),
                    Binding::new(&[C('2'), C('b'), C('f')], k.choose, Action::Choose(1), true),
                ],
                Some(Answer::Order { terms, .. }) => {
                    let mut r = choose_rows(t, terms.len(), false);
                    r.push(Binding::new(&[Code(KeyCode::Backspace)], k.undo_term, Action::Undo, true));
                    r
                }
                // The number prompt owns the keyboard (`Lesson::asking`): letters
                // are text (4.83e-1), so hint and skip are on keys no number holds.
                Some(Answer::Numeric { .. }) => return numeric_rows(t, lab.hint),
                None => vec![],
            };
            rows.extend(common_rows(t, lab.hint));
            rows
        }
        Phase::Feedback(_) => vec![
            Binding::new(&[Code(KeyCode::Right), C('n'), Code(KeyCode::Enter)], k.next_question, Action::Next, true),
            Binding::new(&[Code(KeyCode::Down), C('j')], k.scroll, Action::ScrollDown, true),
            Binding::new(&[Code(KeyCode::Up), C('k')], k.scroll, Action::ScrollUp, false),
        ],
        // The summary scrolls (its title marks ▴ ▾): the footer says how.
        Phase::Summary => vec![
            Binding::new(&[C('n'), Code(KeyCode::Enter)], k.new_round, Action::NewRound, true),
            Binding::new(&[C('r')], k.review_now, Action::StartReview, true),
            Binding::new(&[Code(KeyCode::Down), C('j')], k.scroll_page, Action::ScrollDown, true),
            Binding::new(&[Code(KeyCode::Up), C('k')], k.scroll_page, Action::ScrollUp, true),
        ],
        Phase::NothingDue(_) => vec![
            Binding::new(&[C('n'), Code(KeyCode::Enter)], k.new_round, Action::NewRound, true),
            Binding::new(&[Code(KeyCode::Down), C('j')], k.scroll_page, Action::ScrollDown, false),
            Binding::new(&[Code(KeyCode::Up), C('k')], k.scroll_page, Action::ScrollUp, false),
        ],
    }
}

/// Characters a numeric answer can hold (full-width forms from an input
/// method included; `parse_number` reads them).
pub fn numeric_char(c: char) -> bool {
    c.is_ascii_digit() || "./%-+−eE０１２３４５６７８９．／％".contains(c)
}

pub fn map_key(ev: &KeyEvent, lab: &QuizLab, t: &Text) -> Option<Action> {
    let numeric =
        lab.phase == Phase::Asking && matches!(lab.current().map(|q| &q.answer), Some(Answer::Numeric { .. }));
    if numeric
        && let KeyCode::Char(c) = ev.code
        && !ev.modifiers.contains(KeyModifiers::CONTROL)
        && numeric_char(c)
    {
        return Some(Action::Prompt(Edit::Type(c)));
    }
    lookup(&table(lab, t), ev)
}
