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
