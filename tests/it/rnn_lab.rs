//! The RNN lab's state machine: the timeline's forward and backward walk,
//! every knob, truncation and clipping, predictions and charts.

use crate::common;

use deepstep::lessons::input::Edit;
use deepstep::lessons::rnn::keys::map_key;
use deepstep::lessons::rnn::lab::{Action, Chart, Knob, Message, Phase, RnnLab};
use deepstep::lessons::rnn::settings::RnnSettings;
use deepstep::math::rnn::CellKind;
use deepstep::text::{EN, KO};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn lab(len: usize) -> RnnLab {
    RnnLab::new(RnnSettings { len, ..Default::default() }).unwrap()
}

#[test]
fn the_timeline_fills_forward_then_runs_bptt_from_the_last_step_to_the_first() {
    let mut l = lab(5);
    assert_eq!((l.view.phase, l.view.step), (Phase::Forward, 1));
    assert!(l.h_shown(1) && !l.h_shown(2) && !l.dh_shown(5));
    for _ in 0..4 {
        l.update(Action::Next);
    }
    assert_eq!(l.view.step, 5);
    l.update(Action::Next);
    assert_eq!((l.view.phase, l.view.step), (Phase::Backward, 5));
    assert!(l.dh_shown(5) && !l.dh_shown(4));
    l.update(Action::Next);
    assert_eq!(l.view.step, 4);
    assert!(l.dh_shown(4));
    l.update(Action::Last);
    assert_eq!((l.view.phase, l.view.step), (Phase::Backward, 1));
    l.update(Action::Next);
    assert_eq!(l.view.step, 1, "nothing before step 1");
    l.update(Action::Prev);
    assert_eq!(l.view.step, 2);
    l.update(Action::JumpTo(5));
    l.update(Action::Prev);
    assert_eq!((l.view.phase, l.view.step), (Phase::Forward, 5));
    l.update(Action::First);
    assert_eq!((l.view.phase, l.view.step), (Phase::Forward, 1));
    l.update(Action::Prev);
    assert_eq!(l.view.step, 1);
    l.update(Action::JumpTo(0));
    l.update(Action::JumpTo(6));
    assert_eq!(l.view.step, 1);
}

#[test]
fn the_running_weight_gradients_grow_to_the_totals() {
    let l = lab(6);
    let (wx, wrec) = l.running[0];
    assert!((wx - l.run.grads.w_ih.log10_norm()).abs() < 1e-12);
    assert!((wrec - l.run.grads.w_hh.log10_norm()).abs() < 1e-12);
    // H = 8 > 4: no matrices kept; H = 2 keeps them.
    assert!(l.running_matrices.is_empty());
    let small = RnnLab::new(RnnSettings { hidden: 2, len: 6, ..Default::default() }).unwrap();
    assert_eq!(small.running_matrices.len(), 6);
    // Entry t−1 sums steps t..T: Σ δ_s ⊗ x_s and Σ δ_s ⊗ h_{s−1}, from the run's own δ rows.
    let (f, g) = (&small.run.forward, &small.run.grads);
    let (d_ih, d_hh, h) = (g.delta_ih.to_plain(), g.delta_hh().to_plain(), f.h.to_plain());
    for t in 1..=6 {
        let mut wx = ndarray::Array2::<f64>::zeros((2, f.x.ncols()));
        let mut wrec = ndarray::Array2::<f64>::zeros((2, 2));
        for s in t..=6 {
            for (a, b) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
                wrec[[a, b]] += d_hh[[s - 1, a]] * h[[s - 1, b]];
            }
            for a in 0..2 {
                for b in 0..f.x.ncols() {
                    wx[[a, b]] += d_ih[[s - 1, a]] * f.x[[s - 1, b]];
                }
            }
        }
        let (got_wx, got_wrec) =
            (small.running_matrices[t - 1].0.to_plain(), small.running_matrices[t - 1].1.to_plain());
        let near =
            |a: &ndarray::Array2<f64>, b: &ndarray::Array2<f64>| a.iter().zip(b).all(|(p, q)| (p - q).abs() < 1e-12);
        assert!(near(&got_wx, &wx) && near(&got_wrec, &wrec), "t {t}: {got_wx} vs {wx}, {got_wrec} vs {wrec}");
        let log_norm = |m: &ndarray::Array2<f64>| m.iter().map(|v| v * v).sum::<f64>().sqrt().log10();
        let (lx, lrec) = small.running[t - 1];
        assert!((lx - log_norm(&wx)).abs() < 1e-9 && (lrec - log_norm(&wrec)).abs() < 1e-9, "t {t}");
    }
}

