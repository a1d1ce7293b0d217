//! `deepstep lab mle --print`: every line of the derivation, then the
//! results as `key=value` lines at full precision for scripts and tests.

use super::lab::{MleLab, Step};
use super::words::{self, Place};
use crate::text::Text;
use std::fmt::Write;

/// The derivation (all lines), then `mu=`, `sigma=`, `var_mle=`,
/// `var_unbiased=` (not for n = 1) and `loglik=` (not when σ̂ = 0); or, for
/// the categorical, `p=`, `loglik=` and `cross_entropy=`.
pub fn print(lab: &MleLab, t: &Text) -> String {
    let mut out = String::new();
    let steps: &[Step] = lab.steps();
    for step in steps {
        for line in words::step_line(lab, *step, Place::Print, t) {
            let _ = writeln!(out, "{line}");
        }
    }
    if let Some(st) = &lab.normal {
        let f = &st.fit;
        let _ = writeln!(out, "mu={}\nsigma={}\nvar_mle={}", f.mu, f.sigma, f.var_mle);
        if let Some(v) = f.var_unbiased {
            let _ = writeln!(out, "var_unbiased={v}");
        }
        if let Some(l) = f.loglik {
            let _ = writeln!(out, "loglik={l}");
        }
    }
    if let Some(c) = &lab.categorical {
        let p = c.p.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(",");
        let _ = writeln!(out, "p={p}\nloglik={}\ncross_entropy={}", c.loglik, c.cross_entropy);
    }
    out
}
