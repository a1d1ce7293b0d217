//! Tests of `deepstep::math::format` (`src/math/format.rs`).

use deepstep::math::format::*;

#[test]
fn percents_round_half_up_and_need_a_whole() {
    assert_eq!(percent(2, 3), Some(67));
    assert_eq!(percent(1, 8), Some(13));
    assert_eq!(percent(0, 0), None);
}

#[test]
fn small_fractions_are_written_as_fractions() {
    assert_eq!(fraction(1.0 / 9.0), "1/9");
    assert_eq!(fraction(-2.0 / 16.0), "-1/8");
    assert_eq!(fraction(0.5), "1/2");
    assert_eq!(fraction(3.0), "3");
    assert_eq!(fraction(0.1234), num(0.1234), "not a small fraction");
    assert_eq!(fraction(f64::NAN), num(f64::NAN));
    // The tolerance is relative above 1: 49/3 computed with a rounding
    // error of 1e−12 (6e−14 of its value) is still 49/3, and a value
    // 1e−9 away is not.
    assert_eq!(fraction(49.0 / 3.0 + 1e-12), "49/3");
    assert_eq!(fraction(-49.0 / 3.0 - 1e-12), "-49/3");
    assert_eq!(fraction(49.0 / 3.0 + 1e-9), num(49.0 / 3.0 + 1e-9));
}

#[test]
fn integers_decimals_and_scientific() {
    assert_eq!(num(219.0), "219");
    assert_eq!(num(-3.0), "-3");
    assert_eq!(num(-0.0), "0");
    assert_eq!(num(0.5), "0.5");
    assert_eq!(num(0.83421), "0.8342");
    assert_eq!(num(12.3456), "12.35");
    assert_eq!(num(1234.56), "1235");
    assert_eq!(num(0.00123456), "0.001235");
    assert_eq!(num(0.000123456), "1.235e-4");
    assert_eq!(num(123456.7), "1.235e5");
    assert_eq!(num(2.5e9), "2.5e9");
    assert_eq!(num(-7.25e-9), "-7.25e-9");
}

#[test]
fn never_inf_or_nan() {
    assert_eq!(num(f64::INFINITY), "overflow");
    assert_eq!(num(f64::NEG_INFINITY), "-overflow");
    assert_eq!(num(f64::NAN), "undefined");
    assert_eq!(pow10(477.30103), "2e477");
    assert_eq!(pow10(2.0), "100");
    assert_eq!(pow10(f64::NEG_INFINITY), "0");
    assert_eq!(signed_pow10(-1.0, 400.0), "-1e400");
}

#[test]
fn operands_parenthesise_negatives() {
    assert_eq!(operand(-1.0), "(-1)");
    assert_eq!(operand(2.0), "2");
}

#[test]
fn exact_is_the_shortest_text_that_reads_back() {
    for (x, want) in [
        (2.5, "2.5"),
        (-0.1, "-0.1"),
        (1e20, "100000000000000000000"),
        (3e-7, "0.0000003"),
        (0.0, "0"),
        (-0.0, "0"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "undefined"),
    ] {
        assert_eq!(exact(x), want, "{x:e}");
    }
    for x in [0.1 + 0.2, std::f64::consts::PI, 5e-324, f64::MAX] {
        assert_eq!(exact(x).parse::<f64>().unwrap(), x);
    }
    let mut out = String::from("t,");
    exact_into(&mut out, 0.25);
    assert_eq!(out, "t,0.25", "appends");
}

/// A number printed beside a comparison with a mark reads on the mark's
/// same side as the value: `num` rounds 0.99996 to "1", beside "< 1".
#[test]
fn numbers_beside_a_mark_keep_their_side_of_it() {
    for (x, want) in [(0.99996, "0.99996"), (1.00004, "1.00004"), (0.9519, "0.9519"), (1.0, "1"), (2.5, "2.5")] {
        assert_eq!(num_beside(x, 1.0), want, "{x}");
    }
    let below = 0.9999999999999997;
    let s = num_beside(below, 1.0);
    assert!(s.parse::<f64>().unwrap() < 1.0, "{s}");
    assert_eq!(pow10_beside_one(-1e-6), num_beside(10f64.powf(-1e-6), 1.0));
    assert_eq!(pow10_beside_one(400.0), "1e400");
}

#[test]
fn a_large_whole_value_is_written_like_the_values_beside_it() {
    assert_eq!(num_value(-16320384.0), "-1.632e7");
    assert_eq!(num_value(99273678.0), "9.927e7");
    assert_eq!(num_value(9999.0), "9999");
    assert_eq!(num_value(12.5), num(12.5));
    assert_eq!(num_value(f64::INFINITY), "overflow");
}
