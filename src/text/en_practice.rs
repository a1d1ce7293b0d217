//! The practice mode's words in English.

use crate::math::gd::Bug;
use crate::math::practice::{BpttMistake, ConvMistake, GdMistake, MleMistake};
use crate::practice::exercise::{Exercise, Mistake};
use crate::text::practice::*;

fn title(e: Exercise) -> &'static str {
    match e {
        Exercise::Bptt => "RNN: backpropagation through time",
        Exercise::ConvSize => "Convolution: output size",
        Exercise::Conv2d => "Convolution: forward and backward",
        Exercise::GdLoop => "Gradient descent: the loop on f(x) and f(x, y)",
        Exercise::GdStep => "Gradient descent: one step",
        Exercise::Mle => "Maximum likelihood",
        Exercise::Posterior => "Bayes' rule: the posterior",
    }
}

fn task(e: Exercise) -> &'static str {
    match e {
        Exercise::Bptt => {
            "Backpropagation through time for the counting-ones RNN.

The forward pass was S_k = S_{k-1} * wRec + X_k * wx with S_0 = 0, and the
loss L = (1/N) * sum_n (S_T - y*_n)**2 (y*_n: the number of ones).

Arguments:
    X        [N, T] array of 0/1 inputs (X_k is the column X[:, k-1])
    S        [N, T+1] states: S[:, 0] = 0 and S[:, k] = S_k
    grad_out [N] dL/dS_T, which already includes the loss's 2/N
    wRec     the recurrent weight

Return ((wx_grad, wRec_grad), grad_over_time):
    grad_over_time  [N, T+1], column k = dL/dS_k (column T = grad_out)
    wx_grad, wRec_grad  dL/dwx and dL/dwRec, summed over the batch and over
                        every step k = T down to 1:
        dL/dwx   += sum_n dL/dS_k * X_k
        dL/dwRec += sum_n dL/dS_k * S_{k-1}
        dL/dS_{k-1} = dL/dS_k * wRec

Check it with: deepstep practice check rnn_bptt.py"
        }
        Exercise::ConvSize => {
            "The output size of a 2-D convolution.

Return (OH, OW): how many positions the window takes along the height and
the width of an H x W input with a KH x KW kernel, moving `stride` cells at a
time, after `padding` zeros on every side, with `dilation` - 1 gaps between
the kernel's taps. All arguments are positive integers (padding may be 0),
and the kernel always fits.

    OH = floor((H + 2*padding - dilation*(KH - 1) - 1) / stride) + 1

Check it with: deepstep practice check conv_output_size.py"
        }
        Exercise::Conv2d => {
            "A 2-D convolution, forward and backward, with numpy.

conv2d(x, w, stride=1, padding=0)
    x [H, W] input, w [KH, KW] kernel. Pad x with `padding` zeros on every
    side, slide the window `stride` cells at a time, and at each position
    sum the window times w (cross-correlation: w is not flipped, as in
    PyTorch). Return y [OH, OW].

conv2d_backward(x, w, dy, stride=1, padding=0)
    dy [OH, OW] is dL/dy. Return (dx, dw):
    dw [KH, KW] = dL/dw: every window times its dy entry, summed.
    dx [H, W]   = dL/dx: every dy entry spreads dy * w back onto the window
                  it came from (in the padded input), then the padding is
                  cropped off. Equivalently: put stride - 1 zeros between
                  dy's entries and r = (H + 2*padding - KH) % stride more
                  zero rows at its end (r = (W + 2*padding - KW) % stride
                  columns: input rows and columns no window reached), fully
                  correlate that with w rotated by 180 degrees, and crop the
                  padding off.

Check it with: deepstep practice check conv2d.py"
        }
        Exercise::GdLoop => {
            "Gradient descent on a function, until the derivative is small.

gradient_descent(f, df, init, lr, eps, max_steps=10000)
    f and df are Python functions of one number: f(x) and its derivative
    f'(x). Start at x = init and repeat
        x = x - lr * df(x)
    while abs(df(x)) > eps, but make at most max_steps updates.
    Return (x, steps): the last x and how many updates were made.

gradient_descent_2d(f, grad, init, lr, eps, max_steps=10000)
    The same for f(x, y): f and grad take a numpy array p = [x, y]; grad(p)
    returns the gradient [df/dx, df/dy] as a numpy array. Start at
    p = init (an array of 2 numbers), update p = p - lr * grad(p) while
    np.linalg.norm(grad(p)) > eps, at most max_steps times.
    Return (p, steps) with p as an array of 2 numbers.

Check it with: deepstep practice check gd_loop.py"
        }
        Exercise::GdStep => {
            "One gradient-descent step for linear regression, y ~ X @ beta.

Arguments:
    X      [n, d] inputs; its first column is all 1s (the intercept)
    y      [n] targets
    beta   [d] the current coefficients
    lr     the learning rate
    error  which error to descend: 'mse', 'sse' or 'l2'

With the residuals e = y - X @ beta:
    'mse'  (1/n) * sum(e**2)          gradient  -2/n * X.T @ e
    'sse'  sum(e**2)                  gradient  -2 * X.T @ e
    'l2'   ||e|| = sqrt(sum(e**2))    gradient  -X.T @ e / ||e||
           (where the line fits every point, e = 0 and ||e|| = 0: there
           the gradient is 0, not 0/0, and beta stays as it is)

Return the new beta = beta - lr * gradient (an array of d numbers).

Check it with: deepstep practice check gradient_descent.py"
        }
        Exercise::Mle => {
            "Maximum-likelihood estimation.

mle_normal(x)
    x is a 1-D array of n samples from a normal distribution. Return
    (mu, sigma), the values that maximise the log-likelihood
        l(mu, sigma) = sum_i log N(x_i; mu, sigma).
    Derive them: write l out, set dl/dmu = 0 and dl/dsigma = 0, and solve.
    n = 1 is allowed (sigma is then 0).

mle_categorical(counts)
    counts [K] is how often each of K classes was seen (a class may have
    0). Return p [K], the probabilities that maximise sum_k counts_k * log p_k
    with sum_k p_k = 1.

Check it with: deepstep practice check mle.py"
        }
        Exercise::Posterior => {
            "Bayes' rule over K hypotheses.

Arguments:
    prior       [K] P(h) for each hypothesis h (sums to 1)
    likelihood  [K] P(e | h): how probable the evidence is under each h

Return the posterior [K]: P(h | e) = P(e | h) * P(h) / P(e), where the
evidence P(e) = sum_h P(e | h) * P(h). (The chain rule,
P(X1..Xt) = P(Xt | X1..Xt-1) P(X1..Xt-1), has no such division; Bayes' rule
does.) The evidence is never 0 here.

Check it with: deepstep practice check posterior.py"
        }
    }
}

