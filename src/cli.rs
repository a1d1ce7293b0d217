//! The command line: `deepstep` opens the home screen, `deepstep conv` the
//! convolution lab, and `--print` writes a lab as plain text instead.

use crate::app::{self, App, Screen};
use crate::lessons::conv::state::{Custom, InputChoice, Settings};
use crate::lessons::conv::{ConvLab, report};
use crate::lessons::rnn::report::{self as rnn_report, SweepFormat};
use crate::lessons::rnn::state::RnnSettings;
use crate::math::parse::parse_matrix;
use crate::math::rnn::CellKind;
use crate::text::{EN, KO, Text};
use crate::ui::theme::Theme;
use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, Parser, Subcommand};
use ndarray::Array3;
use std::io::IsTerminal;
use std::process::ExitCode;

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

/// The command line in `text`'s language: every about and option help from
/// the text table (so `--help` reads in Korean too), headings where given.
pub fn command(text: &Text) -> clap::Command {
    use clap::CommandFactory;
    fn localise(mut cmd: clap::Command, path: &str, text: &Text) -> clap::Command {
        let get = |key: &str| text.help.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
        if let Some(about) = get(path) {
            cmd = cmd.about(about);
        }
        let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
        for id in ids {
            let key = if path.is_empty() { id.clone() } else { format!("{path}.{id}") };
            let (help, heading) = (get(&key), get("@options"));
            cmd = cmd.mut_arg(&id, |mut a| {
                if let Some(h) = help {
                    a = a.help(h);
                }
                if let Some(h) = heading {
                    a = a.help_heading(h);
                }
                a
            });
        }
        // clap's own help (and version) flags, in this language too.
        let help = clap::Arg::new("help").short('h').long("help").action(clap::ArgAction::Help);
        cmd = cmd.disable_help_flag(true).disable_help_subcommand(true).arg(help.help(get("@help").unwrap_or("")));
        if path.is_empty() {
            let version = clap::Arg::new("version").short('V').long("version").action(clap::ArgAction::Version);
            cmd = cmd.disable_version_flag(true).arg(version.help(get("@version").unwrap_or("")));
        }
        if let Some(h) = get("@options") {
            cmd = cmd.mut_arg("help", |a| a.help_heading(h));
            if path.is_empty() {
                cmd = cmd.mut_arg("version", |a| a.help_heading(h));
            }
        }
        if let Some(h) = get("@commands") {
            cmd = cmd.subcommand_help_heading(h);
        }
        if let Some(u) = get("@usage") {
            cmd = cmd.help_template(format!("{{about-with-newline}}\n{u} {{usage}}\n\n{{all-args}}{{after-help}}"));
        }
        let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
        for name in names {
            let sub = if path.is_empty() { name.clone() } else { format!("{path}.{name}") };
            cmd = cmd.mut_subcommand(&name, |s| localise(s, &sub, text));
        }
        cmd
    }
    localise(Cli::command(), "", text)
}

/// The language asked for before the arguments are parsed (so that `--help`
/// and errors can already be in it): `--lang X` or `--lang=X`, else the locale.
pub fn early_text(args: &[String]) -> &'static Text {
    let lang = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_string)
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned()).flatten())
    });
    // An unknown value falls back to the locale here; clap then refuses it.
    text_for(lang.and_then(|l| <LangArg as clap::ValueEnum>::from_str(&l, true).ok()))
}

/// Parse the command line with help in the learner's language.
pub fn parse() -> Cli {
    use clap::FromArgMatches;
    let args: Vec<String> = std::env::args().collect();
    let matches = command(early_text(&args)).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// The language's table: `--lang`, else the locale (LC_ALL wins over LANG).
pub fn text_for(lang: Option<LangArg>) -> &'static Text {
    match lang {
        Some(LangArg::En) => &EN,
        Some(LangArg::Ko) => &KO,
        None => {
            crate::text::from_locale(std::env::var("LC_ALL").ok().as_deref(), std::env::var("LANG").ok().as_deref())
        }
    }
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
    /// The exercises: `lab count-rnn` and `lab linreg`.
    Lab {
        #[command(subcommand)]
        which: LabCommand,
    },
}

