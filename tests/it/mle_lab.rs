//! The maximum-likelihood lab: its numbers are the math's, the derivation
//! reveals line by line, predict mode names the mistake a wrong σ̂ matches,
//! the surface's cursor, clicks and ascent, the bias experiment, one point,
//! the categorical family, the headless form and its errors.

use crate::common;

use common::{draw, key};
use deepstep::app::App;
use deepstep::lessons::input::Edit;
use deepstep::lessons::lesson::mount;
use deepstep::lessons::mle::lab::{Action, Asking, Family, Message, MleLab, Settings, View};
use deepstep::lessons::mle::words::Place;
use deepstep::math::format::num;
use deepstep::math::mle::{self, Mistake};
use deepstep::text::{EN, KO};
use deepstep::ui::theme::Theme;
use ratatui::crossterm::event::KeyCode;

fn own(data: &[f64]) -> MleLab {
    MleLab::new(Settings { data: Some(data.to_vec()), ..Default::default() }).unwrap()
}

fn type_answer(lab: &mut MleLab, s: &str) {
    for c in s.chars() {
        lab.update(Action::Prompt(Edit::Type(c)));
    }
    lab.update(Action::Prompt(Edit::Submit));
}

#[test]
fn the_derivation_carries_the_samples_own_numbers() {
    let x = [1.0, 2.0, 4.0, 5.0];
    let mut lab = own(&x);
    let f = mle::fit_normal(&x).unwrap();
    assert_eq!(lab.normal.as_ref().unwrap().fit, f);
    assert_eq!(lab.shown, 1);
    lab.update(Action::Last);
    let text = deepstep::lessons::mle::words::derivation(&lab, Place::Cursor, &EN).join("\n");
    assert!(text.contains("μ̂ = x̄ = 12/4 = 3."), "{text}");
    assert!(text.contains("σ̂² = (1/n) Σ_i (x_i − x̄)² = 10/4 = 2.5,  σ̂ = 1.581."), "{text}");
    assert!(text.contains(&format!("ℓ(μ̂, σ̂) = {}", num(f.loglik.unwrap()))), "{text}");
    assert!(text.contains("s² = 3.333"), "{text}");
    // Step back and forth.
    lab.update(Action::Prev);
    assert_eq!(lab.shown, lab.steps().len() - 1);
    lab.update(Action::First);
    lab.update(Action::Prev);
    assert_eq!(lab.shown, 1, "the first line always stays");
}

#[test]
fn predict_mode_grades_and_names_the_matching_mistake() {
    let x = [1.0, 2.0, 4.0, 5.0];
    let mut lab = own(&x);
    lab.update(Action::TogglePredict);
    for _ in 0..3 {
        lab.update(Action::Next);
    }
    assert_eq!(lab.predict.question().copied(), Some(Asking::Mu), "line 4 reveals μ̂: asked first");
    type_answer(&mut lab, "3");
    assert!(matches!(lab.message, Some(Message::Graded { asking: Asking::Mu, mistake: None, .. })));
    assert_eq!(lab.predict.score, (1, 1));
    lab.update(Action::Next);
    assert_eq!(lab.predict.question().copied(), Some(Asking::Sigma));
    // √(10/3) = 1.826: the n − 1 estimate.
    type_answer(&mut lab, "1.826");
    let Some(Message::Graded { mistake, off, .. }) = lab.message.clone() else { panic!("{:?}", lab.message) };
    assert_eq!(mistake, Some(Mistake::NMinusOne));
    assert!((off - ((10.0f64 / 3.0).sqrt() - 2.5f64.sqrt())).abs() < 1e-3);
    let said = deepstep::lessons::mle::words::message_text(lab.message.as_ref().unwrap(), &EN);
    assert!(said.contains(EN.mle.mistake_names[0]), "{said}");
    // The variance typed for σ is that mistake.
    let mut lab = own(&x);
    lab.update(Action::TogglePredict);
    lab.update(Action::Last);
    lab.update(Action::First);
    for _ in 0..4 {
        lab.update(Action::Next);
        if lab.predict.question() == Some(&Asking::Mu) {
            lab.update(Action::Prompt(Edit::Skip));
        }
    }
    assert_eq!(lab.predict.question().copied(), Some(Asking::Sigma));
    type_answer(&mut lab, "2.5");
    assert!(matches!(lab.message, Some(Message::Graded { mistake: Some(Mistake::VarianceForSigma), .. })));
    // Named at the precision typed: 1.83 is the n − 1 estimate 1.826 to three digits.
    let mut lab = own(&x);
    lab.update(Action::TogglePredict);
    for _ in 0..4 {
        lab.update(Action::Next);
        if lab.predict.question() == Some(&Asking::Mu) {
            lab.update(Action::Prompt(Edit::Skip));
        }
    }
    assert_eq!(lab.predict.question().copied(), Some(Asking::Sigma));
    type_answer(&mut lab, "1.83");
    assert!(
        matches!(lab.message, Some(Message::Graded { mistake: Some(Mistake::NMinusOne), .. })),
        "{:?}",
        lab.message
    );
    type_answer(&mut lab, "x"); // no prompt now: ignored
}

