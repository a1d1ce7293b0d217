//! The lab's sentences with its numbers, written once for the screen, the
//! study note and `--print`: the derivation's lines, the bias experiment,
//! the mistakes, the surface's readings and the learner's own messages.

use super::lab::{Asking, Message, MleLab, NormalState, Step};
use crate::math::format::num;
use crate::math::mle::{InF64, MistakeValue, MleError, Undefined};
use crate::text::Text;

/// Where the derivation reads ℓ at a point: the screen's cursor, or, in
/// printed output, which has no cursor, a point named P.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Cursor,
    Print,
}

pub use crate::math::format::exp_e as exp_of;

fn list(v: &[f64]) -> String {
    v.iter().map(|x| num(*x)).collect::<Vec<_>>().join(", ")
}

/// Line 2: why the log, chosen by where the long sample's product e^ℓ
/// lands in f64 (`InF64::of_loglik`, the comparison the tests repeat).
pub fn why_log_line(st: &NormalState, t: &Text) -> String {
    let m = &t.mle;
    let (n, ll) = (st.long.len(), st.long_loglik);
    let per = num(st.long_mean);
    match InF64::of_loglik(ll) {
        InF64::Overflows => (m.d_why_log_over)(n, &exp_of(ll), &num(ll), &per),
        InF64::Underflows => (m.d_why_log_under)(n, &exp_of(ll), &num(ll), &per),
        InF64::Inside(p) => (m.d_why_log_inside)(n, &num(p), &num(ll), &per),
    }
}

/// Line `step` of the derivation, with this lab's numbers, reading ℓ at `place`.
pub fn step_line(lab: &MleLab, step: Step, place: Place, t: &Text) -> Vec<String> {
    let m = &t.mle;
    let place = match place {
        Place::Cursor => m.place_cursor,
        Place::Print => m.place_print,
    };
    if let Some(st) = &lab.normal {
        let f = &st.fit;
        let n = f.n;
        return vec![match step {
            Step::Product => (m.d_product)(place, &num(st.at.0), &num(st.at.1), &exp_of(st.at_loglik)),
            Step::WhyLog => why_log_line(st, t),
            Step::LogLik => (m.d_loglik)(place, n, &num(st.at_loglik)),
            Step::DerivMu => (m.d_mu)(&num(f.sum), n, &num(f.mu)),
            // σ̂ is 0 exactly when every point is the same (`fit_normal` refuses a spread too small for f64).
            Step::DerivSigma if f.sigma == 0.0 && n == 1 => m.d_sigma_one_point.to_string(),
            Step::DerivSigma if f.sigma == 0.0 => (m.d_sigma_all_equal)(n),
            Step::DerivSigma => (m.d_sigma)(&num(f.sse), n, &num(f.var_mle), &num(f.sigma)),
            Step::Maximum => match f.loglik {
                Some(best) => (m.d_maximum)(place, &num(best), &num(st.at_loglik)),
                None => m.d_no_maximum.to_string(),
            },
            Step::Bias => match f.var_unbiased {
                Some(s2) => (m.d_bias)(n, &num(f.var_mle), &num(s2)),
                None => m.d_bias_n1.to_string(),
            },
            Step::Mse => m.d_mse.to_string(),
            _ => String::new(),
        }];
    }
    let Some(c) = &lab.categorical else { return vec![] };
    let counts = lab.counts.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ");
    let total = c.total.to_string();
    match step {
        Step::CatProduct => vec![(m.d_cat_product)(&counts, &total)],
        Step::Lagrange => vec![m.d_lagrange.to_string()],
        Step::Solve => vec![(m.d_solve)(&total, &list(&c.p))],
        Step::CatLogLik => {
            let mut v = vec![(m.d_cat_loglik)(&num(c.loglik))];
            if lab.counts.contains(&0) {
                v.push(m.d_zero_class.to_string());
            }
            v
        }
        Step::CrossEntropy => vec![(m.d_cross_entropy)(&num(c.cross_entropy))],
        _ => vec![],
    }
}

/// The lines revealed so far, reading ℓ at `place`.
pub fn derivation(lab: &MleLab, place: Place, t: &Text) -> Vec<String> {
    lab.steps().iter().take(lab.shown).flat_map(|s| step_line(lab, *s, place, t)).collect()
}

