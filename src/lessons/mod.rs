//! One folder per lesson: `state.rs` is the model and its update (pure: no
//! terminal, no IO), `keys.rs` the key table, `view.rs` draws the state, and
//! `report.rs` writes it as plain text for `--print`.

pub mod conv;
pub mod exercises;
pub mod home;
pub mod input;
pub mod notes;
pub mod quiz;
pub mod rnn;