#[test]
fn the_surface_cursor_ascent_and_clicks() {
    let mut lab = MleLab::new(Settings::default()).unwrap();
    let st = lab.normal.clone().unwrap();
    let (mu, sigma) = st.at;
    assert_eq!(st.at_loglik, mle::loglik(&st.x, mu, sigma).unwrap());
    assert_eq!(st.at_grad, mle::loglik_grad(&st.x, mu, sigma).unwrap());
    lab.update(Action::Move(0, 1));
    let moved = lab.normal.as_ref().unwrap();
    assert_eq!(moved.cursor, (st.cursor.0, st.cursor.1 + 1));
    assert!(moved.at.0 > mu && moved.at.1 == sigma, "d moves μ right");
    for _ in 0..40 {
        lab.update(Action::Move(-1, -1));
    }
    assert_eq!(lab.normal.as_ref().unwrap().cursor, (0, 0), "the cursor stops at the edge");
    let before = lab.normal.as_ref().unwrap().at_loglik;
    for _ in 0..20 {
        lab.update(Action::Ascend);
    }
    let after = lab.normal.as_ref().unwrap();
    assert!(after.at_loglik > before && after.path.len() > 50, "the ascent climbs");
    let f = &after.fit;
    assert!((after.at.0 - f.mu).abs() < 0.05 && (after.at.1 - f.sigma).abs() < 0.05, "{:?} vs {f:?}", after.at);
    lab.update(Action::ResetPath);
    assert_eq!(lab.normal.as_ref().unwrap().path.len(), 1);
    // A click on a surface cell puts the cursor there.
    lab.update(Action::NextView);
    lab.update(Action::NextView); // past the sample panel
    assert_eq!(lab.view, View::Surface);
    let cursor = lab.normal.as_ref().unwrap().cursor;
    let mut app = App::new(mount(lab), &EN, Theme::COLOR);
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains("<>") && s.contains("[]"), "the maximum and the cursor are marked:\n{s}");
    let (row, col) =
        s.lines().enumerate().find_map(|(r, l)| l.find("[]").map(|c| (r, l[..c].chars().count()))).unwrap();
    app.handle(&ratatui::crossterm::event::Event::Mouse(ratatui::crossterm::event::MouseEvent {
        kind: ratatui::crossterm::event::MouseEventKind::Down(ratatui::crossterm::event::MouseButton::Left),
        column: col as u16 + 4,
        row: row as u16 + 1,
        modifiers: ratatui::crossterm::event::KeyModifiers::NONE,
    }));
    // The cursor is where the ascent ended (D17): the click is relative to it.
    let lab = app.front_lesson::<MleLab>().unwrap();
    assert_eq!(lab.normal.as_ref().unwrap().cursor, (cursor.0 + 1, cursor.1 + 2), "two cells right, one down");
}

