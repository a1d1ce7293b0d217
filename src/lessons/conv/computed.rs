//! The convolution lab's settings (what the knobs set, what the command line
//! gave) and what the math computes from them; frames are made when asked.

use crate::assets::Digit;
use crate::lessons::cycle::cycle;
use crate::math::conv::{self, ConvGeometry, ConvGrads, ConvParams, Frame, SpreadGrid};
use crate::math::kernels::{Preset, Sample};
use crate::math::rng::Rng;
use crate::text::Text;
use ndarray::{Array1, Array3, Array4, Axis, s};

/// Which pass the lab steps through (the lab shows one at a time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Forward,
    GradW,
    GradX,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Forward, Mode::GradW, Mode::GradX];

    pub fn next(self) -> Mode {
        cycle(&Mode::ALL, self, 1)
    }
}

/// Where the input comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputChoice {
    Sample(Sample),
    Digit(u8),
    /// Given on the command line (`--input`).
    Custom,
}

/// Everything the knobs set. The computed lab follows from it alone.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub input: InputChoice,
    /// Size of generated inputs.
    pub size: [usize; 2],
    pub c_in: usize,
    pub c_out: usize,
    pub kernel: [usize; 2],
    /// None: the kernel given on the command line.
    pub preset: Option<Preset>,
    pub params: ConvParams,
    pub seed: u64,
    /// dY is all ones unless randomised (seeded integers in −2..2).
    pub dy_seed: Option<u64>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            input: InputChoice::Sample(Sample::Ramp),
            size: [4, 4],
            c_in: 1,
            c_out: 1,
            kernel: [2, 2],
            preset: Some(Preset::RandomIntegers),
            params: ConvParams::default(),
            seed: 7,
            dy_seed: None,
        }
    }
}

/// Values given on the command line instead of generated ones.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Custom {
    pub x: Option<Array3<f64>>,
    pub w: Option<Array4<f64>>,
    pub dy: Option<Array3<f64>>,
}

/// What the math computed for the current settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    pub x: Array3<f64>,
    pub w: Array4<f64>,
    pub b: Array1<f64>,
    pub dy: Array3<f64>,
    pub geometry: ConvGeometry,
    pub y: Array3<f64>,
    pub grads: ConvGrads,
    /// dX's sliding grid, one per output channel.
    pub spread: Vec<SpreadGrid>,
    /// Input rows and columns no window reads, and the output-size floor's
    /// parts per axis (the view shades the first and explains with the second).
    pub unread: [Vec<usize>; 2],
    pub floor: [conv::FloorParts; 2],
    /// dX's padding (negative: cropping) before and after the spread dY, per axis.
    pub dx_padding: [(isize, isize); 2],
}

/// Why a setting was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    FixedSize,
    /// The kernel's size was changed while this preset, which exists only as
    /// 3×3, is chosen.
    PresetIsThreeByThree(Preset),
    Math(conv::ConvError),
}

impl Refusal {
    /// In the learner's language (the math error's own `Display` is English).
    pub fn describe(&self, t: &Text) -> String {
        use conv::{Axis, ConvError as E};
        let c = &t.conv;
        let axis = |a: &Axis| c.axis_names[usize::from(*a == Axis::Width)];
        let shape = |s: &[usize; 3]| format!("{}×{}×{}", s[0], s[1], s[2]);
        match self {
            Refusal::FixedSize => c.fixed_size.to_string(),
            Refusal::PresetIsThreeByThree(p) => (c.preset_is_3x3)(c.presets[p.index()]),
            Refusal::Math(e) => match e {
                E::ZeroStride { axis: a } => (c.err_zero)(c.setting_names[0], axis(a)),
                E::ZeroDilation { axis: a } => (c.err_zero)(c.setting_names[1], axis(a)),
                E::ZeroKernel { axis: a } => (c.err_zero)(c.setting_names[2], axis(a)),
                E::ZeroInput { axis: a } => (c.err_zero)(c.setting_names[3], axis(a)),
                E::KernelTooLarge { axis: a, span, padded } => {
                    (c.err_kernel_too_large)(axis(a), a.letter(), *span, *padded)
                }
                E::TooLarge { axis: a } => (c.err_too_large)(axis(a)),
                E::ChannelMismatch { input, kernel } => (c.err_channels)(*kernel, *input),
                E::BiasMismatch { expected, got } => (c.err_bias)(*expected, *got),
                E::GradShape { expected, got } => (c.err_dy_shape)(&shape(expected), &shape(got)),
            },
        }
    }
}

/// The preset of each of `c_out` output channels: the chosen one for the
/// first; for the second, random integers again (with its own seed), and
/// after any other preset the next one that exists at this kernel size, so
/// the two channels differ (the screen names it: `Text::conv.second_preset`).
pub fn channel_presets(chosen: Preset, c_out: usize, kernel: [usize; 2]) -> Vec<Preset> {
    let fits = |p: &Preset| p.kernel(kernel[0], kernel[1], 0).is_some();
    let next = (1..Preset::ALL.len())
        .map(|k| Preset::ALL[(chosen.index() + k) % Preset::ALL.len()])
        .find(fits)
        .unwrap_or(chosen);
    (0..c_out).map(|co| if co == 0 || chosen == Preset::RandomIntegers { chosen } else { next }).collect()
}

