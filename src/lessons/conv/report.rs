//! The convolution lab as plain text: the written-out arithmetic of a frame
//! (shared with the screen) and the whole `--print` report.

use super::lab::{ConvLab, Mode};
use crate::math::conv::{Frame, channel_sums};
use crate::math::format::{exact, num, operand};
use ndarray::{ArrayView2, Axis};
use std::fmt::Write;

/// `name[i,j]` with the channel index only when there is more than one.
fn label(name: &str, at: &[usize], channels: &[usize]) -> String {
    let shown: Vec<String> =
        at.iter().enumerate().filter(|(i, _)| !channels.contains(i)).map(|(_, v)| v.to_string()).collect();
    format!("{name}[{}]", shown.join(","))
}

/// `11×2 + 23×(-1) + 52×3 + 64×1 = 219`: the first `shown` taps of a frame
/// with their running sum, or every tap with per-channel sums and the value.
pub fn equation<P>(f: &Frame<P>, shown: usize, channels: usize, running_sum: &str) -> String {
    equation_keeping(f, shown, channels, running_sum, usize::MAX)
}

/// `terms` joined by ` + `; more than `keep` + 1 of them keep their first
/// `keep` and their last, the ones between written as one `…`.
fn joined(terms: Vec<String>, keep: usize) -> String {
    if terms.len() <= keep.saturating_add(1) {
        return terms.join(" + ");
    }
    let mut kept: Vec<String> = terms[..keep].to_vec();
    kept.push("…".to_string());
    kept.extend(terms.last().cloned());
    kept.join(" + ")
}

/// `equation` with each list of terms (each channel's, with several)
/// shortened by `joined(…, keep)`; the sums and the value always stay.
fn equation_keeping<P>(f: &Frame<P>, shown: usize, channels: usize, running_sum: &str, keep: usize) -> String {
    let taps = &f.taps[..shown.min(f.taps.len())];
    let term = |t: &crate::math::conv::Tap| format!("{}×{}", operand(t.a.value), operand(t.b.value));
    let mut out = String::new();
    if f.start != 0.0 {
        out.push_str(&num(f.start));
        out.push_str(" + ");
    }
    if shown < f.taps.len() {
        let terms: Vec<String> = taps.iter().map(term).collect();
        let sum = taps.last().map_or(f.start, |t| t.sum);
        let _ = write!(out, "{} = {} ({running_sum})", joined(terms, keep), num(sum));
        return out;
    }
    if channels <= 1 {
        let terms: Vec<String> = taps.iter().map(term).collect();
        let _ = write!(out, "{} = {}", joined(terms, keep), num(f.value));
        return out;
    }
    let per = f.taps.len() / channels;
    let groups: Vec<String> =
        f.taps.chunks(per.max(1)).map(|c| format!("({})", joined(c.iter().map(term).collect(), keep))).collect();
    let sums: Vec<String> = channel_sums(f, channels).iter().map(|v| operand(*v)).collect();
    let _ = write!(out, "{} = {} = {}", groups.join(" + "), sums.join(" + "), num(f.value));
    out
}

/// `equation` in at most `columns` display columns when it can be: the
/// whole equation if it fits, else as many leading terms as fit, the middle
/// ones marked `…`, and always the last term, the channel sums and the value.
pub fn equation_within<P>(f: &Frame<P>, shown: usize, channels: usize, running_sum: &str, columns: usize) -> String {
    let full = equation(f, shown, channels, running_sum);
    if crate::ui::width::width(&full) <= columns {
        return full;
    }
    let most = f.taps.len();
    (0..most)
        .rev()
        .map(|keep| equation_keeping(f, shown, channels, running_sum, keep))
        .find(|e| crate::ui::width::width(e) <= columns)
        .unwrap_or_else(|| equation_keeping(f, shown, channels, running_sum, 0))
}

impl ConvLab {
    /// The equation of frame `f` of the current mode, `shown` taps of it.
    pub fn equation_of(&self, f: usize, shown: usize, running_sum: &str) -> String {
        self.equation_of_within(f, shown, running_sum, usize::MAX)
    }

