//! `deepstep conv`: the convolution lab from the command line's matrices and
//! geometry, or every frame printed.

use super::args::{ConvArgs, PrintFormat};
use super::{Failure, emit, interactive, markdown};
use crate::lessons::conv::lab::{Custom, InputChoice, Settings};
use crate::lessons::conv::{ConvLab, report};
use crate::lessons::lesson::mount;
use crate::math::parse::parse_matrix;
use crate::text::Text;
use anyhow::{Context, Result, anyhow, bail};
use ndarray::Array3;

/// Limits on `deepstep conv`'s own numbers: the lab draws every cell.
const MAX_SETTING: usize = 16;
const MAX_SIDE: usize = 64;
const MAX_CHANNELS: usize = 3;

/// "2" → [2, 2]; "2,1" → [2, 1].
fn axis_pair(name: &str, s: &str, t: &Text) -> Result<[usize; 2]> {
    let parts: Vec<&str> = s.split(',').map(str::trim).collect();
    let num = |p: &str| p.parse::<usize>().map_err(|_| anyhow!((t.cli.whole_or_pair)(name, s)));
    match parts.as_slice() {
        [a] => Ok([num(a)?; 2]),
        [a, b] => Ok([num(a)?, num(b)?]),
        _ => bail!((t.cli.whole_or_pair)(name, s)),
    }
}

fn matrix3(name: &str, s: &str, t: &Text) -> Result<Array3<f64>> {
    use crate::math::parse::MatrixError as E;
    let (c, r, k, v) = parse_matrix(s).map_err(|e| {
        let why = match e {
            E::Empty => t.cli.matrix_empty.to_string(),
            E::NotNumeric { channel, row, col, text } => (t.cli.matrix_not_numeric)(channel, row, col, &text),
            E::Ragged { channel, row, expected, got } => (t.cli.matrix_ragged)(channel, row, got, expected),
            E::ChannelShape { channel, rows, cols, got_rows, got_cols } => {
                (t.cli.matrix_channel_shape)(channel, &format!("{got_rows}×{got_cols}"), &format!("{rows}×{cols}"))
            }
        };
        anyhow!("--{name}: {why}")
    })?;
    Ok(Array3::from_shape_vec((c, r, k), v)?)
}

/// The lab for these arguments, or an error that says what is wrong.
pub fn conv_lab(a: &ConvArgs, text: &Text) -> Result<ConvLab> {
    let mut settings = Settings::default();
    let mut custom = Custom::default();
    if let Some(s) = &a.input {
        let x = matrix3("input", s, text)?;
        settings.c_in = x.shape()[0];
        settings.input = InputChoice::Custom;
        custom.x = Some(x);
    }
    if let Some(s) = &a.kernel {
        let k = matrix3("kernel", s, text)?;
        let (ci, kh, kw) = k.dim();
        custom.w = Some(k.into_shape_with_order((1, ci, kh, kw))?);
        settings.preset = None;
        settings.kernel = [kh, kw];
    }
    if let Some(s) = &a.dy {
        custom.dy = Some(matrix3("dy", s, text)?);
    }
    settings.params.stride = axis_pair("stride", &a.stride, text)?;
    settings.params.padding = axis_pair("padding", &a.padding, text)?;
    settings.params.dilation = axis_pair("dilation", &a.dilation, text)?;
    // The lab draws every cell: keep sizes to what a terminal can show.
    for (name, v) in [
        ("stride", settings.params.stride),
        ("padding", settings.params.padding),
        ("dilation", settings.params.dilation),
    ] {
        if v.iter().any(|x| *x > MAX_SETTING) {
            bail!((text.cli.at_most)(name, MAX_SETTING, *v.iter().max().unwrap_or(&0)));
        }
    }
    for (name, m) in [("input", custom.x.as_ref()), ("dy", custom.dy.as_ref())] {
        if let Some(m) = m
            && (m.shape()[1] > MAX_SIDE || m.shape()[2] > MAX_SIDE || m.shape()[0] > MAX_CHANNELS)
        {
            let got = m.shape().iter().map(|d| d.to_string()).collect::<Vec<_>>().join("×");
            bail!((text.cli.channels)(name, MAX_CHANNELS, MAX_SIDE, &got));
        }
    }
    if let Some(w) = &custom.w
        && (w.shape()[2] > MAX_SIDE || w.shape()[3] > MAX_SIDE)
    {
        bail!((text.cli.kernel_side)(MAX_SIDE, &format!("{}×{}", w.shape()[2], w.shape()[3])));
    }
    let digits = crate::assets::digits().context("loading the digit samples")?;
    let lab = ConvLab::new(settings, custom.clone(), digits).map_err(|r| anyhow!(r.describe(text)))?;
    if let Some(dy) = &custom.dy
        && dy.shape() != lab.data.dy.shape()
    {
        let shape = |s: &[usize]| s.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("×");
        bail!((text.cli.dy_shape)(&shape(lab.data.dy.shape()), &shape(dy.shape())));
    }
    Ok(lab)
}

/// `deepstep conv`.
pub fn run(a: ConvArgs, text: &'static Text) -> Result<(), Failure> {
    let lab = conv_lab(&a, text).map_err(|e| Failure::usage(format!("deepstep conv: {e:#}")))?;
    if !a.print {
        return interactive(text, "conv", mount(lab));
    }
    if a.format == PrintFormat::Markdown {
        emit(text, &markdown(&crate::lessons::conv::note::print_note(&lab, text, a.backward), text))
    } else {
        // Streamed, frame by frame: a large convolution is never held whole.
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        match report::print_to(&lab, a.backward, text.conv.running_sum, &mut out) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(Failure::runtime(format!("deepstep: {}", (text.cli.write_failed)(&e.to_string()))))
            }
            _ => Ok(()),
        }
    }
}
