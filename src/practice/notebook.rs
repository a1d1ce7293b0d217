//! A Jupyter notebook as Python: its code cells joined, what only IPython
//! runs left out (line magics such as `%time` and `%matplotlib`, shell lines
//! `!pip` and `x = !ls`, help lines `obj?`, and cells in another language
//! such as `%%bash`), the body of a cell magic that runs Python (`%%time`,
//! `%%capture`) kept, and a map from each line of the joined source back to
//! its cell and line, so tracebacks point into the notebook the learner sees.

use serde_json::Value;

/// The notebook's code and where each of its lines came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    pub source: String,
    /// Line i + 1 of `source` is line `.1` of code cell `.0` (both 1-based).
    pub lines: Vec<(usize, usize)>,
}

impl Code {
    /// "cell 3, line 2" for a line of the joined source.
    pub fn place(&self, line: usize) -> Option<(usize, usize)> {
        line.checked_sub(1).and_then(|i| self.lines.get(i)).copied()
    }
}

/// Cell magics whose body is Python that runs as it is.
const RUNS_PYTHON: [&str; 5] = ["time", "timeit", "capture", "prun", "debug"];

/// A line only IPython understands: a line magic, a shell line (also
/// assigned: `files = !ls`), or help (`np.sum?`, `??obj`).
fn ipython_only(line: &str) -> bool {
    let t = line.trim();
    if t.starts_with(['%', '!', '?']) {
        return true;
    }
    let name = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.');
    if t.strip_suffix("??").or_else(|| t.strip_suffix('?')).is_some_and(name) {
        return true;
    }
    // `x = !cmd`, `x = %magic`: an assignment from IPython's shell or magics.
    t.split_once('=').is_some_and(|(target, value)| {
        let value = value.trim_start();
        !target.ends_with(['=', '!', '<', '>']) && name(target.trim()) && value.starts_with(['!', '%'])
    })
}

/// The code cells of an `.ipynb` file's JSON, or why it is not a notebook.
pub fn code(json: &str) -> Result<Code, String> {
    let v: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let cells = v.get("cells").and_then(Value::as_array).ok_or("no \"cells\" list")?;
    let mut source = String::new();
    let mut lines = vec![];
    let mut cell_no = 0;
    for cell in cells {
        if cell.get("cell_type").and_then(Value::as_str) != Some("code") {
            continue;
        }
        cell_no += 1;
        let text = match cell.get("source") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Array(parts)) => parts.iter().filter_map(Value::as_str).collect(),
            _ => String::new(),
        };
        let mut cell_lines = text.lines().enumerate();
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        if let Some(magic) = first.trim_start().strip_prefix("%%") {
            let name = magic.split_whitespace().next().unwrap_or("");
            if !RUNS_PYTHON.contains(&name) {
                continue;
            }
            // The magic's own line goes; its body is Python.
            let (i, _) = cell_lines.by_ref().find(|(_, l)| !l.trim().is_empty()).unwrap_or((0, ""));
            source.push('\n');
            lines.push((cell_no, i + 1));
        }
        for (i, line) in cell_lines {
            source.push_str(if ipython_only(line) { "" } else { line });
            source.push('\n');
            lines.push((cell_no, i + 1));
        }
    }
    Ok(Code { source, lines })
}
