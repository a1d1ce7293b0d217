//! The RNN lab's screen at 80×24 and 120×40 (review 2026-12, D2, D3, D9,
//! D14, D15, D25): every panel whole, the step's vectors on screen, cut
//! things marked, and the prompt and verdicts about the step they concern.

use crate::common::{draw, key};
use deepstep::app::App;
use deepstep::lessons::lesson::mount;
use deepstep::lessons::rnn::lab::{Phase, RnnLab};
use deepstep::lessons::rnn::settings::RnnSettings;
use deepstep::math::format::{num, pow10};
use deepstep::math::rnn::CellKind;
use deepstep::text::{EN, KO, Text};
use deepstep::ui::theme::Theme;
use ratatui::crossterm::event::KeyCode;

fn app(s: RnnSettings, t: &'static Text) -> App {
    App::new(mount(RnnLab::new(s).unwrap()), t, Theme::MONO)
}

fn press(app: &mut App, keys: &[KeyCode]) {
    for k in keys {
        app.handle(&key(*k));
    }
}

fn lab(app: &App) -> &RnnLab {
    app.front_lesson::<RnnLab>().unwrap()
}

/// The screen with its spacing squeezed, rows joined (wrapped text reads whole).
fn squash(s: &str) -> String {
    let body: Vec<&str> = s.lines().map(|l| l.trim_matches('|')).collect();
    body.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// D2: the chart's turn at 80×24 keeps its x axis and tick labels; the info
/// lines come under its frame, not over it, and no row is left blank.
#[test]
fn the_charts_turn_keeps_its_axis_and_the_info_lines_sit_below_it() {
    for t in [&EN, &KO] {
        for (cell, keys) in [
            (CellKind::Tanh, vec![KeyCode::End, KeyCode::Tab]),
            (CellKind::Tanh, vec![KeyCode::Home, KeyCode::Tab]),
            (CellKind::Lstm, vec![KeyCode::End, KeyCode::Tab]),
            (CellKind::Tanh, vec![KeyCode::End, KeyCode::Tab, KeyCode::Char('c')]),
            (CellKind::Tanh, vec![KeyCode::End, KeyCode::Tab, KeyCode::Char('c'), KeyCode::Char('c')]),
        ] {
            let mut a = app(RnnSettings { cell, ..Default::default() }, t);
            press(&mut a, &keys);
            let (s, _) = draw(&mut a, 80, 24);
            let rows: Vec<&str> = s.lines().collect();
            let frame_bottom = rows.iter().rposition(|r| r.starts_with("+-") && r.trim_end().ends_with("-+"));
            let frame_bottom = frame_bottom.unwrap_or_else(|| panic!("no chart frame:\n{s}"));
            // The axis: the row of dashes, then the tick labels, just above the frame's bottom.
            assert!(rows[frame_bottom - 2].contains("+----"), "axis line cut:\n{s}");
            assert!(
                rows[frame_bottom - 1].trim_end().trim_end_matches('|').ends_with(&num(lab(&a).len() as f64 - 1.0))
                    || rows[frame_bottom - 1].contains('0'),
                "tick labels:\n{s}"
            );
            let rate = rows.iter().position(|r| r.starts_with(t.rnn.rate_not_yet.split(' ').next().unwrap()));
            assert!(rate.is_some_and(|r| r == frame_bottom + 1), "the info lines follow the chart:\n{s}");
            let footer = rows.iter().position(|r| r.starts_with("Right/l")).expect("footer");
            assert!(rows[frame_bottom + 1..footer].iter().all(|r| !r.trim().is_empty()), "a blank row:\n{s}");
        }
    }
}

/// D3: at 80×24 the timeline shows every vector the step computes, each
/// on a row of its own, shortened with `… H in all` where it must be; its
/// frame ends on the knob panel's row.
#[test]
fn the_timeline_shows_the_vectors_of_the_step_at_80x24() {
    for t in [&EN, &KO] {
        for cell in [CellKind::Tanh, CellKind::Lstm, CellKind::Linear, CellKind::Gru] {
            for keys in [vec![KeyCode::End], vec![KeyCode::End, KeyCode::Left], vec![KeyCode::Right], vec![]] {
                let mut a = app(RnnSettings { cell, ..Default::default() }, t);
                press(&mut a, &keys);
                let (s, _) = draw(&mut a, 80, 24);
                let l = lab(&a);
                let (u, vectors) = l.step_vectors();
                let names = deepstep::text::vector_names(u);
                for v in &vectors {
                    let name = &names[v.kind as usize];
                    let row = s
                        .lines()
                        .find(|r| r.contains(&format!("|{name} = [")))
                        .unwrap_or_else(|| panic!("{cell:?} {keys:?}: {name} is not on screen:\n{s}"));
                    let first = deepstep::math::format::signed_pow10(v.entries[0].0, v.entries[0].1);
                    assert!(row.contains(&first) || row.contains(&(t.rnn.vector_more)(v.size)), "{name}:\n{s}");
                    if v.more {
                        assert!(s.contains(&(t.rnn.vector_more)(v.size)), "{name} is cut without a mark:\n{s}");
                    }
                }
                // The timeline's and the knob panel's frames end on one row.
                assert!(
                    s.lines().any(|r| r.starts_with("+-") && r.contains("-++-") && r.trim_end().ends_with('+')),
                    "frames misaligned:\n{s}"
                );
                if l.view.phase == Phase::Forward {
                    assert!(s.contains(&pow10(l.h_log10[l.view.step - 1])), "||h_t||:\n{s}");
                }
            }
        }
    }
}

/// D15: three-digit exponents get columns wide enough to stand apart and
/// whole; the running matrices show every entry whole at 120×40 (beside the
/// knobs) and at 80×24 (a Tab turn, named in the knob panel's title).
#[test]
fn long_numbers_and_the_running_matrices_are_whole() {
    let s = RnnSettings { hidden: 2, input_scale: 10.0, ..Default::default() };
    let mut a = app(s, &EN);
    press(&mut a, &[KeyCode::End]);
    let (screen, _) = draw(&mut a, 120, 40);
    let l = lab(&a);
    let row = screen.lines().find(|r| r.contains("||dL/dh_t||")).unwrap();
    let cells: Vec<&str> = row.split("||").nth(2).unwrap().split_whitespace().collect();
    assert!(cells.len() >= 3, "{screen}");
    for (i, c) in cells.iter().enumerate() {
        assert_eq!(*c, pow10(l.dh_log10[i]), "step {}:\n{screen}", i + 1);
    }
    for (h, scale) in [(2, 10.0), (4, 1.0)] {
        for (w, ht) in [(120, 40), (80, 24)] {
            let mut a = app(RnnSettings { hidden: h, input_scale: scale, ..Default::default() }, &EN);
            press(&mut a, &[KeyCode::End]);
            if ht == 24 {
                let (s, _) = draw(&mut a, w, ht);
                assert!(s.contains(EN.rnn.matrices_on_tab), "the matrices are not said to be a Tab away:\n{s}");
                press(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
            }
            let (s, _) = draw(&mut a, w, ht);
            let (wx, wrec) = lab(&a).matrices_now().unwrap();
            for m in [wx.to_plain(), wrec.to_plain()] {
                for row in m.rows() {
                    let want: Vec<String> = row.iter().map(|v| num(*v)).collect();
                    let joined = want.join(" ");
                    assert!(squash(&s).contains(&joined), "H = {h} at {w}x{ht}: row {joined} is not whole:\n{s}");
                }
            }
        }
    }
}

/// D9: a skipped question clears the verdict about the step before it.
#[test]
fn skipping_a_question_clears_the_previous_verdict() {
    let mut a = app(RnnSettings::default(), &EN);
    press(&mut a, &[KeyCode::Char('t')]);
    press(&mut a, &[KeyCode::Right; 31]);
    assert!(a.asking());
    press(&mut a, &[KeyCode::Char('3'), KeyCode::Enter]);
    let (s, _) = draw(&mut a, 80, 24);
    assert!(s.contains("Not quite"), "{s}");
    press(&mut a, &[KeyCode::Right, KeyCode::Esc]);
    assert!(!a.asking() && lab(&a).message.is_none());
    let (s, _) = draw(&mut a, 80, 24);
    assert!(!s.contains("Not quite"), "the last step's verdict under the new step:\n{s}");
}

/// D14: the growth question wraps whole at 80×24, in both languages, and
/// the caret sits on the answer's row.
#[test]
fn the_growth_question_is_whole_at_80x24() {
    for t in [&EN, &KO] {
        let mut a = app(RnnSettings::default(), t);
        press(&mut a, &[KeyCode::Char('t')]);
        press(&mut a, &[KeyCode::Right; 31]);
        press(&mut a, &[KeyCode::Char('x')]);
        let (s, mut term) = draw(&mut a, 80, 24);
        let q = (t.rnn.predict_growth)(30, 29);
        let words = |x: &str| x.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(squash(&s).contains(&words(&q)), "{q}\n{s}");
        let caret = term.get_cursor_position().unwrap();
        let row = s.lines().nth(caret.y as usize).unwrap();
        assert!(row.starts_with('x'), "caret row {}:\n{s}", caret.y);
    }
}

/// D25: the help's click row says what a click does here.
#[test]
fn help_says_a_click_goes_to_a_step() {
    let mut a = app(RnnSettings::default(), &EN);
    let rows = a.key_rows(false);
    assert!(rows.iter().any(|(k, w)| k == "click" && *w == EN.rnn.click_step), "{rows:?}");
    assert!(!rows.iter().any(|(_, w)| *w == EN.keys.click));
    press(&mut a, &[KeyCode::Char('?')]);
    let (s, _) = draw(&mut a, 80, 24);
    assert!(s.contains(EN.rnn.click_step), "{s}");
}

/// D22: the study note's measured rate is the one on screen (over the
/// steps BPTT has reached), under a capitalised heading, and agrees with
/// the rate its own explanation quotes.
#[test]
fn the_note_quotes_the_rate_the_screen_shows() {
    for t in [&EN, &KO] {
        let mut a = app(RnnSettings::default(), t);
        press(&mut a, &[KeyCode::End]);
        press(&mut a, &[KeyCode::Left; 25]); // backward at t = 26
        let l = lab(&a);
        let (now, whole) = (l.rate_so_far().unwrap(), l.charts.rate.unwrap());
        assert_ne!(num(now), num(whole), "the test needs the two rates to differ");
        let (s, _) = draw(&mut a, 120, 40);
        let shown = (t.rnn.rate)(&num(now));
        assert!(s.contains(&shown), "{s}");
        let note = a.note().unwrap();
        let measured = note.sections.iter().find(|s| s.heading == t.note.measured).expect("the measured section");
        assert!(measured.lines.contains(&shown), "{:?}", measured.lines);
        assert!(!measured.lines.contains(&(t.rnn.rate)(&num(whole))), "{:?}", measured.lines);
        let why = note.sections.iter().find(|s| s.heading == t.note.explanation).unwrap();
        assert!(why.lines[0].contains(&num(now)), "{:?}", why.lines);
    }
}

/// Review issue point 3: a wrong growth guess that is one factor of the
/// step alone (the gate's, or W_recᵀ's) is named, with both factors.
#[test]
fn a_guess_that_is_one_factor_alone_is_named() {
    use deepstep::lessons::input::Edit;
    use deepstep::lessons::rnn::lab::{Action, GrowthSlip, Message};
    // Default: step 30 → 29 has W_recᵀ well below 1/2; input scale 10: the gate.
    for (scale, slip) in [(1.0, GrowthSlip::GateOnly), (10.0, GrowthSlip::RecurrentOnly)] {
        let l = RnnLab::new(RnnSettings { input_scale: scale, ..Default::default() }).unwrap();
        // The first question asks the step from 30 back to 29 (split entry 28).
        let (gate, w) = l.splits[28].unwrap();
        let alone = if slip == GrowthSlip::GateOnly { gate } else { w };
        let typed = num(10f64.powf(alone));
        for t in [&EN, &KO] {
            let mut a = app(RnnSettings { input_scale: scale, ..Default::default() }, t);
            press(&mut a, &[KeyCode::Char('t')]);
            press(&mut a, &[KeyCode::Right; 31]);
            for c in typed.chars() {
                a.act::<RnnLab>(Action::Prompt(Edit::Type(c)));
            }
            a.act::<RnnLab>(Action::Prompt(Edit::Submit));
            assert_eq!(lab(&a).message, Some(Message::Wrong(l.factors[28].unwrap(), Some(slip))), "scale {scale}");
            let (s, _) = draw(&mut a, 80, 24);
            let words = match slip {
                GrowthSlip::GateOnly => (t.rnn.slip_gate_only)(&pow10(gate), &pow10(w)),
                GrowthSlip::RecurrentOnly => (t.rnn.slip_recurrent_only)(&pow10(gate), &pow10(w)),
            };
            let squeeze = |x: &str| x.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(squash(&s).contains(&squeeze(&words)), "{words}\n{s}");
        }
    }
    // Another wrong number names nothing.
    let mut a = app(RnnSettings::default(), &EN);
    press(&mut a, &[KeyCode::Char('t')]);
    press(&mut a, &[KeyCode::Right; 31]);
    press(&mut a, &[KeyCode::Char('9'), KeyCode::Enter]);
    assert!(matches!(lab(&a).message, Some(Message::Wrong(_, None))));
}

/// One factor alone, typed as the step shows it, is that slip even when it
/// lands within ×2 of the step's factor (which a vaguer guess may): the
/// gate alone where W_recᵀ's part is between ×0.5 and ×2.
#[test]
fn one_factor_alone_is_a_slip_even_within_twice_the_step() {
    use deepstep::lessons::input::Edit;
    use deepstep::lessons::rnn::lab::{Action, GrowthSlip, Message};
    let found = (0..40u64).find_map(|seed| {
        let s = RnnSettings { seed, ..Default::default() };
        let l = RnnLab::new(s.clone()).unwrap();
        let (gate, w) = l.splits[28]?;
        let typed = num(10f64.powf(gate));
        let within = w.abs() <= 2f64.log10() && typed != num(10f64.powf(gate + w));
        within.then_some((s, typed, l.factors[28].unwrap()))
    });
    let (s, typed, factor) = found.expect("a seed where the gate alone is within ×2 of the step");
    let mut a = app(s, &EN);
    press(&mut a, &[KeyCode::Char('t')]);
    press(&mut a, &[KeyCode::Right; 31]);
    for c in typed.chars() {
        a.act::<RnnLab>(Action::Prompt(Edit::Type(c)));
    }
    a.act::<RnnLab>(Action::Prompt(Edit::Submit));
    assert_eq!(lab(&a).message, Some(Message::Wrong(factor, Some(GrowthSlip::GateOnly))), "typed {typed}");
    assert_eq!(lab(&a).view.predict.score, (0, 1));
}

/// D25: a run too short to ever have a rate (T = 1, 2) says so plainly, and
/// not "yet"; T = 3 has one once BPTT is done.
#[test]
fn a_run_too_short_for_a_rate_says_why() {
    assert!(!deepstep::math::rnn::rate_possible(1) && !deepstep::math::rnn::rate_possible(2));
    assert!(deepstep::math::rnn::rate_possible(3));
    for t in [&EN, &KO] {
        for len in [1, 2] {
            let mut a = app(RnnSettings { len, ..Default::default() }, t);
            press(&mut a, &[KeyCode::End]);
            let (s, _) = draw(&mut a, 80, 24);
            assert!(squash(&s).contains(&squash(&(t.rnn.no_rate_short)(len))), "{s}");
            assert!(!s.contains(t.rnn.rate_not_yet) && !squash(&s).contains(&squash(t.rnn.no_rate)), "{s}");
        }
        let mut a = app(RnnSettings { len: 3, ..Default::default() }, t);
        press(&mut a, &[KeyCode::End]);
        assert!(lab(&a).rate_so_far().is_some());
    }
}

/// D25 (already so before this review's fixes): the LSTM's formulas name the
/// recurrent weights W_rec as the rest of the lab does, never W_hh.
#[test]
fn every_rnn_formula_says_w_rec() {
    let mut all: Vec<&str> = deepstep::text::CELL_FORMULAS.to_vec();
    all.extend([deepstep::text::BACKWARD_FORMULA, deepstep::text::LSTM_BACKWARD_FORMULA]);
    for t in [&EN, &KO] {
        all.extend([t.rnn.lstm_backward_formula, t.rnn.backward_formula]);
        all.extend(t.rnn.cell_formulas.iter().copied());
    }
    assert!(all.iter().all(|f| !f.contains("W_hh")), "{all:?}");
    assert!(deepstep::text::LSTM_BACKWARD_FORMULA.contains("W_recᵀ"));
    let mut a = app(RnnSettings { cell: CellKind::Lstm, ..Default::default() }, &EN);
    press(&mut a, &[KeyCode::End]);
    let (s, _) = draw(&mut a, 120, 40);
    assert!(s.contains("W_recᵀ") && !s.contains("W_hh"), "{s}");
}

/// Point 7, clipping (already so): with clipping on, the running norms on
/// screen are said to be before clipping, beside the clipping line.
#[test]
fn with_clipping_the_running_norms_are_said_to_be_before_it() {
    for t in [&EN, &KO] {
        let mut a = app(RnnSettings { clip: Some(0.1), ..Default::default() }, t);
        press(&mut a, &[KeyCode::End]);
        let (s, _) = draw(&mut a, 80, 24);
        let l = lab(&a);
        let (wx, wrec) = l.running[0];
        let said = (t.rnn.running_before_clip)(&pow10(wx), &pow10(wrec));
        // The info rows have no frame: their words, in order, across the wrap.
        let words = |x: &str| x.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words(&s).contains(&words(&said)), "{said}\n{s}");
    }
}

/// The explanation under the timeline is whole, or ends with the marked
/// pointer to the study note (which has it whole): never cut silently.
#[test]
fn the_explanation_is_whole_or_marked() {
    use deepstep::lessons::rnn::view::explanation;
    let words = |x: &str| x.split_whitespace().collect::<Vec<_>>().join(" ");
    let settings = CellKind::ALL.into_iter().flat_map(|cell| [0.9, 1.5, 2.5].map(|radius| (cell, radius))).flat_map(
        |(cell, radius)| [None, Some(0.1)].map(|clip| RnnSettings { cell, radius, clip, ..Default::default() }),
    );
    // Forward at step 1, and backward at steps 1, 2, 6 and 21.
    let walks: Vec<Vec<KeyCode>> = std::iter::once(vec![])
        .chain(
            [0, 1, 5, 20].map(|n| std::iter::once(KeyCode::End).chain(std::iter::repeat_n(KeyCode::Left, n)).collect()),
        )
        .collect();
    for t in [&EN, &KO] {
        for s in settings.clone() {
            for keys in &walks {
                let mut a = app(s.clone(), t);
                press(&mut a, keys);
                let (screen, _) = draw(&mut a, 80, 24);
                let whole = words(&explanation(lab(&a), t));
                if words(&screen).contains(&words(t.rnn.explanation_rest)) {
                    let note = a.note().unwrap();
                    let why = note.sections.iter().find(|x| x.heading == t.note.explanation).unwrap();
                    assert!(words(&why.lines[0]).contains(&whole), "the note has it whole");
                } else {
                    assert!(words(&screen).contains(&whole), "{s:?} {keys:?}: cut silently:\n{screen}");
                }
            }
        }
    }
}

/// The walker's rule that a listed key changes the screen: `c` shows the
/// chart it moves to (its turn on a small screen), a knob key shows the
/// knobs, Tab shows another panel at any size, and a knob at the end of its
/// range does not list the key that would go past it.
#[test]
fn listed_keys_show_what_they_do() {
    let mut a = app(RnnSettings::default(), &EN);
    press(&mut a, &[KeyCode::Char('c')]);
    let (s, _) = draw(&mut a, 80, 24);
    assert!(s.contains(EN.rnn.chart_cells), "{s}");
    press(&mut a, &[KeyCode::Char(']')]);
    let (s, _) = draw(&mut a, 80, 24);
    assert!(s.contains(EN.rnn.knobs), "{s}");
    let (before, _) = draw(&mut a, 120, 40);
    press(&mut a, &[KeyCode::Tab]);
    let (after, _) = draw(&mut a, 120, 40);
    assert_ne!(before, after, "Tab at 120×40");
    // The seed at 0: `[` and `-` are not listed, and `]` is.
    let mut l = RnnLab::new(RnnSettings { seed: 0, ..Default::default() }).unwrap();
    l.view.knob = deepstep::lessons::rnn::lab::Knob::Seed;
    let rows = deepstep::lessons::rnn::keys::lab_table(&l, &EN);
    assert!(!rows.iter().any(|b| b.what == EN.keys.knob_dec) && rows.iter().any(|b| b.what == EN.keys.knob_inc));
}

/// Tab's row names the matrices only where they are one of its panels.
#[test]
fn tab_names_the_matrices_only_where_they_are_a_panel() {
    use deepstep::lessons::rnn::keys::lab_table;
    let what = |l: &RnnLab| {
        lab_table(l, &EN)
            .into_iter()
            .find(|b| b.action == deepstep::lessons::rnn::lab::Action::SwitchPanel)
            .unwrap()
            .what
    };
    let mut small = RnnLab::new(RnnSettings { hidden: 2, ..Default::default() }).unwrap();
    assert_eq!(what(&small), EN.rnn.switch_panel, "forward: no matrices yet");
    small.update(deepstep::lessons::rnn::lab::Action::Last);
    assert_eq!(what(&small), EN.rnn.switch_panel_matrices);
    let mut big = RnnLab::new(RnnSettings::default()).unwrap();
    big.update(deepstep::lessons::rnn::lab::Action::Last);
    assert_eq!(what(&big), EN.rnn.switch_panel, "H = 8 keeps no matrices");
}

/// A chart's title is a border title, which cannot wrap: at 80×24 the length
/// chart's title with "(shown once BPTT has reached step 1)" is written
/// whole or cut with "…", in both languages, at both widths of the panel.
#[test]
fn a_long_chart_title_is_whole_or_marked() {
    for t in [&EN, &KO] {
        for hidden in [8, 4] {
            let mut a = app(RnnSettings { hidden, ..Default::default() }, t);
            // Into BPTT, then the length chart (`c` twice), which waits for step 1.
            press(&mut a, &[KeyCode::End, KeyCode::Left, KeyCode::Char('c'), KeyCode::Char('c')]);
            for (w, h) in [(80, 24), (120, 40)] {
                let (s, _) = draw(&mut a, w, h);
                let full = format!("{} ({})", t.rnn.chart_length, t.rnn.after_bptt);
                let head: String = full.chars().take(20).collect();
                let line = s.lines().find(|l| l.contains(&head)).unwrap_or_else(|| panic!("no chart title:\n{s}"));
                assert!(line.contains(&full) || line.contains('…'), "{w}×{h} H={hidden}: {line}\n{s}");
            }
        }
    }
}

/// The verdict on a prediction is on screen after Enter even when a chart
/// had the panel's turn (`c` at 80×24, or the large chart at 120×40): the
/// answer was typed under the timeline, and its verdict is written there.
#[test]
fn the_verdict_shows_after_answering_with_the_chart_in_front() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(RnnSettings::default(), &EN);
        press(&mut a, &[KeyCode::Char('c'), KeyCode::Char('t')]);
        press(&mut a, &[KeyCode::Right; 31]);
        assert!(a.asking(), "{w}×{h}");
        press(&mut a, &[KeyCode::Char('3'), KeyCode::Enter]);
        let (s, _) = draw(&mut a, w, h);
        assert!(s.contains("Not quite"), "{w}×{h}:\n{s}");
    }
}
