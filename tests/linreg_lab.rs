//! The linear-regression lab: steps equal the math's, the stability limit
//! separates convergence from divergence, the error mix-up is shown, and
//! the screen shows the numbers.

mod common;

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
    assert!(l.limit > 0.5 && l.limit < 1.5, "{}", l.limit);
    assert!(!l.above_limit());
    while l.lr < l.limit {
        l.update(Action::LrUp);
    }
    assert!(l.above_limit(), "{} > {}", l.lr, l.limit);
    l.update(Action::ToggleSgd);
    assert!(!l.above_limit(), "the limit is full-batch descent's");
    l.update(Action::ToggleSgd);
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
        let limit = num(l.limit);
        let s = screen(l, w, h);
        assert!(s.contains(&format!("step 1: β = {beta}")) && s.contains(&loss), "{w}x{h}:\n{s}");
        assert!(s.contains(&limit) && s.contains("MSE = ||e||²/n"), "{w}x{h}:\n{s}");
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
