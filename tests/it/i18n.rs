//! Two languages: every string exists in both, Korean strings are written in
//! Korean (or are math notation on purpose), everything is NFC; the quiz
//! banks are complete in both; the locale picks the language; `L` switches.

use crate::common;

use common::{draw, key};
use deepstep::app::App;
use deepstep::lessons::lesson::mount;
use deepstep::lessons::quiz::bank::{self, Answer, Body, Loc};
use deepstep::text::{EN, KO, Text, from_locale};
use deepstep::ui::theme::Theme;
use ratatui::crossterm::event::KeyCode;
use unicode_normalization::is_nfc;

/// Every source file of the Korean table (its functions are read from source).
const KO_SOURCES: [&str; 6] = [
    include_str!("../../src/text/ko.rs"),
    include_str!("../../src/text/ko_quiz.rs"),
    include_str!("../../src/text/ko_help.rs"),
    include_str!("../../src/text/ko_practice.rs"),
    include_str!("../../src/text/ko_mle.rs"),
    include_str!("../../src/text/ko_diagnose.rs"),
];

fn hangul(s: &str) -> bool {
    s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

/// Hangul apart from the language key's own label (the English footer names
/// Korean in Korean, so a Korean reader can find the switch).
fn hangul_besides_the_switch(s: &str) -> bool {
    hangul(&s.replace("한국어", ""))
}

/// (field, value) for every plain string of a table, in declaration order,
/// read from its `Debug` form (function fields print as addresses and are
/// checked from the source below).
fn strings(t: &Text) -> Vec<(String, String)> {
    let dump = format!("{t:#?}");
    let mut out = vec![];
    let mut field = String::new();
    for line in dump.lines().map(str::trim) {
        if line.starts_with('"') {
            // `help` pairs (key, text) are checked by their own test below.
            if field != "help" {
                out.push((format!("{field}[]"), line.trim_end_matches(',').to_string()));
            }
        } else if let Some((name, rest)) = line.split_once(": ") {
            field = name.to_string();
            if rest.starts_with('"') {
                out.push((field.clone(), rest.trim_end_matches(',').to_string()));
            }
        }
    }
    out
}

/// Fields that are math notation or names, the same in every language.
const SAME_ON_PURPOSE: &[&str] = &[
    // Arrows marking a panel with more beyond its edges.
    "more_sideways",
    "more_above",
    "more_below",
    "app_name",
    "forward_formula",
    "grad_w",
    "grad_x",
    "row_t",
    "row_h",
    "row_x",
    "row_dh",
    "row_bar",
    "table_head[]",
    "table_rule",
    "axis_distance",
    "axis_length",
    "axis_norm",
    "reference_linear",
    "cell_names[]",
    "measure_names[]",
    "formulas[]",
    "cell_formulas[]",
    "backward_formula",
    "lstm_backward_formula",
    "loop_formulas[]",
];

#[test]
fn every_string_exists_in_both_languages_and_korean_is_korean() {
    let (en, ko) = (strings(&EN), strings(&KO));
    assert!(en.len() > 250, "the Debug walk found only {} strings", en.len());
    assert_eq!(en.len(), ko.len());
    let mut untranslated = vec![];
    for ((fe, ve), (fk, vk)) in en.iter().zip(&ko) {
        assert_eq!(fe, fk, "the tables' fields line up");
        assert!(ve.len() > 2 && vk.len() > 2, "{fe} is empty in one language");
        let math_only = SAME_ON_PURPOSE.contains(&fe.as_str());
        if !math_only && !hangul(vk) {
            untranslated.push(format!("{fe}: {vk}"));
        }
        assert!(is_nfc(vk), "{fe} is not NFC");
    }
    assert!(untranslated.is_empty(), "Korean strings without Hangul:\n{}", untranslated.join("\n"));
}

/// The `fn` fields: every sentence the Korean table formats has Hangul in it
/// (read from the source, since a function cannot be listed by `Debug`).
#[test]
fn every_korean_sentence_with_numbers_is_korean() {
    let src = KO_SOURCES.concat();
    let allowed = ["w_x = {wx}   w_rec = {wr}   L = {l}"];
    let mut bad = vec![];
    for (i, part) in src.split("format!(").enumerate().skip(1) {
        let lit = part.trim_start().trim_start_matches('"');
        let lit = &lit[..lit.find('"').unwrap_or(lit.len())];
        if !hangul(lit) && !allowed.contains(&lit) && lit.chars().any(|c| c.is_ascii_alphabetic()) {
            bad.push(format!("format! #{i}: {lit}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    assert!(is_nfc(&src), "ko.rs is NFC");
}

fn locs(q: &bank::Question) -> Vec<&Loc> {
    let mut v = vec![];
    if let Body::Bank { prompt, hint, explanation, .. } = &q.body {
        v.push(prompt);
        v.extend(hint.iter());
        v.push(explanation);
    }
    match &q.answer {
        Answer::Choice { options, .. } => {
            for o in options {
                v.push(&o.text);
                v.extend(o.why.iter());
            }
        }
        Answer::TrueFalse { why, .. } => v.extend(why.iter()),
        _ => {}
    }
    v
}

#[test]
fn every_shipped_question_is_in_both_languages() {
    let qs = bank::shipped().unwrap();
    for q in &qs {
        for l in locs(q) {
            let ko = l.ko.as_deref().unwrap_or_else(|| panic!("{}: no Korean for {:?}", q.id, l.en));
            assert!(!l.en.trim().is_empty(), "{}", q.id);
            // A Korean text of pure math (an option "P(E)") is the same in both.
            assert!(hangul(ko) || ko == l.en, "{}: {ko:?} is not Korean", q.id);
            assert!(is_nfc(ko) && is_nfc(&l.en), "{}", q.id);
        }
    }
    for (file, text) in bank::SHIPPED {
        assert!(is_nfc(text), "{file} is NFC");
    }
}

#[test]
fn the_locale_picks_the_language() {
    let lang = |a: Option<&str>, b: Option<&str>| from_locale(a, b).lang;
    use deepstep::text::Lang::{En, Ko};
    assert_eq!(lang(None, Some("ko_KR.UTF-8")), Ko);
    assert_eq!(lang(Some("ko_KR.UTF-8"), Some("en_US.UTF-8")), Ko);
    assert_eq!(lang(Some("C.UTF-8"), Some("ko_KR.UTF-8")), En, "LC_ALL wins");
    assert_eq!(lang(Some(""), Some("ko")), Ko, "an empty LC_ALL is unset");
    assert_eq!(lang(None, Some("kok_IN")), En);
    assert_eq!(lang(None, None), En);
}

#[test]
fn l_switches_the_language_on_every_screen() {
    let mut app = App::home(&EN, Theme::COLOR);
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains(EN.lessons.conv.name) && !hangul_besides_the_switch(&s), "{s}");
    app.handle(&key(KeyCode::Char('L')));
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains(KO.home_title) && s.contains(KO.lessons.quiz.name), "{s}");
    app.handle(&key(KeyCode::Down));
    app.handle(&key(KeyCode::Down));
    app.handle(&key(KeyCode::Enter));
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains(&(KO.quiz.question_of)(1, 10)), "{s}");
    app.handle(&key(KeyCode::Char('L')));
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains(&(EN.quiz.question_of)(1, 10)) && s.contains(EN.keys.lang), "{s}");
}

fn screens() -> Vec<(&'static str, Box<dyn deepstep::lessons::lesson::Screen>)> {
    let mut v = vec![("home", mount(deepstep::lessons::home::lab::Home::default()))];
    v.extend(common::lesson_screens());
    v
}

/// Every screen at 80×24 in both languages: it draws, the Korean one shows
/// Hangul, and every row is exactly the terminal's width (a wide glyph takes
/// two cells, never pushing a border out of line).
#[test]
fn every_screen_renders_in_both_languages_at_80x24() {
    for lang in [&EN, &KO] {
        for (name, screen) in screens() {
            let mut app = App::new(screen, lang, Theme::COLOR);
            // Step a little so the backward and loop views are drawn too.
            if name != "home" {
                for k in [KeyCode::End, KeyCode::Right] {
                    app.handle(&key(k));
                }
            }
            let (s, term) = draw(&mut app, 80, 24);
            assert_eq!(hangul_besides_the_switch(&s), lang.lang == deepstep::text::Lang::Ko, "{name}:\n{s}");
            // No box-drawing glyph (ambiguous width) anywhere, chart axes included.
            assert!(!s.chars().any(|c| ('\u{2500}'..='\u{257F}').contains(&c)), "{name}:\n{s}");
            // Every row is exactly the terminal's width in display columns.
            for line in s.lines() {
                assert_eq!(unicode_width(line), 80, "{name}: {line}");
            }
            drop(term);
            if name != "home" {
                // The right border of every bordered row sits in the last column.
                for line in s.lines().filter(|l| l.starts_with('|')) {
                    assert!(line.ends_with('|') || !line.trim_end().ends_with('|'), "{name}: {line}");
                }
            }
        }
    }
}

/// Width of a cell's symbol; the cell after a wide glyph holds "" and counts 0.
fn unicode_width(s: &str) -> usize {
    ratatui::text::Span::raw(s).width()
}

/// The timeline's columns line up in Korean too: a cut step's "0 잘림" ends
/// in the same column as the value above it.
#[test]
fn the_rnn_timeline_lines_up_with_hangul() {
    use deepstep::lessons::rnn::{lab::RnnLab, settings::RnnSettings};
    let lab = RnnLab::new(RnnSettings { truncation: Some(3), len: 12, ..Default::default() }).unwrap();
    let mut app = App::new(mount(lab), &KO, Theme::COLOR);
    app.handle(&key(KeyCode::End));
    let (s, _) = draw(&mut app, 120, 40);
    let row = |label: &str| {
        s.lines().find(|l| l.starts_with(&format!("|{label} "))).unwrap_or_else(|| panic!("{label}:\n{s}"))
    };
    let (h, dh) = (row(KO.rnn.row_h), row(KO.rnn.row_dh));
    let end_of = |line: &str, pat: &str| unicode_width(&line[..line.find(pat).unwrap() + pat.len()]);
    assert!(dh.contains(KO.rnn.cut), "{s}");
    // The first column: h's first value and dL/dh's "0 잘림" end together.
    let first_h = h[1 + KO.rnn.row_h.len()..].split_whitespace().next().unwrap();
    assert_eq!(end_of(h, first_h), end_of(dh, KO.rnn.cut), "\n{h}\n{dh}");
}

/// `--help` reads in both languages: every command and option has its text in
/// both tables, and nothing else is there.
#[test]
fn help_covers_every_command_and_option_in_both_languages() {
    use clap::CommandFactory;
    fn keys(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
        out.push(path.to_string());
        for a in cmd.get_arguments().filter(|a| !["help", "version"].contains(&a.get_id().as_str())) {
            out.push(if path.is_empty() { a.get_id().to_string() } else { format!("{path}.{}", a.get_id()) });
        }
        for s in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            keys(s, &if path.is_empty() { s.get_name().to_string() } else { format!("{path}.{}", s.get_name()) }, out);
        }
    }
    let mut wanted = vec![];
    keys(&deepstep::cli::Cli::command(), "", &mut wanted);
    let headings = ["@usage", "@options", "@commands", "@help", "@version"];
    for t in [&EN, &KO] {
        let have: Vec<&str> = t.help.iter().map(|(k, _)| *k).collect();
        for k in &wanted {
            assert!(have.contains(&k.as_str()), "{:?}: no help for `{k}`", t.lang);
        }
        for k in &have {
            assert!(wanted.iter().any(|w| w == k) || headings.contains(k), "{:?}: `{k}` is not an option", t.lang);
        }
        for (k, v) in t.help {
            assert!(!v.is_empty() && is_nfc(v), "{k}");
            assert!(t.lang == deepstep::text::Lang::En || hangul(v), "{k}: {v}");
        }
    }
    let ko = deepstep::cli::command(&KO).render_help().to_string();
    assert!(
        ko.contains("사용법:")
            && ko.contains("옵션")
            && ko.contains(KO.help.iter().find(|(k, _)| k.is_empty()).unwrap().1),
        "{ko}"
    );
    let sub = deepstep::cli::command(&KO).find_subcommand_mut("quiz").unwrap().render_help().to_string();
    assert!(sub.contains("복습할 때가 된 문제만 풀기"), "{sub}");
}

