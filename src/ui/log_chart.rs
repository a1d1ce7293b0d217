//! One log-scale chart for every lesson. ratatui's `Chart` has no log axis
//! (ratatui#1052), so points are plotted as log10 values and the y labels
//! are written as powers of ten. ratatui spreads labels evenly over the
//! bounds, so the bounds are widened to a whole number of label steps: every
//! label then sits exactly at the row of the value it names.

use super::chrome::panel;
use super::theme::Theme;
use ratatui::layout::Constraint;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, LegendPosition};

/// At most this many labels on the y axis.
pub const MAX_LABELS: i64 = 5;

/// The y bounds (whole decades) and labels for log10 values: every `step`
/// decades from the floor of the smallest to the ceiling of the largest.
pub fn decades<'a>(values: impl Iterator<Item = &'a f64>) -> ((f64, f64), Vec<Line<'static>>) {
    let (lo, hi) =
        values.filter(|v| v.is_finite()).fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(*v), b.max(*v)));
    let (a, b) =
        if lo.is_finite() { (lo.floor() as i64, (hi.ceil() as i64).max(lo.floor() as i64 + 1)) } else { (-1, 1) };
    // Spans are positive, so these are unsigned divisions rounded up.
    let span = (b - a) as u64;
    let step = span.div_ceil(MAX_LABELS as u64 - 1).max(1) as i64;
    let top = a + step * span.div_ceil(step as u64) as i64;
    let labels = (0..=(top - a) / step).map(|i| Line::raw(format!("1e{}", a + i * step))).collect();
    ((a as f64, top as f64), labels)
}

/// A series: its name and its points (x, log10 y).
pub struct Series<'a> {
    pub name: &'a str,
    pub points: &'a [(f64, f64)],
}

/// The corner of the plot with the fewest points (top right on a tie, then
/// top left), where a legend hides the least data.
pub fn emptiest_corner(points: &[(f64, f64)]) -> LegendPosition {
    let finite: Vec<&(f64, f64)> = points.iter().filter(|p| p.0.is_finite() && p.1.is_finite()).collect();
    let range = |f: fn(&&(f64, f64)) -> f64| {
        let (lo, hi) = finite.iter().map(f).fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
        (lo + hi) / 2.0
    };
    let (mx, my) = (range(|p| p.0), range(|p| p.1));
    let count = |right: bool, top: bool| finite.iter().filter(|p| (p.0 > mx) == right && (p.1 > my) == top).count();
    [
        (LegendPosition::TopRight, count(true, true)),
        (LegendPosition::TopLeft, count(false, true)),
        (LegendPosition::BottomRight, count(true, false)),
        (LegendPosition::BottomLeft, count(false, false)),
    ]
    .into_iter()
    .min_by_key(|(_, n)| *n)
    .map_or(LegendPosition::TopRight, |(c, _)| c)
}

/// A chart of these series with a log10 y axis; each series gets its own
/// style and marker (`Theme::series`), and its legend entry starts with a
/// sample of that marker, so series stay apart without colour.
pub fn log_chart<'a>(series: &[Series<'a>], title: &'a str, x: Axis<'a>, y_title: &'a str, theme: &Theme) -> Chart<'a> {
    let ((lo, hi), labels) = decades(series.iter().flat_map(|s| s.points.iter().map(|p| &p.1)));
    let datasets: Vec<Dataset> = series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let look = theme.series(i);
            let name = if series.len() > 1 { format!("{} {}", look.sample, s.name) } else { s.name.to_string() };
            Dataset::default()
                .name(name)
                .marker(look.marker)
                .graph_type(GraphType::Line)
                .style(look.style)
                .data(s.points)
        })
        .collect();
    let all: Vec<(f64, f64)> = series.iter().flat_map(|s| s.points.iter().copied()).collect();
    Chart::new(datasets)
        .block(panel(title, theme))
        .x_axis(x)
        .y_axis(Axis::default().title(y_title).bounds([lo, hi]).labels(labels))
        .hidden_legend_constraints((Constraint::Percentage(60), Constraint::Percentage(60)))
        .legend_position(Some(emptiest_corner(&all)))
}