#[test]
fn the_bias_panel_measures_n_minus_1_over_n() {
    let mut lab = MleLab::new(Settings { n: 5, ..Default::default() }).unwrap();
    let b = lab.normal.as_ref().unwrap().bias.clone();
    assert_eq!((b.n, b.true_var), (5, 1.5 * 1.5));
    assert!((b.mean_var_mle / b.true_var - 0.8).abs() < 0.06, "{b:?}");
    lab.update(Action::NextView);
    lab.update(Action::NextView);
    lab.update(Action::NextView);
    assert_eq!(lab.view, View::Bias);
    let mut app = App::new(mount(lab), &EN, Theme::COLOR);
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains(&num(b.mean_var_mle)) && s.contains("(n − 1)/n × σ² = 0.8 × σ²"), "{s}");
}

/// The bias experiment draws at most `BIAS_DRAWS` numbers per key: 2,000
/// samples up to n = 100, fewer above, and the panel says how many it drew.
#[test]
fn the_bias_experiment_is_bounded_and_says_its_size() {
    use deepstep::lessons::mle::lab::{BIAS_DRAWS, TRIALS, trials_for};
    for (n, want) in [(1, TRIALS), (100, TRIALS), (200, 1000), (1000, 200)] {
        assert_eq!(trials_for(n), want, "n = {n}");
        assert!(trials_for(n) * n <= BIAS_DRAWS || trials_for(n) == TRIALS, "n = {n}");
    }
    let lab = MleLab::new(Settings { n: 1000, ..Default::default() }).unwrap();
    let b = &lab.normal.as_ref().unwrap().bias;
    assert_eq!((b.n, b.trials), (1000, 200));
    let said = deepstep::lessons::mle::words::bias_lines(lab.normal.as_ref().unwrap(), &EN).join("\n");
    assert!(said.contains("200 samples of size n = 1000"), "{said}");
}

#[test]
fn one_point_is_handled_and_explained() {
    let mut lab = own(&[4.0]);
    let st = lab.normal.as_ref().unwrap();
    assert_eq!((st.fit.sigma, st.fit.var_unbiased), (0.0, None));
    assert!(st.fitted_curve.is_empty() && !st.cursor_curve.is_empty());
    lab.update(Action::TogglePredict);
    lab.update(Action::Last);
    let text = deepstep::lessons::mle::words::derivation(&lab, Place::Cursor, &EN).join("\n");
    assert!(
        text.contains(EN.mle.d_sigma_one_point)
            && text.contains(EN.mle.d_bias_n1)
            && text.contains(EN.mle.d_no_maximum)
    );
    let mut app = App::new(mount(lab), &EN, Theme::MONO);
    for k in [KeyCode::Char('v'); 4] {
        app.handle(&key(k));
        let (s, _) = draw(&mut app, 80, 24);
        assert!(!s.contains("NaN") && !s.contains("inf"), "{s}");
    }
}

