//! `deepstep rnn` (the lab, or its per-step table) and `deepstep sweep`
//! (||dL/dh_t|| for every t, as CSV or JSON).

use super::args::{FormatArg, PrintFormat, RnnArgs, SweepArgs};
use super::{Failure, emit, finite, interactive, markdown};
use crate::lessons::lesson::mount;
use crate::lessons::rnn::lab::{Action, RnnLab};
use crate::lessons::rnn::report::{self, SweepFormat};
use crate::lessons::rnn::settings::RnnSettings;
use crate::text::Text;

/// `deepstep rnn`.
pub fn run(a: RnnArgs, text: &'static Text) -> Result<(), Failure> {
    let floats = [("radius", a.radius), ("input-scale", a.input_scale), ("forget-bias", a.forget_bias)];
    finite(text, "rnn", &floats)?;
    finite(text, "rnn", &[("clip", a.clip.unwrap_or(1.0))])?;
    let bad =
        |e: crate::lessons::rnn::settings::SettingError| Failure::usage(format!("deepstep rnn: {}", e.describe(text)));
    // Each path computes the run once (the lab's own run is the check of the settings).
    if !a.print {
        return interactive(text, "rnn", mount(RnnLab::new(a.settings()).map_err(bad)?.in_background()));
    }
    if a.format == PrintFormat::Markdown {
        let mut lab = RnnLab::new(a.settings()).map_err(bad)?;
        lab.update(Action::Last);
        emit(text, &markdown(&crate::lessons::rnn::note::note(&lab, text), text))
    } else {
        emit(text, &report::table(&a.settings().run().map_err(bad)?))
    }
}

/// `deepstep sweep`.
pub fn sweep(a: SweepArgs, text: &Text) -> Result<(), Failure> {
    finite(text, "sweep", &[("radius", a.radius)])?;
    let s = RnnSettings {
        cell: a.cell.kind(),
        radius: a.radius,
        len: a.len,
        hidden: a.hidden,
        seed: a.seed,
        ..RnnSettings::default()
    };
    let logs = s.dh_log10_norms().map_err(|e| Failure::usage(format!("deepstep sweep: {}", e.describe(text))))?;
    let f = if a.format == FormatArg::Json { SweepFormat::Json } else { SweepFormat::Csv };
    emit(text, &report::sweep(&logs, f))
}
