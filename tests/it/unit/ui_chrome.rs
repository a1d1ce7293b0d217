//! Tests of `deepstep::ui::chrome` (`src/ui/chrome.rs`).

use deepstep::ui::chrome::*;

#[test]
fn keys_that_do_one_thing_share_a_help_row() {
    let rows = [("Home/g", "first / last"), ("x", "other"), ("End/G", "first / last"), ("1-4", "c"), ("1-4", "c")];
    assert_eq!(
        merged(&rows),
        vec![("Home/g, End/G".to_string(), "first / last"), ("x".to_string(), "other"), ("1-4".to_string(), "c")]
    );
}

#[test]
fn marks_go_before_the_title_only_when_set() {
    assert_eq!(marked_title(&[(true, "◂▸"), (false, "▴"), (true, "▾")], "input x"), "◂▸▾ input x");
    assert_eq!(marked_title(&[(false, "▴")], "input x"), "input x");
}