#[test]
fn categorical_counts_give_p_hat_and_cross_entropy() {
    let lab =
        MleLab::new(Settings { counts: Some(vec![3, 5, 0, 2]), family: Family::Categorical, ..Default::default() })
            .unwrap();
    let c = lab.categorical.as_ref().unwrap();
    assert_eq!(c.p, vec![0.3, 0.5, 0.0, 0.2]);
    let mut lab = lab;
    lab.update(Action::Last);
    let text = deepstep::lessons::mle::words::derivation(&lab, Place::Cursor, &KO).join("\n");
    assert!(text.contains(KO.mle.d_zero_class) && text.contains("(0.3, 0.5, 0, 0.2)"), "{text}");
    // The family knob switches, and knobs that do not apply are skipped.
    let mut lab = MleLab::new(Settings::default()).unwrap();
    lab.update(Action::KnobInc);
    assert_eq!(lab.settings.family, Family::Categorical);
    assert!(lab.categorical.is_some() && lab.normal.is_none());
    assert!(!lab.knobs().contains(&deepstep::lessons::mle::lab::Knob::Mu));
    lab.update(Action::TogglePredict);
    lab.update(Action::Next);
    lab.update(Action::Next);
    let Some(Asking::P(k)) = lab.predict.question().copied() else { panic!("{:?}", lab.predict) };
    let truth = lab.categorical.as_ref().unwrap().p[k];
    // While it is asked, the counts panel shows n_k but no p̂_k (each would
    // answer it, or all but one would): at both sizes, in both languages.
    let p_hats: Vec<String> =
        lab.categorical.as_ref().unwrap().p.iter().filter(|p| **p > 0.0).map(|p| num(*p)).collect();
    for (text, w, h) in [(&EN, 80, 24), (&KO, 120, 40)] {
        let mut app = App::new(mount(lab.clone()), text, Theme::MONO);
        let (s, _) = draw(&mut app, w, h);
        let row = (text.mle.count_row)(k + 1, &lab.counts[k].to_string(), "?");
        assert!(s.contains(&row), "{s}");
        assert!(p_hats.iter().all(|p| !s.contains(&format!("= {p} ")) && !s.contains(&format!("= {p}\n"))), "{s}");
    }
    type_answer(&mut lab, &truth.to_string());
    assert_eq!(lab.predict.score, (1, 1));
    // Answered, the line that solves for them is out, and so are they.
    let (s, _) = draw(&mut App::new(mount(lab.clone()), &EN, Theme::MONO), 120, 40);
    assert!(s.contains(&(EN.mle.count_row)(k + 1, &lab.counts[k].to_string(), &num(truth))), "{s}");
}

