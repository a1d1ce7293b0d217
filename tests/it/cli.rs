//! The command line as a user meets it: completions and the man page from
//! the same tree as `--help` (in Korean too), exit statuses (2: bad usage or
//! input, 0: done), and arguments that are not UTF-8.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::process::{Command, Output};

fn deepstep<I: IntoIterator<Item = S>, S: AsRef<OsStr>>(args: I) -> Output {
    Command::new(env!("CARGO_BIN_EXE_deepstep"))
        .args(args)
        .env("XDG_DATA_HOME", std::env::temp_dir().join("deepstep-cli-test"))
        .env_remove("LC_ALL")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn completions_cover_every_subcommand_in_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = deepstep(["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", String::from_utf8_lossy(&out.stderr));
        let s = stdout(&out);
        for sub in ["conv", "rnn", "sweep", "quiz", "lab", "count-rnn", "linreg", "print", "lang"] {
            assert!(s.contains(sub), "{shell} completion lacks {sub}");
        }
    }
    // fish carries the help texts: in Korean with --lang ko.
    let ko = stdout(&deepstep(["--lang", "ko", "completions", "fish"]));
    assert!(ko.contains("복습할 때가 된 문제만 풀기"), "{ko}");
    assert_eq!(deepstep(["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn the_man_page_is_roff_from_the_same_tree() {
    let out = deepstep(["man"]);
    assert_eq!(out.status.code(), Some(0));
    let s = stdout(&out);
    assert!(s.contains(".TH deepstep"), "{s}");
    for sub in ["conv", "rnn", "sweep", "quiz", "lab", "completions"] {
        assert!(s.contains(&format!("deepstep\\-{sub}(1)")), "the man page lists {sub}:\n{s}");
    }
    assert!(s.contains("Step through the math of a first deep"), "{s}");
    let ko = stdout(&deepstep(["--lang", "ko", "man"]));
    assert!(ko.contains(".TH deepstep") && ko.contains("합성곱"), "{ko}");
}

#[test]
fn arguments_that_are_not_utf8_are_errors_not_panics() {
    let bad = OsStr::from_bytes(b"/tmp/deepstep-\xff.toml");
    // A path: read as it is, so the error is that the file is missing.
    let out = deepstep([OsStr::new("quiz"), OsStr::new("--check"), bad]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("deepstep-"), "the error names the file");
    // A text value: clap says it is not UTF-8.
    let out =
        deepstep([OsStr::new("conv"), OsStr::new("--print"), OsStr::new("--input"), OsStr::from_bytes(b"1,\xff")]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    // As the language flag's neighbour it is passed over, not read.
    let out = deepstep([OsStr::from_bytes(b"\xff"), OsStr::new("--lang"), OsStr::new("ko")]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn bad_input_is_status_2_and_the_message_says_what() {
    for (args, says) in [
        (vec!["conv", "--print", "--stride", "x"], "stride"),
        (vec!["conv", "--print", "--input", "1,2;3"], "row 2"),
        (vec!["rnn", "--print", "--len", "0"], "1"),
        (vec!["lab", "linreg", "--print", "--n", "1"], "n"),
        (vec!["lab", "count-rnn", "--print", "--iterations", "100001"], "iterations"),
        (vec!["quiz", "--print", "--count", "0"], "count"),
    ] {
        let out = deepstep(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.starts_with("deepstep") && err.contains(says), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}: nothing is printed before the error");
    }
    let out = deepstep(["conv", "--print", "--input", "1,2;3,4", "--kernel", "1"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("output\n"));
}

/// Study notes are stamped in the learner's own time zone, with its offset.
#[test]
fn notes_are_stamped_in_the_local_time_zone() {
    for (tz, offset) in [("KST-9", "+09:00"), ("UTC0", "+00:00")] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_deepstep"))
            .args(["conv", "--print", "--format", "markdown"])
            .env("TZ", tz)
            .output()
            .unwrap();
        let note = String::from_utf8_lossy(&out.stdout);
        let stamp = note.lines().find(|l| l.starts_with("_Written by deepstep on")).unwrap();
        assert!(stamp.ends_with(&format!("{offset}._")), "{tz}: {stamp}");
    }
}

/// D11: the settings line of `lab linreg --print --format markdown` is
/// arguments that run again (it used to write `--batch -`), with and
/// without a batch.
#[test]
fn the_linreg_notes_settings_line_runs_again() {
    for extra in [vec![], vec!["--batch", "5"]] {
        let mut args = vec!["lab", "linreg", "--print", "--format", "markdown"];
        args.extend(&extra);
        let note = stdout(&deepstep(&args));
        let line = note.lines().find(|l| l.starts_with("- --n ")).unwrap_or_else(|| panic!("{note}"));
        let mut again = vec!["lab", "linreg", "--print"];
        again.extend(line.trim_start_matches("- ").split_whitespace());
        let out = deepstep(&again);
        assert_eq!(out.status.code(), Some(0), "{line}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(line.contains("--batch 5"), !extra.is_empty(), "{line}");
    }
}

/// D24: `quiz --check` tells serde's common problems (a word that is not
/// allowed, a missing or unknown field) in the learner's language.
#[test]
fn quiz_check_says_serde_problems_in_the_learners_language() {
    let dir = std::env::temp_dir().join(format!("deepstep-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bank = dir.join("bad.toml");
    std::fs::write(&bank, "[[question]]\nid = \"x\"\nkind = \"nope\"\n").unwrap();
    for (lang, says) in
        [("en", "`kind` is `nope`, which is not one of"), ("ko", "`kind`의 값 `nope`은(는) 쓸 수 없습니다")]
    {
        let out = deepstep([
            OsStr::new("--lang"),
            OsStr::new(lang),
            OsStr::new("quiz"),
            OsStr::new("--check"),
            bank.as_os_str(),
        ]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(says) && !err.contains("unknown variant"), "{lang}: {err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `parse_from` parses with the plain tree and builds the one in the
/// learner's language only to print help or an error: both must accept the
/// same command lines and read them the same way.
#[test]
fn the_plain_tree_and_the_translated_ones_read_every_command_line_alike() {
    use clap::{CommandFactory, FromArgMatches};
    use deepstep::cli::args::Cli;
    let lines = [
        "deepstep",
        "deepstep --lang ko",
        "deepstep conv --print --input 5x5 --kernel 3x3 --stride 2 --padding 1",
        "deepstep rnn --cell lstm --len 30 --hidden 4 --print",
        "deepstep sweep --cell gru --len 10 --hidden 2",
        "deepstep quiz --count 3 --topic conv --seed 5 --print",
        "deepstep lab mle --family categorical --print",
        "deepstep lab gd --print",
        "deepstep practice check --format json",
        "deepstep conv --no-such-flag",
        "deepstep help",
        "deepstep conv --stride",
        "deepstep quiz --count many",
    ];
    let mut accepted = 0;
    for line in lines {
        let args: Vec<&str> = line.split(' ').collect();
        let read = |cmd: clap::Command| {
            cmd.try_get_matches_from(&args)
                .map(|m| format!("{:?}", Cli::from_arg_matches(&m).map_err(|e| e.kind())))
                .map_err(|e| e.kind())
        };
        let plain = read(Cli::command());
        accepted += usize::from(plain.is_ok());
        for text in [&deepstep::text::EN, &deepstep::text::KO] {
            let translated = read(deepstep::cli::help::command(text));
            match (&plain, &translated) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{line}"),
                // Help the plain tree offers as a subcommand is an unknown
                // one in the translated tree: both print, neither runs.
                (Err(_), Err(_)) => {}
                _ => panic!("{line}: the plain tree says {plain:?}, the translated one {translated:?}"),
            }
        }
    }
    // The first nine lines are ones deepstep runs; the last four it refuses.
    assert_eq!(accepted, 9);
}
