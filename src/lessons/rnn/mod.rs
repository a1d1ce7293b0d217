//! The RNN lesson. Built so far: its model (`state`) and its headless forms
//! (`report`: `deepstep rnn --print` and `deepstep sweep`). The interactive lab
//! (timeline, charts, predict mode) is not built yet.

pub mod keys;
pub mod lab;
pub mod note;
pub mod report;
pub mod state;
pub mod view;
