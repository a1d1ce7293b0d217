//! Tests of `deepstep::lessons::input` (`src/lessons/input.rs`).

use deepstep::lessons::input::*;

#[test]
fn edits_count_characters_not_bytes() {
    let mut i = TextInput::default();
    for c in "1한2".chars() {
        i.insert(c);
    }
    i.left();
    i.backspace(); // removes 한
    assert_eq!((i.buffer.as_str(), i.cursor), ("12", 1));
    assert_eq!(i.before_caret(), "1");
    i.right();
    assert_eq!(i.edit(Edit::Right), None);
    assert_eq!(i.cursor, 2);
    assert_eq!(i.edit(Edit::Submit), Some(Edit::Submit));
    i.left();
    i.left();
    i.left();
    i.backspace();
    assert_eq!((i.buffer.as_str(), i.cursor), ("12", 0));
}
