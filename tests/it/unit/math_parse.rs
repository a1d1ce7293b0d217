//! Tests of `deepstep::math::parse` (`src/math/parse.rs`).

use deepstep::math::parse::*;

#[test]
fn numbers_in_every_form() {
    for s in ["0.25", ".25", "1/4", "25%", " 0.25 "] {
        assert_eq!(parse_number(s), Some(0.25), "{s}");
    }
    assert_eq!(parse_number("-3"), Some(-3.0));
    assert_eq!(parse_number("−3"), Some(-3.0));
    assert_eq!(parse_number("1/0"), None);
    assert_eq!(parse_number("abc"), None);
    assert_eq!(parse_number("inf"), None);
    // Full-width forms, as some Korean and Japanese input methods type them.
    for s in ["０．２５", "１／４", "２５％", "．２５"] {
        assert_eq!(parse_number(s), Some(0.25), "{s}");
    }
    assert!(agrees(219.0, 219.0) && agrees(0.12345, 0.1234567) && !agrees(218.0, 219.0));
    // Agreement is relative, to half a unit in the 4th significant digit
    // (5e−4 of the value) at every magnitude.
    for actual in [1e-3, 1.0, 1000.0, -2.5e6] {
        assert!(agrees(actual * (1.0 + 4e-4), actual) && agrees(actual * (1.0 - 4e-4), actual), "{actual}");
        assert!(!agrees(actual * (1.0 + 6e-4), actual) && !agrees(actual * (1.0 - 6e-4), actual), "{actual}");
    }
    assert_eq!(off_by(-3.0, 2.0), 5.0);
}

#[test]
fn matrices_and_their_errors() {
    assert_eq!(parse_matrix("1,2;3,4"), Ok((1, 2, 2, vec![1.0, 2.0, 3.0, 4.0])));
    assert_eq!(parse_matrix("1;2|3;4").unwrap().0, 2);
    let e = parse_matrix("1,2;3").unwrap_err();
    assert_eq!(e, MatrixError::Ragged { channel: 1, row: 2, expected: 2, got: 1 });
    assert_eq!(e.to_string(), "row 2 has 1 value but row 1 has 2 (rows must be equally long)");
    let e = parse_matrix("1,2;3,x").unwrap_err();
    assert_eq!(e.to_string(), "row 2, column 2: `x` is not a number");
    assert_eq!(parse_matrix(""), Err(MatrixError::Empty));
    assert_eq!(
        parse_matrix("1,2|1,2;3,4"),
        Err(MatrixError::ChannelShape { channel: 2, rows: 1, cols: 2, got_rows: 2, got_cols: 2 })
    );
}

#[test]
fn lists_name_the_position_of_what_is_wrong() {
    assert_eq!(parse_list("-1.5, 2,1/4"), Ok(vec![-1.5, 2.0, 0.25]));
    assert_eq!(parse_list(" "), Err(ListError::Empty));
    assert_eq!(parse_list("1,x,3"), Err(ListError::NotNumeric { position: 2, text: "x".into() }));
    assert_eq!(parse_list("1,inf"), Err(ListError::NotNumeric { position: 2, text: "inf".into() }));
    assert_eq!(parse_list("NaN"), Err(ListError::NotNumeric { position: 1, text: "NaN".into() }));
    assert_eq!(parse_counts("3,5,0"), Ok(vec![3, 5, 0]));
    assert_eq!(parse_counts("3,-1"), Err(ListError::NotCount { position: 2, text: "-1".into() }));
    assert_eq!(parse_counts("2.5"), Err(ListError::NotCount { position: 1, text: "2.5".into() }));
    assert_eq!(parse_counts("0,0"), Err(ListError::AllZero));
    assert_eq!(parse_list(&"1,".repeat(MAX_LIST + 1)), Err(ListError::TooLong { max: MAX_LIST }));
    assert_eq!(parse_list(&"1,".repeat(MAX_LIST)).map(|v| v.len()), Ok(MAX_LIST));
}

#[test]
fn a_typed_number_agrees_at_the_precision_it_was_typed_with() {
    // Two digits typed: within half a unit of the second digit.
    assert!(agrees_as_typed("0.78", 0.7771) && !agrees_as_typed("0.79", 0.7771));
    assert!(agrees_as_typed("-38.75", -38.75) && agrees_as_typed("-39", -38.75) && !agrees_as_typed("-38", -38.75));
    // Never coarser than two digits: "1" is not 0.95.
    assert!(!agrees_as_typed("1", 0.95) && agrees_as_typed("1", 1.004));
    // Four digits at most: more typed digits still agree at the shown four.
    assert!(agrees_as_typed("0.77712", 0.7771) && !agrees_as_typed("0.7781", 0.7771));
    assert!(agrees_as_typed("2.6e-14", 2.61e-14) && !agrees_as_typed("2.6e-14", 2.7e-14));
    assert!(!agrees_as_typed("abc", 1.0) && !agrees_as_typed("0.1", 0.0) && agrees_as_typed("0", 0.0));
}