#[test]
fn every_knob_turns_and_recomputes() {
    let mut l = lab(20);
    let before = l.dh_log10.clone();
    for k in Knob::ALL {
        l.view.knob = k;
        l.update(Action::KnobInc);
        assert!(!matches!(l.message, Some(Message::Refused(_))), "{k:?}");
    }
    assert_ne!(l.dh_log10, before);
    let s = &l.settings;
    assert_eq!(s.cell, CellKind::Lstm);
    assert!((s.radius - 1.0).abs() < 1e-12);
    assert_eq!((s.len, s.hidden, s.truncation, s.clip, s.seed), (30, 16, Some(1), Some(0.1), 2));
    // Knobs go back down to "off"; the knob list stops at its ends.
    l.view.knob = Knob::Truncation;
    l.update(Action::KnobDec);
    assert_eq!(l.settings.truncation, None);
    l.view.knob = Knob::Cell;
    l.update(Action::KnobUp);
    assert_eq!(l.view.knob, Knob::Cell);
    l.view.knob = Knob::Seed;
    l.update(Action::KnobDown);
    assert_eq!(l.view.knob, Knob::Seed);
    // ρ stays within 0.1..3.
    l.view.knob = Knob::Radius;
    for _ in 0..40 {
        l.update(Action::KnobInc);
    }
    assert!((l.settings.radius - 3.0).abs() < 1e-12);
}

#[test]
fn truncated_steps_get_zero_gradient_and_clipping_reports_its_norms() {
    let l = RnnLab::new(RnnSettings { len: 10, truncation: Some(3), ..Default::default() }).unwrap();
    assert!(l.dh_log10[..6].iter().all(|v| *v == f64::NEG_INFINITY));
    assert!(l.dh_log10[6..].iter().all(|v| v.is_finite()));
    let l = RnnLab::new(RnnSettings { radius: 1.5, len: 50, clip: Some(1.0), ..Default::default() }).unwrap();
    let c = l.run.grads.clip.unwrap();
    assert!(c.log10_norm_before > 0.0 && c.log10_norm_after.abs() < 1e-9);
}

#[test]
fn exploding_settings_stay_finite() {
    let l =
        RnnLab::new(RnnSettings { cell: CellKind::Linear, radius: 3.0, len: 1000, hidden: 8, ..Default::default() })
            .unwrap();
    assert!(l.dh_log10.iter().all(|v| v.is_finite()));
    assert!(l.dh_log10[0] > 400.0, "3^999 ≈ 1e477: {}", l.dh_log10[0]);
    let rate = l.charts.rate.unwrap();
    assert!((rate - 3.0).abs() < 1e-6, "{rate}");
    assert_eq!(l.charts.reference_slope, Some(3f64.log10()));
    // The running sums, carried with a scale here, still end at the totals.
    assert!((l.running[0].1 - l.run.grads.w_hh.log10_norm()).abs() < 1e-9);
    assert!((l.running[0].0 - l.run.grads.w_ih.log10_norm()).abs() < 1e-9);
    assert!(l.running.iter().all(|(a, b)| a.is_finite() && b.is_finite()));
}

