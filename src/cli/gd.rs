//! `deepstep lab gd`: the gradient-descent lab on a typed function, or its
//! run printed (`--print`). A function that does not read, a start where it
//! is undefined or a setting out of range is refused with exit status 2.

use super::args::{GdArgs, PrintFormat, SlipArg};
use super::{Failure, emit, finite, interactive, markdown};
use crate::lessons::gd::lab::GdLab;
use crate::lessons::lesson::mount;
use crate::math::expr::Function;
use crate::math::gd::{self, Bug, Settings};
use crate::text::Text;

pub fn run(a: GdArgs, text: &'static Text) -> Result<(), Failure> {
    let g = &text.gd;
    let usage = |m: String| Failure::usage(format!("deepstep lab gd: {m}"));
    finite(text, "lab gd", &[("lr", a.lr), ("eps", a.eps)])?;
    super::outside(text, "max-steps", a.max_steps, 1, gd::MAX_STEPS)?;
    let func = Function::parse(&a.function).map_err(|e| usage((g.refused)(&(g.expr_error)(&e.kind), e.at + 1)))?;
    let init: Vec<f64> = a
        .init
        .split(',')
        .map(|v| crate::math::parse::parse_number(v).filter(|v| v.is_finite()))
        .collect::<Option<Vec<f64>>>()
        .filter(|v| v.len() == func.dim)
        .ok_or_else(|| usage((g.bad_init)(&a.init, func.dim)))?;
    let bug = a.slip.map(|s| match s {
        SlipArg::Plus => Bug::Plus,
        SlipArg::NoAbs => Bug::NoAbs,
        SlipArg::Stale => Bug::Stale,
    });
    if bug == Some(Bug::NoAbs) && func.dim == 2 {
        return Err(usage(g.no_abs_one_variable.to_string()));
    }
    let settings = Settings { init, lr: a.lr, eps: a.eps, max_steps: a.max_steps, bug };
    let mut lab = GdLab::with(func, settings).map_err(|_| usage((g.undefined_at_init)(&a.function, &a.init)))?;
    if !a.print {
        return interactive(text, "lab gd", mount(lab));
    }
    lab.update(crate::lessons::gd::lab::Action::End);
    match a.format {
        PrintFormat::Text => emit(text, &crate::lessons::gd::report::print(&lab, text)),
        PrintFormat::Markdown => emit(text, &markdown(&crate::lessons::gd::note::note(&lab, text), text)),
    }
}
