//! The shell: the stack of screens, routing keys and clicks to the one in
//! front, performing the effects its updates return (opening a lesson,
//! writing a note, saving progress), the help overlay, the "too small"
//! screen, and the event loop. It knows no lesson by name: lessons come
//! from `lessons::registry` and are driven through `lessons::lesson::Screen`.

pub mod terminal;
pub mod testing;

use crate::lessons::home::lab::Home;
use crate::lessons::lesson::{At, Ctx, Effect, Screen, lesson_ref, mount};
use crate::lessons::notes::{self, Note};
use crate::lessons::registry::{LESSONS, Opener};
use crate::progress::Store;
use crate::text::Text;
use crate::ui::chrome::{self, MIN_HEIGHT, MIN_WIDTH};
use crate::ui::drawn::Draw;
use crate::ui::keys::{Binding, Key, footer_items, help_items, lookup};
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::layout::{Constraint, Layout, Position};
use std::time::{Duration, Instant};

/// The keys every screen has.
#[derive(Debug, Clone, PartialEq)]
pub enum Global {
    Help,
    /// English ↔ Korean, at once, on every screen.
    SwitchLang,
    /// Ctrl-Z: give the terminal back and stop, like other full-screen programs.
    Suspend,
    /// Write the note, go back, quit.
    Do(Effect),
}

pub struct App {
    /// Screens, the front one last; going back pops, and popping the last quits.
    pub screens: Vec<Box<dyn Screen>>,
    pub help: bool,
    pub quit: bool,
    pub text: &'static Text,
    pub theme: Theme,
    /// Where the quiz keeps its progress (`None`: not saved; the command
    /// line sets the user's data directory).
    pub progress: Option<Store>,
    /// Where `e` writes study notes (the current directory).
    pub notes_dir: std::path::PathBuf,
    /// A one-line report (the note's path), cleared by the next key.
    pub status: Option<String>,
    /// Ctrl-Z was pressed: the event loop suspends.
    pub suspend: bool,
    /// A fixed time for every update (tests); `None` reads the clock.
    pub clock: Option<u64>,
    /// The seed the next quiz opened from the home screen draws its round with.
    pub seed: u64,
    last_tick: Instant,
    /// Whether the last render drew the screen (not the "too small" notice),
    /// so that its click areas are where the learner sees them.
    drawn: bool,
}

/// The keys every screen has; `e` only where there is a lesson to write down.
/// `last`: the front screen is the only one, so leaving it quits (the footer says so).
pub fn global_table(t: &Text, in_lesson: bool, last: bool) -> Vec<Binding<Global>> {
    let k = &t.keys;
    let mut rows = vec![Binding::new(&[Key::Char('?')], k.help, Global::Help, true)];
    if in_lesson {
        rows.push(Binding::new(&[Key::Char('e')], k.export, Global::Do(Effect::WriteNote), true));
    }
    rows.extend([
        Binding::new(&[Key::Char('L')], k.lang, Global::SwitchLang, true),
        Binding::new(
            &[Key::Char('q'), Key::Code(KeyCode::Esc)],
            if last { k.quit } else { k.back },
            Global::Do(Effect::Back),
            true,
        ),
        Binding::new(&[Key::Ctrl('c')], k.ctrl_c, Global::Do(Effect::Quit), false),
        Binding::new(&[Key::Ctrl('z')], k.suspend, Global::Suspend, false),
    ]);
    rows
}

/// Unix seconds now.
pub fn system_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

impl App {
    pub fn new(first: Box<dyn Screen>, text: &'static Text, theme: Theme) -> Self {
        let mut app = App {
            screens: vec![],
            help: false,
            quit: false,
            text,
            theme,
            progress: None,
            notes_dir: std::path::PathBuf::from("."),
            status: None,
            suspend: false,
            clock: None,
            seed: crate::lessons::quiz::lab::clock_seed(),
            last_tick: Instant::now(),
            drawn: false,
        };
        app.push(first);
        app
    }

    /// Put `screen` in front and start what it needs (its workers).
    fn push(&mut self, mut screen: Box<dyn Screen>) {
        let effects = screen.opened();
        self.screens.push(screen);
        self.perform(effects);
    }

    /// The home screen: the registry's lessons.
    pub fn home(text: &'static Text, theme: Theme) -> Self {
        App::new(mount(Home::default()), text, theme)
    }

