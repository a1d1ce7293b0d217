//! The convolution lab's state machine, driven without a terminal: every key
//! action, every knob, refused settings, predictions and playback.

use deepstep::assets::digits;
use deepstep::lessons::conv::keys::map_key;
use deepstep::lessons::conv::lab::{Asking, Custom, InputChoice, Knob, Message, Refusal, Settings};
use deepstep::lessons::conv::{Action, ConvLab, Mode};
use deepstep::lessons::input::Edit;
use deepstep::math::conv;
use deepstep::text::EN;
use ndarray::{Array3, Array4, array};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn lab() -> ConvLab {
    ConvLab::new(Settings::default(), Custom::default(), digits().unwrap()).unwrap()
}

/// The lab of the example: 3×3 input, 2×2 kernel.
fn example() -> ConvLab {
    let x = array![[[11.0, 23.0, 35.0], [52.0, 64.0, 76.0], [19.0, 28.0, 37.0]]];
    let w = Array4::from_shape_vec((1, 1, 2, 2), vec![2.0, -1.0, 3.0, 1.0]).unwrap();
    let s = Settings { input: InputChoice::Custom, preset: None, kernel: [2, 2], ..Settings::default() };
    ConvLab::new(s, Custom { x: Some(x), w: Some(w), dy: None }, digits().unwrap()).unwrap()
}

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

#[test]
fn stepping_moves_through_frames_and_clamps_at_the_ends() {
    let mut l = example();
    assert_eq!(l.frame_count(), 4);
    assert_eq!(l.current().2, 219.0);
    l.update(Action::Prev);
    assert_eq!(l.frame, 0);
    l.update(Action::Next);
    assert_eq!((l.frame, l.current().2), (1, 279.0));
    l.update(Action::Last);
    assert_eq!(l.frame, 3);
    l.update(Action::Next);
    assert_eq!(l.frame, 3);
    l.update(Action::First);
    assert_eq!(l.frame, 0);
    l.update(Action::JumpTo(2));
    assert_eq!((l.frame, l.current().2), (2, 125.0));
    l.update(Action::JumpTo(99));
    assert_eq!(l.frame, 2);
}

#[test]
fn tap_by_tap_mode_adds_one_product_at_a_time() {
    let mut l = example();
    // f adds one tap at a time, on into the next frame.
    l.update(Action::Tap);
    assert_eq!(l.shown_taps(), 1);
    assert_eq!(l.equation_of(0, 1, "running sum"), "y[0,0] = 11×2 = 22 (running sum)");
    for _ in 0..3 {
        l.update(Action::Tap);
    }
    assert_eq!((l.frame, l.shown_taps()), (0, 4));
    assert_eq!(l.equation_of(0, 4, "running sum"), "y[0,0] = 11×2 + 23×(-1) + 52×3 + 64×1 = 219");
    l.update(Action::Tap);
    assert_eq!((l.frame, l.shown_taps()), (1, 1));
    // Left and Right move whole frames.
    l.update(Action::Prev);
    assert_eq!((l.frame, l.tap), (0, None));
    l.update(Action::Tap);
    l.update(Action::Next);
    assert_eq!((l.frame, l.tap, l.shown_taps()), (1, None, 4));
}

#[test]
fn play_advances_on_ticks_and_stops_at_the_end() {
    let mut l = example();
    l.update(Action::Tick);
    assert_eq!(l.frame, 0, "ticks do nothing while paused");
    l.update(Action::TogglePlay);
    for _ in 0..10 {
        l.update(Action::Tick);
    }
    assert_eq!(l.frame, 3);
    assert!(!l.playing);
    let before = l.speed_ms();
    l.update(Action::Slower);
    assert!(l.speed_ms() > before);
    l.update(Action::Faster);
    l.update(Action::Faster);
    assert!(l.speed_ms() < before);
    // Play at the last frame starts again from the first.
    l.update(Action::TogglePlay);
    assert!(l.playing && l.frame == 0, "frame {}", l.frame);
    l.update(Action::Tick);
    assert_eq!(l.frame, 1);
}