/// The repeated-sampling experiment, in words.
pub fn bias_lines(st: &NormalState, t: &Text) -> Vec<String> {
    let m = &t.mle;
    let b = &st.bias;
    let mut v = vec![(m.bias_setup)(b.trials, b.n, &num(b.true_var))];
    v.push((m.bias_mle)(&num(b.mean_var_mle), &num(b.ratio_mle)));
    match b.mean_var_unbiased.zip(b.ratio_unbiased) {
        Some((u, ratio)) => {
            v.push((m.bias_unbiased)(&num(u), &num(ratio)));
            v.push((m.bias_theory)(&num(b.expected_ratio)));
        }
        None => v.push(m.bias_n1.to_string()),
    }
    v
}

/// Each mistake and what it computes on this sample.
pub fn mistake_lines(st: &NormalState, t: &Text) -> Vec<(String, String)> {
    let m = &t.mle;
    st.mistakes
        .iter()
        .enumerate()
        .map(|(i, (_, v))| {
            let what = match *v {
                MistakeValue::Sigma { got, off } => (m.m_sigma)(&num(got), &num(off)),
                MistakeValue::Product { here_loglik, n_long, long_loglik, long_mean } => {
                    let (here, long) = (exp_of(here_loglik), exp_of(long_loglik));
                    // The sample's own product first: past f64 already, a
                    // longer sample has nothing to add.
                    match (InF64::of_loglik(here_loglik), InF64::of_loglik(long_loglik)) {
                        (InF64::Underflows, _) => (m.m_product_here_under)(&here, &num(here_loglik)),
                        (InF64::Overflows, _) => (m.m_product_here_over)(&here, &num(here_loglik)),
                        (_, InF64::Overflows) => (m.m_product_over)(&here, n_long, &long, &num(long_loglik)),
                        (_, InF64::Underflows) => (m.m_product_under)(&here, n_long, &long, &num(long_loglik)),
                        (_, InF64::Inside(p)) => (m.m_product_inside)(&here, n_long, &num(p), &num(long_mean)),
                    }
                }
                MistakeValue::NoMinimum { at_fit, at_ten } => (m.m_no_minimum)(&num(at_fit), &num(at_ten)),
                MistakeValue::NoRoot { at_fit } => (m.m_no_root)(&num(at_fit)),
                MistakeValue::Undefined(Undefined::DividesByZero) => m.m_undefined_n1.to_string(),
                MistakeValue::Undefined(Undefined::NoSpread) => m.m_undefined_no_spread.to_string(),
            };
            (m.mistake_names[i].to_string(), what)
        })
        .collect()
}

/// The surface's readings: the cursor, the closed form, the path.
pub fn surface_lines(st: &NormalState, t: &Text) -> Vec<String> {
    let m = &t.mle;
    let (gm, gs) = st.at_grad;
    let mut v = vec![(m.cursor_line)(&num(st.at.0), &num(st.at.1), &num(st.at_loglik), &num(gm), &num(gs))];
    let best = st.fit.loglik.map_or("-".to_string(), num);
    v.push((m.closed_form)(&num(st.fit.mu), &num(st.fit.sigma), &best));
    v.push((m.path_line)(st.path.len().saturating_sub(1)));
    v
}

/// What a prediction asked, in words.
pub fn asked_name(a: Asking) -> String {
    match a {
        Asking::Mu => "μ̂".to_string(),
        Asking::Sigma => "σ̂".to_string(),
        Asking::P(k) => format!("p̂_{}", k + 1),
    }
}

pub fn error_text(e: &MleError, t: &Text) -> String {
    let m = &t.mle;
    match e {
        MleError::Empty => m.err_empty.to_string(),
        MleError::NotFinite { position } => (m.err_not_finite)(*position),
        MleError::SumOverflows => m.err_sum_overflows.to_string(),
        MleError::SpreadOverflows => m.err_spread_overflows.to_string(),
        MleError::SpreadUnderflows => m.err_spread_underflows.to_string(),
        MleError::Sigma(g) => (m.err_sigma)(&num(*g)),
        MleError::AllZero => m.err_all_zero.to_string(),
    }
}

/// The message line's words.
pub fn message_text(msg: &Message, t: &Text) -> String {
    let m = &t.mle;
    match msg {
        Message::Graded { asking, typed, truth, right, off, mistake } => {
            let mut s = (m.graded)(&asked_name(*asking), &num(*typed), &num(*truth), &num(*off));
            if *right {
                s = format!("{}  {s}", m.right);
            } else if let Some(k) = mistake {
                let i = crate::math::mle::Mistake::ALL.iter().position(|x| x == k).unwrap_or(0);
                s = format!("{s}  {}", (m.matched)(m.mistake_names[i]));
            }
            s
        }
        Message::NotANumber => m.not_a_number.to_string(),
        Message::OwnData => m.knob_own_data.to_string(),
        Message::AscentStopped => m.ascent_stopped.to_string(),
        Message::Refused(e) => error_text(e, t),
    }
}
