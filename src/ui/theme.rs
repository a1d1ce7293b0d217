//! Styles, in one table. With NO_COLOR set the same roles are told apart by
//! bold, reversed, underline and symbols alone, never by colour only.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::{Marker, border};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub color: bool,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub key: Style,
    /// Cells under the kernel window (also marked with brackets by the grids).
    pub window: Style,
    /// The tap being added right now in tap-by-tap mode.
    pub current: Style,
    /// Output cells already computed.
    pub filled: Style,
    pub error: Style,
    pub good: Style,
    pub selected: Style,
}

impl Theme {
    pub const COLOR: Theme = Theme {
        color: true,
        text: Style::new(),
        dim: Style::new().fg(Color::DarkGray),
        title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        key: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        window: Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(Modifier::BOLD),
        current: Style::new()
            .fg(Color::Black)
            .bg(Color::LightRed)
            .add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
        filled: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
        error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        good: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
        selected: Style::new().add_modifier(Modifier::REVERSED),
    };

    pub const MONO: Theme = Theme {
        color: false,
        text: Style::new(),
        dim: Style::new().add_modifier(Modifier::DIM),
        title: Style::new().add_modifier(Modifier::BOLD),
        key: Style::new().add_modifier(Modifier::BOLD),
        window: Style::new().add_modifier(Modifier::REVERSED),
        current: Style::new().add_modifier(Modifier::REVERSED.union(Modifier::UNDERLINED).union(Modifier::BOLD)),
        filled: Style::new().add_modifier(Modifier::BOLD),
        error: Style::new().add_modifier(Modifier::BOLD),
        good: Style::new().add_modifier(Modifier::BOLD),
        selected: Style::new().add_modifier(Modifier::REVERSED),
    };

    /// NO_COLOR (https://no-color.org): any non-empty value turns colour off.
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::MONO,
            _ => Theme::COLOR,
        }
    }

    /// A shade for a heatmap cell, value in 0..=1: a grey background in
    /// colour, and the caller also draws a density character (`shade_char`).
    pub fn heat(&self, v: f64) -> Style {
        if !self.color {
            return Style::new();
        }
        let v = if v.is_finite() { v.clamp(0.0, 1.0) } else { 0.0 };
        let level = 232 + (v * 23.0).round() as u8; // the 24-step grey ramp
        let fg = if v > 0.55 { Color::Black } else { Color::White };
        Style::new().bg(Color::Indexed(level)).fg(fg)
    }
}

/// How one chart series is drawn: a colour (in colour) and a marker of its
/// own, and a sample of that marker for the legend, so that series are told
/// apart without colour too.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeriesLook {
    pub style: Style,
    pub marker: Marker,
    pub sample: &'static str,
}

/// The markers in order: Braille dots, then `*` and `#` (ratatui draws `•`
/// and `█`; `chrome::ascii_lines` redraws them as ASCII, since both are
/// ambiguous-width).
const SERIES: [(Color, Marker, &str); 3] =
    [(Color::Yellow, Marker::Braille, "⠒⠒"), (Color::Cyan, Marker::Dot, "**"), (Color::Magenta, Marker::Block, "##")];

impl Theme {
    /// Series `i` of a chart.
    pub fn series(&self, i: usize) -> SeriesLook {
        let (color, marker, sample) = SERIES[i % SERIES.len()];
        let style = if self.color { Style::new().fg(color) } else { Style::new() };
        SeriesLook { style, marker, sample }
    }
}

/// An ASCII density ramp for heatmaps: readable without colour, and free of
/// the ambiguous-width block characters that break layouts in CJK terminals.
pub fn shade_char(v: f64) -> char {
    const RAMP: [char; 8] = [' ', '.', ':', '-', '=', '+', '#', '@'];
    let v = if v.is_finite() { v.clamp(0.0, 1.0) } else { 0.0 };
    RAMP[((v * (RAMP.len() - 1) as f64).round() as usize).min(RAMP.len() - 1)]
}

/// Borders drawn with ASCII: box-drawing characters are ambiguous-width and
/// misalign in terminals that show them double-width (common with Korean fonts).
pub const BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};
