//! The linear-regression lab: steps equal the math's, the stability limit
//! separates convergence from divergence, the error mix-up is shown, and
//! the screen shows the numbers.

use crate::common;

use deepstep::app::App;
use deepstep::lessons::lesson::mount;
use deepstep::lessons::linreg::lab::{Action, LinregLab};
use deepstep::math::format::num;
use deepstep::math::linreg::{self, ErrorMeasure};
use deepstep::text::EN;
use deepstep::ui::theme::Theme;

#[test]
fn steps_are_gradient_descent_steps_and_converge_to_least_squares() {
    let mut l = LinregLab::new(1);
    let gd = linreg::gradient_descent(l.x.view(), l.y.view(), l.beta().view(), l.lr, 3, ErrorMeasure::Mse).unwrap();
    for _ in 0..3 {
        l.update(Action::Step);
    }
    assert_eq!(l.betas, gd.betas);
    assert_eq!(l.losses, gd.losses);
    for _ in 0..40 {
        l.update(Action::Run);
    }
    assert!((l.beta() - &l.least_squares).iter().all(|d| d.abs() < 1e-3), "{} vs {}", l.beta(), l.least_squares);
    l.update(Action::Reset);
    assert_eq!(l.betas.len(), 1);
}

#[test]
fn above_the_stability_limit_it_diverges_and_stops() {
    let mut l = LinregLab::new(1);
    let limit = l.limit.unwrap();
    assert!(limit > 0.5 && limit < 1.5, "{limit}");
    assert!(!l.above_limit());
    // The ladder has a rung at the limit itself (where the step neither
    // shrinks nor grows the error) and just above it.
    while l.lr <= limit {
        l.update(Action::LrUp);
    }
    assert!(l.above_limit(), "{} > {limit}", l.lr);
    // Minibatches step on their own Hessians, whose limit is lower: above it too.
    l.update(Action::ToggleSgd);
    let mini = l.limit.unwrap();
    assert!(mini < limit && l.above_limit(), "minibatches of 5: {mini} vs {limit}");
    l.update(Action::ToggleSgd);
    assert_eq!(l.limit, Some(limit));
    for _ in 0..40 {
        l.update(Action::Run);
    }
    assert!(l.losses.last().unwrap() > &l.losses[0], "grows above the limit");
    assert!(l.losses.iter().all(|v| v.is_finite()));
    while l.lr > 0.001 {
        l.update(Action::LrDown);
    }
    assert_eq!(l.lr, 0.001);
}

#[test]
fn sgd_uses_minibatches_and_the_mixup_ratio_is_the_maths() {
    let mut l = LinregLab::new(1);
    l.update(Action::ToggleSgd);
    assert_eq!(l.batch, Some(5));
    for _ in 0..6 {
        l.update(Action::Step);
    }
    assert_eq!(l.betas.len(), 7);
    // Watch MSE, step with SSE's gradient: each step is n = 30 times too large.
    let mut l = LinregLab::new(1);
    l.update(Action::NextGradient);
    l.update(Action::NextGradient);
    l.update(Action::NextGradient);
    l.update(Action::NextGradient);
    assert_eq!((l.measure, l.gradient), (ErrorMeasure::Mse, ErrorMeasure::Sse));
    assert!((l.mismatch().unwrap() - 30.0).abs() < 1e-9);
    l.update(Action::NextMeasure);
    assert_eq!((l.measure, l.gradient), (ErrorMeasure::Rmse, ErrorMeasure::Rmse));
    assert!((l.mismatch().unwrap() - 1.0).abs() < 1e-12);
    l.update(Action::ToggleFeatures);
    assert_eq!((l.features, l.x.ncols()), (3, 4));
}

fn screen(lab: LinregLab, w: u16, h: u16) -> String {
    common::draw(&mut App::new(mount(lab), &EN, Theme::COLOR), w, h).0
}

