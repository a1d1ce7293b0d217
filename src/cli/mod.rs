//! The command line: `deepstep` opens the home screen, a subcommand opens a
//! lesson directly, `--print` writes it as plain text instead, and
//! `completions` and `man` describe the command line itself.
//!
//! `args.rs` holds clap's types, `help.rs` makes `--help` speak the learner's
//! language, and there is one file per subcommand. Each returns
//! `Result<(), Failure>`; `run` turns a failure into its message on stderr
//! and its exit status (2: bad usage or input, 1: the run itself failed).

pub mod args;
mod conv;
mod extras;
mod gd;
pub mod help;
mod lab;
pub mod practice;
mod quiz;
mod rnn;

pub use args::*;
pub use conv::conv_lab;
pub use help::{command, early_text, parse, parse_from, text_for};

use crate::app::{self, App};
use crate::lessons::lesson::Screen;
use crate::text::Text;
use crate::ui::theme::Theme;
use std::io::IsTerminal;
use std::process::ExitCode;

/// Why a command stopped: the message for stderr and the exit status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    /// Bad usage or input (exit status 2).
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure { code: 2, message: message.into() }
    }

    /// The run itself failed (exit status 1).
    pub fn runtime(message: impl Into<String>) -> Failure {
        Failure { code: 1, message: message.into() }
    }
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Failure {
        Failure::runtime(format!("deepstep: {e:#}"))
    }
}

/// Write headless output. A closed pipe (`| head`) ends the output quietly
/// instead of panicking as `print!` would; any other failure (a full disk,
/// `> /dev/full`) is an error with exit status 1, so a script notices.
fn emit(text: &Text, s: &str) -> Result<(), Failure> {
    emit_to(text, &mut std::io::stdout().lock(), s)
}

fn emit_to(text: &Text, out: &mut impl std::io::Write, s: &str) -> Result<(), Failure> {
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::runtime(format!("deepstep: {}", (text.cli.write_failed)(&e.to_string()))))
        }
        _ => Ok(()),
    }
}

/// Every float option must be a number that means something: NaN and ±inf
/// are refused here, in the learner's language, before any math sees them.
fn finite(text: &Text, command: &str, values: &[(&str, f64)]) -> Result<(), Failure> {
    match values.iter().find(|(_, v)| !v.is_finite()) {
        Some((name, v)) => {
            Err(Failure::usage(format!("deepstep {command}: {}", (text.cli.not_finite)(name, &v.to_string()))))
        }
        None => Ok(()),
    }
}

/// Open `screen` full-screen, or refuse (exit 2) when stdout is not a
/// terminal, pointing to the `--print` form of `command`.
/// A usage failure of `lab` when `v` is outside `lo..=hi` (the labs' and the
/// gradient-descent lab's whole-number options share it).
fn outside(text: &Text, name: &str, v: usize, lo: usize, hi: usize) -> Result<(), Failure> {
    if (lo..=hi).contains(&v) {
        return Ok(());
    }
    Err(Failure::usage(format!("deepstep lab: {}", (text.cli.between)(name, lo, hi, v))))
}

fn interactive(text: &'static Text, command: &str, screen: Box<dyn Screen>) -> Result<(), Failure> {
    run_app(text, command, App::new(screen, text, Theme::from_env()))
}

/// A full-screen command needs a terminal: else a usage error pointing to
/// the `--print` form of `command`.
fn need_terminal(text: &Text, command: &str) -> Result<(), Failure> {
    // The home screen (no command) has no `--print` form of its own.
    let home = command.is_empty();
    if !std::io::stdout().is_terminal() {
        return Err(Failure::usage(if home {
            text.cli.home_not_a_terminal.into()
        } else {
            (text.not_a_terminal)(command)
        }));
    }
    if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        return Err(Failure::usage(if home {
            text.cli.home_dumb_terminal.into()
        } else {
            (text.cli.dumb_terminal)(command)
        }));
    }
    Ok(())
}

fn run_app(text: &'static Text, command: &str, app: App) -> Result<(), Failure> {
    need_terminal(text, command)?;
    match app::run(app)? {
        // Ended by a signal: the status shells expect (143 for SIGTERM, 129 for SIGHUP).
        Some(sig) => Err(Failure { code: (128 + sig).clamp(0, 255) as u8, message: String::new() }),
        None => Ok(()),
    }
}

/// A lesson's note as Markdown, stamped with the current time.
fn markdown(note: &crate::lessons::notes::Note, text: &Text) -> String {
    let (_, when) = crate::lessons::notes::local_dates(crate::lessons::notes::now_secs());
    note.markdown(text, &when)
}

/// `app` saving to the user's data directory when it can; when it cannot,
/// the quiz says why and saves nothing (nothing is moved).
fn with_progress(mut app: App) -> App {
    use crate::progress::{Store, default_path};
    app.set_progress(default_path().map(|p| Store::open(p).unwrap_or_else(Store::not_saving)));
    app
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    let text: &'static Text = text_for(cli.lang);
    let result = match cli.command {
        None => run_app(text, "", with_progress(App::home(text, Theme::from_env()))),
        Some(Command::Conv(a)) => conv::run(a, text),
        Some(Command::Rnn(a)) => rnn::run(a, text),
        Some(Command::Sweep(a)) => rnn::sweep(a, text),
        Some(Command::Lab { which }) => lab::run(which, text),
        Some(Command::Quiz(a)) => quiz::run(a, text),
        Some(Command::Practice(a)) => practice::run(a, text),
        Some(Command::Completions(a)) => extras::completions(a, text),
        Some(Command::Man) => extras::man(text),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            if !f.message.is_empty() {
                // Messages echo what was given (a path, a value): nothing in
                // it may reach the terminal as an escape sequence.
                eprintln!("{}", crate::text::visible::visible(&f.message));
            }
            ExitCode::from(f.code)
        }
    }
}
