//! Tests of `deepstep::practice::diagnose` (`src/practice/diagnose.rs`) and
//! the judgement it hooks into: the right answers pass and name nothing,
//! every listed mistake's own answers are named as that mistake (so no two
//! are alike on every case, and no family or earlier mistake takes its
//! place), and each family is named from the right answers it changes.

use deepstep::practice::cases::{Arg, Case, cases};
use deepstep::practice::check::{Verdict, judge_reply};
use deepstep::practice::exercise::{Exercise, Mistake};
use deepstep::practice::family::{Factor, Family, Kind, Part};
use deepstep::practice::value::Out;
use serde_json::{Value, json};
use std::path::Path;

/// `o` as the harness encodes a returned value.
fn encode(o: &Out) -> Value {
    match o {
        Out::Num(x) => json!({ "num": x }),
        Out::Arr { shape, data } => json!({ "arr": { "shape": shape, "data": data } }),
        Out::Seq(items) => json!({ "seq": items.iter().map(encode).collect::<Vec<_>>() }),
        Out::Other(s) => json!({ "other": s }),
    }
}

/// The verdict on these results, one per case.
fn judged(e: Exercise, results: &[Out]) -> Verdict {
    let reply = json!({ "results": results.iter().map(|o| json!({ "ok": encode(o) })).collect::<Vec<_>>() });
    judge_reply(e, Path::new("test"), &reply).verdict
}

fn named(v: &Verdict) -> Option<Mistake> {
    match v {
        Verdict::Mistake { mistake, .. } => Some(*mistake),
        _ => None,
    }
}

/// Each case's result with `change` applied to the cases of `function`.
fn changed(e: Exercise, function: &str, mut change: impl FnMut(&Case, &Out) -> Out) -> Vec<Out> {
    cases(e).iter().map(|c| if c.function == function { change(c, &c.expected) } else { c.expected.clone() }).collect()
}

#[test]
fn the_right_answers_pass_and_name_nothing() {
    for e in Exercise::ALL {
        let right: Vec<Out> = cases(e).into_iter().map(|c| c.expected).collect();
        assert_eq!(judged(e, &right), Verdict::Passed, "{e:?}");
    }
}

/// A mistake's own answers (the right one where it is undefined) are named
/// as that mistake: told apart from the right answer, from every other
/// listed mistake and from the families.
#[test]
fn every_listed_mistake_is_named_from_its_own_answers() {
    for e in Exercise::ALL {
        for m in e.mistakes() {
            let got: Vec<Out> = cases(e)
                .into_iter()
                .map(|c| match c.mistaken.iter().find(|(k, _)| *k == m) {
                    Some((_, Some(o))) => o.clone(),
                    _ => c.expected,
                })
                .collect();
            assert_eq!(named(&judged(e, &got)), Some(m), "{e:?}");
        }
    }
}

fn scale(o: &Out, c: f64) -> Out {
    match o {
        Out::Num(x) => Out::Num(x * c),
        Out::Arr { shape, data } => Out::Arr { shape: shape.clone(), data: data.iter().map(|x| x * c).collect() },
        Out::Seq(items) => Out::Seq(items.iter().map(|i| scale(i, c)).collect()),
        Out::Other(s) => Out::Other(s.clone()),
    }
}

fn beta(c: &Case) -> Vec<f64> {
    match &c.args[2].1 {
        Arg::Arr(Out::Arr { data, .. }) => data.clone(),
        _ => panic!("no beta"),
    }
}

fn family(kind: Kind, function: &'static str, part: Part, only: u8) -> Option<Mistake> {
    Some(Mistake::Family(Family { kind, function, part, only }))
}

