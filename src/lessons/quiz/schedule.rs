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

fn time(secs: u64) -> DateTime<Utc> {
    Utc.timestamp_opt(secs.min(i64::MAX as u64) as i64, 0).single().unwrap_or_default()
}

fn secs(t: DateTime<Utc>) -> u64 {
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

fn from_card(c: &Card) -> CardState {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_follow_the_answer() {
        let o = |right, hint, seconds| rating(Outcome { right, hint, seconds });
        assert_eq!(o(false, false, 3), Rating::Again);
        assert_eq!(o(false, true, 300), Rating::Again);
        assert_eq!(o(true, true, 3), Rating::Hard);
        assert_eq!(o(true, false, QUICK_SECONDS), Rating::Easy);
        assert_eq!(o(true, false, QUICK_SECONDS + 1), Rating::Good);
    }

    /// The intervals for a scripted history equal the crate's own for the
    /// same ratings (the stored round trip loses nothing).
    #[test]
    fn intervals_equal_the_crates_own() {
        let t0: u64 = 1_800_000_000;
        let script = [Rating::Good, Rating::Good, Rating::Again, Rating::Hard, Rating::Easy, Rating::Good];
        let fsrs = FSRS::default();
        let mut card = Card { due: time(t0), last_review: time(t0), ..Default::default() };
        let mut rec: Option<Record> = None;
        let mut now = t0;
        for r in script {
            card = fsrs.next(card, time(now), r).card;
            let next = answer(rec, r, now);
            assert_eq!(next.due, secs(card.due), "{r:?} at {now}");
            assert_eq!(next.card, from_card(&card));
            rec = Some(next);
            now = next.due.max(now + 60);
        }
        let r = rec.unwrap();
        assert_eq!((r.right, r.wrong), (5, 1));
        assert!(r.due > now - 60 && !is_due(&r, r.due - 1) && is_due(&r, r.due));
    }

    #[test]
    fn a_wrong_answer_comes_back_sooner_than_a_right_one() {
        let t0 = 1_800_000_000;
        let good = answer(None, Rating::Good, t0);
        let again = answer(None, Rating::Again, t0);
        assert!(again.due <= good.due, "{} vs {}", again.due, good.due);
        assert!(again.due - t0 < DAY, "wrong: back within the day");
    }
}
