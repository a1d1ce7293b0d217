//! Bad input and big input: every command refuses what it cannot do, with a
//! message and status 2 (1 when the output cannot be written), in bounded
//! time, and never panics (status 101), whatever the flag values.

use crate::cases::{Case, check};
use std::ffi::OsStr;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_deepstep");

fn run<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("XDG_DATA_HOME", std::env::temp_dir().join("deepstep-robust-test"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("deepstep-robust-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn float_flags_refuse_nan_and_infinity() {
    for args in [
        vec!["rnn", "--print", "--forget-bias", "NaN"],
        vec!["rnn", "--print", "--input-scale", "inf"],
        vec!["rnn", "--print", "--clip", "NaN"],
        vec!["sweep", "--radius", "NaN"],
        vec!["lab", "linreg", "--print", "--slope", "NaN"],
        vec!["lab", "linreg", "--print", "--noise", "inf"],
        vec!["lab", "linreg", "--print", "--lr", "-inf"],
        vec!["lab", "count-rnn", "--print", "--lr", "NaN"],
        vec!["lab", "mle", "--print", "--mu", "inf"],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", err(&o));
        assert!(err(&o).contains("must be a finite number") && o.stdout.is_empty(), "{args:?}: {}", err(&o));
    }
}

/// An input scale that saturates the cell past f64 is refused in words,
/// with the scale as typed (not 309 digits), instead of printing 0 for a
/// gradient that is not 0.
#[test]
fn a_gradient_below_f64_is_refused_not_printed_as_zero() {
    let o = run(&["rnn", "--print", "--input-scale", "1e308"]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(o.stdout.is_empty());
    assert!(
        err(&o).contains("input scale 1e308: at h_") && err(&o).contains("use a smaller input scale"),
        "{}",
        err(&o)
    );
    let o = run(&["rnn", "--print", "--input-scale", "200"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
}

#[test]
fn a_full_disk_is_an_error_and_a_closed_pipe_is_not() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    for args in [
        vec!["conv", "--print", "--input", "1,2;3,4", "--kernel", "1"],
        vec!["rnn", "--print"],
        vec!["sweep"],
        vec!["quiz", "--print", "--seed", "1"],
        vec!["lab", "linreg", "--print"],
        vec!["lab", "mle", "--print"],
        vec!["man"],
    ] {
        let o = Command::new(BIN)
            .args(&args)
            .env("XDG_DATA_HOME", std::env::temp_dir().join("deepstep-robust-test"))
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", err(&o));
        assert!(err(&o).contains("cannot write the output"), "{args:?}: {}", err(&o));
    }
    // A reader that stops early (`| head -1`) ends the output quietly.
    let mut child = Command::new(BIN).args(["sweep", "--len", "1000"]).stdout(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

#[test]
fn banks_that_are_not_regular_files_are_refused_at_once() {
    let d = temp("fifo");
    let fifo = d.join("bank.toml");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for path in [fifo.as_os_str(), OsStr::new("/dev/zero"), d.as_os_str()] {
        for flag in ["--check", "--bank"] {
            let mut child = Command::new(BIN)
                .args([OsStr::new("quiz"), OsStr::new(flag), path, OsStr::new("--print")])
                .stderr(Stdio::piped())
                .stdout(Stdio::null())
                .spawn()
                .unwrap();
            let start = std::time::Instant::now();
            let status = loop {
                if let Some(s) = child.try_wait().unwrap() {
                    break s;
                }
                if start.elapsed() > Duration::from_secs(10) {
                    let _ = child.kill();
                    panic!("{flag} {path:?} hangs");
                }
                std::thread::sleep(Duration::from_millis(20));
            };
            assert_eq!(status.code(), Some(2), "{flag} {path:?}");
        }
    }
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn bank_errors_name_lines_fields_and_count_right() {
    let d = temp("bank");
    let big = d.join("big.toml");
    std::fs::write(
        &big,
        "[[question]]\nid = \"a\"\ntopic = \"chain\"\nkind = \"choice\"\nprompt.en = \"p\"\nexplanation.en = \"e\"\ncorrect = 99999999999999999999\n\n[[question]]\nid = \"b\"\ntopic = \"chain\"\nkind = \"numeric\"\nprompt.en = \"p\"\nexplanation.en = \"e\"\n",
    )
    .unwrap();
    let o = run(&[OsStr::new("quiz"), OsStr::new("--check"), big.as_os_str()]);
    let e = err(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(e.contains("big.toml:7: `correct` is a whole number too large to read"), "{e}");
    assert!(e.contains("question `b`: a numeric question needs `value`"), "the other problems are still found: {e}");
    assert!(!e.contains("between 1 and 0"), "{e}");
    let utf = d.join("utf.toml");
    std::fs::write(&utf, b"[[question]]\nid = \"a\"\nprompt.en = \"\xff\"\n").unwrap();
    let e = err(&run(&[OsStr::new("quiz"), OsStr::new("--check"), utf.as_os_str()]));
    assert!(e.contains("utf.toml:3: this line is not valid UTF-8"), "{e}");
    let one = d.join("one.toml");
    std::fs::write(
        &one,
        "[[question]]\nid = \"a\"\ntopic = \"chain\"\nkind = \"numeric\"\nprompt.en = \"p\"\nexplanation.en = \"e\"\n",
    )
    .unwrap();
    let e = err(&run(&[OsStr::new("quiz"), OsStr::new("--check"), one.as_os_str()]));
    assert!(e.contains("1 problem found"), "{e}");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn bank_text_cannot_reach_the_terminal_as_escape_sequences() {
    let d = temp("escape");
    let bank = d.join("esc.toml");
    std::fs::write(
        &bank,
        "[[question]]\nid = \"a\\u001b]0;title\\u0007\"\ntopic = \"chain\"\nkind = \"numeric\"\nprompt.en = \"p\\u001b[2J\\u009b\"\nexplanation.en = \"e\"\nvalue = 1\n",
    )
    .unwrap();
    let o = run(&[
        OsStr::new("quiz"),
        OsStr::new("--print"),
        OsStr::new("--bank"),
        bank.as_os_str(),
        OsStr::new("--count"),
        OsStr::new("3"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    assert!(out.contains("p\u{FFFD}[2J\u{FFFD}"), "{out:?}");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn clear_errors_for_the_usual_slips() {
    for (args, says) in [
        (vec!["conv", "--print", "--stride", "-1"], "--stride must be a whole number"),
        (vec!["conv", "--print", "--input", "1,2|3,x", "--kernel", "1"], "channel 2, row 1, column 2"),
        (vec!["rnn", "--print", "--radius", "3.0001"], "got 3.0001"),
        (vec!["lab", "linreg", "--print", "--n", "10000", "--batch", "1", "--steps", "100"], "1000000 updates"),
        (
            vec!["quiz", "--print", "--topic", "conv", "--bank", "assets/quiz/mle.toml"],
            "no questions on the topic convolution",
        ),
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", err(&o));
        assert!(err(&o).contains(says), "{args:?}: {}", err(&o));
    }
}

#[test]
fn a_progress_path_that_is_not_a_file_is_refused_untouched() {
    let d = temp("progress");
    let dir = d.join("a-directory");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("keep"), b"mine").unwrap();
    let o = run(&[OsStr::new("quiz"), OsStr::new("--print"), OsStr::new("--progress"), dir.as_os_str()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("is not a regular file"), "{}", err(&o));
    assert_eq!(std::fs::read(dir.join("keep")).unwrap(), b"mine");
    assert_eq!(std::fs::read_dir(&d).unwrap().count(), 1, "nothing renamed or added beside it");
    let _ = std::fs::remove_dir_all(&d);
}

/// A float as a learner (or a script) might type it.
fn float_text(c: &mut Case) -> String {
    const ODD: [&str; 12] = ["NaN", "inf", "-inf", "1e400", "-0", "0", "1/0", "", "x", "1,2", "--", "-"];
    match c.int(0, 3) {
        0 => c.any_f64().to_string(),
        1 => format!("{}", c.float(-1e6, 1e6)),
        _ => c.pick(&ODD).to_string(),
    }
}

/// Any value of any numeric flag: a result or a refusal, never a panic.
#[test]
fn numeric_flags_never_panic() {
    check("numeric_flags_never_panic", 24, |c| {
        let v = float_text(c);
        let which = c.int(0, 11);
        let (cmd, flag): (&[&str], &str) = [
            (&["rnn", "--print", "--len", "5"][..], "--radius"),
            (&["rnn", "--print", "--len", "5"][..], "--forget-bias"),
            (&["rnn", "--print", "--len", "5"][..], "--clip"),
            (&["rnn", "--print"][..], "--len"),
            (&["sweep", "--len", "5"][..], "--radius"),
            (&["lab", "linreg", "--print", "--steps", "3"][..], "--lr"),
            (&["lab", "linreg", "--print", "--steps", "3"][..], "--noise"),
            (&["lab", "count-rnn", "--print", "--iterations", "3"][..], "--lr"),
            (&["lab", "mle", "--print"][..], "--sigma"),
            (&["conv", "--print", "--input", "1,2;3,4", "--kernel", "1"][..], "--padding"),
            (&["quiz", "--print"][..], "--count"),
        ][which];
        let flag_value = format!("{flag}={v}");
        let mut args: Vec<&str> = cmd.to_vec();
        args.push(&flag_value);
        let o = run(&args);
        assert!(matches!(o.status.code(), Some(0) | Some(2)), "{args:?}: {:?} {}", o.status, err(&o));
        if o.status.code() == Some(0) {
            assert!(!String::from_utf8_lossy(&o.stdout).contains("NaN"), "{args:?}");
        }
    });
}
