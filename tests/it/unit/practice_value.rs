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

/// D18: a returned pair reads as the list it is, `[3, 3]`, not `2 [3, 3]`
/// (the length before it read as a stray number); longer and 2-D values
/// give numpy's shape before their first entries.
#[test]
fn values_are_described_without_a_bare_length() {
    use deepstep::practice::value::Out;
    assert_eq!(Out::vector(vec![3.0, 3.0]).describe(), "[3, 3]");
    let long = Out::vector((0..10).map(f64::from).collect());
    assert_eq!(long.describe(), "shape (10,): [0, 1, 2, 3, 4, 5, 6, 7, …]");
    let m = Out::matrix(&ndarray::array![[1.0, 2.0], [3.0, 4.5]]);
    assert_eq!(m.describe(), "shape (2, 2): [1, 2, 3, 4.5]");
    assert_eq!(Out::Seq(vec![Out::vector(vec![1.0, -2.0]), Out::Num(0.5)]).describe(), "([1, -2], 0.5)");
}
