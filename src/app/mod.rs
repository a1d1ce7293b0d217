//! The shell: which screen is up, routing keys and clicks to it, the help
//! overlay, the "too small" screen, and the event loop.

pub mod terminal;

use crate::lessons::conv::{self, ConvLab};
use crate::lessons::exercises::count_lab::{Action as CountAction, CountLab};
use crate::lessons::exercises::linreg_lab::{Action as LinregAction, LinregLab};
use crate::lessons::exercises::{count_keys, count_view, linreg_keys, linreg_view};
use crate::lessons::home::state::{Action as HomeAction, Home, Lesson};
use crate::lessons::home::view as home_view;
use crate::lessons::input;
use crate::lessons::quiz::lab::{Action as QuizAction, QuizLab};
use crate::lessons::quiz::{keys as quiz_keys, view as quiz_view};
use crate::lessons::rnn::lab::{Action as RnnAction, RnnLab};
use crate::lessons::rnn::{keys as rnn_keys, view as rnn_view};
use crate::text::Text;
use crate::ui::chrome::{self, MIN_HEIGHT, MIN_WIDTH};
use crate::ui::keys::{Binding, Key, footer_items, help_items, lookup};
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::layout::{Constraint, Layout, Position, Rect};
use std::time::{Duration, Instant};

