//! Tests of `deepstep::lessons::rnn::settings` (`src/lessons/rnn/settings.rs`).

use deepstep::lessons::rnn::settings::*;
use deepstep::math::rnn::RnnError;

#[test]
fn settings_out_of_range_are_errors() {
    let bad = RnnSettings { radius: 5.0, ..Default::default() };
    assert_eq!(bad.run().unwrap_err(), SettingError::Radius(5.0));
    let bad = RnnSettings { len: 0, ..Default::default() };
    assert_eq!(bad.run().unwrap_err(), SettingError::Len(0));
    let bad = RnnSettings { hidden: 65, ..Default::default() };
    assert_eq!(bad.run().unwrap_err(), SettingError::Hidden(65));
    let bad = RnnSettings { truncation: Some(0), ..Default::default() };
    assert!(matches!(bad.run().unwrap_err(), SettingError::Math(RnnError::ZeroWindow)));
    assert_eq!(RnnSettings::default().run().unwrap().grads.dh.rows(), 30);
}

#[test]
fn the_sweeps_norms_are_the_runs() {
    for cell in deepstep::math::rnn::CellKind::ALL {
        let s = RnnSettings { cell, radius: 2.0, len: 300, hidden: 5, seed: 4, ..Default::default() };
        assert_eq!(s.dh_log10_norms().unwrap(), s.run().unwrap().grads.dh_log10_norms(), "{cell:?}");
    }
    let bad = RnnSettings { hidden: 0, ..Default::default() };
    assert_eq!(bad.dh_log10_norms().unwrap_err(), SettingError::Hidden(0));
}

/// A run in which f64 rounds a reached step's gradient to 0 is refused,
/// naming the step, instead of showing 0 (the true value is positive): the
/// saturated cells at an input scale of 500 or 1e308. The linear cell has
/// no slope to saturate; the knobs' own ranges never get there.
#[test]
fn a_gradient_f64_rounds_to_zero_is_refused_not_shown_as_zero() {
    use deepstep::math::rnn::CellKind;
    for (cell, scale, refused) in [
        (CellKind::Tanh, 500.0, true),
        (CellKind::Tanh, 1e308, true),
        (CellKind::Lstm, 1e308, true),
        (CellKind::Gru, 1e308, true),
        (CellKind::Linear, 1e308, false),
        (CellKind::Tanh, 200.0, false),
    ] {
        let s = RnnSettings { cell, input_scale: scale, ..Default::default() };
        match s.run() {
            Err(SettingError::BelowF64 { scale: got, step }) => {
                assert!(refused, "{cell:?} at {scale}: refused at step {step}");
                assert_eq!(got, scale);
                // The sweep's norms are refused alike, and the words name the step.
                assert_eq!(s.dh_log10_norms().unwrap_err(), SettingError::BelowF64 { scale, step });
                for t in [&deepstep::text::EN, &deepstep::text::KO] {
                    assert!(s.run().unwrap_err().describe(t).contains(&format!("h_{step}")));
                }
            }
            Ok(run) => {
                assert!(!refused, "{cell:?} at {scale} was not refused");
                assert!(run.grads.dh_log10_norms().iter().all(|l| l.is_finite()), "{cell:?} at {scale}");
            }
            Err(e) => panic!("{cell:?} at {scale}: {e}"),
        }
    }
    // The knobs' ends: input scale 10, radius 3 or 0.1, the largest hidden size.
    for cell in CellKind::ALL {
        for (radius, len, hidden) in [(3.0, 200, 64), (0.1, 1000, 2)] {
            let s = RnnSettings { cell, radius, len, hidden, input_scale: 10.0, ..Default::default() };
            assert!(s.run().is_ok(), "{cell:?} radius {radius}");
        }
    }
    // Truncated steps are 0 by definition, not by rounding: not refused.
    let s = RnnSettings { input_scale: 1000.0, truncation: Some(1), len: 5, ..Default::default() };
    let norms = s.run().unwrap().grads.dh_log10_norms();
    assert_eq!(norms[..3], [f64::NEG_INFINITY; 3]);
}
