//! The counting-RNN lab: the BPTT loop stepped from k = T down to 1, typed
//! predictions, the surface cursor, training steps, and what is on screen.

use crate::common;

use deepstep::app::App;
use deepstep::assets::counting_tutorial;
use deepstep::lessons::count_rnn::lab::{Action, CountLab, Message, SURFACE_COLS, SURFACE_ROWS};
use deepstep::lessons::input::Edit;
use deepstep::lessons::lesson::mount;
use deepstep::math::counting_rnn::{self, Rprop};
use deepstep::math::format::num;
use deepstep::text::EN;
use deepstep::ui::theme::Theme;

fn lab() -> CountLab {
    CountLab::new(counting_tutorial().unwrap(), true, 1)
}

#[test]
fn the_loop_runs_from_t_down_to_1_with_the_math_numbers() {
    let mut l = lab();
    assert_eq!((l.shown, l.w), (0, (-1.5, 2.0)));
    l.update(Action::Next);
    l.update(Action::Next);
    assert_eq!(l.shown, 2);
    let step = &l.back.steps[1];
    assert_eq!(step.k, 9);
    let (_, gx, gr) = counting_rnn::loss_and_grads(l.x.view(), -1.5, 2.0);
    l.update(Action::Last);
    assert_eq!(l.shown, 10);
    assert_eq!((l.back.steps[9].g_w_x, l.back.steps[9].g_w_rec), (gx, gr));
    l.update(Action::Next);
    assert_eq!(l.shown, 10);
    l.update(Action::Prev);
    assert_eq!(l.shown, 9);
    l.update(Action::First);
    assert_eq!(l.shown, 0);
    assert!(l.check.rel_error.0 < 1e-6 && l.check.rel_error.1 < 1e-6);
    assert_eq!(l.mistakes.len(), 5);
    assert!(l.mistakes.iter().all(|(_, _, off)| *off > 0.0));
}

#[test]
fn predictions_take_three_numbers_and_say_how_far_off_they_are() {
    let mut l = lab();
    l.update(Action::TogglePredict);
    l.update(Action::Next);
    assert!(l.predict.is_asking() && l.shown == 0);
    for c in "1, 2".chars() {
        l.update(Action::Prompt(Edit::Type(c)));
    }
    l.update(Action::Prompt(Edit::Submit));
    assert_eq!(l.message, Some(Message::NotNumbers));
    for c in ", 3".chars() {
        l.update(Action::Prompt(Edit::Type(c)));
    }
    l.update(Action::Prompt(Edit::Submit));
    let s = &l.back.steps[0];
    let off = |g: f64, t: f64| Some((g - t).abs());
    assert_eq!(
        l.message,
        Some(Message::Graded(
            [
                // Sequence 1's own terms: what the table lets the learner compute.
                (1.0, s.ds_k[0], off(1.0, s.ds_k[0])),
                (2.0, s.term_w_x[0], off(2.0, s.term_w_x[0])),
                (3.0, s.term_w_rec[0], off(3.0, s.term_w_rec[0])),
            ],
            vec![]
        ))
    );
    assert_eq!(l.shown, 1);
    l.update(Action::Next);
    l.update(Action::Prompt(Edit::Skip));
    assert_eq!(l.shown, 2);
    // The true values as the screen writes them (4 significant digits) are
    // right: rounding is not reported as "off by 1e-13".
    l.update(Action::Next);
    let s = &l.back.steps[2];
    let typed: Vec<String> =
        [s.ds_k[0], s.term_w_x[0], s.term_w_rec[0]].iter().map(|v| deepstep::math::format::num(*v)).collect();
    for c in typed.join(", ").chars() {
        l.update(Action::Prompt(Edit::Type(c)));
    }
    l.update(Action::Prompt(Edit::Submit));
    let Some(Message::Graded(g, _)) = &l.message else { panic!("{:?}", l.message) };
    assert!(g.iter().all(|(_, _, off)| off.is_none()), "{g:?}");
}

