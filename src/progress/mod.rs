//! The learner's saved progress, below every lesson that keeps some (the
//! quiz's cards and reviews, the statistics, the practice exercises): one
//! SQLite database
//! (`$XDG_DATA_HOME/deepstep/progress.sqlite3`, else
//! `~/.local/share/deepstep/progress.sqlite3`; `--progress PATH` overrides),
//! the way Anki keeps its collection: an append-only `review` log and a
//! `card` per question with its FSRS state.
//!
//! Nothing is lost: each answer is one `BEGIN IMMEDIATE` transaction that
//! reads the card's current row (another run may have answered meanwhile),
//! schedules from it, writes the card and appends the review, so any number
//! of runs at once keep every answer and never undo each other. Nothing is
//! destroyed: a path that is a directory, device or pipe, or a file that is
//! not a deepstep database, is refused and left as it is; only a deepstep
//! database that is corrupt is moved aside (`*.unreadable-N`, never over an
//! earlier one) before a fresh one starts. The old `progress.json` beside it
//! is imported once and renamed `progress.json.imported`.

pub mod schedule;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use schedule::{CardState, Outcome, Record};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// `PRAGMA application_id`: "DSTP", so a database of another program is
/// never taken for ours.
pub const APPLICATION_ID: i32 = 0x4453_5450;
/// `PRAGMA user_version`: the schema, for migrations.
/// 1: cards and the review log; 2: adds the practice exercises' progress.
pub const SCHEMA_VERSION: i32 = 2;
/// How long a save waits for another run's transaction.
const BUSY_MS: u64 = 10_000;

/// Every question's record, as planning and the summary read them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Progress {
    /// Question id → its record.
    pub questions: BTreeMap<String, Record>,
}

/// Something the learner must be told about the progress store.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The database was damaged; it was renamed to `backup` and a fresh one started.
    MovedAside { path: PathBuf, backup: PathBuf },
    /// The store could not be used (why): progress is not saved this run.
    NotSaving(Refused),
    /// A save failed (nothing on disk changed).
    SaveFailed(Refused),
    /// The old `progress.json` was imported (`count` questions) and renamed.
    Imported { from: PathBuf, count: usize },
}

mod trouble;
pub use trouble::{Refused, Trouble};

/// One answer, as the log keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub id: String,
    pub topic: String,
    pub time: u64,
    /// None: skipped (logged, not graded).
    pub outcome: Option<Outcome>,
    /// The answer given, as text.
    pub given: String,
}

/// The default place: `$XDG_DATA_HOME/deepstep/progress.sqlite3`, or under
/// `$HOME/.local/share` when that is unset (the XDG base-directory rule).
pub fn default_path() -> Option<PathBuf> {
    default_path_from(|var| std::env::var_os(var))
}

/// `default_path` with the environment passed in (so tests need not change it).
pub fn default_path_from(env: impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<PathBuf> {
    let from = |var: &str| env(var).filter(|v| !v.is_empty()).map(PathBuf::from);
    // A relative XDG_DATA_HOME is invalid by the spec and is ignored.
    let base =
        from("XDG_DATA_HOME").filter(|p| p.is_absolute()).or_else(|| from("HOME").map(|h| h.join(".local/share")))?;
    Some(base.join("deepstep").join("progress.sqlite3"))
}

/// The first free name `<name>.<tag>-<n>` beside the file.
fn free_name(path: &Path, tag: &str) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "progress".into());
    (1..)
        .map(|n| path.with_file_name(format!("{name}.{tag}-{n}")))
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| path.with_extension(tag))
}

mod open;

pub struct Store {
    pub path: PathBuf,
    conn: Option<Connection>,
    /// Why nothing is saved, when the path could not be used.
    refused: Option<Refused>,
    /// What opening found (a damaged database moved aside, an import).
    notices: Vec<Notice>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).field("open", &self.conn.is_some()).finish()
    }
}

/// Switch to WAL, waiting for another run that holds the database. SQLite
/// does not call the busy handler for this switch (it fails at once with
/// "database is locked" while another connection is mid-transaction), so
/// it is retried here for as long as the busy timeout.
fn set_wal(conn: &Connection) -> rusqlite::Result<()> {
    let start = std::time::Instant::now();
    loop {
        let mode: rusqlite::Result<String> = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0));
        match mode {
            Ok(_) => return Ok(()),
            Err(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
                ) && start.elapsed() < std::time::Duration::from_millis(BUSY_MS) =>
            {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            Err(e) => return Err(e),
        }
    }
}

