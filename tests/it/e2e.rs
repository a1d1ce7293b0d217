//! End to end: the built binary in a real terminal (a pseudo-terminal read
//! by a terminal emulator: `pty.rs`), and its headless forms.

use crate::pty::Term;
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_deepstep");

const EXAMPLE: [&str; 5] = ["conv", "--input", "11,23,35;52,64,76;19,28,37", "--kernel", "2,-1;3,1"];

#[test]
fn right_arrow_steps_to_the_next_frame_and_q_restores_the_terminal() {
    let mut t = Term::start(&EXAMPLE);
    t.wait_for("= 219");
    t.keys(&["Right"]);
    let s = t.wait_for("= 279");
    assert!(s.contains("frame 2/4"), "{s}");
    t.keys(&["l"]);
    t.wait_for("= 125");
    t.keys(&["q"]);
    t.exit().assert_restored();
}

#[test]
fn home_screen_opens_the_lab_and_ctrl_c_restores_the_terminal() {
    let mut t = Term::start(&[]);
    t.wait_for("Convolution");
    t.keys(&["Enter"]);
    t.wait_for("frame 1/9");
    t.keys(&["C-c"]);
    t.exit().assert_restored();
}

#[test]
fn rnn_lab_steps_bptt_backward_and_the_norms_appear() {
    // The numbers to expect, from the headless table of the same settings.
    let out = Command::new(BIN).args(["rnn", "--print", "--len", "6"]).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    let dh = |t: usize| table.lines().nth(t).unwrap().split_whitespace().nth(2).unwrap().to_string();
    let mut t = Term::start(&["rnn", "--len", "6"]);
    t.wait_for("step t = 1 of 6");
    t.keys(&["End"]);
    t.wait_for("backward");
    t.keys(&["Home"]);
    for _ in 0..6 {
        t.keys(&["Right"]);
    }
    // The status line is drawn before the timeline below it: wait for each.
    t.wait_for("step t = 6 of 6");
    let s = t.wait_for(&dh(6));
    assert!(!s.contains(&dh(5)), "||dL/dh_5|| is not shown yet:\n{s}");
    t.keys(&["Right"]);
    t.wait_for("step t = 5 of 6");
    t.wait_for(&dh(5));
    t.keys(&["q"]);
    t.exit().assert_restored();
}

#[test]
fn count_rnn_lab_steps_the_bptt_loop() {
    let mut t = Term::start(&["lab", "count-rnn", "--data", "tutorial"]);
    t.wait_for("Press Right");
    t.keys(&["Right"]);
    // The table's row k = 10 fills in and is marked, then row 9.
    t.wait_for(">  10    1      -192     -38.75");
    t.keys(&["Right"]);
    t.wait_for(">   9    0       -96      -77.5");
    t.keys(&["q"]);
    t.exit().assert_restored();
}

#[test]
fn mle_lab_derives_the_mean_of_the_learners_own_sample() {
    let mut t = Term::start(&["lab", "mle", "--data=1,2,4,5"]);
    t.wait_for("Right reveals");
    t.keys(&["Right", "Right", "Right"]);
    t.wait_for("12/4 = 3.");
    t.keys(&["q"]);
    t.exit().assert_restored();
}

#[test]
fn linreg_lab_steps_gradient_descent() {
    let mut t = Term::start(&["lab", "linreg"]);
    t.wait_for("step 0: β = [0, 0]");
    t.keys(&["Right"]);
    t.wait_for("step 1: β = [");
    t.keys(&["q"]);
    t.exit().assert_restored();
}

