//! The convolution lab's model: settings (the knobs), what the math computed
//! from them, where the learner is, and `update`, the only place it changes.

use crate::assets::Digit;
use crate::lessons::cycle::{cycle, position, stop};
use crate::lessons::input::{Edit, TextInput};
use crate::math::conv::{self, ConvGeometry, ConvGrads, ConvParams, Frame, SpreadGrid};
use crate::math::format;
use crate::math::kernels::{Preset, Sample};
use crate::math::parse::{agrees, parse_number};
use crate::math::rng::Rng;
use crate::text::Text;
use ndarray::{Array1, Array3, Array4, Axis, s};

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

/// The knobs, in the order the knob panel lists them (and `Text::conv.knob_names`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Knob {
    Input,
    InputH,
    InputW,
    KernelH,
    KernelW,
    Preset,
    StrideH,
    StrideW,
    PadH,
    PadW,
    DilH,
    DilW,
    CIn,
    COut,
}

impl Knob {
    pub const ALL: [Knob; 14] = [
        Knob::Input,
        Knob::InputH,
        Knob::InputW,
        Knob::KernelH,
        Knob::KernelW,
        Knob::Preset,
        Knob::StrideH,
        Knob::StrideW,
        Knob::PadH,
        Knob::PadW,
        Knob::DilH,
        Knob::DilW,
        Knob::CIn,
        Knob::COut,
    ];

    pub fn index(self) -> usize {
        position(&Knob::ALL, &self)
    }

