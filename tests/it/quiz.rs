//! The quiz: the shipped banks, answer parsing, grading, scheduling, the
//! progress store, and the screens.

use crate::common;

use crate::cases::check;
use common::draw;
use deepstep::app::App;
use deepstep::lessons::lesson::mount;
use deepstep::lessons::quiz::bank::generated as generate;
use deepstep::lessons::quiz::bank::{self, Answer, Body, Question, Topic};
use deepstep::lessons::quiz::generate::GenKind;
use deepstep::lessons::quiz::lab::{Action, Given, Phase, QuizLab};
use deepstep::lessons::quiz::round::{RoundOptions, plan};
use deepstep::math::format::num;
use deepstep::math::parse::parse_number;
use deepstep::progress::schedule::Outcome;
use deepstep::progress::schedule::{self, DAY};
use deepstep::progress::{Notice, Progress, Review, Store};
use deepstep::text::EN;
use deepstep::ui::theme::Theme;
use std::ffi::OsStr;
use std::path::PathBuf;

const NOW: u64 = 1_800_000_000;

fn shipped() -> Vec<Question> {
    bank::shipped().unwrap_or_else(|p| panic!("{}", p.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n")))
}

/// Run the built binary with these arguments (strings or paths).
fn deepstep<I: AsRef<std::ffi::OsStr>>(args: impl IntoIterator<Item = I>) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_deepstep")).args(args).output().unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("deepstep-quiz-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn every_shipped_question_parses_and_explains_each_wrong_option() {
    let qs = shipped();
    let count = |t: Topic| qs.iter().filter(|q| q.topic == t).count();
    assert!(count(Topic::Chain) + count(Topic::Bayes) >= 25, "chain rule and Bayes: {}", count(Topic::Chain));
    assert!(count(Topic::Conv) >= 10 && count(Topic::Rnn) >= 10);
    let mut kinds = [0; 4];
    for q in &qs {
        let Body::Bank { prompt, explanation, .. } = &q.body else { panic!("{} is not from a bank", q.id) };
        assert!(!prompt.en.trim().is_empty() && !explanation.en.trim().is_empty(), "{}", q.id);
        match &q.answer {
            Answer::Choice { options, correct } => {
                kinds[0] += 1;
                for (i, o) in options.iter().enumerate() {
                    if i != *correct {
                        let why = o.why.as_ref().unwrap_or_else(|| panic!("{} option {} has no why", q.id, i + 1));
                        assert!(why.en.len() > 20, "{}: the explanation of option {} is too thin", q.id, i + 1);
                    }
                }
            }
            Answer::Numeric { value, tolerance } => {
                kinds[1] += 1;
                assert!(value.is_finite() && *tolerance >= 0.0);
            }
            Answer::TrueFalse { why, .. } => {
                kinds[2] += 1;
                assert!(why.is_some(), "{}", q.id);
            }
            Answer::Order { terms, .. } => {
                kinds[3] += 1;
                assert!(terms.len() >= 2);
            }
        }
    }
    assert!(kinds.iter().all(|k| *k >= 3), "every kind is used: {kinds:?}");
    let mut ids: Vec<&str> = qs.iter().map(|q| q.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), qs.len(), "ids are unique across the shipped files");
}

#[test]
fn check_reports_every_problem_with_file_line_and_id() {
    let dir = temp_dir("check");
    let bad = dir.join("bad.toml");
    std::fs::write(
        &bad,
        "[[question]]\nid = \"one\"\ntopic = \"conv\"\nkind = \"choice\"\nprompt.en = \"p\"\nexplanation.en = \"e\"\ncorrect = 1\noptions = [{ text.en = \"a\" }, { text.en = \"b\" }]\n\n[[question]]\nid = \"two\"\ntopic = \"nope\"\nkind = \"numeric\"\nprompt.en = \"p\"\nexplanation.en = \"e\"\nvalue = 1\n",
    )
    .unwrap();
    let out = deepstep([OsStr::new("quiz"), OsStr::new("--check"), bad.as_os_str()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let name = bad.display().to_string();
    assert!(err.contains(&format!("{name}:1: question `one`: option 2 is wrong but has no `why`")), "{err}");
    assert!(err.contains(&format!("{name}:10: question `two`:")) && err.contains("nope"), "{err}");
    let out =
        deepstep([OsStr::new("--lang"), OsStr::new("ko"), OsStr::new("quiz"), OsStr::new("--check"), bad.as_os_str()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{name}:1: 문제 `one`: 보기 2번은 오답인데")), "{err}");
    let good = dir.join("good.toml");
    std::fs::write(&good, bank::SHIPPED[2].1).unwrap();
    let out = deepstep([OsStr::new("quiz"), OsStr::new("--check"), good.as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("no problems"));
}

fn lab_with(questions: Vec<Question>, store: Option<&mut Store>) -> QuizLab {
    QuizLab::new(questions, RoundOptions { count: 10, seed: 7, generated: 0, ..Default::default() }, store, NOW)
}

/// The quiz in the app, saving to `store` as a real run does (the app
/// performs the saves that the quiz's updates ask for).
fn app_with(questions: Vec<Question>, mut store: Store) -> App {
    let lab = lab_with(questions, Some(&mut store));
    let mut app = App::new(mount(lab), &EN, Theme::COLOR);
    app.set_progress(Some(store));
    app.clock = Some(NOW);
    app
}

fn quiz_of(app: &App) -> &QuizLab {
    app.front_lesson::<QuizLab>().expect("the quiz is in front")
}

fn numeric(id: &str, value: f64, tolerance: f64) -> Question {
    let text = format!(
        "[[question]]\nid = \"{id}\"\ntopic = \"chain\"\nkind = \"numeric\"\nprompt.en = \"p\"\nexplanation.en = \"e\"\nvalue = {value}\ntolerance = {tolerance}\n"
    );
    bank::parse("t.toml", &text).unwrap().remove(0)
}

fn type_and_submit(lab: &mut QuizLab, s: &str) {
    for c in s.chars() {
        lab.update(Action::Prompt(deepstep::lessons::input::Edit::Type(c)), NOW);
    }
    lab.update(Action::Submit, NOW);
}

fn type_and_submit_in(app: &mut App, s: &str) {
    for c in s.chars() {
        app.act::<QuizLab>(Action::Prompt(deepstep::lessons::input::Edit::Type(c)));
    }
    app.act::<QuizLab>(Action::Submit);
}

/// 0.25, .25, 1/4 and 25% all read as the same number.
#[test]
fn the_four_ways_of_writing_a_number_agree() {
    check("the_four_ways_of_writing_a_number_agree", 256, |c| {
        let (num_, den) = (c.int(1, 400), c.int(1, 400));
        let v = num_ as f64 / den as f64;
        assert_eq!(parse_number(&format!("{num_}/{den}")), Some(v));
        let pct = parse_number(&format!("{}%", v * 100.0)).unwrap();
        assert!((pct - v).abs() < 1e-12);
        let dec = format!("{v}");
        assert_eq!(parse_number(&dec), Some(v));
        if let Some(short) = dec.strip_prefix("0.") {
            assert_eq!(parse_number(&format!(".{short}")), Some(v));
        }
    });
}

/// Grading takes any of those forms, and nothing outside the tolerance.
#[test]
fn numeric_answers_are_graded_within_the_tolerance() {
    check("numeric_answers_are_graded_within_the_tolerance", 256, |c| {
        let (num_, den, off) = (c.int(1, 100), c.int(1, 100), c.float(-3.0, 3.0));
        let v = num_ as f64 / den as f64;
        let tol = 0.01;
        for typed in [format!("{num_}/{den}"), format!("{}%", v * 100.0)] {
            let mut lab = lab_with(vec![numeric("n", v, tol)], None);
            type_and_submit(&mut lab, &typed);
            let Phase::Feedback(g) = &lab.phase else { panic!("not graded") };
            assert!(g.right, "{typed} for {v}");
        }
        // Right up to the tolerance, wrong beyond it (the edge itself is left out:
        // the guess is a printed float).
        if (off.abs() - 1.0).abs() <= 1e-3 {
            return;
        }
        let guess = v + off * tol;
        let mut lab = lab_with(vec![numeric("n", v, tol)], None);
        type_and_submit(&mut lab, &format!("{guess}"));
        let Phase::Feedback(g) = &lab.phase else { panic!("not graded") };
        assert_eq!(g.right, off.abs() < 1.0, "{} vs {}", guess, v);
    });
}

/// Whatever is typed, the lab neither panics nor grades garbage.
#[test]
fn anything_typed_is_graded_or_refused() {
    check("anything_typed_is_graded_or_refused", 256, |c| {
        let s = c.any_text(12);
        let mut lab = lab_with(vec![numeric("n", 0.25, 0.0)], None);
        type_and_submit(&mut lab, &s);
        match (&lab.phase, parse_number(&lab.input.buffer)) {
            (Phase::Asking, None) => assert!(lab.message.is_some()),
            (Phase::Feedback(g), Some(v)) => assert_eq!(&g.given, &Given::Number(v)),
            (p, v) => panic!("{p:?} with {v:?}"),
        }
    });
}

#[test]
fn fullwidth_digits_from_an_input_method_read_as_numbers() {
    assert_eq!(parse_number("１／４"), Some(0.25));
    assert_eq!(parse_number("２５％"), Some(0.25));
}

/// A round of the one shipped question with this id.
fn lab_for(id: &str) -> QuizLab {
    let q: Vec<Question> = shipped().into_iter().filter(|q| q.id == id).collect();
    assert_eq!(q.len(), 1, "{id}");
    lab_with(q, None)
}

fn right_choice(lab: &QuizLab) -> usize {
    match &lab.current().unwrap().answer {
        Answer::Choice { correct, .. } => *correct,
        Answer::TrueFalse { truth, .. } => usize::from(!*truth),
        a => panic!("not a choice: {a:?}"),
    }
}

#[test]
fn a_wrong_choice_shows_its_own_misconception_and_the_worked_explanation() {
    let mut lab = lab_for("chain-no-evidence");
    let wrong = (right_choice(&lab) + 1) % 4;
    lab.update(Action::Submit, NOW);
    assert_eq!(lab.phase, Phase::Asking, "Enter before choosing asks to choose first");
    lab.update(Action::Choose(wrong), NOW);
    lab.update(Action::Submit, NOW);
    let Phase::Feedback(g) = &lab.phase else { panic!() };
    assert!(!g.right);
    let Answer::Choice { options, .. } = &lab.current().unwrap().answer else { panic!() };
    let why = options[wrong].why.as_ref().unwrap().en.clone();
    let mut app = App::new(mount(lab), &EN, Theme::COLOR);
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains(EN.quiz.wrong) && s.contains(EN.quiz.why_not), "{s}");
    assert!(s.replace('\n', " ").contains(&why[..40]), "the chosen option's own explanation:\n{s}");
    assert!(s.contains(EN.quiz.factors) && s.contains("P(X2 | X1)"), "factors written out:\n{s}");
}

#[test]
fn ordering_is_built_term_by_term() {
    let mut lab = lab_for("chain-build-reverse");
    let Answer::Order { terms, .. } = lab.current().unwrap().answer.clone() else { panic!() };
    // Pick the screen positions of the terms in the right order, with one mistake taken back.
    let pos = |term: usize, lab: &QuizLab| lab.shown_order.iter().position(|&t| t == term).unwrap();
    lab.update(Action::Choose(pos(1, &lab)), NOW);
    lab.update(Action::Undo, NOW);
    lab.update(Action::Submit, NOW);
    assert_eq!(lab.phase, Phase::Asking, "not every term picked");
    for t in 0..terms.len() {
        lab.update(Action::Choose(pos(t, &lab)), NOW);
    }
    let mut app = App::new(mount(lab), &EN, Theme::COLOR);
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains(&format!("{}: (1) P(C)   (2) P(B | C)   (3) P(A | B, C)", EN.quiz.picked)), "{s}");
    app.handle(&common::key(ratatui::crossterm::event::KeyCode::Enter));
    let lab = quiz_of(&app);
    assert!(matches!(&lab.phase, Phase::Feedback(g) if g.right));
}

#[test]
fn generated_questions_grade_against_their_own_solution() {
    for seed in 0..30 {
        for kind in GenKind::ALL {
            let q = generate(kind, seed).unwrap();
            let mut lab = lab_with(vec![], None);
            lab.round = vec![q.clone()];
            lab.phase = Phase::Asking;
            let solution = deepstep::lessons::quiz::words::explanation_lines(&q, &EN).0.join("\n");
            match q.answer {
                Answer::Numeric { value, .. } => {
                    // A table's solution ends with the answer; a sample's σ̂ is followed by s².
                    match &q.body {
                        Body::Generated(_) => assert!(solution.ends_with(&num(value)), "{solution}"),
                        _ => assert!(solution.contains(&format!("= {}", num(value))), "{solution}"),
                    }
                    type_and_submit(&mut lab, &num(value));
                }
                Answer::TrueFalse { truth, .. } => {
                    assert!(solution.contains(&(EN.quiz.gen_why_product)(truth)));
                    lab.update(Action::Choose(usize::from(!truth)), NOW);
                    lab.update(Action::Submit, NOW);
                }
                _ => panic!("generated questions are numeric or true/false"),
            }
            assert!(matches!(&lab.phase, Phase::Feedback(g) if g.right), "{kind:?} seed {seed}");
        }
    }
}

#[test]
fn wrong_answers_come_back_in_review_and_right_ones_wait() {
    use rs_fsrs::Rating;
    let qs = shipped();
    let mut progress = Progress::default();
    progress.questions.insert("conv-params".into(), schedule::answer(None, Rating::Again, NOW));
    progress.questions.insert("conv-bias-grad".into(), schedule::answer(None, Rating::Easy, NOW));
    let review = RoundOptions { review: true, count: 10, seed: 1, topic: None, generated: 2 };
    let ids: Vec<String> = plan(&qs, &progress, &review, NOW + 600).into_iter().map(|q| q.id).collect();
    assert_eq!(ids, vec!["conv-params"], "the wrong one is due within minutes");
    let easy_due = progress.questions["conv-bias-grad"].due;
    assert!(easy_due > NOW + DAY, "an easy answer waits days");
    let ids: Vec<String> = plan(&qs, &progress, &review, easy_due).into_iter().map(|q| q.id).collect();
    assert_eq!(ids, vec!["conv-params", "conv-bias-grad"]);
    // A normal round asks what is due first, then new questions.
    let normal = RoundOptions { count: 5, topic: Some(Topic::Conv), ..review.clone() };
    let round = plan(&qs, &progress, &RoundOptions { review: false, ..normal }, NOW + 600);
    assert_eq!(round[0].id, "conv-params");
    assert!(round[1..].iter().all(|q| !progress.questions.contains_key(&q.id)));
    // A round has the length asked for, even where only one kind of generated question fits the topic.
    let bayes = RoundOptions { review: false, count: 4, seed: 3, topic: Some(Topic::Bayes), generated: 2 };
    assert_eq!(plan(&qs, &Progress::default(), &bayes, NOW).len(), 4);
    // Nothing due: the review says when the next question is.
    let lab = QuizLab::new(qs, RoundOptions { review: true, topic: Some(Topic::Rnn), ..Default::default() }, None, NOW);
    assert_eq!(lab.phase, Phase::NothingDue(None));
    // One question answered right and quickly an hour ago (Easy): due days later.
    let store_dir = temp_dir("next-due");
    let mut store = Store::open(store_dir.join("p.sqlite3")).unwrap();
    let after = store.record(&review_of("rnn-truncation", true, NOW - 3600)).unwrap().unwrap();
    let rnn = RoundOptions { review: true, topic: Some(Topic::Rnn), ..Default::default() };
    let lab = QuizLab::new(shipped(), rnn, Some(&mut store), NOW);
    assert_eq!(lab.phase, Phase::NothingDue(Some(after.due)));
    let secs = after.due - NOW;
    let wait = deepstep::text::Wait::of(secs);
    assert_eq!(lab.next_due_in(), Some(wait));
    assert!(matches!(wait, deepstep::text::Wait::DaysHours(d, _) if d == secs / DAY), "{wait:?}");
    let mut app = App::new(mount(lab), &EN, Theme::COLOR);
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains(EN.quiz.nothing_due) && s.contains(&(EN.quiz.next_due_in)(wait)), "{s}");
}

/// A wait is said in the unit a learner plans by, never rounded up to a
/// larger one: a card due in 13 s is due "in under a minute", not "in 1 hours".
#[test]
fn the_next_due_time_is_said_in_the_unit_that_fits() {
    use deepstep::text::{KO, Wait};
    let said = |secs| (EN.quiz.next_due_in)(Wait::of(secs));
    assert_eq!(said(13), "The next question is due in under a minute.");
    assert_eq!(said(60), "The next question is due in 1 minute.");
    assert_eq!(said(61), "The next question is due in 2 minutes.");
    assert_eq!(said(3600), "The next question is due in 1 hour.");
    assert_eq!(said(5 * 3600 + 1), "The next question is due in 6 hours.");
    assert_eq!(said(DAY), "The next question is due in 1 day.");
    assert_eq!(said(3 * DAY + 7200), "The next question is due in 3 days and 2 hours.");
    assert_eq!((KO.quiz.next_due_in)(Wait::of(13)), "다음 문제는 1분 안에 나옵니다.");
    assert_eq!((KO.quiz.next_due_in)(Wait::of(600)), "다음 문제는 10분 뒤에 나옵니다.");
    // The statistics' streak too: one day, not "1 days in a row".
    assert_eq!((EN.quiz.stats_streak)(1), "streak: 1 day with an answer");
    assert_eq!((EN.quiz.stats_streak)(3), "streak: 3 days in a row with an answer");
}

/// An answer for the log: right or wrong, quick, no hint.
fn review_of(id: &str, right: bool, time: u64) -> Review {
    Review {
        id: id.into(),
        topic: "rnn".into(),
        time,
        outcome: Some(Outcome { right, hint: false, seconds: 5 }),
        given: String::new(),
    }
}

/// Replay a question's log through the scheduler: the card must be exactly that.
fn replayed(store: &Store, id: &str) -> Option<deepstep::progress::schedule::Record> {
    let mut rec = None;
    for (time, result, hint, seconds) in store.log(id).unwrap() {
        if result == "skipped" {
            continue;
        }
        let o = Outcome { right: result == "right", hint, seconds };
        rec = Some(schedule::answer(rec, schedule::rating(o), time));
    }
    rec
}

#[test]
fn two_runs_keep_both_and_a_stale_run_never_undoes_a_newer_answer() {
    let dir = temp_dir("two-runs");
    let path = dir.join("sub").join("progress.sqlite3");
    let conv = |ids: &[&str]| shipped().into_iter().filter(|q| ids.contains(&q.id.as_str())).collect::<Vec<_>>();
    // A answers t1 right; B (open at the same time) answers t1 wrong; A answers t2.
    let mut a = app_with(conv(&["conv-bias-grad", "conv-params"]), Store::open(path.clone()).unwrap());
    let mut b = app_with(conv(&["conv-bias-grad", "conv-params"]), Store::open(path.clone()).unwrap());
    let first = quiz_of(&a).current().unwrap().id.clone();
    let answer =
        |app: &App, right: bool| match (&app.front_lesson::<QuizLab>().unwrap().current().unwrap().answer, right) {
            (Answer::Numeric { value, .. }, true) => num(*value),
            _ => "12345".to_string(),
        };
    let right = answer(&a, true);
    type_and_submit_in(&mut a, &right);
    assert_eq!(quiz_of(&b).current().unwrap().id, first, "B asks the same question first");
    type_and_submit_in(&mut b, "12345");
    a.act::<QuizLab>(Action::Next);
    let right = answer(&a, true);
    type_and_submit_in(&mut a, &right);
    let store = Store::open(path.clone()).unwrap();
    let saved = store.load().unwrap();
    let t1 = saved.questions[&first];
    assert_eq!((t1.right, t1.wrong), (1, 1), "B's wrong answer is kept after A's next save");
    assert!(t1.due < NOW + DAY, "and t1 is due soon again, as B's answer made it");
    assert_eq!(Some(t1), replayed(&store, &first), "the card is its log replayed");
    assert!(quiz_of(&a).notice.is_none() && quiz_of(&b).notice.is_none());
    // What A shows for t1 is the store's card, not its own stale copy.
    assert_eq!(quiz_of(&a).progress.questions[&first].wrong, 0, "A has not re-read t1 since");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Worker for the two-process test: records 200 answers into the database
/// named by DEEPSTEP_WORKER_DB (run only when the test below spawns it).
#[test]
#[ignore]
fn progress_worker() {
    let Some(path) = std::env::var_os("DEEPSTEP_WORKER_DB") else { return };
    let seed: u64 = std::env::var("DEEPSTEP_WORKER_SEED").unwrap().parse().unwrap();
    let mut store = Store::open(path.into()).unwrap();
    for i in 0..200u64 {
        let id = format!("q{}", (i * 7 + seed) % 13);
        store.record(&review_of(&id, !(i + seed).is_multiple_of(3), NOW + i)).unwrap();
    }
}

/// Both start on a database that does not exist yet, so they also race to
/// create it (SQLite does not wait on the switch to WAL by itself; a run
/// once failed there with "database is locked"). Five rounds, to catch it.
#[test]
fn two_processes_answering_at_once_lose_nothing() {
    for round in 0..5 {
        two_processes_on_a_new_database(round);
    }
}

fn two_processes_on_a_new_database(round: u32) {
    let dir = temp_dir(&format!("processes-{round}"));
    let path = dir.join("progress.sqlite3");
    let me = std::env::current_exe().unwrap();
    // The worker's test name as libtest knows it: this module's path without the crate.
    let worker = format!("{}::progress_worker", module_path!().split_once("::").map_or("", |(_, m)| m));
    let spawn = |seed: u64| {
        std::process::Command::new(&me)
            .args(["--ignored", "--exact", &worker, "--test-threads", "1"])
            .env("DEEPSTEP_WORKER_DB", &path)
            .env("DEEPSTEP_WORKER_SEED", seed.to_string())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let (mut p1, mut p2) = (spawn(1), spawn(2));
    assert!(p1.wait().unwrap().success() && p2.wait().unwrap().success(), "round {round}");
    let store = Store::open(path).unwrap();
    let saved = store.load().unwrap();
    let mut logged = 0;
    for (id, card) in &saved.questions {
        let log = store.log(id).unwrap();
        logged += log.len();
        assert_eq!((card.right + card.wrong) as usize, log.len(), "{id}");
        assert_eq!(Some(*card), replayed(&store, id), "{id}: the card is its log replayed");
    }
    assert_eq!(logged, 400, "every answer of both processes is in the log");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn nothing_at_a_refused_path_changes() {
    use deepstep::progress::Refused;
    let dir = temp_dir("refused");
    let snapshot =
        |p: &std::path::Path| std::fs::symlink_metadata(p).map(|m| (m.len(), m.file_type(), m.modified().ok()));
    // A directory with a file in it.
    let folder = dir.join("folder");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("mine.txt"), b"keep").unwrap();
    // A FIFO and a /dev/null-like device node.
    let fifo = dir.join("fifo");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let device = dir.join("null");
    let made_device =
        std::process::Command::new("mknod").arg(&device).args(["c", "1", "3"]).status().is_ok_and(|s| s.success());
    // A text file that is not a database, and a link to the folder.
    let text = dir.join("notes.txt");
    std::fs::write(&text, b"my notes").unwrap();
    let link = dir.join("link");
    std::os::unix::fs::symlink(&folder, &link).unwrap();
    let mut cases = vec![(folder.clone(), "directory"), (fifo.clone(), "pipe"), (link.clone(), "directory")];
    if made_device {
        cases.push((device.clone(), "device"));
    }
    for (p, kind) in cases {
        let before = snapshot(&p).unwrap();
        match Store::open(p.clone()) {
            Err(Refused::NotRegular { kind: k, .. }) => assert_eq!(k, kind, "{p:?}"),
            other => panic!("{p:?}: {other:?}"),
        }
        assert_eq!(snapshot(&p).unwrap(), before, "{p:?} is untouched");
        let said = deepstep::lessons::quiz::words::refused_text(&Store::open(p.clone()).unwrap_err(), &EN);
        assert!(said.contains(&p.display().to_string()) && said.contains(kind), "{said}");
        let ko =
            deepstep::lessons::quiz::words::refused_text(&Store::open(p.clone()).unwrap_err(), &deepstep::text::KO);
        assert!(ko.contains((deepstep::text::KO.quiz.file_kind)(kind)) && !ko.contains(kind), "{ko}");
    }
    assert!(matches!(Store::open(text.clone()), Err(Refused::NotOurs { .. })));
    assert_eq!(std::fs::read(&text).unwrap(), b"my notes");
    assert_eq!(std::fs::read(folder.join("mine.txt")).unwrap(), b"keep");
    let names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(
        !names.iter().any(|n| n.contains("unreadable") || n.contains("sqlite")),
        "nothing moved or created: {names:?}"
    );
    // A read-only database: opened, but a save fails and says so; the file is unchanged.
    let ro = dir.join("ro.sqlite3");
    let mut s = Store::open(ro.clone()).unwrap();
    s.record(&review_of("a", true, NOW)).unwrap();
    drop(s);
    let bytes = std::fs::read(&ro).unwrap();
    let mut perm = std::fs::metadata(&ro).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perm, 0o444);
    std::fs::set_permissions(&ro, perm).unwrap();
    let is_root = std::fs::OpenOptions::new().write(true).open(&ro).is_ok();
    if !is_root {
        let mut s = Store::open(ro.clone()).unwrap();
        assert!(s.record(&review_of("a", false, NOW)).is_err());
        drop(s);
        assert_eq!(std::fs::read(&ro).unwrap(), bytes);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_corrupt_database_is_kept_aside_and_old_json_is_imported() {
    let dir = temp_dir("corrupt");
    let path = dir.join("progress.sqlite3");
    let mut junk = b"SQLite format 3\0".to_vec();
    junk.extend(std::iter::repeat_n(0xAB, 4096));
    std::fs::write(&path, &junk).unwrap();
    let mut store = Store::open(path.clone()).unwrap();
    let notices = store.take_notices();
    let Some(Notice::MovedAside { backup, .. }) = notices.first().cloned() else { panic!("{notices:?}") };
    assert!(backup.ends_with("progress.sqlite3.unreadable-1"));
    assert_eq!(std::fs::read(&backup).unwrap(), junk, "the old bytes are kept as they were");
    store.record(&review_of("x", true, NOW)).unwrap();
    assert_eq!(store.load().unwrap().questions.len(), 1, "a fresh database works");
    drop(store);
    // A second corrupt file does not overwrite the first backup.
    std::fs::write(&path, &junk).unwrap();
    let mut store = Store::open(path.clone()).unwrap();
    let notices = store.take_notices();
    assert!(
        matches!(notices.first(), Some(Notice::MovedAside { backup, .. }) if backup.ends_with("progress.sqlite3.unreadable-2")),
        "{notices:?}"
    );
    drop(store);
    // progress.json from the JSON store: every record imported once, then renamed.
    let dir = temp_dir("import");
    let path = dir.join("progress.sqlite3");
    std::fs::write(
        dir.join("progress.json"),
        br#"{"version": 1, "questions": {"chain-definition": {"box": 3, "due": 1800100000, "right": 2, "wrong": 1, "last": 1799900000}, "gen-marginal": {"box": 1, "due": 1800000000, "right": 0, "wrong": 1, "last": 1800000000}}}"#,
    )
    .unwrap();
    let mut store = Store::open(path.clone()).unwrap();
    assert!(matches!(store.take_notices().first(), Some(Notice::Imported { count: 2, .. })));
    let saved = store.load().unwrap();
    let c = saved.questions["chain-definition"];
    assert_eq!((c.right, c.wrong, c.due, c.last), (2, 1, 1_800_100_000, 1_799_900_000));
    assert_eq!(saved.questions["gen-marginal"].wrong, 1);
    assert!(!dir.join("progress.json").exists() && dir.join("progress.json.imported").exists());
    drop(store);
    let mut again = Store::open(path).unwrap();
    assert!(again.take_notices().is_empty(), "imported once");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_failed_save_says_so_and_keeps_the_answers_in_memory() {
    let dir = temp_dir("failed-save");
    // A store that cannot save (its path was refused at the start of the run).
    let refused = deepstep::progress::Refused::NotOurs { path: dir.join("p.sqlite3") };
    let store = Store::not_saving(refused);
    let mut app = app_with(vec![numeric("n", 1.0, 0.0)], store);
    assert!(matches!(quiz_of(&app).notice, Some(Notice::NotSaving { .. })), "said at the start");
    type_and_submit_in(&mut app, "1");
    let lab = quiz_of(&app);
    // Still "nothing is saved this run", which says more than one failed save.
    assert!(matches!(lab.notice, Some(Notice::NotSaving { .. })), "{:?}", lab.notice);
    assert_eq!(lab.progress.questions["n"].right, 1, "kept in memory");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "nothing written");
    let _ = std::fs::remove_dir_all(&dir);
}

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

/// An ordering question accepts every order that keeps its dependencies:
/// the counting RNN's BPTT loop has three, and `--check` refuses a key that
/// breaks its own `before`, a pair out of range, and an empty `before`.
#[test]
fn ordering_accepts_every_order_that_respects_the_dependencies() {
    let q = shipped().into_iter().find(|q| q.id == "rnn-bptt-steps").unwrap();
    let mut right = vec![];
    for a in 0..4usize {
        for b in 0..4 {
            for c in 0..4 {
                for d in 0..4 {
                    let order = [a, b, c, d];
                    if (0..4).all(|t| order.contains(&t)) && q.answer.accepts_order(&order) {
                        right.push(order);
                    }
                }
            }
        }
    }
    assert_eq!(right, vec![[0, 1, 2, 3], [0, 2, 1, 3], [0, 2, 3, 1]], "the three valid loop orders");
    // The answer is written as numbered steps, not a chain of equalities.
    let written = deepstep::lessons::quiz::words::answer_text(&q, &EN);
    assert!(written.starts_with("(1) dS_2 = 2(y - y*)/N   (2) g += dS_2"), "{written}");
    // Through the lab: each of the three is graded right.
    for order in &right {
        let mut lab = lab_for("rnn-bptt-steps");
        for &term in order {
            let pos = lab.shown_order.iter().position(|&t| t == term).unwrap();
            lab.update(Action::Choose(pos), NOW);
        }
        lab.update(Action::Submit, NOW);
        assert!(matches!(&lab.phase, Phase::Feedback(g) if g.right), "{order:?}");
    }
    // A question without `before` accepts only the order written.
    let chain = shipped().into_iter().find(|q| q.id == "chain-build-reverse").unwrap();
    assert!(chain.answer.accepts_order(&[0, 1, 2]) && !chain.answer.accepts_order(&[1, 0, 2]));
    assert!(!chain.answer.accepts_order(&[0, 0, 2]) && !chain.answer.accepts_order(&[0, 1]));
    // --check: the written order must keep `before`; pairs must name terms.
    let bank = |before: &str| {
        format!(
            "[[question]]\nid = \"o\"\ntopic = \"rnn\"\nkind = \"order\"\nprompt.en = \"p\"\nexplanation.en = \"e\"\nterms = [\"a\", \"b\", \"c\"]\nbefore = {before}\n"
        )
    };
    let issues = |before: &str| {
        bank::parse("o.toml", &bank(before)).unwrap_err().into_iter().map(|p| p.issue).collect::<Vec<_>>()
    };
    assert_eq!(issues("[[2, 1]]"), vec![bank::Issue::KeyBreaksBefore { a: 2, b: 1 }]);
    assert_eq!(issues("[[1, 4]]"), vec![bank::Issue::BeforeRange { a: 1, b: 4 }]);
    assert_eq!(issues("[]"), vec![bank::Issue::BeforeEmpty]);
    assert!(bank::parse("o.toml", &bank("[[1, 3]]")).is_ok());
    let msg = bank::parse("o.toml", &bank("[[2, 1]]")).unwrap_err()[0].describe(&EN);
    assert!(msg.contains("o.toml:1: question `o`:") && msg.contains("term 2 must come before term 1"), "{msg}");
}

/// `rnn-accumulate`'s why names the term that `g = ...` keeps, and that term
/// is the one the math computes for the mistake: the loop's last iteration,
/// time step k = 1 (not the last time step).
#[test]
fn the_accumulation_why_names_the_term_the_mistake_keeps() {
    use deepstep::math::counting_rnn::{self, Mistake};
    let t = deepstep::assets::counting_tutorial().unwrap();
    let (wx, wr) = (0.8, 1.1);
    let f = counting_rnn::forward(t.x.view(), wx, wr);
    let back = counting_rnn::backward(t.x.view(), &f, wr);
    let kept = counting_rnn::mistaken_gradient(t.x.view(), wx, wr, Mistake::NoAccumulation);
    let k1 = back.steps.last().unwrap(); // the steps run k = T..1
    let last_time_step = &back.steps[0];
    assert_eq!(kept, (k1.add_w_x, k1.add_w_rec), "g = ... keeps the k = 1 term");
    assert_ne!(kept, (last_time_step.add_w_x, last_time_step.add_w_rec));
    let q = shipped().into_iter().find(|q| q.id == "rnn-accumulate").unwrap();
    let Answer::TrueFalse { why: Some(why), .. } = &q.answer else { panic!() };
    assert!(why.en.contains("k = 1") && !why.en.contains("last step's term"), "{}", why.en);
    assert!(why.ko.as_deref().is_some_and(|k| k.contains("k = 1")), "{:?}", why.ko);
}

/// The maximum-likelihood bank: at least 12 questions in both languages,
/// every kind used, and its topic asked on its own with generated samples.
#[test]
fn the_mle_bank_covers_the_exercise() {
    let mle: Vec<Question> = shipped().into_iter().filter(|q| q.topic == Topic::Mle).collect();
    assert!(mle.len() >= 12, "{}", mle.len());
    let kinds = |f: fn(&Answer) -> bool| mle.iter().filter(|q| f(&q.answer)).count();
    assert!(kinds(|a| matches!(a, Answer::Choice { .. })) >= 3);
    assert!(kinds(|a| matches!(a, Answer::Numeric { .. })) >= 3);
    assert!(kinds(|a| matches!(a, Answer::TrueFalse { .. })) >= 3);
    assert!(kinds(|a| matches!(a, Answer::Order { .. })) >= 1);
    let options = RoundOptions { count: 10, seed: 4, topic: Some(Topic::Mle), ..Default::default() };
    let round = plan(&shipped(), &Progress::default(), &options, NOW);
    assert_eq!(round.len(), 10);
    assert!(round.iter().all(|q| q.topic == Topic::Mle));
    assert!(round.iter().any(|q| q.id.starts_with("gen-normal-")), "a sample is drawn for the round");
}

/// After a round: the summary's due count is the number of questions it
/// lists, `r` starts a review of exactly those, and the home screen shows the
/// store's due count on the review entry.
#[test]
fn review_from_the_summary_and_home_agree_on_what_is_due() {
    use common::key;
    use ratatui::crossterm::event::KeyCode::{Char, Down, Enter};
    let dir = temp_dir("review-flow");
    let path = dir.join("p.sqlite3");
    // Three numeric questions, no two of one skill (those are asked a round apart).
    let mut skills = std::collections::HashSet::new();
    let conv: Vec<Question> = shipped()
        .into_iter()
        .filter(|q| q.topic == Topic::Conv && matches!(q.answer, Answer::Numeric { .. }))
        .filter(|q| q.skill().is_none_or(|s| skills.insert(s.to_string())))
        .take(3)
        .collect();
    let mut app = app_with(conv, Store::open(path.clone()).unwrap());
    for _ in 0..3 {
        type_and_submit_in(&mut app, "12345"); // wrong: Again, due within minutes
        app.act::<QuizLab>(Action::Next);
    }
    assert_eq!(quiz_of(&app).phase, Phase::Summary);
    // Ten minutes later all three are due.
    app.clock = Some(NOW + 600);
    app.act::<QuizLab>(Action::ScrollUp); // any action: the lab reads the new time
    let due = quiz_of(&app).due_questions();
    assert_eq!(due.len(), 3);
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains(&(EN.quiz.due_now)(3)), "{s}");
    let listed = s.lines().filter(|l| l.trim_start().trim_start_matches('|').trim_start().starts_with("- ")).count();
    assert!(listed >= 3, "the list has the due questions:\n{s}");
    app.handle(&key(Char('r')));
    let lab = quiz_of(&app);
    assert!(lab.options.review && lab.round.len() == 3, "r reviews exactly what is due");
    // Home: the review entry says how many are due.
    // The count is read when it can change, never per frame: at NOW none is
    // due; ten minutes on a redraw alone does not ask the store again, and
    // coming back from another screen does.
    let mut home = App::home(&EN, Theme::COLOR);
    home.clock = Some(NOW);
    home.set_progress(Some(Store::open(path).unwrap()));
    home.clock = Some(NOW + 600);
    let (s, _) = draw(&mut home, 80, 24);
    assert!(!s.contains(&(EN.home_due)(3)), "{s}");
    use deepstep::lessons::lesson::{At, Effect};
    home.perform(vec![Effect::Open { stem: "stats", at: At::Start }, Effect::Back]);
    let (s, _) = draw(&mut home, 80, 24);
    assert!(s.contains(&format!("{}  {}", EN.lessons.review.name, (EN.home_due)(3))), "{s}");
    let review = deepstep::lessons::registry::LESSONS.iter().position(|e| e.stem == "review").unwrap();
    for _ in 0..review {
        home.handle(&key(Down));
    }
    home.handle(&key(Enter));
    assert_eq!(home.front_lesson::<QuizLab>().unwrap().round.len(), 3);
    let _ = std::fs::remove_dir_all(&dir);
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

#[test]
fn statistics_count_what_the_log_holds() {
    use deepstep::progress::TopicStats;
    let dir = temp_dir("stats");
    let path = dir.join("p.sqlite3");
    let mut store = Store::open(path.clone()).unwrap();
    let mut conv = review_of("c1", false, NOW - 40 * DAY);
    conv.topic = "conv".into();
    let skip = Review { outcome: None, ..review_of("r3", false, NOW) };
    for r in [
        conv,
        review_of("r1", true, NOW - 2 * DAY),
        review_of("r1", false, NOW - DAY),
        review_of("r2", true, NOW),
        skip,
    ] {
        store.record(&r).unwrap();
    }
    let s = store.stats(NOW).unwrap();
    assert_eq!(s.topics["rnn"], TopicStats { answered: 3, right: 2 }, "the skip is not an answer");
    assert_eq!(s.topics["conv"], TopicStats { answered: 1, right: 0 });
    assert_eq!((s.reviewed, s.retained), (1, 0), "r1's second answer is the one review, and it was wrong");
    assert_eq!(&s.per_day[27..], &[1, 1, 1], "today is last; the skip is left out");
    assert_eq!(s.per_day.iter().sum::<usize>(), 3, "40 days ago is outside the 30");
    assert_eq!(s.streak, 3);
    // The forecast agrees with the cards as `load` reads them.
    let cards = store.load().unwrap().questions;
    let mut expected = [0usize; 14];
    for r in cards.values() {
        let day = if r.due <= NOW { 0 } else { (r.due / DAY - NOW / DAY) as usize };
        if day < 14 {
            expected[day] += 1;
        }
    }
    assert_eq!(s.forecast, expected);
    assert!(s.forecast[0] >= 1, "c1, wrong 40 days ago, is overdue");

    // The same through the command line, as JSON and as text, read-only.
    let before = std::fs::read(&path).unwrap();
    let out = deepstep([
        OsStr::new("quiz"),
        OsStr::new("--stats"),
        OsStr::new("--format"),
        OsStr::new("json"),
        OsStr::new("--progress"),
        path.as_os_str(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["topics"]["rnn"]["answered"], 3);
    assert_eq!(v["reviewed"], 1);
    let out = deepstep([OsStr::new("quiz"), OsStr::new("--stats"), OsStr::new("--progress"), path.as_os_str()]);
    let text = String::from_utf8_lossy(&out.stdout);
    let rnn = EN.quiz.topic_names[Topic::Rnn.index()];
    assert!(text.contains(&(EN.quiz.stats_topic)(rnn, 2, 3, "67%")), "{text}");
    assert!(text.contains(&(EN.quiz.stats_retention)(0, 1, "0%")), "{text}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "--stats writes nothing");
    drop(store);

    // The screen, from the home entry, fits 80x24 and says the same.
    let store = Store::open(path.clone()).unwrap();
    let stats = store.stats(NOW).unwrap();
    let screen = deepstep::lessons::quiz::stats::StatsScreen::new(Ok(stats));
    let mut app = App::new(mount(screen), &EN, Theme::MONO);
    let (shown, _) = draw(&mut app, 80, 24);
    assert!(shown.contains(&(EN.quiz.stats_topic)(rnn, 2, 3, "67%")), "{shown}");
    assert!(shown.contains(&(EN.quiz.stats_streak)(3)), "{shown}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn anki_export_writes_every_bank_question_and_never_overwrites() {
    let dir = temp_dir("anki");
    let file = dir.join("deepstep.txt");
    let out = deepstep([OsStr::new("quiz"), OsStr::new("--export"), OsStr::new("anki"), file.as_os_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written = std::fs::read_to_string(&file).unwrap();
    let (header, rows): (Vec<&str>, Vec<&str>) = written.lines().partition(|l| l.starts_with('#'));
    assert!(header.contains(&"#separator:tab") && header.contains(&"#html:true"), "{header:?}");
    let bank = shipped();
    let from_bank = bank.iter().filter(|q| matches!(q.body, Body::Bank { .. })).count();
    assert_eq!(rows.len(), from_bank, "one note per bank question");
    for (row, q) in rows.iter().zip(bank.iter().filter(|q| matches!(q.body, Body::Bank { .. }))) {
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols.len(), 3, "{row}");
        assert!(cols[2].split(' ').any(|t| t == format!("deepstep::{}", q.topic.slug())), "{row}");
        // As the quiz shows it (a bank's " - " is the sign −).
        let first = deepstep::lessons::quiz::words::prompt_lines(q, &EN)[0].replace('&', "&amp;").replace('<', "&lt;");
        assert!(cols[0].starts_with(&first.replace('>', "&gt;").replace('"', "&quot;")), "{row}");
        assert!(cols[1].starts_with(&(EN.quiz.the_answer)("")), "{row}");
    }
    // A second export to the same file is refused, and the file is unchanged.
    std::fs::write(&file, "the learner's own file").unwrap();
    let out = deepstep([OsStr::new("quiz"), OsStr::new("--export"), OsStr::new("anki"), file.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "the learner's own file");
    // Korean, one topic.
    let out = deepstep(["--lang", "ko", "quiz", "--export", "anki", "-", "--topic", "mle"]);
    let s = String::from_utf8_lossy(&out.stdout);
    let mle = bank.iter().filter(|q| q.topic == Topic::Mle && matches!(q.body, Body::Bank { .. })).count();
    assert_eq!(s.lines().filter(|l| !l.starts_with('#')).count(), mle);
    assert!(s.contains("우도"), "{s}");
    assert_eq!(deepstep(["quiz", "--export", "csv", "x"]).status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Questions that share a skill (or give each other's answers away) are never
/// in one round, new or review; the ones left out stay due for the next.
#[test]
fn a_round_asks_one_question_per_skill() {
    let bank = shipped();
    let shared: Vec<&str> = {
        let mut count = std::collections::HashMap::new();
        for s in bank.iter().filter_map(|q| q.skill()) {
            *count.entry(s).or_insert(0) += 1;
        }
        count.into_iter().filter(|(_, n)| *n > 1).map(|(s, _)| s).collect()
    };
    assert!(shared.len() >= 5, "the shipped banks name shared skills: {shared:?}");
    let skills_of = |round: &[Question]| {
        let mut seen = std::collections::HashSet::new();
        round.iter().filter_map(|q| q.skill()).all(|s| seen.insert(s.to_string()))
    };
    for seed in 0..50 {
        for topic in [None, Some(Topic::Conv), Some(Topic::Mle), Some(Topic::Rnn)] {
            let o = RoundOptions { seed, topic, count: 100, ..Default::default() };
            let round = plan(&bank, &Progress::default(), &o, NOW);
            assert!(skills_of(&round), "seed {seed} {topic:?}: {:?}", round.iter().map(|q| &q.id).collect::<Vec<_>>());
        }
    }
    // All three conv output-size questions due: a review asks one, all three stay listed as due.
    let mut progress = Progress::default();
    let size: Vec<&Question> = bank.iter().filter(|q| q.skill() == Some("conv-output-size")).collect();
    assert_eq!(size.len(), 3);
    for q in &size {
        let rec =
            schedule::answer(None, schedule::rating(Outcome { right: false, hint: false, seconds: 5 }), NOW - DAY);
        progress.questions.insert(q.id.clone(), rec);
    }
    let review = RoundOptions { review: true, ..Default::default() };
    let round = plan(&bank, &progress, &review, NOW);
    assert_eq!(round.iter().filter(|q| q.skill() == Some("conv-output-size")).count(), 1, "one per round");
    let due = deepstep::lessons::quiz::round::all_due(&bank, &progress, &review, NOW);
    assert_eq!(due.len(), 3, "the others are still due");
}

/// Templated questions: every draw fills every text, the explanation ends at
/// the answer the math computed, and a review asks with new numbers.
#[test]
fn templated_questions_draw_new_numbers_that_the_explanation_works_out() {
    let bank = shipped();
    let templated: Vec<&Question> =
        bank.iter().filter(|q| matches!(&q.body, Body::Bank { template: Some(_), .. })).collect();
    assert!(templated.len() >= 8, "the numeric conv and RNN questions are templates");
    for q in &templated {
        let mut prompts = std::collections::BTreeSet::new();
        for seed in 0..30 {
            let d = q.redrawn(seed).unwrap();
            let Answer::Numeric { value, .. } = d.answer else { panic!("{}", q.id) };
            for t in [&EN, &deepstep::text::KO] {
                let (explanation, _) = deepstep::lessons::quiz::words::explanation_lines(&d, t);
                let all = explanation.join(" ") + &deepstep::lessons::quiz::words::prompt_lines(&d, t).join(" ");
                assert!(!all.contains("{{") && !all.contains("}}}"), "{}: {all}", q.id);
                assert!(
                    explanation.join(" ").contains(&num(value)),
                    "{} seed {seed}: {value} in {explanation:?}",
                    q.id
                );
            }
            prompts.insert(deepstep::lessons::quiz::words::prompt_lines(&d, &EN).join(" "));
        }
        assert!(prompts.len() >= 3, "{}: {prompts:?}", q.id);
    }
    // A review of a due templated question: two rounds, two sets of numbers.
    let q = bank.iter().find(|q| q.id == "conv-params").unwrap();
    let mut progress = Progress::default();
    let wrong = schedule::rating(Outcome { right: false, hint: false, seconds: 5 });
    progress.questions.insert(q.id.clone(), schedule::answer(None, wrong, NOW - DAY));
    let asked: std::collections::BTreeSet<String> = (0..5)
        .map(|seed| {
            let o = RoundOptions { review: true, seed, topic: Some(Topic::Conv), ..Default::default() };
            let round = plan(&bank, &progress, &o, NOW);
            assert_eq!(round.len(), 1);
            deepstep::lessons::quiz::words::prompt_lines(&round[0], &EN).join(" ")
        })
        .collect();
    assert!(asked.len() >= 2, "{asked:?}");
    // The lab draws its own numbers for its round, and grades against them.
    let mut lab = lab_with(vec![q.clone()], None);
    let Some(Answer::Numeric { value, .. }) = lab.current().map(|q| q.answer.clone()) else { unreachable!() };
    type_and_submit(&mut lab, &num(value));
    assert!(lab.results.last().is_some_and(|g| g.right), "{value}");
}

#[test]
fn check_names_every_template_mistake() {
    let dir = temp_dir("template-check");
    let bank = dir.join("t.toml");
    let q = |id: &str, extra: &str| {
        format!(
            "[[question]]\nid = \"{id}\"\ntopic = \"conv\"\nkind = \"numeric\"\nprompt.en = \"p {{{{H}}}}\"\nexplanation.en = \"e\"\n{extra}\n"
        )
    };
    let text = [
        q("unknown", "template = \"nope\""),
        q("missing", "template = \"conv-params\"\nparams = { CIN = [1, 2], K = [1, 3] }"),
        q(
            "stray-param",
            "template = \"conv-params\"\nparams = { CIN = [1, 2], COUT = [1, 2], K = [1, 3], Z = [0, 1] }",
        ),
        q("range", "template = \"conv-params\"\nparams = { CIN = [3, 2], COUT = [1, 2], K = [1, 3] }"),
        q("name", "template = \"conv-params\"\nparams = { CIN = [1, 2], COUT = [1, 2], K = [1, 3] }"),
        q("value", "template = \"conv-params\"\nvalue = 3\nparams = { CIN = [1, 2], COUT = [1, 2], K = [1, 3] }"),
        q(
            "no-draw",
            "template = \"conv-output\"\nparams = { H = [1, 2], K = [9, 9], P = [0, 0], S = [1, 1], D = [1, 1] }",
        ),
    ]
    .concat();
    std::fs::write(&bank, text).unwrap();
    let out = deepstep([OsStr::new("quiz"), OsStr::new("--check"), bank.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for (id, says) in [
        ("unknown", "no template `nope`"),
        ("missing", "needs a range for `COUT`"),
        ("stray-param", "`Z` in `params` is not a parameter"),
        ("range", "the range of `CIN`"),
        ("name", "`{{H}}` names no number"),
        ("value", "`value`"),
        ("no-draw", "no numbers drawn"),
    ] {
        assert!(err.lines().any(|l| l.contains(&format!("`{id}`")) && l.contains(says)), "{id}: {says}\n{err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The bar charts' legends mark `@` only when some day has a count, and
/// every count the bars stand for is written beside them.
#[test]
fn statistics_text_says_what_the_bars_stand_for() {
    use deepstep::lessons::quiz::words::stats_lines;
    use deepstep::progress::Stats;
    let mut s = Stats::default();
    s.topics.insert("rnn".into(), Default::default());
    let quiet = stats_lines(&s, &EN).join("\n");
    assert!(!quiet.contains("@ ="), "{quiet}");
    s.per_day[29] = 4;
    s.per_day[10] = 2;
    s.forecast[3] = 5;
    let busy = stats_lines(&s, &EN);
    let at = busy.iter().position(|l| l.contains("answers per day")).unwrap();
    assert!(busy[at].contains("@ = 4"), "{busy:?}");
    let bars = busy[at + 1].trim_start();
    assert_eq!(
        bars.chars().count() - bars.trim_start_matches(['_', '.', ':', '-', '=', '+', '#', '@']).chars().count(),
        30
    );
    assert!(bars.starts_with("__________") && bars.contains("@   6"), "{bars}");
    assert!(busy.iter().any(|l| l.contains("+3: 5")), "{busy:?}");
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

#[test]
fn exact_answers_do_not_offer_a_zero_tolerance() {
    use deepstep::lessons::quiz::words::how_line;
    for t in [&EN, &deepstep::text::KO] {
        assert_eq!(how_line(&numeric("x", 24.0, 0.0), t), t.quiz.how_numeric_exact);
        assert!(how_line(&numeric("y", 0.25, 0.0005), t).contains(&format!("±{}", num(0.0005))));
    }
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

/// A database from a newer deepstep (a schema this one does not know) is
/// refused and left exactly as it is, by the quiz and by `--stats`.
#[test]
fn a_newer_schema_is_refused_untouched() {
    let dir = temp_dir("newer");
    let path = dir.join("p.sqlite3");
    let mut s = Store::open(path.clone()).unwrap();
    s.record(&review_of("a", true, NOW)).unwrap();
    drop(s);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", deepstep::progress::SCHEMA_VERSION + 1).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();
    match Store::open(path.clone()) {
        Err(deepstep::progress::Refused::Newer { version, .. }) => {
            assert_eq!(version, deepstep::progress::SCHEMA_VERSION + 1)
        }
        other => panic!("{other:?}"),
    }
    let out = deepstep([OsStr::new("quiz"), OsStr::new("--stats"), OsStr::new("--progress"), path.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer version of deepstep"));
    assert_eq!(std::fs::read(&path).unwrap(), before, "untouched");
    let _ = std::fs::remove_dir_all(&dir);
}

/// With room, the statistics screen draws the 30 days and the 14-day
/// forecast as bar charts, a bar per day, under the counts in words.
#[test]
fn the_statistics_screen_draws_bar_charts_when_there_is_room() {
    use deepstep::lessons::quiz::stats::StatsScreen;
    use deepstep::progress::Stats;
    let mut s = Stats::default();
    s.topics.insert("rnn".into(), Default::default());
    s.per_day[29] = 6;
    s.per_day[28] = 3;
    s.forecast[0] = 4;
    let mut app = App::new(mount(StatsScreen::new(Ok(s))), &EN, Theme::MONO);
    let (shown, _) = draw(&mut app, 100, 40);
    let rows: Vec<&str> = shown.lines().collect();
    let title = rows.iter().rposition(|l| l.contains(&(EN.quiz.stats_per_day)(6))).unwrap();
    assert!(title > 8, "the chart is below the text:\n{shown}");
    // The tallest bar (today, 6) fills every row of its chart (█, drawn as # without colour).
    let full = rows[title + 1..title + 6].iter().filter(|l| l.contains('#')).count();
    assert_eq!(full, 5, "{shown}");
    assert!(rows.iter().any(|l| l.contains(&(EN.quiz.stats_forecast)(4)) && l.contains('+')), "{shown}");
}

/// The flags around --stats: Markdown is the study note, JSON is for --stats only.
#[test]
fn stats_formats_and_their_limits() {
    let dir = temp_dir("stats-formats");
    let db = dir.join("none-yet.sqlite3");
    let out = deepstep([
        OsStr::new("quiz"),
        OsStr::new("--stats"),
        OsStr::new("--format"),
        OsStr::new("markdown"),
        OsStr::new("--progress"),
        db.as_os_str(),
    ]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && s.starts_with(&format!("# {}", EN.quiz.stats_title)) && s.contains(EN.quiz.stats_empty),
        "{s}"
    );
    assert!(!db.exists(), "--stats creates nothing");
    let out = deepstep(["quiz", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(EN.cli.json_stats_only));
    // An export into a folder that does not exist is an error, and nothing is made.
    let out = deepstep([
        OsStr::new("quiz"),
        OsStr::new("--export"),
        OsStr::new("anki"),
        dir.join("no/such/deck.txt").as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains(&(EN.cli.write_failed)("")) && said.contains("deck.txt"), "{said}");
    assert!(!dir.join("no").exists());
    let _ = std::fs::remove_dir_all(&dir);
}
