//! Math notation written from numbers, the same in every language.

/// The RNN lab's step vectors, named for step t (math notation, the same in
/// every language): h_{t−1}, h_t, dL/dh_t, δ_t, dL/dh_{t−1}.
pub fn vector_names(t: usize) -> [String; 5] {
    let p = t.saturating_sub(1);
    [format!("h_{p}"), format!("h_{t}"), format!("dL/dh_{t}"), format!("δ_{t}"), format!("dL/dh_{p}")]
}

/// The MLE lab's sample table: its column heads, and the sums under it.
pub const SAMPLE_HEADS: [&str; 4] = ["i", "x_i", "x_i − x̄", "(x_i − x̄)²"];

pub fn sample_sum(sum: &str, n: usize, mean: &str) -> String {
    format!("Σ x_i = {sum}, x̄ = Σ x_i / n = {sum}/{n} = {mean}")
}

pub fn sample_sse(sse: &str, n: usize, var: &str) -> String {
    format!("Σ (x_i − x̄)² = {sse}, σ̂² = {sse}/{n} = {var}")
}

/// One step vector as a row: `h_3 = [0.1, -0.2, … 8 in all]  ||h_3|| = 0.5`
/// (`more`: the mark after entries shown in part, in the learner's language).
/// `norm`: None leaves the norm out (where the screen shows it elsewhere).
pub fn vector_row(name: &str, entries: &[String], more: Option<&str>, norm: Option<&str>) -> String {
    let body = match (more, entries.is_empty()) {
        (Some(m), true) => m.to_string(),
        (Some(m), false) => format!("{}, {m}", entries.join(", ")),
        (None, _) => entries.join(", "),
    };
    match norm {
        Some(n) => format!("{name} = [{body}]   ||{name}|| = {n}"),
        None => format!("{name} = [{body}]"),
    }
}
