//! Tests of `deepstep::app::terminal` (`src/app/terminal.rs`).

use deepstep::app::terminal::*;
use deepstep::app::testing::terminal_restores;

#[test]
fn a_panic_restores_the_terminal_first() {
    install_panic_hook();
    let before = terminal_restores();
    let caught = std::panic::catch_unwind(|| panic!("a test panic"));
    assert!(caught.is_err());
    assert!(terminal_restores() > before, "the hook ran leave");
}
