//! The maximum-likelihood lab's words in English.

use super::MleText;

pub const EN_MLE: MleText = MleText {
    title: "Maximum likelihood",
    status_normal: |n| format!("normal, n = {n}"),
    status_categorical: |total, k| format!("categorical, N = {total}, K = {k}"),
    own_data: "your data",
    line_of: |k, total| format!("line {k} of {total}"),
    family_names: ["normal", "categorical"],
    knob_names: ["family", "sample size n", "true μ", "true σ", "classes K", "seed"],
    view_names: ["derivation", "the sample", "surface ℓ(μ, σ)", "bias of σ̂²", "common mistakes"],
    sample_view: "The sample x_1 … x_n",
    sample_wait: "? = after your prediction of μ̂ (x̄ is μ̂)",
    histogram_intro: |n, bins, lo, hi| {
        format!("{n} points, too many to list: how many fall in each of {bins} equal bins from {lo} to {hi}")
    },
    sample_title: "Sample and fitted density",
    sample_points: "sample",
    fitted: "fitted N(μ̂, σ̂)",
    at_cursor: "N(μ, σ) at the cursor",
    no_density: "σ̂ = 0 (no spread): no density to draw",
    counts_title: "Counts and p̂_k = n_k/N",
    count_row: |k, n, p| format!("class {k}: n_k = {n}   p̂_k = {p}"),
    derivation_title: "Derivation, one line at a time",
    reveal_hint: "Right reveals the next line.",
    place_cursor: "the cursor",
    place_print: "the point P",
    d_product: |place, mu, sigma, v| {
        format!(
            "1. L(μ, σ) = Π_i N(x_i; μ, σ) = Π_i e^(−(x_i − μ)²/(2σ²)) / (σ√(2π)): the density of the whole sample, read as a function of μ and σ. At {place} (μ, σ) = ({mu}, {sigma}): L = {v}."
        )
    },
    d_why_log_over: |n, product, ll, per| {
        format!(
            "2. Why the log: each draw multiplies the product by its density, and here the logs of the densities average {per} > 0 (a narrow σ puts densities above 1), so the product grows with every draw. For {n} draws it is e^{ll} ≈ {product}, above f64's largest number (about 1.8e308): it overflows, while the sum of their logs, {ll}, is an ordinary number. log is increasing, so ℓ = log L has its maximum at the same (μ, σ)."
        )
    },
    d_why_log_under: |n, product, ll, per| {
        format!(
            "2. Why the log: each draw multiplies the product by its density, and here the logs of the densities average {per} < 0, so the product shrinks with every draw. For {n} draws it is e^{ll} ≈ {product}, below f64's smallest number (about 4.9e-324): it underflows to 0, while the sum of their logs, {ll}, is an ordinary number. log is increasing, so ℓ = log L has its maximum at the same (μ, σ)."
        )
    },
    d_why_log_inside: |n, product, ll, per| {
        format!(
            "2. Why the log: each draw multiplies the product by its density, about e^{per} on average here. For {n} draws the product is {product}, still inside f64, but with enough draws it leaves f64's range (below about 4.9e-324 it is 0, above about 1.8e308 it overflows), while the sum of their logs ({ll} here) stays an ordinary number. log is increasing, so ℓ = log L has its maximum at the same (μ, σ)."
        )
    },
    d_loglik: |place, n, ll| {
        format!(
            "3. ℓ(μ, σ) = Σ_i log N(x_i; μ, σ) = −n log σ − (n/2) log 2π − Σ_i (x_i − μ)²/(2σ²), with n = {n}; at {place} ℓ = {ll}."
        )
    },
    d_mu: |sum, n, mu| format!("4. ∂ℓ/∂μ = Σ_i (x_i − μ)/σ² = 0  ⇒  Σ_i x_i = nμ  ⇒  μ̂ = x̄ = {sum}/{n} = {mu}."),
    d_sigma: |ss, n, var, sigma| {
        format!(
            "5. ∂ℓ/∂σ = −n/σ + Σ_i (x_i − μ)²/σ³ = 0  ⇒  σ̂² = (1/n) Σ_i (x_i − x̄)² = {ss}/{n} = {var},  σ̂ = {sigma}."
        )
    },
    d_sigma_one_point: "5. With one point, Σ_i (x_i − x̄)² = 0, so σ̂ = 0: one point has no spread. ℓ grows without bound as σ → 0, so no σ > 0 is the maximum.",
    d_sigma_all_equal: |n| {
        format!(
            "5. All n = {n} points are equal, so every x_i − x̄ = 0, Σ_i (x_i − x̄)² = 0 and σ̂ = 0: the sample has no spread. ℓ grows without bound as σ → 0, so no σ > 0 is the maximum."
        )
    },
    d_maximum: |place, best, at| {
        format!(
            "6. ℓ(μ̂, σ̂) = {best}: the top of the surface (at {place} ℓ = {at}). Both derivatives are 0 there and ℓ falls in every direction."
        )
    },
    d_no_maximum: "6. With σ̂ = 0 the likelihood has no maximum: it grows without bound as σ → 0 at μ = x̄.",
    d_bias: |n, var, s2| {
        format!(
            "7. σ̂² divides by n = {n}: σ̂² = {var}. The sample variance s² divides by n − 1: s² = {s2}. On average σ̂² is (n − 1)/n of the true σ² (biased low; the bias panel measures it) and s² is unbiased, but σ̂² is the MLE."
        )
    },
    d_bias_n1: "7. With n = 1, s² would divide by n − 1 = 0: it is undefined, and σ̂² = 0 says nothing about the spread.",
    d_mse: "8. For regression with Gaussian noise, the residuals e_i give −ℓ = Σ_i e_i²/(2σ²) + n log σ + (n/2) log 2π: for any fixed σ, maximising ℓ is minimising Σ e_i² (SSE, and so MSE). Least squares is maximum likelihood under Gaussian noise (o opens the linear-regression lab).",
    d_cat_product: |counts, total| {
        format!(
            "1. L(p) = Π_k p_k^(n_k): each draw of class k multiplies by p_k. Here the counts are ({counts}), N = {total}, and ℓ(p) = Σ_k n_k log p_k."
        )
    },
    d_lagrange: "2. The p_k must sum to 1, so maximise Λ = Σ_k n_k log p_k + λ(1 − Σ_k p_k), with a Lagrange multiplier λ for the constraint.",
    d_solve: |total, p| {
        format!(
            "3. ∂Λ/∂p_k = n_k/p_k − λ = 0  ⇒  p_k = n_k/λ;  Σ_k p_k = 1  ⇒  λ = Σ_k n_k = N = {total}  ⇒  p̂_k = n_k/N = ({p})."
        )
    },
    d_cat_loglik: |ll| format!("4. ℓ(p̂) = Σ_k n_k log p̂_k = {ll}."),
    d_zero_class: "A class never seen gets p̂_k = 0 and adds n_k log p̂_k = 0 · log 0 = 0 (the limit of x log x as x → 0): it costs nothing here, though a model that says 0 could not explain a later draw of it.",
    d_cross_entropy: |ce| {
        format!(
            "5. −ℓ(p̂)/N = −Σ_k (n_k/N) log p̂_k = {ce}: the cross-entropy between the data's frequencies and p̂. Minimising a classifier's cross-entropy loss is maximising this likelihood."
        )
    },
    surface_title: "ℓ(μ, σ): μ across, σ down",
    point_off_surface: "(the point is off the surface drawn: [] is not shown)",
    surface_legend: "[] cursor <> max ** ascent; brighter: higher ℓ",
    cursor_line: |mu, sigma, ll, gm, gs| format!("at (μ, σ) = ({mu}, {sigma}): ℓ = {ll}   ∂ℓ/∂μ = {gm}   ∂ℓ/∂σ = {gs}"),
    closed_form: |mu, sigma, ll| format!("closed form: μ̂ = {mu}, σ̂ = {sigma}, ℓ = {ll}"),
    path_line: |k| {
        format!("gradient ascent on ℓ/n, steps scaled by σ² (μ) and σ²/2 (σ), capped far from the top: {k} so far")
    },
    bias_title: "Is σ̂² right on average?",
    bias_setup: |trials, n, v| format!("{trials} samples of size n = {n}, each from a normal with σ² = {v}:"),
    bias_mle: |m, r| format!("mean of σ̂² (÷ n):       {m} = {r} × σ²"),
    bias_unbiased: |m, r| format!("mean of s² (÷ (n − 1)): {m} = {r} × σ²"),
    bias_theory: |r| {
        format!(
            "in theory E[σ̂²] = (n − 1)/n × σ² = {r} × σ²: the MLE is biased low, s² is not (but s² is not the MLE)."
        )
    },
    bias_n1: "n = 1: σ̂² is always 0 and s² is undefined (÷ 0). One point says nothing about the spread.",
    mistakes_title: "Common mistakes: what each computes here",
    mistake_names: [
        "÷ (n − 1), called the MLE",
        "the variance σ̂² returned as σ",
        "maximising the product L directly",
        "minimising ℓ (the minus sign lost)",
        "∂ℓ/∂σ without −n/σ",
    ],
    m_sigma: |got, off| format!("gives σ = {got}, off by {off}"),
    m_product_here_under: |here, ll| {
        format!("L = e^{ll} ≈ {here} for this sample: already 0 in f64, nothing to maximise")
    },
    m_product_here_over: |here, ll| {
        format!("L = e^{ll} ≈ {here} for this sample: already above f64's largest number, nothing to compare")
    },
    m_product_over: |here, n, long, ll| {
        format!("L = {here} here, but for {n} draws it is e^{ll} ≈ {long}: it overflows f64, nothing to compare")
    },
    m_product_under: |here, n, long, ll| {
        format!("L = {here} here, but for {n} draws it is e^{ll} ≈ {long}: 0 in f64, nothing to maximise")
    },
    m_product_inside: |here, n, long, per| {
        format!(
            "L = {here} here and {long} for {n} draws, still inside f64, but each draw multiplies it by about e^{per}: longer samples take it out of f64's range"
        )
    },
    m_no_minimum: |fit, ten| format!("ℓ has no minimum: ℓ(μ̂, σ̂) = {fit}, ℓ(μ̂, 10σ̂) = {ten}, and it keeps falling"),
    m_no_root: |v| format!("Σ(x − x̄)²/σ³ at σ̂ is {v} (= n/σ̂), never 0: no σ solves it"),
    m_undefined_n1: "undefined for this sample (n − 1 = 0)",
    m_undefined_no_spread: "undefined for this sample (σ̂ = 0)",
    right_row: |mu, sigma| format!("right: μ̂ = {mu}, σ̂ = {sigma}"),
    after_predictions: "This view shows μ̂ and σ̂: it opens once you have predicted them (Right, in the derivation).",
    ask_mu: "Predict μ̂, then Enter (Esc skips):",
    ask_sigma: "Predict σ̂, then Enter (Esc skips):",
    ask_p: |k| format!("Predict p̂ of class {k}, then Enter (Esc skips):"),
    graded: |what, typed, truth, off| format!("{what}: you {typed}, true {truth} (off by {off})"),
    right: "Right!",
    matched: |m| format!("That is a known mistake: {m}."),
    not_a_number: "Type a number (like 2.5, -1 or 1/4).",
    knob_own_data: "This knob does not apply to your own data.",
    ascent_stopped: "The ascent stopped: the next step would make σ leave (0, ∞).",
    score: |right, total| format!("predictions right: {right}/{total}"),
    err_empty: "the sample is empty",
    err_not_finite: |p| format!("value {p} is not a finite number"),
    err_sum_overflows: "the values are finite, but their sum Σ x_i is beyond f64's largest number (about 1.8e308): scale them down",
    err_spread_overflows: "the values are finite, but Σ (x_i − x̄)² is beyond f64's largest number (about 1.8e308): scale them down",
    err_spread_underflows: "the values differ, but Σ (x_i − x̄)² is below f64's smallest normal number (about 2.2e-308), where it loses its digits: scale them up",
    err_sigma: |g| format!("σ must be a positive number, got {g}"),
    err_all_zero: "the counts are all zero: at least one class must be seen",
    list_empty: |flag| format!("--{flag}: the list is empty"),
    list_not_numeric: |flag, p, t| format!("--{flag}: value {p} (`{t}`) is not a finite number"),
    list_not_count: |flag, p, t| format!("--{flag}: value {p} (`{t}`) must be a whole number of 0 or more"),
    list_too_long: |flag, m| format!("--{flag}: at most {m} values"),
};
