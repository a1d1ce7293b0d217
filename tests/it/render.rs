//! Screens drawn into ratatui's TestBackend, asserting the numbers and words
//! a learner would see; and random key sequences at random sizes never panic.

use deepstep::app::App;
use deepstep::assets::digits;
use deepstep::cli::{ConvArgs, conv_lab};
use deepstep::lessons::conv::Action;
use deepstep::lessons::lesson::mount;
use deepstep::text::EN;
use deepstep::ui::theme::Theme;

use crate::common;
use common::{draw, key};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::style::Color;

/// `[11]`, or `[  11]` in a grid drawn larger: the value in a marked cell.
fn bracketed(s: &str, v: &str) -> bool {
    (0..6).any(|n| s.contains(&format!("[{}{v}]", " ".repeat(n))))
}

fn args(input: &str, kernel: &str) -> ConvArgs {
    common::conv_args(Some(input), Some(kernel))
}

fn example_app() -> App {
    let lab = conv_lab(&args("11,23,35;52,64,76;19,28,37", "2,-1;3,1"), &EN).unwrap();
    App::new(mount(lab), &EN, Theme::COLOR)
}

#[test]
fn conv_lab_shows_the_frame_arithmetic_and_formula_at_both_sizes() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = example_app();
        let (s, _) = draw(&mut app, w, h);
        assert!(s.contains("y[0,0] = 11×2 + 23×(-1) + 52×3 + 64×1 = 219"), "{w}x{h}:\n{s}");
        assert!(s.contains("OH = ⌊(3 + 2·0 − 1·(2−1) − 1)/1⌋ + 1 = 2"), "{s}");
        assert!(s.contains("OW = ⌊(3 + 2·0 − 1·(2−1) − 1)/1⌋ + 1 = 2"), "{s}");
        assert!(s.contains("frame 1/4"), "{s}");
        assert!(bracketed(&s, "11") && bracketed(&s, "64"), "window marked:\n{s}");
        app.handle(&key(KeyCode::Right));
        let (s, _) = draw(&mut app, w, h);
        assert!(s.contains("y[0,1] = 23×2 + 35×(-1) + 64×3 + 76×1 = 279"), "{s}");
        assert!(s.contains("frame 2/4"), "{s}");
        // The output fills in: 219 stays, 279 is the current cell, the rest unknown.
        assert!(s.contains("219") && bracketed(&s, "279") && s.contains('?'), "{s}");
        // The footer comes from the key table.
        assert!(s.contains("next frame") && s.contains("? help"), "{s}");
    }
}

#[test]
fn backward_modes_and_padding_render_their_panels() {
    let mut a = args("1,2,3;4,5,6;7,8,9", "1,0;0,-1");
    a.padding = "1".into();
    a.stride = "2".into();
    let lab = conv_lab(&a, &EN).unwrap();
    let mut app = App::new(mount(lab), &EN, Theme::COLOR);
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains(EN.conv.padding_legend), "{s}");
    app.handle(&key(KeyCode::Char('m')));
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains("dW[0,0] = 0×1 + 0×1 + 0×1 + 5×1 = 5"), "{s}");
    app.handle(&key(KeyCode::Char('m')));
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains(EN.conv.flipped_kernel) && s.contains(EN.conv.gap_legend), "{s}");
    assert!(s.contains("dX[0,0] = 1×(-1) + 0×0 + 0×0 + 0×1 = -1"), "{s}");
}

#[test]
fn a_refused_knob_shows_why() {
    let mut app = example_app();
    // Select kernel height (4 rows down) and raise it beyond the 3×3 input... a given kernel is fixed.
    for _ in 0..3 {
        app.handle(&key(KeyCode::Down));
    }
    app.handle(&key(KeyCode::Char(']')));
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains(EN.conv.invalid) && s.contains("fixed size"), "{s}");
    assert!(
        s.contains("> kernel height: 2") && s.contains("  stride height: 1"),
        "the knob panel marks the selection:\n{s}"
    );
}

