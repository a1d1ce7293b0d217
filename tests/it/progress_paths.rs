//! The progress store at bad paths: every command says what is wrong in a
//! sentence (never a Rust value or SQLite's own words), nothing that is not
//! a damaged deepstep database is changed, and a damaged one is moved aside
//! once even when several runs start together.

use crate::pty::Term;
use deepstep::progress::schedule::Outcome;
use deepstep::progress::{Notice, Refused, Review, Store, Trouble};
use deepstep::text::{EN, KO};
use std::path::{Path, PathBuf};

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("deepstep-paths-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn answer(id: &str, time: u64) -> Review {
    Review {
        id: id.into(),
        topic: "rnn".into(),
        time,
        outcome: Some(Outcome { right: true, hint: false, seconds: 3 }),
        given: String::new(),
    }
}

/// A deepstep database with `n` answers, checkpointed (no `-wal` left).
fn ours(path: &Path, n: usize) {
    let mut s = Store::open(path.to_path_buf()).unwrap();
    for i in 0..n {
        s.record(&answer(&format!("question-with-a-long-id-{i}"), 1_800_000_000 + i as u64)).unwrap();
    }
}

/// Every kind of bad progress path, by name.
fn bad_paths(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    let mut v = vec![];
    let text = dir.join("notes.txt");
    std::fs::write(&text, "hello\n").unwrap();
    v.push(("text", text.clone()));
    v.push(("under a file", text.join("p.sqlite3")));
    let empty = dir.join("empty.sqlite3");
    std::fs::write(&empty, b"").unwrap();
    v.push(("empty", empty));
    let foreign = dir.join("foreign.sqlite3");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE z (a); INSERT INTO z VALUES (1);")
        .unwrap();
    v.push(("another program's database", foreign));
    let seven = dir.join("seven.sqlite3");
    rusqlite::Connection::open(&seven).unwrap().pragma_update(None, "user_version", 7).unwrap();
    v.push(("an empty database with a user_version", seven));
    let newer = dir.join("newer.sqlite3");
    ours(&newer, 1);
    rusqlite::Connection::open(&newer).unwrap().pragma_update(None, "user_version", 99).unwrap();
    v.push(("newer", newer));
    let junk = dir.join("junk.sqlite3");
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend((0..5000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    std::fs::write(&junk, bytes).unwrap();
    v.push(("corrupt header", junk));
    let pages = dir.join("pages.sqlite3");
    ours(&pages, 300);
    let mut b = std::fs::read(&pages).unwrap();
    assert!(b.len() > 20480, "{} bytes", b.len());
    b[12288..20480].fill(0xAB);
    std::fs::write(&pages, b).unwrap();
    v.push(("damaged pages", pages));
    let half = dir.join("half.sqlite3");
    ours(&half, 300);
    let b = std::fs::read(&half).unwrap();
    std::fs::write(&half, &b[..b.len() / 2]).unwrap();
    v.push(("truncated", half));
    let dropped = dir.join("dropped.sqlite3");
    ours(&dropped, 1);
    rusqlite::Connection::open(&dropped).unwrap().execute_batch("DROP TABLE card;").unwrap();
    v.push(("no card table", dropped));
    v.push(("foreign wal", foreign_wal(dir)));
    let folder = dir.join("folder");
    std::fs::create_dir(&folder).unwrap();
    v.push(("directory", folder));
    v.push(("device", PathBuf::from("/dev/null")));
    v
}

/// Ours, with another database's uncheckpointed `-wal` beside it.
fn foreign_wal(dir: &Path) -> PathBuf {
    let path = dir.join("wal.sqlite3");
    ours(&path, 2);
    let other = dir.join("other-app.db");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)).unwrap();
    conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    conn.execute_batch("CREATE TABLE z (a); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) INSERT INTO z SELECT i FROM n;").unwrap();
    let mut wal = other.into_os_string();
    wal.push("-wal");
    std::fs::copy(&wal, dir.join("wal.sqlite3-wal")).unwrap();
    drop(conn);
    path
}

/// The output shows no Rust value (`Name { field: … }`) and none of SQLite's
/// or the system's own messages.
fn assert_sentences(what: &str, out: &str) {
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    const RAW: [&str; 14] = [
        "database disk image is malformed",
        "file is not a database",
        "no such table",
        "attempt to write a readonly database",
        "database or disk is full",
        "unable to open database file",
        "disk I/O error",
        "database is locked",
        "in database main",
        "btreeInitPage",
        "os error",
        "schema ",
        "Some(",
        "Err(",
    ];
    for raw in RAW {
        assert!(!flat.contains(raw), "{what}: {raw:?} in\n{out}");
    }
    // A Debug struct: a capitalised name, then ` { ` and a field name with a colon.
    for (i, _) in flat.match_indices(" { ") {
        let name = flat[..i].rsplit(' ').next().unwrap_or("");
        let field = flat[i + 3..].split(' ').next().unwrap_or("");
        let debug = name.starts_with(|c: char| c.is_ascii_uppercase())
            && name.chars().all(|c| c.is_ascii_alphanumeric())
            && field.ends_with(':');
        assert!(!debug, "{what}: a Rust value in\n{out}");
    }
}

