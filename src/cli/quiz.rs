//! `deepstep quiz`: check a bank, print a round, or open the quiz.

use super::args::{QuizArgs, QuizFormat, TopicArg};
use super::{Failure, emit, markdown, run_app};
use crate::app::{App, system_now};
use crate::lessons::lesson::mount;
use crate::lessons::quiz::bank::{self, Question, Topic};
use crate::lessons::quiz::lab::{QuizLab, clock_seed};
use crate::lessons::quiz::round::RoundOptions;
use crate::progress::{Store, default_path};
use crate::text::Text;
use crate::ui::theme::Theme;

/// A bank file, or every problem in it (one line each, then the count).
fn read_bank(path: &std::path::Path, text: &Text) -> Result<Vec<Question>, Failure> {
    use crate::lessons::quiz::bank::ReadError;
    let name = path.display().to_string();
    let content = bank::read_file(path).map_err(|e| {
        Failure::usage(format!(
            "deepstep quiz: {}",
            match e {
                ReadError::Io(reason) => (text.cli.cannot_read)(&name, &reason),
                ReadError::NotRegular => (text.cli.not_regular)(&name),
                ReadError::TooLarge => (text.cli.too_large)(&name, (bank::MAX_BANK_BYTES >> 20) as usize),
                ReadError::NotUtf8 { line } => (text.cli.not_utf8)(&name, line),
            }
        ))
    })?;
    bank::parse(&name, &content).map_err(|problems| {
        let mut lines: Vec<String> = problems.iter().map(|p| p.describe(text)).collect();
        lines.push((text.quiz.bank_invalid)(problems.len()));
        Failure::usage(lines.join("\n"))
    })
}

fn topic_of(t: TopicArg) -> Topic {
    match t {
        TopicArg::Chain => Topic::Chain,
        TopicArg::Bayes => Topic::Bayes,
        TopicArg::Conv => Topic::Conv,
        TopicArg::Rnn => Topic::Rnn,
        TopicArg::Mle => Topic::Mle,
        TopicArg::Gd => Topic::Gd,
    }
}

/// `--export anki FILE`: the bank's questions (on `topic`, if given) as Anki
/// notes in a new file (`-` is standard output). An existing file is never
/// overwritten, and a file this run made but could not finish is removed.
fn export_to(
    export: &[std::ffi::OsString],
    questions: &[Question],
    topic: Option<Topic>,
    text: &Text,
) -> Result<(), Failure> {
    let (Some(format), Some(file)) = (export.first(), export.get(1)) else {
        return Err(Failure::usage(format!("deepstep quiz: {}", (text.cli.export_format)(""))));
    };
    if format != "anki" {
        let got = format.to_string_lossy();
        return Err(Failure::usage(format!("deepstep quiz: {}", (text.cli.export_format)(&got))));
    }
    let chosen: Vec<Question> = questions.iter().filter(|q| topic.is_none_or(|t| q.topic == t)).cloned().collect();
    let (notes, count) = crate::lessons::quiz::anki::export(&chosen, text);
    if file == "-" {
        return emit(text, &notes);
    }
    let path = std::path::Path::new(file);
    let name = path.display().to_string();
    let mut out = match std::fs::OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Failure::usage(format!("deepstep quiz: {}", (text.cli.export_exists)(&name))));
        }
        Err(e) => {
            // Opening to write: "cannot read" would not be true here.
            let why = (text.cli.write_failed)(&format!("{name}: {e}"));
            return Err(Failure::runtime(format!("deepstep quiz: {why}")));
        }
    };
    if let Err(e) = std::io::Write::write_all(&mut out, notes.as_bytes()).and_then(|_| out.sync_all()) {
        drop(out);
        // Made by this run a moment ago: removing the half-written file loses nothing.
        let _ = std::fs::remove_file(path);
        return Err(Failure::runtime(format!("deepstep quiz: {}", (text.cli.write_failed)(&format!("{name}: {e}")))));
    }
    emit(text, &format!("{}\n", (text.quiz.exported)(count, &name)))
}

/// `--stats`: read the store without changing it and print what it says.
fn stats(a: &QuizArgs, text: &Text) -> Result<(), Failure> {
    use crate::lessons::quiz::stats::StatsScreen;
    let path = a.progress.clone().or_else(default_path);
    let stats = match path.as_deref().map(Store::reader).transpose() {
        Ok(store) => store.flatten().map_or(Ok(Default::default()), |s| s.stats(system_now())),
        Err(refused) => Err(refused),
    }
    .map_err(|refused| refused_failure(&refused, text))?;
    match a.format {
        QuizFormat::Json => {
            let json = serde_json::to_string_pretty(&stats).map_err(|e| Failure::runtime(e.to_string()))?;
            emit(text, &format!("{json}\n"))
        }
        QuizFormat::Markdown => emit(text, &markdown(&StatsScreen::new(Ok(stats)).study_note(text), text)),
        QuizFormat::Text => {
            let lines = crate::lessons::quiz::words::stats_lines(&stats, text);
            emit(text, &format!("{}\n{}\n", text.quiz.stats_title, lines.join("\n")))
        }
    }
}

