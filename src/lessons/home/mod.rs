//! The home screen: the list of lessons.

pub mod state;
pub mod view;
