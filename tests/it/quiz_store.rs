//! The quiz's progress: what comes back in review and when, the store
//! under two runs and two processes, refused and damaged files, failed saves.

use crate::common;
use crate::quiz::*;
use common::draw;
use deepstep::app::App;
use deepstep::lessons::lesson::mount;
use deepstep::lessons::quiz::bank::{Answer, Question, Topic};
use deepstep::lessons::quiz::lab::{Action, Phase, QuizLab};
use deepstep::lessons::quiz::round::{RoundOptions, plan};
use deepstep::math::format::num;
use deepstep::progress::schedule::Outcome;
use deepstep::progress::schedule::{self, DAY};
use deepstep::progress::{Notice, Progress, Review, Store};
use deepstep::text::EN;
use deepstep::ui::theme::Theme;
use std::ffi::OsStr;

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
pub(crate) fn review_of(id: &str, right: bool, time: u64) -> Review {
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
