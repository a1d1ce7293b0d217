//! Tests of `deepstep::math::practice_conv_size` (`src/math/practice_conv_size.rs`):
//! each wrong formula by hand, and rounding at a half left undecided.

use deepstep::math::conv::{Axis, output_size};
use deepstep::math::practice_conv_size::{ConvSizeMistake as M, conv_size};

#[test]
fn the_right_formula_is_the_verified_one() {
    for setting in [[5, 5, 3, 3, 1, 0, 1], [11, 8, 4, 2, 3, 2, 2], [10, 9, 3, 3, 3, 1, 2], [4, 6, 6, 3, 1, 1, 1]] {
        let [h, w, kh, kw, s, p, d] = setting;
        let oh = output_size(Axis::Height, h, kh, s, p, d).unwrap() as f64;
        let ow = output_size(Axis::Width, w, kw, s, p, d).unwrap() as f64;
        assert_eq!(conv_size(setting, None), Some([oh, ow]));
    }
}

#[test]
fn each_mistake_is_its_formula_by_hand() {
    // H = 11, W = 8, K = 4×2, stride 3, padding 2, dilation 2: the padded
    // lengths are 15 and 12, the spans 7 and 3; 8/3 and 9/3 are left.
    let setting = [11, 8, 4, 2, 3, 2, 2];
    let got = |m| conv_size(setting, Some(m));
    assert_eq!(conv_size(setting, None), Some([3.0, 4.0]));
    assert_eq!(got(M::NoPlusOne), Some([2.0, 3.0]));
    assert_eq!(got(M::Ceil), Some([4.0, 4.0]));
    assert_eq!(got(M::Round), Some([4.0, 4.0]));
    assert_eq!(got(M::FloatDivision), Some([8.0 / 3.0 + 1.0, 4.0]));
    // Spans 4 and 2: 11/3 and 10/3.
    assert_eq!(got(M::DilationIgnored), Some([4.0, 4.0]));
    // Spans 8 and 4: 7/3 and 8/3.
    assert_eq!(got(M::DilationTimesK), Some([3.0, 3.0]));
    // Spans 6 and 2.
    assert_eq!(got(M::NoMinusOne), Some([4.0, 4.0]));
    // Padded 13 and 10.
    assert_eq!(got(M::PaddingOnce), Some([3.0, 3.0]));
    // Spans 3 and 7.
    assert_eq!(got(M::KernelSwapped), Some([5.0, 2.0]));
    // A remainder of exactly half the stride has no single rounding: 3/2.
    assert_eq!(conv_size([6, 5, 3, 3, 2, 0, 1], Some(M::Round)), None);
    // A remainder of a third rounds down, so round is floor there, not ceil.
    assert_eq!(conv_size([10, 10, 3, 3, 3, 1, 2], Some(M::Round)), Some([3.0, 3.0]));
    assert_eq!(conv_size([10, 10, 3, 3, 3, 1, 2], Some(M::Ceil)), Some([4.0, 4.0]));
}
