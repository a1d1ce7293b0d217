//! `--help` in the learner's language: the clap tree with every about and
//! option help taken from the text tables, and the language chosen before
//! the arguments are parsed.

use super::args::{Cli, LangArg};
use crate::text::{EN, KO, Text};
use std::ffi::OsString;

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
/// Arguments that are not UTF-8 are passed over here (clap reports them).
pub fn early_text<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> &'static Text {
    let args: Vec<Option<&str>> = args.iter().map(|a| a.as_ref().to_str()).collect();
    let lang = args.iter().enumerate().find_map(|(i, a)| {
        let a = (*a)?;
        a.strip_prefix("--lang=").or_else(|| (a == "--lang").then(|| args.get(i + 1).copied().flatten()).flatten())
    });
    // An unknown value falls back to the locale here; clap then refuses it.
    text_for(lang.and_then(|l| <LangArg as clap::ValueEnum>::from_str(l, true).ok()))
}

/// Parse the command line with help in the learner's language. Arguments
/// are read as `OsString`s: a path that is not UTF-8 is clap's error, not a panic.
pub fn parse() -> Cli {
    parse_from(std::env::args_os().collect())
}

/// `parse` over these arguments (the program name first).
pub fn parse_from(args: Vec<OsString>) -> Cli {
    use clap::{CommandFactory, FromArgMatches};
    // The tree in the learner's language is most of a start's work (every
    // about and help looked up and set: 0.57 of 1.44 million instructions
    // for `--version`), and parsing needs none of it: the plain tree accepts
    // exactly the same command lines. It is built only when clap has
    // something to print (help, the version, an error), by parsing again.
    let matches = match Cli::command().try_get_matches_from(&args) {
        Ok(matches) => matches,
        // The version reads the same in every language.
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayVersion => e.exit(),
        Err(_) => command(early_text(&args)).try_get_matches_from(args).unwrap_or_else(|e| exit_with(e)),
    };
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| exit_with(e))
}

/// clap's error, with the values it echoes made visible: an argument can
/// hold escape sequences (`"$(cat file)"`), which must not reach the
/// terminal. Help and the version are clap's own text and print as they are.
fn exit_with(e: clap::Error) -> ! {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        e.exit()
    }
    let plain = e.render().to_string();
    let shown: String =
        plain.chars().map(|c| if c.is_control() && c != '\n' && c != '\t' { '\u{FFFD}' } else { c }).collect();
    eprint!("{shown}");
    std::process::exit(e.exit_code())
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
