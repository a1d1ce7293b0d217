//! `deepstep lab count-rnn` and `deepstep lab linreg`: the exercise labs, or
//! their training runs printed.

use super::args::{CountRnnArgs, DataArg, ErrorArg, LabCommand, LinregArgs, PrintFormat, TrainArg};
use super::outside;
use super::{Failure, emit, finite, interactive, markdown};
use crate::lessons::count_rnn::report::{self as count_report, Training};
use crate::lessons::lesson::mount;
use crate::lessons::linreg::report::{self as linreg_report, LinregRun};
use crate::math::counting_rnn::{Rprop, random_sequences};
use crate::math::linreg::{ErrorMeasure, line_data};
use crate::text::Text;

/// `deepstep lab ...`.
pub fn run(which: LabCommand, text: &'static Text) -> Result<(), Failure> {
    match which {
        LabCommand::CountRnn(a) => count_rnn(a, text),
        LabCommand::Gd(a) => super::gd::run(a, text),
        LabCommand::Linreg(a) => linreg(a, text),
        LabCommand::Mle(a) => mle(a, text),
    }
}

fn mle(a: super::args::MleArgs, text: &'static Text) -> Result<(), Failure> {
    use crate::lessons::mle::lab::{Family, MleLab, Settings};
    use crate::math::parse::{ListError, parse_counts, parse_list};
    let m = &text.mle;
    let list_error = |flag: &str, e: ListError| {
        Failure::usage(format!(
            "deepstep lab mle: {}",
            match e {
                ListError::Empty => (m.list_empty)(flag),
                ListError::NotNumeric { position, text: t } => (m.list_not_numeric)(flag, position, &t),
                ListError::NotCount { position, text: t } => (m.list_not_count)(flag, position, &t),
                ListError::TooLong { max } => (m.list_too_long)(flag, max),
                ListError::AllZero => m.err_all_zero.to_string(),
            }
        ))
    };
    outside(text, "n", a.n, 1, 1000)?;
    outside(text, "classes", a.classes, 2, 8)?;
    finite(text, "lab mle", &[("mu", a.mu), ("sigma", a.sigma)])?;
    if a.sigma <= 0.0 {
        return Err(Failure::usage(format!("deepstep lab mle: {}", (m.err_sigma)(&a.sigma.to_string()))));
    }
    let data = a.data.as_deref().map(parse_list).transpose().map_err(|e| list_error("data", e))?;
    let counts = a.counts.as_deref().map(parse_counts).transpose().map_err(|e| list_error("counts", e))?;
    let family = if counts.is_some() || (a.family == super::args::FamilyArg::Categorical && data.is_none()) {
        Family::Categorical
    } else {
        Family::Normal
    };
    let settings =
        Settings { family, n: a.n, mu: a.mu, sigma: a.sigma, classes: a.classes, seed: a.seed, data, counts };
    let mut lab = MleLab::new(settings).map_err(|e| {
        Failure::usage(format!("deepstep lab mle: {}", crate::lessons::mle::words::error_text(&e, text)))
    })?;
    if !a.print {
        return interactive(text, "lab mle", mount(lab));
    }
    lab.shown = lab.steps().len();
    match a.format {
        PrintFormat::Text => emit(text, &crate::lessons::mle::report::print(&lab, text)),
        PrintFormat::Markdown => emit(text, &markdown(&crate::lessons::mle::note::note(&lab, text), text)),
    }
}

/// The most updates a headless descent makes (gradient descent or SGD).
const MAX_UPDATES: usize = 100_000;
/// The most point-updates (updates × points) `lab linreg --print` computes.
const MAX_WORK: u128 = 100_000_000;

fn count_rnn(a: CountRnnArgs, text: &'static Text) -> Result<(), Failure> {
    finite(text, "lab count-rnn", &[("lr", a.lr)])?;
    outside(text, "iterations", a.iterations, 0, 100_000)?;
    let tutorial =
        crate::assets::counting_tutorial().map_err(|e| Failure::runtime(format!("deepstep lab count-rnn: {e:#}")))?;
    if !a.print {
        let lab = crate::lessons::count_rnn::lab::CountLab::new(tutorial, a.data == DataArg::Tutorial, a.seed);
        return interactive(text, "lab count-rnn", mount(lab));
    }
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
    let out = count_report::count_rnn(x.view(), tutorial.start, training, a.iterations, text.gd_diverged);
    if a.format == PrintFormat::Text {
        return emit(text, &out);
    }
    let settings = format!(
        "- --train {:?} --data {:?} --iterations {} --lr {} --seed {}",
        a.train, a.data, a.iterations, a.lr, a.seed
    )
    .to_lowercase();
    emit(text, &report_note("counting-rnn", text.count.title, vec![settings], &out, text))
}

