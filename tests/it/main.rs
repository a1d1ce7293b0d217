//! Every integration test, in one crate: one binary to build and link instead
//! of one per file (the build, not the tests, is most of CI's time). Each
//! module is what was one test file; run one with `cargo test --test it
//! <module>::` (for example `cargo test --test it rnn_lab::`).

mod bounds;
mod cases;
mod cli;
mod common;
mod conv_lab;
mod conv_math;
mod conv_screen;
mod count_lab;
mod count_screen;
mod e2e;
mod exercises;
mod gd_lab;
mod gd_math;
mod golden;
mod gradcheck;
mod i18n;
mod layers;
mod linreg_lab;
mod linreg_math;
mod linreg_words;
mod math_holes;
mod mle_lab;
mod mle_math;
mod mle_screen;
mod mle_words;
mod notes;
mod practice_adversarial;
mod practice_batch;
mod practice_check;
mod practice_screen;
mod progress_paths;
mod properties;
mod pty;
mod python_env;
mod python_package;
mod quiz;
mod quiz_banks;
mod quiz_screens;
mod quiz_slips;
mod registry;
mod render;
mod rnn_lab;
mod rnn_worker;
mod rnn_measure;
mod rnn_screen;
mod rnn_words;
mod robust;
mod rprop;
mod snapshots;
mod sweep;
mod unit;
mod walker;
mod words_truth;
