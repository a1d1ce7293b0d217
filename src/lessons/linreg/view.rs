//! Draws the linear-regression lab. Numbers come from the lab (from `math`).

use super::lab::{Line as DataLine, LinregLab};
use crate::math::format::{num, num_beside};
use crate::math::linreg::{self, ErrorMeasure};
use crate::text::Text;
use crate::ui::chrome::panel;
use crate::ui::drawn::Draw;
use crate::ui::log_chart::{Series, log_chart};
use crate::ui::theme::Theme;
use crate::ui::width::wrap;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph};

pub(crate) fn list(b: &ndarray::Array1<f64>) -> String {
    b.iter().map(|v| num(*v)).collect::<Vec<_>>().join(", ")
}

/// A line series drawn as `Theme::series(i)`, its legend led by the marker's sample.
fn series_dataset<'a>(theme: &Theme, i: usize, name: &str, points: &'a [(f64, f64)]) -> Dataset<'a> {
    let look = theme.series(i);
    Dataset::default()
        .name(format!("{} {name}", look.sample))
        .marker(look.marker)
        .graph_type(GraphType::Line)
        .style(look.style)
        .data(points)
}

pub(crate) fn measure_index(m: ErrorMeasure) -> usize {
    crate::lessons::cycle::position(&ErrorMeasure::ALL, &m)
}

/// The learning rate beside the limit of the gradient used (or that it has none).
pub(crate) fn rate_text(lab: &LinregLab, t: &Text) -> String {
    let c = &t.linreg;
    let name = c.measure_names[measure_index(lab.gradient)];
    match (lab.limit, lab.batch) {
        (Some(limit), None) => {
            let hessian = crate::text::HESSIANS[usize::from(lab.gradient == ErrorMeasure::Mse)];
            (c.rate)(&num(lab.lr), name, hessian, &num_beside(limit, lab.lr))
        }
        (Some(limit), Some(b)) => (c.rate_sgd)(&num(lab.lr), name, b, &num_beside(limit, lab.lr)),
        (None, _) => (c.rate_no_limit)(&num(lab.lr), name),
    }
}

/// The warning the rate line carries: above the limit, or (no fixed limit)
/// the loss rising.
pub(crate) fn limit_warning(lab: &LinregLab, t: &Text) -> Option<&'static str> {
    if lab.above_limit() {
        Some(if lab.batch.is_some() { t.linreg.above_limit_sgd } else { t.linreg.above_limit })
    } else if lab.loss_rising() {
        Some(t.linreg.loss_rose)
    } else {
        None
    }
}

/// The lab's title with the data it runs on: one feature's line
/// y = slope·x + intercept and its noise, as set (not a fixed example).
pub fn title(line: &DataLine, features: usize, t: &Text) -> String {
    if features > 1 {
        return t.linreg.title_features.to_string();
    }
    let (sign, intercept) = if line.intercept < 0.0 { ("−", -line.intercept) } else { ("+", line.intercept) };
    let model = format!("y = {}x {sign} {}", num(line.slope), num(intercept));
    (t.linreg.title_line)(&model, &num(line.noise))
}

