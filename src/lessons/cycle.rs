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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_wrap_and_ladders_stop() {
        let all = ['a', 'b', 'c'];
        assert_eq!(cycle(&all, 'a', 1), 'b');
        assert_eq!(cycle(&all, 'c', 1), 'a');
        assert_eq!(cycle(&all, 'a', -1), 'c');
        assert_eq!(cycle(&all, 'b', 4), 'c');
        assert_eq!(position(&all, &'z'), 0);
        assert_eq!(stop(&all, 'c', 1), 'c');
        assert_eq!(stop(&all, 'a', -1), 'a');
        assert_eq!(stop(&all, 'a', 1), 'b');
        let steps = [1, 2, 5, 10];
        assert_eq!(ladder(&steps, 2, 1), 5);
        assert_eq!(ladder(&steps, 10, 1), 10);
        assert_eq!(ladder(&steps, 1, -1), 1);
        assert_eq!(ladder(&steps, 3, 1), 10, "3 sits below 5: one up from 5");
        assert_eq!(ladder(&steps, 3, -1), 2);
        assert_eq!(ladder(&steps, 50, -1), 5);
    }
}