/// A progress file that cannot be used, said as a failure: a usage error
/// (2) for the path asked for, a runtime one (1) for the machine's state.
fn refused_failure(refused: &crate::progress::Refused, text: &Text) -> Failure {
    let message = format!("deepstep quiz: {}", crate::lessons::quiz::words::refused_text(refused, text));
    if refused.is_runtime() { Failure::runtime(message) } else { Failure::usage(message) }
}

/// `deepstep quiz`.
pub fn run(a: QuizArgs, text: &'static Text) -> Result<(), Failure> {
    if let Some(path) = &a.check {
        let q = read_bank(path, text)?;
        let name = path.display().to_string();
        let broken: Vec<String> = crate::lessons::quiz::bank_lengths::longest_keyed(&q)
            .into_iter()
            .filter(|l| l.breaks_the_rule())
            .map(|l| (text.quiz.bank_longest_keyed)(&name, l.lang, l.ids.len(), l.choices, &l.ids.join(", ")))
            .collect();
        if !broken.is_empty() {
            return Err(Failure::usage(broken.join("\n")));
        }
        return emit(text, &format!("{}\n", (text.quiz.bank_valid)(&name, q.len())));
    }
    if a.format == QuizFormat::Json && !a.stats {
        return Err(Failure::usage(format!("deepstep quiz: {}", text.cli.json_stats_only)));
    }
    if a.stats {
        return stats(&a, text);
    }
    if !(1..=100).contains(&a.count) {
        return Err(Failure::usage(format!("deepstep quiz: {}", (text.cli.between)("count", 1, 100, a.count))));
    }
    let questions = match &a.bank {
        Some(path) => read_bank(path, text)?,
        None => bank::shipped().map_err(|problems| {
            Failure::runtime(problems.iter().map(|p| p.describe(text)).collect::<Vec<_>>().join("\n"))
        })?,
    };
    let topic = a.topic.map(topic_of);
    if let Some(export) = &a.export {
        return export_to(export, &questions, topic, text);
    }
    // A topic with nothing to ask is an error to say, not "nothing is due".
    if let Some(t) = topic {
        use crate::lessons::quiz::generate::GenKind;
        use crate::lessons::quiz::round::gen_topic;
        if !questions.iter().any(|q| q.topic == t) && !GenKind::ALL.iter().any(|k| gen_topic(*k) == t) {
            let name = text.quiz.topic_names[t.index()];
            return Err(Failure::usage(format!("deepstep quiz: {}", (text.cli.topic_empty)(name))));
        }
    }
    // A bank of your own is asked on its own: no generated questions beside it.
    let generated = if a.bank.is_some() { 0 } else { crate::lessons::quiz::round::GENERATED_PER_ROUND };
    let options =
        RoundOptions { generated, review: a.review, count: a.count, seed: a.seed.unwrap_or_else(clock_seed), topic };
    // Whatever is at the progress path must be a regular file (or nothing
    // yet): a directory, device or pipe is refused and left as it is.
    if let Some(p) = &a.progress
        && let Ok(meta) = std::fs::metadata(p)
        && !meta.is_file()
    {
        return Err(Failure::usage(format!("deepstep quiz: {}", (text.cli.not_regular)(&p.display().to_string()))));
    }
    let path = a.progress.clone().or_else(default_path);
    let now = system_now();
    if a.print {
        // The headless form reads the progress (so `--review --print` lists
        // what is due) but never writes it, nor moves a bad file aside.
        let progress = match path.as_deref().map(Store::peek) {
            Some(Ok(p)) => p,
            // As the interactive quiz: a path it refuses is refused here with
            // the same status; a damaged file (which it keeps aside and goes
            // on) is said and the round planned without it, except for a
            // review, whose due list would be made up.
            Some(Err(refused)) if a.review || !refused.is_damaged() => return Err(refused_failure(&refused, text)),
            Some(Err(refused)) => {
                let why = crate::lessons::quiz::words::refused_text(&refused, text);
                eprintln!("deepstep quiz: {}", crate::text::visible::visible(&(text.cli.progress_not_used)(&why)));
                Default::default()
            }
            None => Default::default(),
        };
        let lab = QuizLab::with_progress(questions, options, progress, now);
        return if a.format == QuizFormat::Markdown {
            emit(text, &markdown(&crate::lessons::quiz::note::round_note(&lab, text), text))
        } else {
            emit(text, &crate::lessons::quiz::report::print(&lab, text))
        };
    }
    if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return Err(Failure::usage((text.not_a_terminal)("quiz")));
    }
    // A path that must not be touched (not a regular file, another
    // program's file, no permission) is refused, left exactly as it is.
    let mut store = path.map(Store::open).transpose().map_err(|refused| refused_failure(&refused, text))?;
    let lab = QuizLab::new(questions, options, store.as_mut(), now);
    let mut app = App::new(mount(lab), text, Theme::from_env());
    app.set_progress(store);
    run_app(text, "quiz", app)
}
