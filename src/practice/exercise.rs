//! The practice exercises: what each is called, which file `init` writes,
//! which functions it defines, and which lab shows its computation.

use super::family::Family;
use crate::math::gd::Bug;
use crate::math::practice::{BpttMistake, ConvMistake, GdMistake, MleMistake};
use crate::math::practice_conv_size::ConvSizeMistake;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Exercise {
    Bptt,
    ConvSize,
    Conv2d,
    GdLoop,
    GdStep,
    Mle,
    Posterior,
}

impl Exercise {
    /// In the order the practice screen lists them (the week's order).
    pub const ALL: [Exercise; 7] = [
        Exercise::GdLoop,
        Exercise::GdStep,
        Exercise::ConvSize,
        Exercise::Conv2d,
        Exercise::Bptt,
        Exercise::Posterior,
        Exercise::Mle,
    ];

    /// Its name on the command line, in JSON and in the progress store.
    pub fn id(self) -> &'static str {
        match self {
            Exercise::Bptt => "rnn-bptt",
            Exercise::ConvSize => "conv-size",
            Exercise::Conv2d => "conv2d",
            Exercise::GdLoop => "gd-loop",
            Exercise::GdStep => "gd-step",
            Exercise::Mle => "mle",
            Exercise::Posterior => "posterior",
        }
    }

    /// The file `practice init` writes.
    pub fn file(self) -> &'static str {
        match self {
            Exercise::Bptt => "rnn_bptt.py",
            Exercise::ConvSize => "conv_output_size.py",
            Exercise::Conv2d => "conv2d.py",
            Exercise::GdLoop => "gd_loop.py",
            Exercise::GdStep => "gradient_descent.py",
            Exercise::Mle => "mle.py",
            Exercise::Posterior => "posterior.py",
        }
    }

    /// The functions the learner writes (a file defining the first is this
    /// exercise's).
    pub fn functions(self) -> &'static [&'static str] {
        match self {
            Exercise::Bptt => &["backward_gradient"],
            Exercise::ConvSize => &["conv_output_size"],
            Exercise::Conv2d => &["conv2d", "conv2d_backward"],
            Exercise::GdLoop => &["gradient_descent", "gradient_descent_2d"],
            Exercise::GdStep => &["gradient_descent_step"],
            Exercise::Mle => &["mle_normal", "mle_categorical"],
            Exercise::Posterior => &["posterior"],
        }
    }

    /// The skeleton `init` writes below the task's docstring.
    pub fn skeleton(self) -> &'static str {
        match self {
            Exercise::Bptt => include_str!("../../assets/practice/rnn_bptt.py"),
            Exercise::ConvSize => include_str!("../../assets/practice/conv_output_size.py"),
            Exercise::Conv2d => include_str!("../../assets/practice/conv2d.py"),
            Exercise::GdLoop => include_str!("../../assets/practice/gd_loop.py"),
            Exercise::GdStep => include_str!("../../assets/practice/gradient_descent.py"),
            Exercise::Mle => include_str!("../../assets/practice/mle.py"),
            Exercise::Posterior => include_str!("../../assets/practice/posterior.py"),
        }
    }

    pub fn from_id(id: &str) -> Option<Exercise> {
        Exercise::ALL.into_iter().find(|e| e.id() == id || e.functions().contains(&id) || e.file() == id)
    }

    /// The exercise whose function a source defines: `def name(`, `name =`
    /// (a lambda, another function bound to the name), or an import that
    /// binds it (`from helpers import name`, `import x as name`).
    pub fn defined_in(source: &str) -> Option<Exercise> {
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        Exercise::ALL.into_iter().find(|e| source.lines().any(|l| binds(l, e.functions()[0])))
    }

    /// The mistakes the checker recognises in this exercise from their own
    /// answers on the cases (the families in `Family` come on top, for all).
    pub fn mistakes(self) -> Vec<Mistake> {
        match self {
            Exercise::Bptt => BpttMistake::ALL.into_iter().map(Mistake::Bptt).collect(),
            Exercise::Conv2d => ConvMistake::ALL.into_iter().map(Mistake::Conv).collect(),
            Exercise::GdLoop => Bug::ALL.into_iter().map(Mistake::GdLoop).collect(),
            Exercise::GdStep => GdMistake::ALL.into_iter().map(Mistake::Gd).collect(),
            Exercise::Mle => vec![
                Mistake::Mle(MleMistake::NMinusOne),
                Mistake::Mle(MleMistake::VarianceForSigma),
                Mistake::Mle(MleMistake::CountsNotNormalised),
            ],
            Exercise::Posterior => vec![Mistake::Unnormalised],
            Exercise::ConvSize => ConvSizeMistake::ALL.into_iter().map(Mistake::ConvSize).collect(),
        }
    }
}

