//! Tests of `deepstep::lessons::rnn::background` (`src/lessons/rnn/background.rs`).

use deepstep::lessons::rnn::background::*;
use deepstep::lessons::rnn::lab::RnnLab;
use deepstep::lessons::rnn::lab::{Action, Computing};
use deepstep::lessons::rnn::settings::RnnSettings;

/// If the worker ever died, a knob change or a chart switch would say
/// "computing…" for ever; instead the lab computes it on the spot, the
/// same numbers as without a worker, and goes on without one.
#[test]
fn a_lab_whose_worker_has_gone_computes_on_the_spot() {
    let s = RnnSettings { len: 12, ..Default::default() };
    let mut lab = RnnLab::new(s.clone()).unwrap();
    lab.background = Some(Background::stopped());
    lab.update(Action::KnobInc);
    assert!(matches!(lab.computing, Some(Computing::Run(_))));
    lab.update(Action::Poll);
    assert!(lab.background.is_none() && lab.computing.is_none());
    let want = RnnLab::build(lab.settings.clone(), lab.view.chart).unwrap();
    assert_ne!(lab.settings, s);
    assert_eq!(lab.dh_log10, want.dh_log10);
    // A chart's series, asked of a dead worker.
    lab.background = Some(Background::stopped());
    lab.update(Action::CycleChart);
    assert_eq!(lab.computing, Some(Computing::Series));
    lab.update(Action::Poll);
    assert!(lab.background.is_none() && lab.computing.is_none());
    assert!(!lab.charts.lacks(lab.view.chart));
}
