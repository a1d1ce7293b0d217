//! The RNN lab's background worker and knob changes: a new run computed
//! off the input path arrives as the same run computed on the spot, the
//! view the learner is in carried onto it whole.

use deepstep::lessons::input::Edit;
use deepstep::lessons::rnn::lab::{Action, Chart, Knob, Panel, Phase, RnnLab, RnnView};
use deepstep::lessons::rnn::settings::RnnSettings;

fn lab(len: usize) -> RnnLab {
    RnnLab::new(RnnSettings { len, ..Default::default() }).unwrap()
}

/// Polls a background lab until its worker has answered (or fails after 20 s).
fn settle(l: &mut RnnLab) {
    let start = std::time::Instant::now();
    while l.computing.is_some() {
        assert!(start.elapsed().as_secs() < 20, "the worker never answered");
        std::thread::sleep(std::time::Duration::from_millis(2));
        l.update(Action::Poll);
    }
}

/// The lab with its worker started, as the shell starts it on opening.
fn started(mut l: RnnLab) -> RnnLab {
    for effect in l.opened() {
        if let deepstep::lessons::lesson::Effect::Spawn(task) = effect {
            task.spawn();
        }
    }
    l
}

fn knob_to(l: &mut RnnLab, knob: Knob) {
    while l.view.knob != knob {
        l.update(Action::KnobDown);
    }
}

#[test]
fn in_the_app_a_knob_change_is_computed_in_the_background_and_arrives_as_computed_on_the_spot() {
    use deepstep::lessons::lesson::Lesson;
    let mut l = started(RnnLab::new(RnnSettings { len: 20, ..Default::default() }).unwrap().in_background());
    let mut spot = lab(20);
    for _ in 0..3 {
        l.update(Action::Next);
        spot.update(Action::Next);
    }
    knob_to(&mut l, Knob::Len);
    knob_to(&mut spot, Knob::Len);
    l.update(Action::KnobInc);
    spot.update(Action::KnobInc);
    // The key is answered at once: the panel shows the new length, the run
    // on screen is still the old one, and the lab ticks until it arrives.
    assert_eq!((l.shown_settings().len, l.settings.len, l.dh_log10.len()), (30, 20, 20));
    assert!(Lesson::tick_interval(&l).is_some());
    settle(&mut l);
    assert!(Lesson::tick_interval(&l).is_none());
    assert_eq!((l.settings.len, l.view.step, l.view.knob), (30, 4, Knob::Len));
    assert_eq!(l.settings, spot.settings);
    assert_eq!(l.dh_log10, spot.dh_log10);
    assert_eq!(l.running, spot.running);
    assert_eq!(l.why, spot.why);
}

#[test]
fn turns_made_while_the_worker_computes_add_up_and_only_the_last_result_is_kept() {
    let mut l = started(RnnLab::new(RnnSettings { len: 10, ..Default::default() }).unwrap().in_background());
    knob_to(&mut l, Knob::Hidden);
    for _ in 0..3 {
        l.update(Action::KnobInc);
    }
    knob_to(&mut l, Knob::Seed);
    l.update(Action::KnobInc);
    // Each turn starts from the settings asked for, not the run on screen.
    assert_eq!((l.shown_settings().hidden, l.shown_settings().seed), (64, 2));
    settle(&mut l);
    let wanted = RnnSettings { len: 10, hidden: 64, seed: 2, ..Default::default() };
    assert_eq!(l.settings, wanted);
    assert_eq!(l.dh_log10, RnnLab::new(wanted).unwrap().dh_log10);
}

