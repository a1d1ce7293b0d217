//! The code a diagnosis quotes, the same in every language: the names the
//! tasks give the parts of each result, the structure each function
//! returns, and the right line for each part (as the tasks and hints write
//! them).

use crate::practice::family::{ERRORS, Part};

/// A part by its name in the task; `None` where it has no code name (the
/// gradient step's step, the posterior, the whole RNN result: the words say it).
pub fn part(function: &str, part: Part) -> Option<&'static str> {
    Some(match (function, part) {
        ("backward_gradient", Part::At(0)) => "(wx_grad, wRec_grad)",
        ("backward_gradient", Part::At(1)) => "grad_over_time",
        ("backward_gradient", Part::At2(0, 0)) => "wx_grad",
        ("backward_gradient", Part::At2(0, 1)) => "wRec_grad",
        ("conv_output_size", Part::Whole) => "(OH, OW)",
        ("conv_output_size", Part::At(0)) => "OH",
        ("conv_output_size", Part::At(1)) => "OW",
        ("conv2d", Part::Whole) => "y",
        ("conv2d_backward", Part::Whole) => "(dx, dw)",
        ("conv2d_backward", Part::At(0)) => "dx",
        ("conv2d_backward", Part::At(1)) => "dw",
        ("mle_normal", Part::Whole) => "(mu, sigma)",
        ("mle_normal", Part::At(0)) => "mu",
        ("mle_normal", Part::At(1)) => "sigma",
        ("mle_categorical", Part::Whole) => "p",
        _ => return None,
    })
}

/// What a function returns, as its task says.
pub fn returns(function: &str) -> &'static str {
    match function {
        "backward_gradient" => "((wx_grad, wRec_grad), grad_over_time)",
        "conv_output_size" => "(OH, OW)",
        "conv2d_backward" => "(dx, dw)",
        "mle_normal" => "(mu, sigma)",
        "conv2d" => "y",
        "mle_categorical" => "p",
        "posterior" => "joint / joint.sum()",
        _ => "beta - lr * gradient",
    }
}

/// The parts a function returns besides `part` (what is missing when it
/// returns only that).
pub fn others(function: &str, part: Part) -> &'static str {
    match (function, part) {
        ("backward_gradient", Part::At(0)) => "grad_over_time",
        ("backward_gradient", Part::At(1)) => "(wx_grad, wRec_grad)",
        ("backward_gradient", Part::At2(0, 0)) => "wRec_grad, grad_over_time",
        ("backward_gradient", Part::At2(0, 1)) => "wx_grad, grad_over_time",
        ("conv_output_size", Part::At(0)) => "OW",
        ("conv_output_size", Part::At(1)) => "OH",
        ("conv2d_backward", Part::At(0)) => "dw",
        ("conv2d_backward", Part::At(1)) => "dx",
        ("mle_normal", Part::At(0)) => "sigma",
        ("mle_normal", Part::At(1)) => "mu",
        _ => "",
    }
}

/// A matrix part's shape, as the task gives it.
pub fn shape(function: &str, part: Part) -> &'static str {
    match (function, part) {
        ("backward_gradient", _) => "[N, T+1]",
        ("conv2d", _) => "[OH, OW]",
        ("conv2d_backward", Part::At(1)) => "[KH, KW]",
        _ => "[H, W]",
    }
}

const WX: &str = "wx_grad += np.sum(grad_over_time[:, k] * X[:, k-1])";
const WREC: &str = "wRec_grad += np.sum(grad_over_time[:, k] * S[:, k-1])";
const CARRY: &str = "grad_over_time[:, k-1] = grad_over_time[:, k] * wRec";
const OH: &str = "OH = (H + 2*padding - dilation*(KH - 1) - 1) // stride + 1";
const OW: &str = "OW = (W + 2*padding - dilation*(KW - 1) - 1) // stride + 1";
const DX: &str = "dxp[i*stride:i*stride+KH, j*stride:j*stride+KW] += dy[i, j] * w, then dx = dxp[P:P+H, P:P+W]";
const DW: &str = "dw += dy[i, j] * xp[i*stride:i*stride+KH, j*stride:j*stride+KW]";
const MU: &str = "mu = np.mean(x)";
const SIGMA: &str = "sigma = np.sqrt(np.mean((x - mu)**2))";
/// The gradient of each of `ERRORS`, with its residual written out.
const GRADIENTS: [&str; 3] = [
    "gradient = -2/n * X.T @ (y - X @ beta)",
    "gradient = -2 * X.T @ (y - X @ beta)",
    "gradient = -X.T @ e / np.linalg.norm(e), e = y - X @ beta",
];

/// The right line (or lines, joined by "; ") that computes `part`; for the
/// gradient step, the gradients of the errors in `only` (every error: 0).
pub fn rule(function: &str, part: Part, only: u8) -> String {
    let line = match (function, part) {
        ("backward_gradient", Part::Whole) => return [WX, WREC, CARRY].join("; "),
        ("backward_gradient", Part::At(0)) => return [WX, WREC].join("; "),
        ("backward_gradient", Part::At2(0, 0)) => WX,
        ("backward_gradient", Part::At2(0, 1)) => WREC,
        ("backward_gradient", _) => CARRY,
        ("conv_output_size", Part::At(0)) => OH,
        ("conv_output_size", Part::At(1)) => OW,
        ("conv_output_size", _) => return [OH, OW].join("; "),
        ("conv2d", _) => "y[i, j] = np.sum(xp[i*stride:i*stride+KH, j*stride:j*stride+KW] * w)",
        ("conv2d_backward", Part::At(0)) => DX,
        ("conv2d_backward", Part::At(1)) => DW,
        ("conv2d_backward", _) => return [DX, DW].join("; "),
        ("mle_normal", Part::At(0)) => MU,
        ("mle_normal", Part::At(1)) => SIGMA,
        ("mle_normal", _) => return [MU, SIGMA].join("; "),
        ("mle_categorical", _) => "p = counts / counts.sum()",
        ("posterior", _) => "joint = prior * likelihood; joint / joint.sum()",
        _ => {
            let lines: Vec<String> = ERRORS
                .iter()
                .zip(GRADIENTS)
                .enumerate()
                .filter(|(i, _)| only == 0 || only & (1 << i) != 0)
                .map(|(_, (e, g))| format!("'{e}': {g}"))
                .collect();
            return lines.join("; ");
        }
    };
    line.to_string()
}

/// The errors of `only`, quoted: `'mse'`, `'mse', 'sse'`.
pub fn errors(only: u8) -> String {
    let quoted: Vec<String> =
        ERRORS.iter().enumerate().filter(|(i, _)| only & (1 << i) != 0).map(|(_, e)| format!("'{e}'")).collect();
    quoted.join(", ")
}
