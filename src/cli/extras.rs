//! `deepstep completions SHELL` and `deepstep man`: generated from the same
//! clap tree as `--help`, in the learner's language (clap_complete and
//! clap_mangen do the writing).

use super::args::CompletionsArgs;
use super::{Failure, command, emit};
use crate::text::Text;

/// `deepstep completions SHELL`.
pub fn completions(a: CompletionsArgs, text: &Text) -> Result<(), Failure> {
    let mut buf = vec![];
    clap_complete::generate(a.shell, &mut command(text), "deepstep", &mut buf);
    emit(text, &String::from_utf8_lossy(&buf))
}

/// `deepstep man`.
pub fn man(text: &Text) -> Result<(), Failure> {
    let mut buf = vec![];
    clap_mangen::Man::new(command(text)).render(&mut buf).map_err(|e| Failure::runtime(format!("deepstep: {e}")))?;
    emit(text, &String::from_utf8_lossy(&buf))
}