#[test]
fn the_cursor_sets_the_weights_and_training_follows_the_math() {
    let mut l = lab();
    for _ in 0..40 {
        l.update(Action::Up);
        l.update(Action::Left);
    }
    assert_eq!(l.cursor, (0, 0));
    assert_eq!(l.w, (-3.0, 3.0));
    // The labels say what the keys do: up (w) raises w_rec, right (d) raises w_x.
    assert!(
        EN.count.surface_axes.iter().all(|a| a.contains("w_rec upward"))
            && EN.keys.move_cursor.contains("w/s: w_rec up/down")
    );
    let before = l.w;
    l.update(Action::Down);
    assert!(l.w.1 < before.1, "down lowers w_rec");
    l.update(Action::Up);
    l.update(Action::Down);
    l.update(Action::Right);
    assert_eq!(l.w, (l.surface.wx[1], l.surface.rec[1]));
    assert_eq!((l.surface.wx.len(), l.surface.rec.len()), (SURFACE_COLS, SURFACE_ROWS));
    // Three Rprop steps from the tutorial start follow train_rprop exactly.
    let mut l = lab();
    for _ in 0..3 {
        l.update(Action::RpropStep);
    }
    let t = counting_tutorial().unwrap();
    let r = Rprop { delta0: t.delta0, eta_plus: t.eta_plus, eta_minus: t.eta_minus };
    assert_eq!(l.path, counting_rnn::train_rprop(t.x.view(), t.start, r, 3));
    // A gradient-descent step with a small rate follows train_gd; a huge one is refused.
    let mut l = lab();
    for _ in 0..3 {
        l.update(Action::LrDown);
    }
    assert!((l.lr - 1e-7).abs() < 1e-20);
    l.update(Action::GdStep);
    assert_eq!(l.path, counting_rnn::train_gd(t.x.view(), t.start, l.lr, 1));
    for _ in 0..12 {
        l.update(Action::LrUp);
    }
    l.update(Action::GdStep);
    l.update(Action::GdStep);
    assert!(l.w.0.is_finite() && l.w.1.is_finite());
    // Zoom changes the surface's range; the data can switch to random sequences.
    l.update(Action::Zoom);
    assert_eq!((l.surface.wx[0], *l.surface.wx.last().unwrap()), (0.5, 1.5));
    l.update(Action::ToggleData);
    assert!(!l.use_tutorial && l.x.dim() == (20, 10));
}

fn screen(lab: CountLab, w: u16, h: u16) -> String {
    common::draw(&mut App::new(mount(lab), &EN, Theme::COLOR), w, h).0
}

#[test]
fn the_screen_shows_the_loss_the_loop_and_the_check_at_both_sizes() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut l = lab();
        l.update(Action::Next);
        let loss = num(l.fwd.loss);
        let ds = num(l.back.steps[0].ds_k[0]);
        let s = screen(l, w, h);
        assert!(s.contains(&format!("L = {loss}")), "{w}x{h}:\n{s}");
        // The table's row k = 10 (T) is marked and holds sequence 1's dL/dS_T.
        let row = s.lines().find(|r| r.contains(">  10")).unwrap_or_else(|| panic!("{w}x{h}:\n{s}"));
        assert!(row.contains(&ds), "{w}x{h}:\n{s}");
        // The rows not run yet show dots; every column head is whole.
        assert!(s.contains("Δ dL/dw_rec") && s.lines().any(|r| r.contains("    9    0") && r.contains('·')), "{s}");
        if h >= 40 {
            assert!(s.contains("[]"), "the surface cursor:\n{s}");
        } else {
            // All ten rows fit at 80×24 (nothing marked as out of view).
            assert!(s.contains("|    1    0 ") && !s.contains(EN.conv.more_below), "{s}");
        }
    }
    // At 80×24 the surface and the checks are one Tab away, whole: the
    // surface with its ticks (w_rec 3 at the top, w_x from -3 to 3 below)
    // and the perfect counter (1, 1) marked.
    let mut l = lab();
    l.update(Action::SwitchPanel);
    let s = screen(l.clone(), 80, 24);
    assert!(s.contains("| 3 @@") && s.contains("|-3 @@") && s.contains("   -3    ") && s.contains("()"), "{s}");
    assert!(s.contains("[]") && s.contains("w_x grows to the right") && s.contains("brighter"), "{s}");
    l.update(Action::SwitchPanel);
    let s = screen(l, 80, 24);
    for name in EN.count.mistake_names {
        assert!(s.contains(name), "{name}:\n{s}");
    }
    // The training path is drawn where it has been, the cursor where it is.
    let mut l = lab();
    for _ in 0..150 {
        l.update(Action::RpropStep);
    }
    assert_eq!(l.surface.cell_of(l.w), Some(l.cursor));
    assert_eq!(l.surface.cell_of((10.0, 0.0)), None);
    assert_ne!(l.surface.cell_of(l.path[0]), Some(l.cursor));
    assert!(screen(l, 120, 40).contains("**"), "the path is drawn");
    let l = lab();
    let analytic = format!("analytic {}", num(l.check.analytic.0));
    let s = screen(l, 120, 40);
    assert!(s.contains(&analytic) && s.contains("missing × w_rec"), "{s}");
}

