//! The one list of lessons. The home screen, the `?` help, the command line's
//! lesson subcommands (checked by a test against the clap tree), the
//! no-panic property and the i18n, render and notes tests all read it, so a
//! lesson added here is listed, opened and tested everywhere at once.

use crate::lessons::lesson::{At, Screen, mount};
use crate::lessons::{conv, count_rnn, gd, linreg, mle, quiz, rnn};
use crate::progress::Store;
use crate::text::{LessonText, Text};

/// What opening a lesson may need from the shell.
pub struct Opener<'a> {
    /// Where the quiz keeps its progress (`None`: not saved).
    pub store: Option<&'a mut Store>,
    /// The time, Unix seconds (the quiz plans its round from it).
    pub now: u64,
    /// A seed for what a lesson draws at random (the quiz's round).
    pub seed: u64,
    /// Where the learner's files are (the practice folder is made here).
    pub folder: &'a std::path::Path,
    /// The state to open at (`At::Start` from the home screen).
    pub at: At,
}

/// One lesson.
pub struct Entry {
    /// The file-name part of its study notes (`deepstep-<stem>-<date>.md`),
    /// and its name in tests.
    pub stem: &'static str,
    /// The subcommand that opens it (`deepstep lab linreg` is `["lab", "linreg"]`).
    pub command: &'static [&'static str],
    /// Its name and one-line description, in the learner's language.
    pub text: fn(&Text) -> &LessonText,
    /// The lesson with its default settings (the home screen opens this).
    pub open: fn(&mut Opener) -> anyhow::Result<Box<dyn Screen>>,
}

/// Every lesson, in the order the home screen lists them.
pub const LESSONS: &[Entry] = &[
    Entry { stem: "convolution", command: &["conv"], text: |t| &t.lessons.conv, open: open_conv },
    Entry { stem: "rnn", command: &["rnn"], text: |t| &t.lessons.rnn, open: open_rnn },
    Entry { stem: "quiz", command: &["quiz"], text: |t| &t.lessons.quiz, open: open_quiz },
    Entry { stem: "review", command: &["quiz"], text: |t| &t.lessons.review, open: open_review },
    Entry { stem: "stats", command: &["quiz"], text: |t| &t.lessons.stats, open: open_stats },
    Entry { stem: "counting-rnn", command: &["lab", "count-rnn"], text: |t| &t.lessons.count_rnn, open: open_count },
    Entry { stem: "gradient-descent", command: &["lab", "gd"], text: |t| &t.lessons.gd, open: open_gd },
    Entry { stem: "linear-regression", command: &["lab", "linreg"], text: |t| &t.lessons.linreg, open: open_linreg },
    Entry { stem: "mle", command: &["lab", "mle"], text: |t| &t.lessons.mle, open: open_mle },
    Entry { stem: "practice", command: &["practice"], text: |t| &t.lessons.practice, open: open_practice },
];

/// The practice screen on `deepstep-practice` in the learner's folder, with
/// the progress saved so far and the Python the environment names.
fn open_practice(o: &mut Opener) -> anyhow::Result<Box<dyn Screen>> {
    let saved = o.store.as_deref().map(|s| s.practice().unwrap_or_default()).unwrap_or_default();
    let python = crate::practice::python::find(None, |k| std::env::var_os(k));
    let dir = o.folder.join(crate::practice::folder::DEFAULT_DIR);
    Ok(mount(crate::lessons::practice::lab::PracticeLab::new(dir, python, saved)))
}

fn open_conv(o: &mut Opener) -> anyhow::Result<Box<dyn Screen>> {
    let digits = crate::assets::digits()?;
    let mut lab = conv::ConvLab::new(Default::default(), Default::default(), digits)
        .map_err(|r| anyhow::anyhow!(r.describe(&crate::text::EN)))?;
    if o.at == At::ConvGradInput {
        lab.show(conv::Mode::GradX);
    }
    Ok(mount(lab))
}

fn open_rnn(_: &mut Opener) -> anyhow::Result<Box<dyn Screen>> {
    Ok(mount(rnn::lab::RnnLab::new(Default::default())?.in_background()))
}

fn open_quiz(o: &mut Opener) -> anyhow::Result<Box<dyn Screen>> {
    let bank = quiz::bank::shipped().map_err(|p| anyhow::anyhow!("{} problems in the shipped bank", p.len()))?;
    let options = quiz::round::RoundOptions { seed: o.seed, ..Default::default() };
    Ok(mount(quiz::lab::QuizLab::new(bank, options, o.store.as_deref_mut(), o.now)))
}

/// The quiz asking only what is due (`deepstep quiz --review`).
fn open_review(o: &mut Opener) -> anyhow::Result<Box<dyn Screen>> {
    let bank = quiz::bank::shipped().map_err(|p| anyhow::anyhow!("{} problems in the shipped bank", p.len()))?;
    let options = quiz::round::RoundOptions { seed: o.seed, review: true, ..Default::default() };
    Ok(mount(quiz::lab::QuizLab::new(bank, options, o.store.as_deref_mut(), o.now)))
}

/// What the progress store says (`deepstep quiz --stats`).
fn open_stats(o: &mut Opener) -> anyhow::Result<Box<dyn Screen>> {
    let stats = o.store.as_deref().map_or(Ok(Default::default()), |s| s.stats(o.now));
    Ok(mount(quiz::stats::StatsScreen::new(stats)))
}

fn open_count(o: &mut Opener) -> anyhow::Result<Box<dyn Screen>> {
    let mut lab = count_rnn::lab::CountLab::new(crate::assets::counting_tutorial()?, true, 1);
    if o.at == At::CountFirstBackwardStep {
        lab.update(count_rnn::lab::Action::Next);
    }
    Ok(mount(lab))
}

fn open_gd(_: &mut Opener) -> anyhow::Result<Box<dyn Screen>> {
    Ok(mount(gd::lab::GdLab::new(0)))
}

fn open_linreg(o: &mut Opener) -> anyhow::Result<Box<dyn Screen>> {
    let mut lab = linreg::lab::LinregLab::new(1);
    if o.at == At::LinregFirstStep {
        lab.update(linreg::lab::Action::Step);
    }
    Ok(mount(lab))
}

fn open_mle(_: &mut Opener) -> anyhow::Result<Box<dyn Screen>> {
    Ok(mount(mle::lab::MleLab::new(Default::default())?))
}
