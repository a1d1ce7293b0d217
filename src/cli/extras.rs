//! `deepstep completions SHELL` and `deepstep man`: generated from the same
//! clap tree as `--help`, in the learner's language (clap_complete and
//! clap_mangen do the writing).

use super::args::CompletionsArgs;
use super::{Failure, command};
use crate::text::Text;
use std::io::Write;

/// Write `bytes` to stdout; a closed pipe is quiet, any other error fails.
fn write_out(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::runtime(format!("deepstep: {e}"))),
        _ => Ok(()),
    }
}

/// `deepstep completions SHELL`.
pub fn completions(a: CompletionsArgs, text: &Text) -> Result<(), Failure> {
    let mut buf = vec![];
    clap_complete::generate(a.shell, &mut command(text), "deepstep", &mut buf);
    write_out(&buf)
}

/// `deepstep man`.
pub fn man(text: &Text) -> Result<(), Failure> {
    let mut buf = vec![];
    clap_mangen::Man::new(command(text)).render(&mut buf).map_err(|e| Failure::runtime(format!("deepstep: {e}")))?;
    write_out(&buf)
}
