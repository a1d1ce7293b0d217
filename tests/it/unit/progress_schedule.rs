//! Tests of `deepstep::progress::schedule` (`src/progress/schedule.rs`).

use deepstep::progress::schedule::*;
use rs_fsrs::{Card, FSRS, Rating};

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