fn hints(e: Exercise) -> [&'static str; 3] {
    match e {
        Exercise::Bptt => [
            "Go backward: grad_over_time[:, T] is grad_out, and each step k = T, ..., 1 adds its part to both gradients, then carries dL/dS_k one step back.",
            "At step k: wx_grad += np.sum(grad_over_time[:, k] * X[:, k-1]); wRec_grad += np.sum(grad_over_time[:, k] * S[:, k-1]); grad_over_time[:, k-1] = grad_over_time[:, k] * wRec.",
            "The counting-ones lab steps through this loop with real numbers, one k per row: press l to open it.",
        ],
        Exercise::ConvSize => [
            "Count the positions the window can start at along one axis: the padded length is H + 2*padding and the window spans dilation*(KH - 1) + 1 cells.",
            "It starts at 0, stride, 2*stride, ... while it still fits: (padded - span) // stride + 1.",
            "The convolution lab shows the formula with your numbers and the rows the window never reaches: press l to open it.",
        ],
        Exercise::Conv2d => [
            "Forward: pad x with np.pad, then for each output (i, j) take the window xp[i*s : i*s+KH, j*s : j*s+KW] and sum its product with w.",
            "Backward: loop over the same windows. Each dy[i, j] adds dy[i, j] * window to dw, and dy[i, j] * w to that window's place in a padded dx; crop the padding at the end.",
            "The convolution lab's dX view shows the spread dY, the rotated kernel and the crop, tap by tap: press l to open it.",
        ],
        Exercise::GdLoop => [
            "Count the updates: steps = 0 before the loop, steps += 1 after each x = x - lr * df(x).",
            "The condition is abs(df(x)) > eps and steps < max_steps, with the gradient computed again at every new x; in 2-D use np.linalg.norm(grad(p)).",
            "The gradient-descent lab runs this loop one iteration at a time, with the slips you can switch on: press l to open it.",
        ],
        Exercise::GdStep => [
            "Compute the residuals e = y - X @ beta first: every error's gradient is a multiple of X.T @ e.",
            "mse: -2/n * X.T @ e; sse: -2 * X.T @ e; l2: -X.T @ e / np.linalg.norm(e). Then return beta - lr * gradient.",
            "The linear-regression lab steps gradient descent and shows how large each error's step is: press l to open it.",
        ],
        Exercise::Mle => [
            "Write the log-likelihood out: l(mu, sigma) = -n log sigma - (n/2) log(2 pi) - sum_i (x_i - mu)**2 / (2 sigma**2).",
            "dl/dmu = sum_i (x_i - mu) / sigma**2 = 0 gives mu; dl/dsigma = -n/sigma + sum_i (x_i - mu)**2 / sigma**3 = 0 gives sigma**2 (divided by n, not n - 1). For the classes, p_k is proportional to counts_k.",
            "The MLE lab climbs the log-likelihood surface and shows where both derivatives are 0: press l to open it.",
        ],
        Exercise::Posterior => [
            "Multiply the prior by the likelihood, entry by entry: that is P(e, h) for each h.",
            "Those products sum to the evidence P(e); divide by it, so that the posterior sums to 1.",
            "The quiz asks Bayes' rule and chain-rule questions with the tables written out: press l to open it.",
        ],
    }
}

