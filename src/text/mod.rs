//! Every user-facing string of deepstep, in one place: the shape of the
//! tables here, the English in `en.rs`, the Korean in `ko.rs`. The compiler
//! holds both tables to the same fields; `tests/i18n.rs` checks that no field
//! is left empty or untranslated.
//!
//! Plain strings are `&'static str`; strings with numbers in them are `fn`s,
//! which each language implements with its own word order.

mod en;
mod en_diagnose;
mod en_gd;
mod en_help;
mod en_mle;
mod en_practice;
mod en_quiz;
mod gd;
mod ko;
mod ko_diagnose;
mod ko_gd;
mod ko_help;
mod ko_mle;
pub mod ko_particle;
mod ko_practice;
mod ko_quiz;
mod mle;
mod notation;
mod quiz;
pub use gd::GdText;
pub use mle::MleText;
pub use quiz::QuizText;
pub mod practice;
pub mod practice_code;
pub mod visible;

/// A wait, in the unit a learner plans by: seconds would round up to "1
/// hours" (a card wrong a minute ago is due again in a minute).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    UnderAMinute,
    Minutes(u64),
    Hours(u64),
    DaysHours(u64, u64),
}

impl Wait {
    /// `secs` in its unit, rounded up (never "due now" for a later card).
    pub fn of(secs: u64) -> Wait {
        const DAY: u64 = 86_400;
        match secs {
            0..60 => Wait::UnderAMinute,
            60..3600 => Wait::Minutes(secs.div_ceil(60)),
            3600..DAY => Wait::Hours(secs.div_ceil(3600)),
            _ => Wait::DaysHours(secs / DAY, (secs % DAY).div_ceil(3600)),
        }
    }
}
pub use notation::{SAMPLE_HEADS, sample_sse, sample_sum, vector_names, vector_row};

pub use en::EN;

/// The words of a language.
pub fn for_lang(lang: Lang) -> &'static Text {
    match lang {
        Lang::En => &EN,
        Lang::Ko => &KO,
    }
}
pub use ko::KO;

// Math notation, the same in every language: both tables point here.
pub const LINREG_FORMULAS: [&str; 5] = [
    "SSE = ||e||²          ∇ = −2 Xᵀe",
    "MSE = ||e||²/n        ∇ = −(2/n) Xᵀe",
    "RMSE = √(||e||²/n)    ∇ = −Xᵀe / (n·RMSE)",
    "||e||₂                ∇ = −Xᵀe / ||e||₂",
    "||e||₂/n              ∇ = −Xᵀe / (n·||e||₂)",
];
pub const MEASURE_NAMES: [&str; 5] = ["SSE", "MSE", "RMSE", "||e||₂", "||e||₂/n"];
/// The Hessian each quadratic error's stability limit is 2/λ_max of (SSE, MSE).
pub const HESSIANS: [&str; 2] = ["2XᵀX", "(2/n)XᵀX"];
pub const CELL_FORMULAS: [&str; 4] = [
    "h_t = W_rec h_{t−1} + W_x x_t + b",
    "h_t = tanh(W_rec h_{t−1} + W_x x_t + b)",
    "c_t = f ⊙ c_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(c_t)",
    "h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}",
];
pub const LOOP_FORMULAS: [&str; 4] = [
    "dL/dS_T = 2(y − y*)/N",
    "dL/dS_k = dL/dS_{k+1} · w_rec",
    "dL/dw_x = Σ_k dL/dS_k · x_k",
    "dL/dw_rec = Σ_k dL/dS_k · S_{k−1}",
];
pub const BACKWARD_FORMULA: &str = "dL/dh_{t−1} = ∂L_{t−1}/∂h_{t−1} + (dh_t/dh_{t−1})ᵀ · dL/dh_t";
/// The LSTM carries two gradients back: the cell state's (through the forget
/// gate) and the hidden state's (through the gates' recurrent weights, the
/// four blocks of W_rec, as the rest of the lab names them).
pub const LSTM_BACKWARD_FORMULA: &str = "dL/dc_t = dL/dh_t ⊙ o_t ⊙ tanh′(c_t) + f_{t+1} ⊙ dL/dc_{t+1};   dL/dh_{t−1} = ∂L_{t−1}/∂h_{t−1} + W_recᵀ · dL/d[i f g o]_t";

