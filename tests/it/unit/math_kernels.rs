//! Tests of `deepstep::math::kernels` (`src/math/kernels.rs`).

use deepstep::math::kernels::*;

#[test]
fn presets_have_their_known_shapes() {
    let id = Preset::Identity.kernel(3, 3, 0).unwrap();
    assert_eq!(id.sum(), 1.0);
    assert_eq!(id[[1, 1]], 1.0);
    assert!((Preset::BoxBlur.kernel(2, 2, 0).unwrap().sum() - 1.0).abs() < 1e-15);
    assert_eq!(Preset::SobelX.kernel(3, 3, 0).unwrap().sum(), 0.0);
    assert_eq!(Preset::Laplacian.kernel(3, 3, 0).unwrap()[[1, 1]], -4.0);
    assert!(Preset::SobelY.kernel(2, 3, 0).is_none());
    let r = Preset::RandomIntegers.kernel(4, 4, 9).unwrap();
    assert!(r.iter().all(|v| (-2.0..=2.0).contains(v) && v.fract() == 0.0));
}

#[test]
fn samples_are_deterministic() {
    assert_eq!(Sample::Ramp.channel(2, 3, 0, 0)[[1, 2]], 6.0);
    assert_eq!(Sample::RandomIntegers.channel(3, 3, 1, 5), Sample::RandomIntegers.channel(3, 3, 1, 5));
}

#[test]
fn a_digits_ink_runs_from_blank_to_full_over_its_pixel_range() {
    use deepstep::math::kernels::{DIGIT_PIXEL_MAX, digit_ink};
    assert_eq!(digit_ink(0.0), 0.0);
    assert_eq!(digit_ink(DIGIT_PIXEL_MAX / 4.0), 0.25);
    assert_eq!(digit_ink(DIGIT_PIXEL_MAX), 1.0);
    // Every embedded digit's pixels lie in that range.
    let digits = deepstep::assets::digits().unwrap();
    assert!(digits.iter().flat_map(|d| d.pixels.iter()).all(|p| (0.0..=DIGIT_PIXEL_MAX).contains(p)));
    assert!(digits.iter().any(|d| d.pixels.iter().any(|p| *p == DIGIT_PIXEL_MAX)));
}
