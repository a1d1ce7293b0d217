//! Entering and leaving the terminal's full-screen mode. Every exit path
//! (normal return, error, panic, Ctrl-C, SIGTERM/SIGINT/SIGHUP) goes through
//! `leave`, which undoes raw mode, the alternate screen and mouse capture.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use std::io::{Stdout, stdout};
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Restores the terminal when dropped.
pub struct Guard {
    /// Set by SIGTERM, SIGINT or SIGHUP: the event loop ends and the guard restores.
    pub stop: Arc<AtomicBool>,
}

impl Guard {
    pub fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        leave();
    }
}

/// Undo everything `enter` did; safe to call more than once.
pub fn leave() {
    let _ = execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
}

static HOOK: Once = Once::new();

/// SIGTERM, SIGINT and SIGHUP (the SSH connection or terminal window went
/// away) ask the event loop to stop; it restores the terminal on its way out.
/// If it has not ended half a second later (input reading on a terminal that
/// is gone can keep it from returning), this thread restores and exits itself,
/// so a lost terminal never leaves a process spinning.
fn watch_signals(stop: Arc<AtomicBool>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            stop.store(true, Ordering::Relaxed);
            std::thread::sleep(std::time::Duration::from_millis(500));
            leave();
            std::process::exit(128 + sig);
        }
    });
    Ok(())
}

pub fn enter() -> std::io::Result<(Term, Guard)> {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            leave(); // restore first, so the panic message is readable
            previous(info);
        }));
    });
    let stop = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&stop))?;
    enable_raw_mode()?;
    let guard = Guard { stop };
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    let term = Terminal::new(CrosstermBackend::new(stdout()))?;
    Ok((term, guard))
}
