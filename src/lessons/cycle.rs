//! Turning a knob through a list of values: `cycle` wraps around (modes,
//! charts), `stop` and `ladder` stop at the ends (which knob is selected, so
//! it never jumps from the last to the first unseen; a learning rate, a
//! sequence length).

/// Where `v` is in `all` (0 when it is not there).
pub fn position<T: PartialEq>(all: &[T], v: &T) -> usize {
    all.iter().position(|x| x == v).unwrap_or(0)
}

/// The value `delta` places after `current` in `all`, wrapping around.
pub fn cycle<T: PartialEq + Copy>(all: &[T], current: T, delta: i64) -> T {
    let n = all.len() as i64;
    all[(position(all, &current) as i64 + delta).rem_euclid(n) as usize]
}

/// The value `delta` places after `current` in `all`, staying at the ends.
pub fn stop<T: PartialEq + Copy>(all: &[T], current: T, delta: i64) -> T {
    let last = all.len().saturating_sub(1) as i64;
    all[(position(all, &current) as i64 + delta).clamp(0, last) as usize]
}

/// The next value of a ladder (or the previous, for delta < 0), staying on
/// it: a value between two steps moves from the step at or above it.
pub fn ladder<T: PartialOrd + Copy>(steps: &[T], v: T, delta: i64) -> T {
    let i = steps.iter().position(|s| *s >= v).unwrap_or(steps.len() - 1) as i64;
    steps[(i + delta).clamp(0, steps.len() as i64 - 1) as usize]
}