/// The training path stops growing at MAX_PATH points and says so.
#[test]
fn the_training_path_is_bounded() {
    use deepstep::lessons::count_rnn::lab::MAX_PATH;
    let t = deepstep::assets::counting_tutorial().unwrap();
    let mut lab = CountLab::new(t, true, 1);
    // Nearly full already (10,000 steps each with its check take a while unoptimised).
    let start = lab.w;
    lab.path.resize(MAX_PATH - 5, start);
    for _ in 0..15 {
        lab.update(Action::RpropStep);
    }
    assert_eq!(lab.path.len(), MAX_PATH);
    assert_eq!(lab.message, Some(Message::PathFull));
}

/// A step that leaves the surface drawn says so (with where it went)
/// instead of vanishing or sticking to the edge.
#[test]
fn a_step_off_the_surface_says_so() {
    let mut l = lab();
    l.update(Action::Zoom); // [0.5, 1.5]: Rprop soon leaves it
    let mut left = None;
    for _ in 0..40 {
        l.update(Action::RpropStep);
        if let Some(Message::LeftSurface(w)) = &l.message {
            left = Some(*w);
            break;
        }
    }
    let w = left.expect("some step leaves the zoomed surface");
    assert_eq!(w, l.w);
    assert!(l.surface.cell_of(w).is_none());
    let s = screen(l, 120, 40);
    let said = (EN.count.left_surface)(&deepstep::math::format::num(w.0), &deepstep::math::format::num(w.1));
    assert!(s.replace('\n', "").contains(&said[..40]), "{s}");
}

/// A gradient-descent step that raises the loss says so, with the numbers:
/// the loss before and after, and how far the rate times the gradient moved w.
#[test]
fn an_overshooting_step_explains_itself() {
    let mut l = lab();
    // Near the perfect counter the valley is narrow: a large rate overshoots.
    while l.surface.rec[l.cursor.0] > 1.0 {
        l.update(Action::Down);
    }
    while l.surface.wx[l.cursor.1] < 1.5 {
        l.update(Action::Right);
    }
    for _ in 0..3 {
        l.update(Action::LrUp);
    }
    let (before, w0, g) = (l.fwd.loss, l.w, (l.back.g_w_x, l.back.g_w_rec));
    l.update(Action::GdStep);
    let Some(Message::Overshot { from, to, moved, .. }) = l.message.clone() else {
        panic!("{:?} {} -> {}", l.message, before, l.fwd.loss)
    };
    assert_eq!((from, to), (before, l.fwd.loss));
    assert!(to > from);
    assert!((moved.0 + l.lr * g.0).abs() < 1e-9 && (moved.1 + l.lr * g.1).abs() < 1e-9, "{moved:?} {g:?}");
    assert_eq!((w0.0 + moved.0, w0.1 + moved.1), l.w);
    let s = screen(l.clone(), 120, 40);
    assert!(s.contains("That step raised L from"), "{s}");
    // Turning the rate down after the step (`[`, as the message advises)
    // leaves the message quoting the rate that step was taken with.
    let used = l.lr;
    l.update(Action::LrDown);
    assert!(l.lr < used);
    let flat = |x: &str| x.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = flat(&screen(l.clone(), 120, 40));
    assert!(s.contains(&format!("learning rate {} ×", num(used))), "{s}");
    assert!(!s.contains(&format!("learning rate {} ×", num(l.lr))), "{s}");
    // The tutorial's start with the default rate overshoots at once; a small
    // enough rate lowers the loss and says nothing of the kind.
    let mut l = lab();
    l.update(Action::GdStep);
    // It also leaves the surface drawn, and says that too.
    assert!(matches!(l.message, Some(Message::Overshot { off_surface: true, .. })), "{:?}", l.message);
    let s = screen(l.clone(), 120, 40).split_whitespace().collect::<Vec<_>>().join(" ");
    let left: String = (EN.count.left_surface)(&num(l.w.0), &num(l.w.1)).chars().take(30).collect();
    assert!(s.contains(&left.split_whitespace().collect::<Vec<_>>().join(" ")), "{s}");
    let mut l = lab();
    for _ in 0..4 {
        l.update(Action::LrDown);
    }
    let before = l.fwd.loss;
    l.update(Action::GdStep);
    assert!(l.fwd.loss < before);
    assert!(!matches!(l.message, Some(Message::Overshot { .. })), "{:?}", l.message);
}

/// Tab, pressed, cycles the counting lab's panels on a small screen.
#[test]
fn tab_cycles_the_panels() {
    let mut app = App::new(mount(lab()), &EN, Theme::MONO);
    for want in [1, 2, 0] {
        app.handle(&common::key(ratatui::crossterm::event::KeyCode::Tab));
        assert_eq!(app.front_lesson::<CountLab>().unwrap().tab, want);
    }
}
