//! Templated numeric questions: a bank question names a template and ranges
//! for its parameters; each round draws new numbers, deepstep's math computes
//! the answer and every number the explanation quotes, and `{{NAME}}` in the
//! prompt, hint and explanation is replaced by them. A review then asks with
//! new numbers, so it cannot be passed from memory.

use super::question::{Mistake, Slip, unambiguous};
use crate::math::conv::{Axis, output_size, parameter_count};
use crate::math::counting_rnn;
use crate::math::format::num;
use crate::math::practice_conv_size::{ConvSizeMistake, conv_size};
use crate::math::rng::Rng;
use ndarray::Array2;
use std::collections::BTreeMap;

/// The default tolerance of a numeric answer: the 4 significant digits the
/// lessons show.
pub const DEFAULT_TOLERANCE: f64 = 5e-4;

/// What a template computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// OH = floor((H + 2P − D(K−1) − 1)/S) + 1.
    ConvOutput,
    /// The padding that keeps a stride-1 output the input's size.
    ConvSamePadding,
    /// Weights and biases of a convolution layer.
    ConvParams,
    /// dL/db of one output channel whose dY is [[Y11, Y12], [Y21, Y22]].
    ConvBiasGrad,
    /// How much dL/dh grows or shrinks N steps back in a scalar linear RNN.
    RnnPower,
    /// dL/dS_K of the counting-ones RNN, from dL/dS_T = 1.
    CountDs,
    /// dL/dw_x of the counting-ones RNN for x = (X1, X2, X3), from dL/dS_3 = 1.
    CountDwx,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::ConvOutput,
        Kind::ConvSamePadding,
        Kind::ConvParams,
        Kind::ConvBiasGrad,
        Kind::RnnPower,
        Kind::CountDs,
        Kind::CountDwx,
    ];

    /// Its name in a bank (`template = "conv-output"`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::ConvOutput => "conv-output",
            Kind::ConvSamePadding => "conv-same-padding",
            Kind::ConvParams => "conv-params",
            Kind::ConvBiasGrad => "conv-bias-grad",
            Kind::RnnPower => "rnn-power",
            Kind::CountDs => "count-ds",
            Kind::CountDwx => "count-dwx",
        }
    }

    /// The parameters a bank must give ranges for.
    pub fn params(self) -> &'static [&'static str] {
        match self {
            Kind::ConvOutput => &["H", "K", "P", "S", "D"],
            Kind::ConvSamePadding => &["H", "K", "D"],
            Kind::ConvParams => &["CIN", "COUT", "K"],
            Kind::ConvBiasGrad => &["Y11", "Y12", "Y21", "Y22"],
            Kind::RnnPower => &["W10", "N"],
            Kind::CountDs => &["T", "W", "K"],
            Kind::CountDwx => &["X1", "X2", "X3", "W"],
        }
    }

    /// The values a parameter may take: the math is exact and quick for
    /// them (a draw of `rnn-power` or `count-ds` walks N or T steps; a
    /// convolution's sizes are added and multiplied), and they are far
    /// beyond what a question asks.
    pub fn bounds(self, param: &str) -> (i64, i64) {
        match (self, param) {
            (Kind::RnnPower, "N") | (Kind::CountDs, "T" | "K") => (0, 1000),
            (Kind::RnnPower, "W10") | (Kind::CountDs | Kind::CountDwx, _) => (-1000, 1000),
            (Kind::ConvBiasGrad, _) => (-1_000_000, 1_000_000),
            (Kind::ConvParams, "K") => (0, 1000),
            _ => (0, 100_000),
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A template with the ranges its bank gave (inclusive, checked by the bank).
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pub kind: Kind,
    pub ranges: BTreeMap<String, (i64, i64)>,
}

/// One draw: every named number (parameters and what the math made of them),
/// the answer and its tolerance, if the template sets one.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    pub values: BTreeMap<String, f64>,
    pub answer: f64,
    pub tolerance: Option<f64>,
    /// Wrong numbers this draw is known to invite, and their mistakes.
    pub slips: Vec<Slip>,
}

/// A usize from a drawn parameter (the ranges are checked to be ≥ 0 where it matters).
fn size(p: &BTreeMap<String, i64>, name: &str) -> Option<usize> {
    p.get(name).and_then(|v| usize::try_from(*v).ok())
}

/// dL/dS_k for k = 0..T of the counting-ones RNN with dL/dS_T = 1, from the
/// lab's own backward pass (a loss whose dL/dS_T is 1: y − y* = 1/2, N = 1).
fn ds_from_one(x: &[f64], w_rec: f64) -> (Vec<f64>, f64) {
    let x = Array2::from_shape_vec((1, x.len()), x.to_vec()).unwrap_or_else(|_| Array2::zeros((1, 0)));
    let mut f = counting_rnn::forward(x.view(), 1.0, w_rec);
    f.targets = &f.y - 0.5;
    let b = counting_rnn::backward(x.view(), &f, w_rec);
    (b.ds.row(0).to_vec(), b.g_w_x)
}

