//! The command line's shape: clap's derive types for every subcommand and
//! option. What `--help` says comes from the text tables (`help.rs`).

use crate::lessons::rnn::settings::RnnSettings;
use crate::math::rnn::CellKind;
use clap::{Args, Parser, Subcommand};

/// The options. What `--help` shows comes from the text tables
/// (`Text::help`, applied by `command`), in the learner's language; the doc
/// comments here are for developers.
#[derive(Parser, Debug)]
#[command(
    name = "deepstep",
    version,
    about = "Step through the math of a first deep-learning week, one frame at a time"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Language: en or ko (default: from LC_ALL, then LANG; ko_* gives Korean).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangArg {
    En,
    Ko,
}

/// What `--print` writes: plain text, or the lesson's study note in Markdown.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PrintFormat {
    #[default]
    Text,
    Markdown,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// The convolution lab: forward and backward, frame by frame.
    Conv(ConvArgs),
    /// The RNN lab: BPTT step by step, vanishing and exploding gradients.
    Rnn(RnnArgs),
    /// ||dL/dh_t|| for t = 1..T, for a loss on the last step (CSV or JSON).
    Sweep(SweepArgs),
    /// The quiz: the chain rule vs Bayes' rule, convolution, RNNs; progress and review.
    Quiz(QuizArgs),
    /// The exercises: `lab count-rnn`, `lab linreg` and `lab mle`.
    Lab {
        #[command(subcommand)]
        which: LabCommand,
    },
    /// Practice: write the week's code in Python; deepstep checks it and names the mistake.
    Practice(PracticeArgs),
    /// A shell completion script, generated from this command tree.
    Completions(CompletionsArgs),
    /// The man page, generated from this command tree.
    Man,
}

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PracticeArgs {
    #[command(subcommand)]
    pub action: Option<PracticeCommand>,
    /// The practice folder (default: deepstep-practice).
    pub dir: Option<std::path::PathBuf>,
    /// Check every exercise file in the folder and print the verdicts instead of opening the screen.
    #[arg(long)]
    pub print: bool,
    /// The Python to run the files with (default: $DEEPSTEP_PYTHON, the
    /// active virtualenv or conda environment, then python3).
    #[arg(long, global = true)]
    pub python: Option<std::path::PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum PracticeCommand {
    /// Write the exercise files (an existing file is never overwritten).
    Init {
        /// The folder (default: deepstep-practice).
        dir: Option<std::path::PathBuf>,
    },
    /// Check files or exercises and name the mistakes.
    Check(PracticeCheckArgs),
    /// An exercise's cases as JSON (inputs as exact floats), for checking in a notebook.
    Cases {
        /// The exercise or one of its functions (without it: the list of exercises).
        name: Option<String>,
        /// Only JSON.
        #[arg(long, value_enum, default_value = "json")]
        format: CasesFormat,
    },
    /// Judge an exercise's results given as JSON on standard input (what `cases` asked for).
    Judge {
        /// The exercise or one of its functions.
        name: String,
        /// What the verdict calls the checked code (its `file` field).
        #[arg(long, default_value = "python")]
        label: String,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CasesFormat {
    Json,
}

#[derive(Args, Debug)]
pub struct PracticeCheckArgs {
    /// Files (.py or .ipynb), or exercise names looked up in deepstep-practice.
    pub targets: Vec<String>,
    /// Check every file as this exercise (gd-loop, gd-step, rnn-bptt, conv-size, conv2d, mle, posterior).
    #[arg(long)]
    pub exercise: Option<String>,
    /// Text for people, or one JSON object per exercise.
    #[arg(long, value_enum, default_value = "text")]
    pub format: CheckFormat,
    /// Seconds one file's cases may run before its Python is stopped, 1 to 3600.
    #[arg(
        long,
        value_name = "SECONDS",
        allow_hyphen_values = true,
        default_value_t = crate::practice::python::DEFAULT_TIME_LIMIT.as_secs(),
        value_parser = clap::value_parser!(u64).range(1..=3600)
    )]
    pub time_limit: u64,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckFormat {
    Text,
    Json,
}

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Subcommand, Debug)]
pub enum LabCommand {
    /// The counting-ones RNN, S_k = S_{k-1}·w_rec + x_k·w_x, trained by Rprop or gradient descent.
    CountRnn(CountRnnArgs),
    /// Gradient descent on a function you type, f(x) or f(x, y).
    Gd(GdArgs),
    /// Gradient-descent linear regression (y = 7x + 2 with noise by default).
    Linreg(LinregArgs),
    /// Maximum likelihood: the normal's μ̂ and σ̂, the categorical's p̂.
    Mle(MleArgs),
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlipArg {
    Plus,
    NoAbs,
    Stale,
}

#[derive(Args, Debug)]
pub struct GdArgs {
    #[arg(long)]
    pub print: bool,
    /// With --print: plain text, or a Markdown study note.
    #[arg(long, value_enum, default_value = "text")]
    pub format: PrintFormat,
    /// f(x) or f(x, y) as text ("x^2 + 2*x + 3").
    #[arg(long, allow_hyphen_values = true, default_value = "x^2 + 2*x + 3")]
    pub function: String,
    /// The start: one number, or x,y for two variables.
    #[arg(long, allow_hyphen_values = true, default_value = "1.5")]
    pub init: String,
    #[arg(long, allow_hyphen_values = true, default_value_t = 0.1)]
    pub lr: f64,
    #[arg(long, allow_hyphen_values = true, default_value_t = 1e-5)]
    pub eps: f64,
    /// The most updates (1 to 100000).
    #[arg(long, allow_hyphen_values = true, default_value_t = 10_000)]
    pub max_steps: usize,
    /// A slip to watch: plus, no-abs or stale.
    #[arg(long, value_enum)]
    pub slip: Option<SlipArg>,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FamilyArg {
    Normal,
    Categorical,
}

#[derive(Args, Debug)]
pub struct MleArgs {
    #[arg(long)]
    pub print: bool,
    /// With --print: plain text, or a Markdown study note.
    #[arg(long, value_enum, default_value = "text")]
    pub format: PrintFormat,
    #[arg(long, value_enum, default_value = "normal")]
    pub family: FamilyArg,
    /// Your own sample, values separated by commas ("1.2,-0.7,3").
    #[arg(long, allow_hyphen_values = true, conflicts_with = "counts")]
    pub data: Option<String>,
    /// Your own class counts, separated by commas ("3,5,2"); implies --family categorical.
    #[arg(long)]
    pub counts: Option<String>,
    /// Sample size (normal) or number of draws (categorical), 1 to 1000.
    #[arg(long, allow_hyphen_values = true, default_value_t = 10)]
    pub n: usize,
    #[arg(long, default_value_t = 2.0, allow_hyphen_values = true)]
    pub mu: f64,
    #[arg(long, allow_hyphen_values = true, default_value_t = 1.5)]
    pub sigma: f64,
    /// Classes K of the drawn counts (2 to 8).
    #[arg(long, allow_hyphen_values = true, default_value_t = 4)]
    pub classes: usize,
    #[arg(long, allow_hyphen_values = true, default_value_t = 1)]
    pub seed: u64,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrainArg {
    Rprop,
    Gd,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataArg {
    /// The tutorial's 20 sequences of length 10.
    Tutorial,
    /// Seeded random binary sequences.
    Random,
}

#[derive(Args, Debug)]
pub struct CountRnnArgs {
    #[arg(long)]
    pub print: bool,
    /// With --print: plain text, or a Markdown study note.
    #[arg(long, value_enum, default_value = "text")]
    pub format: PrintFormat,
    #[arg(long, value_enum, default_value = "rprop")]
    pub train: TrainArg,
    #[arg(long, value_enum, default_value = "random")]
    pub data: DataArg,
    #[arg(long, allow_hyphen_values = true, default_value_t = 500)]
    pub iterations: usize,
    /// Learning rate for --train gd.
    #[arg(long, allow_hyphen_values = true, default_value_t = 0.0005)]
    pub lr: f64,
    #[arg(long, allow_hyphen_values = true, default_value_t = 1)]
    pub seed: u64,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorArg {
    Sse,
    Mse,
    Rmse,
    L2,
    L2n,
}

#[derive(Args, Debug)]
pub struct LinregArgs {
    #[arg(long)]
    pub print: bool,
    /// With --print: plain text, or a Markdown study note.
    #[arg(long, value_enum, default_value = "text")]
    pub format: PrintFormat,
    /// Number of points.
    #[arg(long, allow_hyphen_values = true, default_value_t = crate::lessons::linreg::lab::POINTS)]
    pub n: usize,
    #[arg(long, default_value_t = 7.0, allow_hyphen_values = true)]
    pub slope: f64,
    #[arg(long, default_value_t = 2.0, allow_hyphen_values = true)]
    pub intercept: f64,
    #[arg(long, allow_hyphen_values = true, default_value_t = 1.0)]
    pub noise: f64,
    #[arg(long, allow_hyphen_values = true, default_value_t = 0.1)]
    pub lr: f64,
    /// Updates (gradient descent) or epochs (with --batch).
    #[arg(long, allow_hyphen_values = true, default_value_t = 100)]
    pub steps: usize,
    /// Minibatch size for SGD (default: full-batch gradient descent).
    #[arg(long, allow_hyphen_values = true)]
    pub batch: Option<usize>,
    #[arg(long, value_enum, default_value = "mse")]
    pub error: ErrorArg,
    #[arg(long, allow_hyphen_values = true, default_value_t = 1)]
    pub seed: u64,
}

/// Which recurrent cell.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellArg {
    Linear,
    /// The tanh cell (`tanh` is accepted too: the lessons call it that).
    #[value(alias = "tanh")]
    Rnn,
    Lstm,
    Gru,
}

impl CellArg {
    pub fn kind(self) -> CellKind {
        match self {
            CellArg::Linear => CellKind::Linear,
            CellArg::Rnn => CellKind::Tanh,
            CellArg::Lstm => CellKind::Lstm,
            CellArg::Gru => CellKind::Gru,
        }
    }
}

#[derive(Args, Debug)]
pub struct RnnArgs {
    #[arg(long, value_enum, default_value = "rnn")]
    pub cell: CellArg,
    /// Spectral radius ρ of W_rec (0.1 to 3).
    #[arg(long, allow_hyphen_values = true, default_value_t = 0.9)]
    pub radius: f64,
    /// Sequence length T (1 to 1000).
    #[arg(long, allow_hyphen_values = true, default_value_t = 30)]
    pub len: usize,
    /// Hidden size H (1 to 64).
    #[arg(long, allow_hyphen_values = true, default_value_t = 8)]
    pub hidden: usize,
    /// Inputs are this times N(0, 1).
    #[arg(long, default_value_t = 1.0, allow_hyphen_values = true)]
    pub input_scale: f64,
    /// The LSTM forget gate's bias.
    #[arg(long, default_value_t = 1.0, allow_hyphen_values = true)]
    pub forget_bias: f64,
    /// Truncated BPTT: the gradient flows back at most this many steps.
    #[arg(long, allow_hyphen_values = true)]
    pub truncate: Option<usize>,
    /// Clip the parameter gradient's norm to this value.
    #[arg(long, allow_hyphen_values = true)]
    pub clip: Option<f64>,
    #[arg(long, allow_hyphen_values = true, default_value_t = 1)]
    pub seed: u64,
    /// Write the per-step table as plain text instead of opening the lab.
    #[arg(long)]
    pub print: bool,
    /// With --print: plain text, or the lab's Markdown study note (all steps, forward and BPTT).
    #[arg(long, value_enum, default_value = "text")]
    pub format: PrintFormat,
}

impl RnnArgs {
    pub fn settings(&self) -> RnnSettings {
        RnnSettings {
            cell: self.cell.kind(),
            radius: self.radius,
            len: self.len,
            hidden: self.hidden,
            input_scale: self.input_scale,
            forget_bias: self.forget_bias,
            truncation: self.truncate,
            clip: self.clip,
            seed: self.seed,
        }
    }
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatArg {
    Csv,
    Json,
}

#[derive(Args, Debug)]
pub struct SweepArgs {
    #[arg(long, value_enum, default_value = "linear")]
    pub cell: CellArg,
    #[arg(long, allow_hyphen_values = true, default_value_t = 0.9)]
    pub radius: f64,
    #[arg(long, allow_hyphen_values = true, default_value_t = 100)]
    pub len: usize,
    #[arg(long, allow_hyphen_values = true, default_value_t = 8)]
    pub hidden: usize,
    #[arg(long, allow_hyphen_values = true, default_value_t = 1)]
    pub seed: u64,
    #[arg(long, value_enum, default_value = "csv")]
    pub format: FormatArg,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopicArg {
    Chain,
    Bayes,
    Conv,
    Rnn,
    Mle,
    Gd,
}

#[derive(Args, Debug)]
pub struct QuizArgs {
    /// Ask only the questions that are due for review.
    #[arg(long)]
    pub review: bool,
    /// Use this bank (a TOML file) instead of the shipped questions.
    #[arg(long, value_name = "FILE")]
    pub bank: Option<std::path::PathBuf>,
    /// Check a bank and report every problem with file, line and question id.
    #[arg(long, value_name = "FILE")]
    pub check: Option<std::path::PathBuf>,
    /// The progress database (default: $XDG_DATA_HOME/deepstep/progress.sqlite3).
    #[arg(long, value_name = "PATH")]
    pub progress: Option<std::path::PathBuf>,
    /// Print the statistics: accuracy per topic, retention, the last 30 days, the next 14 days' forecast, the streak.
    #[arg(long, conflicts_with_all = ["print", "check", "review"])]
    pub stats: bool,
    /// Write every bank question as notes for Anki ("anki FILE"); an existing FILE is never overwritten.
    #[arg(long, num_args = 2, value_names = ["FORMAT", "FILE"], conflicts_with_all = ["print", "check", "stats", "review"],
          value_parser = clap::value_parser!(std::ffi::OsString))]
    pub export: Option<Vec<std::ffi::OsString>>,
    /// Only questions on this topic.
    #[arg(long, value_enum)]
    pub topic: Option<TopicArg>,
    /// Questions per round (1 to 100).
    #[arg(long, allow_hyphen_values = true, default_value_t = 10)]
    pub count: usize,
    /// Seed for the round's order and generated tables (default: the clock).
    #[arg(long, allow_hyphen_values = true)]
    pub seed: Option<u64>,
    /// Write the round's questions, answers and explanations as plain text.
    #[arg(long)]
    pub print: bool,
    /// With --print: plain text, or a Markdown study note; with --stats: text, Markdown or JSON.
    #[arg(long, value_enum, default_value = "text")]
    pub format: QuizFormat,
}

/// What `quiz --print` and `quiz --stats` write (JSON only for the statistics).
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum QuizFormat {
    #[default]
    Text,
    Markdown,
    Json,
}

#[derive(Args, Debug)]
pub struct ConvArgs {
    /// Input matrix: rows separated by `;`, values by `,`, channels by `|` ("1,2;3,4").
    #[arg(long, allow_hyphen_values = true)]
    pub input: Option<String>,
    /// Kernel matrix, same form; one matrix per input channel, separated by `|`.
    #[arg(long, allow_hyphen_values = true)]
    pub kernel: Option<String>,
    /// Stride: one number for both axes, or "height,width".
    #[arg(long, default_value = "1", allow_hyphen_values = true)]
    pub stride: String,
    /// Zero padding: one number, or "height,width".
    #[arg(long, default_value = "0", allow_hyphen_values = true)]
    pub padding: String,
    /// Dilation: one number, or "height,width".
    #[arg(long, default_value = "1", allow_hyphen_values = true)]
    pub dilation: String,
    /// Upstream gradient dY for the backward pass (default: all ones).
    #[arg(long, allow_hyphen_values = true)]
    pub dy: Option<String>,
    /// Write every frame as plain text instead of opening the lab.
    #[arg(long)]
    pub print: bool,
    /// With --print: the backward pass too (dW and dX).
    #[arg(long)]
    pub backward: bool,
    /// With --print: plain text, or the lab's Markdown study note (every frame).
    #[arg(long, value_enum, default_value = "text")]
    pub format: PrintFormat,
}