#[test]
fn a_comparison_chart_is_computed_in_the_background_for_the_run_shown() {
    let mut l = started(RnnLab::new(RnnSettings { len: 12, ..Default::default() }).unwrap().in_background());
    let mut spot = lab(12);
    for x in [&mut l, &mut spot] {
        x.update(Action::Last);
        x.update(Action::CycleChart);
    }
    assert_eq!(l.view.chart, Chart::Cells);
    assert!(l.charts.cells.is_empty() && l.computing.is_some());
    settle(&mut l);
    assert_eq!(l.charts.cells, spot.charts.cells);
    assert_eq!(l.charts.cells.len(), 3);
    // Switching the chart while a new run computes asks for that chart's series with it.
    l.update(Action::KnobInc);
    l.update(Action::CycleChart);
    settle(&mut l);
    spot.update(Action::KnobInc);
    spot.update(Action::CycleChart);
    assert_eq!((l.view.chart, l.settings.cell), (Chart::Length, spot.settings.cell));
    assert_eq!(l.charts.by_length, spot.charts.by_length);
    assert!(!l.charts.by_length.is_empty());
}

/// A prediction asked while a new run computes is about the run on screen:
/// the lab stops polling until it is answered, then takes the new run.
#[test]
fn a_new_run_waits_for_the_prediction_being_typed() {
    use deepstep::lessons::lesson::Lesson;
    let mut l = started(RnnLab::new(RnnSettings { len: 10, ..Default::default() }).unwrap().in_background());
    l.update(Action::TogglePredict);
    l.update(Action::Last);
    l.update(Action::JumpTo(10));
    knob_to(&mut l, Knob::Len);
    l.update(Action::KnobInc);
    l.update(Action::Next);
    assert!(l.view.predict.is_asking() && l.computing.is_some());
    assert!(Lesson::tick_interval(&l).is_none(), "no polling while the answer is typed");
    std::thread::sleep(std::time::Duration::from_millis(50));
    l.update(Action::Poll);
    assert_eq!((l.settings.len, l.view.step), (10, 10), "the question's run stays");
    l.update(Action::Prompt(Edit::Skip));
    assert!(Lesson::tick_interval(&l).is_some());
    settle(&mut l);
    assert_eq!((l.settings.len, l.view.step), (20, 9));
}

#[test]
fn the_lab_starts_no_thread_of_its_own_the_shell_starts_its_worker_once() {
    let mut l = RnnLab::new(RnnSettings { len: 10, ..Default::default() }).unwrap().in_background();
    knob_to(&mut l, Knob::Seed);
    l.update(Action::KnobInc);
    // Nothing computes the request until the worker's task is started.
    for _ in 0..20 {
        std::thread::sleep(std::time::Duration::from_millis(5));
        l.update(Action::Poll);
    }
    assert!(l.computing.is_some());
    let effects = l.opened();
    assert_eq!(effects.len(), 1);
    assert!(l.opened().is_empty(), "a second opening starts nothing more");
    for effect in effects {
        if let deepstep::lessons::lesson::Effect::Spawn(task) = effect {
            // A clone of the effect shares its task: it runs once.
            task.clone().spawn();
            task.spawn();
        }
    }
    settle(&mut l);
    assert_eq!(l.settings.seed, 2);
}

/// A knob change replaces the run and keeps everything the learner chose
/// (phase, step, chart, selected knob, panel, predict mode and score),
/// with the step clamped to the new length: on the spot, and through the
/// worker with the keys pressed while it computed.
#[test]
fn a_knob_change_carries_the_whole_view_onto_the_new_run() {
    for background in [false, true] {
        let mut l = lab(20);
        if background {
            l = started(l.in_background());
        }
        l.update(Action::TogglePredict);
        l.update(Action::Last);
        l.update(Action::Prompt(Edit::Skip));
        l.view.predict.score = (2, 3);
        l.view.step = 15;
        l.view.chart = Chart::Cells;
        knob_to(&mut l, Knob::Len);
        // 20 → 10 steps: step 15 is past the end and becomes 10.
        l.update(Action::KnobDec);
        if background {
            // Tab while the new run computes: the chart's turn.
            l.update(Action::SwitchPanel);
            assert_eq!(l.view.panel, Panel::Chart);
        }
        let before = l.view.clone();
        assert_eq!((before.phase, before.predict.on), (Phase::Backward, true));
        settle(&mut l);
        assert_eq!(l.settings.len, 10, "background {background}");
        assert_eq!(l.view, RnnView { step: 10, ..before }, "background {background}");
    }
}
