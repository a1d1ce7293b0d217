//! The convolution lab: step through a convolution, forward and backward,
//! one frame (one output value) or one tap (one multiply) at a time.

pub mod keys;
pub mod note;
pub mod report;
pub mod state;
pub mod view;

pub use state::{Action, ConvLab, Mode};
