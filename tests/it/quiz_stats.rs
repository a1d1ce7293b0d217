//! The quiz's statistics (screen, text, Markdown, JSON) and the Anki export.

use crate::common;
use crate::quiz::*;
use crate::quiz_store::review_of;
use common::draw;
use deepstep::app::App;
use deepstep::lessons::lesson::mount;
use deepstep::lessons::quiz::bank::{Body, Topic};
use deepstep::progress::schedule::DAY;
use deepstep::progress::{Review, Store};
use deepstep::text::EN;
use deepstep::ui::theme::Theme;
use std::ffi::OsStr;

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
