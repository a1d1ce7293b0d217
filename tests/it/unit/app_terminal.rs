//! Tests of `deepstep::app::terminal` (`src/app/terminal.rs`).

use deepstep::app::terminal::*;

#[test]
fn a_panic_restores_the_terminal_first() {
    install_panic_hook();
    let before = leave_count();
    let caught = std::panic::catch_unwind(|| panic!("a test panic"));
    assert!(caught.is_err());
    assert!(leave_count() > before, "the hook ran leave");
}
