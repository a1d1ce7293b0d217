//! Tests of `deepstep::math::conv` (`src/math/conv.rs`).

use deepstep::math::conv::*;
use ndarray::{Array, array};
use ndarray::{Array1, Array3, Array4};

#[test]
fn parameter_count_is_the_kernel_tensor_and_the_biases() {
    // As many weights as the kernel array conv2d takes holds.
    let w = Array::<f64, _>::zeros((8, 3, 3, 5));
    assert_eq!(parameter_count(3, 8, [3, 5], false), Some(w.len()));
    assert_eq!(parameter_count(3, 8, [3, 5], true), Some(w.len() + 8));
    assert_eq!(parameter_count(usize::MAX, 2, [1, 1], false), None);
}

#[test]
fn output_size_formula_and_errors() {
    assert_eq!(output_size(Axis::Height, 4, 2, 1, 0, 1), Ok(3));
    assert_eq!(output_size(Axis::Height, 7, 3, 2, 0, 1), Ok(3));
    assert_eq!(output_size(Axis::Height, 8, 3, 2, 0, 1), Ok(3)); // floor
    assert_eq!(output_size(Axis::Width, 7, 3, 1, 0, 2), Ok(3));
    assert_eq!(output_size(Axis::Width, 3, 1, 0, 0, 1), Err(ConvError::ZeroStride { axis: Axis::Width }));
    assert_eq!(
        output_size(Axis::Height, 3, 5, 1, 0, 1),
        Err(ConvError::KernelTooLarge { axis: Axis::Height, span: 5, padded: 3 })
    );
    assert_eq!(output_size(Axis::Height, 3, 2, 1, usize::MAX, 1), Err(ConvError::TooLarge { axis: Axis::Height }));
    assert_eq!(output_size(Axis::Width, 3, 3, 1, 0, usize::MAX), Err(ConvError::TooLarge { axis: Axis::Width }));
    let e = output_size(Axis::Height, 3, 2, 1, 0, 0).unwrap_err();
    assert_eq!(e.to_string(), "dilation must be at least 1, got 0 (height)");
}

#[test]
fn the_lab_example_writes_out() {
    let x = array![[[11.0, 23.0, 35.0], [52.0, 64.0, 76.0], [19.0, 28.0, 37.0]]];
    let w = Array::from_shape_vec((1, 1, 2, 2), vec![2.0, -1.0, 3.0, 1.0]).unwrap();
    let b = array![0.0];
    let frames = forward_trace(x.view(), w.view(), b.view(), ConvParams::default()).unwrap();
    assert_eq!(frames.len(), 4);
    let f = &frames[0];
    let products: Vec<f64> = f.taps.iter().map(|t| t.product).collect();
    assert_eq!(products, vec![22.0, -23.0, 156.0, 64.0]);
    assert_eq!(f.value, 219.0);
}

#[test]
fn mismatched_shapes_are_errors() {
    let x = Array3::<f64>::zeros((2, 4, 4));
    let w = Array4::<f64>::zeros((1, 1, 2, 2));
    let b = Array1::<f64>::zeros(1);
    let p = ConvParams::default();
    assert_eq!(conv2d(x.view(), w.view(), b.view(), p), Err(ConvError::ChannelMismatch { input: 2, kernel: 1 }));
    let x = Array3::<f64>::zeros((1, 4, 4));
    let dy = Array3::<f64>::zeros((1, 2, 2));
    assert_eq!(
        conv2d_backward(x.view(), w.view(), dy.view(), p),
        Err(ConvError::GradShape { expected: [1, 3, 3], got: [1, 2, 2] })
    );
    let b2 = Array1::<f64>::zeros(2);
    assert!(matches!(conv2d(x.view(), w.view(), b2.view(), p), Err(ConvError::BiasMismatch { .. })));
}

#[test]
fn grad_x_marks_stride_gaps_and_padding() {
    let x = Array3::<f64>::zeros((1, 5, 5));
    let w = Array4::<f64>::ones((1, 1, 3, 3));
    let dy = Array3::<f64>::ones((1, 2, 2));
    let p = ConvParams { stride: [2, 2], ..Default::default() };
    let frames = grad_x_trace([1, 5, 5], w.view(), dy.view(), p).unwrap();
    // dX[0,1,1]: kernel taps ki,kj in {0,1}: m = 1 - ki ∈ {1, 0} → gaps at 1.
    let f = &frames[6];
    assert_eq!(f.at, [0, 1, 1]);
    assert!(f.taps.iter().any(|t| t.a.zero == Some(Zero::StrideGap)));
    assert!(f.taps.iter().any(|t| t.a.zero == Some(Zero::Padding)));
    assert_eq!(f.value, 1.0);
    let _ = x;
    // Every tap's dY cell is a cell of the spread grid, holding the same value.
    let g = ConvGeometry::new([1, 5, 5], [1, 1, 3, 3], p).unwrap();
    let grid = spread_dy_grid(&g, dy.view(), 0);
    for f in &frames {
        for t in &f.taps {
            let (i, j) = ((t.a.index[1] - grid.origin[0]) as usize, (t.a.index[2] - grid.origin[1]) as usize);
            assert_eq!(grid.values[[i, j]], t.a.value);
            assert_eq!(grid.zero[[i, j]], t.a.zero);
        }
    }
    let w2 = Array::from_shape_vec((1, 1, 2, 2), vec![1.0, 2.0, 3.0, 4.0]).unwrap();
    assert_eq!(flipped_kernel(w2.view(), 0, 0), array![[4.0, 3.0], [2.0, 1.0]]);
}