fn mistake(m: Mistake) -> (String, String) {
    let (what, fix) = match m {
        Mistake::Bptt(BpttMistake::Overwrite) => (
            "wx_grad and wRec_grad are assigned (=) in the loop, not accumulated (+=): only the last iteration, k = 1, remains.",
            "Start both at 0 before the loop and add each step's term with +=.",
        ),
        Mistake::Bptt(BpttMistake::CurrentState) => (
            "wRec_grad uses S[:, k], the state the step produced; the step started from S[:, k-1]: S_k = S_{k-1} * wRec + ..., so dS_k/dwRec = S_{k-1}.",
            "Use S[:, k-1] in the wRec gradient.",
        ),
        Mistake::Bptt(BpttMistake::MissingWrec) => (
            "grad_over_time[:, k-1] = grad_over_time[:, k] drops the chain rule's factor dS_k/dS_{k-1} = wRec.",
            "Multiply by wRec: grad_over_time[:, k-1] = grad_over_time[:, k] * wRec.",
        ),
        Mistake::Bptt(BpttMistake::BatchMean) => (
            "The gradients are averaged over the batch (np.mean), but grad_out already carries the loss's 1/N: they come out exactly N times too small.",
            "Sum over the batch (np.sum): the 1/N is applied once, in grad_out.",
        ),
        Mistake::Bptt(BpttMistake::Forward) => (
            "The loop runs forward (k = 1 up to T), but dL/dS_k is known only after dL/dS_{k+1}: every step before the last reads a column that is still 0.",
            "Run the loop backward: for k in range(T, 0, -1).",
        ),
        Mistake::Conv(ConvMistake::NoFlip) => (
            "dx correlates the spread dy with w itself; the backward pass needs w rotated by 180 degrees (each input cell meets the weights in reverse order).",
            "Use w[::-1, ::-1], or add dy[i, j] * w onto each window directly.",
        ),
        Mistake::Conv(ConvMistake::NoGaps) => (
            "dy is not spread out by the stride: with stride s its entries sit s cells apart in the input (s - 1 zeros between them), so dx comes out the wrong size.",
            "Place dy[i, j] at (i*stride, j*stride) before the full correlation, or add dy[i, j] * w at the window that starts there.",
        ),
        Mistake::Conv(ConvMistake::NoCrop) => (
            "dx keeps the padding: it is the gradient of the padded input, (H + 2P) x (W + 2P), not of x.",
            "Crop it: dx_padded[P:P+H, P:P+W].",
        ),
        Mistake::Gd(GdMistake::SseForMse) => (
            "With error='mse' the step uses SSE's gradient -2 X.T @ e, without the 1/n: it is n times too large (a learning rate tuned for MSE then diverges).",
            "Divide by n: gradient = -2/n * X.T @ e.",
        ),
        Mistake::Gd(GdMistake::L2WithoutNorm) => (
            "With error='l2' the gradient is -X.T @ e: the derivative of ||e|| = sqrt(sum(e**2)) also divides by ||e|| (the chain rule through the square root).",
            "Use -X.T @ e / np.linalg.norm(e).",
        ),
        Mistake::Gd(GdMistake::L2AsSquared) => (
            "With error='l2' the step uses -2 X.T @ e, the gradient of the squared error sum(e**2), not of the norm ||e|| = sqrt(sum(e**2)).",
            "d||e||/dbeta = -X.T @ e / ||e||: use -X.T @ e / np.linalg.norm(e).",
        ),
        // The same numbers come from adding lr * gradient and from a reversed
        // residual: the fix names both, so it never repeats the learner's line.
        Mistake::Gd(GdMistake::Sign) => (
            "Every step has the right size but goes uphill, for every error: the new beta is beta + lr * gradient, which makes the error larger.",
            "Flip the one sign the three errors share: if your update adds lr * gradient, subtract it; if it already subtracts, the residual is reversed: e = y - X @ beta.",
        ),
        Mistake::GdLoop(Bug::Plus) => (
            "The update adds lr * df(x): every step goes uphill (gradient ascent), so f grows and the loop runs until max_steps.",
            "Subtract it: x = x - lr * df(x) goes against the derivative, downhill.",
        ),
        Mistake::GdLoop(Bug::NoAbs) => (
            "The loop tests df(x) > eps without abs(): where the derivative is negative (left of the minimum, or after an overshoot) the test is false and the loop stops, far from the minimum.",
            "Test the size of the derivative: while abs(df(x)) > eps.",
        ),
        Mistake::GdLoop(Bug::Stale) => (
            "The derivative is computed once, before the loop: every update moves x by the same lr * df(init), the test never changes, and only max_steps ends the loop.",
            "Compute it again at every new x, inside the loop: g = df(x) (or use df(x) directly in the update and the test).",
        ),
        Mistake::Mle(MleMistake::NMinusOne) => (
            "sigma divides by n - 1: that is np.std(x, ddof=1), the square root of the unbiased sample variance s² (itself not unbiased for σ), not the maximum-likelihood estimate.",
            "Setting dl/dsigma = -n/sigma + sum((x - mu)**2)/sigma**3 to 0 gives sigma**2 = sum((x - mu)**2) / n: divide by n (np.std(x), ddof=0).",
        ),
        Mistake::Mle(MleMistake::VarianceForSigma) => (
            "The second value is the variance sigma**2, not the standard deviation sigma that was asked for.",
            "Return its square root.",
        ),
        Mistake::Mle(MleMistake::CountsNotNormalised) => (
            "mle_categorical returns the counts, not probabilities: they must sum to 1.",
            "Divide by the total: counts / counts.sum().",
        ),
        Mistake::Unnormalised => (
            "The posterior is prior * likelihood, not divided by the evidence P(e): it does not sum to 1.",
            "Divide by the evidence: joint / joint.sum().",
        ),
        // Added with the families: the conv-size formulas, the loops that miss
        // an iteration, the crops; and the families themselves.
        Mistake::ConvSize(c) => super::en_diagnose::conv_size(c),
        Mistake::Bptt(b @ (BpttMistake::SkipsK1 | BpttMistake::SkipsKT)) => super::en_diagnose::loop_or_crop(Ok(b)),
        Mistake::Conv(
            c @ (ConvMistake::NoGapsLoop
            | ConvMistake::CropEndOnly
            | ConvMistake::CropStartOnly
            | ConvMistake::CropNegativeEnd),
        ) => super::en_diagnose::loop_or_crop(Err(c)),
        Mistake::Family(f) => return super::en_diagnose::family(f),
    };
    (what.to_string(), fix.to_string())
}