#[test]
fn growth_predictions_are_graded_by_direction_and_factor() {
    let mut l =
        RnnLab::new(RnnSettings { cell: CellKind::Linear, radius: 0.5, len: 40, ..Default::default() }).unwrap();
    l.update(Action::TogglePredict);
    l.update(Action::Last);
    l.update(Action::JumpTo(20));
    l.update(Action::Next);
    assert_eq!(l.view.predict.question().copied(), Some(19));
    assert_eq!(l.view.step, 20, "not revealed before the guess");
    for c in "0.5".chars() {
        l.update(Action::Prompt(Edit::Type(c)));
    }
    l.update(Action::Prompt(Edit::Submit));
    assert!(matches!(l.message, Some(Message::Right(_))), "{:?}", l.message);
    assert_eq!((l.view.step, l.view.predict.score), (19, (1, 1)));
    l.update(Action::Next);
    for c in "x3".chars() {
        l.update(Action::Prompt(Edit::Type(c)));
    }
    l.update(Action::Prompt(Edit::Submit));
    assert!(matches!(l.message, Some(Message::Wrong(..))));
    assert_eq!((l.view.step, l.view.predict.score), (18, (1, 2)));
    l.update(Action::Next);
    l.update(Action::Prompt(Edit::Type('-')));
    l.update(Action::Prompt(Edit::Submit));
    assert_eq!(l.message, Some(Message::NotANumber));
    l.update(Action::Prompt(Edit::Backspace));
    l.update(Action::Prompt(Edit::Skip));
    assert_eq!((l.view.step, l.view.predict.score.1), (17, 2));
}

#[test]
fn charts_cycle_and_keys_map() {
    let mut l = lab(10);
    assert!(l.charts.cells.is_empty(), "computed only when shown");
    l.update(Action::CycleChart);
    assert_eq!(l.view.chart, Chart::Cells);
    assert_eq!(l.charts.cells.len(), 3);
    assert_eq!(l.charts.cells[0].1, l.dh_log10, "the tanh RNN is the lab's own run");
    l.update(Action::CycleChart);
    assert_eq!(l.view.chart, Chart::Length);
    let lens: Vec<usize> = l.charts.by_length.iter().map(|(t, _)| *t).collect();
    assert_eq!(lens, vec![1, 2, 3, 5, 10]);
    assert_eq!(l.charts.by_length.last().unwrap().1, l.dh_log10[0]);
    // A knob change keeps the chart's series filled.
    l.view.knob = Knob::Seed;
    l.update(Action::KnobInc);
    assert_eq!(l.charts.by_length.len(), 5);
    l.update(Action::CycleChart);
    assert_eq!(l.view.chart, Chart::Distance);
    let k = |c| KeyEvent::new(c, KeyModifiers::NONE);
    assert_eq!(map_key(&k(KeyCode::Right), &l, &EN), Some(Action::Next));
    assert_eq!(map_key(&k(KeyCode::Char('c')), &l, &EN), Some(Action::CycleChart));
    assert_eq!(map_key(&k(KeyCode::Char(']')), &l, &EN), Some(Action::KnobInc));
}

/// The explanation follows the measured numbers: for tanh at ρ = 2 the
/// gradient vanishes (saturation), and the words must not claim growth; for
/// the linear cell ρ decides; the gated cells quote their measured gate.
#[test]
fn the_explanation_never_contradicts_the_measured_rate() {
    use deepstep::lessons::rnn::why::Why;
    let lab = |cell, radius, len| RnnLab::new(RnnSettings { cell, radius, len, ..Default::default() }).unwrap();
    let mut tanh2 = lab(CellKind::Tanh, 2.0, 40);
    // The note quotes the rate over the steps BPTT has reached: all of them.
    tanh2.update(Action::Last);
    let rate = tanh2.charts.rate.unwrap();
    assert!(rate < 1.0, "the tanh cell at ρ = 2 vanishes here: ×{rate}");
    assert!(matches!(tanh2.why, Why::TanhSaturated { .. }), "{:?}", tanh2.why);
    for t in [&EN, &KO] {
        let n = deepstep::lessons::rnn::note::note(&tanh2, t);
        let why = n.sections.iter().flat_map(|s| s.lines.iter()).cloned().collect::<Vec<_>>().join("\n");
        assert!(!why.contains(t.rnn.trend_grows) && !why.contains("폭주") && !why.contains("grows"), "{why}");
        assert!(why.contains(&deepstep::math::format::num(rate)), "the measured rate is quoted: {why}");
    }
    // Every cell, both sides of 1: the explanation's kind agrees with the measured rate.
    for cell in CellKind::ALL {
        for radius in [0.5, 0.9, 1.5, 2.5] {
            let l = lab(cell, radius, 60);
            let rate = l.charts.rate;
            match l.why {
                Why::Linear { radius: r, .. } => {
                    let m = rate.unwrap();
                    assert!((m - r).abs() < 0.05 * r, "linear: ρ {r} but ×{m}");
                }
                Why::TanhBound { sigma, .. } => assert!(sigma < 1.0 && rate.is_none_or(|m| m < 1.0)),
                Why::TanhSaturated { sigma, rate, .. } => assert!(sigma >= 1.0 && rate < 1.0),
                Why::TanhBothShrink { sigma, rate, stretch_log10, .. } => {
                    assert!(sigma >= 1.0 && rate < 1.0 && stretch_log10 <= 0.0)
                }
                Why::TanhGrows { sigma, rate, .. } => assert!(sigma >= 1.0 && rate >= 1.0),
                Why::Lstm { mean_forget, .. } => assert!((0.0..1.0).contains(&mean_forget)),
                Why::Gru { mean_update, .. } => assert!((0.0..1.0).contains(&mean_update)),
                other => panic!("{cell:?} ρ {radius}: {other:?}"),
            }
        }
    }
}