/// The table for a locale: LC_ALL when set, else LANG; `ko` or `ko_*`
/// (`ko_KR.UTF-8`) gives Korean, anything else English.
pub fn from_locale(lc_all: Option<&str>, lang: Option<&str>) -> &'static Text {
    let locale = lc_all.filter(|s| !s.is_empty()).or(lang).unwrap_or("");
    if locale == "ko" || locale.starts_with("ko_") || locale.starts_with("ko.") { &KO } else { &EN }
}

/// The languages deepstep speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Ko,
}

/// All the words of one language.
#[derive(Debug)]
pub struct Text {
    pub lang: Lang,
    /// The language's own name, shown when switching to it.
    pub lang_name: &'static str,
    pub app_name: &'static str,
    pub home_title: &'static str,
    pub home_intro: &'static str,
    pub home_due: fn(count: usize) -> String,
    pub lessons: LessonTexts,
    pub gd_diverged: fn(updates: usize) -> String,
    pub lr_diverged: fn(updates: usize) -> String,
    pub too_small: fn(need_w: u16, need_h: u16, w: u16, h: u16) -> String,
    pub not_a_terminal: fn(command: &str) -> String,
    pub help_title: &'static str,
    pub help_close: &'static str,
    pub keys: KeyText,
    pub conv: ConvText,
    pub rnn: RnnText,
    pub count: CountText,
    pub linreg: LinregText,
    pub mle: MleText,
    pub gd: GdText,
    pub quiz: QuizText,
    pub practice: practice::PracticeText,
    pub note: NoteText,
    pub cli: CliText,
    pub bank: BankText,
    /// `--help`: (key, text) where the key is a command path (`"lab.linreg"`,
    /// `""` for deepstep itself) or a path and an option (`"conv.stride"`);
    /// `@usage`, `@options`, `@commands` are the headings.
    /// `tests/i18n.rs` checks both tables cover every command and option.
    pub help: &'static [(&'static str, &'static str)],
}

/// `deepstep quiz --check`: what is wrong with a question bank.
#[derive(Debug)]
pub struct BankText {
    pub question: fn(id: &str) -> String,
    /// The TOML reader's own (English) words, framed in this language.
    pub toml: fn(message: &str) -> String,
    /// (field if known, the value, the allowed values as `a`, `b`).
    pub unknown_variant: fn(field: Option<&str>, got: &str, allowed: &str) -> String,
    pub missing_field: fn(field: &str) -> String,
    pub unknown_field: fn(field: &str, allowed: &str) -> String,
    pub no_questions: &'static str,
    pub empty_id: &'static str,
    pub duplicate_id: &'static str,
    pub stray: fn(field: &str) -> String,
    pub option_count: fn(max: usize, got: usize) -> String,
    pub correct_range: fn(options: usize, got: i64) -> String,
    pub correct_missing: &'static str,
    pub wrong_without_why: fn(option: usize) -> String,
    pub tolerance: fn(got: &str) -> String,
    pub value_not_finite: fn(got: &str) -> String,
    pub value_missing: &'static str,
    pub truefalse_why: &'static str,
    pub truth_missing: &'static str,
    pub term_count: fn(max: usize, got: usize) -> String,
    pub terms_repeat: &'static str,
    pub integer_too_large: fn(field: &str) -> String,
    pub before_range: fn(max: usize, a: i64, b: i64) -> String,
    pub before_empty: &'static str,
    pub key_breaks_before: fn(a: usize, b: usize) -> String,
    pub template_unknown: fn(name: &str, known: &str) -> String,
    pub template_param_missing: fn(name: &str) -> String,
    pub template_param_unknown: fn(name: &str) -> String,
    pub template_range: fn(name: &str) -> String,
    pub too_long: fn(field: &str, lines: usize, chars: usize) -> String,
    pub too_deep: fn(max: usize) -> String,
    pub template_bounds: fn(name: &str, min: i64, max: i64) -> String,
    pub template_no_draw: &'static str,
    pub placeholder: fn(name: &str) -> String,
}