#[test]
fn the_screen_shows_beta_loss_limit_and_formulas_at_both_sizes() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut l = LinregLab::new(1);
        l.update(Action::Step);
        let beta = format!("[{}, {}]", num(l.beta()[0]), num(l.beta()[1]));
        let loss = num(*l.losses.last().unwrap());
        let limit = num(l.limit.unwrap());
        let s = screen(l, w, h);
        assert!(s.contains(&format!("step 1: β = {beta}")) && s.contains(&loss), "{w}x{h}:\n{s}");
        assert!(s.contains(&limit), "{w}x{h}:\n{s}");
        // The formulas show at 120×40; at 80×24 they are the Tab panel (tested below).
        assert!(h < 40 || s.contains("MSE = ||e||²/n"), "{w}x{h}:\n{s}");
    }
    let mut l = LinregLab::new(1);
    l.update(Action::NextGradient);
    let s = screen(l, 120, 40);
    assert!(s.contains("mix-up: stepping with the gradient of RMSE while watching MSE"), "{s}");
    let l = LinregLab::new(1);
    let (gw, _) = l.gradients();
    let e = linreg::residuals(l.x.view(), l.y.view(), l.beta().view());
    assert_eq!(gw, ErrorMeasure::Mse.gradient(l.x.view(), e.view()));
    let s = screen(l, 120, 40);
    assert!(s.contains(&format!("∇MSE = [{}, {}]", num(gw[0]), num(gw[1]))), "{s}");
}

/// The limit is that of the gradient actually used: SSE's is 2/λ_max(2XᵀX),
/// n times smaller than MSE's, so lr 0.1 with SSE's gradient is above it and
/// says so; RMSE, ||e|| and ||e||/n have none and warn from the loss instead.
#[test]
fn the_stability_limit_belongs_to_the_gradient_used() {
    let mut l = LinregLab::new(1);
    let n = l.x.nrows() as f64;
    let mse = l.limit.unwrap();
    assert_eq!(l.gradient, ErrorMeasure::Mse);
    let screen = |l: &LinregLab| common::draw(&mut App::new(mount(l.clone()), &EN, Theme::COLOR), 120, 40).0;
    assert!(screen(&l).contains(&format!("MSE's stability limit 2/λ_max((2/n)XᵀX) = {}", num(mse))));
    for _ in 0..4 {
        l.update(Action::NextGradient);
        let expected = linreg::stability_limit(l.x.view(), l.gradient);
        assert_eq!(l.limit, expected, "{:?}", l.gradient);
        match l.gradient {
            ErrorMeasure::Sse => {
                let sse = l.limit.unwrap();
                assert!((mse / sse - n).abs() < 1e-9 * n, "SSE's limit is MSE's / n");
                assert!(l.lr > sse && l.above_limit(), "lr {} with SSE's gradient is above {sse}", l.lr);
                let s = screen(&l);
                assert!(s.contains(&format!("SSE's stability limit 2/λ_max(2XᵀX) = {}", num(sse))), "{s}");
                // The warning may wrap at its end; its start stays on the rate line.
                assert!(s.contains(&EN.linreg.above_limit[..30]), "{s}");
            }
            ErrorMeasure::Mse => unreachable!("MSE comes round only after five presses"),
            other => {
                assert!(l.limit.is_none() && !l.above_limit(), "{other:?}");
                assert!(screen(&l).contains("no fixed stability limit"), "{other:?}");
            }
        }
    }
    // With no fixed limit, a learning rate that overshoots is caught from the loss.
    let mut l = LinregLab::new(1);
    l.update(Action::NextMeasure);
    l.update(Action::NextMeasure); // ||e||, watched and used
    while l.lr < 1.5 {
        l.update(Action::LrUp);
    }
    for _ in 0..20 {
        l.update(Action::Step);
    }
    let rose = l.losses.windows(2).last().is_some_and(|w| w[1] > w[0]);
    assert_eq!(l.loss_rising(), rose);
    if rose {
        let s = screen(&l);
        assert!(s.contains(&EN.linreg.loss_rose[..20]), "{s}");
    }
}

