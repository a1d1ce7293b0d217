//! English.

use super::*;

pub static EN: Text = Text {
    lang: Lang::En,
    lang_name: "English",
    app_name: "deepstep",
    home_title: "deepstep: the math of a first deep-learning week, one frame at a time",
    home_due: |n| format!("({n} due)"),
    home_intro: "Choose a lesson with Up/Down (or j/k) and open it with Enter. Press ? for every key.",
    lessons: LessonTexts {
        conv: LessonText {
            name: "Convolution",
            blurb: "Slide a kernel over an input, frame by frame, forward and backward.",
        },
        rnn: LessonText {
            name: "RNN & BPTT",
            blurb: "The unrolled timeline, BPTT, vanishing and exploding gradients.",
        },
        quiz: LessonText {
            name: "Quiz",
            blurb: "Chain rule vs Bayes' rule, convolution, RNNs, maximum likelihood; review.",
        },
        review: LessonText { name: "Review", blurb: "Only the quiz questions that are due now, scheduled by FSRS." },
        stats: LessonText {
            name: "Statistics",
            blurb: "Accuracy per topic, retention, the last 30 days, what is due next.",
        },
        count_rnn: LessonText {
            name: "Exercise: the counting-ones RNN",
            blurb: "Its BPTT loop for dL/dw_x and dL/dw_rec, the loss surface, Rprop.",
        },
        practice: LessonText {
            name: "Practice: write the code",
            blurb: "The week's code in Python, checked on every save; a wrong number's mistake is named.",
        },
        mle: LessonText {
            name: "Exercise: maximum likelihood",
            blurb: "The normal's μ̂ and σ̂ derived with your numbers, the bias of σ̂², categorical MLE.",
        },
        gd: LessonText {
            name: "Exercise: gradient descent",
            blurb: "Type f(x) or f(x, y); step the loop with its numbers; the learning rate's limit, the slips.",
        },
        linreg: LessonText {
            name: "Exercise: linear regression",
            blurb: "Gradient descent, the learning rate's limit, SSE vs MSE vs ||e||.",
        },
    },
    lr_diverged: |n| {
        format!(
            "diverged: stopped after {n} {}, before the values overflowed (the learning rate is above the stability limit)",
            if n == 1 { "update" } else { "updates" }
        )
    },
    gd_diverged: |n| {
        format!(
            "diverged: stopped after {n} {}, before the loss overflowed (|w_rec| > 1 is a cliff; try a smaller --lr)",
            if n == 1 { "update" } else { "updates" }
        )
    },
    too_small: |need_w, need_h, w, h| {
        format!("terminal too small: need {need_w}×{need_h} (now {w}×{h}). Enlarge the window, or press q to quit.")
    },
    not_a_terminal: |command| {
        format!("deepstep: standard output is not a terminal; use `deepstep {command} --print` for plain text")
    },
    help_title: "Keys",
    help_close: "Press ? or Esc to close",
    keys: KeyText {
        quit: "quit",
        back: "back",
        help: "help",
        suspend: "suspend (fg resumes)",
        up_down: "move",
        next_view: "next panel",
        review_now: "review what is due now",
        next_line: "next line of the derivation",
        prev_line: "previous line",
        first_last_line: "first / last line",
        move_surface: "move on the surface (σ up/down, μ left/right)",
        ascend: "gradient ascent: 5 steps",
        reset_path: "restart the path at the cursor",
        open_linreg: "open the linear-regression lab (least squares is Gaussian MLE)",
        open: "open",
        open_number: "open the lesson with that number",
        next_frame: "next frame",
        prev_frame: "previous frame",
        first_last: "first / last frame",
        fine: "add one tap (the window stays marked, >x< is the tap)",
        play: "play / pause",
        speed: "slower / faster",
        mode: "forward / dW / dX",
        knob_select: "choose knob",
        knob_dec: "knob down",
        knob_inc: "knob up",
        link_axes: "link height and width",
        preset: "kernel preset",
        sample: "input sample",
        random_dy: "random dY",
        predict: "predict mode",
        click: "jump to output cell",
        submit: "submit prediction",
        cancel: "skip prediction",
        delete: "delete a character",
        caret: "move the caret",
        ctrl_c: "quit at once",
        next_step: "next step (forward, then BPTT backward)",
        prev_step: "previous step",
        first_last_step: "first forward / last backward step",
        chart: "next chart",
        zoom: "zoom near (1, 1)",
        gd_step: "gradient-descent step",
        rprop_step: "Rprop step",
        lr: "learning rate ÷10 / ×10",
        data: "tutorial / random data",
        // Short enough for the help overlay at 80 columns (review D19).
        move_cursor: "move on the surface (w/s: w_rec up/down, a/d: w_x left/right)",
        rprop_run: "50 Rprop steps",
        next_iteration: "next iteration of the BPTT loop",
        prev_iteration: "previous iteration",
        first_last_iteration: "no / every iteration",
        step_once: "one update",
        run_50: "50 updates",
        reset: "reset β to 0",
        sgd: "gradient descent / minibatch SGD",
        measure: "error watched and followed (starts over)",
        gradient_used: "gradient used (the mix-up)",
        features: "1 / 3 features",
        submit_entry: "use what is typed",
        cancel_entry: "cancel, keep what was there",
        lr_down: "learning rate down",
        lr_up: "learning rate up",
        choose: "choose an answer",
        pick_term: "pick the next term",
        undo_term: "take back the last term",
        answer: "submit the answer",
        hint: "hint",
        skip: "skip",
        next_question: "next question",
        new_round: "new round",
        type_number: "type the number",
        scroll: "scroll the explanation",
        scroll_page: "scroll",
        lang: "한국어 / English",
        export: "write a study note (Markdown)",
    },
    conv: ConvText {
        title: "Convolution lab",
        input: "input x",
        kernel: "kernel w",
        kernel_of: |co| format!("kernel w of output channel {co}"),
        flipped_kernel: "kernel flipped 180°",
        output: "output y",
        dy: "upstream gradient dY",
        spread_dy: "dY spread by the stride, padded (or cropped) to dX's size",
        forward_formula: "y = x ⋆ w + b",
        grad_w: "dW = x ⋆ dY",
        grad_x: "dX = dY ⋆ flip(w)",
        knobs: "Knobs",
        mode_forward: "forward",
        mode_grad_w: "backward: dW",
        mode_grad_x: "backward: dX",
        mode_explain_forward: "Each output is the window under the kernel, multiplied cell by cell and summed.",
        mode_explain_grad_w: "dW correlates the input with dY in the kernel's place: dY's taps are S apart (the stride) and its positions D apart (the dilation), the roles swapped; with S = D = 1 it slides just as the kernel did.",
        mode_explain_grad_x: "dX slides the kernel flipped 180° (its taps still D apart) over dY spread out by the stride (S − 1 zeros between entries), padded by D(K−1) − P (cropped where P is larger), with extra zeros at the end for input rows no window reached: again a correlation.",
        knob_names: [
            "input",
            "input height",
            "input width",
            "kernel height",
            "kernel width",
            "kernel preset",
            "stride height",
            "stride width",
            "padding height",
            "padding width",
            "dilation height",
            "dilation width",
            "input channels",
            "output channels",
        ],
        on: "on",
        off: "off",
        linked: "axes linked",
        presets: ["identity", "box blur", "Sobel x", "Sobel y", "sharpen", "Laplacian", "random integers"],
        sample_names: ["ramp", "checkerboard", "random integers", "your input"],
        custom_kernel: "your kernel",
        frame_label: "frame",
        predict_label: "predict",
        running_sum: "running sum",
        digit: |label| format!("handwritten {label}"),
        frame_of: |n, total| format!("frame {n}/{total}"),
        frame_of_hidden: |n| format!("frame {n}/?"),
        more_sideways: "◂▸",
        more_above: "▴",
        more_below: "▾",
        arithmetic_hidden: "The window and the output cell it fills are marked; the arithmetic appears once you answer.",
        size_hidden: "The window, the output grid and the arithmetic appear once you answer.",
        tap_of: |n, total| format!("tap {n}/{total}"),
        playing: "playing",
        paused: "paused",
        speed_ms: |ms| format!("{ms} ms/frame"),
        channel: |c| format!("channel {c}"),
        padding_legend: ". padding (zero)",
        gap_legend: "_ stride gap (zero)",
        dx_frame: |axis, before, after, r| {
            let end = |n: isize| match n {
                0 => "nothing".to_string(),
                n if n > 0 => format!("{n} zero{}", if n == 1 { "" } else { "s" }),
                n => format!("a crop of {} (P > D(K−1): that part is the input's padding)", -n),
            };
            let why = if r > 0 {
                format!(" ({r} more at the end than at the start: what the floor dropped going forward)")
            } else {
                String::new()
            };
            format!("{axis}: {} before the spread dY, {} after{why}", end(before), end(after))
        },
        unread_legend: "(x) never under the window",
        floor_drops: |axis, n, s, q, r| {
            let dropped = if r == 1 { "one position".to_string() } else { format!("{r} positions") };
            format!("{axis}: ⌊{n}/{s}⌋ = {q} drops {dropped}")
        },
        invalid: "Not applied",
        fixed_size: "this input has a fixed size; choose a generated input (ramp, checkerboard, random) to resize",
        preset_is_3x3: |p| format!("the {p} kernel exists only as 3×3; choose another preset (p) to change the size"),
        resized_for: |p| format!("The kernel is now 3×3: the {p} kernel exists only as 3×3."),
        second_preset: |p| format!("output channel 1 uses the next preset: {p}"),
        switch_panel: "grids / knobs first",
        selected_knob: |name, value| format!("selected knob: {name}: {value}   (Tab shows the knob panel)"),
        predict_value: "Predict this value, then Enter (Esc skips):",
        predict_size: "The geometry changed. Predict the output size as OH×OW, then Enter (Esc skips):",
        right: "Right!",
        wrong: |answer| format!("Not quite: it is {answer}."),
        wrong_slip: |answer, guess, slips| format!("Not quite: it is {answer}. {guess} is what {slips} gives."),
        size_slips: [
            "forgetting the + 1",
            "padding one side only (H + P instead of H + 2P)",
            "ignoring the dilation (K − 1 instead of D(K − 1))",
        ],
        slip_flipped: "turning the kernel 180° (this layer, like PyTorch's, does not flip it)",
        slip_one_channel: |c| format!("channel {c} alone (every input channel's products are added)"),
        slip_or: " or ",
        not_a_number: "Type a number (like 12, -3.5 or 1/4).",
        score: |right, total| format!("predictions right: {right}/{total}"),
        digits_credit: "Digits: UCI optical digits (Alpaydin & Kaynak 1998), CC BY 4.0",
        axis_names: ["height", "width"],
        err_zero: |setting, axis| format!("the {setting} ({axis}) must be at least 1, got 0"),
        err_kernel_too_large: |axis, letter, span, padded| {
            format!(
                "the kernel is too large for the {axis}: its span D·(K−1)+1 = {span} exceeds the padded input {letter}+2P = {padded}, so the output would be empty"
            )
        },
        err_too_large: |axis| format!("the {axis} settings are too large to compute"),
        err_channels: |k, i| format!("the kernel expects {k} input channels but the input has {i}"),
        err_bias: |e, g| format!("the bias has {g} values but there are {e} output channels"),
        err_dy_shape: |e, g| format!("dY must have the output's shape {e}, got {g}"),
        setting_names: ["stride", "dilation", "kernel size", "input size"],
    },
    rnn: RnnText {
        switch_panel: "timeline / chart",
        switch_panel_matrices: "timeline / chart / dL/dW",
        loss_formula: "loss on the last step, L = Σ_i h_T,i: BPTT starts from dL/dh_T = (1, …, 1)",
        split: |t, p, f, g, w| format!("step {t} → {p}: ×{f} = ×{g} (tanh′ ⊙ dL/dh_{t}: the gate) × {w} (W_recᵀ)"),
        split_linear: |t, p, f| format!("step {t} → {p}: ×{f}, all from W_recᵀ (the linear cell has no gate)"),
        rate_not_yet: "measured: nothing yet (BPTT has not run back far enough)",
        after_bptt: "shown once BPTT has reached step 1",
        computing: "computing…",
        title: "RNN lab",
        phase_forward: "forward: filling in h_t",
        phase_backward: "backward: BPTT from the last step to the first",
        step_of: |t, total| format!("step t = {t} of {total}"),
        timeline: "Unrolled timeline (h_{t-1} -> h_t)",
        row_t: "t",
        row_h: "||h_t||",
        row_x: "||x_t||",
        row_dh: "||dL/dh_t||",
        cut: "cut",
        knobs: "Knobs",
        knob_names: [
            "cell",
            "spectral radius ρ",
            "length T",
            "hidden size H",
            "input scale",
            "LSTM forget bias",
            "truncation k",
            "clip threshold",
            "seed",
        ],
        cell_names: ["linear", "tanh RNN", "LSTM", "GRU"],
        off: "off",
        chart_distance: "log10 ||dL/dh_t|| against the distance from the loss T − t",
        chart_cells: "tanh RNN, LSTM and GRU on the same input",
        chart_length: "log10 ||dL/dh_1|| as the sequence length T grows",
        axis_distance: "T − t",
        axis_length: "T",
        axis_norm: "||dL/dh||",
        measured: "measured",
        // The line starts at the measured ||dL/dh_T||: proportional to the power.
        reference_linear: "∝ ρ^(T−t)",
        reference_tanh: "bound ∝ ||W_rec||^(T−t)",
        rate: |f| format!("measured: ×{f} per step back"),
        no_rate: "measured: no rate yet (it is fitted over the half of the steps farther from the loss, and needs two non-zero gradients there)",
        running: |wx, wrec| format!("running ||dL/dW_x|| = {wx}   ||dL/dW_rec|| = {wrec}"),
        running_before_clip: |wx, wrec| {
            format!("running ||dL/dW_x|| = {wx}   ||dL/dW_rec|| = {wrec} (before clipping)")
        },
        running_matrices: "running dL/dW_rec",
        running_wx: "running dL/dW_x",
        matrices_panel: "Running weight gradients",
        matrices_on_tab: "▾ dL/dW: Tab",
        // No-break spaces: the mark is never split over two rows.
        vector_more: |n| format!("…\u{a0}{n}\u{a0}in\u{a0}all"),
        click_step: "go to the clicked step",
        no_rate_short: |t| {
            format!(
                "measured: no rate: it is fitted over the steps farther from the loss, and T = {t} has fewer than two of them"
            )
        },
        slip_gate_only: |g, w| {
            format!("×{g} is the gate diag(tanh′) alone; the step also multiplies by W_recᵀ's ×{w}.")
        },
        slip_recurrent_only: |g, w| {
            format!("×{w} is W_recᵀ alone; the step also goes through the gate diag(tanh′), ×{g}.")
        },
        bound_gate_most: |g, w| {
            format!("Measured, it is mostly the gate: per step, the rate below is diag(tanh′) ×{g} times W_recᵀ ×{w}.")
        },
        bound_w_most: |g, w| {
            format!("Measured, it is mostly W_recᵀ: per step, the rate below is W_recᵀ ×{w} times diag(tanh′) ×{g}.")
        },
        not_applicable: "n/a",
        explanation_rest: "… (the whole explanation: e writes it in the study note)",
        clip: |th, before, after| format!("clipping at {th}: ||grad|| {before} -> {after}"),
        why_linear: |rho, trend| {
            format!(
                "Each step back multiplies the gradient by W_recᵀ (the linear cell has no f′), so far from the loss it changes by W_rec's spectral radius ρ = {rho} per step: it {trend}. W_rec is symmetric here, so ρ is also its largest singular value σ_max."
            )
        },
        trend_shrinks: "shrinks geometrically (vanishing)",
        trend_grows: "grows geometrically (exploding)",
        trend_holds: "keeps its size",
        why_linear_not_yet: |rho, long| {
            format!(
                "Each step back multiplies the gradient by W_recᵀ (the linear cell has no f′). Far from the loss, once W_rec's top direction dominates, it changes by W_rec's spectral radius ρ = {rho} per step, so over enough steps it {long}; over the steps measured here W_rec's other directions still weigh in, and that trend has not shown yet. W_rec is symmetric here, so ρ is also its largest singular value σ_max."
            )
        },
        trend_long_shrinks: "shrinks",
        trend_long_grows: "grows",
        why_tanh_bound: |sigma| {
            format!(
                "Each step back multiplies the gradient by diag(tanh′)·W_recᵀ, and tanh′ ≤ 1, so one step can stretch it at most by W_rec's largest singular value σ_max = {sigma} (equal to ρ: W_rec is symmetric here). σ_max < 1 makes vanishing certain (Pascanu et al.)."
            )
        },
        why_tanh_saturated: |sigma, slope| {
            format!(
                "σ_max = {sigma} ≥ 1 lets the gradient grow but does not make it grow: the units are saturated enough (mean tanh′ = {slope}) that, on average over the steps measured, diag(tanh′) shrinks more than W_recᵀ stretches, so the gradient vanishes anyway."
            )
        },
        why_tanh_both_shrink: |sigma, stretch, slope| {
            format!(
                "σ_max = {sigma} ≥ 1 lets the gradient grow, but along the direction the gradient takes W_recᵀ shrinks it too (its part of the measured rate: ×{stretch} per step), and diag(tanh′) (mean tanh′ = {slope}) shrinks it further: it vanishes."
            )
        },
        why_tanh_grows: |sigma, slope| {
            format!(
                "σ_max = {sigma} ≥ 1, and on average over the steps measured diag(tanh′) (mean tanh′ = {slope}) shrinks less than W_recᵀ stretches along the direction the gradient takes: it grows as it goes back (exploding). Clipping is the usual remedy."
            )
        },
        why_tanh_open: |sigma, slope| {
            format!(
                "σ_max = {sigma} ≥ 1 lets the gradient grow; whether it does depends on how saturated the units are (mean tanh′ = {slope}). A longer sequence shows the measured rate."
            )
        },
        why_tanh_not_yet: |sigma, slope| {
            format!(
                "σ_max = {sigma} ≥ 1 lets the gradient grow; whether it does depends on how saturated the units are (mean tanh′ = {slope}). Step back through BPTT: after a few steps the measured rate shows which it does."
            )
        },
        why_lstm: |f, b| {
            format!(
                "The LSTM's cell path c_t = f ⊙ c_{{t−1}} + i ⊙ g is additive: straight back along it the gradient is multiplied by the forget gate f, here {f} on average (forget bias {b}). A larger bias pushes f toward 1, so each step back along this path keeps more of the gradient; but it also lets |c_t| grow, and where tanh′(c_t) is small little gradient enters the path at all, so the gradient that reaches step 1 need not be larger. The paths through h_{{t−1}} and the gates add to this one."
            )
        },
        why_gru: |z| {
            format!(
                "The GRU's h_t = (1 − z) ⊙ n + z ⊙ h_{{t−1}} keeps a direct path: straight back along it the gradient is multiplied by the update gate z, here {z} on average. Where z is near 1 the gradient flows back almost unchanged."
            )
        },
        measured_per_step: |rate| format!("Measured: ×{rate} per step back."),
        explain_truncation: "Truncation cuts the backward flow after k steps: earlier steps get exactly zero gradient from this loss. Here each loss term gets its own k-step window (O(T·k) work if every step had a loss); the usual detach-every-k form is cheaper in time and memory but lets a loss reach back only to its chunk's start.",
        explain_clip: "Clipping rescales the whole parameter gradient to the threshold when it is larger; its direction stays the same.",
        predict_growth: |from, to| {
            format!(
                "From step {from} to step {to}: by what factor does ||dL/dh|| change? (e.g. 0.8 shrinks, 1.5 grows; within ×2 of it counts; Enter)"
            )
        },
        right: |f| format!("Right: ×{f}."),
        wrong: |f| format!("Not quite: it changes by ×{f}."),
        not_a_factor: "Type a positive factor, like 0.8 or 1.5.",
        score: |right, total| format!("growth guesses right: {right}/{total}"),
        cell_formulas: CELL_FORMULAS,
        backward_formula: BACKWARD_FORMULA,
        lstm_backward_formula: LSTM_BACKWARD_FORMULA,
        row_column: "The counting lab writes one step as S_k = S_{k−1}·w_rec + x_k·w_x with numbers; with vectors the same step is h_t = W_rec h_{t−1} + W_x x_t (column form; code that keeps a batch as rows writes h_{t−1} W_recᵀ). Backward, the multiplier w_rec becomes W_recᵀ.",
        err_radius: |g| format!("the spectral radius must be between 0.1 and 3, got {g}"),
        err_len: |g| format!("the sequence length must be between 1 and 1000, got {g}"),
        err_hidden: |g| format!("the hidden size must be between 1 and 64, got {g}"),
        err_scale: |g| format!("the input scale must be a finite number, got {g}"),
        err_below_f64: |g, t| {
            format!(
                "input scale {g}: at h_{t} the gradient falls below what f64 can hold in one step (tanh or sigmoid \
                 units saturated so far that their slope times the gradient rounds to 0), so it would show as 0; \
                 use a smaller input scale"
            )
        },
        err_window: "the truncation window must be at least 1 step",
        err_threshold: |g| format!("the clipping threshold must be a positive number, got {g}"),
        err_internal: |d| format!("this setting could not be computed ({d})"),
    },
    count: CountText {
        title: "Counting-ones RNN: S_k = S_{k−1}·w_rec + x_k·w_x, L = mean (S_T − #ones)²",
        weights: |wx, wr, l| format!("w_x = {wx}   w_rec = {wr}   L = {l}"),
        data_tutorial: "data: the tutorial's 20 sequences",
        data_random: "data: 20 random sequences",
        prediction: |y, t| format!("sequence 1: y = S_T = {y}, target y* = {t}"),
        table_title: |n| format!("BPTT loop, k = T down to 1 ({n} sequences)"),
        table_note: |n| format!("x_k, S_{{k−1}}, dL/dS_k and the terms: sequence 1; Δ: summed over all {n}"),
        table_head: ["k", "x_k", "S_{k−1}", "dL/dS_k", "·x_k", "·S_{k−1}", "Δ dL/dw_x", "Δ dL/dw_rec"],
        table_rule: "dL/dS_T = 2(y − y*)/N,  dL/dS_{k−1} = dL/dS_k · w_rec",
        table_totals: |gx, gr| format!("summed so far: dL/dw_x = {gx}, dL/dw_rec = {gr}"),
        loop_hint: "Press Right to run the next iteration of the loop.",
        switch_panel: "table / surface / checks",
        surface: "Loss surface, log10 L",
        surface_zoom: "Loss surface, log10 L, zoomed",
        surface_axes: [
            "w_x grows to the right, w_rec upward, both over [-3, 3]",
            "w_x grows to the right, w_rec upward, both over [0.5, 1.5] near (1, 1)",
        ],
        surface_legend: "[] cursor   ** path   () (1, 1), the perfect counter   brighter = larger loss (the cliff: |w_rec| > 1)",
        check: "Gradient check (central difference, h = 1e-6)",
        check_row: |n, a, num, rel| format!("{n}: analytic {a}   numeric {num}   relative error {rel}"),
        mistakes: "Common mistakes: what each buggy loop computes",
        mistake_names: [
            "g = ... instead of g += ...",
            "S_k where S_{k−1} belongs",
            "missing × w_rec",
            "missing factor 2",
            "missing 1/N",
        ],
        mistake_row: |n, gx, gr, off| format!("{n}: ({gx}, {gr})  off by {off}"),
        right_row: |gx, gr| format!("right: (dL/dw_x, dL/dw_rec) = ({gx}, {gr})"),
        lr: |lr| format!("learning rate {lr}"),
        predict_prompt: |k| {
            format!("k={k}, sequence 1: type dL/dS_k, dL/dS_k·x_k and dL/dS_k·S_{{k−1}}, separated by commas; Enter")
        },
        graded: |d, x, r| {
            format!(
                "dL/dS_k: you {}, true {} ({})   dL/dS_k·x_k: you {}, true {} ({})   dL/dS_k·S_{{k−1}}: you {}, true {} ({})",
                d[0], d[1], d[2], x[0], x[1], x[2], r[0], r[1], r[2]
            )
        },
        agrees: "right",
        off_by: |off| format!("off by {off}"),
        not_numbers: "Type three numbers separated by commas.",
        overshot: |a, b, dx, dr, lr| {
            format!(
                "That step raised L from {a} to {b}: learning rate {lr} × the gradient moved w by ({dx}, {dr}), past the lowest point along the gradient. Lower the rate ([) or try Rprop (r), which uses only the gradient's sign."
            )
        },
        path_full: "The path holds 10000 steps, the most it keeps: move the cursor (w a s d) to start a new one.",
        diverged: "That step would overflow the loss: lower the learning rate ([).",
        left_surface: |x, r| {
            format!(
                "The step went to (w_x, w_rec) = ({x}, {r}), off the surface drawn: the path goes on there, undrawn."
            )
        },
        message_more: "… (the rest of this message: Tab, on the other panels)",
        slip: |v, name| format!("{v} is what the loop with the mistake \"{name}\" gives."),
        cursor_off_view: |x, r| format!("[] not drawn: (w_x, w_rec) = ({x}, {r}) is outside this view."),
        path_summary: |n, a, b| {
            let steps = if n == 1 { "1 step".to_string() } else { format!("{n} steps") };
            format!("path: {steps}, from {a} to {b}")
        },
        loop_formulas: LOOP_FORMULAS,
        loop_why: "w_x and w_rec are used at every step, so every step adds its term to the same gradient (+=, not =); dL/dS_k carries the gradient one step back by multiplying by w_rec, which is why |w_rec| > 1 explodes.",
    },
    mle: super::en_mle::EN_MLE,
    gd: super::en_gd::EN_GD,
    linreg: LinregText {
        title_line: |line, noise| format!("Linear regression by gradient descent: {line} + {noise}·noise"),
        title_features: "Linear regression by gradient descent: 3 features",
        switch_panel: "charts / error measures",
        scatter: "Data and fitted line",
        beta_table: "β now and the least-squares β, per feature",
        data: "data",
        fitted: "fitted",
        least_squares: "least squares",
        loss_curve: "log10 loss per step",
        loss_name: "loss",
        floor_name: "least-squares floor",
        axis_step: "step",
        state: |s, b, n, l| format!("step {s}: β = [{b}] {n}   loss = {l}"),
        beta_names: |k| if k <= 1 { "(intercept, slope)".to_string() } else { format!("(intercept, w_1..w_{k})") },
        lstsq: |b| format!("least squares: β = [{b}]"),
        rate: |lr, name, h, lim| format!("learning rate {lr}   {name}'s stability limit 2/λ_max({h}) = {lim}"),
        rate_no_limit: |lr, name| {
            format!("learning rate {lr}   {name} has no fixed stability limit (not quadratic in β): watch the loss")
        },
        above_limit: "above the limit of the gradient used: gradient descent diverges",
        rate_sgd: |lr, name, b, lim| {
            format!(
                "learning rate {lr}   {name}'s stability limit for minibatches of {b}: {lim} (below it no minibatch step overshoots)"
            )
        },
        above_limit_sgd: "above the minibatches' limit: some steps overshoot, and SGD may diverge",
        loss_rose: "the loss rose on the last step: this learning rate is too large here",
        history_full: "10000 steps kept, the most the lab holds: reset (0) to start again",
        diverged: "diverged: the next step would overflow; lower the rate (-) and reset (0)",
        mode_gd: "full-batch gradient descent",
        mode_sgd: |b| format!("minibatch SGD, batch {b}"),
        errors: "Error measures and their gradients (e = y − Xβ)",
        measure_names: MEASURE_NAMES,
        formulas: LINREG_FORMULAS,
        watched: "watched",
        used: "gradient used",
        mismatch: |u, w, r| {
            format!("mix-up: stepping with the gradient of {u} while watching {w}: each step is ×{r} the right one")
        },
        matched: "the gradient matches the error watched",
        gradient_values: |w, gw, u, gu| format!("at this β: ∇{w} = [{gw}]   ∇{u} (used) = [{gu}]"),
    },
    quiz: super::en_quiz::EN_QUIZ,
    practice: super::en_practice::EN_PRACTICE,
    note: NoteText {
        written: |p| format!("Note written to {p}"),
        frames_omitted: |n| format!("... {n} earlier frames (`deepstep conv --print` writes every one)"),
        failed: |r| format!("The note could not be written: {r}"),
        created: |d| format!("Written by deepstep on {d}."),
        settings: "Settings",
        formulas: "Formulas",
        steps: "Steps so far",
        explanation: "Why",
        none_yet: "(none yet: step forward first)",
        matrices: "The matrices (? = not computed yet)",
        measured: "Measured so far",
        matrix_too_large: |n, r, c| {
            format!("{n}: {r}×{c}, too large to write out here (`deepstep conv --print` writes every frame)")
        },
    },
    cli: CliText {
        whole_or_pair: |o, g| format!("--{o} must be a whole number or \"height,width\", got `{g}`"),
        at_most: |o, l, g| format!("--{o} must be at most {l}, got {g}"),
        between: |o, lo, hi, g| format!("--{o} must be between {lo} and {hi}, got {g}"),
        channels: |o, c, side, g| format!("--{o} may have at most {c} channels of {side}×{side}, got {g}"),
        kernel_side: |side, g| format!("--kernel may be at most {side}×{side}, got {g}"),
        dy_shape: |e, g| format!("--dy must have the output's shape {e} (channels×rows×columns), got {g}"),
        matrix_empty: "the matrix is empty",
        matrix_not_numeric: |ch, r, c, t| format!("channel {ch}, row {r}, column {c}: `{t}` is not a number"),
        matrix_ragged: |ch, r, g, e| {
            let values = if g == 1 { "value" } else { "values" };
            format!("channel {ch}, row {r} has {g} {values} but row 1 has {e} (rows must be equally long)")
        },
        matrix_channel_shape: |c, g, e| format!("channel {c} is {g} but channel 1 is {e}"),
        cannot_read: |f, r| format!("cannot read {f}: {r}"),
        progress_not_used: |why| format!("{why} This round is planned as if nothing had been answered yet."),
        not_finite: |o, g| format!("--{o} must be a finite number, got {g}"),
        write_failed: |r| format!("cannot write the output: {r}"),
        not_regular: |f| format!("{f} is not a regular file (a directory, device or pipe cannot be read here)"),
        export_exists: |f| format!("{f} already exists: it is left as it is (choose a new file name)"),
        export_format: |g| format!("cannot export as `{g}`: the one export format is `anki`"),
        json_stats_only: "--format json is for --stats only",
        too_large: |f, m| format!("{f} is larger than {m} MB, more than a question bank can be"),
        topic_empty: |t| format!("the bank has no questions on the topic {t}"),
        too_many_updates: |u, m| {
            format!("--steps with --batch would make {u} updates (steps × updates per epoch); at most {m}")
        },
        too_much_work: |w, m| {
            format!(
                "--n with these updates would compute {w} point-updates (each update measures the error on every point); at most {m}: lower --n or --steps"
            )
        },
        not_utf8: |f, l| format!("{f}:{l}: this line is not valid UTF-8 text"),
        home_not_a_terminal: "deepstep: standard output is not a terminal, and the home screen needs one; `deepstep --help` lists the lessons, each with a `--print` form for plain text (such as `deepstep conv --print`), and `deepstep quiz --stats` prints your progress",
        home_dumb_terminal: "this terminal (TERM=dumb) cannot show the home screen; `deepstep --help` lists the lessons, each with a `--print` form for plain text (such as `deepstep conv --print`), and `deepstep quiz --stats` prints your progress",
        dumb_terminal: |c| {
            format!("this terminal (TERM=dumb) cannot show the full-screen lab; use `deepstep {c} --print` instead")
        },
    },
    bank: BankText {
        question: |id| format!("question `{id}`"),
        no_questions: "the bank has no [[question]] tables",
        empty_id: "`id` is empty",
        duplicate_id: "this id is used twice in the file",
        stray: |f| format!("`{f}` does not belong to this kind of question"),
        toml: |m| m.to_string(),
        unknown_variant: |field, got, allowed| match field {
            Some(f) => format!("`{f}` is `{got}`, which is not one of {allowed}"),
            None => format!("`{got}` is not one of {allowed}"),
        },
        missing_field: |f| format!("the field `{f}` is missing"),
        unknown_field: |f, allowed| format!("there is no field `{f}`; the fields are {allowed}"),
        option_count: |m, n| format!("a choice question needs 2 to {m} options, has {n}"),
        correct_range: |n, c| format!("`correct` must be between 1 and {n} (the option's number), got {c}"),
        correct_missing: "a choice question needs `correct` (the right option's number, from 1)",
        wrong_without_why: |i| format!("option {i} is wrong but has no `why` (the misconception behind it)"),
        tolerance: |g| format!("`tolerance` must be a finite number ≥ 0, got {g}"),
        value_not_finite: |g| format!("`value` must be finite, got {g}"),
        value_missing: "a numeric question needs `value`",
        truefalse_why: "a true/false question needs `why` (the misconception behind the wrong answer)",
        truth_missing: "a true/false question needs `truth = true` or `truth = false`",
        term_count: |m, n| format!("an ordering question needs 2 to {m} terms, has {n}"),
        terms_repeat: "the terms must all differ",
        integer_too_large: |f| format!("`{f}` is a whole number too large to read"),
        before_range: |m, a, b| format!("`before` pairs name two different terms, 1 to at most {m}: got [{a}, {b}]"),
        before_empty: "`before` is empty: every order would be right (leave it out to accept only the order written)",
        key_breaks_before: |a, b| format!("the terms as written break `before`: term {a} must come before term {b}"),
        template_unknown: |n, k| format!("there is no template `{n}` (the templates: {k})"),
        template_param_missing: |n| format!("the template needs a range for `{n}` in `params`"),
        template_param_unknown: |n| format!("`{n}` in `params` is not a parameter of the template"),
        template_range: |n| format!("the range of `{n}` is [low, high] with low ≤ high"),
        too_deep: |n| format!("arrays and tables nest more than {n} deep here; a question needs two or three levels"),
        too_long: |f, n, c| {
            format!(
                "`{f}` is longer than a question's text may be: at most {n} lines and {c} characters (the screen wraps long lines itself)"
            )
        },
        template_bounds: |n, lo, hi| format!("the range of `{n}` must lie within [{lo}, {hi}] for this template"),
        template_no_draw: "no numbers drawn from the ranges are accepted by the math (is there any output at all?)",
        placeholder: |n| format!("`{{{{{n}}}}}` names no number of the template"),
    },
    help: super::en_help::EN_HELP,
};
