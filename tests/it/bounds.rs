//! Bounded work and clean words at the edges: template ranges, lines per
//! bank field, the bank's size, the linear-regression print's work, values
//! echoed in errors, the home screen without a terminal and the fault
//! signals a terminal can still be restored after.

use crate::pty::Term;
use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

fn run<S: AsRef<OsStr>>(args: &[S]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_deepstep")).args(args).output().unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("deepstep-bounds-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn template_bank(template: &str, params: &str) -> String {
    format!(
        "[[question]]\nid = \"t\"\ntopic = \"rnn\"\nkind = \"numeric\"\ntemplate = \"{template}\"\nparams = {{ {params} }}\nprompt.en = \"p\"\nexplanation.en = \"e\"\n"
    )
}

/// A template range beyond what the math can do quickly is refused when the
/// bank is checked and when it is loaded, never drawn (it once panicked,
/// aborted after 3 GB, or took 15 s).
#[test]
fn template_ranges_are_bounded_at_check_and_at_load() {
    let dir = temp_dir("template");
    let cases = [
        ("rnn-power", "W10 = [9, 9], N = [9223372036854775807, 9223372036854775807]", "`N`"),
        ("rnn-power", "W10 = [9, 9], N = [200000000, 200000000]", "`N`"),
        ("rnn-power", "W10 = [9, 9], N = [10000000, 10000000]", "`N`"),
        ("count-ds", "T = [9223372036854775806, 9223372036854775807], W = [1, 1], K = [1, 1]", "`T`"),
        ("conv-output", "H = [0, 9223372036854775807], K = [1, 3], P = [0, 0], S = [1, 1], D = [1, 1]", "`H`"),
    ];
    for (i, (template, params, names)) in cases.iter().enumerate() {
        let bank = dir.join(format!("b{i}.toml"));
        std::fs::write(&bank, template_bank(template, params)).unwrap();
        for args in [
            vec![OsString::from("quiz"), "--check".into(), bank.clone().into()],
            vec![OsString::from("quiz"), "--print".into(), "--bank".into(), bank.clone().into()],
            vec![
                OsString::from("quiz"),
                "--export".into(),
                "anki".into(),
                "-".into(),
                "--bank".into(),
                bank.clone().into(),
            ],
        ] {
            let out = run(&args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.contains(names) && err.contains("must lie within"), "{args:?}: {err}");
        }
    }
    // The largest range allowed is drawn at once.
    let bank = dir.join("largest.toml");
    std::fs::write(&bank, template_bank("rnn-power", "W10 = [10, 10], N = [1000, 1000]")).unwrap();
    let out = run(&[OsStr::new("quiz"), OsStr::new("--check"), bank.as_os_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A text may have at most MAX_FIELD_LINES lines (a million-line prompt
/// once took 650 MB and a second a frame); a bank at most MAX_BANK_BYTES.
#[test]
fn bank_fields_and_files_are_capped() {
    use deepstep::lessons::quiz::bank::{MAX_BANK_BYTES, MAX_DEPTH, MAX_FIELD_CHARS, MAX_FIELD_LINES, parse};
    let bank = |lines: usize, field: &str| {
        let text = vec!["x"; lines].join("\\n");
        let (prompt, hint) = if field == "prompt" { (text.clone(), "h".to_string()) } else { ("p".into(), text) };
        format!(
            "[[question]]\nid = \"q\"\ntopic = \"chain\"\nkind = \"numeric\"\nvalue = 1\nprompt.en = \"p\"\nprompt.ko = \"{prompt}\"\nhint.en = \"{hint}\"\nexplanation.en = \"e\"\n"
        )
    };
    for field in ["prompt", "hint"] {
        assert!(parse("ok.toml", &bank(MAX_FIELD_LINES, field)).is_ok(), "{field}");
        let problems = parse("long.toml", &bank(MAX_FIELD_LINES + 1, field)).unwrap_err();
        let said = problems[0].describe(&deepstep::text::EN);
        assert!(said.contains(&format!("`{field}`")) && said.contains(&MAX_FIELD_LINES.to_string()), "{said}");
    }
    // Long lines, and arrays nested deeper than a question needs.
    let wide =
        bank(1, "prompt").replace("prompt.ko = \"x\"", &format!("prompt.ko = \"{}\"", "x".repeat(MAX_FIELD_CHARS + 1)));
    let said = parse("wide.toml", &wide).unwrap_err()[0].describe(&deepstep::text::EN);
    assert!(said.contains("`prompt`") && said.contains(&MAX_FIELD_CHARS.to_string()), "{said}");
    let nested = format!("x = {}{}\n", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    let said = parse("deep.toml", &nested).unwrap_err()[0].describe(&deepstep::text::EN);
    assert!(said.contains(&MAX_DEPTH.to_string()), "{said}");
    // Brackets inside strings and comments are not nesting.
    let quoted = format!(
        "# {0}\n{1}",
        "[".repeat(99),
        bank(1, "prompt").replace("prompt.en = \"p\"", &format!("prompt.en = \"{}\"", "[".repeat(99)))
    );
    assert!(parse("quoted.toml", &quoted).is_ok());
    let dir = temp_dir("size");
    let big = dir.join("big.toml");
    std::fs::write(&big, "#".repeat(MAX_BANK_BYTES as usize + 1)).unwrap();
    let out = run(&[OsStr::new("quiz"), OsStr::new("--check"), big.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than 2 MB"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `lab linreg --print` bounds its work (updates × points), not only the
/// updates: n = 10,000 with 100,000 steps once took 10 s.
#[test]
fn linreg_print_refuses_more_work_than_it_can_do_quickly() {
    for args in [
        ["lab", "linreg", "--print", "--n", "10000", "--steps", "100000"],
        ["lab", "linreg", "--print", "--n", "10000", "--steps", "20000"],
    ] {
        let out = run(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("point-updates") && err.contains("100000000"), "{err}");
    }
    let out = run(&["--lang", "ko", "lab", "linreg", "--print", "--n", "10000", "--batch", "1", "--steps", "10"]);
    assert_eq!(out.status.code(), Some(2));
}

/// Values echoed in errors (deepstep's and clap's) reach the terminal with
/// their control characters replaced: no title change, no cleared screen.
#[test]
fn echoed_values_carry_no_escape_sequences() {
    let osc = "\u{1b}]2;X\u{7}";
    let cases: Vec<Vec<String>> = vec![
        vec!["conv".into(), "--print".into(), "--input".into(), osc.into()],
        vec!["conv".into(), "--print".into(), "--kernel".into(), osc.into()],
        vec!["conv".into(), "--print".into(), "--backward".into(), "--dy".into(), osc.into()],
        vec!["lab".into(), "mle".into(), "--print".into(), "--data".into(), osc.into()],
        vec!["lab".into(), "mle".into(), "--print".into(), "--counts".into(), osc.into()],
        vec![osc.into()],
        vec!["rnn".into(), "--print".into(), "--cell".into(), format!("x\u{1b}[2J{osc}")],
        vec!["quiz".into(), "--check".into(), format!("/nonexistent/{osc}")],
    ];
    for args in cases {
        let out = run(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        assert!(!err.is_empty(), "{args:?}");
        assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{args:?}: {err:?}");
    }
}

/// The home screen without a terminal points to headless commands that
/// cover it, not to one lesson's `--print`.
#[test]
fn the_home_screen_without_a_terminal_points_to_what_covers_it() {
    let out = run::<&str>(&[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("deepstep --help") && err.contains("quiz --stats"), "{err}");
    let mut t = Term::start_with(&["--lang", "en"], &[("TERM", "dumb")], &[]);
    let s = t.wait_for("TERM=dumb");
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("home screen") && flat.contains("deepstep --help"), "{s}");
    let left = t.exit();
    left.assert_restored();
    assert_eq!(left.status, 2);
}

/// SIGFPE and SIGILL (which signal-hook does not take) restore the terminal
/// before the process dies of them.
#[test]
fn fault_signals_sent_to_a_lab_restore_the_terminal() {
    for sig in [libc::SIGFPE, libc::SIGILL] {
        let mut t = Term::start(&["conv"]);
        t.wait_for("Convolution");
        t.signal(sig);
        let left = t.exit();
        left.assert_restored();
        assert_ne!(left.status, 0, "signal {sig}");
    }
}