    /// The same knob on the other axis, for linked changes.
    fn partner(self) -> Option<Knob> {
        Some(match self {
            Knob::InputH => Knob::InputW,
            Knob::InputW => Knob::InputH,
            Knob::KernelH => Knob::KernelW,
            Knob::KernelW => Knob::KernelH,
            Knob::StrideH => Knob::StrideW,
            Knob::StrideW => Knob::StrideH,
            Knob::PadH => Knob::PadW,
            Knob::PadW => Knob::PadH,
            Knob::DilH => Knob::DilW,
            Knob::DilW => Knob::DilH,
            _ => return None,
        })
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
}

/// Why a setting was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    FixedSize,
    SobelSize,
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
            Refusal::SobelSize => c.sobel_size.to_string(),
            Refusal::Math(e) => match e {
                E::ZeroStride { axis: a } => (c.err_zero)(c.setting_names[0], axis(a)),
                E::ZeroDilation { axis: a } => (c.err_zero)(c.setting_names[1], axis(a)),
                E::ZeroKernel { axis: a } => (c.err_zero)(c.setting_names[2], axis(a)),
                E::ZeroInput { axis: a } => (c.err_zero)(c.setting_names[3], axis(a)),
                E::KernelTooLarge { axis: a, span, padded } => (c.err_kernel_too_large)(axis(a), *span, *padded),
                E::TooLarge { axis: a } => (c.err_too_large)(axis(a)),
                E::ChannelMismatch { input, kernel } => (c.err_channels)(*kernel, *input),
                E::BiasMismatch { expected, got } => (c.err_bias)(*expected, *got),
                E::GradShape { expected, got } => (c.err_dy_shape)(&shape(expected), &shape(got)),
            },
        }
    }
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
            let preset = preset.unwrap_or(Preset::Identity);
            let mut w = Array4::zeros((s.c_out, c_in, s.kernel[0], s.kernel[1]));
            for co in 0..s.c_out {
                // The second output channel uses the next preset, so the two differ.
                let p = Preset::ALL[(preset.index() + co) % Preset::ALL.len()];
                for ci in 0..c_in {
                    let seed = s.seed.wrapping_add((co * 3 + ci) as u64 * 101);
                    let k = p.kernel(s.kernel[0], s.kernel[1], seed).ok_or(Refusal::SobelSize)?;
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
    Ok(Computed { x, w, b, dy, geometry, y, grads, spread })
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

/// What the lab is asking the learner to type.
#[derive(Debug, Clone, PartialEq)]
pub enum Asking {
    /// The value of frame `frame` of the current mode.
    Value { frame: usize },
    /// The output size after a geometry change.
    Size,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub asking: Asking,
    pub input: TextInput,
}

/// The line under the panels after something happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Refused(Refusal),
    Right,
    Wrong(String),
    NotANumber,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Next,
    Prev,
    First,
    Last,
    ToggleFine,
    TogglePlay,
    Slower,
    Faster,
    CycleMode,
    KnobUp,
    KnobDown,
    KnobDec,
    KnobInc,
    ToggleLink,
    NextPreset,
    NextInput,
    RandomDy,
    TogglePredict,
    /// Jump to output cell `usize` of the current mode's frame order.
    JumpTo(usize),
    /// An animation tick while playing.
    Tick,
    /// A key while an answer is typed.
    Prompt(Edit),
}

pub const SPEEDS_MS: [u64; 6] = [60, 120, 250, 500, 1000, 2000];

#[derive(Debug, Clone, PartialEq)]
pub struct ConvLab {
    pub settings: Settings,
    pub custom: Custom,
    pub data: Computed,
    pub mode: Mode,
    pub frame: usize,
    /// Tap-by-tap mode: how many taps of the frame are shown (1..=taps).
    pub tap: Option<usize>,
    pub playing: bool,
    pub speed: usize,
    pub knob: Knob,
    pub linked: bool,
    pub predict: bool,
    pub prompt: Option<Prompt>,
    pub message: Option<Message>,
    /// (right, asked) predictions.
    pub score: (usize, usize),
    digits: Vec<Digit>,
}

impl ConvLab {
    pub fn new(settings: Settings, custom: Custom, digits: Vec<Digit>) -> Result<Self, Refusal> {
        let data = compute(&settings, &custom, &digits)?;
        Ok(ConvLab {
            settings,
            custom,
            data,
            mode: Mode::Forward,
            frame: 0,
            tap: None,
            playing: false,
            speed: 2,
            knob: Knob::Input,
            linked: true,
            predict: false,
            prompt: None,
            message: None,
            score: (0, 0),
            digits,
        })
    }

    /// Number of frames in the current mode.
    pub fn frame_count(&self) -> usize {
        self.data.count(self.mode)
    }

    /// The current frame's taps (as a forward-like view: a, b, product, sum),
    /// its start value and final value, made now from the geometry.
    pub fn current(&self) -> (Vec<conv::Tap>, f64, f64) {
        let f = self.frame.min(self.frame_count().saturating_sub(1));
        let parts = |taps, start, value| (taps, start, value);
        match self.mode {
            Mode::Forward => self.data.forward_frame(f).map(|fr| parts(fr.taps, fr.start, fr.value)),
            Mode::GradW => self.data.grad_w_frame(f).map(|fr| parts(fr.taps, fr.start, fr.value)),
            Mode::GradX => self.data.grad_x_frame(f).map(|fr| parts(fr.taps, fr.start, fr.value)),
        }
        .unwrap_or_default()
    }

    /// How many taps the current frame has (without building it).
    pub fn tap_count(&self) -> usize {
        let g = &self.data.geometry;
        let (kh, kw) = (g.kernel[0], g.kernel[1]);
        match self.mode {
            Mode::Forward => g.c_in * kh * kw,
            Mode::GradW => g.output[0] * g.output[1],
            Mode::GradX => g.c_out * kh * kw,
        }
    }

    /// Taps shown: all of them, or the first `tap` in tap-by-tap mode.
    pub fn shown_taps(&self) -> usize {
        let n = self.tap_count();
        self.tap.map_or(n, |t| t.min(n))
    }

    pub fn speed_ms(&self) -> u64 {
        SPEEDS_MS[self.speed.min(SPEEDS_MS.len() - 1)]
    }

    pub fn input_names(&self) -> Vec<InputChoice> {
        let mut v: Vec<InputChoice> = Sample::ALL.iter().map(|s| InputChoice::Sample(*s)).collect();
        v.extend((0..self.digits.len() as u8).map(InputChoice::Digit));
        if self.custom.x.is_some() {
            v.push(InputChoice::Custom);
        }
        v
    }

    /// On the last frame (and, tap by tap, its last tap): nothing left to play.
    fn at_end(&self) -> bool {
        self.frame + 1 >= self.frame_count() && self.tap.is_none_or(|t| t >= self.tap_count())
    }

    pub fn update(&mut self, action: Action) {
        if self.prompt.is_some() {
            self.update_prompt(action);
            return;
        }
        // A verdict or refusal belongs to the frame, mode and prediction it
        // was about: moving on clears it, so each mode's explanation is seen.
        if matches!(
            action,
            Action::Next
                | Action::Prev
                | Action::First
                | Action::Last
                | Action::CycleMode
                | Action::TogglePredict
                | Action::JumpTo(_)
        ) {
            self.message = None;
        }
        match action {
            Action::Next => self.step_forward(),
            Action::Prev => self.step_back(),
            Action::First => self.go_to(0, false),
            Action::Last => self.go_to(self.frame_count().saturating_sub(1), true),
            Action::ToggleFine => {
                self.tap = match self.tap {
                    Some(_) => None,
                    None => Some(1),
                }
            }
            Action::TogglePlay => {
                // Play at the last frame starts again from the first.
                if !self.playing && self.at_end() {
                    self.go_to(0, false);
                }
                self.playing = !self.playing;
            }
            Action::Slower => self.speed = (self.speed + 1).min(SPEEDS_MS.len() - 1),
            Action::Faster => self.speed = self.speed.saturating_sub(1),
            Action::CycleMode => {
                self.mode = self.mode.next();
                self.go_to(0, false);
            }
            // The knob list stops at its ends rather than wrapping out of sight.
            Action::KnobUp => self.knob = stop(&Knob::ALL, self.knob, -1),
            Action::KnobDown => self.knob = stop(&Knob::ALL, self.knob, 1),
            Action::KnobDec => self.turn(self.knob, -1),
            Action::KnobInc => self.turn(self.knob, 1),
            Action::ToggleLink => self.linked = !self.linked,
            Action::NextPreset => self.turn(Knob::Preset, 1),
            Action::NextInput => self.turn(Knob::Input, 1),
            Action::RandomDy => {
                let mut s = self.settings.clone();
                s.dy_seed = Some(s.dy_seed.map_or(1, |v| v + 1));
                self.apply(s);
            }
            Action::TogglePredict => self.predict = !self.predict,
            Action::JumpTo(f) => {
                if f < self.frame_count() {
                    self.go_to(f, false);
                }
            }
            Action::Tick => {
                if self.playing {
                    if self.at_end() {
                        self.playing = false;
                    } else {
                        self.step_forward();
                    }
                }
            }
            Action::Prompt(_) => {}
        }
    }

    fn go_to(&mut self, f: usize, last_tap: bool) {
        self.frame = f.min(self.frame_count().saturating_sub(1));
        if self.tap.is_some() {
            self.tap = Some(if last_tap { self.tap_count().max(1) } else { 1 });
        }
    }

    fn step_forward(&mut self) {
        if let Some(t) = self.tap
            && t < self.tap_count()
        {
            self.tap = Some(t + 1);
            return;
        }
        if self.frame + 1 >= self.frame_count() {
            self.playing = false;
            return;
        }
        if self.predict {
            self.playing = false;
            self.ask(Asking::Value { frame: self.frame + 1 });
        } else {
            self.go_to(self.frame + 1, false);
        }
    }

    fn step_back(&mut self) {
        if let Some(t) = self.tap
            && t > 1
        {
            self.tap = Some(t - 1);
            return;
        }
        if self.frame > 0 {
            self.go_to(self.frame - 1, true);
        }
    }

    fn ask(&mut self, asking: Asking) {
        self.prompt = Some(Prompt { asking, input: TextInput::default() });
    }

    fn update_prompt(&mut self, action: Action) {
        let (Action::Prompt(e), Some(p)) = (action, self.prompt.as_mut()) else { return };
        match p.input.edit(e) {
            Some(Edit::Skip) => self.close_prompt(),
            Some(Edit::Submit) => self.submit(),
            _ => {}
        }
    }

    /// Leave the prompt, moving on to the frame it asked about.
    fn close_prompt(&mut self) {
        if let Some(Prompt { asking: Asking::Value { frame }, .. }) = self.prompt.take() {
            self.go_to(frame, false);
        }
    }

    fn submit(&mut self) {
        let Some(p) = &self.prompt else { return };
        match p.asking {
            Asking::Value { frame } => {
                let Some(guess) = parse_number(&p.input.buffer) else {
                    self.message = Some(Message::NotANumber);
                    return;
                };
                let actual = self.frame_value(frame);
                self.grade(agrees(guess, actual), format::num(actual));
            }
            Asking::Size => {
                let [oh, ow] = self.data.geometry.output;
                let nums: Vec<f64> = p
                    .input
                    .buffer
                    .split(|c: char| c == 'x' || c == 'X' || c == '×' || c == ',' || c.is_whitespace())
                    .filter(|s| !s.is_empty())
                    .filter_map(parse_number)
                    .collect();
                if nums.len() != 2 {
                    self.message = Some(Message::NotANumber);
                    return;
                }
                self.grade(nums[0] == oh as f64 && nums[1] == ow as f64, format!("{oh}×{ow}"));
            }
        }
        self.close_prompt();
    }

    fn grade(&mut self, right: bool, answer: String) {
        self.score.1 += 1;
        if right {
            self.score.0 += 1;
            self.message = Some(Message::Right);
        } else {
            self.message = Some(Message::Wrong(answer));
        }
    }

    /// The final value of frame `f` of the current mode.
    pub fn frame_value(&self, f: usize) -> f64 {
        self.data.value(self.mode, f).unwrap_or(0.0)
    }

    /// Turn a knob by `delta` steps (and its partner too when axes are linked).
    fn turn(&mut self, knob: Knob, delta: i64) {
        let mut s = self.settings.clone();
        if let Err(r) = self.turn_one(&mut s, knob, delta) {
            self.message = Some(Message::Refused(r));
            return;
        }
        if self.linked
            && let Some(other) = knob.partner()
        {
            // Linked: the other axis takes the same value.
            let v = knob_value(&s, knob);
            set_knob(&mut s, other, v);
        }
        self.apply(s);
    }

    fn turn_one(&self, s: &mut Settings, knob: Knob, delta: i64) -> Result<(), Refusal> {
        // A value from the command line above the knob's usual range (stride 9)
        // stays reachable: the range stretches to it instead of clamping it away.
        let step = |v: usize, lo: usize, hi: usize| (v as i64 + delta).clamp(lo as i64, hi.max(v) as i64) as usize;
        match knob {
            Knob::Input => {
                s.input = cycle(&self.input_names(), s.input, delta);
                if s.input == InputChoice::Custom {
                    s.c_in = self.custom.x.as_ref().map_or(1, |x| x.shape()[0]);
                }
            }
            Knob::InputH | Knob::InputW => {
                if !matches!(s.input, InputChoice::Sample(_)) {
                    return Err(Refusal::FixedSize);
                }
                let a = (knob == Knob::InputW) as usize;
                s.size[a] = step(s.size[a], 1, 12);
            }
            Knob::KernelH | Knob::KernelW => {
                if s.preset.is_none() {
                    return Err(Refusal::FixedSize);
                }
                let a = (knob == Knob::KernelW) as usize;
                s.kernel[a] = step(s.kernel[a], 1, 7);
            }
            Knob::Preset => {
                // From a given kernel, the first preset; then around the list.
                let i = s.preset.map_or(0, |p| p.index() as i64 + delta);
                s.preset = Some(Preset::ALL[i.rem_euclid(Preset::ALL.len() as i64) as usize]);
            }
            Knob::StrideH => s.params.stride[0] = step(s.params.stride[0], 0, 4),
            Knob::StrideW => s.params.stride[1] = step(s.params.stride[1], 0, 4),
            Knob::PadH => s.params.padding[0] = step(s.params.padding[0], 0, 3),
            Knob::PadW => s.params.padding[1] = step(s.params.padding[1], 0, 3),
            Knob::DilH => s.params.dilation[0] = step(s.params.dilation[0], 0, 3),
            Knob::DilW => s.params.dilation[1] = step(s.params.dilation[1], 0, 3),
            Knob::CIn => {
                if s.input == InputChoice::Custom {
                    return Err(Refusal::FixedSize);
                }
                s.c_in = step(s.c_in, 1, 3);
            }
            Knob::COut => s.c_out = step(s.c_out, 1, 2),
        }
        Ok(())
    }

    /// Recompute for new settings; a refused setting keeps the last valid state.
    fn apply(&mut self, s: Settings) {
        match compute(&s, &self.custom, &self.digits) {
            Ok(data) => {
                let size_changed = data.geometry.output != self.data.geometry.output;
                self.settings = s;
                self.data = data;
                self.message = None;
                self.frame = self.frame.min(self.frame_count().saturating_sub(1));
                self.go_to(self.frame, false);
                if size_changed && self.predict {
                    self.playing = false;
                    self.ask(Asking::Size);
                }
            }
            Err(r) => self.message = Some(Message::Refused(r)),
        }
    }

    /// The value shown beside a knob: sizes as the computed lab has them
    /// (a given input or kernel keeps its own size).
    pub fn knob_value(&self, knob: Knob) -> usize {
        let g = &self.data.geometry;
        match knob {
            Knob::InputH => g.input[0],
            Knob::InputW => g.input[1],
            Knob::KernelH => g.kernel[0],
            Knob::KernelW => g.kernel[1],
            Knob::CIn => g.c_in,
            Knob::COut => g.c_out,
            _ => knob_value(&self.settings, knob),
        }
    }
}

fn knob_value(s: &Settings, knob: Knob) -> usize {
    match knob {
        Knob::Input | Knob::Preset => 0,
        Knob::InputH => s.size[0],
        Knob::InputW => s.size[1],
        Knob::KernelH => s.kernel[0],
        Knob::KernelW => s.kernel[1],
        Knob::StrideH => s.params.stride[0],
        Knob::StrideW => s.params.stride[1],
        Knob::PadH => s.params.padding[0],
        Knob::PadW => s.params.padding[1],
        Knob::DilH => s.params.dilation[0],
        Knob::DilW => s.params.dilation[1],
        Knob::CIn => s.c_in,
        Knob::COut => s.c_out,
    }
}

fn set_knob(s: &mut Settings, knob: Knob, v: usize) {
    match knob {
        Knob::InputH => s.size[0] = v,
        Knob::InputW => s.size[1] = v,
        Knob::KernelH => s.kernel[0] = v,
        Knob::KernelW => s.kernel[1] = v,
        Knob::StrideH => s.params.stride[0] = v,
        Knob::StrideW => s.params.stride[1] = v,
        Knob::PadH => s.params.padding[0] = v,
        Knob::PadW => s.params.padding[1] = v,
        Knob::DilH => s.params.dilation[0] = v,
        Knob::DilW => s.params.dilation[1] = v,
        _ => {}
    }
}
