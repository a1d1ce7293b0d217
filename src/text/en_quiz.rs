//! The quiz's words in English (split from `en.rs` to keep files small).

use crate::text::*;

pub const EN_QUIZ: QuizText = QuizText {
    title: "Quiz",
    title_review: "Review",
    question_of: |n, total| format!("question {n} of {total}"),
    topic_names: ["chain rule", "Bayes' rule", "convolution", "RNNs & BPTT", "maximum likelihood", "gradient descent"],
    how_choice: "Choose with 1-4 or a-d, then Enter.",
    how_numeric: |tol| format!("Type a number (0.25, .25, 1/4 or 25%; within ±{tol}), then Enter."),
    how_numeric_exact: "Type the exact number, then Enter.",
    how_truefalse: "1 or t: true, 2 or f: false; then Enter.",
    how_order: "Pick the terms in order with their numbers (Backspace takes one back), then Enter.",
    true_label: "true",
    false_label: "false",
    your_answer: "your answer",
    picked: "picked so far",
    right_mark: "   <- the answer",
    right: "Right!",
    wrong: "Not quite.",
    skipped: "Skipped.",
    the_answer: |a| format!("The answer: {a}"),
    you_gave: |a| format!("You answered: {a}"),
    why_not: "Why that answer is tempting, and wrong:",
    slip: |g, m| {
        use crate::math::slip::Mistake as M;
        match m {
            M::ConvSize(c) => {
                format!("{g} is what this slip in the formula gives: {}", super::en_diagnose::conv_size(c).0)
            }
            M::BiasLeftOut => {
                format!("{g} counts the weights only: every output channel has a bias too, one more parameter each.")
            }
            M::BothSidesPadding => {
                format!("{g} is D(K − 1), the padding both sides need together: each side gets half of it.")
            }
            M::PowerOffByOne => format!(
                "{g} has one factor of w too many or too few: each step back multiplies by w once, so count the steps."
            ),
            M::JointForConditional => format!(
                "{g} is the joint probability of both events: the conditional divides it by the probability of what is given."
            ),
            M::Inverted => format!(
                "{g} is P(E | H), the likelihood: the question asks for P(H | E), which Bayes' rule makes of it."
            ),
            M::NotNormalised => {
                format!("{g} is P(E | H) P(H), the numerator: divided by the evidence P(E) it becomes the posterior.")
            }
            M::VarianceForSigma => format!("{g} is σ̂², the variance: σ̂ is its square root."),
            M::NMinusOne => {
                format!("{g} divides by n − 1 (the sample standard deviation); the maximum-likelihood σ̂ divides by n.")
            }
        }
    },
    explanation: "Explanation",
    factors: "The factors written out",
    hint: "Hint",
    no_hint: "No hint for this one: read the question once more, term by term.",
    not_a_number: "Type a number, like 0.25, .25, 1/4 or 25%.",
    pick_every_term: "Pick every term before Enter.",
    choose_first: "Choose an answer first.",
    summary: "Round summary",
    summary_row: |topic, right, answered, skipped| {
        if skipped == 0 {
            format!("{topic}: {right} of {answered} right")
        } else {
            format!("{topic}: {right} of {answered} right, {skipped} skipped")
        }
    },
    summary_total: |right, answered| format!("In all: {right} of {answered} right."),
    review_topics: |topics| format!("Review: {topics}."),
    review_questions: |due_in| match due_in {
        Some(w) => format!(
            "Questions to look at again (answered wrong, so due for review again in {}: Review asks them from then):",
            when(w)
        ),
        None => "Questions to look at again (this run saves nothing, so no review is planned):".to_string(),
    },
    stats_practice: "practice (`deepstep practice`): passed, time spent, hints used:",
    stats_practice_row: |e, passed, minutes, hints| {
        let state = if passed { "passed" } else { "not passed yet" };
        let hints = if hints == 1 { "1 hint".to_string() } else { format!("{hints} hints") };
        format!("  {e}: {state}, {minutes} min, {hints}")
    },
    stats_due_now: |now, later| {
        format!("due now: {now} (what Review asks now, the home screen's count); later today: {later}")
    },
    all_right: "Everything right. These questions come back in a few days, to check they stay learned.",
    due_now: |n| format!("{n} questions are due for review now: `deepstep quiz --review`."),
    nothing_due: "Nothing is due for review.",
    next_due_in: |wait| format!("The next question is due in {}.", when(wait)),
    never_answered: "No question has been answered yet: start with `deepstep quiz`.",
    progress_at: |p| format!("progress saved in {p}"),
    not_saved: "progress is not saved in this run",
    moved_aside: |p, b| format!("{p} was damaged: it was kept as {b}, and a new progress file starts now."),
    not_saving: |why| format!("Progress is not saved in this run: {why}"),
    save_failed: |why| format!("This answer was not saved: {why}"),
    stats_title: "Statistics",
    stats_empty: "No answers yet: start with `deepstep quiz`.",
    stats_topic: |t, r, a, p| format!("{t}: {r} of {a} right ({p})"),
    stats_retention: |r, n, p| {
        format!("retention: {r} of {n} reviews right ({p}); a review is an answer to a question answered before")
    },
    stats_per_day: |m| {
        if m > 0 {
            format!("answers per day, the last 30 days (UTC days, today last; _ = none, @ = {m}):")
        } else {
            "answers per day, the last 30 days (UTC days, today last; _ = none):".to_string()
        }
    },
    stats_total: |n| format!("{n} in all"),
    stats_forecast: |m| {
        if m > 0 {
            format!("due per day, the next 14 days (+0 is today, overdue included; _ = none, @ = {m}):")
        } else {
            "due per day, the next 14 days (+0 is today, overdue included; _ = none):".to_string()
        }
    },
    stats_streak: |d| {
        if d == 1 {
            "streak: 1 day with an answer".to_string()
        } else {
            format!("streak: {d} days in a row with an answer")
        }
    },
    exported: |n, p| format!("{n} questions written to {p} (Anki: File > Import, tab-separated)"),
    imported: |f, n| format!("{n} questions' progress imported from {f} (renamed progress.json.imported)."),
    refused_not_regular: |p, k| {
        format!(
            "{p} is a {k}, not a progress file, so it was left as it is: give the path of a file with `--progress`."
        )
    },
    file_kind: |k| match k {
        "directory" => "directory",
        "pipe" => "pipe",
        "device" => "device",
        _ => "special file",
    },
    refused_not_ours: |p| {
        format!(
            "{p} is not a deepstep progress file, so it was left as it is: give another path with `--progress` (a new file is made there)."
        )
    },
    refused_foreign_wal: |p| {
        format!(
            "{p}-wal beside {p} belongs to another database, so both were left as they are: move {p}-wal away if it is not needed, or give another path with `--progress`."
        )
    },
    refused_newer: |p| {
        format!(
            "{p} was saved by a newer version of deepstep, so it was left as it is: update deepstep to use it, or give another path with `--progress`."
        )
    },
    trouble_read_only: |p| {
        format!(
            "{p} cannot be written: the file or its folder is read-only. Make it writable (chmod u+w), or give another path with `--progress`."
        )
    },
    trouble_full: |p| format!("{p} cannot be written: the disk is full. Free some space, then try again."),
    trouble_permission: |p| {
        format!("{p} cannot be opened: permission denied. Use a file you own, or give another path with `--progress`.")
    },
    trouble_not_a_directory: |p| {
        format!(
            "{p} cannot be used: a part of its folder path is a file, not a folder. Give another path with `--progress`."
        )
    },
    trouble_cannot_open: |p| {
        format!(
            "{p} cannot be opened or made: check that its folder exists and can be written, or give another path with `--progress`."
        )
    },
    trouble_busy: |p| format!("{p} is held by another deepstep for too long: let it finish, then try again."),
    trouble_damaged: |p| {
        format!(
            "{p} is damaged and cannot be read, so it was left as it is: open `deepstep quiz` in a terminal to keep it aside under a new name and start a new file."
        )
    },
    trouble_io: |p| format!("{p} could not be read or written (a disk error): check the disk, then try again."),
    trouble_other: |p, r| format!("{p} cannot be used ({r}): give another path with `--progress`."),
    gen_table: |names| format!("A joint table P({names}); each entry is the states, then the probability:"),
    gen_what_is: |e| format!("What is {e}?"),
    gen_posterior: |e| format!("By Bayes' rule, with A as the hypothesis: what is {e}?"),
    gen_product: |names, prod| format!("True or false: for this table, P({names}) = {prod}?"),
    gen_hint_conditional: "Add the entries that match both the event and the condition; divide by the sum of the entries that match the condition.",
    gen_hint_marginal: "Add every entry in which the variable has that value.",
    gen_hint_posterior: "posterior = likelihood × prior / evidence, and the evidence sums likelihood × prior over every value of A.",
    gen_hint_product: "Multiply the factors' values at an entry and compare with the table: one entry that differs makes it false, but it holds only if every entry matches.",
    gen_why_conditional: "By the definition of conditional probability, P(X | Y) = P(X, Y) / P(Y):",
    gen_why_marginal: |e| {
        format!("Sum the joint over every entry with {e} (the other variables are marginalised out):")
    },
    gen_why_posterior: "Bayes' rule inverts a conditional, so it must divide by the evidence:",
    prior: "prior",
    likelihood: "likelihood",
    evidence: "evidence",
    posterior: "posterior",
    gen_why_product: |holds| {
        if holds {
            "Equal: each factor conditions on everything before it (the chain rule), so every entry matches."
                .to_string()
        } else {
            "Not equal: a factor drops a variable it depends on, which assumes an independence this table does not have.".to_string()
        }
    },
    gen_dropped: |factor, left, var, given| {
        let known = if given.is_empty() { String::new() } else { format!(" even when {given} is known") };
        format!(
            "{factor} leaves out {left}, which the chain rule conditions on here: in this table {var} depends on {left}{known}."
        )
    },
    gen_sample: |xs| format!("A sample from a normal distribution: {xs}."),
    gen_ask_mean: "What is the maximum-likelihood estimate μ̂?",
    gen_ask_sigma: "What is the maximum-likelihood estimate σ̂ (the standard deviation)?",
    gen_hint_mean: "Set ∂ℓ/∂μ = Σ (x_i − μ)/σ² to 0.",
    gen_hint_sigma: "First x̄; then the squared deviations from it, summed; then set ∂ℓ/∂σ = −n/σ + Σ (x_i − x̄)²/σ³ to 0.",
    gen_why_mean: |sum, n, mean| format!("μ̂ = x̄ = {sum}/{n} = {mean}"),
    gen_why_sigma: |sq, eq, ss, n, var, sigma| {
        format!("Σ (x_i − x̄)² = {sq} {eq} {ss};  σ̂² = {ss}/{n} = {var};  σ̂ = √σ̂² = {sigma}")
    },
    gen_why_unbiased: |ss, n1, s2, s| {
        format!("(Dividing by n − 1 instead gives s² = {ss}/{n1} = {s2}, s = {s}: the unbiased variance, not the MLE.)")
    },
    gen_largest_gap: |g| format!("Largest |product − joint| over all entries: {g}"),
    bank_invalid: |n| {
        if n == 1 {
            "1 problem found; the bank was not loaded.".to_string()
        } else {
            format!("{n} problems found; the bank was not loaded.")
        }
    },
    bank_valid: |f, n| format!("{f}: {n} questions, no problems."),
    bank_longest_keyed: |f, lang, k, n, ids| {
        let lang = if lang == "ko" { "Korean" } else { "English" };
        format!(
            "{f}: in {lang}, the right option is the longest in {k} of {n} choice questions ({ids}); \
             at most one in three may be, or the length gives the answer away. \
             Shorten the right option or give a wrong one the same care."
        )
    },
};

/// A wait in its unit: "under a minute", "1 minute", "3 hours", "2 days and 1 hour".
fn when(wait: Wait) -> String {
    let n = |k: u64, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    match wait {
        Wait::UnderAMinute => "under a minute".to_string(),
        Wait::Minutes(m) => n(m, "minute", "minutes"),
        Wait::Hours(h) => n(h, "hour", "hours"),
        Wait::DaysHours(d, 0) => n(d, "day", "days"),
        Wait::DaysHours(d, h) => format!("{} and {}", n(d, "day", "days"), n(h, "hour", "hours")),
    }
}