/// Each slip of the output-size formula, worked by hand: 4 with K = 2 is 3
/// positions, 2 without the + 1; 5 with K = 3, P = 1 is 5, and 4 with the
/// padding on one side; 7 with K = 3, D = 2 is 3, and 5 without the dilation.
#[test]
fn size_slips_give_their_own_numbers() {
    use SizeMistake::*;
    assert_eq!(ForgotPlusOne.size(4, 2, 1, 0, 1), Some(2));
    assert_eq!(PaddingOneSide.size(5, 3, 1, 1, 1), Some(4));
    assert_eq!(DilationIgnored.size(7, 3, 1, 0, 2), Some(5));
    // A one-sided padding the window does not fit has no size.
    assert_eq!(PaddingOneSide.size(1, 3, 1, 1, 1), None);
    let geometry = |h: usize, k: usize, p: ConvParams| ConvGeometry::new([1, h, h], [1, 1, k, k], p).unwrap();
    let g = geometry(4, 2, ConvParams::default());
    assert_eq!(size_mistakes_giving(&g, [2, 2]), vec![ForgotPlusOne]);
    assert_eq!(size_mistakes_giving(&g, [3, 3]), vec![], "the right size is no slip");
    assert_eq!(size_mistakes_giving(&g, [2, 3]), vec![], "one axis slipped is not the slip");
    let g = geometry(5, 3, ConvParams { padding: [1, 1], ..ConvParams::default() });
    // Here two slips give 4: both are named.
    assert_eq!(size_mistakes_giving(&g, [4, 4]), vec![ForgotPlusOne, PaddingOneSide]);
    let g = geometry(7, 3, ConvParams { dilation: [2, 2], ..ConvParams::default() });
    assert_eq!(size_mistakes_giving(&g, [5, 5]), vec![DilationIgnored]);
    // A dilation on the height only: the width's right size is part of the slip.
    let g =
        ConvGeometry::new([1, 7, 7], [1, 1, 3, 3], ConvParams { dilation: [2, 1], ..ConvParams::default() }).unwrap();
    assert_eq!(size_mistakes_giving(&g, [5, 5]), vec![DilationIgnored]);
}

/// The slips of one value: x = [[1, 2], [3, 4]] under w = [[1, 0], [0, 2]]
/// is 1 + 8 = 9; turned 180° the kernel gives 2·1 + 1·4 = 6. With a second
/// channel (x = 10, w = 1) the value is 19 and each channel alone 9 or 10.
#[test]
fn value_slips_give_their_own_numbers() {
    let p = ConvParams::default();
    let x = Array3::from_shape_vec((1, 2, 2), vec![1.0, 2.0, 3.0, 4.0]).unwrap();
    let w = Array4::from_shape_vec((1, 1, 2, 2), vec![1.0, 0.0, 0.0, 2.0]).unwrap();
    let f = forward_frame(x.view(), w.view(), Array1::zeros(1).view(), p, 0).unwrap().unwrap();
    assert_eq!(f.value, 9.0);
    assert_eq!(value_mistakes(&f, 1), vec![(ValueMistake::FlippedKernel, 6.0)]);
    let x = Array3::from_shape_vec((2, 1, 1), vec![9.0, 10.0]).unwrap();
    let w = Array4::from_shape_vec((1, 2, 1, 1), vec![1.0, 1.0]).unwrap();
    let f = forward_frame(x.view(), w.view(), Array1::zeros(1).view(), p, 0).unwrap().unwrap();
    // A 1×1 kernel turned is itself: no slip there.
    assert_eq!(value_mistakes(&f, 2), vec![(ValueMistake::OneChannel(0), 9.0), (ValueMistake::OneChannel(1), 10.0)]);
}

/// D25: the width's refusal names the width's letter (W+2P), the height's H+2P.
#[test]
fn a_kernel_too_large_names_its_axis_letter() {
    let e = output_size(Axis::Width, 2, 5, 1, 0, 1).unwrap_err();
    assert!(e.to_string().contains("padded input W+2P = 2"), "{e}");
    let e = output_size(Axis::Height, 2, 5, 1, 0, 1).unwrap_err();
    assert!(e.to_string().contains("padded input H+2P = 2"), "{e}");
}

/// The lab's size slips are the practice checker's formulas: on every small
/// setting each gives what its slip written by hand gives.
#[test]
fn the_labs_size_slips_agree_with_the_formulas_written_out() {
    use deepstep::math::conv::{Axis, SizeMistake, output_size};
    for h in 1..16 {
        for k in 1..6 {
            for s in 1..4 {
                for p in 0..3 {
                    for d in 1..3 {
                        let right = output_size(Axis::Height, h, k, s, p, d).ok();
                        let span = d * (k - 1) + 1;
                        let one_side = (span <= h + p).then(|| (h + p - span) / s + 1);
                        let k_only = (k <= h + 2 * p).then(|| (h + 2 * p - k) / s + 1);
                        let at = (h, k, s, p, d);
                        assert_eq!(SizeMistake::ForgotPlusOne.size(h, k, s, p, d), right.map(|n| n - 1), "{at:?}");
                        assert_eq!(SizeMistake::PaddingOneSide.size(h, k, s, p, d), one_side, "{at:?}");
                        assert_eq!(SizeMistake::DilationIgnored.size(h, k, s, p, d), k_only, "{at:?}");
                    }
                }
            }
        }
    }
}