/// Step by step, the explanation agrees with the rate quoted beside it, the
/// one measured over the steps BPTT has reached: for the tanh cell with
/// σ_max ≥ 1 it says the gradient vanishes only beside a rate below 1 and
/// grows only beside one of at least 1, and before BPTT has gone back far
/// enough to measure a rate it quotes none. These settings include steps
/// where the whole run's rate points the other way (at ρ = 1.5, T = 10,
/// seed 1 the gradient grows ×1.3 per step over the first steps back and
/// vanishes over the whole run): words chosen from it were wrong there.
/// Where it vanishes, the words say whether W_recᵀ's part of the measured
/// rate stretched the gradient (saturation undid it) or shrank it too. The
/// two parts (here written out from the lab's per-step splits) multiply to
/// the rate itself, so they never point the other way from it (a mean of the
/// steps' factors once did: ×0.98 beside a fitted ×1.05).
#[test]
fn the_explanation_follows_the_rate_measured_so_far() {
    use deepstep::lessons::rnn::why::Why;
    use deepstep::math::format::{num, pow10};
    let kind = |w: &Why| std::mem::discriminant(w);
    let mut whole_run_would_differ = 0;
    let (mut saturated, mut both_shrink) = (0, 0);
    // The measured rate's (gate, W_recᵀ) parts, log10, written out: over the
    // values the rate is fitted on (of t = step..=T, the farther half from
    // the loss), the least-squares slope against the distance T − t of each
    // part summed from the fitted value nearest the loss.
    let split = |l: &RnnLab, len: usize| -> (f64, f64) {
        let n = len + 1 - l.view.step;
        let fitted: Vec<usize> = (l.view.step..l.view.step + n - n / 2).collect();
        let nearest = *fitted.last().unwrap();
        let sum = |t: usize, part: fn(&(f64, f64)) -> f64| -> f64 {
            (t + 1..=nearest).map(|u| part(&l.splits[u - 2].unwrap())).sum()
        };
        let slope = |part: fn(&(f64, f64)) -> f64| {
            let pts: Vec<(f64, f64)> = fitted.iter().map(|&t| ((len - t) as f64, sum(t, part))).collect();
            let k = pts.len() as f64;
            let (mx, my) = (pts.iter().map(|p| p.0).sum::<f64>() / k, pts.iter().map(|p| p.1).sum::<f64>() / k);
            let sxx: f64 = pts.iter().map(|p| (p.0 - mx).powi(2)).sum();
            pts.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum::<f64>() / sxx
        };
        (slope(|p| p.0), slope(|p| p.1))
    };
    let words_in = |l: &RnnLab, t: &deepstep::text::Text, said: &str| {
        deepstep::lessons::rnn::note::note(l, t).sections.iter().any(|s| s.lines.iter().any(|x| x.contains(said)))
    };
    for (radius, len, seed) in [(1.5, 10, 1), (1.5, 10, 2), (1.5, 20, 1), (1.2, 60, 2), (2.0, 30, 0), (1.5, 100, 2)] {
        let s = RnnSettings { cell: CellKind::Tanh, radius, len, seed, ..Default::default() };
        let mut l = RnnLab::new(s).unwrap();
        l.view.predict.on = false;
        l.update(Action::First);
        for _ in 0..2 * len {
            let (so_far, why) = (l.rate_so_far(), l.why_now());
            let note = deepstep::lessons::rnn::note::note(&l, &EN);
            let words = note.sections.iter().flat_map(|s| s.lines.iter()).cloned().collect::<Vec<_>>().join("\n");
            let at = format!("ρ {radius}, T {len}, seed {seed}, {:?} step {}: {why:?}", l.view.phase, l.view.step);
            assert_eq!(why.rate(), so_far, "{at}");
            match why {
                Why::TanhSaturated { sigma, mean_slope, rate } => {
                    let (gate, w) = split(&l, len);
                    assert!(rate < 1.0 && gate + w < 0.0 && w > 0.0, "{at}");
                    assert!((gate + w - rate.log10()).abs() < 1e-9, "{at}: the parts multiply to the rate");
                    assert!(words.contains(&(EN.rnn.why_tanh_saturated)(&num(sigma), &num(mean_slope))), "{at}");
                    saturated += 1;
                }
                Why::TanhBothShrink { sigma, mean_slope, rate, stretch_log10 } => {
                    let (gate, w) = split(&l, len);
                    assert!(rate < 1.0 && gate + w < 0.0 && w <= 0.0 && (stretch_log10 - w).abs() < 1e-12, "{at}");
                    for t in [&EN, &KO] {
                        let said = (t.rnn.why_tanh_both_shrink)(&num(sigma), &pow10(w), &num(mean_slope));
                        assert!(words_in(&l, t, &said), "{at}");
                    }
                    both_shrink += 1;
                }
                Why::TanhGrows { sigma, mean_slope, rate } => {
                    let (gate, w) = split(&l, len);
                    assert!(rate >= 1.0 && gate + w >= 0.0, "{at}");
                    assert!(words.contains(&(EN.rnn.why_tanh_grows)(&num(sigma), &num(mean_slope))), "{at}");
                }
                Why::TanhNotYet { sigma, mean_slope } => {
                    assert!(words.contains(&(EN.rnn.why_tanh_not_yet)(&num(sigma), &num(mean_slope))), "{at}");
                }
                other => panic!("{at}: {other:?}"),
            }
            match so_far {
                Some(r) => assert!(words.contains(&(EN.rnn.measured_per_step)(&num(r))), "{at}\n{words}"),
                None => assert!(l.view.phase == Phase::Forward || l.view.step + 2 >= len, "{at}"),
            }
            if so_far.is_some() && kind(&why) != kind(&l.why) {
                whole_run_would_differ += 1;
            }
            l.update(Action::Next);
        }
    }
    assert!(whole_run_would_differ > 0, "no step where the whole run's rate points the other way");
    assert!(saturated > 0 && both_shrink > 0, "cases seen: {saturated}, {both_shrink}");
}

