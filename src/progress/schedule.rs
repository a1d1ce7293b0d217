//! Review scheduling with FSRS (the scheduler Anki uses; the `rs-fsrs`
//! crate): each answer is a rating, and the card's stability and difficulty
//! decide when it is due again. Pure functions of the record, the rating and
//! the time, so tests set the clock.
//!
//! Ratings from an answer: wrong → Again; right after the hint → Hard; right
//! within `QUICK_SECONDS` → Easy; otherwise right → Good. A skipped question
//! is not rated (it keeps its schedule).

use chrono::{DateTime, TimeZone, Utc};
use rs_fsrs::{Card, FSRS, Rating, State};

pub const DAY: u64 = 24 * 60 * 60;
/// A right answer given within this many seconds (without the hint) is Easy.
pub const QUICK_SECONDS: u64 = 15;

/// The FSRS card state, as stored (times in Unix seconds).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardState {
    pub stability: f64,
    pub difficulty: f64,
    pub elapsed_days: i64,
    pub scheduled_days: i64,
    pub reps: i32,
    pub lapses: i32,
    /// New 0, Learning 1, Review 2, Relearning 3.
    pub state: u8,
    pub last_review: u64,
}

/// What deepstep remembers of one question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Record {
    /// Unix seconds when it is due again.
    pub due: u64,
    pub right: u32,
    pub wrong: u32,
    /// Unix seconds of the last answer.
    pub last: u64,
    pub card: CardState,
}

/// How an answer went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub right: bool,
    pub hint: bool,
    pub seconds: u64,
}

/// The FSRS rating of an answer.
pub fn rating(o: Outcome) -> Rating {
    match (o.right, o.hint) {
        (false, _) => Rating::Again,
        (true, true) => Rating::Hard,
        (true, false) if o.seconds <= QUICK_SECONDS => Rating::Easy,
        (true, false) => Rating::Good,
    }
}

/// Seconds since the Unix epoch as the scheduler's time (saturating).
pub fn time(secs: u64) -> DateTime<Utc> {
    Utc.timestamp_opt(secs.min(i64::MAX as u64) as i64, 0).single().unwrap_or_default()
}

/// The scheduler's time as seconds since the Unix epoch (0 before it).
pub fn secs(t: DateTime<Utc>) -> u64 {
    t.timestamp().max(0) as u64
}

fn state_of(s: u8) -> State {
    match s {
        1 => State::Learning,
        2 => State::Review,
        3 => State::Relearning,
        _ => State::New,
    }
}

fn to_card(r: &CardState, due: u64) -> Card {
    Card {
        due: time(due),
        stability: r.stability,
        difficulty: r.difficulty,
        elapsed_days: r.elapsed_days,
        scheduled_days: r.scheduled_days,
        reps: r.reps,
        lapses: r.lapses,
        state: state_of(r.state),
        last_review: time(r.last_review),
    }
}

/// The stored form of the scheduler's card.
pub fn from_card(c: &Card) -> CardState {
    CardState {
        stability: c.stability,
        difficulty: c.difficulty,
        elapsed_days: c.elapsed_days,
        scheduled_days: c.scheduled_days,
        reps: c.reps,
        lapses: c.lapses,
        state: c.state as u8,
        last_review: secs(c.last_review),
    }
}

/// A card never answered, due at `now`.
pub fn new_card(now: u64) -> CardState {
    from_card(&Card { due: time(now), last_review: time(now), ..Default::default() })
}

/// The record after an answer rated `rating` at `now`.
pub fn answer(before: Option<Record>, r: Rating, now: u64) -> Record {
    let (card, due, right, wrong) = match before {
        Some(b) => (b.card, b.due, b.right, b.wrong),
        None => (new_card(now), now, 0, 0),
    };
    let next = FSRS::default().next(to_card(&card, due), time(now), r).card;
    let ok = r != Rating::Again;
    Record {
        due: secs(next.due),
        right: right + u32::from(ok),
        wrong: wrong + u32::from(!ok),
        last: now,
        card: from_card(&next),
    }
}

pub fn is_due(r: &Record, now: u64) -> bool {
    r.due <= now
}