fn linreg(a: LinregArgs, text: &'static Text) -> Result<(), Failure> {
    let floats = [("slope", a.slope), ("intercept", a.intercept), ("noise", a.noise), ("lr", a.lr)];
    finite(text, "lab linreg", &floats)?;
    outside(text, "n", a.n, 2, 10_000)?;
    outside(text, "steps", a.steps, 0, MAX_UPDATES)?;
    let measure = match a.error {
        ErrorArg::Sse => ErrorMeasure::Sse,
        ErrorArg::Mse => ErrorMeasure::Mse,
        ErrorArg::Rmse => ErrorMeasure::Rmse,
        ErrorArg::L2 => ErrorMeasure::L2,
        ErrorArg::L2n => ErrorMeasure::L2OverN,
    };
    if let Some(b) = a.batch
        && !(1..=a.n).contains(&b)
    {
        return Err(Failure::usage(format!("deepstep lab: {}", (text.cli.between)("batch", 1, a.n, b))));
    }
    if !a.print {
        // The lab opens on the points, rate, batch and error `--print` would use.
        use crate::lessons::linreg::lab::{Line, LinregLab};
        let line = Line { n: a.n, slope: a.slope, intercept: a.intercept, noise: a.noise, seed: a.seed };
        let lab = LinregLab::with_line(1, line).configured(a.lr, a.batch, measure);
        return interactive(text, "lab linreg", mount(lab));
    }
    // Minibatch SGD makes ⌈n/batch⌉ updates per epoch: bound the updates, not the epochs.
    if let Some(b) = a.batch.filter(|b| *b >= 1) {
        let updates = a.steps as u128 * a.n.div_ceil(b) as u128;
        if updates > MAX_UPDATES as u128 {
            let msg = (text.cli.too_many_updates)(&updates.to_string(), MAX_UPDATES);
            return Err(Failure::usage(format!("deepstep lab: {msg}")));
        }
    }
    // Each update also measures the error on every point, so the work is
    // updates × n: bounded, so `--print` answers within about a second.
    let updates = a.steps as u128 * a.batch.filter(|b| *b >= 1).map_or(1, |b| a.n.div_ceil(b)) as u128;
    if updates * a.n as u128 > MAX_WORK {
        let msg = (text.cli.too_much_work)(&(updates * a.n as u128).to_string(), &MAX_WORK.to_string());
        return Err(Failure::usage(format!("deepstep lab: {msg}")));
    }
    let (x, y) = line_data(a.n, a.slope, a.intercept, a.noise, a.seed);
    let r = LinregRun { lr: a.lr, steps: a.steps, batch: a.batch, seed: a.seed, measure };
    let out = linreg_report::linreg(x.view(), y.view(), r, text.lr_diverged).map_err(|e| {
        Failure::usage(format!(
            "deepstep lab: {}",
            match e {
                crate::math::linreg::LinregError::Batch { rows, got } => (text.cli.between)("batch", 1, rows, got),
                other => other.to_string(),
            }
        ))
    })?;
    if a.format == PrintFormat::Text {
        return emit(text, &out);
    }
    // The settings as arguments that can be given again: without --batch,
    // full-batch descent is the default (`--batch -` is no argument).
    let batch = a.batch.map_or(String::new(), |b| format!(" --batch {b}"));
    let settings = format!(
        "- --n {} --slope {} --intercept {} --noise {} --lr {} --steps {}{batch} --error {:?} --seed {}",
        a.n, a.slope, a.intercept, a.noise, a.lr, a.steps, a.error, a.seed
    )
    .to_lowercase();
    let line = crate::lessons::linreg::lab::Line {
        n: a.n,
        slope: a.slope,
        intercept: a.intercept,
        noise: a.noise,
        seed: a.seed,
    };
    let title = crate::lessons::linreg::view::title(&line, 1, text);
    emit(text, &report_note("linear-regression", &title, vec![settings], &out, text))
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
