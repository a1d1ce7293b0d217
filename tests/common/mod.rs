//! Shared by the render tests: draw an app into a TestBackend and read the
//! screen back as text, one line per row.

use deepstep::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub fn draw(app: &mut App, w: u16, h: u16) -> (String, Terminal<TestBackend>) {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| app.render(f)).unwrap();
    let buf = term.backend().buffer().clone();
    let text = (0..h).map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect::<String>() + "\n").collect();
    (text, term)
}

/// A key press as the terminal sends it.
#[allow(dead_code)] // not every test binary presses keys
pub fn key(c: ratatui::crossterm::event::KeyCode) -> ratatui::crossterm::event::Event {
    use ratatui::crossterm::event::{Event, KeyEvent, KeyModifiers};
    Event::Key(KeyEvent::new(c, KeyModifiers::NONE))
}
