//! The practice mode's words: the exercises' tasks and hints, the named
//! mistakes with their fixes, the checker's verdicts and the screen.

use crate::practice::exercise::{Exercise, Mistake};

#[derive(Debug)]
pub struct PracticeText {
    /// A short title per exercise.
    pub title: fn(Exercise) -> &'static str,
    /// The task, written as the file's docstring (what to compute, the
    /// shapes, what is returned).
    pub task: fn(Exercise) -> &'static str,
    /// Three hints, each more specific; the last points to the lab.
    pub hints: fn(Exercise) -> [&'static str; 3],
    /// What the mistake is (what the code computes) and how to fix it.
    pub mistake: fn(Mistake) -> (String, String),
    pub readme: fn(list: &str) -> String,
    pub created: fn(path: &str) -> String,
    /// While `i` makes the files.
    pub creating: &'static str,
    pub kept: fn(path: &str) -> String,
    pub init_failed: fn(path: &str, why: &str) -> String,
    pub init_next: fn(dir: &str) -> String,
    // Verdicts.
    pub passed: fn(run: usize) -> String,
    pub not_started: &'static str,
    pub cases_pass: fn(passed: usize, run: usize) -> String,
    pub named_mistake: &'static str,
    pub fix: &'static str,
    pub first_failure: fn(case: usize, function: &str) -> String,
    pub inputs: &'static str,
    pub expected: &'static str,
    pub got: &'static str,
    pub differs_at: fn(index: &str, got: &str, want: &str) -> String,
    pub shape_differs: fn(index: &str, got: &str, want: &str) -> String,
    pub kind_differs: fn(index: &str, got: &str, want: &str) -> String,
    pub first_k: fn(k: usize) -> String,
    /// Where a difference is when it is the whole returned value.
    pub whole: &'static str,
    pub not_written: fn(function: &str) -> String,
    pub returned_none: &'static str,
    pub raised: fn(case: usize, function: &str, kind: &str, message: &str) -> String,
    pub at_line: fn(line: usize) -> String,
    pub at_cell: fn(cell: usize, line: usize) -> String,
    pub load_failed: fn(kind: &str, message: &str) -> String,
    pub missing: fn(function: &str) -> String,
    pub unknown: fn(functions: &str) -> String,
    pub unreadable: fn(why: &str) -> String,
    /// A device, a folder or a pipe given as a practice file.
    pub not_a_file: &'static str,
    /// A practice folder path where something else stands.
    pub not_a_folder: fn(dir: &str) -> String,
    pub too_large: fn(mib: u64) -> String,
    pub no_python: &'static str,
    pub no_numpy: fn(python: &str) -> String,
    pub python_failed: fn(python: &str, why: &str) -> String,
    pub timed_out: fn(seconds: u64) -> String,
    pub crashed: fn(status: &str) -> String,
    /// The function changed an input array in place (the caller's copy).
    pub mutated: fn(case: usize, function: &str, input: &str) -> String,
    pub mutated_fix: &'static str,
    /// Judging results that came from elsewhere (`practice judge`).
    pub bad_results: fn(why: &str) -> String,
    /// Checking in a notebook where a timer cannot interrupt the function.
    pub no_time_limit: &'static str,
    /// `%deepstep` in IPython with words it does not take.
    pub magic_usage: &'static str,
    /// The heading of the notebook verdict's failing-case table.
    pub failing_case: &'static str,
    // Command line.
    pub no_folder: fn(dir: &str) -> String,
    pub no_match: fn(target: &str) -> String,
    // The screen.
    pub screen_title: &'static str,
    pub state_not_started: &'static str,
    pub state_failing: &'static str,
    pub state_passing: &'static str,
    pub state_missing: &'static str,
    pub file: &'static str,
    pub folder: &'static str,
    pub last_check: &'static str,
    pub checking: &'static str,
    pub never_checked: &'static str,
    pub watching: fn(dir: &str) -> String,
    pub watch_failed: fn(why: &str) -> String,
    pub time_spent: fn(minutes: u64) -> String,
    pub take_a_break: &'static str,
    pub hint_label: fn(i: usize, n: usize) -> String,
    pub no_more_hints: &'static str,
    pub open_lab: fn(lab: &str) -> String,
    /// Panel title marks when the text goes on above or below.
    pub more_above: &'static str,
    pub more_below: &'static str,
    pub folder_missing: fn(dir: &str) -> String,
    pub saved_failed: fn(why: &str) -> String,
    pub keys: PracticeKeys,
}

/// The practice screen's key descriptions.
#[derive(Debug)]
pub struct PracticeKeys {
    pub select: &'static str,
    pub scroll: &'static str,
    pub hint: &'static str,
    pub check: &'static str,
    pub lab: &'static str,
    pub init: &'static str,
}