#[test]
fn digits_are_drawn_as_a_heatmap_with_credit() {
    let lab = deepstep::lessons::conv::ConvLab::new(
        deepstep::lessons::conv::lab::Settings {
            input: deepstep::lessons::conv::lab::InputChoice::Digit(0),
            ..Default::default()
        },
        Default::default(),
        digits().unwrap(),
    )
    .unwrap();
    let mut app = App::new(mount(lab), &EN, Theme::COLOR);
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains("handwritten 0") && s.contains("CC BY 4.0"), "{s}");
    assert!(s.contains("@@"), "the brightest pixels shade as @:\n{s}");
    // At 80 columns the heatmap and the knob panel give way; the whole input row stays.
    let (s, _) = draw(&mut app, 80, 24);
    let first_row = digits().unwrap()[0].pixels.row(0).iter().map(|v| v.to_string()).collect::<Vec<_>>();
    let line = s.lines().find(|l| l.contains("[ 0]")).unwrap();
    assert!(first_row.iter().all(|v| line.contains(v.as_str())), "{line}");
    assert!(line.contains(" 13 ") && line.contains("  9 "), "{line}");
    assert!(s.contains("input: handwritten 0"), "the selected knob in the status line:\n{s}");
}

#[test]
fn clicking_an_output_cell_jumps_to_its_frame() {
    let mut app = example_app();
    let (s, _) = draw(&mut app, 120, 40);
    // The first unknown output cell is frame 2 (y[0,1]).
    let (row, line) = s.lines().enumerate().find(|(_, l)| l.contains("219") && l.contains('?')).unwrap();
    let col = line.chars().position(|c| c == '?').unwrap();
    app.handle(&Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: col as u16,
        row: row as u16,
        modifiers: KeyModifiers::NONE,
    }));
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains("frame 2/4"), "{s}");
}

#[test]
fn home_lists_the_lessons_and_opens_the_convolution_lab() {
    let mut app = App::home(&EN, Theme::COLOR);
    let (s, _) = draw(&mut app, 80, 24);
    for e in deepstep::lessons::registry::LESSONS {
        assert!(s.contains((e.text)(&EN).name), "{s}");
    }
    app.handle(&key(KeyCode::Down));
    app.handle(&key(KeyCode::Down));
    app.handle(&key(KeyCode::Enter));
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains(EN.quiz.title) && s.contains(&(EN.quiz.question_of)(1, 10)), "{s}");
    assert!(s.contains(EN.quiz.not_saved), "a test run must not write to the user's data directory: {s}");
    app.handle(&key(KeyCode::Char('q')));
    app.handle(&key(KeyCode::Char('k')));
    app.handle(&key(KeyCode::Enter));
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains(EN.rnn.title), "{s}");
    app.handle(&key(KeyCode::Esc));
    app.handle(&key(KeyCode::Char('k')));
    app.handle(&key(KeyCode::Enter));
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains(EN.conv.title), "{s}");
    // q goes back to the list, then quits.
    app.handle(&key(KeyCode::Char('q')));
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains(EN.home_title) && !app.quit);
    app.handle(&key(KeyCode::Esc));
    assert!(app.quit);
}

#[test]
fn help_overlay_lists_every_key_of_the_table() {
    let mut app = example_app();
    app.handle(&key(KeyCode::Char('?')));
    let (s, _) = draw(&mut app, 120, 40);
    for what in [EN.keys.fine, EN.keys.random_dy, EN.keys.link_axes, EN.keys.first_last, EN.keys.sample, EN.keys.click]
    {
        assert!(s.contains(what), "{what} missing:\n{s}");
    }
    app.handle(&key(KeyCode::Right)); // ignored while help is open
    app.handle(&key(KeyCode::Esc));
    assert!(!app.help && !app.quit);
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains("frame 1/4"));
}

#[test]
fn too_small_terminals_say_so_and_recover() {
    let mut app = example_app();
    let (s, _) = draw(&mut app, 60, 20);
    assert!(s.contains("terminal too small: need 80×24"), "{s}");
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains("219"));
}

#[test]
fn no_color_draws_without_colours() {
    let lab = conv_lab(&args("11,23,35;52,64,76;19,28,37", "2,-1;3,1"), &EN).unwrap();
    let mut app = App::new(mount(lab), &EN, Theme::MONO);
    let (s, term) = draw(&mut app, 120, 40);
    let buf = term.backend().buffer();
    assert!(buf.content().iter().all(|c| c.fg == Color::Reset && c.bg == Color::Reset));
    assert!(bracketed(&s, "11"), "the window is marked by brackets, not colour alone");
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    let mut app = example_app();
    app.act::<deepstep::lessons::conv::ConvLab>(Action::TogglePredict);
    app.handle(&key(KeyCode::Right)); // now a prompt is open
    app.handle(&Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)));
    assert!(app.quit);
}