/// Too short to measure a rate (T = 1 or 2): at every frame the words say a
/// longer sequence would show one, never that stepping back will (which it
/// cannot here), and quote no rate.
#[test]
fn a_sequence_too_short_for_a_rate_says_so_at_every_step() {
    use deepstep::lessons::rnn::why::Why;
    use deepstep::math::format::num;
    for len in [1, 2] {
        let mut l = RnnLab::new(RnnSettings { cell: CellKind::Tanh, radius: 1.5, len, ..Default::default() }).unwrap();
        l.view.predict.on = false;
        assert_eq!(l.charts.rate, None);
        l.update(Action::First);
        for _ in 0..2 * len + 1 {
            let at = format!("T {len}, {:?} step {}", l.view.phase, l.view.step);
            let Why::TanhOpen { sigma, mean_slope } = l.why_now() else { panic!("{at}: {:?}", l.why_now()) };
            for t in [&EN, &KO] {
                let said = (t.rnn.why_tanh_open)(&num(sigma), &num(mean_slope));
                let note = deepstep::lessons::rnn::note::note(&l, t);
                let lines: Vec<&String> = note.sections.iter().flat_map(|s| s.lines.iter()).collect();
                assert!(lines.iter().any(|x| x.contains(&said)), "{at}");
                // What the quoted rate starts with, up to the number.
                let quoted = (t.rnn.measured_per_step)("\u{0}");
                let quoted = quoted.split('\u{0}').next().unwrap();
                assert!(!lines.iter().any(|x| x.contains(quoted)), "{at}: {quoted}");
            }
            l.update(Action::Next);
        }
    }
}

