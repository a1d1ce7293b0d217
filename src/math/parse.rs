//! Reading numbers a learner types: answers (0.25, .25, 1/4, 25%) and
//! matrices (rows separated by `;`, values by `,`, channels by `|`).

use thiserror::Error;

/// A typed number: decimal, fraction `a/b`, or percentage `p%`.
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim().replace(' ', "");
    // A typographic minus and full-width forms, as some input methods give.
    let s: String = s
        .chars()
        .map(|c| match c {
            '−' => '-',
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '／' => '/',
            '％' => '%',
            _ => c,
        })
        .collect();
    let v = if let Some(p) = s.strip_suffix('%') {
        p.parse::<f64>().ok()? / 100.0
    } else if let Some((a, b)) = s.split_once('/') {
        let (a, b) = (a.parse::<f64>().ok()?, b.parse::<f64>().ok()?);
        if b == 0.0 {
            return None;
        }
        a / b
    } else {
        s.parse::<f64>().ok()?
    };
    v.is_finite().then_some(v)
}

/// Whether a typed answer agrees with the true value to the 4 significant
/// digits deepstep shows (or exactly, for exact integers).
pub fn agrees(guess: f64, actual: f64) -> bool {
    let tol = 5e-4 * actual.abs().max(1e-6);
    (guess - actual).abs() <= tol
}

/// How far a typed answer is from the true value.
pub fn off_by(guess: f64, actual: f64) -> f64 {
    (guess - actual).abs()
}

/// What is wrong with a typed list of numbers ("1.2, -0.7, 3").
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ListError {
    #[error("the list is empty")]
    Empty,
    #[error("value {position} (`{text}`) is not a number")]
    NotNumeric { position: usize, text: String },
    #[error("value {position} (`{text}`) must be a whole number of 0 or more")]
    NotCount { position: usize, text: String },
    #[error("the list has more than {max} values")]
    TooLong { max: usize },
    #[error("the counts are all zero")]
    AllZero,
}

/// The longest list a learner may type (a sample the lab can draw).
pub const MAX_LIST: usize = 10_000;

fn list_items(s: &str) -> Result<Vec<&str>, ListError> {
    let items: Vec<&str> = s.split([',', ';', ' ', '\t', '\n']).map(str::trim).filter(|t| !t.is_empty()).collect();
    if items.is_empty() {
        return Err(ListError::Empty);
    }
    if items.len() > MAX_LIST {
        return Err(ListError::TooLong { max: MAX_LIST });
    }
    Ok(items)
}

/// Numbers separated by commas (or spaces): every one finite, position named
/// (from 1) when one is not.
pub fn parse_list(s: &str) -> Result<Vec<f64>, ListError> {
    list_items(s)?
        .iter()
        .enumerate()
        .map(|(i, t)| parse_number(t).ok_or_else(|| ListError::NotNumeric { position: i + 1, text: t.to_string() }))
        .collect()
}

