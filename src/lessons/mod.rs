//! One folder per lesson. In each: `lab.rs` is the model and its `update`
//! (pure: no terminal, no IO, no clock), `keys.rs` the key table, `view.rs`
//! draws the model, `note.rs` writes it as a study note, `report.rs` as plain
//! text for `--print`, and `mod.rs` ties them together as a `Lesson`
//! (`lesson.rs`). `registry.rs` lists the lessons.

pub mod conv;
pub mod count_rnn;
pub mod cycle;
pub mod gd;
pub mod home;
pub mod input;
pub mod lesson;
pub mod linreg;
pub mod mle;
pub mod notes;
pub mod practice;
pub mod predict;
pub mod quiz;
pub mod registry;
pub mod rnn;
pub mod wake;
