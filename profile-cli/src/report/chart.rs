//! Latency and output tokens per group as an SVG chart (plotters, SVG backend only): two panels of bars, the p95 as
//! a wide light bar behind the p50.

use super::aggregate::Groups;
use super::format::cell_text;
use super::sketch::Sketch;
use plotters::coord::Shift;
use plotters::prelude::*;

const P50: RGBColor = RGBColor(31, 119, 180);
const P95: RGBColor = RGBColor(174, 199, 232);

/// The chart as SVG text; an error names what plotters could not draw. Group labels are shown as table cells are
/// ([`cell_text`]: control and invisible characters escaped, cut to [`CELL_MAX_CHARS`](super::format::CELL_MAX_CHARS)),
/// since XML cannot hold most control characters and a 60 KB label would make a 60 KB axis; plotters escapes
/// `<`, `>`, `&` and quotes.
pub fn svg(groups: &Groups) -> Result<String, String> {
    let labels: Vec<String> = groups
        .groups
        .keys()
        .map(|key| cell_text(&key.to_string()).into_owned())
        .collect();
    let latency: Vec<&Sketch> = groups.groups.values().map(|s| &s.latency_ms).collect();
    let output: Vec<&Sketch> = groups.groups.values().map(|s| &s.output_tokens).collect();
    let width = 240 + 150 * labels.len().max(1) as u32;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, 720)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let (top, bottom) = root.split_vertically(360);
        panel(&top, "latency (ms)", &labels, &latency)?;
        panel(&bottom, "output tokens", &labels, &output)?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

fn panel(
    area: &DrawingArea<SVGBackend<'_>, Shift>,
    title: &str,
    labels: &[String],
    values: &[&Sketch],
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<std::io::Error>| e.to_string();
    let top = values
        .iter()
        .filter_map(|s| s.quantile(0.95))
        .max()
        .unwrap_or(1)
        .max(1);
    let n = labels.len().max(1) as u32;
    let mut chart = ChartBuilder::on(area)
        .caption(format!("{title}: p50 and p95"), ("sans-serif", 20))
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(70)
        .build_cartesian_2d((0u32..n).into_segmented(), 0u64..top + top / 10)
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(labels.len().max(1))
        .x_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => {
                labels.get(*i as usize).cloned().unwrap_or_default()
            }
            SegmentValue::Last => String::new(),
        })
        .y_desc(title)
        .draw()
        .map_err(err)?;
    let bar = |i: u32, v: u64, color: RGBColor, inset: u32| {
        let mut r = Rectangle::new(
            [(SegmentValue::Exact(i), 0), (SegmentValue::Exact(i + 1), v)],
            color.filled(),
        );
        r.set_margin(0, 0, inset, inset);
        r
    };
    chart
        .draw_series(
            values
                .iter()
                .enumerate()
                .filter_map(|(i, s)| Some(bar(i as u32, s.quantile(0.95)?, P95, 12))),
        )
        .map_err(err)?
        .label("p95")
        .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 14, y + 5)], P95.filled()));
    chart
        .draw_series(
            values
                .iter()
                .enumerate()
                .filter_map(|(i, s)| Some(bar(i as u32, s.quantile(0.5)?, P50, 32))),
        )
        .map_err(err)?
        .label("p50")
        .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 14, y + 5)], P50.filled()));
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .draw()
        .map_err(err)?;
    Ok(())
}