/// Class counts: whole numbers of 0 or more, not all zero.
pub fn parse_counts(s: &str) -> Result<Vec<u64>, ListError> {
    let counts = list_items(s)?
        .iter()
        .enumerate()
        .map(|(i, t)| t.parse::<u64>().map_err(|_| ListError::NotCount { position: i + 1, text: t.to_string() }))
        .collect::<Result<Vec<u64>, _>>()?;
    if counts.iter().all(|c| *c == 0) {
        return Err(ListError::AllZero);
    }
    Ok(counts)
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MatrixError {
    #[error("the matrix is empty")]
    Empty,
    #[error("row {row}, column {col}: `{text}` is not a number")]
    NotNumeric { channel: usize, row: usize, col: usize, text: String },
    #[error("row {row} has {got} values but row 1 has {expected} (rows must be equally long)")]
    Ragged { channel: usize, row: usize, expected: usize, got: usize },
    #[error("channel {channel} is {got_rows}×{got_cols} but channel 1 is {rows}×{cols}")]
    ChannelShape { channel: usize, rows: usize, cols: usize, got_rows: usize, got_cols: usize },
}

/// A matrix per channel: "1,2;3,4" is one 2×2 channel, "1,2;3,4|5,6;7,8" two.
/// Returns (channels, rows, cols, values in [channel][row][col] order).
/// Rows and columns in errors count from 1.
pub fn parse_matrix(s: &str) -> Result<(usize, usize, usize, Vec<f64>), MatrixError> {
    if s.trim().is_empty() {
        return Err(MatrixError::Empty);
    }
    let mut shape: Option<(usize, usize)> = None;
    let mut values = vec![];
    let channels: Vec<&str> = s.split('|').collect();
    for (ci, ch) in channels.iter().enumerate() {
        let rows: Vec<&str> = ch.trim().trim_end_matches(';').split(';').collect();
        let mut cols = None;
        for (ri, row) in rows.iter().enumerate() {
            let cells: Vec<&str> = row.split(',').collect();
            for (cj, cell) in cells.iter().enumerate() {
                let v = parse_number(cell).ok_or_else(|| MatrixError::NotNumeric {
                    channel: ci + 1,
                    row: ri + 1,
                    col: cj + 1,
                    text: cell.trim().to_string(),
                })?;
                values.push(v);
            }
            match cols {
                None => cols = Some(cells.len()),
                Some(c) if c != cells.len() => {
                    return Err(MatrixError::Ragged { channel: ci + 1, row: ri + 1, expected: c, got: cells.len() });
                }
                _ => {}
            }
        }
        let here = (rows.len(), cols.unwrap_or(0));
        match shape {
            None => shape = Some(here),
            Some((r, c)) if (r, c) != here => {
                return Err(MatrixError::ChannelShape {
                    channel: ci + 1,
                    rows: r,
                    cols: c,
                    got_rows: here.0,
                    got_cols: here.1,
                });
            }
            _ => {}
        }
    }
    let (r, c) = shape.unwrap_or((0, 0));
    Ok((channels.len(), r, c, values))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_every_form() {
        for s in ["0.25", ".25", "1/4", "25%", " 0.25 "] {
            assert_eq!(parse_number(s), Some(0.25), "{s}");
        }
        assert_eq!(parse_number("-3"), Some(-3.0));
        assert_eq!(parse_number("−3"), Some(-3.0));
        assert_eq!(parse_number("1/0"), None);
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("inf"), None);
        // Full-width forms, as some Korean and Japanese input methods type them.
        for s in ["０．２５", "１／４", "２５％", "．２５"] {
            assert_eq!(parse_number(s), Some(0.25), "{s}");
        }
        assert!(agrees(219.0, 219.0) && agrees(0.12345, 0.1234567) && !agrees(218.0, 219.0));
        // Agreement is relative, to half a unit in the 4th significant digit
        // (5e−4 of the value) at every magnitude.
        for actual in [1e-3, 1.0, 1000.0, -2.5e6] {
            assert!(agrees(actual * (1.0 + 4e-4), actual) && agrees(actual * (1.0 - 4e-4), actual), "{actual}");
            assert!(!agrees(actual * (1.0 + 6e-4), actual) && !agrees(actual * (1.0 - 6e-4), actual), "{actual}");
        }
        assert_eq!(off_by(-3.0, 2.0), 5.0);
    }

    #[test]
    fn matrices_and_their_errors() {
        assert_eq!(parse_matrix("1,2;3,4"), Ok((1, 2, 2, vec![1.0, 2.0, 3.0, 4.0])));
        assert_eq!(parse_matrix("1;2|3;4").unwrap().0, 2);
        let e = parse_matrix("1,2;3").unwrap_err();
        assert_eq!(e, MatrixError::Ragged { channel: 1, row: 2, expected: 2, got: 1 });
        assert_eq!(e.to_string(), "row 2 has 1 values but row 1 has 2 (rows must be equally long)");
        let e = parse_matrix("1,2;3,x").unwrap_err();
        assert_eq!(e.to_string(), "row 2, column 2: `x` is not a number");
        assert_eq!(parse_matrix(""), Err(MatrixError::Empty));
        assert_eq!(
            parse_matrix("1,2|1,2;3,4"),
            Err(MatrixError::ChannelShape { channel: 2, rows: 1, cols: 2, got_rows: 2, got_cols: 2 })
        );
    }

    #[test]
    fn lists_name_the_position_of_what_is_wrong() {
        assert_eq!(parse_list("-1.5, 2,1/4"), Ok(vec![-1.5, 2.0, 0.25]));
        assert_eq!(parse_list(" "), Err(ListError::Empty));
        assert_eq!(parse_list("1,x,3"), Err(ListError::NotNumeric { position: 2, text: "x".into() }));
        assert_eq!(parse_list("1,inf"), Err(ListError::NotNumeric { position: 2, text: "inf".into() }));
        assert_eq!(parse_list("NaN"), Err(ListError::NotNumeric { position: 1, text: "NaN".into() }));
        assert_eq!(parse_counts("3,5,0"), Ok(vec![3, 5, 0]));
        assert_eq!(parse_counts("3,-1"), Err(ListError::NotCount { position: 2, text: "-1".into() }));
        assert_eq!(parse_counts("2.5"), Err(ListError::NotCount { position: 1, text: "2.5".into() }));
        assert_eq!(parse_counts("0,0"), Err(ListError::AllZero));
        assert_eq!(parse_list(&"1,".repeat(MAX_LIST + 1)), Err(ListError::TooLong { max: MAX_LIST }));
        assert_eq!(parse_list(&"1,".repeat(MAX_LIST)).map(|v| v.len()), Ok(MAX_LIST));
    }
}