fn run(args: &[&std::ffi::OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_deepstep")).args(args).output().unwrap()
}

/// A snapshot of what a refusal must leave as it was: the file and anything beside it.
fn snapshot(path: &Path) -> Vec<(String, Option<(usize, u64)>)> {
    use std::hash::{Hash, Hasher};
    let Some(dir) = path.parent() else { return vec![] };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let digest = |b: Vec<u8>| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        b.hash(&mut h);
        (b.len(), h.finish())
    };
    ["", "-wal", "-journal"]
        .iter()
        .map(|s| (format!("{name}{s}"), std::fs::read(dir.join(format!("{name}{s}"))).ok().map(digest)))
        .collect()
}

#[test]
fn every_command_on_every_bad_progress_path_speaks_in_sentences() {
    let dir = temp_dir("matrix");
    for (what, path) in bad_paths(&dir) {
        let before = snapshot(&path);
        let p = path.as_os_str();
        let o = std::ffi::OsStr::new;
        let commands: [Vec<&std::ffi::OsStr>; 4] = [
            vec![o("quiz"), o("--print"), o("--count"), o("1"), o("--seed"), o("1"), o("--progress"), p],
            vec![o("quiz"), o("--print"), o("--review"), o("--progress"), p],
            vec![o("quiz"), o("--stats"), o("--progress"), p],
            vec![o("quiz"), o("--stats"), o("--format"), o("json"), o("--progress"), p],
        ];
        for lang in ["en", "ko"] {
            for args in &commands {
                let mut full = vec![o("--lang"), o(lang)];
                full.extend(args.iter().copied());
                let out = run(&full);
                let err = String::from_utf8_lossy(&out.stderr);
                let said = format!("{what}, {lang}, {full:?}");
                assert_sentences(&said, &err);
                assert_ne!(out.status.code(), Some(101), "{said}: {err}");
                assert_eq!(snapshot(&path), before, "{said}: the headless forms change nothing");
                if !err.is_empty() {
                    let name = path.file_name().unwrap().to_string_lossy();
                    assert!(err.contains(&*name), "{said}: the message names the file:\n{err}");
                }
            }
        }
        assert_eq!(snapshot(&path), before, "{what}: the headless forms change nothing");
        // The interactive quiz, in a terminal.
        let mut t = Term::start(&["--lang", "en", "quiz", "--seed", "1", "--progress", path.to_str().unwrap()]);
        let screen =
            t.wait_until("a question or a refusal", |s| s.contains("deepstep quiz:") || s.contains("question 1 of"));
        assert_sentences(&format!("{what}, the quiz"), &screen);
        t.keys(&["C-c"]);
        t.exit();
        let moved = std::fs::read_dir(&dir).unwrap().any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(&format!("{}.unreadable", path.file_name().unwrap().to_string_lossy()))
        });
        if !moved && !matches!(what, "empty") {
            assert_eq!(snapshot(&path), before, "{what}: refused, and left as it was");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// D11: `--print` answers a progress file as the interactive quiz does: a
/// path the quiz refuses is the same failure (status 2, or 1 for the
/// machine's state); a damaged file, which the quiz keeps aside and goes on
/// from, is said and the round printed; a review of a file that could not be
/// read fails rather than print "Nothing is due for review".
#[test]
fn print_refuses_what_the_quiz_refuses_and_never_reviews_an_unread_file() {
    let dir = temp_dir("print");
    for (what, path) in bad_paths(&dir) {
        let refused = Store::peek(&path).err();
        for review in [false, true] {
            let p = path.as_os_str();
            let o = std::ffi::OsStr::new;
            let mut args = vec![o("--lang"), o("en"), o("quiz"), o("--print"), o("--seed"), o("1"), o("--progress"), p];
            if review {
                args.push(o("--review"));
            }
            let out = run(&args);
            let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
            let said = format!("{what}, review {review}: {stderr}");
            match &refused {
                None => assert_eq!(out.status.code(), Some(0), "{said}"),
                Some(r) if r.is_damaged() && !review => {
                    assert_eq!(out.status.code(), Some(0), "{said}");
                    assert!(!stdout.is_empty() && stderr.contains(&*path.file_name().unwrap().to_string_lossy()));
                }
                Some(r) => {
                    let want = if r.is_runtime() { 1 } else { 2 };
                    assert_eq!(out.status.code(), Some(want), "{said}");
                    assert!(!stdout.contains(EN.quiz.nothing_due), "{said}\n{stdout}");
                }
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The home screen on a progress file it cannot use says so on the quiz,
/// the review and the statistics (not "progress saved in …", not "no answers yet").
#[test]
fn home_says_a_refused_progress_file_is_not_used_on_every_quiz_screen() {
    let dir = temp_dir("home");
    let data = dir.join("deepstep");
    std::fs::create_dir_all(&data).unwrap();
    let path = data.join("progress.sqlite3");
    std::fs::write(&path, "hi\n").unwrap();
    let env = [("XDG_DATA_HOME", dir.to_str().unwrap())];
    let mut t = Term::start_with(&["--lang", "en"], &env, &[]);
    t.wait_for("Review");
    let not_saved = "Progress is not saved in this run";
    for (key, what) in [("3", "quiz"), ("4", "review"), ("5", "statistics")] {
        t.keys(&[key]);
        t.wait_until(what, |s| !s.contains("Review  ("));
        let s = t.wait_until(&format!("{what} says the file is not used"), |s| {
            let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
            flat.contains("is not a deepstep progress file") || flat.contains(not_saved)
        });
        assert!(!s.contains("progress saved in"), "{what}:\n{s}");
        assert!(!s.contains("No answers yet"), "{what}:\n{s}");
        assert_sentences(what, &s);
        t.keys(&["q"]);
        t.wait_for("Review");
    }
    t.keys(&["q"]);
    t.exit().assert_restored();
    assert_eq!(std::fs::read(&path).unwrap(), b"hi\n");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Another database's `-wal` beside ours is never written into our file.
#[test]
fn a_foreign_wal_is_refused_and_both_files_are_left_as_they_are() {
    let dir = temp_dir("wal");
    let path = foreign_wal(&dir);
    let before = snapshot(&path);
    match Store::open(path.clone()) {
        Err(Refused::ForeignWal { .. }) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(snapshot(&path), before);
    let conn = rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    // Read without the -wal: our own tables are still in the file.
    drop(conn);
    let said = deepstep::lessons::quiz::words::refused_text(&Store::open(path.clone()).unwrap_err(), &KO);
    assert!(said.contains("-wal"), "{said}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A refused database is not switched to WAL, nor otherwise written; an
/// empty SQLite file of another program is "not ours", not "newer".
#[test]
fn refused_databases_keep_every_byte() {
    let dir = temp_dir("bytes");
    let seven = dir.join("seven.sqlite3");
    rusqlite::Connection::open(&seven).unwrap().pragma_update(None, "user_version", 7).unwrap();
    let newer = dir.join("newer.sqlite3");
    ours(&newer, 1);
    let conn = rusqlite::Connection::open(&newer).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get::<_, String>(0)).unwrap();
    drop(conn);
    for (path, want) in [(&seven, "not ours"), (&newer, "newer")] {
        let before = std::fs::read(path).unwrap();
        let refused = Store::open(path.clone()).unwrap_err();
        match (&refused, want) {
            (Refused::NotOurs { .. }, "not ours") | (Refused::Newer { .. }, "newer") => {}
            _ => panic!("{path:?}: {refused:?}"),
        }
        assert_eq!(std::fs::read(path).unwrap(), before, "{path:?}: every byte kept");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Several runs starting at once on one damaged database: it is moved aside
/// once, every run opens, and the healthy new file is never moved.
#[test]
fn runs_starting_together_move_a_damaged_database_aside_once() {
    for round in 0..12 {
        let dir = temp_dir(&format!("race-{round}"));
        let path = dir.join("p.sqlite3");
        let mut junk = b"SQLite format 3\0".to_vec();
        junk.extend(std::iter::repeat_n(0xAB, 4096));
        std::fs::write(&path, &junk).unwrap();
        let barrier = std::sync::Barrier::new(4);
        let results: Vec<Result<usize, Refused>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|_| {
                    s.spawn(|| {
                        barrier.wait();
                        Store::open(path.clone()).map(|mut st| {
                            st.take_notices().iter().filter(|n| matches!(n, Notice::MovedAside { .. })).count()
                        })
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let moved: usize = results.iter().map(|r| *r.as_ref().unwrap_or_else(|e| panic!("round {round}: {e:?}"))).sum();
        assert_eq!(moved, 1, "round {round}: moved once");
        assert!(dir.join("p.sqlite3.unreadable-1").exists());
        assert!(!dir.join("p.sqlite3.unreadable-2").exists(), "round {round}: the new database was moved aside");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// The notice of a damaged file says where it was kept, within two lines
/// of an 80-column screen (never SQLite's report of what it found).
#[test]
fn the_damaged_file_notice_says_where_it_was_kept() {
    let dir = temp_dir("notice");
    let path = dir.join("p.sqlite3");
    ours(&path, 300);
    let mut b = std::fs::read(&path).unwrap();
    b[12288..20480].fill(0xAB);
    std::fs::write(&path, b).unwrap();
    let mut store = Store::open(path.clone()).unwrap();
    let lab = deepstep::lessons::quiz::lab::QuizLab::new(
        deepstep::lessons::quiz::bank::shipped().unwrap(),
        Default::default(),
        Some(&mut store),
        1_800_000_000,
    );
    let mut app =
        deepstep::app::App::new(deepstep::lessons::lesson::mount(lab), &EN, deepstep::ui::theme::Theme::COLOR);
    let (s, _) = crate::common::draw(&mut app, 80, 24);
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("unreadable-1"), "{s}");
    assert_sentences("the notice", &s);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Saving works again after a failure: the failure is no longer shown.
#[test]
fn a_save_failure_notice_clears_once_saving_works() {
    let mut lab = deepstep::lessons::quiz::lab::QuizLab::with_progress(
        deepstep::lessons::quiz::bank::shipped().unwrap(),
        Default::default(),
        Default::default(),
        1_800_000_000,
    );
    let full = Refused::Trouble { path: "/p.sqlite3".into(), trouble: Trouble::Full };
    lab.saved("a", Err(full));
    assert!(matches!(lab.notice, Some(Notice::SaveFailed(_))));
    lab.saved("b", Ok(None));
    assert_eq!(lab.notice, None, "the failure was one save's, not the next one's");
}

/// Only deepstep's own old `progress.json` is imported and renamed; another
/// program's file of that name stays exactly where and as it was.
#[test]
fn another_programs_progress_json_is_left_alone() {
    let dir = temp_dir("json");
    for content in [&br#"{"level": 3, "game": "other app save"}"#[..], b"plain text", br#"{"questions": {}}"#] {
        std::fs::write(dir.join("progress.json"), content).unwrap();
        let mut store = Store::open(dir.join("p.sqlite3")).unwrap();
        assert!(store.take_notices().is_empty());
        assert_eq!(std::fs::read(dir.join("progress.json")).unwrap(), content);
    }
    let names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!names.iter().any(|n| n.contains("unreadable") || n.contains("imported")), "{names:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A write failure is named as one (a read-only file is not "cannot read").
#[test]
fn write_failures_are_named_by_what_went_wrong() {
    let p = "/x/p.sqlite3";
    for (trouble, en, ko) in [
        (Trouble::ReadOnly, "read-only", "읽기 전용"),
        (Trouble::Full, "disk is full", "디스크가 가득"),
        (Trouble::Permission, "permission denied", "권한이 없습니다"),
    ] {
        let r = Refused::Trouble { path: p.into(), trouble };
        let (e, k) = (
            deepstep::lessons::quiz::words::refused_text(&r, &EN),
            deepstep::lessons::quiz::words::refused_text(&r, &KO),
        );
        assert!(e.contains(p) && e.contains(en) && !e.contains("cannot read"), "{e}");
        assert!(k.contains(p) && k.contains(ko), "{k}");
    }
    let e = rusqlite::Connection::open_in_memory().unwrap().execute_batch("SELECT * FROM card").unwrap_err();
    assert_eq!(Trouble::of_sqlite(&e), Trouble::Damaged);
}

/// A study note that cannot be written whole leaves no file behind (run in
/// a child process of its own, whose file-size limit makes the write fail).
#[test]
fn a_note_that_cannot_be_written_leaves_no_file() {
    let dir = std::env::var_os("DEEPSTEP_NOTE_DIR");
    if let Some(dir) = dir {
        let dir = PathBuf::from(dir);
        // SAFETY: this process runs this one test: no other thread writes files.
        unsafe {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit { rlim_cur: 1000, rlim_max: 1000 };
            assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &limit), 0);
        }
        let body = "x".repeat(5000);
        assert!(deepstep::lessons::notes::write_new(&dir, "conv", "2026-01-01", &body).is_err());
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "no empty or half note left");
        return;
    }
    let dir = temp_dir("note");
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "progress_paths::a_note_that_cannot_be_written_leaves_no_file", "--test-threads", "1"])
        .env("DEEPSTEP_NOTE_DIR", &dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 passed"));
    let _ = std::fs::remove_dir_all(&dir);
}