/// The help overlay keeps its left border on every row, even where it cuts
/// through Korean text underneath.
#[test]
fn the_help_overlay_keeps_its_border_over_hangul() {
    for (name, screen) in common::lesson_screens() {
        let mut app = App::new(screen, &KO, Theme::COLOR);
        app.handle(&key(KeyCode::Char('?')));
        let (s, _) = draw(&mut app, 80, 24);
        // The overlay's top border row starts with `+`; find its column.
        let top =
            s.lines().find(|l| l.contains(&format!("+{}", KO.help_title))).unwrap_or_else(|| panic!("{name}:\n{s}"));
        let col = unicode_width(&top[..top.find(&format!("+{}", KO.help_title)).unwrap()]);
        let rows: Vec<&str> = s.lines().skip_while(|l| *l != top).skip(1).take_while(|l| !l.contains("+---")).collect();
        assert!(!rows.is_empty(), "{name}:\n{s}");
        for row in rows {
            let chars: Vec<char> = row.chars().collect();
            let mut w = 0;
            let at = chars.iter().find(|c| {
                let hit = w == col;
                w += unicode_width(&c.to_string());
                hit
            });
            assert_eq!(at, Some(&'|'), "{name}: no border at column {col} in {row:?}\n{s}");
        }
    }
}