/// `lab linreg --print` states the limit of the gradient it uses before the steps.
#[test]
fn print_writes_the_limit_of_the_error_used() {
    let (x, _) = linreg::line_data(deepstep::lessons::linreg::lab::POINTS, 7.0, 2.0, 1.0, 1);
    for (flag, measure) in [
        ("mse", ErrorMeasure::Mse),
        ("sse", ErrorMeasure::Sse),
        ("rmse", ErrorMeasure::Rmse),
        ("l2", ErrorMeasure::L2),
        ("l2n", ErrorMeasure::L2OverN),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_deepstep"))
            .args(["lab", "linreg", "--print", "--steps", "2", "--error", flag])
            .output()
            .unwrap();
        let s = String::from_utf8(out.stdout).unwrap();
        let mut lines = s.lines();
        let (limit, above) = (lines.next().unwrap(), lines.next().unwrap());
        match linreg::stability_limit(x.view(), measure) {
            Some(v) => {
                let printed: f64 = limit.strip_prefix("stability_limit=").unwrap().parse().unwrap();
                assert_eq!(printed, v, "{flag}");
                assert_eq!(above, format!("above_limit={}", 0.1 > v), "{flag}");
            }
            None => assert_eq!((limit, above), ("stability_limit=none", "above_limit=false"), "{flag}"),
        }
        assert!(lines.next().unwrap().starts_with("step=0 "), "{flag}");
    }
}

/// Holding Space cannot grow the history forever: it stops at MAX_HISTORY
/// steps and says so; reset starts again.
#[test]
fn the_history_is_bounded() {
    use deepstep::lessons::linreg::lab::MAX_HISTORY;
    let mut l = LinregLab::new(1);
    l.update(Action::LrDown); // a small rate: no divergence on the way
    for _ in 0..(MAX_HISTORY / 50 + 5) {
        l.update(Action::Run);
    }
    assert!(l.full() && l.betas.len() == MAX_HISTORY + 1, "{}", l.betas.len());
    let s = screen(l.clone(), 120, 40);
    assert!(s.contains(&EN.linreg.history_full[..30]), "{s}");
    l.update(Action::Reset);
    assert!(!l.full() && l.betas.len() == 1);
}

/// β says what its entries are: (intercept, slope), or the intercept and one
/// weight per feature.
#[test]
fn beta_is_labelled() {
    for (features, names) in [(1, "(intercept, slope)"), (3, "(intercept, w_1..w_3)")] {
        let mut lab = LinregLab::new(1);
        if features == 3 {
            lab.update(Action::ToggleFeatures);
        }
        let s = screen(lab, 120, 40);
        assert!(s.contains(&format!("step 0: β = [{}] {names}", vec!["0"; features + 1].join(", "))), "{s}");
        // With 3 features there is no line to draw: the panel says what it holds.
        let (title, other) = if features == 3 {
            (EN.linreg.beta_table, EN.linreg.scatter)
        } else {
            (EN.linreg.scatter, EN.linreg.beta_table)
        };
        assert!(s.contains(title) && !s.contains(other), "{s}");
        assert_eq!((EN.linreg.beta_names)(features), names);
    }
}

/// The loss chart draws the least-squares floor: the watched error at the
/// least-squares β, which no step goes below.
#[test]
fn the_loss_chart_shows_the_least_squares_floor() {
    let mut lab = LinregLab::new(1);
    for _ in 0..3000 {
        lab.update(Action::Step);
    }
    let floor = lab.floor();
    let direct =
        ErrorMeasure::Mse.value(linreg::residuals(lab.x.view(), lab.y.view(), lab.least_squares.view()).view());
    assert_eq!(floor, direct);
    assert!(lab.losses.iter().all(|l| *l >= floor - 1e-12), "no step below the floor");
    assert!((lab.losses.last().unwrap() - floor) / floor < 1e-2, "GD at lr 0.1 comes down to it");
    assert_eq!(lab.floor_points(), vec![(0.0, floor.log10()), ((lab.losses.len() - 1) as f64, floor.log10())]);
    let s = screen(lab, 120, 40);
    assert!(s.contains(EN.linreg.floor_name), "{s}");
}