/// The LSTM's note carries both gradients it sends back, dL/dc and dL/dh.
#[test]
fn the_lstm_backward_formula_has_both_gradients() {
    let lstm = RnnLab::new(RnnSettings { cell: CellKind::Lstm, len: 5, ..Default::default() }).unwrap();
    let note = deepstep::lessons::rnn::note::note(&lstm, &EN);
    let formulas = note.sections.iter().find(|s| s.heading == EN.note.formulas).unwrap();
    assert!(
        formulas.lines.iter().any(|l| l.contains("dL/dc_t =") && l.contains("dL/dh_{t−1} =")),
        "{:?}",
        formulas.lines
    );
    let tanh = RnnLab::new(RnnSettings { cell: CellKind::Tanh, len: 5, ..Default::default() }).unwrap();
    let note = deepstep::lessons::rnn::note::note(&tanh, &EN);
    let formulas = note.sections.iter().find(|s| s.heading == EN.note.formulas).unwrap();
    assert!(!formulas.lines.iter().any(|l| l.contains("dL/dc")), "{:?}", formulas.lines);
}

/// Each step back is split into the gate's stretch ||tanh′ ⊙ g|| / ||g|| and
/// W_recᵀ's, recomputed here from the plain vectors: they multiply to the
/// step's factor, and the linear cell's gate is ×1.
#[test]
fn each_step_back_splits_into_the_gate_and_the_weights() {
    let l = RnnLab::new(RnnSettings { len: 8, ..Default::default() }).unwrap();
    let dh = l.run.grads.dh.to_plain();
    let h = l.run.forward.h.to_plain();
    let w = &l.run.params.w_hh;
    let norm = |v: &ndarray::Array1<f64>| v.dot(v).sqrt();
    for t in 2..=8 {
        let g = dh.row(t - 1).to_owned();
        let gated: ndarray::Array1<f64> = &g * &h.row(t).mapv(|v| 1.0 - v * v);
        let back = w.t().dot(&gated);
        let (gate, weights) = l.splits[t - 2].unwrap();
        assert!((gate - (norm(&gated) / norm(&g)).log10()).abs() < 1e-9, "t = {t}");
        assert!((weights - (norm(&back) / norm(&gated)).log10()).abs() < 1e-9, "t = {t}");
        // W_recᵀ δ_t is dL/dh_{t−1} (the loss is on the last step only).
        assert!((norm(&back) - norm(&dh.row(t - 2).to_owned())).abs() < 1e-9 * norm(&back).max(1e-300));
        assert!((gate + weights - l.factors[t - 2].unwrap()).abs() < 1e-9);
    }
    let linear = RnnLab::new(RnnSettings { len: 6, cell: CellKind::Linear, ..Default::default() }).unwrap();
    assert!(linear.splits.iter().all(|s| s.is_some_and(|(gate, _)| gate.abs() < 1e-12)));
    let lstm = RnnLab::new(RnnSettings { len: 6, cell: CellKind::Lstm, ..Default::default() }).unwrap();
    assert!(lstm.splits.iter().all(Option::is_none));
}

/// The split shows under the chart once BPTT has taken a step back.
#[test]
fn the_split_is_on_screen_during_bptt() {
    use deepstep::app::App;
    use deepstep::lessons::lesson::mount;
    let mut l = RnnLab::new(RnnSettings { len: 6, ..Default::default() }).unwrap();
    for _ in 0..7 {
        l.update(Action::Next);
    }
    assert_eq!((l.view.phase, l.view.step), (Phase::Backward, 5));
    let (f, (g, w)) = (l.factors[4].unwrap(), l.splits[4].unwrap());
    let pw = deepstep::math::format::pow10;
    let want = (EN.rnn.split)(6, 5, &pw(f), &pw(g), &pw(w));
    let mut app = App::new(mount(l), &EN, deepstep::ui::theme::Theme::MONO);
    let (s, _) = common::draw(&mut app, 120, 40);
    let head: String = want.chars().take(36).collect();
    assert!(s.contains(&head), "{want}\n{s}");
}

