//! A Jupyter notebook as Python: its code cells joined, IPython magics
//! (`%time`, `!pip`, a `%%` cell) left out, and a map from each line of the
//! joined source back to its cell and line, so tracebacks point into the
//! notebook the learner sees.

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
        if text.trim_start().starts_with("%%") {
            continue;
        }
        for (i, line) in text.lines().enumerate() {
            let magic = matches!(line.trim_start().chars().next(), Some('%' | '!'));
            source.push_str(if magic { "" } else { line });
            source.push('\n');
            lines.push((cell_no, i + 1));
        }
    }
    Ok(Code { source, lines })
}
