//! The quiz on screen: each kind drawn, the keys the footer lists, the
//! number prompt, long options, custom banks, `--print` and bad command lines.

use crate::common;
use crate::quiz::*;
use common::draw;
use deepstep::app::App;
use deepstep::lessons::lesson::mount;
use deepstep::lessons::quiz::bank::{self, Answer, Body};
use deepstep::lessons::quiz::lab::{Action, Given, Phase, QuizLab};
use deepstep::progress::Store;
use deepstep::text::EN;
use deepstep::ui::theme::Theme;
use std::ffi::OsStr;

#[test]
fn the_quiz_renders_each_kind_and_the_summary_at_80x24() {
    for id in ["bayes-disease", "chain-markov", "rnn-truncation", "bayes-steps"] {
        let lab = lab_for(id);
        let prompt = match &lab.current().unwrap().body {
            Body::Bank { prompt, .. } => prompt.en.clone(),
            _ => unreachable!(),
        };
        let mut app = App::new(mount(lab), &EN, Theme::COLOR);
        let (s, _) = draw(&mut app, 80, 24);
        assert!(s.replace('\n', " ").contains(&prompt[..30]), "{id}:\n{s}");
        assert!(s.contains(&(EN.quiz.question_of)(1, 1)), "{id}:\n{s}");
        if id == "bayes-disease" {
            // The cursor sits at the caret of the typed answer.
            app.handle(&common::key(ratatui::crossterm::event::KeyCode::Char('1')));
            app.handle(&common::key(ratatui::crossterm::event::KeyCode::Char('5')));
            let (s, mut term) = draw(&mut app, 80, 24);
            let p = term.get_cursor_position().unwrap();
            let row: String = s.lines().nth(p.y as usize).unwrap().to_string();
            assert!(row.contains(&format!("{}: 15", EN.quiz.your_answer)), "{row}");
            let before: String = row.chars().take(p.x as usize).collect();
            assert!(before.ends_with("15"), "cursor after the typed text: {before:?}");
        }
    }
    let mut lab = lab_with(shipped(), None);
    // Answer everything wrong or skip it, and read the summary.
    lab.round.truncate(3);
    for _ in 0..3 {
        lab.update(Action::Skip, NOW);
        lab.update(Action::Next, NOW);
    }
    assert_eq!(lab.phase, Phase::Summary);
    let mut app = App::new(mount(lab), &EN, Theme::COLOR);
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains(EN.quiz.summary) && s.contains("skipped") && s.contains("Review:"), "{s}");
}