#[test]
fn exercise_lab_keys_reach_their_labs_and_help_lists_them() {
    let mut app = App::home(&EN, Theme::COLOR);
    let count_rnn = deepstep::lessons::registry::LESSONS.iter().position(|e| e.stem == "counting-rnn").unwrap();
    for _ in 0..count_rnn {
        app.handle(&key(KeyCode::Down));
    }
    app.handle(&key(KeyCode::Enter));
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains("Counting-ones RNN"), "{s}");
    app.handle(&key(KeyCode::Char('l')));
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains(">  10    1      -192     -38.75"), "{s}");
    app.handle(&key(KeyCode::Char('?')));
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains(EN.keys.move_cursor) && s.contains(EN.keys.rprop_step), "{s}");
    app.handle(&key(KeyCode::Esc));
    app.handle(&key(KeyCode::Esc)); // back to the list
    let linreg = deepstep::lessons::registry::LESSONS.iter().position(|e| e.stem == "linear-regression").unwrap();
    for _ in count_rnn..linreg {
        app.handle(&key(KeyCode::Down));
    }
    app.handle(&key(KeyCode::Enter));
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains("step 0: β = [0, 0]"), "{s}");
    app.handle(&key(KeyCode::Char('m')));
    app.handle(&key(KeyCode::Char('l')));
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains("RMSE = √(||e||²/n)    ∇ = −Xᵀe / (n·RMSE)  [watched + gradient used]"), "{s}");
    assert!(s.contains("step 1: β = ["), "{s}");
}

/// Without colour, the three cells' curves are still told apart: each has its
/// own marker (Braille dots, `*`, `#`) and the legend shows each marker's sample.
#[test]
fn chart_series_differ_by_marker_without_colour() {
    let lab = deepstep::lessons::rnn::lab::RnnLab::new(Default::default()).unwrap();
    let mut app = App::new(mount(lab), &EN, Theme::MONO);
    app.handle(&key(KeyCode::End)); // BPTT all the way back: the comparison shows
    app.handle(&key(KeyCode::Char('c'))); // the three cells
    let (s, _) = draw(&mut app, 120, 40);
    for (sample, name) in [("⠒⠒", EN.rnn.cell_names[1]), ("**", EN.rnn.cell_names[2]), ("##", EN.rnn.cell_names[3])]
    {
        assert!(s.contains(&format!("{sample} {name}")), "legend {sample} {name}:\n{s}");
    }
    // Beyond the legend's two samples, the curves themselves are drawn in `*` and `#`.
    assert!(s.matches('*').count() > 10 && s.matches('#').count() > 10, "{s}");
    assert!(!s.contains('•') && !s.contains('█'), "ambiguous-width markers are redrawn as ASCII:\n{s}");
}

/// The dX legend names the stride gaps only when a stride makes them.
#[test]
fn the_stride_gap_legend_appears_only_with_a_stride() {
    use deepstep::lessons::conv::{ConvLab, lab::Settings};
    for stride in [1, 2] {
        let mut s = Settings::default();
        s.params.stride = [stride, stride];
        let mut lab = ConvLab::new(s, Default::default(), digits().unwrap()).unwrap();
        lab.update(deepstep::lessons::conv::Action::CycleMode);
        lab.update(deepstep::lessons::conv::Action::CycleMode);
        assert_eq!(lab.mode, deepstep::lessons::conv::Mode::GradX);
        let mut app = App::new(mount(lab), &EN, Theme::MONO);
        let (shown, _) = draw(&mut app, 120, 40);
        assert_eq!(shown.contains(EN.conv.gap_legend), stride > 1, "stride {stride}:\n{shown}");
        assert!(shown.contains(EN.conv.padding_legend), "stride {stride}");
    }
}

/// The help lists each description once: keys that do one thing share a row.
#[test]
fn help_rows_do_not_repeat_a_description() {
    for (stem, screen) in common::lesson_screens() {
        let mut app = App::new(screen, &EN, Theme::MONO);
        app.handle(&key(KeyCode::Char('?')));
        let (shown, _) = draw(&mut app, 120, 40);
        let rows = app.key_rows(false);
        let mut whats: Vec<&str> = rows.iter().map(|(_, w)| *w).collect();
        whats.sort();
        whats.dedup();
        for what in whats {
            let n = shown.lines().filter(|l| l.trim_end_matches('|').trim_end().ends_with(what)).count();
            assert!(n <= 1, "{stem}: `{what}` on {n} rows\n{shown}");
        }
    }
}

