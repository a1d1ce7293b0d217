//! The convolution lab's screen at 80×24 and 120×40 (the review of 2026-12,
//! D4–D8, D19, D25): nothing overlaps, nothing is cut without a mark.

use crate::common::{draw, key};
use deepstep::app::App;
use deepstep::cli::conv_lab;
use deepstep::lessons::conv::ConvLab;
use deepstep::lessons::lesson::mount;
use deepstep::math::format::{num, operand};
use deepstep::text::{EN, KO, Text};
use deepstep::ui::theme::Theme;
use ratatui::crossterm::event::KeyCode;

/// The lab as `deepstep conv` opens it with no values given.
fn fresh(t: &'static Text) -> App {
    App::new(mount(conv_lab(&crate::common::conv_args(None, None), t).unwrap()), t, Theme::MONO)
}

/// Press keys as the review wrote them: names in braces are special keys,
/// anything else is typed character by character.
fn press(app: &mut App, keys: &[&str]) {
    for k in keys {
        let code = match *k {
            "Right" => Some(KeyCode::Right),
            "Left" => Some(KeyCode::Left),
            "Up" => Some(KeyCode::Up),
            "Down" => Some(KeyCode::Down),
            "Enter" => Some(KeyCode::Enter),
            "End" => Some(KeyCode::End),
            "Home" => Some(KeyCode::Home),
            "Tab" => Some(KeyCode::Tab),
            "Esc" => Some(KeyCode::Esc),
            _ => None,
        };
        match code {
            Some(c) => {
                app.handle(&key(c));
            }
            None => k.chars().for_each(|c| {
                app.handle(&key(KeyCode::Char(c)));
            }),
        }
    }
}