/// The command line's own errors (clap's usage text stays English).
#[derive(Debug)]
pub struct CliText {
    pub whole_or_pair: fn(option: &str, got: &str) -> String,
    pub at_most: fn(option: &str, limit: usize, got: usize) -> String,
    pub between: fn(option: &str, lo: usize, hi: usize, got: usize) -> String,
    pub channels: fn(option: &str, channels: usize, side: usize, got: &str) -> String,
    pub kernel_side: fn(side: usize, got: &str) -> String,
    pub dy_shape: fn(expected: &str, got: &str) -> String,
    pub matrix_empty: &'static str,
    pub matrix_not_numeric: fn(channel: usize, row: usize, col: usize, text: &str) -> String,
    pub matrix_ragged: fn(channel: usize, row: usize, got: usize, expected: usize) -> String,
    pub matrix_channel_shape: fn(channel: usize, got: &str, expected: &str) -> String,
    pub cannot_read: fn(file: &str, reason: &str) -> String,
    /// The progress file cannot be read by a headless form: why, and that the round goes on without it.
    pub progress_not_used: fn(why: &str) -> String,
    pub not_finite: fn(option: &str, got: &str) -> String,
    pub write_failed: fn(reason: &str) -> String,
    pub not_regular: fn(file: &str) -> String,
    pub too_large: fn(file: &str, max_mb: usize) -> String,
    pub topic_empty: fn(topic: &str) -> String,
    pub too_much_work: fn(work: &str, max: &str) -> String,
    pub too_many_updates: fn(updates: &str, max: usize) -> String,
    /// The home screen without a terminal: headless commands that cover what it shows.
    pub home_not_a_terminal: &'static str,
    pub home_dumb_terminal: &'static str,
    pub dumb_terminal: fn(command: &str) -> String,
    pub not_utf8: fn(file: &str, line: usize) -> String,
    pub export_exists: fn(file: &str) -> String,
    pub export_format: fn(got: &str) -> String,
    pub json_stats_only: &'static str,
}

#[derive(Debug)]
pub struct LessonTexts {
    pub conv: LessonText,
    pub rnn: LessonText,
    pub quiz: LessonText,
    pub review: LessonText,
    pub stats: LessonText,
    pub count_rnn: LessonText,
    pub linreg: LessonText,
    pub mle: LessonText,
    pub gd: LessonText,
    pub practice: LessonText,
}

#[derive(Debug)]
pub struct LessonText {
    pub name: &'static str,
    pub blurb: &'static str,
}

/// What each key does, for the footer and the `?` overlay.
#[derive(Debug)]
pub struct KeyText {
    pub quit: &'static str,
    pub back: &'static str,
    pub help: &'static str,
    pub suspend: &'static str,
    pub up_down: &'static str,
    pub next_view: &'static str,
    pub review_now: &'static str,
    pub next_line: &'static str,
    pub prev_line: &'static str,
    pub first_last_line: &'static str,
    pub move_surface: &'static str,
    pub ascend: &'static str,
    pub reset_path: &'static str,
    pub open_linreg: &'static str,
    pub open: &'static str,
    pub open_number: &'static str,
    pub next_frame: &'static str,
    pub prev_frame: &'static str,
    pub first_last: &'static str,
    pub fine: &'static str,
    pub play: &'static str,
    pub speed: &'static str,
    pub mode: &'static str,
    pub knob_select: &'static str,
    pub knob_dec: &'static str,
    pub knob_inc: &'static str,
    pub link_axes: &'static str,
    pub preset: &'static str,
    pub sample: &'static str,
    pub random_dy: &'static str,
    pub predict: &'static str,
    pub click: &'static str,
    pub submit: &'static str,
    pub cancel: &'static str,
    pub delete: &'static str,
    pub caret: &'static str,
    pub ctrl_c: &'static str,
    pub next_step: &'static str,
    pub prev_step: &'static str,
    pub first_last_step: &'static str,
    pub chart: &'static str,
    pub zoom: &'static str,
    pub gd_step: &'static str,
    pub rprop_step: &'static str,
    pub lr: &'static str,
    pub data: &'static str,
    pub move_cursor: &'static str,
    /// The counting lab's many Rprop steps at once (`count_rnn::lab::RPROP_RUN`).
    pub rprop_run: &'static str,
    pub next_iteration: &'static str,
    pub prev_iteration: &'static str,
    pub first_last_iteration: &'static str,
    pub step_once: &'static str,
    pub run_50: &'static str,
    pub reset: &'static str,
    pub sgd: &'static str,
    pub measure: &'static str,
    pub gradient_used: &'static str,
    pub features: &'static str,
    /// The learning rate's two keys, said apart: the footer lists only the
    /// first, and "down / up" beside `[/-` read as `[` down, `-` up.
    /// Enter and Esc in a prompt that is not a prediction (a typed function).
    pub submit_entry: &'static str,
    pub cancel_entry: &'static str,
    pub lr_down: &'static str,
    pub lr_up: &'static str,
    pub choose: &'static str,
    pub pick_term: &'static str,
    pub undo_term: &'static str,
    pub answer: &'static str,
    pub hint: &'static str,
    pub skip: &'static str,
    pub next_question: &'static str,
    pub new_round: &'static str,
    pub type_number: &'static str,
    pub scroll: &'static str,
    pub scroll_page: &'static str,
    pub lang: &'static str,
    pub export: &'static str,
}

