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

static LEAVES: AtomicUsize = AtomicUsize::new(0);

/// How many times `leave` has run (the panic hook's test reads it).
pub fn leave_count() -> usize {
    LEAVES.load(Ordering::Relaxed)
}

/// Undo everything `enter` did; safe to call more than once.
pub fn leave() {
    LEAVES.fetch_add(1, Ordering::Relaxed);
    let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
}

fn enter_modes() -> std::io::Result<()> {
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