/// The step's vectors are the run's own: every entry for H ≤ 4, the first
/// four and the norm above; forward h_{t−1}, h_t; backward dL/dh_t, δ_t, dL/dh_{t−1}.
#[test]
fn the_step_vectors_are_the_runs_numbers() {
    use deepstep::lessons::rnn::lab::VectorKind;
    let mut l = RnnLab::new(RnnSettings { hidden: 3, len: 4, ..Default::default() }).unwrap();
    l.update(Action::Next); // forward, t = 2
    let h = l.run.forward.h.to_plain();
    let (u, v) = l.step_vectors();
    assert_eq!(u, 2);
    assert_eq!(v.iter().map(|v| v.kind).collect::<Vec<_>>(), [VectorKind::HPrev, VectorKind::H]);
    for (i, (sign, log)) in v[1].entries.iter().enumerate() {
        assert!((sign * 10f64.powf(*log) - h[[2, i]]).abs() < 1e-12, "h_2[{i}]");
    }
    assert!(!v[1].more && v[1].entries.len() == 3);
    assert!((v[1].norm_log10 - l.h_log10[1]).abs() < 1e-12);
    for _ in 0..3 {
        l.update(Action::Next); // into BPTT: t = 4
    }
    assert_eq!((l.view.phase, l.view.step), (Phase::Backward, 4));
    let (u, v) = l.step_vectors();
    assert_eq!((u, v.len(), v[0].kind), (4, 1, VectorKind::Dh), "at T only dL/dh_T: nothing ahead");
    l.update(Action::Next); // t = 3: the step from 4 that filled dL/dh_3
    let (dh, delta) = (l.run.grads.dh.to_plain(), l.run.grads.delta_hh().to_plain());
    let (u, v) = l.step_vectors();
    assert_eq!(u, 4);
    assert_eq!(v.iter().map(|v| v.kind).collect::<Vec<_>>(), [VectorKind::Dh, VectorKind::Delta, VectorKind::DhPrev]);
    let value = |e: &(f64, f64)| e.0 * 10f64.powf(e.1);
    assert!((value(&v[0].entries[1]) - dh[[3, 1]]).abs() < 1e-12);
    assert!((value(&v[1].entries[0]) - delta[[3, 0]]).abs() < 1e-12);
    assert!((value(&v[2].entries[2]) - dh[[2, 2]]).abs() < 1e-12);
    // H = 8: the first four entries and the norm.
    let big = RnnLab::new(RnnSettings { hidden: 8, len: 3, ..Default::default() }).unwrap();
    let (_, v) = big.step_vectors();
    assert!(v[1].more && v[1].entries.len() == 4);
}

/// A wrong prediction is followed by the breakdown of the step it missed:
/// ×factor = ×gate × W_recᵀ's stretch, on screen beside the verdict.
#[test]
fn a_wrong_prediction_shows_the_steps_breakdown() {
    use deepstep::app::App;
    use deepstep::lessons::lesson::mount;
    let mut l = RnnLab::new(RnnSettings { len: 12, ..Default::default() }).unwrap();
    l.update(Action::TogglePredict);
    l.update(Action::Last);
    l.update(Action::JumpTo(8));
    l.update(Action::Next);
    for c in "x40".chars() {
        l.update(Action::Prompt(Edit::Type(c)));
    }
    l.update(Action::Prompt(Edit::Submit));
    assert!(matches!(l.message, Some(Message::Wrong(..))), "{:?}", l.message);
    assert_eq!(l.view.step, 7);
    let pw = deepstep::math::format::pow10;
    let (f, (g, w)) = (l.factors[6].unwrap(), l.splits[6].unwrap());
    let want: String = (EN.rnn.split)(8, 7, &pw(f), &pw(g), &pw(w)).chars().take(36).collect();
    let mut app = App::new(mount(l), &EN, deepstep::ui::theme::Theme::MONO);
    let (s, _) = common::draw(&mut app, 120, 40);
    assert!(s.contains(&want), "{want}\n{s}");
}

