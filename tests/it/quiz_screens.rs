//! The quiz's screens against the review of 2026-12: the round summary and
//! the statistics agree with the home screen on what is due (D10), content
//! below or above the visible part is marked and reachable (D13, D23), and
//! the Korean banks' particles (D24).

use crate::common::{draw, key};
use deepstep::app::App;
use deepstep::lessons::lesson::mount;
use deepstep::lessons::quiz::bank::{self, Answer, Question, Topic};
use deepstep::lessons::quiz::lab::{Action, Phase, QuizLab};
use deepstep::lessons::quiz::round::RoundOptions;
use deepstep::progress::Store;
use deepstep::text::{EN, KO, Wait};
use deepstep::ui::theme::Theme;
use std::path::PathBuf;

const NOW: u64 = 1_800_000_000;

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("deepstep-quiz-screens-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn shipped() -> Vec<Question> {
    bank::shipped().unwrap_or_else(|p| panic!("{}", p.len()))
}

/// The screen's rows joined into one line (a sentence may wrap anywhere).
fn flat(s: &str) -> String {
    s.lines().map(|l| l.trim_matches(|c: char| c == '|' || c.is_whitespace())).collect::<Vec<_>>().join(" ")
}

/// D10: right after a round with wrong answers, the summary says when they
/// are due again as the store has it (not "due first next time"), and the
/// statistics' "due now" is the home screen's Review count, at once and
/// ten minutes later.
#[test]
fn the_summary_and_the_statistics_say_what_is_due_as_home_counts_it() {
    for t in [&EN, &KO] {
        let dir = temp_dir("due");
        let path = dir.join("p.sqlite3");
        let conv: Vec<Question> = shipped()
            .into_iter()
            .filter(|q| q.topic == Topic::Conv && matches!(q.answer, Answer::Numeric { .. }))
            .take(1)
            .collect();
        let mut store = Store::open(path.clone()).unwrap();
        let options = RoundOptions { count: 1, seed: 7, generated: 0, ..Default::default() };
        let lab = QuizLab::new(conv, options, Some(&mut store), NOW);
        let mut app = App::new(mount(lab), t, Theme::MONO);
        app.set_progress(Some(store));
        app.clock = Some(NOW);
        for c in "12345".chars() {
            app.act::<QuizLab>(Action::Prompt(deepstep::lessons::input::Edit::Type(c)));
        }
        app.act::<QuizLab>(Action::Submit);
        app.act::<QuizLab>(Action::Next);
        assert_eq!(app.front_lesson::<QuizLab>().unwrap().phase, Phase::Summary);
        let saved = Store::open(path.clone()).unwrap().load().unwrap();
        let due = saved.questions.values().map(|r| r.due).min().unwrap();
        assert!(due > NOW, "a wrong answer is due a little later, not now");
        let (s, _) = draw(&mut app, 120, 40);
        let words = (t.quiz.review_questions)(Some(Wait::of(due - NOW)));
        assert!(flat(&s).contains(&words), "{words}\n{s}");
        for at in [NOW, NOW + 600] {
            let store = Store::open(path.clone()).unwrap();
            let stats = store.stats(at).unwrap();
            assert_eq!(Some(stats.due_now), store.due_count(at), "at +{}", at - NOW);
            let lines = deepstep::lessons::quiz::words::stats_lines(&stats, t);
            let said = (t.quiz.stats_due_now)(stats.due_now, stats.forecast[0] - stats.due_now);
            assert!(lines.contains(&said), "{said}\n{lines:?}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    // Without a store nothing is planned, and the summary says so.
    assert!(!(EN.quiz.review_questions)(None).contains("due"));
}

/// D24: the Korean option of the first chain-rule question reads 시퀀스를
/// (the object particle after a vowel), and no bank writes 시퀀스을.
#[test]
fn the_korean_banks_use_the_particle_after_a_vowel() {
    for (name, text) in bank::SHIPPED {
        assert!(!text.contains("시퀀스을"), "{name}");
    }
    assert!(bank::SHIPPED.iter().any(|(_, text)| text.contains("시퀀스를")));
}

/// D13, D23: answering each question of a round at 80×24 (the joint-table
/// true/false among them), the question panel shows its first line or marks
/// ▴, the explanation marks ▾ while Down has more to show (and ▴ after),
/// and the summary's footer lists its scroll key, its title marking ▾.
#[test]
fn what_is_out_of_view_is_marked_and_reachable() {
    use ratatui::crossterm::event::KeyCode::{Char, Down, Enter, Right};
    for t in [&EN, &KO] {
        let lab = QuizLab::new(shipped(), RoundOptions { seed: 11, ..Default::default() }, None, NOW);
        let mut app = App::new(mount(lab), t, Theme::MONO);
        app.clock = Some(NOW);
        let (more_above, more_below) = (t.conv.more_above, t.conv.more_below);
        let mut explanations_cut = 0;
        loop {
            let lab = app.front_lesson::<QuizLab>().unwrap();
            if lab.phase != Phase::Asking {
                break;
            }
            let first = deepstep::lessons::quiz::words::prompt_lines(lab.current().unwrap(), t)[0].clone();
            // 1 is an answer to every kind: option 1, true, the number 1, the first term.
            for k in [Char('1'), Enter] {
                app.handle(&key(k));
            }
            if app.front_lesson::<QuizLab>().unwrap().phase == Phase::Asking {
                app.act::<QuizLab>(Action::Skip);
            }
            let (s, _) = draw(&mut app, 80, 24);
            let head: String = first.chars().take(20).collect();
            let title = format!("{more_above} {}", t.quiz.title);
            assert!(flat(&s).contains(&head) || s.contains(&title), "{head}\n{s}");
            let more = format!("{more_below} {}", t.quiz.explanation);
            for _ in 0..40 {
                app.handle(&key(Down));
            }
            let (scrolled, _) = draw(&mut app, 80, 24);
            if scrolled != s {
                explanations_cut += 1;
                assert!(s.contains(&more), "the explanation is longer than its panel:\n{s}");
                assert!(scrolled.contains(&format!("{more_above} {}", t.quiz.explanation)), "{scrolled}");
            } else {
                assert!(!s.contains(&more), "{s}");
            }
            app.handle(&key(Right));
        }
        assert!(explanations_cut > 0, "some explanation needs scrolling at 80×24");
        let (s, _) = draw(&mut app, 80, 24);
        assert_eq!(app.front_lesson::<QuizLab>().unwrap().phase, Phase::Summary);
        assert!(s.contains("Down/j") && s.contains(t.keys.scroll_page), "{s}");
        assert!(s.contains(&format!("{more_below} {}", t.quiz.summary)), "{s}");
    }
}

/// D25: a bank's formula wrapped at any width never starts a line with
/// `- ` (it read as a list item): the minus between spaces is the sign −.
#[test]
fn a_wrapped_formula_never_starts_a_line_like_a_bullet() {
    use deepstep::lessons::quiz::words::{explanation_lines, prompt_lines};
    let questions = shipped();
    assert!(
        questions
            .iter()
            .any(|q| matches!(&q.body, bank::Body::Bank { explanation, .. } if explanation.en.contains(" - ")))
    );
    for t in [&EN, &KO] {
        for q in &questions {
            let mut lines = prompt_lines(q, t);
            lines.extend(explanation_lines(q, t).0);
            for width in 20..=80 {
                for row in deepstep::ui::width::wrap(ratatui::text::Text::from(lines.join("\n")), width) {
                    let row = row.to_string();
                    assert!(!row.starts_with("- "), "{} at {width}: {row}", q.id);
                }
            }
        }
    }
}

/// D12: a progress file that is not ours, opened from home at 80×24: the
/// quiz and the review say whole that nothing is saved and why (the
/// sentence used to be cut after two rows), never "progress saved in";
/// the statistics say why there is nothing to show.
#[test]
fn a_refused_progress_file_is_said_whole_on_every_quiz_screen() {
    use ratatui::crossterm::event::KeyCode::Char;
    let dir = temp_dir("refused");
    let path = dir.join("progress.sqlite3");
    std::fs::write(&path, "hi\n").unwrap();
    for t in [&EN, &KO] {
        let refused = Store::open(path.clone()).unwrap_err();
        let why = deepstep::lessons::quiz::words::refused_text(&refused, t);
        let mut home = App::home(t, Theme::MONO);
        home.set_progress(Some(Store::not_saving(refused)));
        for k in ['3', '4', '5'] {
            home.handle(&key(Char(k)));
            let (s, _) = draw(&mut home, 80, 24);
            let shown = flat(&s).split_whitespace().collect::<Vec<_>>().join(" ");
            let words: String = why.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(shown.contains(&words), "{k}: {why}\n{s}");
            assert!(!s.contains(&(t.quiz.progress_at)(&path.display().to_string())), "{s}");
            home.handle(&key(Char('q')));
        }
    }
    assert_eq!(std::fs::read(&path).unwrap(), b"hi\n");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Section 2 point 11: the statistics show the practice exercises beside
/// the quiz (passed, minutes, hints), read from the same store, even before
/// any quiz answer; `quiz --stats` prints the same lines.
#[test]
fn statistics_show_practice_progress() {
    use deepstep::practice::exercise::Exercise;
    use deepstep::progress::PracticeRecord;
    use ratatui::crossterm::event::KeyCode::Char;
    let dir = temp_dir("practice-stats");
    let path = dir.join("p.sqlite3");
    let mut store = Store::open(path.clone()).unwrap();
    let conv = PracticeRecord { exercise: Exercise::ConvSize.id().into(), passed: true, seconds: 754, hints: 2 };
    let bptt = PracticeRecord { exercise: Exercise::Bptt.id().into(), passed: false, seconds: 61, hints: 0 };
    store.save_practice(&conv, NOW).unwrap();
    store.save_practice(&bptt, NOW).unwrap();
    drop(store);
    for t in [&EN, &KO] {
        let rows = [
            (t.quiz.stats_practice_row)((t.practice.title)(Exercise::ConvSize), true, 12, 2),
            (t.quiz.stats_practice_row)((t.practice.title)(Exercise::Bptt), false, 1, 0),
        ];
        for (w, h) in [(80, 24), (120, 40)] {
            let mut home = App::home(t, Theme::MONO);
            home.clock = Some(NOW);
            home.set_progress(Some(Store::open(path.clone()).unwrap()));
            home.handle(&key(Char('5')));
            let (s, _) = draw(&mut home, w, h);
            let shown = flat(&s).split_whitespace().collect::<Vec<_>>().join(" ");
            for row in &rows {
                let words = row.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(shown.contains(&words), "{w}x{h}: {row}\n{s}");
            }
        }
        let lang = if std::ptr::eq(t, &EN) { "en" } else { "ko" };
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_deepstep"))
            .args(["--lang", lang, "quiz", "--stats", "--progress"])
            .arg(&path)
            .output()
            .unwrap();
        let printed = String::from_utf8_lossy(&out.stdout);
        assert!(rows.iter().all(|r| printed.contains(r.as_str())), "{printed}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The walker's rule that a key the footer lists changes the screen, held
/// by the quiz: choosing the chosen option again takes it back; with
/// nothing due, `n` starts a quiz round (another review would be empty);
/// the hint key leaves the footer once the hint is shown.
#[test]
fn every_listed_quiz_key_does_something() {
    let choice: Vec<Question> =
        shipped().into_iter().filter(|q| matches!(q.answer, Answer::Choice { .. })).take(1).collect();
    let mut lab = QuizLab::new(choice, RoundOptions { count: 1, generated: 0, ..Default::default() }, None, NOW);
    lab.update(Action::Choose(0), NOW);
    assert_eq!(lab.selected, Some(0));
    lab.update(Action::Choose(0), NOW);
    assert_eq!(lab.selected, None, "chosen again: taken back");
    let hint_listed = |lab: &QuizLab| {
        deepstep::lessons::quiz::keys::table(lab, &EN).iter().any(|b| b.action == Action::Hint && b.footer)
    };
    assert!(hint_listed(&lab));
    lab.update(Action::Hint, NOW);
    assert!(lab.hint && !hint_listed(&lab));
    let options = RoundOptions { review: true, count: 3, ..Default::default() };
    let mut review = QuizLab::new(shipped(), options, None, NOW);
    assert!(matches!(review.phase, Phase::NothingDue(_)), "{:?}", review.phase);
    review.update(Action::NewRound, NOW);
    assert_eq!((review.options.review, &review.phase), (false, &Phase::Asking));
}
