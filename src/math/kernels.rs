//! Kernel presets and sample inputs for the convolution lab.

use super::rng::Rng;
use ndarray::Array2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    Identity,
    BoxBlur,
    SobelX,
    SobelY,
    Sharpen,
    Laplacian,
    RandomIntegers,
}

impl Preset {
    pub const ALL: [Preset; 7] = [
        Preset::Identity,
        Preset::BoxBlur,
        Preset::SobelX,
        Preset::SobelY,
        Preset::Sharpen,
        Preset::Laplacian,
        Preset::RandomIntegers,
    ];

    pub fn index(self) -> usize {
        Preset::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// The kernel of size kh×kw, or None when the preset exists only as 3×3.
    pub fn kernel(self, kh: usize, kw: usize, seed: u64) -> Option<Array2<f64>> {
        let fixed =
            |rows: [[f64; 3]; 3]| (kh == 3 && kw == 3).then(|| Array2::from_shape_fn((3, 3), |(i, j)| rows[i][j]));
        match self {
            Preset::Identity => {
                Some(Array2::from_shape_fn((kh, kw), |(i, j)| if i == kh / 2 && j == kw / 2 { 1.0 } else { 0.0 }))
            }
            Preset::BoxBlur => Some(Array2::from_elem((kh, kw), 1.0 / (kh * kw).max(1) as f64)),
            Preset::SobelX => fixed([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]]),
            Preset::SobelY => fixed([[-1.0, -2.0, -1.0], [0.0, 0.0, 0.0], [1.0, 2.0, 1.0]]),
            Preset::Sharpen => fixed([[0.0, -1.0, 0.0], [-1.0, 5.0, -1.0], [0.0, -1.0, 0.0]]),
            Preset::Laplacian => fixed([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]]),
            Preset::RandomIntegers => {
                let mut r = Rng::new(seed);
                Some(Array2::from_shape_simple_fn((kh, kw), || r.below(5) as f64 - 2.0))
            }
        }
    }
}

/// Generated inputs whose size the learner can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sample {
    /// 1, 2, 3, ... row by row (channel c starts at 1 + 10c).
    Ramp,
    /// 0/9 alternating.
    Checker,
    /// Seeded integers in 0..9.
    RandomIntegers,
}

impl Sample {
    pub const ALL: [Sample; 3] = [Sample::Ramp, Sample::Checker, Sample::RandomIntegers];

    pub fn channel(self, h: usize, w: usize, c: usize, seed: u64) -> Array2<f64> {
        match self {
            Sample::Ramp => Array2::from_shape_fn((h, w), |(i, j)| (1 + i * w + j + 10 * c) as f64),
            Sample::Checker => {
                Array2::from_shape_fn((h, w), |(i, j)| if (i + j + c).is_multiple_of(2) { 9.0 } else { 0.0 })
            }
            Sample::RandomIntegers => {
                let mut r = Rng::new(seed.wrapping_add(c as u64 * 7919));
                Array2::from_shape_simple_fn((h, w), || r.below(10) as f64)
            }
        }
    }
}

/// The largest pixel of the embedded digits (UCI optical digits: 0..16).
pub const DIGIT_PIXEL_MAX: f64 = 16.0;

/// How dark a digit's pixel is drawn, from 0 (blank) to 1 (full ink).
pub fn digit_ink(pixel: f64) -> f64 {
    (pixel / DIGIT_PIXEL_MAX).clamp(0.0, 1.0)
}
