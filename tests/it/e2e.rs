//! End to end: the built binary in a real terminal (tmux), and its headless
//! forms. tmux runs on a private socket; every wait polls with a deadline.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_deepstep");

struct Tmux {
    socket: String,
    dir: PathBuf,
}

impl Tmux {
    /// A detached 120×40 session running `command` in `sh`, after which the
    /// terminal's settings are written to `stty.txt`.
    fn start(name: &str, command: &str) -> Tmux {
        let socket = format!("deepstep-e2e-{name}-{}", std::process::id());
        let dir = std::env::temp_dir().join(&socket);
        std::fs::create_dir_all(&dir).unwrap();
        let stty = dir.join("stty.txt");
        let status = dir.join("status.txt");
        let script = format!(
            "{command}; echo $? > {1}; stty -a > {0}.tmp; mv {0}.tmp {0}; sleep 60",
            stty.display(),
            status.display()
        );
        let ok = Command::new("tmux")
            .args(["-u", "-L", &socket, "new-session", "-d", "-x", "120", "-y", "40", "sh", "-c", &script])
            .env("TERM", "xterm-256color")
            .status()
            .expect("tmux must be installed to run the end-to-end tests (apt-get install tmux)");
        assert!(ok.success(), "tmux did not start");
        Tmux { socket, dir }
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "0"])
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Poll the screen until it contains `text`, for at most 15 s.
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {text:?}; screen:\n{s}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The terminal settings after deepstep exited.
    fn stty_after_exit(&self) -> String {
        let path = self.dir.join("stty.txt");
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Ok(s) = std::fs::read_to_string(&path) {
                return s;
            }
            assert!(Instant::now() < deadline, "deepstep did not exit; screen:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// deepstep's exit status (after `stty_after_exit`).
    fn exit_status(&self) -> i32 {
        std::fs::read_to_string(self.dir.join("status.txt")).unwrap().trim().parse().unwrap()
    }

    fn app_pid(&self) -> String {
        let shell = self.tmux(&["list-panes", "-t", "0", "-F", "#{pane_pid}"]).trim().to_string();
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let out = Command::new("ps").args(["-o", "pid=", "--ppid", &shell]).output().unwrap();
            let pid = String::from_utf8_lossy(&out.stdout).split_whitespace().next().map(str::to_string);
            if let Some(p) = pid {
                return p;
            }
            assert!(Instant::now() < deadline, "no deepstep process under the shell");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Raw mode is off again: the line discipline echoes and is canonical.
fn assert_cooked(stty: &str) {
    let words: Vec<&str> = stty.split_whitespace().collect();
    assert!(words.contains(&"icanon") && words.contains(&"echo"), "terminal left in raw mode:\n{stty}");
}

const EXAMPLE: &str = "conv --input '11,23,35;52,64,76;19,28,37' --kernel '2,-1;3,1'";

#[test]
fn right_arrow_steps_to_the_next_frame_and_q_restores_the_terminal() {
    let t = Tmux::start("step", &format!("{BIN} {EXAMPLE}"));
    t.wait_for("= 219");
    t.keys(&["Right"]);
    let s = t.wait_for("= 279");
    assert!(s.contains("frame 2/4"), "{s}");
    t.keys(&["l"]);
    t.wait_for("= 125");
    t.keys(&["q"]);
    assert_cooked(&t.stty_after_exit());
}

#[test]
fn home_screen_opens_the_lab_and_ctrl_c_restores_the_terminal() {
    let t = Tmux::start("home", BIN);
    t.wait_for("Convolution");
    t.keys(&["Enter"]);
    t.wait_for("frame 1/9");
    t.keys(&["C-c"]);
    assert_cooked(&t.stty_after_exit());
}

#[test]
fn rnn_lab_steps_bptt_backward_and_the_norms_appear() {
    // The numbers to expect, from the headless table of the same settings.
    let out = Command::new(BIN).args(["rnn", "--print", "--len", "6"]).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    let dh = |t: usize| table.lines().nth(t).unwrap().split_whitespace().nth(2).unwrap().to_string();
    let t = Tmux::start("rnn", &format!("{BIN} rnn --len 6"));
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
    assert_cooked(&t.stty_after_exit());
}

#[test]
fn count_rnn_lab_steps_the_bptt_loop() {
    let t = Tmux::start("count", &format!("{BIN} lab count-rnn --data tutorial"));
    t.wait_for("Press Right");
    t.keys(&["Right"]);
    // The table's row k = 10 fills in and is marked, then row 9.
    t.wait_for(">  10    1      -192     -38.75");
    t.keys(&["Right"]);
    t.wait_for(">   9    0       -96      -77.5");
    t.keys(&["q"]);
    assert_cooked(&t.stty_after_exit());
}

#[test]
fn mle_lab_derives_the_mean_of_the_learners_own_sample() {
    let t = Tmux::start("mle", &format!("{BIN} lab mle --data=1,2,4,5"));
    t.wait_for("Right reveals");
    t.keys(&["Right", "Right", "Right"]);
    t.wait_for("12/4 = 3.");
    t.keys(&["q"]);
    assert_cooked(&t.stty_after_exit());
}

#[test]
fn linreg_lab_steps_gradient_descent() {
    let t = Tmux::start("linreg", &format!("{BIN} lab linreg"));
    t.wait_for("step 0: β = [0, 0]");
    t.keys(&["Right"]);
    t.wait_for("step 1: β = [");
    t.keys(&["q"]);
    assert_cooked(&t.stty_after_exit());
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
    let t =
        Tmux::start("quiz", &format!("{BIN} quiz --topic conv --count 2 --seed 1 --progress {}", progress.display()));
    t.wait_for("question 1 of 2");
    let typed: Vec<String> = (value as u64).to_string().chars().map(String::from).collect();
    t.keys(&typed.iter().map(String::as_str).chain(["Enter"]).collect::<Vec<_>>());
    t.wait_for("Right!");
    t.keys(&["n"]);
    t.wait_for("question 2 of 2");
    t.keys(&["9", "9", "9", "Enter"]); // no padding of 999 keeps a kernel of at most 7 the same
    t.wait_for("Not quite.");
    t.keys(&["q"]);
    assert_cooked(&t.stty_after_exit());
    let saved = deepstep::lessons::quiz::progress::Store::peek(&progress).unwrap();
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
    let t = Tmux::start("ko", &format!("{BIN} --lang ko"));
    t.wait_for("합성곱");
    t.keys(&["Down", "Down", "Enter"]);
    t.wait_for("문제 1 / 10");
    // The footer may arrive a moment after the top of the screen: wait for it too.
    t.wait_for("답 고르기");
    // L switches back to English at once.
    t.keys(&["L"]);
    t.wait_for("question 1 of 10");
    t.keys(&["C-c"]);
    assert_cooked(&t.stty_after_exit());
    // No flag: LANG=ko_KR.UTF-8 gives Korean.
    let t = Tmux::start("ko-locale", &format!("env -u LC_ALL LANG=ko_KR.UTF-8 {BIN}"));
    t.wait_for("딥러닝 첫 주의 수학");
    t.keys(&["q"]);
    assert_cooked(&t.stty_after_exit());
}

#[test]
fn sigterm_restores_the_terminal() {
    let t = Tmux::start("term", &format!("{BIN} {EXAMPLE}"));
    t.wait_for("= 219");
    let pid = t.app_pid();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    assert_cooked(&t.stty_after_exit());
}

#[test]
fn a_terminal_that_goes_away_ends_the_process() {
    let t = Tmux::start("hup", &format!("{BIN} {EXAMPLE}"));
    t.wait_for("= 219");
    let pid = t.app_pid();
    // Killing the tmux server closes the terminal (SIGHUP), as a dropped SSH connection does.
    t.tmux(&["kill-server"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::path::Path::new(&format!("/proc/{pid}")).exists() {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        if stat.split_whitespace().nth(2) == Some("Z") {
            break; // exited, not yet reaped by its (dead) parent
        }
        assert!(Instant::now() < deadline, "deepstep {pid} kept running after its terminal went away");
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

/// Every signal whose default action ends the process restores the terminal
/// and ends with the status shells expect, 128 + the signal.
#[test]
fn ending_signals_restore_the_terminal_and_exit_128_plus_the_signal() {
    for (sig, code) in
        [("TERM", 143), ("HUP", 129), ("INT", 130), ("QUIT", 131), ("USR1", 138), ("USR2", 140), ("ALRM", 142)]
    {
        let t = Tmux::start(&format!("sig{sig}"), &format!("{BIN} {EXAMPLE}"));
        t.wait_for("= 219");
        let pid = t.app_pid();
        assert!(Command::new("kill").args([&format!("-{sig}"), &pid]).status().unwrap().success());
        assert_cooked(&t.stty_after_exit());
        assert_eq!(t.exit_status(), code, "SIG{sig}");
    }
}

/// Ctrl-Z gives the terminal back and stops; resumed, the lab redraws and
/// goes on.
#[test]
fn ctrl_z_suspends_and_sigcont_redraws() {
    let t = Tmux::start("suspend", &format!("{BIN} {EXAMPLE}"));
    t.wait_for("= 219");
    let pid = t.app_pid();
    t.keys(&["C-z"]);
    let stopped = || {
        let out = Command::new("ps").args(["-o", "stat=", "-p", &pid]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).trim().starts_with('T')
    };
    let deadline = Instant::now() + Duration::from_secs(15);
    while !stopped() {
        assert!(Instant::now() < deadline, "Ctrl-Z did not stop deepstep");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!t.screen().contains("= 219"), "the terminal is given back while stopped");
    assert!(Command::new("kill").args(["-CONT", &pid]).status().unwrap().success());
    t.wait_for("= 219");
    t.keys(&["Right"]);
    t.wait_for("= 279");
    t.keys(&["q"]);
    assert_cooked(&t.stty_after_exit());
    assert_eq!(t.exit_status(), 0);
}

#[test]
fn a_dumb_terminal_gets_a_message_not_a_garbled_screen() {
    let t = Tmux::start("dumb", &format!("TERM=dumb {BIN} {EXAMPLE}"));
    t.wait_for("TERM=dumb");
    assert_cooked(&t.stty_after_exit());
    assert_eq!(t.exit_status(), 2);
    assert!(t.screen().contains("--print"), "{}", t.screen());
}

/// A long paste is one event: it fills the answer up to its limit at once,
/// the lab stays responsive, and outside a prompt a paste types nothing
/// (a pasted "q" does not quit).
#[test]
fn a_long_paste_is_cut_to_the_answer_and_never_runs_commands() {
    let t = Tmux::start("paste", &format!("{BIN} {EXAMPLE}"));
    t.wait_for("= 219");
    t.tmux(&["set-buffer", "qqqq"]);
    t.tmux(&["paste-buffer", "-p", "-t", "0"]);
    t.keys(&["Right"]);
    t.wait_for("= 279");
    t.keys(&["t", "Right"]);
    t.wait_for("Predict this value");
    // 50,000 characters: too long for a tmux argument, so from a file.
    let long = t.dir.join("paste.txt");
    std::fs::write(&long, "7".repeat(50_000)).unwrap();
    t.tmux(&["load-buffer", long.to_str().unwrap()]);
    t.tmux(&["paste-buffer", "-p", "-t", "0"]);
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
    assert_cooked(&t.stty_after_exit());
    assert_eq!(t.exit_status(), 0);
}
