//! Data shipped inside the binary (include_str!), so deepstep runs from any
//! directory: the counting-ones tutorial data set and the UCI 8×8 digits.

use anyhow::{Context, Result, bail};
use ndarray::Array2;
use serde::Deserialize;

const COUNTING_TUTORIAL: &str = include_str!("../assets/counting_rnn_roelants.json");
const DIGITS: &str = include_str!("../assets/uci_digits_8x8.json");

/// Peter Roelants' counting-ones data set and the Rprop setup whose published
/// result the counting lab reproduces.
#[derive(Debug, Clone)]
pub struct CountingTutorial {
    /// [N, T] of 0/1.
    pub x: Array2<f64>,
    pub targets: Vec<f64>,
    pub start: (f64, f64),
    pub delta0: f64,
    pub eta_plus: f64,
    pub eta_minus: f64,
    pub iterations: usize,
    pub published: (f64, f64),
}

#[derive(Deserialize)]
struct RawTutorial {
    x: Vec<Vec<f64>>,
    t: Vec<f64>,
    rprop: RawRprop,
}

#[derive(Deserialize)]
struct RawRprop {
    start: [f64; 2],
    delta0: f64,
    eta_plus: f64,
    eta_minus: f64,
    iterations: usize,
    published_final: RawFinal,
}

#[derive(Deserialize)]
struct RawFinal {
    w_x: f64,
    w_rec: f64,
}

pub fn counting_tutorial() -> Result<CountingTutorial> {
    let raw: RawTutorial =
        serde_json::from_str(COUNTING_TUTORIAL).context("reading the embedded counting-ones data set")?;
    let x = rows_to_array(&raw.x).context("the counting-ones data set")?;
    let r = raw.rprop;
    Ok(CountingTutorial {
        x,
        targets: raw.t,
        start: (r.start[0], r.start[1]),
        delta0: r.delta0,
        eta_plus: r.eta_plus,
        eta_minus: r.eta_minus,
        iterations: r.iterations,
        published: (r.published_final.w_x, r.published_final.w_rec),
    })
}

/// One 8×8 handwritten digit (pixels 0..16).
#[derive(Debug, Clone, PartialEq)]
pub struct Digit {
    pub label: u8,
    pub pixels: Array2<f64>,
}

#[derive(Deserialize)]
struct RawDigits {
    digits: Vec<RawDigit>,
}

#[derive(Deserialize)]
struct RawDigit {
    label: u8,
    pixels: Vec<Vec<f64>>,
}

/// The ten UCI optical-digits samples (CC BY 4.0; see assets/README.md).
pub fn digits() -> Result<Vec<Digit>> {
    let raw: RawDigits = serde_json::from_str(DIGITS).context("reading the embedded digits")?;
    raw.digits.into_iter().map(|d| Ok(Digit { label: d.label, pixels: rows_to_array(&d.pixels)? })).collect()
}

fn rows_to_array(rows: &[Vec<f64>]) -> Result<Array2<f64>> {
    let cols = rows.first().map_or(0, |r| r.len());
    if let Some(i) = rows.iter().position(|r| r.len() != cols) {
        bail!("row {} has {} values, expected {cols}", i + 1, rows[i].len());
    }
    Ok(Array2::from_shape_fn((rows.len(), cols), |(i, j)| rows[i][j]))
}