#[test]
fn modes_cycle_through_forward_dw_and_dx_with_their_own_frames() {
    let mut l = example();
    l.update(Action::Next);
    l.update(Action::CycleMode);
    assert_eq!((l.mode, l.frame, l.frame_count()), (Mode::GradW, 0, 4));
    // dW[0,0] = Σ x·dY over the four windows, dY = ones: 11 + 23 + 52 + 64.
    assert_eq!(l.current().2, 150.0);
    l.update(Action::CycleMode);
    assert_eq!((l.mode, l.frame_count()), (Mode::GradX, 9));
    // dX[0,0] touches only w[0,0] = 2.
    assert_eq!(l.current().2, 2.0);
    l.update(Action::CycleMode);
    assert_eq!(l.mode, Mode::Forward);
}

#[test]
fn random_dy_changes_the_backward_pass_only() {
    let mut l = lab();
    let y = l.data.y.clone();
    assert!(l.data.dy.iter().all(|v| *v == 1.0));
    l.update(Action::RandomDy);
    assert!(l.data.dy.iter().any(|v| *v != 1.0));
    assert_eq!(l.data.y, y);
    let g = conv::conv2d_backward(l.data.x.view(), l.data.w.view(), l.data.dy.view(), l.data.geometry.params).unwrap();
    assert_eq!(l.data.grads, g);
}

#[test]
fn every_knob_turns_and_linked_axes_move_together() {
    let mut l = lab();
    let start = l.data.geometry;
    // Each knob, turned up from the defaults, changes its own setting (or
    // says why not), and the output size is the formula's for the result.
    for k in Knob::ALL {
        let mut one = lab();
        one.knob = k;
        one.update(Action::KnobInc);
        assert!(one.settings != lab().settings || matches!(one.message, Some(Message::Refused(_))), "{k:?}");
        let g = one.data.geometry;
        for a in 0..2 {
            let (p, d, kk, st) = (g.params.padding[a], g.params.dilation[a], g.kernel[a], g.params.stride[a]);
            assert_eq!(g.output[a], (g.input[a] + 2 * p - d * (kk - 1) - 1) / st + 1, "{k:?} axis {a}");
        }
        l.knob = k;
        l.update(Action::KnobInc);
    }
    // Linked: stride height up means stride width up too.
    let mut l = lab();
    l.knob = Knob::StrideH;
    l.update(Action::KnobInc);
    assert_eq!(l.data.geometry.params.stride, [2, 2]);
    l.update(Action::ToggleLink);
    l.update(Action::KnobDec);
    assert_eq!(l.data.geometry.params.stride, [1, 2]);
    // Padding, dilation, sizes, channels.
    let mut l = lab();
    l.knob = Knob::PadH;
    l.update(Action::KnobInc);
    assert_eq!(l.data.geometry.params.padding, [1, 1]);
    assert_eq!(l.data.geometry.output, [5, 5]);
    l.knob = Knob::InputH;
    l.update(Action::KnobInc);
    assert_eq!(l.data.geometry.input, [5, 5]);
    l.knob = Knob::CIn;
    l.update(Action::KnobInc);
    l.knob = Knob::COut;
    l.update(Action::KnobInc);
    assert_eq!((l.data.geometry.c_in, l.data.geometry.c_out), (2, 2));
    // 5×5 input, padding 1, 2×2 kernel: 6×6 outputs per output channel.
    assert_eq!(l.data.geometry.output, [6, 6]);
    assert_eq!(l.frame_count(), 2 * 6 * 6);
    assert_ne!(start, l.data.geometry);
    // The knob list stops at both ends (it never jumps out of sight).
    l.knob = Knob::ALL[0];
    l.update(Action::KnobUp);
    assert_eq!(l.knob, Knob::ALL[0]);
    l.update(Action::KnobDown);
    assert_eq!(l.knob, Knob::ALL[1]);
    l.knob = *Knob::ALL.last().unwrap();
    l.update(Action::KnobDown);
    assert_eq!(l.knob, *Knob::ALL.last().unwrap());
}

