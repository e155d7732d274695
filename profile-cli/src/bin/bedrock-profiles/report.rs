//! `bedrock-profiles report`: the flags to a filter, the progress bar, the warnings and the chosen format.

use super::{INVALID, ReportFormat, USAGE};
use bedrock_profiles_cli::report::{self, Filter, Report, format};
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

pub(super) fn filter(
    since: Option<&str>,
    until: Option<&str>,
    profile: Option<String>,
) -> Result<Filter, String> {
    let time = |flag: &str, value: Option<&str>| {
        value
            .map(|v| {
                report::parse_timestamp(v).ok_or_else(|| {
                    format!(
                        "`{flag}` must be an RFC 3339 time or a date like 2025-04-09, found `{v}`"
                    )
                })
            })
            .transpose()
    };
    Ok(Filter {
        since_ms: time("--since", since)?,
        until_ms: time("--until", until)?,
        profile,
    })
}

pub(super) fn report_logs(
    path: &Path,
    filter: &Filter,
    format: ReportFormat,
    compare: Option<&str>,
    svg: Option<&Path>,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let result = report::Input::discover(path).and_then(|input| {
        // A progress bar only for a person watching a terminal.
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(input.total_bytes);
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} {eta}",
            ) {
                bar.set_style(style);
            }
            bar
        });
        let report = Report::from_input(&input, filter, &mut |n| {
            if let Some(bar) = &bar {
                bar.inc(n);
            }
        });
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        report
    });
    let report = match result {
        Ok(r) => r,
        Err(e) => {
            say!("error: {e}");
            return Ok(ExitCode::from(USAGE));
        }
    };
    for bad in &report.stats.malformed_examples {
        say!("warning: {bad}");
    }
    let shown = report.stats.malformed_examples.len() as u64;
    if report.stats.malformed > shown {
        say!(
            "warning: {} more malformed lines skipped",
            report.stats.malformed - shown
        );
    }
    if report.groups.overflow > 0 {
        say!(
            "warning: more than {} groups: {} calls of further groups are counted together as `{}`",
            report::GROUPS_MAX,
            report.groups.overflow,
            report::GroupKey::Other
        );
    }
    if let Some(name) = compare {
        let Some(cmp) = format::compare(&report.groups, name) else {
            say!("error: the logs hold fewer than two versions of profile `{name}`");
            return Ok(ExitCode::from(INVALID));
        };
        match format {
            ReportFormat::Table => write!(out, "{}", cmp.table())?,
            ReportFormat::Json => writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&cmp.json()).unwrap_or_default()
            )?,
            ReportFormat::Csv => write!(out, "{}", cmp.csv())?,
        }
    } else {
        match format {
            ReportFormat::Table => write!(out, "{}", format::table(&report.groups))?,
            ReportFormat::Json => writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&format::json(&report.groups)).unwrap_or_default()
            )?,
            ReportFormat::Csv => write!(out, "{}", format::csv(&report.groups))?,
        }
    }
    if let Some(file) = svg {
        let written = report::chart::svg(&report.groups)
            .and_then(|text| std::fs::write(file, text).map_err(|e| e.to_string()));
        if let Err(message) = written {
            let error = report::ReportError::Chart {
                path: file.to_owned(),
                message,
            };
            say!("error: {error}");
            return Ok(ExitCode::from(USAGE));
        }
    }
    Ok(ExitCode::SUCCESS)
}