/// `m` does what its label says: the next error is watched and followed,
/// and the run starts over; `u` changes only the gradient followed.
#[test]
fn m_and_u_change_what_they_say() {
    assert!(EN.keys.measure.contains("watched and followed") && EN.keys.measure.contains("starts over"));
    let mut lab = LinregLab::new(1);
    lab.update(Action::Step);
    lab.update(Action::NextMeasure);
    assert_eq!((lab.measure, lab.gradient, lab.betas.len()), (lab.gradient, lab.measure, 1));
    assert_ne!(lab.measure, ErrorMeasure::Mse);
    let watched = lab.measure;
    lab.update(Action::NextGradient);
    assert_eq!(lab.measure, watched, "u leaves the watched error");
    assert_ne!(lab.gradient, watched);
}

/// At 80×24 the charts keep at least 10 plot rows and the least-squares β
/// is whole in the status; the error measures are one Tab away, whole.
#[test]
fn at_80x24_the_charts_are_tall_and_the_measures_a_tab_away() {
    let lab = LinregLab::new(1);
    let ls = format!("[{}, {}]", num(lab.least_squares[0]), num(lab.least_squares[1]));
    let mut app = App::new(mount(lab), &EN, Theme::MONO);
    let (s, _) = common::draw(&mut app, 80, 24);
    let plot_rows = s.lines().filter(|l| l.contains("||1e") || l.contains("||    |")).count();
    assert!(plot_rows >= 10, "{plot_rows} plot rows\n{s}");
    assert!(s.replace('\n', "").contains(&ls), "{ls}\n{s}");
    app.act::<LinregLab>(Action::SwitchPanel);
    let (s, _) = common::draw(&mut app, 80, 24);
    assert!(s.contains(EN.linreg.errors) && s.contains(EN.linreg.matched), "{s}");
    // At 120×40 both show at once.
    let (s, _) = common::draw(&mut app, 120, 40);
    assert!(s.contains(EN.linreg.errors) && s.contains(EN.linreg.loss_curve), "{s}");
}

/// The rate ladder probes just around the limit: 99% of it still converges,
/// 101% diverges, and the learner can step onto both.
#[test]
fn the_rate_ladder_steps_just_below_and_just_above_the_limit() {
    let mut l = LinregLab::new(1);
    let limit = l.limit.unwrap();
    let mut seen = vec![];
    while l.lr < 1.2 * limit {
        l.update(Action::LrUp);
        seen.push(l.lr);
    }
    let below = *seen.iter().find(|r| **r < limit && **r > 0.98 * limit).expect("a rung just below the limit");
    let above = *seen.iter().find(|r| **r > limit && **r < 1.02 * limit).expect("a rung just above the limit");
    // The descent itself agrees: below shrinks the loss, above makes it grow.
    let run = |lr: f64| {
        let (x, y) = (l.x.clone(), l.y.clone());
        let p =
            linreg::gradient_descent(x.view(), y.view(), ndarray::Array1::zeros(2).view(), lr, 2000, ErrorMeasure::Mse)
                .unwrap();
        (p.losses[1], *p.losses.last().unwrap())
    };
    let (first, last) = run(below);
    assert!(last < first, "{below}: {first} -> {last}");
    let (first, last) = run(above);
    assert!(last > first, "{above}: {first} -> {last}");
}

/// Tab, pressed, switches the linear-regression lab's panel on a small screen.
#[test]
fn tab_switches_to_the_error_measures() {
    let mut app = App::new(mount(LinregLab::new(1)), &EN, Theme::MONO);
    app.handle(&common::key(ratatui::crossterm::event::KeyCode::Tab));
    let (s, _) = common::draw(&mut app, 80, 24);
    assert!(app.front_lesson::<LinregLab>().unwrap().measures_tab && s.contains(EN.linreg.errors), "{s}");
}