#[test]
fn invalid_settings_say_why_and_keep_the_last_valid_state() {
    let mut l = lab(); // 4×4 input, 2×2 kernel
    l.knob = Knob::KernelH;
    for _ in 0..2 {
        l.update(Action::KnobInc);
    }
    assert_eq!(l.data.geometry.kernel, [4, 4]);
    let before = l.data.clone();
    l.update(Action::KnobInc); // 5×5 kernel on a 4×4 input
    assert_eq!(l.data, before);
    match &l.message {
        Some(Message::Refused(r @ Refusal::Math(_))) => {
            assert!(r.describe(&EN).contains("kernel is too large"), "{}", r.describe(&EN));
            assert!(
                r.describe(&deepstep::text::KO).contains("커널이 높이 방향으로 너무 큽니다"),
                "{}",
                r.describe(&deepstep::text::KO)
            );
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    let mut l = lab();
    l.knob = Knob::StrideH;
    l.update(Action::KnobDec);
    match &l.message {
        Some(Message::Refused(r)) => {
            assert!(r.describe(&EN).contains("stride (height) must be at least 1"), "{}", r.describe(&EN))
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(l.data.geometry.params.stride, [1, 1]);
    // Sobel exists only as 3×3: choosing it makes the kernel 3×3 and says
    // so (D8: the cycle used to stop at box blur); resizing it is refused
    // with the way out (another preset), not "set the kernel to 3×3".
    let mut l = lab();
    l.knob = Knob::Preset;
    l.update(Action::KnobInc); // random → identity
    l.update(Action::KnobInc); // box blur
    assert_eq!(l.data.geometry.kernel, [2, 2]);
    l.update(Action::KnobInc); // Sobel x on a 2×2 kernel
    assert_eq!(l.settings.preset, Some(deepstep::math::kernels::Preset::SobelX));
    assert_eq!(l.data.geometry.kernel, [3, 3]);
    assert_eq!(l.message, Some(Message::ResizedFor(deepstep::math::kernels::Preset::SobelX)));
    l.knob = Knob::KernelH;
    l.update(Action::KnobInc);
    let sobel = Refusal::PresetIsThreeByThree(deepstep::math::kernels::Preset::SobelX);
    assert_eq!(l.message, Some(Message::Refused(sobel.clone())));
    assert!(sobel.describe(&EN).contains("choose another preset (p) to change the size"), "{}", sobel.describe(&EN));
    assert_eq!(l.data.geometry.kernel, [3, 3]);
    // The cycle reaches every preset and comes back round.
    l.knob = Knob::Preset;
    let mut seen = vec![];
    for _ in 0..7 {
        l.update(Action::KnobInc);
        seen.push(l.settings.preset.unwrap());
    }
    seen.sort_by_key(|p| p.index());
    assert_eq!(seen, deepstep::math::kernels::Preset::ALL.to_vec());
    // A given input has a fixed size.
    let mut l = example();
    l.knob = Knob::InputH;
    l.update(Action::KnobInc);
    assert_eq!(l.message, Some(Message::Refused(Refusal::FixedSize)));
}

#[test]
fn inputs_cycle_through_samples_and_digits() {
    let mut l = lab();
    let mut seen = vec![];
    for _ in 0..13 {
        l.update(Action::NextInput);
        seen.push(l.settings.input);
    }
    assert!(seen.contains(&InputChoice::Digit(7)));
    l.settings.input = InputChoice::Digit(0);
    while l.settings.input != InputChoice::Digit(3) {
        l.update(Action::NextInput);
    }
    assert_eq!(l.data.geometry.input, [8, 8]);
    assert_eq!(l.data.x.index_axis(ndarray::Axis(0), 0), digits().unwrap()[3].pixels);
    l.update(Action::NextPreset);
    assert!(l.message.is_none());
}

#[test]
fn predictions_are_asked_graded_and_scored() {
    let mut l = example();
    l.update(Action::TogglePredict);
    l.update(Action::Next);
    assert!(matches!(l.predict.asking.as_ref().unwrap().question, Asking::Value { frame: 1 }));
    assert_eq!(l.frame, 1, "the asked frame's window is shown");
    assert!(l.hiding_value(), "its value is not shown before the guess");
    for c in "27".chars() {
        l.update(Action::Prompt(Edit::Type(c)));
    }
    l.update(Action::Prompt(Edit::Left));
    l.update(Action::Prompt(Edit::Type('9'))); // 297
    l.update(Action::Prompt(Edit::Right));
    l.update(Action::Prompt(Edit::Backspace)); // 29
    l.update(Action::Prompt(Edit::Type('9'))); // 299
    assert_eq!(l.predict.asking.as_ref().unwrap().input.buffer, "299");
    l.update(Action::Prompt(Edit::Submit));
    assert_eq!(l.message, Some(Message::Wrong("279".into())));
    assert_eq!((l.frame, l.predict.score), (1, (0, 1)));
    l.update(Action::Next);
    for c in "125".chars() {
        l.update(Action::Prompt(Edit::Type(c)));
    }
    l.update(Action::Prompt(Edit::Submit));
    assert_eq!(l.message, Some(Message::Right));
    assert_eq!((l.frame, l.predict.score), (2, (1, 2)));
    // Not a number: the prompt stays.
    l.update(Action::Next);
    l.update(Action::Prompt(Edit::Type('x')));
    l.update(Action::Prompt(Edit::Submit));
    assert_eq!(l.message, Some(Message::NotANumber));
    assert!(l.predict.is_asking());
    l.update(Action::Prompt(Edit::Skip));
    assert_eq!((l.frame, l.predict.score.1), (3, 2));
    assert!(!l.hiding_value());
    // A verdict is about its frame: stepping, changing mode or leaving
    // predict mode clears it.
    for moving in [Action::Prev, Action::CycleMode, Action::TogglePredict, Action::First] {
        l.message = Some(Message::Right);
        l.update(moving);
        assert_eq!(l.message, None, "{moving:?}");
        // A new pass in predict mode asks its first value: skipped here.
        if l.predict.is_asking() {
            l.update(Action::Prompt(Edit::Skip));
        }
    }
}

#[test]
fn a_geometry_change_asks_for_the_output_size() {
    let mut l = lab();
    l.update(Action::TogglePredict);
    l.knob = Knob::StrideH;
    l.update(Action::KnobInc); // 4×4, k 2, stride 2: 2×2
    assert_eq!(l.predict.question().cloned(), Some(Asking::Size));
    for c in "2x2".chars() {
        l.update(Action::Prompt(Edit::Type(c)));
    }
    l.update(Action::Prompt(Edit::Submit));
    assert_eq!(l.message, Some(Message::Right));
    // The new geometry starts at its first frame, whose value is asked next.
    assert_eq!((l.frame, l.predict.question().cloned()), (0, Some(Asking::Value { frame: 0 })));
    l.update(Action::Prompt(Edit::Skip));
    assert!(!l.predict.is_asking());
}

/// A wrong size that a classic slip gives is named (issue point 3): 4×4
/// with a 2×2 kernel at dilation 2 is 2×2; forgetting the + 1 gives 1×1 and
/// ignoring the dilation 3×3. A size no slip gives is only corrected.
/// Likewise a value: the kernel turned 180°.
#[test]
fn a_wrong_prediction_names_the_slip_that_gives_it() {
    use deepstep::lessons::conv::lab::Slip;
    use deepstep::math::conv::{SizeMistake, ValueMistake};
    let answer = |l: &mut ConvLab, typed: &str| {
        for c in typed.chars() {
            l.update(Action::Prompt(Edit::Type(c)));
        }
        l.update(Action::Prompt(Edit::Submit));
    };
    let cases = [
        ("1x1", vec![Slip::Size(SizeMistake::ForgotPlusOne)]),
        ("3x3", vec![Slip::Size(SizeMistake::DilationIgnored)]),
        ("5x5", vec![]),
    ];
    for (typed, slips) in cases {
        let mut l = lab();
        l.update(Action::TogglePredict);
        l.knob = Knob::DilH;
        l.update(Action::KnobInc);
        assert!(l.hiding_size());
        assert_eq!(l.data.geometry.output, [2, 2]);
        answer(&mut l, typed);
        let want = if slips.is_empty() {
            Message::Wrong("2×2".into())
        } else {
            Message::Slipped { answer: "2×2".into(), guess: typed.replace('x', "×"), slips }
        };
        assert_eq!(l.message, Some(want), "{typed}");
    }
    let mut l = lab();
    l.update(Action::TogglePredict);
    l.update(Action::Next);
    let f = l.data.forward_frame(l.frame).unwrap();
    let flipped = deepstep::math::conv::value_mistakes(&f, 1);
    let (_, v) = flipped.iter().find(|(m, _)| *m == ValueMistake::FlippedKernel).expect("the kernel is not symmetric");
    answer(&mut l, &deepstep::math::format::num(*v));
    match &l.message {
        Some(Message::Slipped { slips, .. }) => assert_eq!(slips, &vec![Slip::Value(ValueMistake::FlippedKernel)]),
        other => panic!("{other:?}"),
    }
}

#[test]
fn keys_map_to_actions_and_typing_goes_to_the_prompt() {
    let mut l = example();
    assert_eq!(map_key(&key(KeyCode::Right), &l, &EN), Some(Action::Next));
    assert_eq!(map_key(&key(KeyCode::Char('l')), &l, &EN), Some(Action::Next));
    assert_eq!(map_key(&key(KeyCode::Char('h')), &l, &EN), Some(Action::Prev));
    assert_eq!(map_key(&key(KeyCode::Home), &l, &EN), Some(Action::First));
    assert_eq!(map_key(&key(KeyCode::End), &l, &EN), Some(Action::Last));
    assert_eq!(map_key(&key(KeyCode::Char(' ')), &l, &EN), Some(Action::TogglePlay));
    assert_eq!(map_key(&key(KeyCode::Char('m')), &l, &EN), Some(Action::CycleMode));
    assert_eq!(map_key(&key(KeyCode::Char('z')), &l, &EN), None);
    l.update(Action::TogglePredict);
    l.update(Action::Next);
    assert_eq!(map_key(&key(KeyCode::Char('l')), &l, &EN), Some(Action::Prompt(Edit::Type('l'))));
    assert_eq!(map_key(&key(KeyCode::Enter), &l, &EN), Some(Action::Prompt(Edit::Submit)));
    assert_eq!(map_key(&key(KeyCode::Esc), &l, &EN), Some(Action::Prompt(Edit::Skip)));
    assert_eq!(map_key(&key(KeyCode::Right), &l, &EN), Some(Action::Prompt(Edit::Right)));
}

#[test]
fn multichannel_frames_show_per_channel_sums() {
    let x = Array3::from_shape_vec((2, 2, 2), vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]).unwrap();
    let w = Array4::from_shape_vec((1, 2, 1, 1), vec![2.0, -1.0]).unwrap();
    let s = Settings { input: InputChoice::Custom, preset: None, kernel: [1, 1], c_in: 2, ..Settings::default() };
    let l = ConvLab::new(s, Custom { x: Some(x), w: Some(w), dy: None }, digits().unwrap()).unwrap();
    assert_eq!(l.equation_of(0, usize::MAX, "running sum"), "y[0,0] = (1×2) + (5×(-1)) = 2 + (-5) = -3");
}

/// Values the command line accepts beyond the knobs' usual range are kept by
/// the knobs: `]` leaves stride 9 at 9 (it used to become 4), `[` lowers it.
#[test]
fn knobs_keep_command_line_values_above_their_range() {
    let a = deepstep::cli::ConvArgs {
        input: Some(["1"; 12].join(",")),
        kernel: None,
        stride: "9".into(),
        padding: "16".into(),
        dilation: "1".into(),
        dy: None,
        print: false,
        backward: false,
        format: deepstep::cli::PrintFormat::Text,
    };
    let mut lab = deepstep::cli::conv_lab(&a, &EN).unwrap();
    lab.linked = false;
    let turn = |lab: &mut ConvLab, knob: Knob, a: Action| {
        while lab.knob != knob {
            lab.update(Action::KnobDown);
        }
        lab.update(a);
    };
    turn(&mut lab, Knob::StrideH, Action::KnobInc);
    assert_eq!(lab.settings.params.stride[0], 9);
    turn(&mut lab, Knob::StrideH, Action::KnobDec);
    assert_eq!(lab.settings.params.stride[0], 8);
    turn(&mut lab, Knob::PadH, Action::KnobInc);
    assert_eq!(lab.settings.params.padding[0], 16);
}

/// The study note writes out the input, the kernel and the output, with
/// output cells not computed yet as `?`; a matrix too large is named with its size.
#[test]
fn the_note_holds_the_matrices() {
    let mut l = example();
    l.update(Action::Next); // frame 1 of 4 done: y[0,0] and y[0,1]
    let note = deepstep::lessons::conv::note::note(&l, &EN);
    let m = note.sections.iter().find(|s| s.heading == EN.note.matrices).expect("a matrices section");
    let text = m.lines.join("\n");
    assert!(text.contains("11  23  35") && text.contains("19  28  37"), "the input rows:\n{text}");
    assert!(text.contains(" 2  -1") && text.contains(" 3   1"), "the kernel rows:\n{text}");
    let y = conv::conv2d(l.data.x.view(), l.data.w.view(), l.data.b.view(), Default::default()).unwrap();
    let out = m.lines.iter().position(|r| r.starts_with(EN.conv.output)).unwrap();
    assert_eq!(
        m.lines[out + 1].split_whitespace().collect::<Vec<_>>(),
        [y[[0, 0, 0]], y[[0, 0, 1]]].map(deepstep::math::format::num)
    );
    assert_eq!(m.lines[out + 2].split_whitespace().collect::<Vec<_>>(), ["?", "?"]);
    // 13×13 is past what a note writes out.
    let big = Settings { size: [13, 13], ..Settings::default() };
    let l = ConvLab::new(big, Custom::default(), digits().unwrap()).unwrap();
    let note = deepstep::lessons::conv::note::note(&l, &EN);
    let m = note.sections.iter().find(|s| s.heading == EN.note.matrices).unwrap();
    assert!(m.lines.iter().any(|r| *r == (EN.note.matrix_too_large)(EN.conv.input, 13, 13)), "{:?}", m.lines);
}

/// With predict mode on, a new pass (`m`: forward, dW, dX) asks its first
/// value instead of showing it: none of its frames was on screen before.
#[test]
fn a_new_pass_in_predict_mode_asks_its_first_value() {
    let mut l = lab();
    l.update(Action::TogglePredict);
    for mode in [Mode::GradW, Mode::GradX] {
        l.update(Action::CycleMode);
        assert_eq!((l.mode, l.frame), (mode, 0));
        assert_eq!(l.predict.question(), Some(&Asking::Value { frame: 0 }), "{mode:?}");
        l.update(Action::Prompt(Edit::Skip));
    }
    // Without predict mode the first frame is simply shown.
    let mut l = lab();
    l.update(Action::CycleMode);
    assert!(!l.predict.is_asking());
}