/// Whether a line of Python binds `name` at the start of a statement.
fn binds(line: &str, name: &str) -> bool {
    let word_end = |rest: &str| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_');
    // Up to a comment (a `#` inside a string only shortens what is looked at).
    let t = line.split('#').next().unwrap_or("").trim_start();
    let after = |prefix: &str| t.strip_prefix(prefix).map(str::trim_start).and_then(|r| r.strip_prefix(name));
    if let Some(rest) = after("def ").or_else(|| after("async def ")) {
        return rest.trim_start().starts_with('(');
    }
    if let Some(rest) = t.strip_prefix(name).filter(|r| word_end(r)) {
        let rest = rest.trim_start();
        // `name = …` or `name: Callable = …`, not `name == …`.
        return (rest.starts_with('=') && !rest.starts_with("==")) || rest.starts_with(':');
    }
    // `from m import a, name`, `from m import (name)`, `import m as name`.
    if t.starts_with("from ") || t.starts_with("import ") {
        let names = t.split_once(" import ").map_or(t, |(_, n)| n);
        return names
            .split([',', '(', ')'])
            .map(|part| part.rsplit(" as ").next().unwrap_or(part).trim())
            .any(|bound| bound == name);
    }
    false
}

/// A named misconception behind a wrong number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mistake {
    Bptt(BpttMistake),
    Conv(ConvMistake),
    Gd(GdMistake),
    /// A slip in the gradient-descent loop (the lab's `gd::Bug`).
    GdLoop(Bug),
    Mle(MleMistake),
    /// The posterior returned as prior × likelihood, not divided by the evidence.
    Unnormalised,
    ConvSize(ConvSizeMistake),
    /// Recognised from the right answer alone (`practice::diagnose`).
    Family(Family),
}

impl Mistake {
    /// Its id in JSON output.
    pub fn id(self) -> &'static str {
        match self {
            Mistake::Bptt(BpttMistake::Overwrite) => "rnn-overwrite",
            Mistake::Bptt(BpttMistake::CurrentState) => "rnn-current-state",
            Mistake::Bptt(BpttMistake::MissingWrec) => "rnn-missing-wrec",
            Mistake::Bptt(BpttMistake::BatchMean) => "rnn-batch-mean",
            Mistake::Bptt(BpttMistake::Forward) => "rnn-forward-loop",
            Mistake::Conv(ConvMistake::NoFlip) => "conv-no-flip",
            Mistake::Conv(ConvMistake::NoGaps) => "conv-no-stride-gaps",
            Mistake::Conv(ConvMistake::NoCrop) => "conv-no-crop",
            Mistake::Gd(GdMistake::SseForMse) => "gd-sse-for-mse",
            Mistake::Gd(GdMistake::L2WithoutNorm) => "gd-l2-without-norm",
            Mistake::Gd(GdMistake::L2AsSquared) => "gd-l2-as-squared",
            Mistake::Gd(GdMistake::Sign) => "gd-sign",
            Mistake::GdLoop(Bug::Plus) => "gd-loop-plus",
            Mistake::GdLoop(Bug::NoAbs) => "gd-loop-no-abs",
            Mistake::GdLoop(Bug::Stale) => "gd-loop-stale",
            Mistake::Mle(MleMistake::NMinusOne) => "mle-n-minus-1",
            Mistake::Mle(MleMistake::VarianceForSigma) => "mle-variance-for-sigma",
            Mistake::Mle(MleMistake::CountsNotNormalised) => "mle-counts-not-normalised",
            Mistake::Unnormalised => "posterior-not-normalised",
            Mistake::Bptt(BpttMistake::SkipsK1) => "rnn-loop-skips-k1",
            Mistake::Bptt(BpttMistake::SkipsKT) => "rnn-loop-skips-kt",
            Mistake::Conv(ConvMistake::NoGapsLoop) => "conv-no-stride-in-loop",
            Mistake::Conv(ConvMistake::CropEndOnly) => "conv-crop-end-only",
            Mistake::Conv(ConvMistake::CropStartOnly) => "conv-crop-start-only",
            Mistake::Conv(ConvMistake::CropNegativeEnd) => "conv-crop-minus-zero",
            Mistake::ConvSize(m) => match m {
                ConvSizeMistake::NoPlusOne => "conv-size-no-plus-1",
                ConvSizeMistake::Ceil => "conv-size-ceil",
                ConvSizeMistake::Round => "conv-size-round",
                ConvSizeMistake::FloatDivision => "conv-size-float-division",
                ConvSizeMistake::DilationIgnored => "conv-size-dilation-ignored",
                ConvSizeMistake::DilationTimesK => "conv-size-dilation-times-k",
                ConvSizeMistake::NoMinusOne => "conv-size-no-minus-1",
                ConvSizeMistake::PaddingOnce => "conv-size-padding-once",
                ConvSizeMistake::KernelSwapped => "conv-size-kernel-swapped",
            },
            Mistake::Family(f) => f.id(),
        }
    }
}
