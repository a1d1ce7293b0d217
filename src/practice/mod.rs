//! Practice: the learner writes the week's code in Python and deepstep
//! checks it against its own math, naming the misconception behind a wrong
//! number.
//!
//! `exercise` lists the exercises, `cases` makes each one's cases with the
//! right answers and the mistakes' answers (from `math::practice`),
//! `diagnose` names the families of mistakes any exercise can make
//! (`family`), `python` runs the embedded harness with the learner's
//! interpreter under a time and memory limit, `check` turns its reply into a
//! verdict, `folder` finds the exercise files, `notebook` reads `.ipynb`
//! files. Nothing here writes words: a verdict is put in words by
//! `lessons::practice::words`, above `text`, so the layers point one way
//! (`text` names this module's exercises and mistakes).

pub mod cases;
pub mod check;
pub mod diagnose;
pub mod exercise;
pub mod family;
pub mod folder;
pub mod notebook;
pub mod python;
pub mod value;