#[derive(Subcommand, Debug)]
pub enum LabCommand {
    /// The counting-ones RNN, S_k = S_{k-1}·w_rec + x_k·w_x, trained by Rprop or gradient descent.
    CountRnn(CountRnnArgs),
    /// Gradient-descent linear regression (y = 7x + 2 with noise by default).
    Linreg(LinregArgs),
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
    #[arg(long, default_value_t = 500)]
    pub iterations: usize,
    /// Learning rate for --train gd.
    #[arg(long, default_value_t = 0.0005)]
    pub lr: f64,
    #[arg(long, default_value_t = 1)]
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
    #[arg(long, default_value_t = 50)]
    pub n: usize,
    #[arg(long, default_value_t = 7.0, allow_hyphen_values = true)]
    pub slope: f64,
    #[arg(long, default_value_t = 2.0, allow_hyphen_values = true)]
    pub intercept: f64,
    #[arg(long, default_value_t = 1.0)]
    pub noise: f64,
    #[arg(long, default_value_t = 0.1)]
    pub lr: f64,
    /// Updates (gradient descent) or epochs (with --batch).
    #[arg(long, default_value_t = 100)]
    pub steps: usize,
    /// Minibatch size for SGD (default: full-batch gradient descent).
    #[arg(long)]
    pub batch: Option<usize>,
    #[arg(long, value_enum, default_value = "mse")]
    pub error: ErrorArg,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// Which recurrent cell.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellArg {
    Linear,
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
    #[arg(long, default_value_t = 0.9)]
    pub radius: f64,
    /// Sequence length T (1 to 1000).
    #[arg(long, default_value_t = 30)]
    pub len: usize,
    /// Hidden size H (1 to 64).
    #[arg(long, default_value_t = 8)]
    pub hidden: usize,
    /// Inputs are this times N(0, 1).
    #[arg(long, default_value_t = 1.0, allow_hyphen_values = true)]
    pub input_scale: f64,
    /// The LSTM forget gate's bias.
    #[arg(long, default_value_t = 1.0, allow_hyphen_values = true)]
    pub forget_bias: f64,
    /// Truncated BPTT: the gradient flows back at most this many steps.
    #[arg(long)]
    pub truncate: Option<usize>,
    /// Clip the parameter gradient's norm to this value.
    #[arg(long)]
    pub clip: Option<f64>,
    #[arg(long, default_value_t = 1)]
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
    #[arg(long, default_value_t = 0.9)]
    pub radius: f64,
    #[arg(long, default_value_t = 100)]
    pub len: usize,
    #[arg(long, default_value_t = 8)]
    pub hidden: usize,
    #[arg(long, default_value_t = 1)]
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
    /// The progress file (default: $XDG_DATA_HOME/deepstep/progress.json).
    #[arg(long, value_name = "PATH")]
    pub progress: Option<std::path::PathBuf>,
    /// Only questions on this topic.
    #[arg(long, value_enum)]
    pub topic: Option<TopicArg>,
    /// Questions per round (1 to 100).
    #[arg(long, default_value_t = 10)]
    pub count: usize,
    /// Seed for the round's order and generated tables (default: the clock).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Write the round's questions, answers and explanations as plain text.
    #[arg(long)]
    pub print: bool,
    /// With --print: plain text, or a Markdown study note.
    #[arg(long, value_enum, default_value = "text")]
    pub format: PrintFormat,
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
    #[arg(long, default_value = "1")]
    pub stride: String,
    /// Zero padding: one number, or "height,width".
    #[arg(long, default_value = "0")]
    pub padding: String,
    /// Dilation: one number, or "height,width".
    #[arg(long, default_value = "1")]
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

/// Limits on `deepstep conv`'s own numbers: the lab draws every cell.
const MAX_SETTING: usize = 16;
const MAX_SIDE: usize = 64;
const MAX_CHANNELS: usize = 3;

/// "2" → [2, 2]; "2,1" → [2, 1].
fn axis_pair(name: &str, s: &str, t: &Text) -> Result<[usize; 2]> {
    let parts: Vec<&str> = s.split(',').map(str::trim).collect();
    let num = |p: &str| p.parse::<usize>().map_err(|_| anyhow!((t.cli.whole_or_pair)(name, s)));
    match parts.as_slice() {
        [a] => Ok([num(a)?; 2]),
        [a, b] => Ok([num(a)?, num(b)?]),
        _ => bail!((t.cli.whole_or_pair)(name, s)),
    }
}

fn matrix3(name: &str, s: &str, t: &Text) -> Result<Array3<f64>> {
    use crate::math::parse::MatrixError as E;
    let (c, r, k, v) = parse_matrix(s).map_err(|e| {
        let why = match e {
            E::Empty => t.cli.matrix_empty.to_string(),
            E::NotNumeric { row, col, text, .. } => (t.cli.matrix_not_numeric)(row, col, &text),
            E::Ragged { row, expected, got, .. } => (t.cli.matrix_ragged)(row, got, expected),
            E::ChannelShape { channel, rows, cols, got_rows, got_cols } => {
                (t.cli.matrix_channel_shape)(channel, &format!("{got_rows}×{got_cols}"), &format!("{rows}×{cols}"))
            }
        };
        anyhow!("--{name}: {why}")
    })?;
    Ok(Array3::from_shape_vec((c, r, k), v)?)
}

/// The lab for these arguments, or an error that says what is wrong.
pub fn conv_lab(a: &ConvArgs, text: &Text) -> Result<ConvLab> {
    let mut settings = Settings::default();
    let mut custom = Custom::default();
    if let Some(s) = &a.input {
        let x = matrix3("input", s, text)?;
        settings.c_in = x.shape()[0];
        settings.input = InputChoice::Custom;
        custom.x = Some(x);
    }
    if let Some(s) = &a.kernel {
        let k = matrix3("kernel", s, text)?;
        let (ci, kh, kw) = k.dim();
        custom.w = Some(k.into_shape_with_order((1, ci, kh, kw))?);
        settings.preset = None;
        settings.kernel = [kh, kw];
    }
    if let Some(s) = &a.dy {
        custom.dy = Some(matrix3("dy", s, text)?);
    }
    settings.params.stride = axis_pair("stride", &a.stride, text)?;
    settings.params.padding = axis_pair("padding", &a.padding, text)?;
    settings.params.dilation = axis_pair("dilation", &a.dilation, text)?;
    // The lab draws every cell: keep sizes to what a terminal can show.
    for (name, v) in [
        ("stride", settings.params.stride),
        ("padding", settings.params.padding),
        ("dilation", settings.params.dilation),
    ] {
        if v.iter().any(|x| *x > MAX_SETTING) {
            bail!((text.cli.at_most)(name, MAX_SETTING, *v.iter().max().unwrap_or(&0)));
        }
    }
    for (name, m) in [("input", custom.x.as_ref()), ("dy", custom.dy.as_ref())] {
        if let Some(m) = m
            && (m.shape()[1] > MAX_SIDE || m.shape()[2] > MAX_SIDE || m.shape()[0] > MAX_CHANNELS)
        {
            let got = m.shape().iter().map(|d| d.to_string()).collect::<Vec<_>>().join("×");
            bail!((text.cli.channels)(name, MAX_CHANNELS, MAX_SIDE, &got));
        }
    }
    if let Some(w) = &custom.w
        && (w.shape()[2] > MAX_SIDE || w.shape()[3] > MAX_SIDE)
    {
        bail!((text.cli.kernel_side)(MAX_SIDE, &format!("{}×{}", w.shape()[2], w.shape()[3])));
    }
    let digits = crate::assets::digits().context("loading the digit samples")?;
    let lab = ConvLab::new(settings, custom.clone(), digits).map_err(|r| anyhow!(r.describe(text)))?;
    if let Some(dy) = &custom.dy
        && dy.shape() != lab.data.dy.shape()
    {
        let shape = |s: &[usize]| s.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("×");
        bail!((text.cli.dy_shape)(&shape(lab.data.dy.shape()), &shape(dy.shape())));
    }
    Ok(lab)
}

/// Write headless output; a closed pipe (`| head`) ends the output quietly
/// instead of panicking as `print!` would.
fn emit(s: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes()).and_then(|_| out.flush());
}

