//! The convolution lab's model: where the learner is (mode, frame, knob,
//! prompt) and `update`, the only place it changes; the settings and what
//! the math computed from them are in `computed.rs`.

use crate::assets::Digit;
use crate::lessons::cycle::{cycle, position, stop};
use crate::lessons::input::Edit;
use crate::lessons::predict::{Predict, Step};
use crate::math::conv;
use crate::math::format;
use crate::math::kernels::{Preset, Sample};
use crate::math::parse::{agrees, parse_number};

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

pub use super::computed::{Computed, Custom, InputChoice, Mode, Refusal, Settings, compute};

/// What the lab is asking the learner to type.
#[derive(Debug, Clone, PartialEq)]
pub enum Asking {
    /// The value of frame `frame` of the current mode.
    Value { frame: usize },
    /// The output size after a geometry change.
    Size,
}

/// The line under the panels after something happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Refused(Refusal),
    /// A preset that exists only as 3×3 was chosen: the kernel became 3×3.
    ResizedFor(Preset),
    Right,
    Wrong(String),
    /// Wrong, and the guess is what these slips give: (the answer, the
    /// guess as typed, the slips).
    Slipped {
        answer: String,
        guess: String,
        slips: Vec<Slip>,
    },
    NotANumber,
}

/// A named slip behind a wrong prediction (computed by `math::conv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slip {
    Size(conv::SizeMistake),
    Value(conv::ValueMistake),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Next,
    Prev,
    First,
    Last,
    /// Add one tap (tap-by-tap mode; the first press enters it).
    Tap,
    TogglePlay,
    Slower,
    Faster,
    CycleMode,
    KnobUp,
    KnobDown,
    KnobDec,
    KnobInc,
    ToggleLink,
    /// Tab: whether the knob panel or the grids get the room first.
    SwitchPanel,
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
    /// Tab: the knob panel keeps its width and the grids are cropped beside
    /// it (they are otherwise drawn whole first).
    pub knobs_first: bool,
    /// Predict mode: what it asks, the answer typed, the score.
    pub predict: Predict<Asking>,
    pub message: Option<Message>,
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
            knobs_first: false,
            predict: Predict::default(),
            message: None,
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
        if self.predict.is_asking() {
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
            // Whole frames: leave tap-by-tap mode.
            Action::Next => {
                self.tap = None;
                self.step_forward();
            }
            Action::Prev => {
                self.tap = None;
                self.step_back();
            }
            Action::First => self.go_to(0, false),
            Action::Last => self.go_to(self.frame_count().saturating_sub(1), true),
            Action::Tap => match self.tap {
                None => self.tap = Some(1),
                Some(_) => self.step_forward(),
            },
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
                // In predict mode the new pass's first value is asked too:
                // none of its frames was shown before.
                if self.predict.on {
                    self.ask(Asking::Value { frame: 0 });
                }
            }
            // The knob list stops at its ends rather than wrapping out of sight.
            Action::KnobUp => self.knob = stop(&Knob::ALL, self.knob, -1),
            Action::KnobDown => self.knob = stop(&Knob::ALL, self.knob, 1),
            Action::KnobDec => self.turn(self.knob, -1),
            Action::KnobInc => self.turn(self.knob, 1),
            Action::ToggleLink => self.linked = !self.linked,
            Action::SwitchPanel => self.knobs_first = !self.knobs_first,
            Action::NextPreset => self.turn(Knob::Preset, 1),
            Action::NextInput => self.turn(Knob::Input, 1),
            Action::RandomDy => {
                let mut s = self.settings.clone();
                s.dy_seed = Some(s.dy_seed.map_or(1, |v| v + 1));
                self.apply(s);
            }
            Action::TogglePredict => self.predict.on = !self.predict.on,
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

    /// Show `mode` from its first frame (how another screen opens the lab at
    /// the backward pass).
    pub fn show(&mut self, mode: Mode) {
        self.mode = mode;
        self.go_to(0, false);
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
        if self.predict.on {
            // The asked frame's window and output cell are shown; its value
            // and arithmetic stay hidden until answered (`hiding_value`).
            self.playing = false;
            self.go_to(self.frame + 1, false);
            self.ask(Asking::Value { frame: self.frame });
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

    /// Whether the current frame's value is being predicted (the view
    /// hides it and its arithmetic).
    pub fn hiding_value(&self) -> bool {
        matches!(self.predict.question(), Some(Asking::Value { .. }))
    }

    /// Whether the output size is being predicted (the view hides the
    /// formula's result, the output grids and the frame count).
    pub fn hiding_size(&self) -> bool {
        matches!(self.predict.question(), Some(Asking::Size))
    }

    /// Ask `asking`, hiding what would answer it at sight: the frame's
    /// arithmetic (its head, which no other frame's shares), or the output
    /// size as the grids and the formula write it.
    fn ask(&mut self, asking: Asking) {
        let hides = match asking {
            Asking::Value { frame } => {
                let eq = self.equation_of(frame, usize::MAX, "");
                vec![eq.split(" + ").next().unwrap_or_default().to_string()]
            }
            // The size as the prompt's answer, as the formulas end, and as
            // the last frame's label (y[OH−1,OW−1]) would write it.
            Asking::Size => {
                let last = self.frame_count().saturating_sub(1);
                let label = self.equation_of(last, usize::MAX, "").split(" = ").next().unwrap_or_default().to_string();
                vec![self.answer(&asking), self.size_formula(0), self.size_formula(1), label]
            }
        };
        self.predict.ask(asking, hides);
    }

    /// The answer to a question as the screen writes it.
    fn answer(&self, asking: &Asking) -> String {
        match asking {
            Asking::Value { frame } => format::num(self.frame_value(*frame)),
            Asking::Size => {
                let [oh, ow] = self.data.geometry.output;
                format!("{oh}×{ow}")
            }
        }
    }

    fn update_prompt(&mut self, action: Action) {
        let Action::Prompt(e) = action else { return };
        let [oh, ow] = self.data.geometry.output;
        let actual = match self.predict.question() {
            Some(Asking::Value { frame }) => self.frame_value(*frame),
            _ => 0.0,
        };
        // The slips a value could be (forward frames: the kernel turned, one
        // channel alone), each with what it gives.
        let value_slips = match (self.predict.question(), self.mode) {
            (Some(Asking::Value { frame }), Mode::Forward) => {
                self.data.forward_frame(*frame).map_or(vec![], |f| conv::value_mistakes(&f, self.data.geometry.c_in))
            }
            _ => vec![],
        };
        let geometry = self.data.geometry;
        let step = self.predict.edit(e, |asking, typed| match asking {
            Asking::Value { .. } => parse_number(typed).map(|guess| {
                let slips = value_slips.iter().filter(|(_, v)| agrees(guess, *v)).map(|(m, _)| Slip::Value(*m));
                (agrees(guess, actual), (format::num(actual), typed.trim().to_string(), slips.collect()))
            }),
            Asking::Size => {
                let nums: Vec<f64> = typed
                    .split(|c: char| c == 'x' || c == 'X' || c == '×' || c == ',' || c.is_whitespace())
                    .filter(|s| !s.is_empty())
                    .filter_map(parse_number)
                    .collect();
                (nums.len() == 2).then(|| {
                    let whole = |v: f64| (v >= 0.0 && v.fract() == 0.0 && v < 1e9).then_some(v as usize);
                    let slips = match (whole(nums[0]), whole(nums[1])) {
                        (Some(h), Some(w)) => conv::size_mistakes_giving(&geometry, [h, w]),
                        _ => vec![],
                    };
                    let guess = format!("{}×{}", format::num(nums[0]), format::num(nums[1]));
                    let right = nums[0] == oh as f64 && nums[1] == ow as f64;
                    (right, (format!("{oh}×{ow}"), guess, slips.into_iter().map(Slip::Size).collect()))
                })
            }
        });
        let closed = match step {
            Step::Typing => return,
            Step::Unreadable => {
                self.message = Some(Message::NotANumber);
                return;
            }
            Step::Skipped(asking) => {
                self.go_to(if let Asking::Value { frame } = asking { frame } else { 0 }, false);
                return;
            }
            Step::Graded { question, right, grade } => {
                let (answer, guess, slips): (String, String, Vec<Slip>) = grade;
                self.message = Some(match (right, slips.is_empty()) {
                    (true, _) => Message::Right,
                    (false, true) => Message::Wrong(answer),
                    (false, false) => Message::Slipped { answer, guess, slips },
                });
                question
            }
        };
        match closed {
            // Move on to the frame the question was about.
            Asking::Value { frame } => self.go_to(frame, false),
            // The new geometry starts at its first frame, whose value is asked
            // next: no frame of it was shown before its question.
            Asking::Size => {
                self.go_to(0, false);
                self.ask(Asking::Value { frame: 0 });
            }
        }
    }

    /// The final value of frame `f` of the current mode.
    pub fn frame_value(&self, f: usize) -> f64 {
        self.data.value(self.mode, f).unwrap_or(0.0)
    }

    /// Whether turning the selected knob by `delta` would change what is
    /// shown: its settings, or the message (a refusal said once).
    pub fn turn_would_change(&self, delta: i64) -> bool {
        let mut after = self.clone();
        after.turn(self.knob, delta);
        after.settings != self.settings || after.message != self.message
    }

    /// Turn a knob by `delta` steps (and its partner too when axes are linked).
    fn turn(&mut self, knob: Knob, delta: i64) {
        if knob == Knob::Preset {
            self.turn_preset(delta);
            return;
        }
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

    /// The next preset in the `delta` direction that this input can take. One
    /// that exists only as 3×3 makes the kernel 3×3 (and says so); one the
    /// input is too small for is passed over, so the cycle never sticks.
    fn turn_preset(&mut self, delta: i64) {
        let n = Preset::ALL.len() as i64;
        // From a given kernel, the first preset; then around the list.
        let from = self.settings.preset.map_or(-delta.signum(), |p| p.index() as i64);
        let mut first_refusal = None;
        for k in 1..=n {
            let p = Preset::ALL[(from + k * delta.signum()).rem_euclid(n) as usize];
            let mut s = self.settings.clone();
            s.preset = Some(p);
            let resized = p.kernel(s.kernel[0], s.kernel[1], 0).is_none();
            if resized {
                s.kernel = [3, 3];
            }
            match compute(&s, &self.custom, &self.digits) {
                Ok(_) => {
                    self.apply(s);
                    if resized && !self.predict.is_asking() {
                        self.message = Some(Message::ResizedFor(p));
                    }
                    return;
                }
                Err(r) => {
                    first_refusal.get_or_insert(r);
                }
            }
        }
        if let Some(r) = first_refusal {
            self.message = Some(Message::Refused(r));
        }
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
            // Turned by `turn_preset`.
            Knob::Preset => {}
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
                if size_changed && self.predict.on {
                    // From the first frame: the frames before the current one
                    // would show the new size (and be filled in unasked).
                    self.playing = false;
                    self.go_to(0, false);
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
