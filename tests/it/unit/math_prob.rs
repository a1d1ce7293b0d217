//! Tests of `deepstep::math::prob` (`src/math/prob.rs`).

use deepstep::math::prob::*;

fn rain_sprinkler() -> Joint {
    // Rain, Sprinkler, Wet grass.
    let vars = vec![Variable::binary("R"), Variable::binary("S"), Variable::binary("W")];
    let p = vec![0.40, 0.02, 0.03, 0.15, 0.04, 0.16, 0.01, 0.19];
    Joint::new(vars, p).unwrap()
}

#[test]
fn marginals_and_conditionals() {
    let j = rain_sprinkler();
    assert!((j.prob(&[(0, 1)]).unwrap() - 0.40).abs() < 1e-12);
    let m = j.marginal(&[2]).unwrap();
    assert!((m.p[1] - 0.52).abs() < 1e-12);
    let c = j.conditional(&[(0, 1)], &[(2, 1)]).unwrap();
    assert!((c - 0.35 / 0.52).abs() < 1e-12);
}

#[test]
fn chain_rule_holds_in_every_order() {
    let j = rain_sprinkler();
    for order in [[0, 1, 2], [2, 1, 0], [1, 0, 2], [2, 0, 1]] {
        let f = j.chain_rule(&order).unwrap();
        assert!(f.max_abs_error < 1e-12, "{order:?}");
        assert_eq!(f.factors.last().unwrap().given.len(), 2);
    }
    assert_eq!(j.chain_rule(&[0, 0, 1]), Err(ProbError::BadOrder));
}

#[test]
fn a_dropped_condition_matches_only_with_independence() {
    let j = rain_sprinkler();
    let markov =
        vec![Factor { var: 0, given: vec![] }, Factor { var: 1, given: vec![0] }, Factor { var: 2, given: vec![1] }];
    let f = j.check_factors(markov).unwrap();
    assert!(f.max_abs_error > 1e-3 && !f.holds());
    let worst = f.worst_row().unwrap();
    assert_eq!((f.rows[worst].product - f.rows[worst].joint).abs(), f.max_abs_error);
    assert_eq!(j.entries(&[(0, 1), (2, 1)]).unwrap(), vec![0.16, 0.19]);
    // A ⊥ B by construction: P(A, B) = P(A) P(B).
    let ind = Joint::new(vec![Variable::binary("A"), Variable::binary("B")], vec![0.12, 0.28, 0.18, 0.42]).unwrap();
    let f = ind.check_factors(vec![Factor { var: 0, given: vec![] }, Factor { var: 1, given: vec![] }]).unwrap();
    assert!(f.max_abs_error < 1e-12 && f.holds());
    assert_eq!(j.check_factors(vec![Factor { var: 5, given: vec![] }]), Err(ProbError::NoSuchVariable(5)));
}

#[test]
fn bayes_names_its_parts_and_matches_the_conditional() {
    let j = rain_sprinkler();
    let b = j.bayes(0, (2, 1)).unwrap();
    assert!((b.evidence_p - 0.52).abs() < 1e-12);
    let direct = j.conditional(&[(0, 1)], &[(2, 1)]).unwrap();
    assert!((b.posterior[1] - direct).abs() < 1e-12);
    assert!((b.posterior.iter().sum::<f64>() - 1.0).abs() < 1e-12);
}

#[test]
fn invalid_tables_are_errors() {
    let v = || vec![Variable::binary("A")];
    assert_eq!(Joint::new(v(), vec![0.5]), Err(ProbError::Size { expected: 2, got: 1 }));
    assert!(matches!(Joint::new(v(), vec![-0.5, 1.5]), Err(ProbError::Negative { .. })));
    assert!(matches!(Joint::new(v(), vec![0.5, 0.6]), Err(ProbError::NotNormalised(_))));
    let z = Joint::new(v(), vec![1.0, 0.0]).unwrap();
    assert_eq!(z.conditional(&[(0, 0)], &[(0, 1)]), Err(ProbError::ZeroEvidence));
}

#[test]
fn random_joints_are_normalised_and_positive() {
    for seed in 0..20 {
        let vars = vec![Variable::binary("A"), Variable::new("B", &["x", "y", "z"])];
        let j = Joint::random(vars, seed).unwrap();
        assert!(j.p.iter().all(|p| *p > 0.0));
    }
}
