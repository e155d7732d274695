//! The report as a table, JSON or CSV, and two versions of one profile side by side.

use super::aggregate::{GroupKey, GroupStats, Groups};
use serde_json::{Map, Value, json};
use std::fmt::Write as _;

/// One cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text, or nothing.
    Text(Option<String>),
    /// A count or quantile, or nothing (no values).
    Int(Option<u64>),
    /// A share in 0.0..=1.0.
    Rate(f64),
}

impl Cell {
    fn json(&self) -> Value {
        match self {
            Cell::Text(t) => t.as_ref().map_or(Value::Null, |t| json!(t)),
            Cell::Int(n) => n.map_or(Value::Null, |n| json!(n)),
            Cell::Rate(r) => json!((r * 10_000.0).round() / 10_000.0),
        }
    }

    fn csv(&self) -> String {
        match self {
            Cell::Text(t) => t.as_deref().map(csv_escape).unwrap_or_default(),
            Cell::Int(n) => n.map(|n| n.to_string()).unwrap_or_default(),
            Cell::Rate(r) => format!("{r:.4}"),
        }
    }
}

/// A text cell for CSV: quoted when it holds a separator, a quote or a line break, and, when it starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return, prefixed with `'` so a spreadsheet shows it rather than evaluating
/// it as a formula (OWASP's advice on CSV injection). Only text from the logs goes through here; numbers do not.
fn csv_escape(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The columns of one group, in order: the JSON keys and the CSV header.
pub fn columns(key: &GroupKey, s: &GroupStats) -> Vec<(&'static str, Cell)> {
    let (profile, version, model) = match key {
        GroupKey::Profile { name, version } => (Some(name.clone()), version.clone(), None),
        GroupKey::Model(m) => (None, None, Some(m.clone())),
        GroupKey::Other => (None, None, None),
    };
    let q = |sk: &super::sketch::Sketch, p| Cell::Int(sk.quantile(p));
    vec![
        ("group", Cell::Text(Some(key.to_string()))),
        ("profile", Cell::Text(profile)),
        ("version", Cell::Text(version)),
        ("model", Cell::Text(model)),
        (
            "models",
            Cell::Text(Some(s.models.iter().cloned().collect::<Vec<_>>().join(" "))),
        ),
        ("calls", Cell::Int(Some(s.calls))),
        ("errors", Cell::Int(Some(s.errors))),
        ("throttled", Cell::Int(Some(s.throttled))),
        ("error_rate", Cell::Rate(s.error_rate())),
        ("input_tokens_total", Cell::Int(Some(s.input_tokens.sum()))),
        ("input_tokens_p50", q(&s.input_tokens, 0.5)),
        ("input_tokens_p95", q(&s.input_tokens, 0.95)),
        (
            "output_tokens_total",
            Cell::Int(Some(s.output_tokens.sum())),
        ),
        ("output_tokens_p50", q(&s.output_tokens, 0.5)),
        ("output_tokens_p95", q(&s.output_tokens, 0.95)),
        ("latency_ms_p50", q(&s.latency_ms, 0.5)),
        ("latency_ms_p95", q(&s.latency_ms, 0.95)),
        ("latency_ms_p99", q(&s.latency_ms, 0.99)),
        ("max_tokens_rate", Cell::Rate(s.truncated_rate())),
        ("refused_rate", Cell::Rate(s.refused_rate())),
    ]
}

/// Every group as a JSON array of objects with the [`columns`].
pub fn json(groups: &Groups) -> Value {
    Value::Array(
        groups
            .groups
            .iter()
            .map(|(k, s)| {
                Value::Object(
                    columns(k, s)
                        .into_iter()
                        .map(|(name, c)| (name.to_owned(), c.json()))
                        .collect::<Map<_, _>>(),
                )
            })
            .collect(),
    )
}

/// Every group as CSV with a header line of the [`columns`].
pub fn csv(groups: &Groups) -> String {
    let header: Vec<&str> = columns(&GroupKey::Model(String::new()), &GroupStats::default())
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    let mut out = header.join(",");
    out.push('\n');
    for (k, s) in &groups.groups {
        let row: Vec<String> = columns(k, s).iter().map(|(_, c)| c.csv()).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

fn opt(n: Option<u64>) -> String {
    n.map_or_else(|| "-".to_owned(), |n| n.to_string())
}

fn pct(r: f64) -> String {
    format!("{:.1}%", r * 100.0)
}

/// The most characters a table cell shows (a profile name, a model id, a version); a longer one is cut to this
/// many, its last an ellipsis (`…`), so a 60 KB name in the logs neither widens every row nor breaks the layout.
/// JSON and CSV carry the whole text.
pub const CELL_MAX_CHARS: usize = 80;

/// Whether `c` is shown escaped in a table: control characters (a terminal's escape codes, newlines, tabs) and the
/// invisible characters that reorder or hide text (bidirectional overrides and isolates, zero-width characters).
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// `s` as a table shows it: control and invisible characters escaped as Rust writes them (`\u{1b}`, `\n`), then cut to
/// [`CELL_MAX_CHARS`] characters, with an ellipsis when cut.
pub fn cell_text(s: &str) -> std::borrow::Cow<'_, str> {
    let s: std::borrow::Cow<'_, str> = if s.chars().any(hidden) {
        s.chars()
            .map(|c| {
                if hidden(c) {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect::<String>()
            .into()
    } else {
        s.into()
    };
    match s.char_indices().nth(CELL_MAX_CHARS) {
        None => s,
        Some(_) => {
            let (end, _) = s
                .char_indices()
                .nth(CELL_MAX_CHARS - 1)
                .unwrap_or((s.len(), ' '));
            format!("{}…", &s[..end]).into()
        }
    }
}

/// Lays out rows under a header, the first column left-aligned, the others right-aligned; every cell is cut to
/// [`CELL_MAX_CHARS`], so a line is at most a few times that long whatever the logs hold.
fn layout(header: &[&str], rows: &[Vec<String>]) -> String {
    let header: Vec<std::borrow::Cow<'_, str>> = header.iter().map(|h| cell_text(h)).collect();
    let rows: Vec<Vec<std::borrow::Cow<'_, str>>> = rows
        .iter()
        .map(|row| row.iter().map(|c| cell_text(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: Vec<&str>| {
        let mut text = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            if i == 0 {
                let _ = write!(text, "{cell:<w$}");
            } else {
                let _ = write!(text, "  {cell:>w$}");
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(header.iter().map(|c| c.as_ref()).collect());
    for row in &rows {
        line(row.iter().map(|c| c.as_ref()).collect());
    }
    out
}

/// A table for a terminal: one line per group.
pub fn table(groups: &Groups) -> String {
    let header = [
        "PROFILE / MODEL",
        "CALLS",
        "ERRORS",
        "IN TOTAL",
        "IN P50",
        "IN P95",
        "OUT TOTAL",
        "OUT P50",
        "OUT P95",
        "LAT P50",
        "LAT P95",
        "LAT P99",
        "MAX_TOKENS",
        "REFUSED",
    ];
    let rows: Vec<Vec<String>> = groups
        .groups
        .iter()
        .map(|(k, s)| {
            vec![
                k.to_string(),
                s.calls.to_string(),
                pct(s.error_rate()),
                s.input_tokens.sum().to_string(),
                opt(s.input_tokens.quantile(0.5)),
                opt(s.input_tokens.quantile(0.95)),
                s.output_tokens.sum().to_string(),
                opt(s.output_tokens.quantile(0.5)),
                opt(s.output_tokens.quantile(0.95)),
                opt(s.latency_ms.quantile(0.5)) + ms(s.latency_ms.quantile(0.5)),
                opt(s.latency_ms.quantile(0.95)) + ms(s.latency_ms.quantile(0.95)),
                opt(s.latency_ms.quantile(0.99)) + ms(s.latency_ms.quantile(0.99)),
                pct(s.truncated_rate()),
                pct(s.refused_rate()),
            ]
        })
        .collect();
    layout(&header, &rows)
}

fn ms(n: Option<u64>) -> &'static str {
    if n.is_some() { " ms" } else { "" }
}

/// Two versions of one profile compared metric by metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The profile.
    pub profile: String,
    /// The older version.
    pub from: String,
    /// The newer version.
    pub to: String,
    /// `(metric, older, newer, change)`: a relative change for amounts, percentage points for rates.
    pub rows: Vec<(&'static str, String, String, String)>,
}

/// The last two versions of `profile` side by side; `None` when it has fewer than two versions in the logs.
pub fn compare(groups: &Groups, profile: &str) -> Option<Comparison> {
    let versions = groups.versions(profile);
    let [.., (ka, a), (kb, b)] = versions.as_slice() else {
        return None;
    };
    let version = |k: &GroupKey| match k {
        GroupKey::Profile { version, .. } => version.clone().unwrap_or_else(|| "-".into()),
        GroupKey::Model(_) | GroupKey::Other => "-".into(),
    };
    let amount = |name, x: Option<u64>, y: Option<u64>| {
        let change = match (x, y) {
            (Some(x), Some(y)) if x > 0 => format!("{:+.1}%", (y as f64 / x as f64 - 1.0) * 100.0),
            _ => "-".into(),
        };
        (name, opt(x), opt(y), change)
    };
    let rate = |name, x: f64, y: f64| (name, pct(x), pct(y), format!("{:+.1} pp", (y - x) * 100.0));
    let rows = vec![
        amount("calls", Some(a.calls), Some(b.calls)),
        rate("error rate", a.error_rate(), b.error_rate()),
        amount(
            "input tokens p50",
            a.input_tokens.quantile(0.5),
            b.input_tokens.quantile(0.5),
        ),
        amount(
            "input tokens p95",
            a.input_tokens.quantile(0.95),
            b.input_tokens.quantile(0.95),
        ),
        amount(
            "output tokens p50",
            a.output_tokens.quantile(0.5),
            b.output_tokens.quantile(0.5),
        ),
        amount(
            "output tokens p95",
            a.output_tokens.quantile(0.95),
            b.output_tokens.quantile(0.95),
        ),
        amount(
            "latency ms p50",
            a.latency_ms.quantile(0.5),
            b.latency_ms.quantile(0.5),
        ),
        amount(
            "latency ms p95",
            a.latency_ms.quantile(0.95),
            b.latency_ms.quantile(0.95),
        ),
        amount(
            "latency ms p99",
            a.latency_ms.quantile(0.99),
            b.latency_ms.quantile(0.99),
        ),
        rate("max_tokens stops", a.truncated_rate(), b.truncated_rate()),
        rate("refused", a.refused_rate(), b.refused_rate()),
    ];
    Some(Comparison {
        profile: profile.to_owned(),
        from: version(ka),
        to: version(kb),
        rows,
    })
}

impl Comparison {
    /// As a table: metric, older, newer, change.
    pub fn table(&self) -> String {
        let from = format!("v{}", self.from);
        let to = format!("v{}", self.to);
        let title = self.profile.clone();
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|(m, x, y, c)| vec![(*m).to_owned(), x.clone(), y.clone(), c.clone()])
            .collect();
        layout(&[&title, &from, &to, "CHANGE"], &rows)
    }

    /// As JSON.
    pub fn json(&self) -> Value {
        json!({
            "profile": self.profile,
            "from": self.from,
            "to": self.to,
            "metrics": self.rows.iter().map(|(m, x, y, c)| json!({
                "metric": m, "from": x, "to": y, "change": c
            })).collect::<Vec<_>>(),
        })
    }

    /// As CSV.
    pub fn csv(&self) -> String {
        let mut out = format!(
            "metric,{},{},change\n",
            csv_escape(&format!("v{}", self.from)),
            csv_escape(&format!("v{}", self.to))
        );
        for (m, x, y, c) in &self.rows {
            let _ = writeln!(out, "{m},{x},{y},{c}");
        }
        out
    }
}