#[test]
fn o_opens_the_linear_regression_lab() {
    let mut app = App::new(mount(MleLab::new(Settings::default()).unwrap()), &EN, Theme::COLOR);
    app.handle(&key(KeyCode::Char('o')));
    assert_eq!(app.screens.len(), 2);
    assert!(app.front_lesson::<deepstep::lessons::linreg::lab::LinregLab>().is_some());
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_deepstep")).args(args).output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[test]
fn print_writes_the_estimates_and_refuses_bad_lists() {
    let (code, out, _) = run(&["lab", "mle", "--print", "--data=-1.5,2"]);
    assert_eq!(code, Some(0));
    let f = mle::fit_normal(&[-1.5, 2.0]).unwrap();
    for line in [
        format!("mu={}", f.mu),
        format!("sigma={}", f.sigma),
        format!("var_mle={}", f.var_mle),
        format!("var_unbiased={}", f.var_unbiased.unwrap()),
        format!("loglik={}", f.loglik.unwrap()),
    ] {
        assert!(out.lines().any(|l| l == line), "{line} in\n{out}");
    }
    let (_, spaced, _) = run(&["lab", "mle", "--print", "--data", "-1.5,2"]);
    assert_eq!(spaced, out, "--data -1.5,2 is the same list");
    let (_, one, _) = run(&["lab", "mle", "--print", "--data", "4"]);
    assert!(one.contains("sigma=0\n") && !one.contains("var_unbiased=") && !one.contains("loglik="), "{one}");
    let (code, cat, _) = run(&["lab", "mle", "--print", "--counts", "3,5,0,2"]);
    assert_eq!(code, Some(0));
    let c = mle::fit_categorical(&[3, 5, 0, 2]).unwrap();
    assert!(cat.contains("p=0.3,0.5,0,0.2\n") && cat.contains(&format!("cross_entropy={}", c.cross_entropy)), "{cat}");
    let drawn = mle::sample_normal(10, 2.0, 1.5, 1);
    let (_, seeded, _) = run(&["lab", "mle", "--print"]);
    assert!(seeded.contains(&format!("mu={}", mle::fit_normal(&drawn).unwrap().mu)), "{seeded}");
    for (args, says) in [
        (vec!["--data", "1,x"], "value 2 (`x`)"),
        (vec!["--data", "1,inf"], "value 2 (`inf`)"),
        (vec!["--data", "NaN"], "value 1"),
        (vec!["--data", ""], "empty"),
        (vec!["--counts", "3,-1"], "value 2 (`-1`)"),
        (vec!["--counts", "0,0"], "all zero"),
        (vec!["--sigma", "0"], "σ"),
        (vec!["--n", "0"], "n"),
    ] {
        let mut all = vec!["lab", "mle", "--print"];
        all.extend(args.iter());
        let (code, out, err) = run(&all);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(err.contains(says) && out.is_empty(), "{args:?}: {err}");
    }
}

/// While μ̂ and σ̂ are still to be predicted, no view shows them: not the
/// fitted curve, the surface, the bias experiment or the mistakes panel
/// (which ends with the right answers).
#[test]
fn the_fit_is_not_shown_before_it_is_predicted() {
    let mut lab = MleLab::new(Settings { data: Some(vec![1.0, 2.5, 4.25, 5.5]), ..Default::default() }).unwrap();
    lab.update(Action::TogglePredict);
    while lab.predict.question() != Some(&Asking::Sigma) {
        if lab.predict.question() == Some(&Asking::Mu) {
            type_answer(&mut lab, "3.3");
        }
        lab.update(Action::Next);
    }
    let fit = lab.normal.as_ref().unwrap().fit.clone();
    for view in View::NORMAL {
        lab.view = view;
        for (text, w, h) in [(&EN, 80, 24), (&KO, 120, 40)] {
            let (s, _) = draw(&mut App::new(mount(lab.clone()), text, Theme::MONO), w, h);
            assert!(!s.contains(&num(fit.sigma)), "{view:?}: σ̂ = {} shown\n{s}", num(fit.sigma));
            assert!(!s.contains(text.mle.fitted), "{view:?}: the fitted curve is drawn\n{s}");
        }
    }
    type_answer(&mut lab, &fit.sigma.to_string());
    lab.view = View::Mistakes;
    let (s, _) = draw(&mut App::new(mount(lab.clone()), &EN, Theme::MONO), 120, 40);
    assert!(s.contains(&(EN.mle.right_row)(&num(fit.mu), &num(fit.sigma))), "{s}");
}

/// D22: the MLE note's settings are the knobs, not the status line (the
/// panel shown, the derivation's line, predict mode).
#[test]
fn the_note_lists_knobs_as_settings_not_the_status_line() {
    let app = deepstep::app::App::new(
        crate::common::lesson_screen("mle"),
        &deepstep::text::EN,
        deepstep::ui::theme::Theme::MONO,
    );
    let note = app.note().unwrap();
    let settings = &note.sections[0];
    assert_eq!(settings.heading, deepstep::text::EN.note.settings);
    assert!(settings.lines.iter().all(|l| !l.contains("predict") && !l.contains(" line ")), "{:?}", settings.lines);
    assert!(!settings.lines.is_empty());
}

/// Found by the long screen walk: with eight classes the Korean counts rows
/// wrapped to two lines each and the panel cut the last class with no mark.
/// Every class's row is whole at 80×24 in both languages, p̂ hidden or shown.
#[test]
fn eight_classes_fit_the_counts_panel_at_80x24() {
    for text in [&EN, &KO] {
        for n in [20, 1000] {
            let s = Settings { family: Family::Categorical, classes: 8, n, ..Default::default() };
            let mut app = App::new(mount(MleLab::new(s).unwrap()), text, Theme::MONO);
            for predict in [false, true] {
                if predict {
                    app.handle(&key(KeyCode::Char('t')));
                }
                let (screen, parts, term) = common::draw_recorded(&mut app, 80, 24);
                let cut = deepstep::ui::drawn::unmarked_cuts(&parts, term.backend().buffer());
                assert!(cut.is_empty(), "{:?}:\n{screen}", cut.first().map(|c| c.at));
                let row = (text.mle.count_row)(8, "", "");
                assert!(screen.contains(row.split(':').next().unwrap()), "class 8 shown:\n{screen}");
            }
        }
    }
}
