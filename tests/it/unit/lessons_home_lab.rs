//! Tests of `deepstep::lessons::home::lab` (`src/lessons/home/lab.rs`).

use deepstep::lessons::home::lab::*;
use deepstep::lessons::registry::LESSONS;

#[test]
fn moves_wrap_and_open_the_selected_lesson() {
    let mut h = Home::default();
    h.update(Action::Up);
    assert_eq!(h.selected, LESSONS.len() - 1, "Up from the first wraps to the last");
    h.update(Action::Down);
    assert_eq!(h.selected, 0, "Down from the last wraps to the first");
    h.update(Action::Down);
    h.update(Action::Down);
    assert_eq!(LESSONS[h.update(Action::Open).unwrap()].stem, "quiz");
    h.update(Action::Up);
    h.update(Action::Up);
    assert_eq!(h.selected, 0);
    assert_eq!(LESSONS[h.update(Action::Open).unwrap()].stem, "convolution");
    assert_eq!(h.update(Action::OpenAt(1)), Some(1));
    assert_eq!(h.selected, 1);
    assert_eq!(h.update(Action::OpenAt(LESSONS.len())), None);
}