#[test]
fn print_writes_a_round_with_answers() {
    let out = deepstep(["quiz", "--print", "--seed", "4", "--topic", "conv", "--count", "3"]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(s.contains("question 3 of 3") && s.contains("The answer: 24"), "{s}");
}

#[test]
fn a_custom_bank_is_asked_and_english_stands_in_for_missing_korean() {
    let dir = temp_dir("custom");
    let file = dir.join("mine.toml");
    std::fs::write(
        &file,
        "[[question]]\nid = \"mine-1\"\ntopic = \"conv\"\nkind = \"numeric\"\nprompt.en = \"What is 3 + 4?\"\nexplanation.en = \"Seven.\"\nvalue = 7\ntolerance = 0\n",
    )
    .unwrap();
    for lang in ["en", "ko"] {
        let out = deepstep([
            OsStr::new("--lang"),
            OsStr::new(lang),
            OsStr::new("quiz"),
            OsStr::new("--print"),
            OsStr::new("--bank"),
            file.as_os_str(),
        ]);
        let s = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success() && s.contains("What is 3 + 4?") && s.contains("Seven."), "{lang}: {s}");
        assert_eq!(s.matches("What is 3 + 4?").count(), 1, "only the custom bank's question: {s}");
    }
    // A bank that does not parse is refused with status 2, and nothing else runs.
    std::fs::write(&file, "[[question]]\nid = ").unwrap();
    let out = deepstep([OsStr::new("quiz"), OsStr::new("--print"), OsStr::new("--bank"), file.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

/// Every key the quiz's footer names does what it says, pressed through the app.
#[test]
fn the_quiz_keys_do_what_the_footer_says() {
    use common::key;
    use ratatui::crossterm::event::KeyCode::{Backspace, Char, Down, Enter, Left, Right, Up};
    let front = |app: &App| match app.front_lesson::<QuizLab>() {
        Some(lab) => (lab.phase.clone(), lab.selected, lab.picked.clone(), lab.hint, lab.scroll),
        _ => panic!("the quiz is not in front"),
    };
    // Choice: Enter first asks for a choice; h shows the hint; b picks option 2.
    let mut app = App::new(mount(lab_for("chain-definition")), &EN, Theme::COLOR);
    app.handle(&key(Enter));
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains(EN.quiz.choose_first), "{s}");
    app.handle(&key(Char('h')));
    let (s, _) = draw(&mut app, 120, 40);
    assert!(front(&app).3 && s.contains("It holds for every pair of events"), "{s}");
    app.handle(&key(Char('b')));
    assert_eq!(front(&app).1, Some(1));
    app.handle(&key(Char('4')));
    assert_eq!(front(&app).1, Some(3));
    app.handle(&key(Enter));
    assert!(matches!(front(&app).0, Phase::Feedback(_)));
    // Down/j and Up/k scroll the explanation at 80×24.
    app.handle(&key(Down));
    app.handle(&key(Char('j')));
    app.handle(&key(Up));
    assert_eq!(front(&app).4, 1);
    // Right/n: the round (of one) ends in the summary; n starts a new round.
    app.handle(&key(Right));
    assert_eq!(front(&app).0, Phase::Summary);
    app.handle(&key(Char('n')));
    assert_eq!(front(&app).0, Phase::Asking);

    // True/false: t and f choose; s skips.
    let mut app = App::new(mount(lab_for("rnn-truncation")), &EN, Theme::COLOR);
    app.handle(&key(Char('f')));
    assert_eq!(front(&app).1, Some(1));
    app.handle(&key(Char('t')));
    assert_eq!(front(&app).1, Some(0));
    app.handle(&key(Char('s')));
    assert!(matches!(front(&app).0, Phase::Feedback(g) if g.given == Given::Skipped));

    // Ordering: digits pick, Backspace takes the last back.
    let mut app = App::new(mount(lab_for("bayes-steps")), &EN, Theme::COLOR);
    app.handle(&key(Char('2')));
    app.handle(&key(Char('1')));
    app.handle(&key(Backspace));
    assert_eq!(front(&app).2, vec![1]);

    // Numbers: typed at the caret; Left moves it, letters are not typed.
    // (The bias gradient is templated: its numbers are the ones this round drew.)
    let mut app = App::new(mount(lab_for("conv-bias-grad")), &EN, Theme::COLOR);
    let Some(Answer::Numeric { value, .. }) = quiz_of(&app).current().map(|q| q.answer.clone()) else { unreachable!() };
    let answer = format!("{}{value}", if value < 10.0 { "0" } else { "" }); // two digits: "07" reads as 7
    for c in answer.chars().chain(['x']) {
        app.handle(&key(Char(c)));
    }
    app.handle(&key(Left));
    app.handle(&key(Char('5')));
    let lab = quiz_of(&app);
    assert_eq!(lab.input.buffer, format!("{}5{}", &answer[..1], &answer[1..]));
    app.handle(&key(Backspace));
    app.handle(&key(Enter));
    assert!(matches!(front(&app).0, Phase::Feedback(g) if g.right), "{answer} is the bias gradient");
}

#[test]
fn the_home_screen_opens_the_quiz_with_the_progress_file_it_was_given() {
    use common::key;
    use ratatui::crossterm::event::KeyCode::{Down, Enter};
    let dir = temp_dir("home");
    let mut app = App::home(&EN, Theme::COLOR);
    app.set_progress(Some(Store::open(dir.join("progress.sqlite3")).unwrap()));
    app.handle(&key(Down));
    app.handle(&key(Down));
    app.handle(&key(Enter));
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains(&(EN.quiz.progress_at)(&dir.join("progress.sqlite3").display().to_string())), "{s}");
}

#[test]
fn bad_command_lines_are_refused_and_a_bad_progress_file_is_left_alone_by_print() {
    let out = deepstep(["quiz", "--count", "0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--count must be between 1 and 100, got 0"));
    let dir = temp_dir("print-bad-progress");
    let path = dir.join("p.json");
    std::fs::write(&path, b"not json").unwrap();
    let out = deepstep([OsStr::new("quiz"), OsStr::new("--print"), OsStr::new("--progress"), path.as_os_str()]);
    // Refused as the interactive quiz refuses it (D11: the same status, 2).
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&(EN.quiz.refused_not_ours)(&path.display().to_string())));
    assert_eq!(std::fs::read(&path).unwrap(), b"not json", "the headless form never moves or writes it");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
}