    fn front(&self) -> Option<&dyn Screen> {
        self.screens.last().map(|s| s.as_ref())
    }

    fn ctx(&self) -> Ctx {
        Ctx { now: self.clock.unwrap_or_else(system_now) }
    }

    /// Whether a lesson (not the home list) is in front: `e` writes its note.
    pub fn in_lesson(&self) -> bool {
        self.front().is_some_and(|s| lesson_ref::<Home>(s).is_none())
    }

    /// Whether the front screen waits for a typed answer.
    pub fn asking(&self) -> bool {
        self.front().is_some_and(|s| s.asking())
    }

    /// (label, what) rows of the front screen's keys, then the global ones
    /// that work now (while an answer is typed, only Ctrl-C and Ctrl-Z do).
    pub fn key_rows(&self, footer_only: bool) -> Vec<(String, &'static str)> {
        let t = self.text;
        let mut rows = self.front().map(|s| s.key_rows(t, footer_only)).unwrap_or_default();
        let typing = self.asking();
        let g: Vec<_> = global_table(t, self.in_lesson(), self.screens.len() == 1)
            .into_iter()
            .filter(|b| !typing || b.keys.iter().all(|k| matches!(k, Key::Ctrl(_))))
            .collect();
        rows.extend(if footer_only { footer_items(&g) } else { help_items(&g) });
        rows
    }

    /// The front lesson as a study note, in the current language.
    pub fn note(&self) -> Option<Note> {
        self.front()?.note(self.text)
    }

    /// Do what updates asked for.
    pub fn perform(&mut self, effects: Vec<Effect>) {
        for e in effects {
            match e {
                Effect::Quit => self.quit = true,
                Effect::Back => {
                    self.screens.pop();
                    if self.screens.is_empty() {
                        self.quit = true;
                    }
                    self.refresh_due();
                }
                Effect::WriteNote => self.write_note(),
                Effect::Spawn(task) => task.spawn(),
                Effect::Open { stem, at } => {
                    if let Some(i) = LESSONS.iter().position(|e| e.stem == stem) {
                        self.open(i, at);
                    }
                }
                Effect::SavePractice(record) => {
                    let now = self.clock.unwrap_or_else(system_now);
                    let result = match self.progress.as_mut() {
                        Some(store) => store.save_practice(&record, now),
                        None => Ok(()),
                    };
                    if let (Err(e), Some(front)) = (result, self.screens.last_mut()) {
                        front.saved(&record.exercise, Err(e));
                    }
                }
                Effect::Record(review) => {
                    let result = match self.progress.as_mut() {
                        Some(store) => store.record(&review),
                        None => Ok(None),
                    };
                    if let Some(front) = self.screens.last_mut() {
                        front.saved(&review.id, result);
                    }
                    self.refresh_due();
                }
            }
        }
    }

    /// Use `store` for the learner's progress (`None`: nothing is saved).
    pub fn set_progress(&mut self, store: Option<Store>) {
        self.progress = store;
        self.refresh_due();
    }

    /// Tell every screen how many quiz questions are due now: one query,
    /// when it can have changed (the store set, an answer saved, a screen
    /// left), not on every frame.
    pub fn refresh_due(&mut self) {
        let now = self.clock.unwrap_or_else(system_now);
        let due = self.progress.as_ref().and_then(|s| s.due_count(now));
        for screen in &mut self.screens {
            screen.due(due);
        }
    }

    fn open(&mut self, i: usize, at: At) {
        let Some(entry) = LESSONS.get(i) else { return };
        let mut opener = Opener {
            store: self.progress.as_mut(),
            now: self.clock.unwrap_or_else(system_now),
            seed: self.seed,
            folder: &self.notes_dir,
            at,
        };
        match (entry.open)(&mut opener) {
            Ok(screen) => {
                self.seed = self.seed.wrapping_add(1);
                self.push(screen);
            }
            Err(e) => self.status = Some((self.text.note.failed)(&format!("{e:#}"))),
        }
    }

    fn write_note(&mut self) {
        let Some(note) = self.note() else { return };
        let (day, when) = notes::local_dates(notes::now_secs());
        let body = note.markdown(self.text, &when);
        self.status = Some(match notes::write_new(&self.notes_dir, note.stem, &day, &body) {
            Ok(path) => (self.text.note.written)(&path.display().to_string()),
            Err(e) => (self.text.note.failed)(&e.to_string()),
        });
    }