/// `--lang` is read before the arguments are parsed (so `--help` is already
/// in that language), in both of its spellings.
#[test]
fn the_language_flag_is_found_before_parsing() {
    use deepstep::cli::early_text;
    let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(early_text(&args(&["deepstep", "--lang", "ko", "--help"])).lang, deepstep::text::Lang::Ko);
    assert_eq!(early_text(&args(&["deepstep", "quiz", "--lang=ko"])).lang, deepstep::text::Lang::Ko);
    assert_eq!(early_text(&args(&["deepstep", "--lang=en"])).lang, deepstep::text::Lang::En);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_deepstep"))
        .args(["quiz", "--lang=ko", "--help"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("복습할 때가 된 문제만 풀기"));
}

/// One notation everywhere: a subscript with an offset is braced (h_{t−1},
/// dL/dh_{T−20}, never h_t-1, which reads as h_t minus 1), and `t` is time
/// only (the counting RNN's target is y*, never "y − t").
#[test]
fn subscripts_are_braced_and_t_is_time() {
    let sources = [
        ("src/text/mod.rs", include_str!("../../src/text/mod.rs")),
        ("src/text/en.rs", include_str!("../../src/text/en.rs")),
        ("src/text/ko.rs", include_str!("../../src/text/ko.rs")),
        ("src/text/en_quiz.rs", include_str!("../../src/text/en_quiz.rs")),
        ("src/text/ko_quiz.rs", include_str!("../../src/text/ko_quiz.rs")),
        ("src/text/en_help.rs", include_str!("../../src/text/en_help.rs")),
        ("src/text/ko_help.rs", include_str!("../../src/text/ko_help.rs")),
        ("src/text/en_practice.rs", include_str!("../../src/text/en_practice.rs")),
        ("src/text/ko_practice.rs", include_str!("../../src/text/ko_practice.rs")),
        ("src/text/mle.rs", include_str!("../../src/text/mle.rs")),
        ("src/text/en_mle.rs", include_str!("../../src/text/en_mle.rs")),
        ("src/text/ko_mle.rs", include_str!("../../src/text/ko_mle.rs")),
        ("src/text/en_diagnose.rs", include_str!("../../src/text/en_diagnose.rs")),
        ("src/text/ko_diagnose.rs", include_str!("../../src/text/ko_diagnose.rs")),
        ("src/text/practice_code.rs", include_str!("../../src/text/practice_code.rs")),
        ("src/text/notation.rs", include_str!("../../src/text/notation.rs")),
        ("chain_rule.toml", bank::SHIPPED[0].1),
        ("bayes.toml", bank::SHIPPED[1].1),
        ("convolution.toml", bank::SHIPPED[2].1),
        ("rnn.toml", bank::SHIPPED[3].1),
    ];
    for (name, src) in sources {
        for (n, line) in src.lines().enumerate() {
            let chars: Vec<char> = line.chars().collect();
            for w in chars.windows(4) {
                let unbraced =
                    w[0] == '_' && w[1].is_ascii_alphabetic() && "-+−".contains(w[2]) && w[3].is_ascii_digit();
                assert!(!unbraced, "{name}:{}: unbraced subscript in {line}", n + 1);
            }
            assert!(
                !line.contains("(y − t)") && !line.contains("(y - t)"),
                "{name}:{}: t as the target: {line}",
                n + 1
            );
        }
    }
}

/// The Korean words the field uses, one term for one thing: 상호상관 (not
/// 상관 or 전체 상관), 시퀀스 (수열 is a number sequence), 램프 for the ramp
/// input (경사 is the gradient), 양성 판정을 받은 사람 (양성자 is a proton), one
/// name for the GRU's update gate, and "…의 {r}배" rather than "×…배".
#[test]
fn korean_uses_the_fields_terms() {
    let mut ko: Vec<String> = strings(&KO).into_iter().map(|(_, v)| v).collect();
    ko.push(KO_SOURCES.concat());
    for q in bank::shipped().unwrap() {
        ko.push(format!("{q:?}"));
    }
    for text in &ko {
        for banned in ["수열", "양성자", "갱신 게이트", "전체 상관", "×{r}배", "×{f}배"] {
            assert!(!text.contains(banned), "{banned} in: {}", &text[..text.len().min(200)]);
        }
        for (i, _) in text.match_indices("상관") {
            let before = &text[..i];
            let after = &text[i + "상관".len()..];
            assert!(
                before.ends_with("상호") || after.starts_with("없"),
                "상관 alone: {}",
                &text[..text.len().min(200)]
            );
        }
    }
    assert_eq!(KO.conv.sample_names[0], "램프");
}

/// With a Korean input method on, letter keys arrive as jamo: every letter
/// shortcut of every lesson (and the global ones) works from its jamo,
/// exactly as from the letter.
#[test]
fn every_letter_shortcut_works_from_its_korean_jamo() {
    const DUBEOLSIK: &str = "ㅁㅠㅊㅇㄷㄹㅎㅗㅑㅓㅏㅣㅡㅜㅐㅔㅂㄱㄴㅅㅕㅍㅈㅌㅛㅋ"; // a..z
    let jamo = |c: char| DUBEOLSIK.chars().nth((c as u8 - b'a') as usize).unwrap();
    let mut checked = 0;
    for (stem, screen) in common::lesson_screens() {
        let letters: Vec<char> = screen
            .bindings(&KO)
            .iter()
            .flat_map(|(_, keys)| keys.clone())
            .filter_map(|k| match k {
                deepstep::ui::keys::Key::Char(c) if c.is_ascii_lowercase() => Some(c),
                _ => None,
            })
            .chain(['q', 'e'])
            .collect();
        for c in letters {
            let after = |k: char| {
                let mut app = App::new(common::lesson_screen(stem), &KO, Theme::MONO);
                app.notes_dir = std::env::temp_dir().join(format!("deepstep-jamo-{}", std::process::id()));
                app.handle(&key(KeyCode::Char(k)));
                let (shown, _) = draw(&mut app, 100, 30);
                (shown, app.quit)
            };
            assert_eq!(after(jamo(c)), after(c), "{stem}: {} and {c}", jamo(c));
            checked += 1;
        }
    }
    assert!(checked > 20, "{checked}");
    let _ = std::fs::remove_dir_all(std::env::temp_dir().join(format!("deepstep-jamo-{}", std::process::id())));
}
