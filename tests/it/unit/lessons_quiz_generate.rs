//! Tests of `deepstep::lessons::quiz::generate` (`src/lessons/quiz/generate.rs`).

use deepstep::lessons::quiz::bank::{Answer, Body, generated as generate};
use deepstep::lessons::quiz::generate::{Ask, GenKind};

#[test]
fn answers_match_the_joint() {
    for seed in 0..400 {
        for kind in GenKind::ALL.into_iter().filter(|k| !matches!(k, GenKind::NormalMean | GenKind::NormalSigma)) {
            let q = generate(kind, seed).unwrap();
            let Body::Generated(g) = &q.body else { panic!("generated") };
            match (&g.ask, &q.answer) {
                (Ask::Conditional { event, given, value, .. }, Answer::Numeric { value: v, .. }) => {
                    assert_eq!(g.joint.conditional(&[*event], given).unwrap(), *value);
                    assert_eq!(v, value);
                }
                (Ask::Marginal { rows, value, .. }, Answer::Numeric { .. }) => {
                    assert!((rows.iter().sum::<f64>() - value).abs() < 1e-12);
                }
                (Ask::Posterior { bayes, state }, Answer::Numeric { value, .. }) => {
                    let direct = g.joint.conditional(&[(0, *state)], &[bayes.evidence]).unwrap();
                    assert!((direct - value).abs() < 1e-12);
                }
                (Ask::Product { factorization, holds, .. }, Answer::TrueFalse { truth, .. }) => {
                    assert_eq!(holds, truth);
                    let full = factorization.factors.iter().enumerate().all(|(k, f)| f.given.len() == k);
                    // The full chain rule always holds, and only it: a dropped
                    // condition always breaks the product (so "true" is
                    // always true by the chain rule, as the why says).
                    assert_eq!(*holds, full, "seed {seed}");
                }
                other => panic!("mismatched answer {other:?}"),
            }
        }
    }
}

#[test]
fn tables_have_two_to_four_variables() {
    let sizes: std::collections::BTreeSet<usize> = (0..60)
        .map(|s| match generate(GenKind::Marginal, s).unwrap().body {
            Body::Generated(g) => g.joint.vars.len(),
            _ => 0,
        })
        .collect();
    assert_eq!(sizes.into_iter().collect::<Vec<_>>(), vec![2, 3, 4]);
}

/// Over many tables: a product holds exactly when it is the full chain
/// rule, and its "largest gap" reads 0 then (not rounding noise).
#[test]
fn products_hold_only_by_the_chain_rule_and_exact_ones_show_no_gap() {
    let t = &deepstep::text::EN;
    // 20739 and 20740: the tables of `quiz --seed 669` (seed·31 + i), one
    // of which has an independence that a dropped condition relies on.
    for seed in (0..2000).chain(20_700..20_800) {
        let Some(q) = generate(GenKind::Product, seed) else { continue };
        let Body::Generated(g) = &q.body else { panic!() };
        let Ask::Product { factorization: f, holds, .. } = &g.ask else { panic!() };
        let full = f.factors.iter().enumerate().all(|(k, f)| f.given.len() == k);
        assert_eq!(*holds, full, "seed {seed}");
        let why = g.solution(t);
        let gap_line = why.last().unwrap();
        if *holds {
            assert_eq!(f.gap(), 0.0);
            assert_eq!(gap_line, &(t.quiz.gen_largest_gap)("0"), "seed {seed}");
        } else {
            assert!(f.gap() > 1e-9 && f.gap() == f.max_abs_error);
        }
    }
}