#[test]
fn quiz_answers_one_right_one_wrong_and_the_progress_file_keeps_both() {
    let dir = std::env::temp_dir().join(format!("deepstep-e2e-quiz-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let progress = dir.join("progress.sqlite3");
    // The convolution topic's first two new questions, in bank order and one
    // per skill: an output height, then (the other output-size questions
    // share its skill) the padding that keeps the output the input's size.
    // Both are templated: the numbers are those the round drew with seed 1.
    use deepstep::lessons::quiz::{bank, round};
    let options = round::RoundOptions { topic: Some(bank::Topic::Conv), count: 2, seed: 1, ..Default::default() };
    let planned = round::plan(&bank::shipped().unwrap(), &Default::default(), &options, 0);
    assert_eq!(planned.iter().map(|q| q.id.as_str()).collect::<Vec<_>>(), ["conv-size-basic", "conv-same-padding"]);
    let bank::Answer::Numeric { value, .. } = planned[0].answer else { panic!("{:?}", planned[0]) };
    let progress_arg = progress.to_str().unwrap();
    let mut t = Term::start(&["quiz", "--topic", "conv", "--count", "2", "--seed", "1", "--progress", progress_arg]);
    t.wait_for("question 1 of 2");
    let typed: Vec<String> = (value as u64).to_string().chars().map(String::from).collect();
    t.keys(&typed.iter().map(String::as_str).chain(["Enter"]).collect::<Vec<_>>());
    t.wait_for("Right!");
    t.keys(&["n"]);
    t.wait_for("question 2 of 2");
    t.keys(&["9", "9", "9", "Enter"]); // no padding of 999 keeps a kernel of at most 7 the same
    t.wait_for("Not quite.");
    t.keys(&["q"]);
    t.exit().assert_restored();
    let saved = deepstep::progress::Store::peek(&progress).unwrap();
    let q = &saved.questions;
    assert_eq!((q["conv-size-basic"].right, q["conv-size-basic"].wrong), (1, 0));
    assert_eq!((q["conv-same-padding"].right, q["conv-same-padding"].wrong), (0, 1));
    // The wrong one (FSRS: Again) comes back within minutes, the right one days later.
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    assert!(q["conv-same-padding"].due <= now + 600, "{:?}", q["conv-same-padding"]);
    assert!(q["conv-size-basic"].due > now + 86_400, "{:?}", q["conv-size-basic"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn korean_from_the_flag_and_from_the_locale_on_home_and_in_the_quiz() {
    let mut t = Term::start(&["--lang", "ko"]);
    t.wait_for("합성곱");
    t.keys(&["Down", "Down", "Enter"]);
    t.wait_for("문제 1 / 10");
    // The footer may arrive a moment after the top of the screen: wait for it too.
    t.wait_for("답 고르기");
    // L switches back to English at once.
    t.keys(&["L"]);
    t.wait_for("question 1 of 10");
    t.keys(&["C-c"]);
    t.exit().assert_restored();
    // No flag: LANG=ko_KR.UTF-8 gives Korean.
    let mut t =
        Term::start_with(&[], &[("LANG", "ko_KR.UTF-8")], &["LC_ALL", "LC_MESSAGES", "LANGUAGE", "DEEPSTEP_LANG"]);
    t.wait_for("딥러닝 첫 주의 수학");
    t.keys(&["q"]);
    t.exit().assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut t = Term::start(&EXAMPLE);
    t.wait_for("= 219");
    t.signal(libc::SIGTERM);
    t.exit().assert_restored();
}

#[test]
fn a_terminal_that_goes_away_ends_the_process() {
    let mut t = Term::start(&EXAMPLE);
    t.wait_for("= 219");
    // Closing the terminal's side sends SIGHUP, as a dropped SSH connection does.
    t.hang_up();
    let deadline = Instant::now() + Duration::from_secs(10);
    while t.running() {
        assert!(Instant::now() < deadline, "deepstep kept running after its terminal went away");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn interactive_commands_refuse_a_non_terminal_with_status_2() {
    for args in [vec!["conv"], vec![], vec!["quiz", "--progress", "/nonexistent/p.json"]] {
        let out = Command::new(BIN).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--print") && err.lines().count() == 1, "{err}");
    }
}

#[test]
fn print_writes_every_frame_and_ends_with_the_output_block() {
    let out = Command::new(BIN)
        .args(["conv", "--input", "11,23,35;52,64,76;19,28,37", "--kernel", "2,-1;3,1", "--print"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("11×2 + 23×(-1) + 52×3 + 64×1 = 219"), "{s}");
    assert!(s.ends_with("output\n219 279\n125 173\n"), "{s}");
    let out = Command::new(BIN)
        .args(["conv", "--input", "1,2,3;4,5,6;7,8,9", "--kernel", "1,0;0,-1", "--stride", "2", "--padding", "1"])
        .args(["--print", "--backward", "--dy", "1,2;3,4"])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    let blocks: Vec<&str> = s.split("\n\n").collect();
    let block =
        |head: &str| blocks.iter().find(|b| b.starts_with(head)).unwrap_or_else(|| panic!("{head}:\n{s}")).to_string();
    assert_eq!(block("output"), "output\n-1 -3\n-7 -4");
    // By hand: dW[ki,kj] = Σ x[2·oy + ki − 1, 2·ox + kj − 1] · dY[oy,ox] (zero outside x):
    // dW[0,0] = 5·4 = 20; dW[0,1] = 4·3 + 6·4 = 36; dW[1,0] = 2·2 + 8·4 = 36;
    // dW[1,1] = 1·1 + 3·2 + 7·3 + 9·4 = 64.
    assert_eq!(block("grad_kernel"), "grad_kernel\n20 36\n36 64");
    assert!(block("grad_input").starts_with("grad_input\n"));
}

#[test]
fn bad_matrices_name_the_row_and_column_with_status_2() {
    let out = Command::new(BIN).args(["conv", "--input", "1,2;3", "--print"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("row 2") && err.contains("--input"), "{err}");
    let out = Command::new(BIN).args(["conv", "--input", "1,2;3,x", "--print"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("row 2, column 2"), "{err}");
    let out = Command::new(BIN)
        .args(["conv", "--input", "1,2;3,4", "--kernel", "1,1,1;1,1,1;1,1,1", "--print"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("kernel is too large"));
}

/// Every signal whose default action ends the process, and that a process
/// can catch, restores the terminal and ends with the status shells expect,
/// 128 + the signal (the list is the app's own: `ending_signals`).
#[test]
fn ending_signals_restore_the_terminal_and_exit_128_plus_the_signal() {
    let all = deepstep::app::terminal::ending_signals();
    assert!(all.len() >= 15, "{all:?}");
    // A few at a time: each is a whole app in a terminal of its own.
    for group in all.chunks(6) {
        std::thread::scope(|s| {
            for &sig in group {
                s.spawn(move || {
                    let mut t = Term::start(&EXAMPLE);
                    t.wait_for("= 219");
                    t.signal(sig);
                    let left = t.exit();
                    left.assert_restored();
                    assert_eq!(left.status, 128 + sig as u32, "signal {sig}");
                });
            }
        });
    }
}

/// Ctrl-Z gives the terminal back and stops; resumed, the lab redraws and
/// goes on.
#[test]
fn ctrl_z_suspends_and_sigcont_redraws() {
    let mut t = Term::start(&EXAMPLE);
    t.wait_for("= 219");
    t.keys(&["C-z"]);
    let stat = format!("/proc/{}/stat", t.pid());
    // The state follows the name in parentheses: T is stopped.
    let stopped =
        || std::fs::read_to_string(&stat).is_ok_and(|s| s.rsplit(") ").next().is_some_and(|r| r.starts_with('T')));
    let deadline = Instant::now() + Duration::from_secs(15);
    while !stopped() {
        assert!(Instant::now() < deadline, "Ctrl-Z did not stop deepstep");
        std::thread::sleep(Duration::from_millis(50));
    }
    t.wait_until("the terminal given back while stopped", |s| !s.contains("= 219"));
    t.signal(libc::SIGCONT);
    t.wait_for("= 219");
    t.keys(&["Right"]);
    t.wait_for("= 279");
    t.keys(&["q"]);
    let left = t.exit();
    left.assert_restored();
    assert_eq!(left.status, 0);
}

#[test]
fn a_dumb_terminal_gets_a_message_not_a_garbled_screen() {
    let mut t = Term::start_with(&EXAMPLE, &[("TERM", "dumb")], &[]);
    t.wait_for("TERM=dumb");
    let left = t.exit();
    left.assert_restored();
    assert_eq!(left.status, 2);
    assert!(t.screen().contains("--print"), "{}", t.screen());
}

/// A long paste is one event: it fills the answer up to its limit at once,
/// the lab stays responsive, and outside a prompt a paste types nothing
/// (a pasted "q" does not quit).
#[test]
fn a_long_paste_is_cut_to_the_answer_and_never_runs_commands() {
    let mut t = Term::start(&EXAMPLE);
    t.wait_for("= 219");
    t.paste("qqqq");
    t.keys(&["Right"]);
    t.wait_for("= 279");
    t.keys(&["t", "Right"]);
    t.wait_for("Predict this value");
    t.paste(&"7".repeat(50_000));
    let s = t.wait_for(&"7".repeat(64));
    assert!(!s.contains(&"7".repeat(65)), "the answer holds 64 characters at most:\n{s}");
    // Esc and q sent together read as Alt-q: let the Esc arrive on its own first.
    t.keys(&["Escape"]);
    let deadline = Instant::now() + Duration::from_secs(15);
    while t.screen().contains("Predict this value") {
        assert!(Instant::now() < deadline, "Esc did not close the prompt");
        std::thread::sleep(Duration::from_millis(50));
    }
    t.keys(&["q"]);
    let left = t.exit();
    left.assert_restored();
    assert_eq!(left.status, 0);
}

/// A resized window is drawn again at its new size; below the minimum the
/// lab says what it needs, and it comes back when the window grows again.
#[test]
fn a_resized_window_is_redrawn_at_its_new_size() {
    let mut t = Term::start(&EXAMPLE);
    t.wait_for("= 219");
    // Drawn whole at the new size: the status row on top, the footer's
    // last key at the bottom (the emulator only cut the old screen).
    let whole = |s: &str| {
        let rows: Vec<&str> = s.lines().collect();
        rows.first().is_some_and(|r| r.contains("frame 1/4")) && rows.last().is_some_and(|r| r.contains("quit"))
    };
    t.resize(80, 24);
    let s = t.wait_until("the lab drawn at 80×24", |s| whole(s) && s.lines().count() == 24);
    assert!(s.lines().all(|l| l.chars().count() <= 80), "{s}");
    t.resize(60, 20);
    t.wait_for("80×24");
    t.resize(100, 30);
    t.wait_until("the lab drawn at 100×30", |s| whole(s) && s.lines().count() == 30);
    t.keys(&["q"]);
    t.exit().assert_restored();
}

/// A check still running when a signal ends the practice screen dies with
/// it, whatever the signal (each runs in a process group of its own, which
/// the terminal's signals do not reach).
#[test]
fn an_ending_signal_on_the_practice_screen_stops_the_check_too() {
    for sig in [libc::SIGABRT, libc::SIGQUIT, libc::SIGXCPU] {
        let dir = std::env::temp_dir().join(format!("deepstep-e2e-practice-{sig}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let started = crate::common::looping_practice_file(dir.join("posterior.py"));
        let python = crate::common::python_with_numpy();
        let mut t = Term::start_with(
            &["practice", dir.to_str().unwrap()],
            &[("DEEPSTEP_PYTHON", python.to_str().unwrap()), ("XDG_DATA_HOME", dir.to_str().unwrap())],
            &[],
        );
        let py = started();
        t.signal(sig);
        let left = t.exit();
        let py_gone = crate::common::gone(py);
        // SAFETY: a failing run must not leave the looping Python behind.
        unsafe { libc::kill(py, libc::SIGKILL) };
        assert!(py_gone, "signal {sig}: the check's Python outlived the screen");
        left.assert_restored();
        assert_eq!(left.status, 128 + sig as u32, "signal {sig}; the terminal shows:\n{}", t.screen());
    }
}
