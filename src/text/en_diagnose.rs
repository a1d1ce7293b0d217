//! The English words of the mistakes added with the families: the conv-size
//! formulas, the loops that miss an iteration or crop wrongly, and the
//! families recognised in every exercise (each says what the learner's code
//! computes and the one-line fix, with the code from `practice_code`).

use super::practice_code as code;
use crate::math::practice::{BpttMistake, ConvMistake};
use crate::math::practice_conv_size::ConvSizeMistake;
use crate::practice::family::{Factor, Family, Kind, Part};

pub fn conv_size(m: ConvSizeMistake) -> (&'static str, &'static str) {
    match m {
        ConvSizeMistake::NoPlusOne => (
            "(H + 2*padding - dilation*(KH - 1) - 1) // stride counts the steps the window takes, not the positions it stands at: one too few.",
            "Add the first position: (H + 2*padding - dilation*(KH - 1) - 1) // stride + 1.",
        ),
        ConvSizeMistake::Ceil => (
            "The division is rounded up (ceil): when it leaves a remainder, a last position is counted where the window would stick out past the padded edge.",
            "Round down: (H + 2*padding - dilation*(KH - 1) - 1) // stride + 1.",
        ),
        ConvSizeMistake::Round => (
            "The division is rounded to the nearest integer (round): a remainder of more than half a stride counts a position where the window does not fit.",
            "Round down: (H + 2*padding - dilation*(KH - 1) - 1) // stride + 1.",
        ),
        ConvSizeMistake::FloatDivision => (
            "/ is true division in Python 3: when the stride does not divide evenly, the size comes out as a fraction.",
            "Divide with //: (H + 2*padding - dilation*(KH - 1) - 1) // stride + 1.",
        ),
        ConvSizeMistake::DilationIgnored => (
            "The window is taken as KH cells wide, as if dilation were 1: with dilation - 1 gaps between its taps it spans dilation*(KH - 1) + 1 cells.",
            "Subtract the dilated span: H + 2*padding - dilation*(KH - 1) - 1.",
        ),
        ConvSizeMistake::DilationTimesK => (
            "The window is taken as dilation*KH cells wide; KH taps have KH - 1 gaps between them, so it spans dilation*(KH - 1) + 1 cells.",
            "Subtract dilation*(KH - 1) + 1: H + 2*padding - dilation*(KH - 1) - 1.",
        ),
        ConvSizeMistake::NoMinusOne => (
            "H + 2*padding - dilation*(KH - 1) lacks the - 1: it leaves room for one position more than there is (the window spans dilation*(KH - 1) + 1 cells).",
            "Subtract the 1 too: (H + 2*padding - dilation*(KH - 1) - 1) // stride + 1.",
        ),
        ConvSizeMistake::PaddingOnce => (
            "The padded length is taken as H + padding: the zeros go on both sides, so it is H + 2*padding.",
            "Count the padding twice: H + 2*padding.",
        ),
        ConvSizeMistake::KernelSwapped => (
            "OH is computed with KW and OW with KH: the kernel's height goes with the input's height.",
            "Pair them: OH from H and KH, OW from W and KW.",
        ),
    }
}

/// The BPTT loops and conv crops added with the families.
pub fn loop_or_crop(m: Result<BpttMistake, ConvMistake>) -> (&'static str, &'static str) {
    match m {
        Ok(BpttMistake::SkipsK1) => (
            "The loop stops before k = 1: the step that adds k = 1's terms and carries dL/dS_1 back to column 0 never runs, so grad_over_time[:, 0] stays 0 and both gradients lack their k = 1 term.",
            "Let the loop reach k = 1: for k in range(T, 0, -1) runs k = T, ..., 1.",
        ),
        Ok(_) => (
            "The loop starts below k = T: step T never runs, so dL/dS_{T-1} is never computed, every column below T stays 0 and so do both gradients.",
            "Let the loop start at k = T: for k in range(T, 0, -1) runs k = T, ..., 1.",
        ),
        Err(ConvMistake::NoGapsLoop) => (
            "dx adds dy[i, j] * w at (i, j): the windows sit 1 cell apart, but the forward pass moved them stride cells, so with stride > 1 the gradient lands in the wrong cells (dx has the right shape).",
            "Add it where the window was: dxp[i*stride:i*stride+KH, j*stride:j*stride+KW] += dy[i, j] * w.",
        ),
        Err(ConvMistake::CropEndOnly) => (
            "dx is dxp[:H, :W]: the padding is cropped off the bottom and right only, so dx keeps padding rows and columns at the top and left and loses real ones at the bottom and right.",
            "Crop both sides: dxp[P:P+H, P:P+W].",
        ),
        Err(ConvMistake::CropStartOnly) => (
            "dx is cropped at the top and left only: the padding at the bottom and right stays, (H + P) x (W + P).",
            "Crop the end too: dxp[P:P+H, P:P+W].",
        ),
        Err(_) => (
            "dx is dxp[P:-P, P:-P]: right for padding > 0, but with padding = 0 it is dxp[0:0, 0:0], an empty array (-0 is 0, not the end).",
            "Crop by the size instead: dxp[P:P+H, P:P+W].",
        ),
    }
}