    fn global(&mut self, g: Global) {
        match g {
            Global::Help => self.help = !self.help,
            Global::SwitchLang => {
                self.text = match self.text.lang {
                    crate::text::Lang::En => &crate::text::KO,
                    crate::text::Lang::Ko => &crate::text::EN,
                };
                self.status = Some(self.text.lang_name.to_string());
            }
            Global::Suspend => self.suspend = true,
            Global::Do(e) => self.perform(vec![e]),
        }
    }

    /// A key: Ctrl-C quits; the help overlay takes only its closing keys; a
    /// screen that asks for an answer takes every other key first (Esc skips
    /// the answer, not the screen); else the global keys, then the screen's.
    pub fn press(&mut self, ev: &KeyEvent) {
        // With a Korean input method on, a letter key arrives as its jamo:
        // read it as the letter (a prompt being typed into gets it as typed).
        let mapped = crate::ui::keys::shortcut(ev);
        let ev = if self.asking() && !self.help { ev } else { &mapped };
        if Key::Ctrl('c').matches(ev) {
            self.quit = true;
            return;
        }
        if Key::Ctrl('z').matches(ev) {
            self.suspend = true;
            return;
        }
        if self.help {
            if matches!(ev.code, KeyCode::Char('?') | KeyCode::Esc | KeyCode::Char('q')) {
                self.help = false;
            }
            return;
        }
        if !self.asking()
            && let Some(g) = lookup(&global_table(self.text, self.in_lesson(), self.screens.len() == 1), ev)
        {
            self.global(g);
            return;
        }
        let (t, ctx) = (self.text, self.ctx());
        if let Some(effects) = self.screens.last_mut().and_then(|s| s.press(ev, t, ctx)) {
            self.perform(effects);
        }
    }

    /// Handle one terminal event; returns whether the screen must be redrawn.
    pub fn handle(&mut self, ev: &Event) -> bool {
        match ev {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                self.status = None;
                self.press(k);
                true
            }
            Event::Mouse(m) if m.kind == MouseEventKind::Down(MouseButton::Left) && !self.help && self.drawn => {
                let ctx = self.ctx();
                let at = Position::new(m.column, m.row);
                if let Some(effects) = self.screens.last_mut().and_then(|s| s.click(at, ctx)) {
                    self.perform(effects);
                }
                true
            }
            Event::Resize(..) => true,
            // Bracketed paste: one event, typed into an answer being written (if any).
            Event::Paste(text) if !self.help => {
                let ctx = self.ctx();
                let effects = self.screens.last_mut().map(|s| s.paste(text, ctx)).unwrap_or_default();
                self.perform(effects);
                true
            }
            _ => false,
        }
    }

    /// While the front screen animates: how long until its next frame.
    pub fn tick_interval(&self) -> Option<Duration> {
        self.front()?.tick_interval()
    }

    /// A worker has a result: run the front screen's tick now (for the
    /// labs with workers it is the poll that takes the result) instead of
    /// when its interval is over. Returns whether it ran.
    pub fn woken(&mut self) -> bool {
        if self.tick_interval().is_none() {
            return false;
        }
        self.last_tick = Instant::now();
        let ctx = self.ctx();
        let effects = self.screens.last_mut().map(|s| s.tick(ctx)).unwrap_or_default();
        self.perform(effects);
        true
    }

    /// Advance an animation if its time has come; returns whether it did.
    pub fn tick(&mut self, now: Instant) -> bool {
        match self.tick_interval() {
            Some(iv) if now.duration_since(self.last_tick) >= iv => {
                self.last_tick = now;
                let ctx = self.ctx();
                let effects = self.screens.last_mut().map(|s| s.tick(ctx)).unwrap_or_default();
                self.perform(effects);
                true
            }
            _ => false,
        }
    }

    pub fn render(&mut self, frame: &mut Frame) {
        let area = frame.area();
        let t = self.text;
        self.drawn = !chrome::is_too_small(area);
        if !self.drawn {
            chrome::too_small(frame, (t.too_small)(MIN_WIDTH, MIN_HEIGHT, area.width, area.height), &self.theme);
            return;
        }
        let rows = self.key_rows(true);
        let footer: Vec<(&str, &str)> = rows.iter().map(|(k, w)| (k.as_str(), *w)).collect();
        let fh = chrome::footer_height(&footer, area.width);
        let sh = u16::from(self.status.is_some());
        let [body, status, foot] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(sh), Constraint::Length(fh)]).areas(area);
        if let Some(s) = &self.status {
            frame.content(ratatui::widgets::Paragraph::new(s.as_str()).style(self.theme.title), status);
        }
        let theme = self.theme;
        if let Some(front) = self.screens.last_mut() {
            front.draw(frame, body, t, &theme);
        }
        frame.content(chrome::footer(&footer, &theme, foot.width), foot);
        if self.help {
            let rows = self.key_rows(false);
            let rows: Vec<(&str, &str)> = rows.iter().map(|(k, w)| (k.as_str(), *w)).collect();
            chrome::help_overlay(frame, t.help_title, t.help_close, &rows, &theme);
        }
        chrome::ascii_lines(frame);
    }
}

