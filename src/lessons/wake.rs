//! Waking the event loop when a worker has a result. crossterm 0.29 waits
//! for input inside its own poll, which retries on EINTR and has no waker
//! but in its async event stream, so a result that arrived mid-wait would
//! sit until the next tick (the RNN lab's new numbers reached the screen
//! 22–74 ms after a knob key at T = 1000, H = 64). The loop waits here
//! instead, on the terminal's input and on a self-pipe that workers write a
//! byte to ([`wake`]) and that SIGWINCH writes to as well (so a resize is
//! not held up either); crossterm then reads what is there without waiting.

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::sync::OnceLock;
use std::time::Duration;

/// The write end every worker wakes the loop through; set once by the loop.
static WAKER: OnceLock<OwnedFd> = OnceLock::new();

/// Wake the event loop (a result is ready). Nothing happens when no loop
/// runs (tests, `--print`), and a pipe already full is awake already.
pub fn wake() {
    if let Some(fd) = WAKER.get() {
        let byte = 1u8;
        // SAFETY: writing one byte from a live buffer to an fd we own.
        unsafe { libc::write(fd.as_raw_fd(), (&raw const byte).cast(), 1) };
    }
}

/// What ended a wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Woke {
    /// The terminal has input (or a resize).
    Input,
    /// A worker has a result.
    Worker,
    /// The time ran out, or a signal interrupted the wait.
    Timeout,
}

/// The loop's side: the terminal to watch and the pipe's read end.
pub struct Wait {
    input: RawFd,
    /// /dev/tty, when standard input is not the terminal (crossterm then
    /// reads there too).
    _tty: Option<std::fs::File>,
    pipe: OwnedFd,
}

fn pipe() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0; 2];
    // SAFETY: pipe2 fills both fds on success; we own them from here.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_NONBLOCK | libc::O_CLOEXEC) } != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: fresh fds from pipe2, owned by nothing else.
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

impl Wait {
    /// Set up the pipe, install it as the process's waker, and route
    /// SIGWINCH to it; the input watched is the terminal crossterm reads
    /// (standard input, or /dev/tty when that is not a terminal).
    pub fn new() -> io::Result<Wait> {
        // SAFETY: isatty only looks at the fd.
        if unsafe { libc::isatty(0) } == 1 {
            // SAFETY: fd 0 stays open for the whole run; it is only polled.
            Wait::with_input(0, None)
        } else {
            let tty = std::fs::File::open("/dev/tty")?;
            Wait::with_input(tty.as_raw_fd(), Some(tty))
        }
    }

    /// The same, watching `input` (kept open by `keep`, if given). Only the
    /// first wait of a process is woken by [`wake`]: the app has one.
    pub fn with_input(input: RawFd, keep: Option<std::fs::File>) -> io::Result<Wait> {
        let (read, write) = pipe()?;
        signal_hook::low_level::pipe::register(libc::SIGWINCH, write.try_clone()?)?;
        let _ = WAKER.set(write);
        Ok(Wait { input, _tty: keep, pipe: read })
    }

    /// Wait up to `timeout` for input or a worker's result.
    pub fn wait(&self, timeout: Duration) -> io::Result<Woke> {
        let mut fds = [
            libc::pollfd { fd: self.input, events: libc::POLLIN, revents: 0 },
            libc::pollfd { fd: self.pipe.as_raw_fd(), events: libc::POLLIN, revents: 0 },
        ];
        let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
        // SAFETY: two valid pollfd entries for the length given.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), 2, ms) };
        if n < 0 {
            let e = io::Error::last_os_error();
            return if e.kind() == io::ErrorKind::Interrupted { Ok(Woke::Timeout) } else { Err(e) };
        }
        if fds[1].revents != 0 {
            // Drain: one wake or a hundred, the loop looks once.
            let mut buf = [0u8; 64];
            // SAFETY: reading into a live buffer of its length.
            while unsafe { libc::read(self.pipe.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) } > 0 {}
            // A resize comes through the pipe too: let crossterm look.
            return Ok(if fds[0].revents != 0 { Woke::Input } else { Woke::Worker });
        }
        Ok(if fds[0].revents != 0 { Woke::Input } else { Woke::Timeout })
    }
}