fn times(k: &'static str, n: usize) -> Vec<&'static str> {
    vec![k; n]
}

fn lab(app: &App) -> &ConvLab {
    app.front_lesson::<ConvLab>().unwrap()
}

/// Every knob row on screen shows its value whole, or ends in `…` (the
/// value was shortened, and Tab gives the panel its width).
fn knob_rows_whole_or_marked(app: &App, s: &str, t: &Text) {
    for (name, value) in deepstep::lessons::conv::view::knob_rows(lab(app), t) {
        for line in s.lines().filter(|l| l.contains(&format!("{name}: "))) {
            let shown = line.contains(&format!("{name}: {value}"));
            let marked = line.split('|').any(|cell| cell.contains(name) && cell.trim_end().ends_with('…'));
            assert!(shown || marked, "{name}: {value} cut without a mark:\n{s}");
        }
    }
}

/// D4: with the knob panel out of room, the selected knob has a row of its
/// own, labelled as such, and the status keeps both its rows (the score,
/// `predict: off`).
#[test]
fn the_selected_knob_line_never_covers_the_status() {
    for t in [&EN, &KO] {
        let mut app = fresh(t);
        press(&mut app, &["t", "Right", "4", "Enter", "t", "Up"]);
        let mut k = times("Down", 2);
        k.extend(["]", "]", "]"]);
        press(&mut app, &k);
        assert_eq!(lab(&app).data.geometry.input, [7, 7]);
        let (s, _) = draw(&mut app, 80, 24);
        let score = (t.conv.score)(lab(&app).predict.score.0, 1);
        // The status may wrap between its words.
        let joined: String = s.lines().map(str::trim_end).collect::<Vec<_>>().join(" ");
        assert!(joined.contains(&score), "{score}\n{s}");
        let knob = (t.conv.selected_knob)(t.conv.knob_names[2], "7");
        assert!(s.contains(&knob), "{knob}\n{s}");
        // 3 input and 2 output channels, tap by tap: `predict: off` stays.
        let mut app = fresh(t);
        let mut k = times("Down", 12);
        k.extend(["]", "]", "]"]);
        k.extend(times("f", 9));
        k.extend(["Down", "]", "]", "End"]);
        press(&mut app, &k);
        let (s, _) = draw(&mut app, 80, 24);
        let off = format!("{}: {}", t.conv.predict_label, t.conv.off);
        assert!(s.contains(&off), "{s}");
        let knob = format!("{}: 2", t.conv.knob_names[13]);
        assert!(s.contains(&(t.conv.selected_knob)(t.conv.knob_names[13], "2")) || s.contains(&knob), "{s}");
    }
}

/// D5: a 7×7 kernel's 49 terms do not fit in four rows: middle terms give
/// way to `…`, and the last term and the value stay; with three input
/// channels the per-channel sums are written too.
#[test]
fn the_arithmetic_always_ends_with_its_sums_and_value() {
    for (w, h, channels) in [(80, 24, 0), (80, 24, 2), (120, 40, 2)] {
        let mut app = fresh(&EN);
        let mut k = vec!["i", "i", "i"];
        k.extend(times("Down", 3));
        k.extend(times("]", 6));
        k.extend(times("Down", 9));
        k.extend(times("]", channels));
        press(&mut app, &k);
        let l = lab(&app);
        assert_eq!((l.data.geometry.kernel, l.data.geometry.c_in), ([7, 7], channels + 1));
        let f = l.data.forward_frame(0).unwrap();
        let last = f.taps.last().unwrap();
        let tail = if channels == 0 {
            format!("{}×{} = {}", operand(last.a.value), operand(last.b.value), num(f.value))
        } else {
            let sums = deepstep::math::conv::channel_sums(&f, channels + 1);
            let sums: Vec<String> = sums.iter().map(|v| operand(*v)).collect();
            format!("{}×{}) = {} = {}", operand(last.a.value), operand(last.b.value), sums.join(" + "), num(f.value))
        };
        let (s, _) = draw(&mut app, w, h);
        let joined: String = s.lines().map(str::trim_end).collect::<Vec<_>>().join(" ");
        assert!(joined.contains(&tail), "{w}x{h}: {tail}\n{s}");
        assert!(joined.contains(" + … + "), "{w}x{h}: the elided terms are marked\n{s}");
    }
}

/// D6: tap by tap over three input channels, the input panel shows the
/// channel being multiplied, with the tap's value marked.
#[test]
fn the_input_panel_follows_the_taps_channel() {
    let mut app = fresh(&EN);
    let mut k = times("Down", 12);
    k.extend(["]", "]", "]"]);
    press(&mut app, &k);
    for n in 1..=12 {
        app.handle(&key(KeyCode::Char('f')));
        let l = lab(&app);
        let (taps, _, _) = l.current();
        let tap = taps[l.shown_taps() - 1];
        assert_eq!(l.shown_taps(), n);
        let (s, _) = draw(&mut app, 80, 24);
        // A cell is padded to its column's width: `> 1<` is the tap 1.
        let s = s.replace("> ", ">").replace("> ", ">").replace("> ", ">");
        let marked = format!(">{}<", num(tap.a.value));
        assert!(s.contains(&marked), "tap {n}: {marked}\n{s}");
        assert!(s.contains(&(EN.conv.channel)(tap.a.index[0] as usize)), "tap {n}\n{s}");
    }
}

/// D7: while the output size is asked, nothing on screen gives it: the
/// lab goes back to the first frame, no window is marked, the arithmetic and
/// the formulas' results wait, and what the question declares hidden is not
/// drawn; once answered, the first frame's value is asked next.
#[test]
fn the_size_question_hides_what_would_answer_it() {
    for t in [&EN, &KO] {
        let mut app = fresh(t);
        let mut k = vec!["t", "Right", "4", "Enter", "Right", "7", "Enter"];
        k.extend(times("Down", 7));
        k.push("]");
        press(&mut app, &k);
        let l = lab(&app);
        assert!(l.hiding_size(), "{:?}", l.predict);
        assert_eq!(l.frame, 0);
        let hides = l.predict.hides().to_vec();
        assert!(hides.iter().any(|h| h.starts_with("y[")), "the last frame's label is declared: {hides:?}");
        for (w, h) in [(80, 24), (120, 40)] {
            let (s, _) = draw(&mut app, w, h);
            for hidden in &hides {
                assert!(!s.contains(hidden.as_str()), "{w}x{h}: {hidden} shown\n{s}");
            }
            assert!(!s.contains("y[") && !s.contains("]["), "{w}x{h}: arithmetic or window shown\n{s}");
            assert!(s.contains(t.conv.size_hidden), "{s}");
        }
        let [oh, ow] = lab(&app).data.geometry.output;
        press(&mut app, &[&format!("{oh}x{ow}"), "Enter"]);
        let l = lab(&app);
        assert_eq!(l.predict.question(), Some(&deepstep::lessons::conv::lab::Asking::Value { frame: 0 }));
        let (s, _) = draw(&mut app, 80, 24);
        assert!(s.contains(t.conv.right) && s.contains(t.conv.predict_value), "{s}");
    }
}

/// D8: a box blur with two output channels is not refused (the second
/// channel takes the next preset that exists at 2×2), and the screen says
/// which preset that is; random integers stay random in both channels.
#[test]
fn the_second_output_channel_says_its_preset() {
    use deepstep::lessons::conv::computed::channel_presets;
    use deepstep::math::kernels::Preset;
    for t in [&EN, &KO] {
        let mut app = fresh(t);
        let mut k = vec!["p", "p"];
        k.extend(times("Down", 13));
        k.push("]");
        press(&mut app, &k);
        let l = lab(&app);
        assert_eq!((l.settings.preset, l.data.geometry.c_out, &l.message), (Some(Preset::BoxBlur), 2, &None));
        let second = channel_presets(Preset::BoxBlur, 2, [2, 2])[1];
        assert!(second.kernel(2, 2, 0).is_some());
        let (s, _) = draw(&mut app, 80, 24);
        let words = (t.conv.second_preset)(t.conv.presets[second.index()]);
        assert!(s.contains(&words), "{words}\n{s}");
    }
    assert_eq!(channel_presets(Preset::RandomIntegers, 2, [2, 2]), vec![Preset::RandomIntegers; 2]);
    assert_eq!(channel_presets(Preset::SobelX, 2, [3, 3]), vec![Preset::SobelX, Preset::SobelY]);
    let mut app = fresh(&EN);
    press(&mut app, &times("Down", 13));
    press(&mut app, &["]"]);
    let w = &lab(&app).data.w;
    assert_ne!(w.index_axis(ndarray::Axis(0), 1), w.index_axis(ndarray::Axis(0), 0));
    let identity = Preset::Identity.kernel(2, 2, 0).unwrap();
    assert_ne!(w.slice(ndarray::s![1, 0, .., ..]), identity, "channel 1 is random, not the identity");
}

/// D19 and section 2 point 9: at 80×24 the knob panel stays in the backward
/// views, marks knobs above and below (▴ ▾), and shows `axes linked` at the
/// list's end; a title too long for its panel ends in `…`; values are whole
/// or marked; Tab gives the knob panel its room beside wide grids.
#[test]
fn knobs_and_titles_are_whole_or_marked() {
    for t in [&EN, &KO] {
        let mut app = fresh(t);
        for mode in 0..3 {
            let (s, _) = draw(&mut app, 80, 24);
            assert!(s.contains(&format!("{} {}", t.conv.more_below, t.conv.knobs)), "mode {mode}\n{s}");
            knob_rows_whole_or_marked(&app, &s, t);
            press(&mut app, &["m"]);
        }
        press(&mut app, &["m", "m"]);
        let (s, _) = draw(&mut app, 80, 24);
        let head = t.conv.spread_dy.chars().take(6).collect::<String>();
        assert!(s.lines().any(|l| l.contains(&head) && l.contains('…')), "{head}\n{s}");
        press(&mut app, &times("Down", 13));
        let (s, _) = draw(&mut app, 80, 24);
        assert!(s.contains(&format!("{} {}", t.conv.more_above, t.conv.knobs)), "{s}");
        assert!(s.contains(&format!("{}: {}", t.conv.linked, t.conv.on)), "{s}");
        knob_rows_whole_or_marked(&app, &s, t);
        // Wide grids: one labelled line, then Tab brings the panel back.
        let mut app = fresh(t);
        let mut k = vec!["i", "i", "i"];
        k.extend(times("Down", 3));
        k.extend(times("]", 6));
        press(&mut app, &k);
        let (s, _) = draw(&mut app, 80, 24);
        let line = (t.conv.selected_knob)(t.conv.knob_names[3], "7");
        let panel_title = format!("{}-", t.conv.knobs);
        assert!(s.contains(&line) && !s.contains(&panel_title), "{s}");
        press(&mut app, &["Tab"]);
        assert!(lab(&app).knobs_first);
        let (s, _) = draw(&mut app, 80, 24);
        assert!(s.contains(&panel_title) && !s.contains(&line), "{s}");
        assert!(s.contains(&format!("> {}: 7", t.conv.knob_names[3])), "{s}");
        assert!(s.contains(t.conv.more_sideways), "the cropped grids say so\n{s}");
        knob_rows_whole_or_marked(&app, &s, t);
        // The help lists Tab (the footer has no room for it at 80×24).
        press(&mut app, &["?"]);
        let (s, _) = draw(&mut app, 120, 40);
        assert!(s.contains("Tab") && s.contains(t.conv.switch_panel), "{s}");
    }
}

/// The columns at which the cells end in the first row after `label`,
/// inside the panel whose title holds `title`.
fn cell_ends(s: &str, title: &str, label: &str) -> Vec<usize> {
    let lines: Vec<Vec<char>> = s.lines().map(|l| l.chars().collect()).collect();
    let text = |y: usize, a: usize, b: usize| lines[y][a..b].iter().collect::<String>();
    let top = lines.iter().position(|l| l.iter().collect::<String>().contains(title)).unwrap();
    let at = text(top, 0, lines[top].len()).find(title).unwrap();
    let start = text(top, 0, lines[top].len())[..at].chars().count();
    let end = start + lines[top][start..].iter().position(|c| *c == '+').unwrap();
    let row = (top + 1..lines.len()).find(|&y| text(y, start, end).contains(label)).unwrap() + 1;
    let cells = &lines[row][start..end];
    (1..cells.len()).filter(|&i| cells[i] == ' ' && cells[i - 1] != ' ').collect()
}

/// D25: the digit heatmap stays at End once the output grid widens (under
/// the input), and two output channels use cells of one width.
#[test]
fn the_heatmap_stays_and_channels_share_a_cell_width() {
    let mut app = fresh(&EN);
    press(&mut app, &["i", "i", "i", "p", "p", "p", "p", "End"]);
    let (s, _) = draw(&mut app, 120, 40);
    let name = (EN.conv.digit)(0);
    assert!(s.contains(&format!("+{name}")) && s.contains("@@"), "{s}");
    // Box blur: channel 0 has fractions, channel 1 (random integers) whole numbers.
    let mut app = fresh(&EN);
    let mut k = vec!["p", "p"];
    k.extend(times("Down", 13));
    k.extend(["]", "End"]);
    press(&mut app, &k);
    for (w, h) in [(80, 24), (120, 40)] {
        let (s, _) = draw(&mut app, w, h);
        let (c0, c1) = (cell_ends(&s, EN.conv.output, "channel 0"), cell_ends(&s, EN.conv.output, "channel 1"));
        assert_eq!(c0, c1, "{w}x{h}\n{s}");
    }
}

/// Issue point 3: the slip behind a wrong size is said on screen with the
/// number it gives, in both languages (dilation 2: 2×2; the + 1 forgotten: 1×1).
#[test]
fn the_slip_is_named_on_screen() {
    for t in [&EN, &KO] {
        let mut app = fresh(t);
        let mut k = vec!["t"];
        k.extend(times("Down", 10));
        k.extend(["]", "1x1", "Enter"]);
        press(&mut app, &k);
        let (s, _) = draw(&mut app, 80, 24);
        let joined: String = s.lines().map(str::trim_end).collect::<Vec<_>>().join(" ");
        let words = (t.conv.wrong_slip)("2×2", "1×1", t.conv.size_slips[0]);
        assert!(joined.contains(&words), "{words}\n{s}");
    }
}

/// The footer lists `[` and `]` only where they would move the knob (or
/// say a refusal not yet said): kernel height 1 is its lowest.
#[test]
fn the_footer_lists_knob_turns_that_move() {
    use deepstep::lessons::conv::Action;
    use deepstep::lessons::lesson::Lesson;
    let listed = |app: &App, a: Action| lab(app).keys(&EN).iter().any(|b| b.action == a && b.footer);
    let mut app = fresh(&EN);
    press(&mut app, &times("Down", 3));
    assert_eq!(lab(&app).data.geometry.kernel, [2, 2]);
    assert!(listed(&app, Action::KnobDec));
    press(&mut app, &["["]);
    assert_eq!(lab(&app).data.geometry.kernel, [1, 1]);
    assert!(!listed(&app, Action::KnobDec) && listed(&app, Action::KnobInc));
    // Stride 1 down is refused: listed until the refusal is on screen.
    press(&mut app, &times("Down", 3));
    assert!(listed(&app, Action::KnobDec));
    press(&mut app, &["["]);
    assert!(lab(&app).message.is_some() && !listed(&app, Action::KnobDec));
}