/// A box blur's weights read as 1/9, not the rounded 0.1111.
#[test]
fn box_blur_weights_are_shown_as_ninths() {
    use deepstep::lessons::conv::{ConvLab, lab::Settings};
    let s = Settings { preset: Some(deepstep::math::kernels::Preset::BoxBlur), ..Settings::default() };
    let mut app = App::new(mount(ConvLab::new(s, Default::default(), digits().unwrap()).unwrap()), &EN, Theme::MONO);
    let (shown, _) = draw(&mut app, 120, 40);
    assert!(shown.contains("1/9") && !shown.contains("0.1111"), "{shown}");
}

/// With two output channels the kernel panel says whose kernel it shows.
#[test]
fn the_kernel_panel_names_its_output_channel() {
    use deepstep::lessons::conv::{ConvLab, lab::Settings};
    for c_out in [1, 2] {
        let s = Settings { c_out, ..Settings::default() };
        let mut app =
            App::new(mount(ConvLab::new(s, Default::default(), digits().unwrap()).unwrap()), &EN, Theme::MONO);
        let (shown, _) = draw(&mut app, 120, 40);
        assert_eq!(shown.contains(&(EN.conv.kernel_of)(0)), c_out == 2, "c_out {c_out}:\n{shown}");
        assert!(shown.contains(EN.conv.kernel), "{shown}");
    }
}

/// Predict mode shows the asked frame's window and output cell, and hides
/// its value and arithmetic until answered; a size question hides the
/// formula's result, the output grid and the frame count.
#[test]
fn predict_mode_shows_the_asked_frame_and_hides_its_answer() {
    use deepstep::lessons::conv::ConvLab;
    use deepstep::lessons::input::Edit;
    let lab = conv_lab(&args("11,23,35;52,64,76;19,28,37", "2,-1;3,1"), &EN).unwrap();
    let mut app = App::new(mount(lab), &EN, Theme::MONO);
    app.act::<ConvLab>(Action::TogglePredict);
    app.act::<ConvLab>(Action::Next);
    let (s, _) = draw(&mut app, 80, 24);
    // Frame 2 of 4 is asked: 23·2 + 35·(−1) + 64·3 + 76·1 = 279.
    assert!(s.contains("frame 2/4") && s.contains(EN.conv.predict_value), "{s}");
    assert!(s.contains(&EN.conv.arithmetic_hidden[..40]) && !s.contains("279"), "{s}");
    for c in "279".chars() {
        app.act::<ConvLab>(Action::Prompt(Edit::Type(c)));
    }
    app.act::<ConvLab>(Action::Prompt(Edit::Submit));
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains("279") && s.contains(EN.conv.right), "{s}");
    // Padding 1 (both axes) makes the output 4×4: asked, not shown.
    while app.front_lesson::<ConvLab>().unwrap().knob != deepstep::lessons::conv::lab::Knob::PadH {
        app.act::<ConvLab>(Action::KnobDown);
    }
    app.act::<ConvLab>(Action::KnobInc);
    let lab = app.front_lesson::<ConvLab>().unwrap();
    assert!(lab.hiding_size(), "{:?}", lab.data.geometry);
    let (s, _) = draw(&mut app, 80, 24);
    // The new geometry starts again at its first frame (D7).
    assert!(s.contains("OH = ⌊(3 + 2·1 − 1·(2−1) − 1)/1⌋ + 1 = ?") && s.contains("frame 1/?"), "{s}");
    assert!(!s.contains("/16") && !s.contains("+ 1 = 4"), "{s}");
    for c in "4x4".chars() {
        app.act::<ConvLab>(Action::Prompt(Edit::Type(c)));
    }
    app.act::<ConvLab>(Action::Prompt(Edit::Submit));
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains("+ 1 = 4") && s.contains("frame 1/16"), "{s}");
}

