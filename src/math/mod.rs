//! The textbook: every number deepstep shows is computed here.
//!
//! Pure functions on `ndarray` arrays, f64 throughout. Nothing in this module
//! knows about the terminal, files or the lessons above it. Each backward
//! function sits beside its forward function, with the formula it implements.

pub mod activation;
pub mod axis;
pub mod conv;
pub mod counting_rnn;
pub mod expr;
pub mod format;
pub mod fresh;
pub mod gd;
pub mod kernels;
pub mod linreg;
pub mod mle;
pub mod parse;
pub mod practice;
pub mod practice_conv_size;
pub mod prob;
pub mod rng;
pub mod rnn;
pub mod scaled;
pub mod slip;