pub const EN_PRACTICE: PracticeText = PracticeText {
    title,
    task,
    hints,
    mistake,
    readme: |list| {
        format!(
            "# deepstep practice\n\nOne Python file per exercise. Open one in your editor, write the function where it says\n`# TODO`, and check it:\n\n    deepstep practice check FILE     # one file, in a terminal or a script\n    deepstep practice                # the practice screen: re-checks on every save\n\nA wrong answer is compared with the classic mistakes, and the one it matches is named.\nStuck for 30 minutes? Take the lab's worked walk-through, then come back.\n\n{list}"
        )
    },
    created: |p| format!("created {p}"),
    creating: "making the exercise files…",
    kept: |p| format!("kept {p} (it exists: your work is never overwritten)"),
    init_failed: |p, why| format!("cannot write {p}: {why}"),
    init_next: |d| format!("Next: open a file in {d} in your editor and run `deepstep practice {d}`."),
    passed: |run| format!("Passed: all {run} cases are right."),
    not_started: "Not started: the function still raises NotImplementedError. Write it where the file says # TODO.",
    cases_pass: |p, r| format!("{p} of {r} cases right"),
    named_mistake: "The mistake",
    fix: "The fix",
    first_failure: |case, f| format!("Case {case}, {f}:"),
    inputs: "inputs",
    expected: "expected",
    got: "got",
    differs_at: |i, g, w| format!("first difference at {i}: got {g}, expected {w}"),
    shape_differs: |i, g, w| format!("shape of {i}: got {g}, expected {w}"),
    kind_differs: |i, g, w| format!("at {i}: got {g}, expected {w}"),
    first_k: |k| format!("grad_over_time first differs at k = {k}, counting down from T"),
    whole: "the returned value",
    not_written: |f| format!("{f} is not written yet: it still raises NotImplementedError."),
    returned_none: "It returned None: is the `return` missing?",
    raised: |case, f, kind, msg| format!("Case {case}, {f} raised {kind}: {msg}"),
    at_line: |l| format!("line {l}"),
    at_cell: |c, l| format!("cell {c}, line {l}"),
    load_failed: |kind, msg| format!("The file does not run: {kind}: {msg}"),
    missing: |f| format!("The file defines no function {f}."),
    unknown: |fs| {
        format!("The file defines none of the exercises' functions ({fs}); name the exercise with --exercise.")
    },
    unreadable: |why| format!("Cannot read the file: {why}"),
    not_a_folder: |d| {
        format!("{d} is not a folder: give the practice folder (`deepstep practice init DIR` makes one).")
    },
    not_a_file: "it is not a regular file (a folder, a device such as /dev/null, or a pipe): give the path of a .py or .ipynb file",
    too_large: |mib| format!("it is larger than {mib} MiB, far more than any exercise's code"),
    no_python: "No Python found. Install Python 3 with numpy (Debian/Ubuntu: sudo apt install python3-numpy), or name one with --python PATH or DEEPSTEP_PYTHON.",
    no_numpy: |p| {
        format!(
            "numpy is not installed for {p}. Install it: {p} -m pip install numpy (or name another Python with --python)."
        )
    },
    python_failed: |p, why| format!("Cannot start {p}: {why}"),
    timed_out: |s| format!("Stopped after {s} s without an answer: does a loop never end?"),
    crashed: |status| format!("Python ended without an answer ({status})."),
    mutated: |case, f, input| format!("Case {case}: {f} changes {input} in place: the caller's array is modified."),
    mutated_fix: "Work on a copy (`x = x.copy()`) or build new arrays instead of assigning into the inputs.",
    bad_results: |why| format!("the results on standard input are not deepstep's JSON: {why}"),
    magic_usage: "usage: %deepstep check [NAME] (NAME: an exercise or its function; without it, every exercise function defined in this notebook)",
    no_time_limit: "No time limit here (only the main thread of a POSIX Python can stop a function at one): a function that never returns keeps running until you interrupt the kernel.",
    failing_case: "The first failing case",
    no_folder: |d| format!("{d} does not exist: create it with `deepstep practice init {d}`."),
    no_match: |t| {
        format!(
            "{t} is neither a file nor an exercise (gd-loop, gd-step, rnn-bptt, conv-size, conv2d, mle, posterior)."
        )
    },
    screen_title: "Practice",
    state_not_started: "not started",
    state_failing: "failing",
    state_passing: "passing",
    state_missing: "no file",
    file: "file",
    folder: "folder",
    last_check: "last check",
    checking: "checking...",
    never_checked: "not checked yet: save the file, or press c",
    watching: |d| format!("watching {d}: every save is checked"),
    watch_failed: |why| format!("cannot watch the folder ({why}): press c to check"),
    time_spent: |m| format!("{m} min on this exercise"),
    take_a_break: "30 minutes without passing: take the lab's worked walk-through (l), then come back.",
    hint_label: |i, n| format!("hint {i} of {n}"),
    no_more_hints: "That was the last hint.",
    open_lab: |lab| format!("l opens {lab} at this computation"),
    more_above: "more above: PgUp",
    more_below: "more below: PgDn",
    folder_missing: |d| format!("No practice folder at {d}. Press i to create it (nothing existing is overwritten)."),
    saved_failed: |why| format!("progress not saved: {why}"),
    keys: PracticeKeys {
        select: "choose an exercise",
        scroll: "scroll the exercise's panel",
        hint: "next hint",
        check: "check now",
        lab: "open the lab at this computation",
        init: "create the exercise files",
    },
};