pub fn render(frame: &mut Frame, area: Rect, lab: &LinregLab, t: &Text, theme: &Theme) {
    let c = &t.linreg;
    let title = title(&lab.line, lab.features, t);
    let mode = lab.batch.map_or(c.mode_gd.to_string(), |b| (c.mode_sgd)(b));
    let mut st = vec![
        Line::styled(format!("{title}   ({mode})"), theme.title),
        Line::raw((c.state)(
            lab.betas.len() - 1,
            &list(lab.beta()),
            &(c.beta_names)(lab.features),
            &num(*lab.losses.last().unwrap_or(&0.0)),
        )),
    ];
    let mut rate = Line::raw(format!("{}   {}", rate_text(lab, t), (c.lstsq)(&list(&lab.least_squares))));
    if lab.diverged {
        rate = Line::styled(c.diverged, theme.error);
    } else if lab.full() {
        rate = Line::styled(c.history_full, theme.error);
    } else if let Some(warning) = limit_warning(lab, t) {
        rate = Line::styled(format!("{}   {warning}", rate_text(lab, t)), theme.error);
    }
    st.push(rate);
    // The status wraps whole; the charts keep at least 10 plot rows (12 with
    // their frame and axis), else the charts and the measures take turns (Tab).
    let st = wrap(st, area.width);
    let status_h = (st.len() as u16).min(6);
    const INFO_H: u16 = 10;
    const CHARTS_MIN: u16 = 14;
    let both = area.height >= status_h + CHARTS_MIN + INFO_H;
    let (charts, info) = if both {
        // Both fit: Tab swaps them, the error measures above the charts.
        let [_, top, bottom] = if lab.measures_tab {
            Layout::vertical([Constraint::Length(status_h), Constraint::Length(INFO_H), Constraint::Min(8)]).areas(area)
        } else {
            Layout::vertical([Constraint::Length(status_h), Constraint::Min(8), Constraint::Length(INFO_H)]).areas(area)
        };
        if lab.measures_tab { (Some(bottom), Some(top)) } else { (Some(top), Some(bottom)) }
    } else {
        let [_, rest] = Layout::vertical([Constraint::Length(status_h), Constraint::Min(1)]).areas(area);
        if lab.measures_tab { (None, Some(rest)) } else { (Some(rest), None) }
    };
    let status = Rect { height: status_h.min(area.height), ..area };
    frame.paragraph(Paragraph::new(st), status);
    if let Some(charts) = charts {
        draw_charts(frame, charts, lab, t, theme);
    }
    if let Some(info) = info {
        draw_measures(frame, info, lab, t, theme);
    }
}

/// The data with the fitted and least-squares lines (or the β table for
/// 3 features) beside the loss per step.
fn draw_charts(frame: &mut Frame, charts: Rect, lab: &LinregLab, t: &Text, theme: &Theme) {
    let c = &t.linreg;

    // The loss legend is a row of its own under both charts: inside the
    // chart it was hidden where the chart is narrow (80×24) and sat on the
    // curve where it is not.
    let [charts, legend_row] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(charts);
    let [left, right] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(charts);
    let [_, legend_area] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(legend_row);
    // Loss per step on a log scale (log10 values; labels are powers of ten).
    let pts = linreg::log10_curve(&lab.losses);
    let xmax = (lab.losses.len().max(2) - 1) as f64;
    let x = Axis::default().title(c.axis_step).bounds([0.0, xmax]).labels(vec![Line::raw("0"), Line::raw(num(xmax))]);
    let floor = lab.floor_points();
    let series = [Series { name: c.loss_name, points: &pts }, Series { name: c.floor_name, points: &floor }];
    let loss_chart = log_chart(&series, c.loss_curve, x, "", theme).legend_position(None);
    frame.content(loss_chart, right);
    let legend = crate::ui::width::clip(&loss_legend(&series, theme).to_string(), legend_area.width as usize);
    let styled = if legend.ends_with('…') { Line::raw(legend) } else { loss_legend(&series, theme) };
    frame.paragraph(Paragraph::new(styled).alignment(ratatui::layout::Alignment::Center), legend_area);

    if lab.features == 1 {
        let data: Vec<(f64, f64)> = (0..lab.x.nrows()).map(|i| (lab.x[[i, 1]], lab.y[i])).collect();
        let b = lab.beta();
        let ls = &lab.least_squares;
        let fitted = linreg::line_points(b.view(), &[0.0, 1.0]);
        let lsq = linreg::line_points(ls.view(), &[0.0, 1.0]);
        let ys = data.iter().map(|p| p.1).chain(fitted.iter().map(|p| p.1)).chain(lsq.iter().map(|p| p.1));
        let (ylo, yhi) = crate::math::axis::whole_bounds(ys);
        // Where the chart has ink: the points and both lines along their length.
        let along: Vec<f64> = (0..=20).map(|i| i as f64 / 20.0).collect();
        let mut occupied = data.clone();
        occupied.extend(linreg::line_points(b.view(), &along));
        occupied.extend(linreg::line_points(ls.view(), &along));
        let scatter = Chart::new(vec![
            Dataset::default().name(c.data).marker(Marker::Braille).graph_type(GraphType::Scatter).data(&data),
            series_dataset(theme, 1, c.fitted, &fitted),
            series_dataset(theme, 2, c.least_squares, &lsq),
        ])
        .block(panel(c.scatter, theme))
        .x_axis(Axis::default().bounds([0.0, 1.0]).labels(vec![Line::raw("0"), Line::raw("1")]))
        .y_axis(Axis::default().bounds([ylo, yhi]).labels(vec![Line::raw(num(ylo)), Line::raw(num(yhi))]))
        .hidden_legend_constraints((Constraint::Percentage(60), Constraint::Percentage(60)))
        .legend_position(Some(crate::ui::log_chart::emptiest_corner(&occupied)));
        frame.content(scatter, left);
    } else {
        // Aligned where the panel has room; unpadded, then wrapped, where it
        // has not (never cut); a title too long ends in `…`.
        let inner = left.width.saturating_sub(2);
        let row = |j: usize, b: f64, l: f64, pad: usize| {
            format!("β{j} = {:>pad$}   ({} {})", num(b), c.least_squares, num(l))
        };
        let pairs: Vec<(f64, f64)> = lab.beta().iter().copied().zip(lab.least_squares.iter().copied()).collect();
        let fits = pairs.iter().enumerate().all(|(j, (b, l))| Line::raw(row(j, *b, *l, 10)).width() <= inner as usize);
        let pad = if fits { 10 } else { 0 };
        let lines: Vec<Line> = pairs.iter().enumerate().map(|(j, (b, l))| Line::raw(row(j, *b, *l, pad))).collect();
        let title = crate::ui::width::clip(c.beta_table, inner as usize);
        frame.paragraph(Paragraph::new(wrap(lines, inner)).block(panel(title, theme)), left);
    }
}