    /// `equation_of` in at most `columns` columns (`equation_within`): the
    /// screen's form, whose sum and value are never cut off.
    pub fn equation_of_within(&self, f: usize, shown: usize, running_sum: &str, columns: usize) -> String {
        let g = &self.data.geometry;
        let fit = |l: String, eq: &dyn Fn(usize) -> String| {
            let room = columns.saturating_sub(crate::ui::width::width(&l) + 3);
            format!("{l} = {}", eq(room))
        };
        match self.mode {
            Mode::Forward => self.data.forward_frame(f).map_or(String::new(), |fr| {
                let l = label("y", &fr.at, if g.c_out > 1 { &[] } else { &[0] });
                fit(l, &|room| equation_within(&fr, shown, g.c_in, running_sum, room))
            }),
            Mode::GradW => self.data.grad_w_frame(f).map_or(String::new(), |fr| {
                let skip: &[usize] = match (g.c_out > 1, g.c_in > 1) {
                    (true, true) => &[],
                    (true, false) => &[1],
                    (false, true) => &[0],
                    (false, false) => &[0, 1],
                };
                let l = label("dW", &fr.at, skip);
                fit(l, &|room| equation_within(&fr, shown, 1, running_sum, room))
            }),
            Mode::GradX => self.data.grad_x_frame(f).map_or(String::new(), |fr| {
                let l = label("dX", &fr.at, if g.c_in > 1 { &[] } else { &[0] });
                fit(l, &|room| equation_within(&fr, shown, g.c_out, running_sum, room))
            }),
        }
    }
}

impl ConvLab {
    /// `OH = ⌊(H + 2·P − D·(K−1) − 1)/S⌋ + 1 = ...` with this lab's numbers, for axis 0 (OH) or 1 (OW).
    pub fn size_formula(&self, axis: usize) -> String {
        let g = &self.data.geometry;
        let p = g.params;
        let a = axis.min(1);
        format!(
            "{} = ⌊({} + 2·{} − {}·({}−1) − 1)/{}⌋ + 1 = {}",
            ["OH", "OW"][a],
            g.input[a],
            p.padding[a],
            p.dilation[a],
            g.kernel[a],
            p.stride[a],
            g.output[a]
        )
    }
}

fn matrix_block(out: &mut String, heading: &str, channels: Vec<ArrayView2<f64>>) {
    let _ = writeln!(out, "{heading}");
    for (i, m) in channels.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for row in m.rows() {
            let vals: Vec<String> = row.iter().map(|v| exact(*v)).collect();
            let _ = writeln!(out, "{}", vals.join(" "));
        }
    }
}

/// The `--print` report: every forward frame's arithmetic, then the output
/// block; with `backward`, every dW and dX frame and their blocks too.
pub fn print(lab: &ConvLab, backward: bool, running_sum: &str) -> String {
    let mut out = vec![];
    // Writing into memory cannot fail.
    let _ = print_to(lab, backward, running_sum, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The same report, written frame by frame as it is made: memory holds one
/// frame's line at a time, however many frames there are.
pub fn print_to(lab: &ConvLab, backward: bool, running_sum: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut lab = lab.clone();
    // The size formulas as the screen and the notes write them (one notation).
    writeln!(out, "{}", lab.size_formula(0))?;
    writeln!(out, "{}", lab.size_formula(1))?;
    let modes: &[Mode] = if backward { &[Mode::Forward, Mode::GradW, Mode::GradX] } else { &[Mode::Forward] };
    for &mode in modes {
        lab.mode = mode;
        let n = lab.frame_count();
        for f in 0..n {
            writeln!(out, "frame {}/{}: {}", f + 1, n, lab.equation_of(f, usize::MAX, running_sum))?;
        }
    }
    let mut blocks = String::from("\n");
    let d = &lab.data;
    matrix_block(&mut blocks, "output", d.y.axis_iter(Axis(0)).collect());
    if backward {
        blocks.push('\n');
        let (co, ci) = (d.geometry.c_out, d.geometry.c_in);
        let dw: Vec<ArrayView2<f64>> =
            (0..co * ci).map(|k| d.grads.dw.slice(ndarray::s![k / ci, k % ci, .., ..])).collect();
        matrix_block(&mut blocks, "grad_kernel", dw);
        blocks.push('\n');
        matrix_block(&mut blocks, "grad_input", d.grads.dx.axis_iter(Axis(0)).collect());
    }
    out.write_all(blocks.as_bytes())?;
    out.flush()
}
