//! Entering and leaving the terminal's full-screen mode. Every exit path
//! (normal return, error, panic, Ctrl-C, and every signal whose default
//! action ends the process) goes through `leave`, which undoes raw mode,
//! the alternate screen, bracketed paste and mouse capture. Ctrl-Z (and
//! SIGTSTP) suspends like other full-screen programs: leave, stop, and on
//! resume enter again and redraw.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use std::io::{Stdout, stdout};
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicUsize, Ordering};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// The signals that end the process by default and can be caught (so the
/// terminal is restored, and a practice check's Python stopped, first): the
/// exit status is then 128 + the signal, as shells expect. Not SIGKILL and
/// SIGSTOP (no process can catch them), nor the fault signals SIGSEGV, SIGBUS,
/// SIGILL and SIGFPE, which a real fault raises in the faulting thread:
/// returning from a handler there would fault again.
pub fn ending_signals() -> Vec<i32> {
    use signal_hook::consts::*;
    let mut all = vec![
        SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGABRT, SIGTRAP, SIGSYS, SIGXCPU, SIGXFSZ,
        SIGVTALRM, SIGPROF, SIGIO,
    ];
    #[cfg(target_os = "linux")]
    {
        all.extend([libc::SIGPWR, libc::SIGSTKFLT]);
        all.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    }
    all
}

/// What the signal thread tells the event loop.
#[derive(Debug, Default)]
pub struct Flags {
    /// The ending signal received (0: none).
    pub stop: AtomicI32,
    /// SIGTSTP from outside: suspend at the next turn of the loop.
    pub suspend: AtomicBool,
    /// SIGCONT (the process was resumed): redraw everything.
    pub redraw: AtomicBool,
}

/// Restores the terminal when dropped.
pub struct Guard {
    pub flags: Arc<Flags>,
}

impl Guard {
    /// The ending signal received, if any.
    pub fn stop_requested(&self) -> Option<i32> {
        match self.flags.stop.load(Ordering::Relaxed) {
            0 => None,
            s => Some(s),
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        leave();
    }
}

/// How many times `leave` has run (`testing::terminal_restores`).
pub(super) static LEAVES: AtomicUsize = AtomicUsize::new(0);

/// Whether the terminal is in full-screen mode (the fault handler restores it only then).
static ENTERED: AtomicBool = AtomicBool::new(false);
/// The terminal's descriptor and its settings before raw mode.
static SAVED: std::sync::OnceLock<(i32, libc::termios)> = std::sync::OnceLock::new();

/// What `leave` writes, as bytes a signal handler can write at once: bracketed
/// paste and every mouse mode off, the main screen back, the cursor shown.
const RESET: &[u8] = b"\x1b[?2004l\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1049l\x1b[?25h";

/// SIGFPE and SIGILL, which signal-hook will not take (a real fault cannot
/// be returned from): restore the terminal with async-signal-safe calls
/// only (write(2), tcsetattr with the settings saved at start), then die of
/// the same signal with its default action. SIGSEGV and SIGBUS stay with
/// their default action: they also come from a broken stack or heap, where
/// even this much is not safe to attempt.
extern "C" fn restore_and_die(sig: libc::c_int) {
    // SAFETY: write, tcsetattr, signal and raise are async-signal-safe; SAVED
    // is only read (an atomic load) after it was set before raw mode began.
    unsafe {
        if ENTERED.load(Ordering::Relaxed) {
            libc::write(1, RESET.as_ptr().cast(), RESET.len());
            if let Some((fd, termios)) = SAVED.get() {
                libc::tcsetattr(*fd, libc::TCSANOW, termios);
            }
        }
        libc::signal(sig, libc::SIG_DFL);
        libc::raise(sig);
    }
}

/// Save the terminal's settings and install `restore_and_die` (once).
fn guard_faults() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // SAFETY: isatty/tcgetattr read into a zeroed termios (plain integers);
        // sigaction installs a handler that makes only async-signal-safe calls.
        unsafe {
            if let Some(fd) = [0, 1, 2].into_iter().find(|fd| libc::isatty(*fd) == 1) {
                let mut t: libc::termios = std::mem::zeroed();
                if libc::tcgetattr(fd, &mut t) == 0 {
                    let _ = SAVED.set((fd, t));
                }
            }
            for sig in [libc::SIGFPE, libc::SIGILL] {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = restore_and_die as extern "C" fn(libc::c_int) as usize;
                libc::sigemptyset(&mut action.sa_mask);
                libc::sigaction(sig, &action, std::ptr::null_mut());
            }
        }
    });
}

/// Undo everything `enter` did; safe to call more than once.
pub fn leave() {
    ENTERED.store(false, Ordering::Relaxed);
    LEAVES.fetch_add(1, Ordering::Relaxed);
    let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
}

fn enter_modes() -> std::io::Result<()> {
    guard_faults();
    ENTERED.store(true, Ordering::Relaxed);
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture, EnableBracketedPaste)
}

/// Suspend (Ctrl-Z): give the terminal back, stop until resumed, take it
/// again. The caller redraws everything afterwards.
pub fn suspend() -> std::io::Result<()> {
    leave();
    // SIGSTOP cannot be caught, so this stops even though SIGTSTP is ours.
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    enter_modes()
}

/// Clear the whole screen so the next draw writes every cell. Not
/// `Terminal::clear`, which asks the terminal where its cursor is first and
/// fails when no answer comes within two seconds (a slow link, a terminal
/// that does not answer): a full-screen lab has no cursor position to keep.
pub fn clear_all(term: &mut Term) -> std::io::Result<()> {
    let area = term.size()?.into();
    term.resize(area)
}

static HOOK: Once = Once::new();

/// Restore the terminal before a panic's message is printed.
pub fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            leave(); // restore first, so the panic message is readable
            previous(info);
        }));
    });
}

/// An ending signal asks the event loop to stop; it restores the terminal
/// on its way out. If it has not ended half a second later (input reading on
/// a terminal that is gone can keep it from returning), this thread restores
/// and exits itself, so a lost terminal never leaves a process spinning.
/// SIGTSTP and SIGCONT set flags the loop acts on.
fn watch_signals(flags: Arc<Flags>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGTSTP};
    let mut all: Vec<i32> = ending_signals();
    all.extend([SIGTSTP, SIGCONT]);
    let mut signals = signal_hook::iterator::Signals::new(all)?;
    std::thread::spawn(move || {
        for sig in signals.forever() {
            match sig {
                SIGTSTP => flags.suspend.store(true, Ordering::Relaxed),
                SIGCONT => flags.redraw.store(true, Ordering::Relaxed),
                _ => {
                    flags.stop.store(sig, Ordering::Relaxed);
                    std::thread::sleep(std::time::Duration::from_millis(500));
                    leave();
                    // exit runs no destructors: stop the checks they would have.
                    crate::practice::python::EVERY.kill_all();
                    std::process::exit(128 + sig);
                }
            }
        }
    });
    Ok(())
}

pub fn enter() -> std::io::Result<(Term, Guard)> {
    install_panic_hook();
    let flags = Arc::new(Flags::default());
    watch_signals(Arc::clone(&flags))?;
    let guard = Guard { flags };
    enter_modes()?;
    let term = Terminal::new(CrosstermBackend::new(stdout()))?;
    Ok((term, guard))
}