fn interactive(text: &'static Text, command: &str, screen: impl FnOnce() -> Result<Screen>) -> Result<ExitCode> {
    if !std::io::stdout().is_terminal() {
        eprintln!("{}", (text.not_a_terminal)(command));
        return Ok(ExitCode::from(2));
    }
    let screen = screen()?;
    app::run(App::new(screen, text, Theme::from_env()))?;
    Ok(ExitCode::SUCCESS)
}

fn lab(text: &'static Text, which: LabCommand) -> ExitCode {
    use crate::lessons::exercises::report::{self as ex, LinregRun, Training};
    use crate::math::counting_rnn::{Rprop, random_sequences};
    use crate::math::linreg::{ErrorMeasure, line_data};
    let limit = |name: &str, v: usize, lo: usize, hi: usize| {
        (!(lo..=hi).contains(&v)).then(|| (text.cli.between)(name, lo, hi, v))
    };
    let bad = match &which {
        LabCommand::CountRnn(a) => limit("iterations", a.iterations, 0, 100_000),
        LabCommand::Linreg(a) => limit("n", a.n, 2, 10_000).or_else(|| limit("steps", a.steps, 0, 100_000)),
    };
    if let Some(msg) = bad {
        eprintln!("deepstep lab: {msg}");
        return ExitCode::from(2);
    }
    let (is_count, use_tutorial, seed) = match &which {
        LabCommand::CountRnn(a) => (true, a.data == DataArg::Tutorial, a.seed),
        LabCommand::Linreg(_) => (false, false, 0),
    };
    let (format, settings): (PrintFormat, Vec<String>) = match &which {
        LabCommand::CountRnn(a) => (
            a.format,
            vec![
                format!(
                    "- --train {:?} --data {:?} --iterations {} --lr {} --seed {}",
                    a.train, a.data, a.iterations, a.lr, a.seed
                )
                .to_lowercase(),
            ],
        ),
        LabCommand::Linreg(a) => (
            a.format,
            vec![format!(
                "- --n {} --slope {} --intercept {} --noise {} --lr {} --steps {} --batch {} --error {:?} --seed {}",
                a.n,
                a.slope,
                a.intercept,
                a.noise,
                a.lr,
                a.steps,
                a.batch.map_or("-".to_string(), |b| b.to_string()),
                a.error,
                a.seed
            )
            .to_lowercase()],
        ),
    };
    let (print, out) = match which {
        LabCommand::CountRnn(a) => {
            let tutorial = match crate::assets::counting_tutorial() {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("deepstep lab count-rnn: {e:#}");
                    return ExitCode::FAILURE;
                }
            };
            let x = match a.data {
                DataArg::Tutorial => tutorial.x.clone(),
                DataArg::Random => random_sequences(20, 10, a.seed),
            };
            let training = match a.train {
                TrainArg::Rprop => Training::Rprop(Rprop {
                    delta0: tutorial.delta0,
                    eta_plus: tutorial.eta_plus,
                    eta_minus: tutorial.eta_minus,
                }),
                TrainArg::Gd => Training::Gd { lr: a.lr },
            };
            (a.print, Ok(ex::count_rnn(x.view(), tutorial.start, training, a.iterations, text.gd_diverged)))
        }
        LabCommand::Linreg(a) => {
            let (x, y) = line_data(a.n, a.slope, a.intercept, a.noise, a.seed);
            let measure = match a.error {
                ErrorArg::Sse => ErrorMeasure::Sse,
                ErrorArg::Mse => ErrorMeasure::Mse,
                ErrorArg::Rmse => ErrorMeasure::Rmse,
                ErrorArg::L2 => ErrorMeasure::L2,
                ErrorArg::L2n => ErrorMeasure::L2OverN,
            };
            let r = LinregRun { lr: a.lr, steps: a.steps, batch: a.batch, seed: a.seed, measure };
            let out = ex::linreg(x.view(), y.view(), r, text.lr_diverged).map_err(|e| match e {
                crate::math::linreg::LinregError::Batch { rows, got } => (text.cli.between)("batch", 1, rows, got),
                other => other.to_string(),
            });
            (a.print, out)
        }
    };
    if !print {
        let command = if is_count { "lab count-rnn" } else { "lab linreg" };
        let result = interactive(text, command, || {
            if !is_count {
                return Ok(Screen::Linreg(Box::new(crate::lessons::exercises::linreg_lab::LinregLab::new(1))));
            }
            let t = crate::assets::counting_tutorial()?;
            Ok(Screen::Count(Box::new(crate::lessons::exercises::count_lab::CountLab::new(t, use_tutorial, seed))))
        });
        return result.unwrap_or_else(|e| {
            eprintln!("deepstep: {e:#}");
            ExitCode::FAILURE
        });
    }
    match out {
        Ok(s) if format == PrintFormat::Markdown => {
            let (stem, title) = if is_count {
                ("counting-rnn", text.count.title)
            } else {
                ("linear-regression", text.linreg.title_line)
            };
            emit(&report_note(stem, title, settings, &s, text));
            ExitCode::SUCCESS
        }
        Ok(s) => {
            emit(&s);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("deepstep lab: {e}");
            ExitCode::from(2)
        }
    }
}