/// Events handled at most before the next draw (a burst of keys is taken in
/// one go, so holding a key or pasting never queues a redraw per character).
const MAX_BURST: usize = 1024;

/// The event loop: draw when something changed, wait for an event or the
/// next animation tick, stop on quit or on a signal. Returns the ending
/// signal, if one stopped it (the exit status is then 128 + it).
pub fn run(mut app: App) -> anyhow::Result<Option<i32>> {
    let (mut term, guard) = terminal::enter()?;
    let result = event_loop(&mut app, &mut term, &guard);
    // A signal that ended the run wins over the error it may have caused
    // (a read interrupted by it, a terminal the signal thread already gave
    // back): the status is then 128 + the signal, whichever thread saw it first.
    let stopped = guard.stop_requested();
    drop(guard);
    match (stopped, result) {
        (Some(sig), _) => Ok(Some(sig)),
        (None, result) => result.map(|()| None),
    }
}

/// Draw, wait for an event or the next tick, handle it; until the app quits
/// or a signal asks it to stop.
fn event_loop(app: &mut App, term: &mut terminal::Term, guard: &terminal::Guard) -> anyhow::Result<()> {
    let flags = &guard.flags;
    let take = |flag: &std::sync::atomic::AtomicBool| flag.swap(false, std::sync::atomic::Ordering::Relaxed);
    // A signal delivered to this thread interrupts the wait: that is no event.
    let interrupted = |e: &std::io::Error| e.kind() == std::io::ErrorKind::Interrupted;
    let mut dirty = true;
    let waiter = crate::lessons::wake::Wait::new()?;
    // crossterm sets up its reader, and its own SIGWINCH handler, at its
    // first poll: before the first wait, or a resize in that wait is lost.
    // What that poll reads is taken on the first turn.
    event::poll(Duration::ZERO)?;
    let mut pending = true;
    while guard.stop_requested().is_none() && !app.quit {
        if std::mem::take(&mut app.suspend) | take(&flags.suspend) {
            terminal::suspend()?;
            terminal::clear_all(term)?;
            dirty = true;
        }
        if take(&flags.redraw) {
            terminal::clear_all(term)?;
            dirty = true;
        }
        if dirty {
            term.draw(|f| app.render(f))?;
            dirty = false;
        }
        let wait = app.tick_interval().unwrap_or(Duration::from_millis(200)).min(Duration::from_millis(200));
        // Events crossterm has read but not handed out yet (a burst cut
        // short) are not input on the terminal: take them without waiting.
        let woke = if pending { crate::lessons::wake::Woke::Input } else { waiter.wait(wait)? };
        pending = false;
        let mut burst = 0;
        loop {
            match event::poll(Duration::ZERO) {
                Ok(true) if burst == MAX_BURST || app.quit => {
                    pending = !app.quit;
                    break;
                }
                Ok(true) => {
                    dirty |= app.handle(&event::read()?);
                    burst += 1;
                }
                Ok(false) => break,
                Err(e) if interrupted(&e) => break,
                Err(e) => return Err(e.into()),
            }
        }
        if woke == crate::lessons::wake::Woke::Worker {
            dirty |= app.woken();
        }
        dirty |= app.tick(Instant::now());
    }
    Ok(())
}
