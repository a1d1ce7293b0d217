//! Tests of `deepstep::practice::value` (`src/practice/value.rs`).

use deepstep::practice::value::*;
use serde_json::Value;

#[test]
fn tuples_lists_and_arrays_of_numbers_compare_alike() {
    let want = Out::Seq(vec![Out::Num(1.0), Out::Num(2.0)]).canonical();
    assert!(Out::vector(vec![1.0, 2.0]).matches(&want));
    assert!(Out::Seq(vec![Out::Num(1.0), Out::Num(2.0 + 1e-7)]).canonical().matches(&want));
    assert!(!Out::Seq(vec![Out::Num(1.0), Out::Num(2.1)]).canonical().matches(&want));
}

#[test]
fn the_first_difference_names_its_entry() {
    let want = Out::Arr { shape: vec![2, 3], data: vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0] };
    let got = Out::Arr { shape: vec![2, 3], data: vec![0.0, 1.0, 2.0, 3.0, 9.0, 5.0] };
    let d = first_difference(&Out::Seq(vec![Out::Num(1.0), got]), &Out::Seq(vec![Out::Num(1.0), want.clone()]));
    assert_eq!(d, Some(Difference::Value { index: "[1][1, 1]".into(), got: 9.0, want: 4.0 }));
    let wrong_shape = Out::Arr { shape: vec![3, 2], data: vec![0.0; 6] };
    assert!(matches!(first_difference(&wrong_shape, &want), Some(Difference::Shape { .. })));
    assert!(matches!(first_difference(&Out::Other("None".into()), &want), Some(Difference::Kind { .. })));
    assert!(!Out::Num(f64::NAN).matches(&Out::Num(f64::NAN)));
}

#[test]
fn the_harness_encoding_reads_back() {
    let v: Value =
        serde_json::from_str(r#"{"seq": [{"num": 1.5}, {"arr": {"shape": [2], "data": [1, "inf"]}}]}"#).unwrap();
    assert_eq!(
        Out::from_json(&v),
        Some(Out::Seq(vec![Out::Num(1.5), Out::Arr { shape: vec![2], data: vec![1.0, f64::INFINITY] }]))
    );
    let bad: Value = serde_json::from_str(r#"{"arr": {"shape": [3], "data": [1]}}"#).unwrap();
    assert_eq!(Out::from_json(&bad), None);
}