mod practice;
pub use practice::{PRACTICE_TABLE, PracticeRecord};

fn init(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_millis(BUSY_MS))?;
    set_wal(conn)?;
    let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version == 0 {
        conn.execute_batch(&format!(
            "BEGIN IMMEDIATE;
             CREATE TABLE IF NOT EXISTS card (
                 id TEXT PRIMARY KEY, due INTEGER NOT NULL, right INTEGER NOT NULL, wrong INTEGER NOT NULL,
                 last INTEGER NOT NULL, stability REAL NOT NULL, difficulty REAL NOT NULL,
                 elapsed_days INTEGER NOT NULL, scheduled_days INTEGER NOT NULL, reps INTEGER NOT NULL,
                 lapses INTEGER NOT NULL, state INTEGER NOT NULL, last_review INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS review (
                 seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, topic TEXT NOT NULL,
                 time INTEGER NOT NULL, result TEXT NOT NULL, hint INTEGER NOT NULL, skipped INTEGER NOT NULL,
                 seconds INTEGER NOT NULL, given TEXT NOT NULL, version TEXT NOT NULL);
             {PRACTICE_TABLE}
             PRAGMA application_id = {APPLICATION_ID};
             PRAGMA user_version = {SCHEMA_VERSION};
             COMMIT;"
        ))?;
    } else if version == 1 {
        conn.execute_batch(&format!(
            "BEGIN IMMEDIATE; {PRACTICE_TABLE} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
        ))?;
    }
    Ok(())
}

fn row_record(r: &rusqlite::Row) -> rusqlite::Result<Record> {
    Ok(Record {
        due: r.get::<_, i64>("due")?.max(0) as u64,
        right: r.get::<_, i64>("right")?.clamp(0, u32::MAX as i64) as u32,
        wrong: r.get::<_, i64>("wrong")?.clamp(0, u32::MAX as i64) as u32,
        last: r.get::<_, i64>("last")?.max(0) as u64,
        card: CardState {
            stability: r.get("stability")?,
            difficulty: r.get("difficulty")?,
            elapsed_days: r.get("elapsed_days")?,
            scheduled_days: r.get("scheduled_days")?,
            reps: r.get::<_, i64>("reps")?.clamp(0, i32::MAX as i64) as i32,
            lapses: r.get::<_, i64>("lapses")?.clamp(0, i32::MAX as i64) as i32,
            state: r.get::<_, i64>("state")?.clamp(0, 3) as u8,
            last_review: r.get::<_, i64>("last_review")?.max(0) as u64,
        },
    })
}

fn write_card(conn: &Connection, id: &str, r: &Record) -> rusqlite::Result<()> {
    let c = &r.card;
    conn.execute(
        "INSERT INTO card (id, due, right, wrong, last, stability, difficulty, elapsed_days, scheduled_days,
                           reps, lapses, state, last_review)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT(id) DO UPDATE SET due = ?2, right = ?3, wrong = ?4, last = ?5, stability = ?6,
             difficulty = ?7, elapsed_days = ?8, scheduled_days = ?9, reps = ?10, lapses = ?11, state = ?12,
             last_review = ?13",
        params![
            id,
            r.due as i64,
            r.right,
            r.wrong,
            r.last as i64,
            c.stability,
            c.difficulty,
            c.elapsed_days,
            c.scheduled_days,
            c.reps,
            c.lapses,
            c.state,
            c.last_review as i64
        ],
    )?;
    Ok(())
}

impl Store {
    /// What opening found, once.
    pub fn take_notices(&mut self) -> Vec<Notice> {
        std::mem::take(&mut self.notices)
    }