/// 6×6 with a 3×3 kernel and stride 2: ⌊3/2⌋ drops one position, so the
/// last row and column are never read; they are drawn in parentheses and
/// the legend says why.
#[test]
fn the_rows_the_floor_drops_are_marked_and_explained() {
    let x: Vec<String> =
        (0..6).map(|r| (0..6).map(|c| (r * 10 + c + 1).to_string()).collect::<Vec<_>>().join(",")).collect();
    let mut a = args(&x.join(";"), "1,0,1;0,1,0;1,0,1");
    a.stride = "2".into();
    let mut app = App::new(mount(conv_lab(&a, &EN).unwrap()), &EN, Theme::MONO);
    let (s, _) = draw(&mut app, 120, 40);
    for v in ["(51)", "(56)", "(16)", "(46)"] {
        assert!(s.contains(v), "{v}\n{s}");
    }
    assert!(s.contains("(55)"), "row 5 is all unread");
    assert!(!s.contains("(45)") && s.contains(" 45 "), "row 4, column 4 is read\n{s}");
    assert!(s.contains("height: ⌊3/2⌋ = 1 drops one position") && s.contains(EN.conv.unread_legend), "{s}");
    // With stride 1 every cell is read and nothing is said.
    a.stride = "1".into();
    let mut app = App::new(mount(conv_lab(&a, &EN).unwrap()), &EN, Theme::MONO);
    let (s, _) = draw(&mut app, 120, 40);
    assert!(!s.contains("(56)") && !s.contains(EN.conv.unread_legend), "{s}");
}

/// `f` adds one tap at a time: the whole window stays bracketed and the tap
/// being added is `>x<` in the input and the kernel, without colour.
#[test]
fn tap_by_tap_keeps_the_window_and_marks_the_tap() {
    use deepstep::lessons::conv::ConvLab;
    let lab = conv_lab(&args("11,23,35;52,64,76;19,28,37", "2,-1;3,1"), &EN).unwrap();
    let mut app = App::new(mount(lab), &EN, Theme::MONO);
    app.handle(&key(KeyCode::Char('f')));
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains(">11<") && s.contains("[23]") && s.contains("[52]") && s.contains("[64]"), "{s}");
    assert!(s.contains("> 2<") && s.contains("[ 3]") && s.contains("y[0,0] = 11×2 = 22"), "{s}");
    app.handle(&key(KeyCode::Char('f')));
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains("[11]") && s.contains(">23<") && s.contains("[ 2]>-1<"), "{s}");
    assert_eq!(app.front_lesson::<ConvLab>().unwrap().shown_taps(), 2);
}

/// At 80×24 the knob panel shows each value whole, and the selected knob is
/// always in view.
#[test]
fn knob_values_are_whole_at_80x24() {
    use deepstep::lessons::conv::ConvLab;
    let mut app = App::new(
        mount(conv_lab(&ConvArgs { input: None, kernel: None, ..args("1", "1") }, &EN).unwrap()),
        &EN,
        Theme::MONO,
    );
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains("kernel preset: random integers"), "{s}");
    for _ in 0..20 {
        app.act::<ConvLab>(Action::KnobDown);
    }
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains("> output channels: 1"), "{s}");
}

