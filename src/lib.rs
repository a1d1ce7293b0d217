//! deepstep: a terminal tutor for the math of a first deep-learning week.
//!
//! Floors, bottom up (no import points up a floor): `math`, `text`, `ui`,
//! `assets` → `lessons` → `app`, `cli` → `main`. See docs/DESIGN.md.

pub mod app;
pub mod assets;
pub mod cli;
pub mod lessons;
pub mod math;
pub mod practice;
pub mod text;
pub mod ui;