pub enum Screen {
    Home(Home),
    Conv(Box<ConvLab>),
    Rnn(Box<RnnLab>),
    Count(Box<CountLab>),
    Linreg(Box<LinregLab>),
    Quiz(Box<QuizLab>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppAction {
    Quit,
    Back,
    Help,
    /// English ↔ Korean, at once, on every screen.
    SwitchLang,
    /// Write the front lesson's study note to a new Markdown file.
    Export,
    Home(HomeAction),
    Conv(conv::Action),
    Rnn(RnnAction),
    Count(CountAction),
    Linreg(LinregAction),
    Quiz(QuizAction),
}

pub struct App {
    /// Screens, the front one last; going back pops, and popping the last quits.
    pub screens: Vec<Screen>,
    pub help: bool,
    pub quit: bool,
    pub text: &'static Text,
    pub theme: Theme,
    /// Where the quiz opened from the home screen keeps its progress
    /// (`None`: not saved; the command line sets the user's data directory).
    pub quiz_progress: Option<std::path::PathBuf>,
    /// Where `e` writes study notes (the current directory).
    pub notes_dir: std::path::PathBuf,
    /// A one-line report (the note's path), cleared by the next key.
    pub status: Option<String>,
    hits: Vec<(Rect, AppAction)>,
    last_tick: Instant,
}

/// The keys every screen has; `e` only where there is a lesson to write down.
fn global_table(t: &Text, in_lesson: bool) -> Vec<Binding<AppAction>> {
    let k = &t.keys;
    let mut rows = vec![Binding::new(&[Key::Char('?')], "?", k.help, AppAction::Help, true)];
    if in_lesson {
        rows.push(Binding::new(&[Key::Char('e')], "e", k.export, AppAction::Export, true));
    }
    rows.extend([
        Binding::new(&[Key::Char('L')], "L", k.lang, AppAction::SwitchLang, true),
        Binding::new(&[Key::Char('q'), Key::Code(KeyCode::Esc)], "q/Esc", k.back, AppAction::Back, true),
        Binding::new(&[Key::Ctrl('c')], "Ctrl-C", k.ctrl_c, AppAction::Quit, false),
    ]);
    rows
}

fn home_table(t: &Text) -> Vec<Binding<HomeAction>> {
    let k = &t.keys;
    vec![
        Binding::new(&[Key::Code(KeyCode::Up), Key::Char('k')], "Up/k", k.up_down, HomeAction::Up, true),
        Binding::new(&[Key::Code(KeyCode::Down), Key::Char('j')], "Down/j", k.up_down, HomeAction::Down, false),
        Binding::new(
            &[Key::Code(KeyCode::Enter), Key::Code(KeyCode::Right), Key::Char('l')],
            "Enter",
            k.open,
            HomeAction::Open,
            true,
        ),
    ]
}

impl App {
    pub fn new(first: Screen, text: &'static Text, theme: Theme) -> Self {
        App {
            screens: vec![first],
            help: false,
            quit: false,
            text,
            theme,
            quiz_progress: None,
            notes_dir: std::path::PathBuf::from("."),
            status: None,
            hits: vec![],
            last_tick: Instant::now(),
        }
    }

    /// The home screen, with the convolution lab ready behind it.
    pub fn home(text: &'static Text, theme: Theme) -> Self {
        App::new(Screen::Home(Home::default()), text, theme)
    }

    fn front(&self) -> Option<&Screen> {
        self.screens.last()
    }

    /// (label, what) rows of the front screen's keys, then the global ones.
    pub fn key_rows(&self, footer_only: bool) -> Vec<(&'static str, &'static str)> {
        let t = self.text;
        let pick = |rows: Vec<(&'static str, &'static str)>, all: Vec<(&'static str, &'static str)>| {
            if footer_only { rows } else { all }
        };
        let mut rows = match self.front() {
            _ if self.asking() => {
                let tb = input::prompt_table(t);
                pick(footer_items(&tb), help_items(&tb))
            }
            Some(Screen::Home(_)) => {
                let tb = home_table(t);
                pick(footer_items(&tb), help_items(&tb))
            }
            Some(Screen::Conv(_)) => {
                let tb = conv::keys::table(t);
                let mut r = pick(footer_items(&tb), help_items(&tb));
                if !footer_only {
                    r.push(("click", t.keys.click));
                }
                r
            }
            Some(Screen::Rnn(_)) => {
                let tb = rnn_keys::table(t);
                let mut r = pick(footer_items(&tb), help_items(&tb));
                if !footer_only {
                    r.push(("click", t.keys.click));
                }
                r
            }
            Some(Screen::Count(_)) => {
                let tb = count_keys::table(t);
                pick(footer_items(&tb), help_items(&tb))
            }
            Some(Screen::Linreg(_)) => {
                let tb = linreg_keys::table(t);
                pick(footer_items(&tb), help_items(&tb))
            }
            Some(Screen::Quiz(lab)) => {
                let tb = quiz_keys::table(lab, t);
                pick(footer_items(&tb), help_items(&tb))
            }
            None => vec![],
        };
        let g = global_table(t, self.in_lesson());
        rows.extend(pick(footer_items(&g), help_items(&g)));
        rows
    }

    /// The action a key asks for on the current screen.
    pub fn map_key(&self, ev: &KeyEvent) -> Option<AppAction> {
        let t = self.text;
        if Key::Ctrl('c').matches(ev) {
            return Some(AppAction::Quit);
        }
        if self.help {
            return matches!(ev.code, KeyCode::Char('?') | KeyCode::Esc | KeyCode::Char('q'))
                .then_some(AppAction::Help);
        }
        // A lab that is asking for an answer takes the keys first (Esc skips the
        // answer, not the screen).
        if self.asking() {
            return self.map_screen_key(ev);
        }
        if let Some(a) = lookup(&global_table(t, self.in_lesson()), ev) {
            return Some(a);
        }
        self.map_screen_key(ev)
    }

    fn in_lesson(&self) -> bool {
        !matches!(self.front(), Some(Screen::Home(_)) | None)
    }

    /// The front lesson as a study note, in the current language.
    pub fn note(&self) -> Option<crate::lessons::notes::Note> {
        let t = self.text;
        Some(match self.front()? {
            Screen::Home(_) => return None,
            Screen::Conv(lab) => crate::lessons::conv::note::note(lab, t),
            Screen::Rnn(lab) => crate::lessons::rnn::note::note(lab, t),
            Screen::Count(lab) => crate::lessons::exercises::count_note::note(lab, t),
            Screen::Linreg(lab) => crate::lessons::exercises::linreg_note::note(lab, t),
            Screen::Quiz(lab) => crate::lessons::quiz::note::note(lab, t),
        })
    }

    fn export(&mut self) {
        use crate::lessons::notes;
        let Some(note) = self.note() else { return };
        let (day, when) = notes::dates(notes::now_secs());
        let body = note.markdown(self.text, &when);
        self.status = Some(match notes::write_new(&self.notes_dir, note.stem, &day, &body) {
            Ok(path) => (self.text.note.written)(&path.display().to_string()),
            Err(e) => (self.text.note.failed)(&e.to_string()),
        });
    }

    /// Whether the front screen is waiting for a typed answer.
    fn asking(&self) -> bool {
        match self.front() {
            Some(Screen::Conv(l)) => l.prompt.is_some(),
            Some(Screen::Rnn(l)) => l.prompt.is_some(),
            Some(Screen::Count(l)) => l.prompt.is_some(),
            _ => false,
        }
    }

    /// The front screen's own key table.
    fn map_screen_key(&self, ev: &KeyEvent) -> Option<AppAction> {
        let t = self.text;
        match self.front()? {
            Screen::Home(_) => lookup(&home_table(t), ev).map(AppAction::Home),
            Screen::Conv(lab) => conv::keys::map_key(ev, lab, t).map(AppAction::Conv),
            Screen::Rnn(lab) => rnn_keys::map_key(ev, lab, t).map(AppAction::Rnn),
            Screen::Count(lab) => count_keys::map_key(ev, lab, t).map(AppAction::Count),
            Screen::Linreg(_) => linreg_keys::map_key(ev, t).map(AppAction::Linreg),
            Screen::Quiz(lab) => quiz_keys::map_key(ev, lab, t).map(AppAction::Quiz),
        }
    }

    pub fn update(&mut self, a: AppAction) {
        match a {
            AppAction::Quit => self.quit = true,
            AppAction::Help => self.help = !self.help,
            AppAction::SwitchLang => {
                self.text = match self.text.lang {
                    crate::text::Lang::En => &crate::text::KO,
                    crate::text::Lang::Ko => &crate::text::EN,
                };
                self.status = Some(self.text.lang_name.to_string());
            }
            AppAction::Export => self.export(),
            AppAction::Back => {
                self.screens.pop();
                if self.screens.is_empty() {
                    self.quit = true;
                }
            }
            AppAction::Home(h) => {
                let opened = match self.screens.last_mut() {
                    Some(Screen::Home(home)) => home.update(h),
                    _ => None,
                };
                match opened {
                    Some(Lesson::Convolution) => {
                        let digits = crate::assets::digits().unwrap_or_default();
                        if let Ok(lab) = ConvLab::new(Default::default(), Default::default(), digits) {
                            self.screens.push(Screen::Conv(Box::new(lab)));
                        }
                    }
                    Some(Lesson::Rnn) => {
                        if let Ok(lab) = RnnLab::new(Default::default()) {
                            self.screens.push(Screen::Rnn(Box::new(lab)));
                        }
                    }
                    Some(Lesson::Exercises) => {
                        if let Ok(t) = crate::assets::counting_tutorial() {
                            self.screens.push(Screen::Count(Box::new(CountLab::new(t, true, 1))));
                        }
                    }
                    Some(Lesson::Linreg) => self.screens.push(Screen::Linreg(Box::new(LinregLab::new(1)))),
                    Some(Lesson::Quiz) => {
                        if let Ok(bank) = crate::lessons::quiz::bank::shipped() {
                            let store = self.quiz_progress.clone().map(crate::lessons::quiz::progress::Store::new);
                            let options = crate::lessons::quiz::round::RoundOptions {
                                seed: crate::lessons::quiz::lab::clock_seed(),
                                ..Default::default()
                            };
                            self.screens.push(Screen::Quiz(Box::new(QuizLab::new(bank, options, store, None))));
                        }
                    }
                    None => {}
                }
            }
            AppAction::Conv(_)
            | AppAction::Rnn(_)
            | AppAction::Count(_)
            | AppAction::Linreg(_)
            | AppAction::Quiz(_) => {
                // A lab's action goes to the front screen if it is that lab.
                match (self.screens.last_mut(), a) {
                    (Some(Screen::Conv(lab)), AppAction::Conv(c)) => lab.update(c),
                    (Some(Screen::Rnn(lab)), AppAction::Rnn(r)) => lab.update(r),
                    (Some(Screen::Count(lab)), AppAction::Count(c)) => lab.update(c),
                    (Some(Screen::Linreg(lab)), AppAction::Linreg(l)) => lab.update(l),
                    (Some(Screen::Quiz(lab)), AppAction::Quiz(q)) => lab.update(q),
                    _ => {}
                }
            }
        }
    }

    /// Handle one terminal event; returns whether the screen must be redrawn.
    pub fn handle(&mut self, ev: &Event) -> bool {
        match ev {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                self.status = None;
                if let Some(a) = self.map_key(k) {
                    self.update(a);
                }
                true
            }
            Event::Mouse(m) if m.kind == MouseEventKind::Down(MouseButton::Left) && !self.help => {
                let p = Position::new(m.column, m.row);
                if let Some((_, a)) = self.hits.iter().find(|(r, _)| r.contains(p)).cloned() {
                    self.update(a);
                    if let AppAction::Home(HomeAction::Select(_)) = a {
                        self.update(AppAction::Home(HomeAction::Open));
                    }
                }
                true
            }
            Event::Resize(..) => true,
            _ => false,
        }
    }

    /// While a lab is playing: how long until its next frame.
    pub fn tick_interval(&self) -> Option<Duration> {
        match self.front() {
            Some(Screen::Conv(lab)) if lab.playing => Some(Duration::from_millis(lab.speed_ms())),
            _ => None,
        }
    }

    /// Advance an animation if its time has come; returns whether it did.
    pub fn tick(&mut self, now: Instant) -> bool {
        match self.tick_interval() {
            Some(iv) if now.duration_since(self.last_tick) >= iv => {
                self.last_tick = now;
                self.update(AppAction::Conv(conv::Action::Tick));
                true
            }
            _ => false,
        }
    }

    pub fn render(&mut self, frame: &mut Frame) {
        let area = frame.area();
        let t = self.text;
        if chrome::is_too_small(area) {
            self.hits.clear();
            chrome::too_small(frame, (t.too_small)(MIN_WIDTH, MIN_HEIGHT, area.width, area.height), &self.theme);
            return;
        }
        let footer = self.key_rows(true);
        let fh = chrome::footer_height(&footer, area.width);
        let sh = u16::from(self.status.is_some());
        let [body, status, foot] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(sh), Constraint::Length(fh)]).areas(area);
        if let Some(s) = &self.status {
            frame.render_widget(ratatui::widgets::Paragraph::new(s.as_str()).style(self.theme.title), status);
        }
        let theme = self.theme;
        self.hits = match self.screens.last() {
            Some(Screen::Home(h)) => {
                home_view::render(frame, body, h, t, &theme).into_iter().map(|(r, a)| (r, AppAction::Home(a))).collect()
            }
            Some(Screen::Conv(lab)) => conv::view::render(frame, body, lab, t, &theme)
                .into_iter()
                .map(|(r, a)| (r, AppAction::Conv(a)))
                .collect(),
            Some(Screen::Rnn(lab)) => {
                rnn_view::render(frame, body, lab, t, &theme).into_iter().map(|(r, a)| (r, AppAction::Rnn(a))).collect()
            }
            Some(Screen::Count(lab)) => {
                count_view::render(frame, body, lab, t, &theme);
                vec![]
            }
            Some(Screen::Linreg(lab)) => {
                linreg_view::render(frame, body, lab, t, &theme);
                vec![]
            }
            Some(Screen::Quiz(lab)) => {
                quiz_view::render(frame, body, lab, t, &theme);
                vec![]
            }
            None => vec![],
        };
        frame.render_widget(chrome::footer(&footer, &theme, foot.width), foot);
        if self.help {
            let rows = self.key_rows(false);
            chrome::help_overlay(frame, t.help_title, t.help_close, &rows, &theme);
        }
        chrome::ascii_lines(frame);
    }
}

/// The event loop: draw when something changed, wait for an event or the
/// next animation tick, stop on quit or on a termination signal.
pub fn run(mut app: App) -> anyhow::Result<()> {
    let (mut term, guard) = terminal::enter()?;
    let mut dirty = true;
    while !app.quit && !guard.stop_requested() {
        if dirty {
            term.draw(|f| app.render(f))?;
            dirty = false;
        }
        let wait = app.tick_interval().unwrap_or(Duration::from_millis(200)).min(Duration::from_millis(200));
        if event::poll(wait)? {
            dirty |= app.handle(&event::read()?);
        }
        dirty |= app.tick(Instant::now());
    }
    drop(guard);
    Ok(())
}
