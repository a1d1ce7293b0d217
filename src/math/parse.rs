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

/// Whether a typed number stands for `actual` at the precision it was typed
/// with (0.78 for 0.7771; 0.7771 at four digits): never coarser than two
/// significant digits, never finer than the four deepstep shows. What names
/// a learner's mistake from the number they typed.
pub fn agrees_as_typed(typed: &str, actual: f64) -> bool {
    let Some(guess) = parse_number(typed) else { return false };
    // Relative throughout (`agrees` has an absolute floor that would let
    // 2.6e-14 stand for 2.7e-14).
    if actual == 0.0 || !actual.is_finite() {
        return guess == actual;
    }
    let digits = significant_digits(typed).clamp(2, 4) as f64;
    let unit = 10f64.powf(actual.abs().log10().floor() - (digits - 1.0));
    (guess - actual).abs() <= 0.5 * unit * (1.0 + 1e-9)
}

/// The significant digits of a typed number's mantissa ("0.0780" has 3).
fn significant_digits(typed: &str) -> usize {
    let mantissa = typed.trim().split(['e', 'E']).next().unwrap_or("");
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    digits.trim_start_matches('0').len().max(1)
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
    #[error("row {row} has {} but row 1 has {expected} (rows must be equally long)", values(*got))]
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

/// `1 value`, `3 values`.
fn values(n: usize) -> String {
    format!("{n} value{}", if n == 1 { "" } else { "s" })
}