/// At 80×24 the home list keeps every name on screen and shows the selected
/// lesson's description whole (wrapped), whichever is selected.
#[test]
fn home_at_80x24_shows_the_selected_description_whole() {
    let mut app = App::home(&EN, Theme::MONO);
    for e in deepstep::lessons::registry::LESSONS {
        let (s, _) = draw(&mut app, 80, 24);
        // Compared word by word (a hat over μ may be drawn in a cell of its own).
        let words = |x: &str| {
            let x = x.replace('\u{302}', "").replace('|', " ");
            x.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        assert!(words(&s).contains(&words((e.text)(&EN).blurb)), "{}\n{s}", e.stem);
        for other in deepstep::lessons::registry::LESSONS {
            assert!(s.contains((other.text)(&EN).name), "{s}");
        }
        app.handle(&key(KeyCode::Down));
    }
}

/// A big setting (8×8 input, padding 2, 3 input and 2 output channels) at
/// 80×24: the panels crop and scroll to keep the window and the output cell
/// in view, and their titles say there is more.
#[test]
fn big_grids_follow_the_window_at_80x24() {
    use deepstep::lessons::conv::ConvLab;
    use deepstep::lessons::conv::lab::Knob;
    let mut app = App::new(
        mount(conv_lab(&ConvArgs { input: None, kernel: None, ..args("1", "1") }, &EN).unwrap()),
        &EN,
        Theme::MONO,
    );
    let turn = |app: &mut App, knob: Knob, times: usize| {
        while app.front_lesson::<ConvLab>().unwrap().knob != knob {
            app.act::<ConvLab>(Action::KnobDown);
        }
        for _ in 0..times {
            app.act::<ConvLab>(Action::KnobInc);
        }
    };
    turn(&mut app, Knob::InputH, 4);
    turn(&mut app, Knob::PadH, 2);
    turn(&mut app, Knob::CIn, 2);
    turn(&mut app, Knob::COut, 1);
    let lab = app.front_lesson::<ConvLab>().unwrap();
    let g = lab.data.geometry;
    assert_eq!((g.input, g.params.padding, g.c_in, g.c_out), ([8, 8], [2, 2], 3, 2), "{:?}", lab.message);
    app.act::<ConvLab>(Action::Last);
    let lab = app.front_lesson::<ConvLab>().unwrap();
    let value = deepstep::math::format::num(lab.frame_value(lab.frame));
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains(&format!("{value}]")), "the last output cell, bracketed: {value}\n{s}");
    assert!(
        s.contains(EN.conv.more_above) || s.contains(EN.conv.more_below) || s.contains(EN.conv.more_sideways),
        "{s}"
    );
    // The window's cells are bracketed: the last window's bottom-right input cell is padding.
    assert!(s.contains("[ .]") || s.contains("[.]"), "{s}");
    if std::env::var_os("SHOW").is_some() {
        println!("{s}");
    }
}

/// dX says how the spread dY is framed: 6×6, K = 3, S = 2 pads 2 before and
/// 3 after (the floor dropped one position going forward); P = 3 > D(K−1) = 2
/// crops instead.
#[test]
fn dx_explains_its_uneven_padding_and_its_crop() {
    use deepstep::lessons::conv::ConvLab;
    let x: Vec<String> =
        (0..6).map(|r| (0..6).map(|c| (r * 6 + c).to_string()).collect::<Vec<_>>().join(",")).collect();
    let mut a = args(&x.join(";"), "1,0,1;0,1,0;1,0,1");
    a.stride = "2".into();
    let mut app = App::new(mount(conv_lab(&a, &EN).unwrap()), &EN, Theme::MONO);
    app.act::<ConvLab>(Action::CycleMode);
    app.act::<ConvLab>(Action::CycleMode);
    let (s, _) = draw(&mut app, 120, 40);
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let want = (EN.conv.dx_frame)("height", 2, 3, 1);
    assert!(flat.contains(&want), "{want}\n{s}");
    a.padding = "3".into();
    let mut app = App::new(mount(conv_lab(&a, &EN).unwrap()), &EN, Theme::MONO);
    app.act::<ConvLab>(Action::CycleMode);
    app.act::<ConvLab>(Action::CycleMode);
    let (s, _) = draw(&mut app, 120, 40);
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("a crop of 1 (P > D(K−1)"), "{s}");
}

/// With room (120×40) the grids are drawn larger, wider cells and a blank
/// line between rows; at 80×24 they stay compact. Clicks still land on cells.
#[test]
fn grids_are_larger_where_there_is_room() {
    let mut app = example_app();
    let (small, _) = draw(&mut app, 80, 24);
    assert!(small.contains("|[11][23] 35 |"), "{small}");
    let (large, _) = draw(&mut app, 120, 40);
    let row = large.lines().position(|l| l.contains("[  11][  23]")).unwrap_or_else(|| panic!("{large}"));
    assert!(large.lines().nth(row + 1).is_some_and(|l| !l.contains("52")), "a blank line between rows:\n{large}");
    assert!(large.lines().nth(row + 2).is_some_and(|l| l.contains("[  52][  64]")), "{large}");
    // Click the output cell of frame 2: its text is right of the first one's.
    let line = large.lines().position(|l| l.contains("219") || l.contains('?')).unwrap();
    let text = large.lines().nth(line).unwrap();
    let col = text.char_indices().filter(|(_, c)| *c == '?').map(|(i, _)| text[..i].chars().count()).next().unwrap();
    app.handle(&Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: col as u16,
        row: line as u16,
        modifiers: KeyModifiers::NONE,
    }));
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains("frame 2/4"), "{s}");
}