/// `--bank FILE` asks that bank only: no generated questions beside it.
#[test]
fn a_custom_bank_is_asked_alone() {
    let dir = temp_dir("bank-alone");
    let bank = dir.join("b.toml");
    std::fs::write(&bank, "[[question]]\nid = \"only\"\ntopic = \"chain\"\nkind = \"numeric\"\nprompt.en = \"my question\"\nexplanation.en = \"e\"\nvalue = 1\n").unwrap();
    let out = deepstep([
        OsStr::new("quiz"),
        OsStr::new("--print"),
        OsStr::new("--bank"),
        bank.as_os_str(),
        OsStr::new("--count"),
        OsStr::new("5"),
    ]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("question 1 of 1") && s.contains("my question"), "{s}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A number being typed owns the keyboard: `e` is an exponent (not "write a
/// note"), `s`, `h` and `q` are not commands; Tab shows the hint, Esc skips,
/// and the footer lists only the keys that work while typing.
#[test]
fn the_number_prompt_owns_the_keyboard() {
    use common::key;
    use ratatui::crossterm::event::KeyCode::{Char, Enter, Esc, Tab};
    let notes = temp_dir("number-prompt");
    let open = || {
        let mut app = App::new(mount(lab_with(vec![numeric("n", 0.483, 0.0005)], None)), &EN, Theme::MONO);
        app.notes_dir = notes.clone();
        app
    };
    let mut app = open();
    for c in "4.83e-1".chars().chain(['s', 'h', 'q']) {
        app.handle(&key(Char(c)));
    }
    assert_eq!(quiz_of(&app).input.buffer, "4.83e-1");
    assert!(!app.quit && app.status.is_none() && !quiz_of(&app).hint, "no command fired");
    assert_eq!(std::fs::read_dir(&notes).unwrap().count(), 0, "no note written");
    let rows = app.key_rows(true);
    let footer: Vec<&str> = rows.iter().map(|(label, _)| label.as_str()).collect();
    assert!(
        footer.contains(&"Tab") && footer.contains(&"Esc") && !footer.contains(&"e") && !footer.contains(&"h"),
        "{footer:?}"
    );
    app.handle(&key(Tab));
    assert!(quiz_of(&app).hint);
    app.handle(&key(Enter));
    assert!(matches!(&quiz_of(&app).phase, Phase::Feedback(g) if g.right));
    // Esc skips the question, and the quiz stays open.
    let mut app = open();
    app.handle(&key(Esc));
    assert!(matches!(&quiz_of(&app).phase, Phase::Feedback(g) if g.given == Given::Skipped));
    assert!(!app.quit);
    let _ = std::fs::remove_dir_all(&notes);
}

/// A long option wraps under its own text, and "<- the answer" stays on a
/// line with the option's words, never alone.
#[test]
fn long_options_hang_under_their_text_and_keep_the_answer_mark() {
    use common::key;
    use ratatui::crossterm::event::KeyCode::{Char, Enter};
    let long = "a very long option that explains a misconception in many words and so cannot fit on one line at eighty columns";
    let text = format!(
        "[[question]]\nid = \"long\"\ntopic = \"chain\"\nkind = \"choice\"\nprompt.en = \"p\"\nexplanation.en = \"e\"\ncorrect = 1\n\
         [[question.options]]\ntext.en = \"{long}\"\n[[question.options]]\ntext.en = \"short\"\nwhy.en = \"w\"\n"
    );
    let q = bank::parse("t.toml", &text).unwrap().remove(0);
    let mut app = App::new(mount(lab_with(vec![q], None)), &EN, Theme::MONO);
    // Choose the long option wherever the round put it, then submit.
    let at = quiz_of(&app).current().map(|q| match &q.answer {
        Answer::Choice { correct, .. } => *correct,
        _ => 0,
    });
    app.handle(&key(Char(char::from(b'a' + at.unwrap() as u8))));
    app.handle(&key(Enter));
    let (shown, _) = draw(&mut app, 80, 24);
    let rows: Vec<&str> = shown.lines().collect();
    let first = rows.iter().position(|l| l.contains("a very long option")).unwrap();
    let next = rows[first + 1].trim_start_matches('|');
    assert!(next.starts_with("       ") && !next.trim().is_empty(), "hanging indent:\n{shown}");
    let mark = rows.iter().find(|l| l.contains("<-")).unwrap().replace('\u{a0}', " ");
    assert!(
        mark.contains("words") || mark.contains("columns") || mark.contains("line"),
        "the mark sits with the option's words: {mark}"
    );
}
