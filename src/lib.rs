//! deepstep: a terminal tutor for the math of a first deep-learning week.
//!
//! Floors, bottom up (no import points up a floor): `math`, `assets` →
//! (lessons, app, cli). See docs/DESIGN.md.

pub mod assets;
pub mod math;
