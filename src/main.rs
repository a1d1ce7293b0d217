use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    deepstep::cli::run(deepstep::cli::Cli::parse())
}
