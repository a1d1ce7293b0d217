//! The MLE lab's screen at 80×24 and 120×40 (review 2026-12, D17, D19,
//! D21): the surface cursor follows the ascent, status and panels are whole,
//! the derivation keeps every line reachable, and only working keys are listed.

use crate::common::{draw, key};
use deepstep::app::App;
use deepstep::lessons::lesson::mount;
use deepstep::lessons::mle::lab::{Action, Family, MleLab, Settings, View};
use deepstep::lessons::mle::view::status_text;
use deepstep::lessons::mle::words::{self, Place};
use deepstep::math::format::num;
use deepstep::math::mle;
use deepstep::text::{EN, KO, Text};
use deepstep::ui::theme::Theme;
use ratatui::crossterm::event::KeyCode;

fn app(s: Settings, t: &'static Text) -> App {
    App::new(mount(MleLab::new(s).unwrap()), t, Theme::MONO)
}

fn lab(app: &App) -> &MleLab {
    app.front_lesson::<MleLab>().unwrap()
}

fn squash(s: &str) -> String {
    let body: Vec<&str> = s.lines().map(|l| l.trim_matches('|')).collect();
    body.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Panel `i` (0 left, 1 right) of the rows that hold two side by side, read as one text.
fn column(s: &str, i: usize) -> String {
    let parts: Vec<&str> = s
        .lines()
        .filter(|l| l.contains("||"))
        .filter_map(|l| l.split("||").nth(i))
        .map(|p| p.trim_matches('|'))
        .collect();
    parts.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words_of(x: &str) -> String {
    x.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// D17: after gradient ascent the cursor `[]` is where the numbers are read,
/// and the next move starts from there.
#[test]
fn the_cursor_moves_with_the_ascent() {
    let mut l = MleLab::new(Settings::default()).unwrap();
    l.view = View::Surface;
    let start = l.normal.as_ref().unwrap().cursor;
    l.update(Action::Ascend);
    let st = l.normal.as_ref().unwrap();
    assert_ne!(st.cursor, start, "the ascent moved the point");
    assert_eq!(st.surface.cell_of(st.at.0, st.at.1), Some(st.cursor));
    assert!(l.cursor_on_point());
    let after = st.cursor;
    l.update(Action::Move(0, 1));
    assert_eq!(l.normal.as_ref().unwrap().cursor, (after.0, after.1 + 1), "one step right of the ascent's end");
    // On screen: `[]` on the row of the ascent's end.
    let mut a = app(Settings::default(), &EN);
    a.act::<MleLab>(Action::NextView);
    a.act::<MleLab>(Action::NextView);
    a.act::<MleLab>(Action::Ascend);
    let (s, _) = draw(&mut a, 120, 40);
    let st = lab(&a).normal.as_ref().unwrap();
    let row = s.lines().nth(3 + st.cursor.0).unwrap();
    assert!(row.contains("[]"), "{s}");
    assert!(s.contains(&format!("({}, {})", num(st.at.0), num(st.at.1))), "{s}");
}

/// D19: the status line, the knob line, the panel titles and the surface's
/// readings are whole at 80×24 in both languages and both families, n = 1 included.
#[test]
fn status_titles_and_readings_are_whole_at_80x24() {
    for t in [&EN, &KO] {
        let cases: Vec<(Settings, Vec<Action>)> = vec![
            (Settings::default(), vec![]),
            (Settings { family: Family::Categorical, ..Default::default() }, vec![Action::Last]),
            (Settings { n: 1, ..Default::default() }, vec![]),
            (Settings::default(), vec![Action::NextView, Action::NextView, Action::Ascend]),
            (Settings::default(), vec![Action::NextView, Action::NextView]),
            (Settings { n: 1000, ..Default::default() }, vec![Action::NextView]),
        ];
        for (settings, actions) in cases {
            let mut a = app(settings.clone(), t);
            for act in &actions {
                a.act::<MleLab>(*act);
            }
            let (s, _) = draw(&mut a, 80, 24);
            let all = squash(&s);
            assert!(all.contains(&words_of(&status_text(lab(&a), t))), "status cut:\n{s}");
            if settings.n == 1 {
                assert!(column(&s, 0).contains(&words_of(t.mle.no_density)), "{s}");
            }
            if lab(&a).view == View::Surface {
                let right = column(&s, 1);
                for line in words::surface_lines(lab(&a).normal.as_ref().unwrap(), t) {
                    assert!(right.contains(&words_of(&line)), "{line}\n{s}");
                }
                assert!(right.contains(&words_of(t.mle.surface_legend)), "{s}");
            }
        }
    }
}

/// D21: at 80×24 every line of the derivation shows its start (earlier lines
/// shortened with `…`), the newest whole; the hint to press Right is not
/// shown when there is no line left; keys that do nothing are not listed.
#[test]
fn the_derivation_keeps_every_line_in_view_and_keys_are_the_working_ones() {
    for t in [&EN, &KO] {
        for family in [Family::Normal, Family::Categorical] {
            let mut a = app(Settings { family, ..Default::default() }, t);
            a.handle(&key(KeyCode::End));
            let (s, _) = draw(&mut a, 80, 24);
            let lines = words::derivation(lab(&a), Place::Cursor, t);
            let right = column(&s, 1);
            for (i, line) in lines.iter().enumerate() {
                let start: String = line.chars().take(12).collect();
                assert!(right.contains(&words_of(&start)), "line {}:\n{s}", i + 1);
            }
            let last = lines.last().unwrap();
            assert!(right.contains(&words_of(last)), "the newest line whole:\n{s}");
            assert!(!s.contains(t.mle.reveal_hint), "stale hint at the last line:\n{s}");
            let rows = a.key_rows(false);
            let listed = |what: &str| rows.iter().any(|(_, w)| *w == what);
            assert_eq!(listed(t.keys.next_view), family == Family::Normal, "{family:?}: {rows:?}");
            assert!(!listed(t.keys.ascend), "n outside the surface: {rows:?}");
        }
    }
    let mut a = app(Settings::default(), &EN);
    a.act::<MleLab>(Action::NextView);
    a.act::<MleLab>(Action::NextView);
    assert!(a.key_rows(true).iter().any(|(_, w)| *w == EN.keys.ascend));
    let (s, _) = draw(&mut a, 80, 24);
    assert!(!s.contains(EN.mle.reveal_hint), "Right does not reveal a line on the surface panel:\n{s}");
}

/// Review point 1: the learner sees the sample. For a small n every x_i,
/// and after μ̂ is revealed x_i − x̄ and (x_i − x̄)² with the sums the
/// derivation uses; in predict mode nothing asked shows early. For a large
/// n, a histogram whose counts are the sample's.
#[test]
fn the_sample_panel_lists_the_points_or_their_histogram() {
    use deepstep::lessons::input::Edit;
    for t in [&EN, &KO] {
        let mut a = app(Settings::default(), t);
        a.act::<MleLab>(Action::NextView);
        assert_eq!(lab(&a).view, View::Sample);
        let (s, _) = draw(&mut a, 80, 24);
        let st = lab(&a).normal.clone().unwrap();
        let right = column(&s, 1);
        for (x, (d, d2)) in st.x.iter().zip(mle::deviations(&st.x, st.fit.mu)) {
            assert!(right.contains(&format!("{} {} {}", num(*x), num(d), num(d2))), "{x}:\n{s}");
        }
        let f = &st.fit;
        assert!(right.contains(&words_of(&deepstep::text::sample_sse(&num(f.sse), f.n, &num(f.var_mle)))), "{s}");
        // Predict mode, asked μ̂: the points, and nothing that gives μ̂ or σ̂ away.
        let mut a = app(Settings::default(), t);
        a.act::<MleLab>(Action::TogglePredict);
        a.act::<MleLab>(Action::NextView);
        for _ in 0..3 {
            a.act::<MleLab>(Action::Next);
        }
        assert!(a.asking());
        let (s, _) = draw(&mut a, 80, 24);
        let right = column(&s, 1);
        assert!(st.x.iter().all(|x| right.contains(&num(*x))), "{s}");
        assert!(!s.contains(&num(f.mu)) && !s.contains(&num(f.sse)), "{s}");
        // Answered: x̄ and the deviations; σ̂ is asked next and its sum waits.
        for c in num(f.mu).chars() {
            a.act::<MleLab>(Action::Prompt(Edit::Type(c)));
        }
        a.act::<MleLab>(Action::Prompt(Edit::Submit));
        a.act::<MleLab>(Action::Next);
        assert!(a.asking());
        let (s, _) = draw(&mut a, 80, 24);
        assert!(column(&s, 1).contains(&words_of(&deepstep::text::sample_sum(&num(f.sum), f.n, &num(f.mu)))), "{s}");
        assert!(!s.contains(&num(f.sse)) && !s.contains(&num(f.sigma)), "{s}");
    }
    // n = 1000: the histogram's counts, all of them, on screen.
    let mut a = app(Settings { n: 1000, ..Default::default() }, &EN);
    a.act::<MleLab>(Action::NextView);
    let (s, _) = draw(&mut a, 80, 24);
    let bins = mle::histogram(&lab(&a).normal.as_ref().unwrap().x, deepstep::lessons::mle::lab::HISTOGRAM_BINS);
    assert_eq!(bins.iter().map(|b| b.count).sum::<usize>(), 1000);
    let right = column(&s, 1);
    for b in &bins {
        assert!(right.contains(&format!("{} .. {} {}", num(b.lo), num(b.hi), b.count)), "{b:?}\n{s}");
    }
}

/// A knob at the end of its range does not list the key past it; with one
/// point μ̂ is not asked (the point on screen is its own mean).
#[test]
fn knob_keys_at_an_end_are_not_listed_and_one_point_asks_no_mean() {
    use deepstep::lessons::mle::keys::lab_table;
    let mut l = MleLab::new(Settings { n: 1, ..Default::default() }).unwrap();
    l.knob = deepstep::lessons::mle::lab::Knob::N;
    let acts = |l: &MleLab| lab_table(l, &EN).iter().map(|b| b.action).collect::<Vec<_>>();
    assert!(!acts(&l).contains(&Action::KnobDec) && acts(&l).contains(&Action::KnobInc));
    l.update(Action::TogglePredict);
    for _ in 0..8 {
        l.update(Action::Next);
    }
    assert!(!l.predict.is_asking(), "nothing to predict from one point");
    assert_eq!(l.shown, l.steps().len());
}