impl Template {
    /// The numbers for these parameter values, or `None` when the math
    /// refuses them (no output, an odd padding) and another draw is needed.
    pub fn compute(&self, p: &BTreeMap<String, i64>) -> Option<Drawn> {
        let mut v: BTreeMap<String, f64> = p.iter().map(|(k, x)| (k.clone(), *x as f64)).collect();
        let mut put = |name: &str, x: f64| {
            v.insert(name.to_string(), x);
        };
        let mut slips = vec![];
        let (answer, tolerance) = match self.kind {
            Kind::ConvOutput => {
                let [h, k, pad, s, d] = ["H", "K", "P", "S", "D"].map(|n| size(p, n));
                let (h, k, pad, s, d) = (h?, k?, pad?, s?, d?);
                let oh = output_size(Axis::Height, h, k, s, pad, d).ok()?;
                // The practice checker's wrong formulas, on this square input.
                for m in ConvSizeMistake::ALL {
                    if let Some([v, _]) = conv_size([h, h, k, k, s, pad, d], Some(m)) {
                        slips.push(Slip { value: v, mistake: Mistake::ConvSize(m) });
                    }
                }
                let dk = d * k.checked_sub(1)?;
                let numerator = (h + 2 * pad).checked_sub(dk + 1)?;
                put("TWOP", (2 * pad) as f64);
                put("DK", dk as f64);
                put("SPAN", (dk + 1) as f64);
                put("NUM", numerator as f64);
                put("FLOOR", (numerator / s) as f64);
                (oh as f64, None)
            }
            Kind::ConvSamePadding => {
                let (h, k, d) = (size(p, "H")?, size(p, "K")?, size(p, "D")?);
                let dk = d * k.checked_sub(1)?;
                // Only an even D(K−1) splits into the same padding on both sides.
                if dk % 2 != 0 {
                    return None;
                }
                let pad = dk / 2;
                (output_size(Axis::Height, h, k, 1, pad, d).ok()? == h).then_some(())?;
                put("KM1", (k - 1) as f64);
                put("DK", dk as f64);
                slips.push(Slip { value: dk as f64, mistake: Mistake::BothSidesPadding });
                (pad as f64, None)
            }
            Kind::ConvParams => {
                let (cin, cout, k) = (size(p, "CIN")?, size(p, "COUT")?, size(p, "K")?);
                let weights = parameter_count(cin, cout, [k, k], false)?;
                put("WEIGHTS", weights as f64);
                slips.push(Slip { value: weights as f64, mistake: Mistake::BiasLeftOut });
                (parameter_count(cin, cout, [k, k], true)? as f64, None)
            }
            Kind::ConvBiasGrad => {
                // The lab's backward pass, on a 3×3 input and a 2×2 kernel (a 2×2 dY).
                let dy = ndarray::Array3::from_shape_vec(
                    (1, 2, 2),
                    ["Y11", "Y12", "Y21", "Y22"].iter().map(|n| p.get(*n).map(|v| *v as f64)).collect::<Option<_>>()?,
                )
                .ok()?;
                let x = ndarray::Array3::zeros((1, 3, 3));
                let w = ndarray::Array4::zeros((1, 1, 2, 2));
                let grads =
                    crate::math::conv::conv2d_backward(x.view(), w.view(), dy.view(), Default::default()).ok()?;
                (*grads.db.first()?, None)
            }
            Kind::RnnPower => {
                let (w10, n) = (*p.get("W10")?, size(p, "N")?);
                let w = w10 as f64 / 10.0;
                put("W", w);
                let (ds, _) = ds_from_one(&vec![0.0; n], w);
                let factor = *ds.first()?;
                // One step more or fewer: w^(N ± 1).
                for m in [n.checked_sub(1), Some(n + 1)].into_iter().flatten() {
                    if let Some(v) = ds_from_one(&vec![0.0; m], w).0.first() {
                        slips.push(Slip { value: *v, mistake: Mistake::PowerOffByOne });
                    }
                }
                // Relative: the factor spans 1.6 to millions across the ranges.
                (factor, Some((factor.abs() * 1e-3).max(DEFAULT_TOLERANCE)))
            }
            Kind::CountDs => {
                let (t, w, k) = (size(p, "T")?, *p.get("W")?, size(p, "K")?);
                if k == 0 || k >= t {
                    return None;
                }
                put("N", (t - k) as f64);
                let (ds, _) = ds_from_one(&vec![0.0; t], w as f64);
                // The neighbours' values: w^(T−k) with one factor too few or many.
                for j in [k - 1, k + 1] {
                    if let Some(v) = ds.get(j) {
                        slips.push(Slip { value: *v, mistake: Mistake::PowerOffByOne });
                    }
                }
                (*ds.get(k)?, None)
            }
            Kind::CountDwx => {
                let x = ["X1", "X2", "X3"].map(|n| p.get(n).copied().unwrap_or(0) as f64);
                let w = *p.get("W")? as f64;
                let (ds, g) = ds_from_one(&x, w);
                for k in 1..=3 {
                    put(&format!("DS{k}"), *ds.get(k)?);
                }
                (g, None)
            }
        };
        v.insert("ANSWER".to_string(), answer);
        let slips = unambiguous(answer, slips);
        answer.is_finite().then_some(Drawn { values: v, answer, tolerance, slips })
    }

    /// A draw from the ranges, seeded; `None` if 200 tries all failed.
    pub fn draw(&self, seed: u64) -> Option<Drawn> {
        let mut rng = Rng::new(seed);
        (0..200).find_map(|_| {
            let p = self
                .ranges
                .iter()
                .map(|(k, (lo, hi))| {
                    let span = (hi - lo).unsigned_abs().min(1 << 20) as usize + 1;
                    (k.clone(), lo + rng.below(span) as i64)
                })
                .collect();
            self.compute(&p)
        })
    }
}

/// `text` with every `{{NAME}}` replaced by the drawn number; the first
/// unknown name is the error.
pub fn fill(text: &str, values: &BTreeMap<String, f64>) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("{{") {
        out += &rest[..at];
        let after = &rest[at + 2..];
        let Some(end) = after.find("}}") else { return Err(after.chars().take(20).collect()) };
        let name = &after[..end];
        out += &num(*values.get(name).ok_or_else(|| name.to_string())?);
        rest = &after[end + 2..];
    }
    out += rest;
    Ok(out)
}
