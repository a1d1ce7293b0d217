//! The exercise labs: the counting-ones RNN and gradient-descent linear
//! regression, each a lab (state, keys, view) and a headless form (`report`).

pub mod count_keys;
pub mod count_lab;
pub mod count_note;
pub mod count_view;
pub mod linreg_keys;
pub mod linreg_lab;
pub mod linreg_note;
pub mod linreg_view;
pub mod report;
