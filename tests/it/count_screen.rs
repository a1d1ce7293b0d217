//! The counting-ones lab's screen at 80×24 (review 2026-12, D14, D16, D19,
//! D25, section 2 point 8) and the mistake named behind a wrong prediction.

use crate::common::{draw, key};
use deepstep::app::App;
use deepstep::assets::counting_tutorial;
use deepstep::lessons::count_rnn::lab::{Action, CountLab, Message, RPROP_RUN};
use deepstep::lessons::input::Edit;
use deepstep::lessons::lesson::mount;
use deepstep::math::counting_rnn::Mistake;
use deepstep::math::format::{num, num_value};
use deepstep::text::{EN, KO, Text};
use deepstep::ui::theme::Theme;
use ratatui::crossterm::event::KeyCode;

fn app(t: &'static Text) -> App {
    App::new(mount(CountLab::new(counting_tutorial().unwrap(), true, 1)), t, Theme::MONO)
}

fn lab(a: &App) -> &CountLab {
    a.front_lesson::<CountLab>().unwrap()
}

fn squash(s: &str) -> String {
    let body: Vec<&str> = s.lines().map(|l| l.trim_matches('|')).collect();
    body.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words(x: &str) -> String {
    x.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The surface panel's text column (right of the grid), read as one text.
fn legend_column(s: &str) -> String {
    let parts: Vec<&str> = s
        .lines()
        .filter(|l| l.starts_with('|') && l.chars().count() > 60)
        // The border, the w_rec labels (4) and 25 two-character cells: all ASCII.
        .map(|l| {
            let start = l.char_indices().nth(55).map_or(l.len(), |(i, _)| i);
            l[start..].trim_end_matches('|')
        })
        .collect();
    words(&parts.join(" "))
}

/// D14: the prediction prompt wraps whole at 80×24, and the caret is on the answer's row.
#[test]
fn the_prediction_prompt_is_whole_at_80x24() {
    for t in [&EN, &KO] {
        let mut a = app(t);
        a.act::<CountLab>(Action::TogglePredict);
        a.act::<CountLab>(Action::Next);
        a.act::<CountLab>(Action::Prompt(Edit::Type('1')));
        let (s, mut term) = draw(&mut a, 80, 24);
        assert!(squash(&s).contains(&words(&(t.count.predict_prompt)(10))), "{s}");
        let caret = term.get_cursor_position().unwrap();
        assert!(s.lines().nth(caret.y as usize).unwrap().starts_with('1'), "{s}");
    }
}

/// D16: off the zoomed view the cursor is not drawn in a corner; the panel
/// says where the weights are. The first overshooting step's message is whole.
#[test]
fn the_cursor_off_view_is_said_not_drawn_and_messages_are_whole() {
    for t in [&EN, &KO] {
        let mut a = app(t);
        a.act::<CountLab>(Action::SwitchPanel);
        a.act::<CountLab>(Action::Zoom);
        let (s, _) = draw(&mut a, 80, 24);
        assert!(!lab(&a).cursor_in_view());
        assert!(!s.contains("[]#") && !s.contains("[]=") && !s.contains("=[]"), "a cursor in the grid:\n{s}");
        let w = lab(&a).w;
        assert!(legend_column(&s).contains(&words(&(t.count.cursor_off_view)(&num(w.0), &num(w.1)))), "{s}");
        // Learning rate 1 and one step: overshoot and off the surface, said whole.
        let mut a = app(t);
        a.act::<CountLab>(Action::SwitchPanel);
        for _ in 0..4 {
            a.act::<CountLab>(Action::LrUp);
        }
        a.act::<CountLab>(Action::GdStep);
        assert!(matches!(lab(&a).message, Some(Message::Overshot { off_surface: true, .. })));
        let (s, _) = draw(&mut a, 80, 24);
        let tail = words(&(t.count.left_surface)(&num(lab(&a).w.0), &num(lab(&a).w.1)));
        // The surface keeps its rows: the message is whole here, or marked
        // here and whole on the next panel.
        let s = if squash(&s).contains(&words(t.count.message_more)) {
            a.act::<CountLab>(Action::SwitchPanel);
            draw(&mut a, 80, 24).0
        } else {
            s
        };
        assert!(squash(&s).contains(&tail), "{tail}\n{s}");
    }
}

/// D19: the `?` help's rows are whole at 80×24.
#[test]
fn the_help_rows_are_whole_at_80x24() {
    for t in [&EN, &KO] {
        let mut a = app(t);
        a.handle(&key(KeyCode::Char('?')));
        let (s, _) = draw(&mut a, 80, 24);
        assert!(s.contains(t.keys.move_cursor), "{s}");
    }
}

/// D25: gradients that happen to be whole are written in the app's format
/// beside the others (1.632e7, not 16320384).
#[test]
fn the_mistakes_rows_write_large_whole_values_like_the_others() {
    let mut a = app(&EN);
    a.act::<CountLab>(Action::SwitchPanel);
    a.act::<CountLab>(Action::SwitchPanel);
    let (s, _) = draw(&mut a, 80, 24);
    let l = lab(&a);
    let (_, g, _) = l.mistakes.iter().find(|(m, _, _)| *m == Mistake::MissingOneOverN).unwrap();
    assert!(g.0.fract() == 0.0 && g.0.abs() >= 1e4, "the case needs a whole value: {g:?}");
    assert!(s.contains(&format!("({}, {})", num_value(g.0), num_value(g.1))), "{s}");
    assert!(!s.contains(&format!("{}", g.0 as i64)), "a raw integer:\n{s}");
}

/// Point 8: R runs 50 Rprop steps; the path shows on the surface and is
/// summed up beside it (from where, to where, how many steps).
#[test]
fn rprop_runs_many_steps_and_the_path_is_visible() {
    let mut a = app(&EN);
    a.act::<CountLab>(Action::SwitchPanel);
    a.handle(&key(KeyCode::Char('R')));
    let l = lab(&a);
    assert_eq!(l.path.len(), RPROP_RUN + 1);
    let (first, last) = (l.path[0], *l.path.last().unwrap());
    let (s, _) = draw(&mut a, 80, 24);
    assert!(s.matches("**").count() >= 3, "the path's cells:\n{s}");
    let pair = |w: (f64, f64)| format!("({}, {})", num(w.0), num(w.1));
    assert!(legend_column(&s).contains(&words(&(EN.count.path_summary)(RPROP_RUN, &pair(first), &pair(last)))), "{s}");
    assert!(a.key_rows(true).iter().any(|(k, w)| k == "R" && *w == EN.keys.rprop_run));
}

/// Issue point 3: a wrong prediction that a listed buggy loop gives is named,
/// with that loop's numbers; a wrong one no loop gives names nothing.
#[test]
fn a_prediction_a_buggy_loop_gives_is_named() {
    let mut l = CountLab::new(counting_tutorial().unwrap(), true, 1);
    l.update(Action::TogglePredict);
    l.update(Action::Next);
    l.update(Action::Prompt(Edit::Skip)); // k = 10 skipped
    l.update(Action::Next); // k = 9 asked
    let (_, terms) = l.mistake_terms.iter().find(|(m, _)| *m == Mistake::MissingWrec).unwrap();
    let got = terms[1];
    let truth = &l.back.steps[1];
    assert_ne!(num(got[0]), num(truth.ds_k[0]), "the loop without × w_rec differs here");
    let typed = got.map(num).join(", ");
    for c in typed.chars() {
        l.update(Action::Prompt(Edit::Type(c)));
    }
    l.update(Action::Prompt(Edit::Submit));
    let Some(Message::Graded(_, slips)) = &l.message else { panic!("{:?}", l.message) };
    assert!(slips.iter().any(|(m, _)| *m == Mistake::MissingWrec), "{slips:?}");
    // On screen, in both languages: "<its numbers> is what … gives".
    for t in [&EN, &KO] {
        let mut a = App::new(mount(l.clone()), t, Theme::MONO);
        let (s, _) = draw(&mut a, 80, 24);
        let (_, values) = slips.iter().find(|(m, _)| *m == Mistake::MissingWrec).unwrap();
        let values = values.iter().map(|v| num(*v)).collect::<Vec<_>>().join(", ");
        let said = (t.count.slip)(&values, t.count.mistake_names[2]);
        assert!(squash(&s).contains(&words(&said)), "{said}\n{s}");
    }
    // Numbers no listed loop gives: nothing named.
    l.update(Action::Next);
    for c in "1, 2, 3".chars() {
        l.update(Action::Prompt(Edit::Type(c)));
    }
    l.update(Action::Prompt(Edit::Submit));
    assert!(matches!(&l.message, Some(Message::Graded(_, s)) if s.is_empty()), "{:?}", l.message);
}

/// `z` shows the surface it zooms; Tab shows another panel at any size; the
/// learning-rate keys are listed only where the rate can move.
#[test]
fn listed_keys_show_what_they_do() {
    let mut a = app(&EN);
    a.handle(&key(KeyCode::Char('z')));
    let (s, _) = draw(&mut a, 80, 24);
    assert!(s.contains(EN.count.surface_zoom), "{s}");
    let (before, _) = draw(&mut a, 120, 40);
    a.handle(&key(KeyCode::Tab));
    let (after, _) = draw(&mut a, 120, 40);
    assert_ne!(before, after, "Tab at 120×40");
    let mut l = CountLab::new(counting_tutorial().unwrap(), true, 1);
    for _ in 0..12 {
        l.update(Action::LrDown);
    }
    let listed = |l: &CountLab| {
        deepstep::lessons::count_rnn::keys::lab_table(l, &EN).iter().map(|b| b.action).collect::<Vec<_>>()
    };
    assert!(!listed(&l).contains(&Action::LrDown) && listed(&l).contains(&Action::LrUp));
}