    /// The old JSON progress beside the database: imported once, in one
    /// transaction, then renamed `progress.json.imported`.
    fn import_json(&mut self) {
        let json = self.path.with_file_name("progress.json");
        let Ok(bytes) = std::fs::read(&json) else { return };
        let Some(conn) = self.conn.as_mut() else { return };
        #[derive(serde::Deserialize)]
        struct Old {
            #[serde(rename = "box")]
            leitner_box: u8,
            due: u64,
            right: u32,
            wrong: u32,
            last: u64,
        }
        #[derive(serde::Deserialize)]
        struct OldFile {
            version: u32,
            questions: BTreeMap<String, Old>,
        }
        // Only deepstep's own old format is imported; any other
        // `progress.json` (another program's, in a shared folder) is not ours
        // to rename and is left exactly as it is.
        let Some(old) = serde_json::from_slice::<OldFile>(&bytes).ok().filter(|o| o.version == 1) else { return };
        let result = (|| -> rusqlite::Result<()> {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            for (id, o) in &old.questions {
                // The Leitner box becomes the interval the card was on.
                let days = [0, 1, 3, 7, 16][usize::from(o.leitner_box.clamp(1, 5)) - 1];
                let mut card = schedule::new_card(o.last);
                card.reps = (o.right + o.wrong).min(i32::MAX as u32) as i32;
                card.lapses = o.wrong.min(i32::MAX as u32) as i32;
                card.state = if o.right + o.wrong == 0 { 0 } else { 2 };
                card.stability = (days as f64).max(0.5);
                card.difficulty = 5.0;
                card.scheduled_days = days;
                let r = Record { due: o.due, right: o.right, wrong: o.wrong, last: o.last, card };
                // A card this database already has (answered since) is newer: keep it.
                let known: Option<i64> =
                    tx.query_row("SELECT 1 FROM card WHERE id = ?1", [id], |r| r.get(0)).optional()?;
                if known.is_none() {
                    write_card(&tx, id, &r)?;
                }
            }
            tx.commit()
        })();
        if result.is_ok() && std::fs::rename(&json, json.with_file_name("progress.json.imported")).is_ok() {
            self.notices.push(Notice::Imported { from: json, count: old.questions.len() });
        }
    }

    /// How many cards are due at `now` (None when nothing is saved).
    pub fn due_count(&self, now: u64) -> Option<usize> {
        let conn = self.conn.as_ref()?;
        conn.query_row("SELECT count(*) FROM card WHERE due <= ?1", [now as i64], |r| r.get::<_, i64>(0))
            .ok()
            .map(|n| n.max(0) as usize)
    }

