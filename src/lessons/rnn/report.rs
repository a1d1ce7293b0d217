//! The RNN lesson as plain text: the per-step table (`rnn --print`) and the
//! gradient-norm sweep (`sweep`, CSV or JSON).

use super::settings::RnnRun;
use crate::math::format::{exact_into, num, pow10};
use std::fmt::Write;

/// t, ||h_t||, ||dL/dh_t|| and its log10, one line per step.
pub fn table(run: &RnnRun) -> String {
    let h = run.forward.h_log10_norms();
    let d = run.grads.dh_log10_norms();
    let mut out = String::from("t  ||h_t||  ||dL/dh_t||  log10 ||dL/dh_t||\n");
    for (t, (lh, ld)) in h.iter().zip(&d).enumerate() {
        let log = if ld.is_finite() { num(*ld) } else { "-".to_string() };
        let _ = writeln!(out, "{}  {}  {}  {}", t + 1, pow10(*lh), pow10(*ld), log);
    }
    if let Some(c) = run.grads.clip {
        let _ = writeln!(
            out,
            "clipping at {}: parameter-gradient norm {} -> {}",
            num(c.threshold),
            pow10(c.log10_norm_before),
            pow10(c.log10_norm_after)
        );
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SweepFormat {
    Csv,
    Json,
}

/// From `logs` = log10 ||dL/dh_t||, t = 1..T: one row per step with the norm
/// (as f64: `inf` in CSV, `null` in JSON, only beyond f64's range) and its
/// log10, always finite.
pub fn sweep(logs: &[f64], format: SweepFormat) -> String {
    let norms = crate::math::scaled::from_log10(logs);
    let rows = logs.iter().zip(norms).enumerate().map(|(t, (l, n))| (t + 1, n, *l));
    match format {
        SweepFormat::Csv => {
            let mut out = String::with_capacity(64 * (logs.len() + 1));
            out.push_str("t,norm,log10_norm\n");
            for (t, n, l) in rows {
                let _ = write!(out, "{t},");
                exact_into(&mut out, n);
                out.push(',');
                exact_into(&mut out, l);
                out.push('\n');
            }
            out
        }
        SweepFormat::Json => {
            let items: Vec<serde_json::Value> = rows
                .map(|(t, n, l)| {
                    serde_json::json!({ "t": t, "norm": if n.is_finite() { Some(n) } else { None }, "log10_norm": l })
                })
                .collect();
            serde_json::to_string_pretty(&items).unwrap_or_default() + "\n"
        }
    }
}