/// The length chart reuses the run's forward pass: each point is exactly
/// the separate run of that length's ||dL/dh_1||, for every cell.
#[test]
fn the_length_chart_equals_separate_runs_of_each_length() {
    for cell in CellKind::ALL {
        for truncation in [None, Some(5)] {
            let s = RnnSettings { cell, len: 50, radius: 1.2, truncation, ..Default::default() };
            let l = RnnLab::build(s.clone(), Chart::Length).unwrap();
            let want: Vec<(usize, f64)> = [1, 2, 3, 5, 10, 20, 30, 50]
                .iter()
                .map(|&t| (t, RnnSettings { len: t, ..s.clone() }.run().unwrap().grads.dh_log10_norms()[0]))
                .collect();
            assert_eq!(l.charts.by_length, want, "{cell:?} truncation {truncation:?}");
        }
    }
}

/// Review point 10: the forget bias is the LSTM's. With another cell the
/// knob says it does not apply, selection steps over it, and it changes nothing.
#[test]
fn the_forget_bias_knob_applies_only_to_the_lstm() {
    use deepstep::lessons::rnn::view::knob_rows;
    let mut l = lab(10);
    let row = |l: &RnnLab| knob_rows(l, &EN)[Knob::ForgetBias.index()].1.clone();
    assert_eq!(row(&l), EN.rnn.not_applicable);
    l.view.knob = Knob::InputScale;
    l.update(Action::KnobDown);
    assert_eq!(l.view.knob, Knob::Truncation, "selection steps over the forget bias");
    l.update(Action::KnobUp);
    assert_eq!(l.view.knob, Knob::InputScale);
    l.view.knob = Knob::ForgetBias;
    let before = l.settings.clone();
    l.update(Action::KnobInc);
    assert_eq!(l.settings, before, "turning it changes nothing");
    l.view.knob = Knob::Cell;
    l.update(Action::KnobInc); // tanh → LSTM
    assert_eq!(l.settings.cell, CellKind::Lstm);
    assert_eq!(row(&l), deepstep::math::format::num(l.settings.forget_bias));
    l.view.knob = Knob::InputScale;
    l.update(Action::KnobDown);
    assert_eq!(l.view.knob, Knob::ForgetBias);
}

/// Review point 7: under σ_max < 1 the words also say which factor did the
/// shrinking, from the mean split measured over the steps reached: at input
/// scale 10 the saturated gate, at scale 1 here W_recᵀ.
#[test]
fn the_bound_explanation_names_the_factor_that_measured_most() {
    use deepstep::lessons::rnn::view::explanation;
    use deepstep::math::format::pow10_beside_one;
    for (scale, gate_most) in [(10.0, true), (0.5, false)] {
        let mut l = RnnLab::new(RnnSettings { input_scale: scale, ..Default::default() }).unwrap();
        l.update(Action::Last);
        let (g, w) = deepstep::math::rnn::rate_split_log10(&l.dh_log10, &l.splits).unwrap();
        assert_eq!(g < w, gate_most, "scale {scale}: gate {g}, W_rec {w}");
        // The two parts quoted multiply to the rate quoted after them.
        assert!((g + w - l.rate_so_far().unwrap().log10()).abs() < 1e-9, "scale {scale}");
        assert_eq!(l.why_now().gate_shrinks_most(), Some(gate_most));
        for t in [&EN, &KO] {
            let words = explanation(&l, t);
            let (g, w) = (pow10_beside_one(g), pow10_beside_one(w));
            let want = if gate_most { (t.rnn.bound_gate_most)(&g, &w) } else { (t.rnn.bound_w_most)(&g, &w) };
            assert!(words.contains(&want), "scale {scale}: {words}");
        }
    }
    // Before BPTT has measured a step, no factor is named.
    let l = lab(30);
    assert_eq!(l.why_now().gate_shrinks_most(), None);
}
