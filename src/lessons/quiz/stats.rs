//! The statistics screen: what the progress store says, as text that reads
//! the same with or without colour (`deepstep quiz --stats` prints the same lines).

use crate::lessons::lesson::{Ctx, Effect, Lesson};
use crate::lessons::notes::{Note, Section};
use crate::progress::{Refused, Stats};
use crate::text::Text;
use crate::ui::chrome::panel;
use crate::ui::drawn::Draw;
use crate::ui::keys::{Binding, Key};
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
}

/// The counts as they were when the screen opened, and how far it is scrolled.
#[derive(Debug, Clone, PartialEq)]
pub struct StatsScreen {
    pub stats: Stats,
    /// Why the store could not be read (then the counts are empty).
    pub problem: Option<Refused>,
    pub scroll: u16,
}

impl StatsScreen {
    pub fn new(stats: Result<Stats, Refused>) -> StatsScreen {
        match stats {
            Ok(stats) => StatsScreen { stats, problem: None, scroll: 0 },
            Err(e) => StatsScreen { stats: Stats::default(), problem: Some(e), scroll: 0 },
        }
    }

    /// The lines as a study note (a preformatted block: the bars line up).
    pub fn study_note(&self, t: &Text) -> Note {
        let mut s = Section::text(t.quiz.stats_title, self.lines(t));
        s.code = true;
        Note { stem: "stats", title: t.quiz.stats_title.to_string(), sections: vec![s] }
    }

    /// The unwrapped line count (scrolling stops there).
    fn line_count(&self) -> u16 {
        (self.stats.topics.len() + self.stats.forecast.len() + self.stats.practice.len() + 7) as u16
    }

    fn lines(&self, t: &Text) -> Vec<String> {
        // Counts read from nothing would only say "no answers yet", which is not known.
        match &self.problem {
            Some(p) => vec![super::words::refused_text(p, t)],
            None => super::words::stats_lines(&self.stats, t),
        }
    }
}

/// One bar per day, one column wide with a gap, under a titled frame.
fn bars<'a>(counts: &[usize], title: String, theme: &Theme) -> ratatui::widgets::BarChart<'a> {
    let data: Vec<ratatui::widgets::Bar> =
        counts.iter().map(|n| ratatui::widgets::Bar::default().value(*n as u64).text_value(String::new())).collect();
    ratatui::widgets::BarChart::default()
        .block(panel(title, theme))
        .data(ratatui::widgets::BarGroup::default().bars(&data))
        .bar_width(1)
        .bar_gap(1)
        .bar_style(theme.title)
}

impl Lesson for StatsScreen {
    type Action = Action;

    fn keys(&self, t: &Text) -> Vec<Binding<Action>> {
        let k = &t.keys;
        vec![
            Binding::new(&[Key::Code(KeyCode::Up), Key::Char('k')], k.scroll_page, Action::Up, true),
            Binding::new(&[Key::Code(KeyCode::Down), Key::Char('j')], k.scroll_page, Action::Down, false),
        ]
    }

    fn update(&mut self, a: Action, _: Ctx) -> Vec<Effect> {
        self.scroll = match a {
            Action::Up => self.scroll.saturating_sub(1),
            // Bounded by the line count, so scrolling never runs off into nothing.
            Action::Down => (self.scroll + 1).min(self.line_count()),
        };
        vec![]
    }

    fn render(&self, frame: &mut Frame, area: Rect, t: &Text, theme: &Theme) -> Vec<(Rect, Action)> {
        let block = panel(t.quiz.stats_title, theme);
        let inner = block.inner(area);
        frame.bordered(block, area);
        let lines: Vec<_> =
            self.lines(t).iter().flat_map(|l| crate::ui::width::wrap(l.as_str(), inner.width)).collect();
        // With room to spare, the two counts are drawn as bar charts below
        // the text (a bar a day; the text above keeps every count in words).
        const CHART_ROWS: u16 = 7;
        let room = inner.height.saturating_sub(lines.len() as u16);
        let charts =
            self.problem.is_none() && !self.stats.topics.is_empty() && room >= 2 * CHART_ROWS && inner.width >= 64;
        let text_area = if charts { Rect { height: inner.height - 2 * CHART_ROWS, ..inner } } else { inner };
        // Never scrolled past the last line, however narrow the terminal.
        let scroll = self.scroll.min(lines.len().saturating_sub(1) as u16);
        frame.paragraph(Paragraph::new(lines).scroll((scroll, 0)), text_area);
        if charts {
            let q = &t.quiz;
            let per_day_max = self.stats.per_day.iter().copied().max().unwrap_or(0);
            let forecast_max = self.stats.forecast.iter().copied().max().unwrap_or(0);
            let y = text_area.bottom();
            let per_day = Rect { y, height: CHART_ROWS, ..inner };
            let forecast = Rect { y: y + CHART_ROWS, height: CHART_ROWS, ..inner };
            frame.content(bars(&self.stats.per_day, (q.stats_per_day)(per_day_max), theme), per_day);
            frame.content(bars(&self.stats.forecast, (q.stats_forecast)(forecast_max), theme), forecast);
        }
        vec![]
    }

    fn note(&self, t: &Text) -> Option<Note> {
        Some(self.study_note(t))
    }

    fn asking(&self) -> bool {
        false
    }
}
