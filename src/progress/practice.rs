//! The practice exercises' progress, kept in the quiz's store: per
//! exercise, whether it passed, the time spent on it and the hints used.

use super::{Refused, Store};
use rusqlite::params;

/// The table (schema version 2).
pub const PRACTICE_TABLE: &str = "CREATE TABLE IF NOT EXISTS practice (
    exercise TEXT PRIMARY KEY, passed INTEGER NOT NULL, seconds INTEGER NOT NULL,
    hints INTEGER NOT NULL, updated INTEGER NOT NULL);";

#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct PracticeRecord {
    pub exercise: String,
    pub passed: bool,
    pub seconds: u64,
    pub hints: u32,
}

impl Store {
    /// Every exercise's record (empty when nothing is saved).
    pub fn practice(&self) -> Result<Vec<PracticeRecord>, Refused> {
        let Some(conn) = &self.conn else { return Ok(vec![]) };
        let e = |e: rusqlite::Error| self.failed(&e);
        let mut stmt = conn.prepare("SELECT exercise, passed, seconds, hints FROM practice").map_err(e)?;
        stmt.query_map([], |r| {
            Ok(PracticeRecord {
                exercise: r.get(0)?,
                passed: r.get(1)?,
                seconds: r.get::<_, i64>(2)?.max(0) as u64,
                hints: r.get::<_, i64>(3)?.clamp(0, u32::MAX as i64) as u32,
            })
        })
        .map_err(e)?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(e)
    }

    /// Save one exercise's record. Passing is never undone, and time and
    /// hints never go down, so a second deepstep open on the same folder
    /// cannot erase what this one recorded.
    pub fn save_practice(&mut self, r: &PracticeRecord, now: u64) -> Result<(), Refused> {
        let Some(conn) = self.conn.as_ref() else { return Err(self.not_open()) };
        conn.execute(
            "INSERT INTO practice (exercise, passed, seconds, hints, updated) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(exercise) DO UPDATE SET passed = max(passed, excluded.passed),
                 seconds = max(seconds, excluded.seconds), hints = max(hints, excluded.hints),
                 updated = excluded.updated",
            params![
                r.exercise,
                r.passed,
                r.seconds.min(i64::MAX as u64) as i64,
                r.hints,
                now.min(i64::MAX as u64) as i64
            ],
        )
        .map(|_| ())
        .map_err(|e| self.failed(&e))
    }
}
