//! The RNN lab's explanation against the numbers printed beside it, over a
//! grid of every cell × ρ from 0.1 to 3 × lengths, hidden sizes and seeds:
//! a regime word (vanishing, exploding) only beside a measured rate on its
//! side of 1; every condition a sentence states ("σ_max < 1", "σ_max ≥ 1",
//! "grows", "shrinks") true of the number printed with it; the note's title
//! and settings the run's own.

use deepstep::lessons::rnn::lab::{Action, RnnLab};
use deepstep::lessons::rnn::note::note;
use deepstep::lessons::rnn::settings::RnnSettings;
use deepstep::math::format::num;
use deepstep::math::rnn::{self, CellKind};
use deepstep::text::{EN, KO, Text};

/// The number written right after `after` in `text`, if any.
fn number_after(text: &str, after: &str) -> Option<f64> {
    let i = text.find(after)? + after.len();
    let s: String = text[i..].chars().take_while(|c| c.is_ascii_digit() || ".e-".contains(*c)).collect();
    s.trim_end_matches(['.', '-']).parse().ok()
}

fn explanation_of(lab: &RnnLab, t: &Text) -> (String, Vec<String>, String) {
    let n = note(lab, t);
    let section = |title: &str| n.sections.iter().find(|s| s.heading == title).map(|s| s.lines.clone()).unwrap();
    (section(t.note.explanation)[0].clone(), section(t.note.settings), n.title)
}

#[test]
fn regime_words_and_stated_conditions_agree_with_the_numbers_on_a_grid() {
    let mut cases = 0;
    let mut regimes = [0; 2];
    for cell in CellKind::ALL {
        for radius in [0.1, 0.5, 0.9, 1.0, 1.1, 1.3, 2.0, 3.0] {
            for (len, hidden) in [(2, 3), (5, 33), (13, 16), (60, 2)] {
                for seed in [1, 614138] {
                    let s = RnnSettings { cell, radius, len, hidden, seed, ..Default::default() };
                    let mut lab = RnnLab::new(s.clone()).unwrap();
                    lab.update(Action::Last);
                    assert!(lab.bptt_done());
                    let at = format!("{cell:?} ρ {radius} T {len} H {hidden} seed {seed}");
                    let rate = rnn::rate_per_step(&lab.dh_log10);
                    let sigma = rnn::spectral_norm(&lab.run.params.w_hh);
                    cases += 1;
                    for t in [&EN, &KO] {
                        let (why, settings, title) = explanation_of(&lab, t);
                        let at = format!("{at} ({:?}): {why}", t.lang);
                        // The rate printed beside the words is the one measured, on its side of 1.
                        let printed = number_after(&why, "Measured: ×")
                            .or_else(|| number_after(&why, "측정값: 한 단계 거슬러 갈 때마다 "));
                        match (rate, printed) {
                            (Some(r), Some(p)) => {
                                assert_eq!(p.partial_cmp(&1.0), r.partial_cmp(&1.0), "{at}");
                                assert!((p - r).abs() <= 1e-3 * r, "{at}: printed ×{p}, measured ×{r}");
                            }
                            (None, Some(_)) => panic!("a rate quoted where none is measured: {at}"),
                            _ => {}
                        }
                        // Regime words only beside a measured rate on their side of 1 (or, for
                        // vanishing, beside Pascanu's bound, which makes every step shrink).
                        let exploding = why.contains("exploding") || why.contains("폭주");
                        let vanishing = why.contains("vanish") || why.contains("소실");
                        let bound = why.contains("σ_max < 1");
                        if exploding {
                            regimes[1] += 1;
                            assert!(rate.is_some_and(|r| r > 1.0), "{at}");
                        }
                        if vanishing {
                            regimes[0] += 1;
                            assert!(rate.map_or(bound, |r| r < 1.0), "{at}");
                        }
                        // σ_max as printed satisfies the condition stated beside it, and is the matrix's.
                        if let Some(p) = number_after(&why, "σ_max = ") {
                            assert!((p - sigma).abs() <= 1e-3 * sigma, "{at}: printed {p}, σ_max {sigma}");
                            if bound {
                                assert!(p < 1.0 && sigma < 1.0, "{at}");
                            }
                            if why.contains("≥ 1") {
                                assert!(p >= 1.0, "{at}");
                            }
                        }
                        // The linear cell's long-run trend is ρ's.
                        if cell == CellKind::Linear && t.lang == deepstep::text::Lang::En {
                            assert_eq!(number_after(&why, "ρ = "), Some(radius), "{at}");
                            let long_grows = why.contains("it grows") || why.contains("grows geometrically");
                            assert_eq!(long_grows, radius > 1.0, "{at}");
                        }
                        // The note shows the parameters used.
                        assert!(title.contains(t.rnn.cell_names[cell.index()]), "{at}: {title}");
                        let all = settings.join("\n");
                        for v in [num(radius), len.to_string(), hidden.to_string(), seed.to_string()] {
                            assert!(all.contains(&v), "{at}: {v} in {all}");
                        }
                    }
                }
            }
        }
    }
    assert!(cases == 256 && regimes.iter().all(|n| *n > 0), "{cases} runs, regimes seen {regimes:?}");
}

/// The audit's cases: a linear cell at ρ > 1 whose gradient still shrinks
/// over the steps measured, and tanh at ρ = 1 exactly, where σ_max is 1 to
/// round-off either way.
#[test]
fn the_linear_cell_and_rho_one_are_said_as_measured() {
    for (hidden, len, radius, seed) in [(33, 5, 1.1, 614138), (64, 13, 1.1, 176283), (33, 3, 1.3, 179871)] {
        let s = RnnSettings { cell: CellKind::Linear, radius, len, hidden, seed, ..Default::default() };
        let mut lab = RnnLab::new(s).unwrap();
        lab.update(Action::Last);
        let r = rnn::rate_per_step(&lab.dh_log10).unwrap();
        assert!(r < 1.0, "this run shrinks: ×{r}");
        let (why, ..) = explanation_of(&lab, &EN);
        assert!(!why.contains("exploding") && why.contains("has not shown yet"), "{why}");
    }
    for (hidden, len, seed, input_scale) in [(8, 30, 1, 1.0), (2, 60, 783740, 0.5), (8, 30, 5, 1.0)] {
        let s = RnnSettings { cell: CellKind::Tanh, radius: 1.0, len, hidden, seed, input_scale, ..Default::default() };
        let mut lab = RnnLab::new(s).unwrap();
        lab.update(Action::Last);
        for t in [&EN, &KO] {
            let (why, ..) = explanation_of(&lab, t);
            assert!(!why.contains("σ_max < 1") && why.contains("σ_max = 1"), "{why}");
        }
    }
}
