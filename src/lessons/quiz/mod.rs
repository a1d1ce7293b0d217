//! The quiz: banks of questions (TOML, embedded), questions generated from
//! `math::prob`, rounds planned from the saved progress, and Leitner review.

pub mod bank;
pub mod generate;
pub mod keys;
pub mod lab;
pub mod note;
pub mod progress;
pub mod report;
pub mod round;
pub mod schedule;
pub mod view;
pub mod words;