/// D20, D19: at 80×24 (English) the loss chart's legend is on screen, in a
/// row of its own under the chart, so it never covers the curve at 120×40;
/// with 3 features the β table wraps its rows (the least-squares value was
/// cut) and a title too long for its panel ends in `…`.
#[test]
fn the_loss_legend_and_the_beta_table_are_whole() {
    use deepstep::text::KO;
    for t in [&EN, &KO] {
        for (w, h) in [(80, 24), (120, 40)] {
            let s = common::draw(&mut App::new(mount(LinregLab::new(1)), t, Theme::MONO), w, h).0;
            let legend = format!("** {}", t.linreg.floor_name);
            let row = s.lines().find(|l| l.contains(&legend)).unwrap_or_else(|| panic!("{w}x{h}\n{s}"));
            assert!(row.contains(t.linreg.loss_name) && !row.contains('|'), "outside the chart's frame: {row}\n{s}");
            let mut lab = LinregLab::new(1);
            lab.update(Action::ToggleFeatures);
            assert_eq!(lab.features, 3);
            let ls: Vec<String> = lab.least_squares.iter().map(|v| num(*v)).collect();
            let s = common::draw(&mut App::new(mount(lab), t, Theme::MONO), w, h).0;
            for v in &ls {
                assert!(s.contains(&format!("{v})")), "{v} whole\n{s}");
            }
            let title_head: String = t.linreg.beta_table.chars().take(8).collect();
            let title = s.lines().find(|l| l.contains(&title_head)).unwrap();
            assert!(title.contains(t.linreg.beta_table) || title.contains('…'), "{title}");
        }
    }
}

/// Where the charts and the error measures both fit, Tab swaps them (the
/// measures on top), so the key the footer lists does what it says.
#[test]
fn tab_swaps_the_panels_where_both_fit() {
    let mut app = App::new(mount(LinregLab::new(1)), &EN, Theme::MONO);
    let row = |s: &str, text: &str| s.lines().position(|l| l.contains(text)).unwrap();
    let (s, _) = common::draw(&mut app, 120, 40);
    assert!(row(&s, EN.linreg.errors) > row(&s, EN.linreg.loss_curve), "{s}");
    app.act::<LinregLab>(Action::SwitchPanel);
    let (s, _) = common::draw(&mut app, 120, 40);
    assert!(row(&s, EN.linreg.errors) < row(&s, EN.linreg.loss_curve), "{s}");
}

/// Found by the long screen walk: with 3 features, RMSE watched and a rate
/// that makes the loss rise, the status took seven rows at 80×24 and was cut
/// at six with no mark. It now takes the rows it needs while the charts keep
/// theirs, and what still does not fit ends in a marked `…`.
#[test]
fn a_long_status_is_whole_or_marked_at_80x24() {
    let mut longest = 0;
    for text in [&EN, &deepstep::text::KO] {
        for measure in 0..4 {
            for ups in 0..12 {
                let mut lab = LinregLab::new(3);
                for _ in 0..measure {
                    lab.update(Action::NextMeasure);
                }
                for _ in 0..ups {
                    lab.update(Action::LrUp);
                }
                lab.update(Action::Run);
                let mut app = App::new(mount(lab), text, Theme::MONO);
                let (screen, parts, term) = common::draw_recorded(&mut app, 80, 24);
                let cut = deepstep::ui::drawn::unmarked_cuts(&parts, term.backend().buffer());
                assert!(cut.is_empty(), "{:?}:\n{screen}", cut.first().map(|c| c.at));
                // The status is the first part drawn, from the top row.
                longest = longest.max(parts.iter().find(|p| p.area.y == 0).map_or(0, |p| p.area.height));
            }
        }
    }
    assert!(longest > 6, "no status needed more than six rows: {longest}");
}

/// The footer lists the learning rate's down keys with "down" alone (it
/// once said "[/- learning rate down / up", as if `-` raised it); the help
/// lists both rows, each with its own words.
#[test]
fn the_learning_rate_keys_say_which_way_they_turn() {
    for t in [&EN, &deepstep::text::KO] {
        let screen = mount(LinregLab::new(1));
        let footer = screen.key_rows(t, true);
        assert!(footer.contains(&("[/-".to_string(), t.keys.lr_down)), "{footer:?}");
        let help = screen.key_rows(t, false);
        assert!(
            help.contains(&("[/-".to_string(), t.keys.lr_down)) && help.contains(&("]/+".to_string(), t.keys.lr_up))
        );
    }
}
