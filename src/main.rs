use std::process::ExitCode;

fn main() -> ExitCode {
    deepstep::cli::run(deepstep::cli::parse())
}