#[derive(Debug)]
pub struct ConvText {
    pub title: &'static str,
    pub input: &'static str,
    pub kernel: &'static str,
    pub kernel_of: fn(output_channel: usize) -> String,
    pub flipped_kernel: &'static str,
    pub output: &'static str,
    pub dy: &'static str,
    pub spread_dy: &'static str,
    pub forward_formula: &'static str,
    pub grad_w: &'static str,
    pub grad_x: &'static str,
    pub knobs: &'static str,
    pub mode_forward: &'static str,
    pub mode_grad_w: &'static str,
    pub mode_grad_x: &'static str,
    pub mode_explain_forward: &'static str,
    pub mode_explain_grad_w: &'static str,
    pub mode_explain_grad_x: &'static str,
    pub knob_names: [&'static str; 14],
    pub on: &'static str,
    pub off: &'static str,
    pub linked: &'static str,
    pub presets: [&'static str; 7],
    pub sample_names: [&'static str; 4],
    pub custom_kernel: &'static str,
    pub frame_label: &'static str,
    pub predict_label: &'static str,
    pub running_sum: &'static str,
    pub digit: fn(label: u8) -> String,
    pub frame_of: fn(n: usize, total: usize) -> String,
    /// While the output size is being predicted (the count would give it away).
    pub frame_of_hidden: fn(n: usize) -> String,
    /// In place of the arithmetic while its value is being predicted.
    pub arithmetic_hidden: &'static str,
    /// In place of the arithmetic while the output size is being predicted.
    pub size_hidden: &'static str,
    /// Panel title marks when a grid does not fit: columns cut at the sides
    /// (the window's stay), rows above or below (arrows; the README says so).
    pub more_sideways: &'static str,
    pub more_above: &'static str,
    pub more_below: &'static str,
    pub tap_of: fn(n: usize, total: usize) -> String,
    pub playing: &'static str,
    pub paused: &'static str,
    pub speed_ms: fn(ms: u64) -> String,
    pub channel: fn(c: usize) -> String,
    pub padding_legend: &'static str,
    pub gap_legend: &'static str,
    /// dX's frame along an axis: (axis, zeros before the spread dY, after it
    /// — negative: cropped —, the floor's remainder that makes them differ).
    pub dx_frame: fn(axis: &str, before: isize, after: isize, r: usize) -> String,
    /// How an input cell no window reads is drawn: `(5)`.
    pub unread_legend: &'static str,
    /// The floor along one axis dropping its remainder: (axis, n, S, ⌊n/S⌋, n mod S).
    pub floor_drops: fn(axis: &str, n: usize, s: usize, q: usize, r: usize) -> String,
    pub invalid: &'static str,
    pub fixed_size: &'static str,
    /// The kernel's size changed while a preset that exists only as 3×3 is chosen.
    pub preset_is_3x3: fn(preset: &str) -> String,
    /// A preset that exists only as 3×3 was chosen: the kernel became 3×3.
    pub resized_for: fn(preset: &str) -> String,
    /// With two output channels: which preset the second one uses.
    pub second_preset: fn(preset: &str) -> String,
    /// Tab: the grids or the knob panel get the room first.
    pub switch_panel: &'static str,
    /// The one-line knob when the knob panel does not fit: (name, value).
    pub selected_knob: fn(name: &str, value: &str) -> String,
    pub predict_value: &'static str,
    pub predict_size: &'static str,
    pub right: &'static str,
    pub wrong: fn(answer: &str) -> String,
    /// Wrong, and the guess is what the named slips give: (answer, guess, slips in words).
    pub wrong_slip: fn(answer: &str, guess: &str, slips: &str) -> String,
    /// The output-size slips, in `math::conv::SizeMistake::ALL`'s order.
    pub size_slips: [&'static str; 3],
    /// The value slips: the kernel turned 180°, and one input channel alone.
    pub slip_flipped: &'static str,
    pub slip_one_channel: fn(channel: usize) -> String,
    /// Between two slips that give the same number.
    pub slip_or: &'static str,
    pub not_a_number: &'static str,
    pub score: fn(right: usize, total: usize) -> String,
    pub digits_credit: &'static str,
    pub axis_names: [&'static str; 2],
    pub err_zero: fn(setting: &str, axis: &str) -> String,
    /// (axis name, its size's letter H or W, the kernel's span, the padded size).
    pub err_kernel_too_large: fn(axis: &str, letter: &str, span: usize, padded: usize) -> String,
    pub err_too_large: fn(axis: &str) -> String,
    pub err_channels: fn(kernel: usize, input: usize) -> String,
    pub err_bias: fn(expected: usize, got: usize) -> String,
    pub err_dy_shape: fn(expected: &str, got: &str) -> String,
    pub setting_names: [&'static str; 4],
}

#[derive(Debug)]
pub struct RnnText {
    /// Tab: the timeline / the chart (when both do not fit).
    pub switch_panel: &'static str,
    /// Tab's row when the running matrices are one of the panels too.
    pub switch_panel_matrices: &'static str,
    /// The lab's loss and where BPTT starts.
    pub loss_formula: &'static str,
    /// One step back split: (from t, to t−1, ×total, ×gate, ×W_recᵀ).
    pub split: fn(t: usize, prev: usize, total: &str, gate: &str, weights: &str) -> String,
    /// The linear cell's step back: W_recᵀ alone.
    pub split_linear: fn(t: usize, prev: usize, total: &str) -> String,
    /// The info line before BPTT has reached two steps.
    pub rate_not_yet: &'static str,
    /// A comparison chart's note until BPTT has reached step 1.
    pub after_bptt: &'static str,
    /// While a knob change or a chart is computed in the background.
    pub computing: &'static str,
    pub title: &'static str,
    pub phase_forward: &'static str,
    pub phase_backward: &'static str,
    pub step_of: fn(t: usize, total: usize) -> String,
    pub timeline: &'static str,
    pub row_t: &'static str,
    pub row_h: &'static str,
    pub row_x: &'static str,
    pub row_dh: &'static str,
    pub cut: &'static str,
    pub knobs: &'static str,
    pub knob_names: [&'static str; 9],
    pub cell_names: [&'static str; 4],
    pub off: &'static str,
    pub chart_distance: &'static str,
    pub chart_cells: &'static str,
    pub chart_length: &'static str,
    pub axis_distance: &'static str,
    pub axis_length: &'static str,
    pub axis_norm: &'static str,
    pub measured: &'static str,
    pub reference_linear: &'static str,
    pub reference_tanh: &'static str,
    pub rate: fn(factor: &str) -> String,
    pub no_rate: &'static str,
    pub running: fn(wx: &str, wrec: &str) -> String,
    /// With clipping on: the running sums are the gradient before it is clipped.
    pub running_before_clip: fn(wx: &str, wrec: &str) -> String,
    pub running_matrices: &'static str,
    pub running_wx: &'static str,
    /// The matrices' own panel (a Tab turn on small screens).
    pub matrices_panel: &'static str,
    /// In the knob panel's title when the matrices are a Tab turn away.
    pub matrices_on_tab: &'static str,
    /// A step vector shown in part: `… 8 in all` after the entries shown.
    pub vector_more: fn(total: usize) -> String,
    /// What a click on the timeline does (the help's `click` row).
    pub click_step: &'static str,
    /// No rate for a run too short to have one (T = 1, 2).
    pub no_rate_short: fn(t: usize) -> String,
    /// A wrong growth guess that is one factor of the step alone: the
    /// gate's stretch, or W_recᵀ's (both given, gate first).
    pub slip_gate_only: fn(gate: &str, w: &str) -> String,
    pub slip_recurrent_only: fn(gate: &str, w: &str) -> String,
    /// After the σ_max < 1 bound, which factor did most of the shrinking
    /// over the steps measured (mean per step: the gate's, W_recᵀ's).
    pub bound_gate_most: fn(gate: &str, w: &str) -> String,
    pub bound_w_most: fn(gate: &str, w: &str) -> String,
    /// A knob's value where it does not apply (the forget bias of a cell without one).
    pub not_applicable: &'static str,
    /// After an explanation cut to the rows a small screen has.
    pub explanation_rest: &'static str,
    pub clip: fn(threshold: &str, before: &str, after: &str) -> String,
    /// Why the gradient shrinks or grows, one per `rnn::why::Why`; the
    /// numbers are the run's own.
    pub why_linear: fn(rho: &str, trend: &str) -> String,
    pub trend_shrinks: &'static str,
    pub trend_grows: &'static str,
    pub trend_holds: &'static str,
    /// The linear cell where the measured rate does not show ρ's trend yet
    /// (or at ρ = 1): the long-run trend, without naming a regime.
    pub why_linear_not_yet: fn(rho: &str, long_run: &str) -> String,
    pub trend_long_shrinks: &'static str,
    pub trend_long_grows: &'static str,
    pub why_tanh_bound: fn(sigma: &str) -> String,
    pub why_tanh_saturated: fn(sigma: &str, mean_slope: &str) -> String,
    pub why_tanh_both_shrink: fn(sigma: &str, stretch: &str, mean_slope: &str) -> String,
    pub why_tanh_grows: fn(sigma: &str, mean_slope: &str) -> String,
    pub why_tanh_open: fn(sigma: &str, mean_slope: &str) -> String,
    pub why_tanh_not_yet: fn(sigma: &str, mean_slope: &str) -> String,
    pub why_lstm: fn(mean_forget: &str, bias: &str) -> String,
    pub why_gru: fn(mean_update: &str) -> String,
    /// Appended where a rate was measured.
    pub measured_per_step: fn(rate: &str) -> String,
    pub explain_truncation: &'static str,
    pub explain_clip: &'static str,
    pub predict_growth: fn(from: usize, to: usize) -> String,
    pub right: fn(factor: &str) -> String,
    pub wrong: fn(factor: &str) -> String,
    pub not_a_factor: &'static str,
    pub score: fn(right: usize, total: usize) -> String,
    /// The cell's recurrence and the step back, math notation (the same in every language).
    pub cell_formulas: [&'static str; 4],
    pub backward_formula: &'static str,
    pub lstm_backward_formula: &'static str,
    /// How the counting lab's scalar row form relates to the vector column form.
    pub row_column: &'static str,
    pub err_radius: fn(got: &str) -> String,
    pub err_len: fn(got: usize) -> String,
    pub err_hidden: fn(got: usize) -> String,
    pub err_scale: fn(got: &str) -> String,
    /// A run whose gradient at h_step f64 rounded to 0 (input scale as given).
    pub err_below_f64: fn(scale: &str, step: usize) -> String,
    pub err_window: &'static str,
    pub err_threshold: fn(got: &str) -> String,
    pub err_internal: fn(detail: &str) -> String,
}

#[derive(Debug)]
pub struct CountText {
    pub title: &'static str,
    pub weights: fn(wx: &str, wrec: &str, loss: &str) -> String,
    pub data_tutorial: &'static str,
    pub data_random: &'static str,
    pub prediction: fn(y: &str, t: &str) -> String,
    /// The BPTT table's title for a batch of `n` sequences.
    pub table_title: fn(n: usize) -> String,
    /// Which columns are sequence 1's and which are summed over the batch.
    pub table_note: fn(n: usize) -> String,
    /// Column heads: k, x_k, S_{k−1}, dL/dS_k, the two terms, the two sums.
    pub table_head: [&'static str; 8],
    /// How dL/dS_k is made, above the rows.
    pub table_rule: &'static str,
    pub table_totals: fn(gx: &str, grec: &str) -> String,
    pub loop_hint: &'static str,
    /// Tab: the table or the surface and checks (when both do not fit).
    pub switch_panel: &'static str,
    pub surface: &'static str,
    pub surface_zoom: &'static str,
    /// Which way each weight grows, and over what range (normal, zoomed).
    pub surface_axes: [&'static str; 2],
    pub surface_legend: &'static str,
    pub check: &'static str,
    pub check_row: fn(name: &str, analytic: &str, numeric: &str, rel: &str) -> String,
    pub mistakes: &'static str,
    pub mistake_names: [&'static str; 5],
    pub mistake_row: fn(name: &str, gx: &str, grec: &str, off: &str) -> String,
    pub right_row: fn(gx: &str, grec: &str) -> String,
    pub lr: fn(lr: &str) -> String,
    pub predict_prompt: fn(k: usize) -> String,
    /// Each part is [typed, true, off by].
    /// Each of the three: [typed, true, `agrees` or `off_by(..)`].
    pub graded: fn(ds: &[String; 3], gx: &[String; 3], gr: &[String; 3]) -> String,
    /// A typed value that agrees to the 4 significant digits shown.
    pub agrees: &'static str,
    pub off_by: fn(off: &str) -> String,
    pub not_numbers: &'static str,
    pub left_surface: fn(w_x: &str, w_rec: &str) -> String,
    /// After a wrong prediction: the listed mistake whose loop gives the
    /// numbers typed (its numbers where they are off, its name).
    pub slip: fn(values: &str, name: &str) -> String,
    /// A message cut to the rows the surface leaves; the other panels show it whole.
    pub message_more: &'static str,
    /// Under the surface: the weights lie outside it, so `[]` is not drawn.
    pub cursor_off_view: fn(w_x: &str, w_rec: &str) -> String,
    /// Under the surface: the path so far, from its start to the weights.
    pub path_summary: fn(steps: usize, from: &str, to: &str) -> String,
    pub path_full: &'static str,
    /// A gradient-descent step that raised the loss: (from, to, Δw_x, Δw_rec, learning rate).
    pub overshot: fn(from: &str, to: &str, dx: &str, dr: &str, lr: &str) -> String,
    pub diverged: &'static str,
    /// The BPTT loop's formulas (math notation) and why it accumulates.
    pub loop_formulas: [&'static str; 4],
    pub loop_why: &'static str,
}

/// The maximum-likelihood lab.
#[derive(Debug)]
pub struct LinregText {
    /// The one-feature title, with the data's line (`linreg::model_line`) and noise.
    pub title_line: fn(line: &str, noise: &str) -> String,
    pub title_features: &'static str,
    /// The left panel's title with 3 features (no line to draw: β beside least squares).
    pub beta_table: &'static str,
    /// Tab: the charts / the error measures (when both do not fit).
    pub switch_panel: &'static str,
    pub scatter: &'static str,
    pub data: &'static str,
    pub fitted: &'static str,
    pub least_squares: &'static str,
    pub loss_curve: &'static str,
    pub loss_name: &'static str,
    /// The loss at the least-squares β: the lowest gradient descent can reach.
    pub floor_name: &'static str,
    pub axis_step: &'static str,
    pub state: fn(step: usize, beta: &str, names: &str, loss: &str) -> String,
    /// What β's entries are, in order, for a model with this many features.
    pub beta_names: fn(features: usize) -> String,
    pub lstsq: fn(beta: &str) -> String,
    /// The learning rate and the limit of the gradient used (`name`'s, 2/λ_max of `hessian`).
    pub rate: fn(lr: &str, name: &str, hessian: &str, limit: &str) -> String,
    /// The learning rate where the gradient used has no fixed limit.
    pub rate_no_limit: fn(lr: &str, name: &str) -> String,
    pub above_limit: &'static str,
    /// SGD: the rate beside the minibatches' limit, and above it.
    pub rate_sgd: fn(lr: &str, name: &str, batch: usize, limit: &str) -> String,
    pub above_limit_sgd: &'static str,
    /// No fixed limit, and the loss rose on the last step.
    pub loss_rose: &'static str,
    pub history_full: &'static str,
    pub diverged: &'static str,
    pub mode_gd: &'static str,
    pub mode_sgd: fn(batch: usize) -> String,
    pub errors: &'static str,
    pub measure_names: [&'static str; 5],
    pub formulas: [&'static str; 5],
    pub watched: &'static str,
    pub used: &'static str,
    pub mismatch: fn(used: &str, watched: &str, ratio: &str) -> String,
    pub matched: &'static str,
    pub gradient_values: fn(watched: &str, gw: &str, used: &str, gu: &str) -> String,
}

/// Study notes (`e`, and `--print --format markdown`).
#[derive(Debug)]
pub struct NoteText {
    pub written: fn(path: &str) -> String,
    pub failed: fn(reason: &str) -> String,
    pub created: fn(date: &str) -> String,
    pub settings: &'static str,
    pub formulas: &'static str,
    pub steps: &'static str,
    pub explanation: &'static str,
    pub none_yet: &'static str,
    pub frames_omitted: fn(count: usize) -> String,
    pub matrices: &'static str,
    /// The heading of what a lab measured so far.
    pub measured: &'static str,
    /// A matrix too large to write out in a note.
    pub matrix_too_large: fn(name: &str, rows: usize, cols: usize) -> String,
}
