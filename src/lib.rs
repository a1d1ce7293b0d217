//! deepstep: a terminal tutor for the math of a first deep-learning week.
//!
//! Floors, bottom up (no import points up a floor, and no two files import
//! each other; `tests/it/layers.rs` holds the order and checks it): `math` →
//! `practice` (the checker) → `text` → `ui`, `assets` → `progress` (the
//! store) → `lessons`' shared parts (`lesson`, `input`, `cycle`, `notes`,
//! `predict`, `wake`) → each lesson → `lessons::registry` → `lessons::home` → `app`,
//! `cli` → `main`. See docs/DESIGN.md.

pub mod app;
pub mod assets;
pub mod cli;
pub mod lessons;
pub mod math;
pub mod practice;
pub mod progress;
pub mod text;
pub mod ui;