#[test]
fn each_family_is_named_from_the_right_answers_it_changes() {
    // Every number of the posterior twice too large.
    let got = changed(Exercise::Posterior, "posterior", |_, o| scale(o, 2.0));
    assert_eq!(
        named(&judged(Exercise::Posterior, &got)),
        family(Kind::Scaled(Factor::Two), "posterior", Part::Whole, 0)
    );
    // The SSE step n times too small (the mean taken): only error='sse' (bit 1).
    let got: Vec<Out> = cases(Exercise::GdStep)
        .iter()
        .map(|c| {
            let Out::Arr { shape, data } = &c.expected else { panic!() };
            if c.kwargs[0].1 != Arg::Str("sse") {
                return c.expected.clone();
            }
            let Arg::Arr(Out::Arr { shape: xs, .. }) = &c.args[0].1 else { panic!() };
            let n = xs[0] as f64;
            let b = beta(c);
            let data = data.iter().zip(&b).map(|(x, b)| b + (x - b) / n).collect();
            Out::Arr { shape: shape.clone(), data }
        })
        .collect();
    let f = family(Kind::Scaled(Factor::OneOverN), "gradient_descent_step", Part::Whole, 0b010);
    assert_eq!(named(&judged(Exercise::GdStep, &got)), f);
    // mu and sigma swapped.
    let got = changed(Exercise::Mle, "mle_normal", |_, o| match o {
        Out::Arr { data, .. } => Out::vector(vec![data[1], data[0]]),
        _ => panic!(),
    });
    assert_eq!(named(&judged(Exercise::Mle, &got)), family(Kind::Swapped(Part::At(1)), "mle_normal", Part::At(0), 0));
    // Only (wx_grad, wRec_grad) returned: grad_over_time is missing.
    let got = changed(Exercise::Bptt, "backward_gradient", |_, o| match o {
        Out::Seq(items) => items[0].clone(),
        _ => panic!(),
    });
    assert_eq!(named(&judged(Exercise::Bptt, &got)), family(Kind::OnlyPart, "backward_gradient", Part::At(0), 0));
    // dw negated, dx right.
    let got = changed(Exercise::Conv2d, "conv2d_backward", |_, o| match o {
        Out::Seq(items) => Out::Seq(vec![items[0].clone(), scale(&items[1], -1.0)]),
        _ => panic!(),
    });
    assert_eq!(named(&judged(Exercise::Conv2d, &got)), family(Kind::Negated, "conv2d_backward", Part::At(1), 0));
    // Probabilities cut to integers: zeros, and the single class's 1.
    let got = changed(Exercise::Mle, "mle_categorical", |_, o| match o {
        Out::Arr { shape, data } => Out::Arr { shape: shape.clone(), data: data.iter().map(|x| x.trunc()).collect() },
        _ => panic!(),
    });
    assert_eq!(named(&judged(Exercise::Mle, &got)), family(Kind::Truncated, "mle_categorical", Part::Whole, 0));
}

#[test]
fn a_family_that_does_not_explain_every_case_is_not_named() {
    // Twice the posterior on the first case only: no family, the first case shown.
    let mut first = true;
    let got = changed(Exercise::Posterior, "posterior", |_, o| {
        let out = if first { scale(o, 2.0) } else { o.clone() };
        first = false;
        out
    });
    assert!(matches!(judged(Exercise::Posterior, &got), Verdict::Wrong(_)));
    // All zeros is nothing computed, not a truncation.
    let got = changed(Exercise::Mle, "mle_categorical", |_, o| scale(o, 0.0));
    assert!(matches!(judged(Exercise::Mle, &got), Verdict::Wrong(_)));
    // The right step on 'mse', half on 'sse' and twice on 'l2': no one factor.
    let got: Vec<Out> = cases(Exercise::GdStep)
        .iter()
        .map(|c| {
            let Out::Arr { shape, data } = &c.expected else { panic!() };
            let k = match c.kwargs[0].1 {
                Arg::Str("sse") => 0.5,
                Arg::Str("l2") => 2.0,
                _ => 1.0,
            };
            let data = data.iter().zip(beta(c)).map(|(x, b)| b + (x - b) * k).collect();
            Out::Arr { shape: shape.clone(), data }
        })
        .collect();
    assert!(matches!(judged(Exercise::GdStep, &got), Verdict::Wrong(_)));
}
