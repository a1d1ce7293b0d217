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
const MAX_LABELS: i64 = 5;

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

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(values: &[f64]) -> ((f64, f64), Vec<String>) {
        let (b, l) = decades(values.iter());
        (b, l.iter().map(|l| l.to_string()).collect())
    }

    #[test]
    fn labels_fall_on_whole_steps_that_divide_the_bounds() {
        // 1.377e5 is above 1e5: the axis reaches 1e6, one label per decade.
        assert_eq!(labels(&[0.0, 5.139]), ((0.0, 6.0), ["1e0", "1e2", "1e4", "1e6"].map(String::from).to_vec()));
        assert_eq!(labels(&[-2.5, 1.2]), ((-3.0, 3.0), ["1e-3", "1e-1", "1e1", "1e3"].map(String::from).to_vec()));
        for vals in [[0.0, 1.0], [-300.0, 477.0], [3.2, 3.3], [-0.5, -0.4]] {
            let ((lo, hi), ls) = labels(&vals);
            assert!(lo <= vals[0] && hi >= vals[1] && hi > lo, "{vals:?}: {lo}..{hi}");
            assert!(ls.len() as i64 <= MAX_LABELS && ls.len() >= 2, "{vals:?}: {ls:?}");
            // Evenly spread labels name evenly spaced decades from lo to hi.
            let step = (hi - lo) / (ls.len() - 1) as f64;
            for (i, l) in ls.iter().enumerate() {
                assert_eq!(l, &format!("1e{}", (lo + step * i as f64) as i64), "{vals:?}");
            }
        }
        assert_eq!(labels(&[f64::NAN]).0, (-1.0, 1.0));
    }

    #[test]
    fn the_legend_goes_where_the_data_is_not() {
        let rising: Vec<(f64, f64)> = (0..20).map(|i| (i as f64, i as f64)).collect();
        assert_eq!(emptiest_corner(&rising), LegendPosition::TopLeft);
        let falling: Vec<(f64, f64)> = (0..20).map(|i| (i as f64, -(i as f64))).collect();
        assert_eq!(emptiest_corner(&falling), LegendPosition::TopRight);
        let high: Vec<(f64, f64)> =
            (0..20).map(|i| (i as f64, if i % 2 == 0 { 10.0 } else { 9.0 })).chain([(0.0, 0.0)]).collect();
        assert!(matches!(emptiest_corner(&high), LegendPosition::BottomRight));
    }
}
