//! Tests of `deepstep::lessons::cycle` (`src/lessons/cycle.rs`).

use deepstep::lessons::cycle::*;

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