/// A part by name: its code name, or words where it has none.
fn part(f: &str, p: Part) -> &'static str {
    code::part(f, p).unwrap_or(match f {
        "gradient_descent_step" => "the step (new beta - beta)",
        "posterior" => "the posterior",
        _ => "the whole result",
    })
}

fn n_is(f: &str) -> &'static str {
    match f {
        "backward_gradient" => "N, the batch size",
        "gradient_descent_step" => "n, the number of rows of X",
        _ => "n, the number of samples",
    }
}

pub fn family(f: Family) -> (String, String) {
    let fun = f.function;
    let p = part(fun, f.part);
    let rule = code::rule(fun, f.part, f.only);
    let when = if f.only == 0 { String::new() } else { format!(" for error={}", code::errors(f.only)) };
    let rest = if f.only == 0 {
        "everything else is right".to_string()
    } else {
        "the other errors' steps are right".to_string()
    };
    let n = if fun == "backward_gradient" { "N" } else { "n" };
    match f.kind {
        Kind::Scaled(Factor::Two) => (
            format!("{p}{when} is exactly twice the right value on every case; {rest}."),
            format!("Remove the extra factor 2: {rule}."),
        ),
        Kind::Scaled(Factor::Half) => (
            format!("{p}{when} is exactly half the right value on every case ({rest}): a factor 2 is missing."),
            format!("Put the factor 2 back: {rule}."),
        ),
        Kind::Scaled(Factor::N) => (
            format!("{p}{when} is exactly {n} times the right value on every case ({}); {rest}.", n_is(fun)),
            format!("Divide by {n} where your code does not (a sum where the formula takes the mean): {rule}."),
        ),
        Kind::Scaled(Factor::OneOverN) => (
            format!("{p}{when} is exactly 1/{n} of the right value on every case ({}); {rest}.", n_is(fun)),
            format!("Do not divide by {n} there (a mean where the formula sums, or the 1/{n} taken twice): {rule}."),
        ),
        Kind::Negated if fun == "gradient_descent_step" && f.only != 0 => (
            format!(
                "For error={} the step has the right size but goes uphill. The other errors' steps are right, so the update and the residual are: that gradient lost its minus.",
                code::errors(f.only)
            ),
            format!("Give it its minus: {rule}."),
        ),
        Kind::Negated if fun == "gradient_descent_step" => (
            "Every step has the right size but goes uphill: the new beta is beta + lr * gradient.".to_string(),
            "Flip the one sign the three errors share: if your update adds lr * gradient, subtract it; if it already subtracts, the residual is reversed: e = y - X @ beta.".to_string(),
        ),
        Kind::Negated => (
            format!("{p} has the right size but the opposite sign on every case; everything else is right."),
            format!("Flip the sign it picks up: {rule}."),
        ),
        Kind::Swapped(q) => (
            format!("{p} and {} are swapped: each holds the other's right value.", part(fun, q)),
            format!("Return them in the task's order: {}.", code::returns(fun)),
        ),
        Kind::Transposed => (
            format!("{p} is the right matrix transposed: its rows are the right answer's columns."),
            format!("Return it as {p} {}: drop the .T, or fill it [row, column].", code::shape(fun, f.part)),
        ),
        Kind::Truncated => (
            format!(
                "{p} holds whole numbers only: the right values with the fractions cut off, as an integer array stores them (np.zeros_like of an integer input keeps its dtype)."
            ),
            format!("Compute it as floats, e.g. in one expression: {rule}."),
        ),
        Kind::OnlyPart => (
            format!("{fun} returns only {p}, and it is right; {} is missing.", code::others(fun, f.part)),
            format!("Return all of it: {}.", code::returns(fun)),
        ),
        Kind::Restructured => (
            format!("{fun} returns the right numbers in the right order, but nested in another structure."),
            format!("Return exactly this structure: {}.", code::returns(fun)),
        ),
    }
}