/// A lesson's note as Markdown, stamped with the current time.
fn markdown(note: &crate::lessons::notes::Note, text: &Text) -> String {
    let (_, when) = crate::lessons::notes::dates(crate::lessons::notes::now_secs());
    note.markdown(text, &when)
}

/// The headless text of an exercise lab as a note: its settings, then the report.
fn report_note(stem: &'static str, title: &str, settings: Vec<String>, report: &str, text: &Text) -> String {
    use crate::lessons::notes::{Note, Section};
    let note = Note {
        stem,
        title: title.to_string(),
        sections: vec![
            Section::text(text.note.settings, settings),
            Section::code(text.note.steps, report.lines().map(str::to_string).collect()),
        ],
    };
    markdown(&note, text)
}

pub fn run(cli: Cli) -> ExitCode {
    let text: &'static Text = text_for(cli.lang);
    let result = match cli.command {
        None => {
            if !std::io::stdout().is_terminal() {
                eprintln!("{}", (text.not_a_terminal)("conv"));
                return ExitCode::from(2);
            }
            let mut app = App::home(text, Theme::from_env());
            app.quiz_progress = crate::lessons::quiz::progress::default_path();
            app::run(app).map(|_| ExitCode::SUCCESS)
        }
        Some(Command::Conv(a)) => match conv_lab(&a, text) {
            Err(e) => {
                eprintln!("deepstep conv: {e:#}");
                return ExitCode::from(2);
            }
            Ok(mut lab) if a.print => {
                if a.format == PrintFormat::Markdown {
                    lab.update(crate::lessons::conv::Action::Last);
                    emit(&markdown(&crate::lessons::conv::note::note(&lab, text), text));
                } else {
                    emit(&report::print(&lab, a.backward, text.conv.running_sum));
                }
                Ok(ExitCode::SUCCESS)
            }
            Ok(lab) => interactive(text, "conv", || Ok(Screen::Conv(Box::new(lab)))),
        },
        Some(Command::Rnn(a)) => match a.settings().run() {
            Err(e) => {
                eprintln!("deepstep rnn: {}", e.describe(text));
                return ExitCode::from(2);
            }
            Ok(run) if a.print => {
                if a.format == PrintFormat::Markdown {
                    crate::lessons::rnn::lab::RnnLab::new(a.settings())
                        .map(|mut lab| {
                            lab.update(crate::lessons::rnn::lab::Action::Last);
                            emit(&markdown(&crate::lessons::rnn::note::note(&lab, text), text));
                            ExitCode::SUCCESS
                        })
                        .map_err(anyhow::Error::from)
                } else {
                    emit(&rnn_report::table(&run));
                    Ok(ExitCode::SUCCESS)
                }
            }
            Ok(_) => interactive(text, "rnn", || {
                let lab = crate::lessons::rnn::lab::RnnLab::new(a.settings())?;
                Ok(Screen::Rnn(Box::new(lab)))
            }),
        },
        Some(Command::Lab { which }) => return lab(text, which),
        Some(Command::Quiz(a)) => return quiz(text, a),
        Some(Command::Sweep(a)) => {
            let s = RnnSettings {
                cell: a.cell.kind(),
                radius: a.radius,
                len: a.len,
                hidden: a.hidden,
                seed: a.seed,
                ..RnnSettings::default()
            };
            match s.run() {
                Err(e) => {
                    eprintln!("deepstep sweep: {}", e.describe(text));
                    return ExitCode::from(2);
                }
                Ok(run) => {
                    let f = if a.format == FormatArg::Json { SweepFormat::Json } else { SweepFormat::Csv };
                    emit(&rnn_report::sweep(&run, f));
                    Ok(ExitCode::SUCCESS)
                }
            }
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("deepstep: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// `deepstep quiz`: check a bank, print a round, or open the quiz.
fn quiz(text: &'static Text, a: QuizArgs) -> ExitCode {
    use crate::lessons::quiz::bank::{self, Topic};
    use crate::lessons::quiz::lab::{QuizLab, clock_seed};
    use crate::lessons::quiz::progress::{Store, default_path};
    use crate::lessons::quiz::round::RoundOptions;
    let read_bank = |path: &std::path::Path| -> Result<Vec<bank::Question>, ExitCode> {
        let name = path.display().to_string();
        let content = std::fs::read_to_string(path).map_err(|e| {
            eprintln!("deepstep quiz: {}", (text.cli.cannot_read)(&name, &e.to_string()));
            ExitCode::from(2)
        })?;
        bank::parse(&name, &content).map_err(|problems| {
            for p in &problems {
                eprintln!("{}", p.describe(text));
            }
            eprintln!("{}", (text.quiz.bank_invalid)(problems.len()));
            ExitCode::from(2)
        })
    };
    if let Some(path) = &a.check {
        return match read_bank(path) {
            Ok(q) => {
                emit(&format!("{}\n", (text.quiz.bank_valid)(&path.display().to_string(), q.len())));
                ExitCode::SUCCESS
            }
            Err(code) => code,
        };
    }
    if !(1..=100).contains(&a.count) {
        eprintln!("deepstep quiz: {}", (text.cli.between)("count", 1, 100, a.count));
        return ExitCode::from(2);
    }
    let questions = match &a.bank {
        Some(path) => match read_bank(path) {
            Ok(q) => q,
            Err(code) => return code,
        },
        None => match bank::shipped() {
            Ok(q) => q,
            Err(problems) => {
                for p in problems {
                    eprintln!("{}", p.describe(text));
                }
                return ExitCode::FAILURE;
            }
        },
    };
    let topic = a.topic.map(|t| match t {
        TopicArg::Chain => Topic::Chain,
        TopicArg::Bayes => Topic::Bayes,
        TopicArg::Conv => Topic::Conv,
        TopicArg::Rnn => Topic::Rnn,
    });
    let options = RoundOptions {
        review: a.review,
        count: a.count,
        seed: a.seed.unwrap_or_else(clock_seed),
        topic,
        ..Default::default()
    };
    let store = a.progress.clone().or_else(default_path).map(Store::new);
    if a.print {
        // The headless form reads the progress (so `--review --print` lists
        // what is due) but never writes it, nor moves a bad file aside.
        let progress = match store.as_ref().map(Store::peek) {
            Some(Ok(p)) => p,
            Some(Err(reason)) => {
                eprintln!("deepstep quiz: {}", (text.cli.progress_not_used)(&reason));
                Default::default()
            }
            None => Default::default(),
        };
        let lab = QuizLab::with_progress(questions, options, progress, None);
        if a.format == PrintFormat::Markdown {
            emit(&markdown(&crate::lessons::quiz::note::round_note(&lab, text), text));
        } else {
            emit(&crate::lessons::quiz::report::print(&lab, text));
        }
        return ExitCode::SUCCESS;
    }
    let result =
        interactive(text, "quiz", || Ok(Screen::Quiz(Box::new(QuizLab::new(questions, options, store, None)))));
    result.unwrap_or_else(|e| {
        eprintln!("deepstep: {e:#}");
        ExitCode::FAILURE
    })
}
