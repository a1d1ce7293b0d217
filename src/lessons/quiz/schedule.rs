//! Review scheduling with Leitner boxes: a right answer moves a question up a
//! box (it comes back later), a wrong one sends it back to box 1 (it is due at
//! once). Pure functions of the record and the time, so tests set the clock.

use serde::{Deserialize, Serialize};

pub const DAY: u64 = 24 * 60 * 60;
/// Days until a question in box b (1-based) is due again.
pub const INTERVAL_DAYS: [u64; 5] = [0, 1, 3, 7, 16];
pub const TOP_BOX: u8 = 5;

/// What deepstep remembers of one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Leitner box, 1 to 5.
    #[serde(rename = "box")]
    pub leitner_box: u8,
    /// Unix seconds when it is due again.
    pub due: u64,
    pub right: u32,
    pub wrong: u32,
    /// Unix seconds of the last answer.
    pub last: u64,
}

/// The record after an answer at `now`.
pub fn answer(before: Option<Record>, right: bool, now: u64) -> Record {
    let (b, r, w) = before.map_or((0, 0, 0), |r| (r.leitner_box, r.right, r.wrong));
    let leitner_box = if right { (b.max(1) + 1).min(TOP_BOX) } else { 1 };
    let days = INTERVAL_DAYS[(leitner_box - 1) as usize];
    Record {
        leitner_box,
        due: now.saturating_add(days * DAY),
        right: r + right as u32,
        wrong: w + !right as u32,
        last: now,
    }
}

pub fn is_due(r: &Record, now: u64) -> bool {
    r.due <= now
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_moves_up_wrong_starts_over() {
        let t0 = 1_000_000;
        let r1 = answer(None, true, t0);
        assert_eq!((r1.leitner_box, r1.due), (2, t0 + DAY));
        let r2 = answer(Some(r1), true, t0 + DAY);
        assert_eq!((r2.leitner_box, r2.due), (3, t0 + 4 * DAY));
        assert!(!is_due(&r2, t0 + 2 * DAY) && is_due(&r2, t0 + 4 * DAY));
        let w = answer(Some(r2), false, t0 + 5 * DAY);
        assert_eq!((w.leitner_box, w.due, w.right, w.wrong), (1, t0 + 5 * DAY, 2, 1));
        assert!(is_due(&w, t0 + 5 * DAY), "a wrong answer is due at once");
        let mut r = w;
        for _ in 0..10 {
            r = answer(Some(r), true, t0);
        }
        assert_eq!(r.leitner_box, TOP_BOX);
    }
}
