//! Tests of `deepstep::practice::cases` (`src/practice/cases.rs`).

use deepstep::practice::cases::*;
use deepstep::practice::exercise::Exercise;
use deepstep::practice::value::Out;
use serde_json::json;

#[test]
fn every_exercise_has_cases_and_every_mistake_differs_somewhere() {
    for e in Exercise::ALL {
        let cs = cases(e);
        assert!(cs.len() >= 3, "{e:?}");
        for m in e.mistakes() {
            let differs = cs.iter().any(|c| {
                c.mistaken.iter().any(|(k, o)| *k == m && o.as_ref().is_some_and(|o| !o.matches(&c.expected)))
            });
            assert!(differs, "{e:?} {m:?} is never told apart from the answer");
        }
    }
}

#[test]
fn the_edge_cases_are_there() {
    let bptt = cases(Exercise::Bptt);
    assert!(bptt.iter().any(|c| matches!(&c.args[0].1, Arg::Arr(Out::Arr { shape, .. }) if shape[1] == 1)));
    let conv = cases(Exercise::Conv2d);
    assert!(conv.iter().any(|c| c.kwargs.iter().any(|(k, a)| *k == "padding" && *a == Arg::Int(1))));
    let mle = cases(Exercise::Mle);
    assert!(mle.iter().any(|c| matches!(&c.args[0].1, Arg::Arr(Out::Arr { data, .. }) if data.len() == 1)));
    assert!(mle.iter().any(|c| matches!(&c.args[0].1, Arg::Ints(v) if v.contains(&0))));
}

#[test]
fn arrays_go_to_python_as_nested_lists() {
    let a = Arg::Arr(Out::Arr { shape: vec![2, 2], data: vec![1.0, 2.0, 3.0, 4.0] });
    assert_eq!(a.to_json(), json!({"nd": [[1.0, 2.0], [3.0, 4.0]]}));
}