/// `⠒⠒ loss   ** least-squares floor`: each series' marker sample and name,
/// in its style (the marker tells them apart without colour).
fn loss_legend(series: &[Series], theme: &Theme) -> Line<'static> {
    let mut spans = vec![];
    for (i, s) in series.iter().enumerate() {
        let look = theme.series(i);
        if i > 0 {
            spans.push(Span::raw("   "));
        }
        spans.push(Span::styled(format!("{} {}", look.sample, s.name), look.style));
    }
    Line::from(spans)
}

/// The error selector: formulas, which is watched and which gradient is used.
fn draw_measures(frame: &mut Frame, info: Rect, lab: &LinregLab, t: &Text, theme: &Theme) {
    let c = &t.linreg;
    let (w, u) = (measure_index(lab.measure), measure_index(lab.gradient));
    let mut lines: Vec<Line> = (0..5)
        .map(|i| {
            let tag = match (i == w, i == u) {
                (true, true) => format!("[{} + {}]", c.watched, c.used),
                (true, false) => format!("[{}]", c.watched),
                (false, true) => format!("[{}]", c.used),
                _ => String::new(),
            };
            let s = if i == w || i == u { theme.selected } else { theme.text };
            Line::styled(format!("{:<42} {tag}", c.formulas[i]), s)
        })
        .collect();
    let (gw, gu) = lab.gradients();
    lines.push(Line::raw((c.gradient_values)(c.measure_names[w], &list(&gw), c.measure_names[u], &list(&gu))));
    lines.push(match lab.mismatch() {
        Some(r) if lab.gradient != lab.measure => {
            Line::styled((c.mismatch)(c.measure_names[u], c.measure_names[w], &num(r)), theme.error)
        }
        _ => Line::styled(c.matched, theme.good),
    });
    frame.paragraph(Paragraph::new(wrap(lines, info.width.saturating_sub(2))).block(panel(c.errors, theme)), info);
}
