//! The kit that lessons draw with: the theme, key tables (footer and help are
//! generated from them), number grids and the frame around every screen.

pub mod chrome;
pub mod drawn;
pub mod grid;
pub mod keys;
pub mod log_chart;
pub mod theme;
pub mod width;
