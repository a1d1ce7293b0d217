//! Math notation written from numbers, the same in every language.

/// The RNN lab's step vectors, named for step t (math notation, the same in
/// every language): h_{t−1}, h_t, dL/dh_t, δ_t, dL/dh_{t−1}.
pub fn vector_names(t: usize) -> [String; 5] {
    let p = t.saturating_sub(1);
    [format!("h_{p}"), format!("h_{t}"), format!("dL/dh_{t}"), format!("δ_{t}"), format!("dL/dh_{p}")]
}

/// One step vector as a row: `h_3 = [0.1, -0.2, …]  ||h_3|| = 0.5`.
pub fn vector_row(name: &str, entries: &[String], more: bool, norm: &str) -> String {
    let more = if more { ", …" } else { "" };
    format!("{name} = [{}{more}]   ||{name}|| = {norm}", entries.join(", "))
}