pub fn compute(s: &Settings, custom: &Custom, digits: &[Digit]) -> Result<Computed, Refusal> {
    let x = match s.input {
        InputChoice::Custom => custom.x.clone().ok_or(Refusal::FixedSize)?,
        InputChoice::Sample(sample) => {
            let mut x = Array3::zeros((s.c_in, s.size[0], s.size[1]));
            for c in 0..s.c_in {
                x.index_axis_mut(Axis(0), c).assign(&sample.channel(s.size[0], s.size[1], c, s.seed));
            }
            x
        }
        InputChoice::Digit(d) => {
            let mut x = Array3::zeros((s.c_in, 8, 8));
            for c in 0..s.c_in {
                if let Some(dg) = digits.get((d as usize + c) % digits.len().max(1)) {
                    x.index_axis_mut(Axis(0), c).assign(&dg.pixels);
                }
            }
            x
        }
    };
    let c_in = x.shape()[0];
    let w = match (s.preset, &custom.w) {
        (None, Some(w)) => w.clone(),
        (preset, _) => {
            let mut w = Array4::zeros((s.c_out, c_in, s.kernel[0], s.kernel[1]));
            for (co, p) in
                channel_presets(preset.unwrap_or(Preset::Identity), s.c_out, s.kernel).into_iter().enumerate()
            {
                for ci in 0..c_in {
                    let seed = s.seed.wrapping_add((co * 3 + ci) as u64 * 101);
                    let k = p.kernel(s.kernel[0], s.kernel[1], seed).ok_or(Refusal::PresetIsThreeByThree(p))?;
                    w.slice_mut(s![co, ci, .., ..]).assign(&k);
                }
            }
            w
        }
    };
    let xs = x.shape();
    let ws = w.shape();
    let geometry =
        ConvGeometry::new([xs[0], xs[1], xs[2]], [ws[0], ws[1], ws[2], ws[3]], s.params).map_err(Refusal::Math)?;
    let b = Array1::zeros(geometry.c_out);
    let shape = geometry.output_shape();
    let dy = match (&custom.dy, s.dy_seed) {
        (_, Some(seed)) => {
            let mut r = Rng::new(seed);
            Array3::from_shape_simple_fn(shape, || r.below(5) as f64 - 2.0)
        }
        (Some(dy), None) if dy.shape() == shape => dy.clone(),
        _ => Array3::ones(shape),
    };
    let m = Refusal::Math;
    let y = conv::conv2d(x.view(), w.view(), b.view(), s.params).map_err(m)?;
    let grads = conv::conv2d_backward(x.view(), w.view(), dy.view(), s.params).map_err(m)?;
    let spread = (0..geometry.c_out).map(|co| conv::spread_dy_grid(&geometry, dy.view(), co)).collect();
    let unread = [geometry.unread(0), geometry.unread(1)];
    let floor = [geometry.floor_parts(0), geometry.floor_parts(1)];
    let dx_padding = [geometry.dx_padding(0), geometry.dx_padding(1)];
    Ok(Computed { x, w, b, dy, geometry, y, grads, spread, unread, floor, dx_padding })
}

/// Frames are made when shown or printed (from the geometry and the arrays),
/// one at a time: the lab's memory is one frame plus the arrays, not the
/// whole trace, which for large kernels would be gigabytes.
impl Computed {
    /// How many frames the mode has: one per value it computes.
    pub fn count(&self, mode: Mode) -> usize {
        let g = &self.geometry;
        match mode {
            Mode::Forward => g.output_shape().iter().product(),
            Mode::GradW => g.c_out * g.c_in * g.kernel[0] * g.kernel[1],
            Mode::GradX => g.c_in * g.input[0] * g.input[1],
        }
    }

    pub fn forward_frame(&self, i: usize) -> Option<Frame<[usize; 3]>> {
        conv::forward_frame(self.x.view(), self.w.view(), self.b.view(), self.geometry.params, i).ok().flatten()
    }

    pub fn grad_w_frame(&self, i: usize) -> Option<Frame<[usize; 4]>> {
        conv::grad_w_frame(self.x.view(), self.w.view(), self.dy.view(), self.geometry.params, i).ok().flatten()
    }

    pub fn grad_x_frame(&self, i: usize) -> Option<Frame<[usize; 3]>> {
        let s = self.x.shape();
        conv::grad_x_frame([s[0], s[1], s[2]], self.w.view(), self.dy.view(), self.geometry.params, i).ok().flatten()
    }

    /// Where frame `i` of `mode` writes: [co, oy, ox], [co, ci, ki, kj] or [ci, iy, ix].
    pub fn at(&self, mode: Mode, i: usize) -> Option<Vec<usize>> {
        let g = &self.geometry;
        match mode {
            Mode::Forward => conv::unravel(g.output_shape(), i).map(|a| a.to_vec()),
            Mode::GradW => conv::unravel([g.c_out, g.c_in, g.kernel[0], g.kernel[1]], i).map(|a| a.to_vec()),
            Mode::GradX => conv::unravel([g.c_in, g.input[0], g.input[1]], i).map(|a| a.to_vec()),
        }
    }

    /// Frame `i`'s value, read from the computed arrays (the frame's last
    /// running sum is the same number: both come from the same walk).
    pub fn value(&self, mode: Mode, i: usize) -> Option<f64> {
        let at = self.at(mode, i)?;
        Some(match mode {
            Mode::Forward => self.y[[at[0], at[1], at[2]]],
            Mode::GradW => self.grads.dw[[at[0], at[1], at[2], at[3]]],
            Mode::GradX => self.grads.dx[[at[0], at[1], at[2]]],
        })
    }
}
