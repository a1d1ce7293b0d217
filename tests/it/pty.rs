//! A real terminal for the end-to-end tests, with nothing installed by hand:
//! the built binary runs in a pseudo-terminal (portable-pty) and a terminal
//! emulator (vt100) reads what it writes, so a test sees what a terminal
//! shows: the cells, the alternate screen, the cursor, bracketed paste and
//! mouse modes, and after exit the line discipline's own settings (raw or
//! cooked). Every wait polls with a deadline.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_deepstep");
const WAIT: Duration = Duration::from_secs(15);

pub struct Term {
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    /// Asks the reading thread to stop (and close its copy of the terminal).
    stop: Arc<AtomicBool>,
    reading: Option<std::thread::JoinHandle<()>>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    status: Option<u32>,
}

/// How a finished run left the terminal.
pub struct Left {
    /// The line discipline's settings, read from the pseudo-terminal after exit.
    pub cooked: bool,
    pub alternate_screen: bool,
    pub cursor_hidden: bool,
    pub mouse_captured: bool,
    pub bracketed_paste: bool,
    pub status: u32,
}

impl Term {
    /// deepstep with `args` in a 120×40 xterm.
    pub fn start(args: &[&str]) -> Term {
        Term::start_with(args, &[], &[])
    }

    /// The same, with variables set (`env`) and removed (`unset`).
    pub fn start_with(args: &[&str], env: &[(&str, &str)], unset: &[&str]) -> Term {
        let (cols, rows) = (120, 40);
        let pair = native_pty_system()
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        for name in unset {
            cmd.env_remove(name);
        }
        for (name, value) in env {
            cmd.env(name, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("deepstep starts in the pseudo-terminal");
        // Only the child holds the terminal's side now: when it exits, the
        // reader below sees the end.
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows.try_into().unwrap(), cols.try_into().unwrap(), 0)));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let fd = pair.master.as_raw_fd().expect("a pseudo-terminal has a file descriptor");
        let feed = Arc::clone(&parser);
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        // It answers no queries: deepstep must never wait on the terminal's
        // answer (over a slow link one may not come in time).
        let reading = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !stopped.load(Ordering::Relaxed) {
                // Wait for output a little at a time, so a stop is seen.
                let mut poll = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
                // SAFETY: one pollfd for the master, which stays open until this thread is joined.
                if unsafe { libc::poll(&mut poll, 1, 20) } <= 0 {
                    continue;
                }
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break, // the program and all it started have exited
                    Ok(n) => feed.lock().unwrap().process(&buf[..n]),
                }
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Term {
            master: Some(pair.master),
            writer: Some(writer),
            stop,
            reading: Some(reading),
            child,
            parser,
            status: None,
        }
    }

    /// The screen as text, one line per row, trailing blanks trimmed.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Keys by name, as a terminal sends them: `Right`, `Enter`, `C-c`, or
    /// any other text typed as it is.
    pub fn keys(&mut self, keys: &[&str]) {
        for k in keys {
            let bytes: &[u8] = match *k {
                "Right" => b"\x1b[C",
                "Left" => b"\x1b[D",
                "Up" => b"\x1b[A",
                "Down" => b"\x1b[B",
                "Home" => b"\x1b[H",
                "End" => b"\x1b[F",
                "Enter" => b"\r",
                "Tab" => b"\t",
                "Escape" => b"\x1b",
                "C-c" => b"\x03",
                "C-z" => b"\x1a",
                text => text.as_bytes(),
            };
            self.write(bytes);
            // A lone Esc is a key only when nothing follows it at once.
            if *k == "Escape" {
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }

    /// `text` pasted as a terminal pastes into a program that asked for
    /// bracketed paste (and as plain typing into one that did not).
    pub fn paste(&mut self, text: &str) {
        let bracketed = self.parser.lock().unwrap().screen().bracketed_paste();
        let (open, close): (&[u8], &[u8]) = if bracketed { (b"\x1b[200~", b"\x1b[201~") } else { (b"", b"") };
        self.write(&[open, text.as_bytes(), close].concat());
    }

    fn write(&mut self, bytes: &[u8]) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(bytes).unwrap();
        writer.flush().unwrap();
    }

    /// The window is now `cols` × `rows` (the program gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser.lock().unwrap().screen_mut().set_size(rows.try_into().unwrap(), cols.try_into().unwrap());
        let size = PtySize { rows, cols, pixel_width: 0, pixel_height: 0 };
        self.master.as_ref().expect("the terminal is open").resize(size).unwrap();
    }

    /// Poll the screen until `found` holds, for at most 15 s.
    pub fn wait_until(&self, what: &str, found: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let s = self.screen();
            if found(&s) {
                return s;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}; screen:\n{s}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Poll the screen until it contains `text`.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text))
    }

    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("the child has a process id") as i32
    }

    pub fn signal(&self, sig: i32) {
        // SAFETY: sends a signal to the deepstep this test started.
        assert_eq!(unsafe { libc::kill(self.pid(), sig) }, 0);
    }

    /// Wait for deepstep to exit (at most 15 s), then read how it left the terminal.
    pub fn exit(&mut self) -> Left {
        let deadline = Instant::now() + WAIT;
        let status = loop {
            if let Some(code) = self.status {
                break code;
            }
            if let Some(s) = self.child.try_wait().unwrap() {
                self.status = Some(s.exit_code());
                continue;
            }
            assert!(Instant::now() < deadline, "deepstep did not exit; screen:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(20));
        };
        // Let the reader take in the last bytes written before the exit.
        std::thread::sleep(Duration::from_millis(100));
        let master = self.master.as_ref().expect("the terminal is open");
        let fd = master.as_raw_fd().expect("a pseudo-terminal has a file descriptor");
        // SAFETY: termios is plain integers, for which all zeros is a value.
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        // On Linux the master's settings are the terminal side's (tty_mode_ioctl).
        // SAFETY: fd is the open master; tcgetattr writes one termios struct.
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut termios) }, 0, "the terminal's settings");
        let cooked = termios.c_lflag & (libc::ICANON | libc::ECHO) == (libc::ICANON | libc::ECHO);
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        Left {
            cooked,
            alternate_screen: screen.alternate_screen(),
            cursor_hidden: screen.hide_cursor(),
            mouse_captured: screen.mouse_protocol_mode() != vt100::MouseProtocolMode::None,
            bracketed_paste: screen.bracketed_paste(),
            status,
        }
    }

    /// Close the terminal, as a dropped SSH connection does (SIGHUP).
    pub fn hang_up(&mut self) {
        self.stop_reading();
        self.writer = None;
        self.master = None;
    }

    fn stop_reading(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(reading) = self.reading.take() {
            reading.join().unwrap();
        }
    }

    /// Whether the process is still running (a zombie has exited).
    pub fn running(&mut self) -> bool {
        self.status.is_none() && self.child.try_wait().unwrap().is_none()
    }
}

impl Left {
    /// Everything a full-screen program must undo is undone.
    pub fn assert_restored(&self) {
        assert!(self.cooked, "terminal left in raw mode");
        assert!(!self.alternate_screen, "alternate screen left on");
        assert!(!self.cursor_hidden, "cursor left hidden");
        assert!(!self.mouse_captured, "mouse capture left on");
        assert!(!self.bracketed_paste, "bracketed paste left on");
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        self.stop_reading();
        if self.status.is_none() && self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