    /// What the log and the cards say, at `now` (days are UTC days).
    pub fn stats(&self, now: u64) -> Result<Stats, Refused> {
        if let Some(r) = &self.refused {
            return Err(r.clone());
        }
        let Some(conn) = &self.conn else { return Ok(Stats::default()) };
        let e = |e: rusqlite::Error| self.failed(&e);
        let mut stmt = conn.prepare("SELECT id, topic, time, result FROM review ORDER BY seq").map_err(e)?;
        let rows: Vec<(String, String, u64, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)?.max(0) as u64, r.get(3)?)))
            .map_err(e)?
            .collect::<rusqlite::Result<_>>()
            .map_err(e)?;
        let mut st = Stats::default();
        let today = now / schedule::DAY;
        let mut seen = std::collections::BTreeSet::new();
        let mut days = std::collections::BTreeSet::new();
        for (id, topic, time, result) in &rows {
            if result == "skipped" {
                continue;
            }
            let right = result == "right";
            let t = st.topics.entry(topic.clone()).or_default();
            t.answered += 1;
            t.right += usize::from(right);
            // A review is an answer to a question answered before.
            if !seen.insert(id.clone()) {
                st.reviewed += 1;
                st.retained += usize::from(right);
            }
            let day = time / schedule::DAY;
            days.insert(day);
            if day <= today && today - day < 30 {
                st.per_day[(29 - (today - day)) as usize] += 1;
            }
        }
        let mut d = today;
        while days.contains(&d) {
            st.streak += 1;
            d = d.wrapping_sub(1);
        }
        let mut stmt = conn.prepare("SELECT due FROM card").map_err(e)?;
        for due in stmt.query_map([], |r| r.get::<_, i64>(0)).map_err(e)? {
            let due = due.map_err(e)?.max(0) as u64;
            let day = (due / schedule::DAY).saturating_sub(today);
            if due <= now {
                st.due_now += 1;
                st.forecast[0] += 1;
            } else if day < 14 {
                st.forecast[day as usize] += 1;
            }
        }
        // A version-1 file read without writing has no practice table yet:
        // then there is no practice to count (its answers still are).
        st.practice = self.practice().unwrap_or_default();
        Ok(st)
    }

    /// Every card, read now.
    pub fn load(&self) -> Result<Progress, Refused> {
        let Some(conn) = &self.conn else { return Ok(Progress::default()) };
        let e = |e: rusqlite::Error| self.failed(&e);
        let mut stmt = conn.prepare("SELECT * FROM card").map_err(e)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>("id")?, row_record(r)?)))
            .map_err(e)?
            .collect::<rusqlite::Result<BTreeMap<_, _>>>()
            .map_err(e)?;
        Ok(Progress { questions: rows })
    }

    /// Record one answer: read the card as it is now, schedule, write the
    /// card and append the review, in one immediate transaction. Returns the
    /// card after it (None for a skip, which is logged but not graded).
    pub fn record(&mut self, review: &Review) -> Result<Option<Record>, Refused> {
        let not_open = self.not_open();
        let Some(conn) = self.conn.as_mut() else { return Err(not_open) };
        let mut run = || -> rusqlite::Result<Option<Record>> {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let now_card = tx.query_row("SELECT * FROM card WHERE id = ?1", [&review.id], row_record).optional()?;
            let after = review.outcome.map(|o| schedule::answer(now_card, schedule::rating(o), review.time));
            if let Some(r) = &after {
                write_card(&tx, &review.id, r)?;
            }
            let o = review.outcome.unwrap_or(Outcome { right: false, hint: false, seconds: 0 });
            let result = match review.outcome {
                None => "skipped",
                Some(o) if o.right => "right",
                Some(_) => "wrong",
            };
            tx.execute(
                "INSERT INTO review (id, topic, time, result, hint, skipped, seconds, given, version)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    review.id,
                    review.topic,
                    review.time as i64,
                    result,
                    o.hint,
                    review.outcome.is_none(),
                    o.seconds.min(i64::MAX as u64) as i64,
                    review.given,
                    env!("CARGO_PKG_VERSION")
                ],
            )?;
            tx.commit()?;
            Ok(after)
        };
        let result = run();
        result.map_err(|e| self.failed(&e))
    }

    /// The review log of one question, oldest first: (time, result, hint, seconds).
    pub fn log(&self, id: &str) -> Result<Vec<(u64, String, bool, u64)>, Refused> {
        let Some(conn) = &self.conn else { return Ok(vec![]) };
        let e = |e: rusqlite::Error| self.failed(&e);
        let mut stmt =
            conn.prepare("SELECT time, result, hint, seconds FROM review WHERE id = ?1 ORDER BY seq").map_err(e)?;
        stmt.query_map([id], |r| {
            Ok((r.get::<_, i64>(0)?.max(0) as u64, r.get(1)?, r.get(2)?, r.get::<_, i64>(3)?.max(0) as u64))
        })
        .map_err(e)?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(e)
    }

    /// The progress at `path` read without changing anything there (the
    /// headless form): missing is empty; anything else that cannot be read is
    /// refused.
    pub fn peek(path: &Path) -> Result<Progress, Refused> {
        match Store::reader(path)? {
            Some(store) => store.load(),
            None => Ok(Progress::default()),
        }
    }

    /// Why nothing is saved, if the path could not be used.
    pub fn refusal(&self) -> Option<&Refused> {
        self.refused.as_ref()
    }

    /// A read or write of the open database failed: what that means here.
    fn failed(&self, e: &rusqlite::Error) -> Refused {
        Refused::Trouble { path: self.path.clone(), trouble: Trouble::of_sqlite(e) }
    }

    /// Why this store saves nothing.
    fn not_open(&self) -> Refused {
        self.refused.clone().unwrap_or(Refused::Trouble { path: self.path.clone(), trouble: Trouble::CannotOpen })
    }
}

/// Counts for the statistics screen and `quiz --stats`.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Stats {
    /// Topic → answers (skips left out) and right ones.
    pub topics: BTreeMap<String, TopicStats>,
    /// Answers to questions answered before, and the right ones among them.
    pub reviewed: usize,
    pub retained: usize,
    /// Answers per UTC day, the last 30 days, today last.
    pub per_day: [usize; 30],
    /// Cards due per day, the next 14 days, today (and overdue) first.
    pub forecast: [usize; 14],
    /// Cards due now (overdue included): what a review asks, and what the
    /// home screen's Review count says; `forecast[0]` adds later today's.
    pub due_now: usize,
    /// Days in a row, up to today, with at least one answer.
    pub streak: usize,
    /// The practice exercises' records (passed, time, hints), saved in the
    /// same store by `deepstep practice`.
    pub practice: Vec<PracticeRecord>,
}

#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct TopicStats {
    pub answered: usize,
    pub right: usize,
}
