//! Reports from Bedrock model invocation logs (`bedrock-profiles report`): per profile and version, how many calls,
//! how many tokens, how slow, how often cut off by `max_tokens`, how often refused or failed.
//!
//! ```no_run
//! use bedrock_profiles_cli::report::{Filter, Report, format};
//!
//! let report = Report::from_path("logs/".as_ref(), &Filter::default(), &mut |_bytes| {})?;
//! print!("{}", format::table(&report.groups));
//! for bad in &report.stats.malformed_examples {
//!     eprintln!("{bad}");
//! }
//! # Ok::<(), bedrock_profiles_cli::report::ReportError>(())
//! ```
//!
//! - [`fields`]: the one list of JSON paths read from each record, shared with the query emitters.
//! - [`input`]: files and directories, plain or gzip, S3 delivery or CloudWatch Logs export lines.
//! - [`aggregate`]: grouping, counters and [`sketch`]es, so memory does not grow with the number of records.
//! - [`format`](mod@format): table, JSON, CSV, and two versions of one profile side by side.
//! - [`emit`]: the same grouping as a CloudWatch Logs Insights query and as Athena SQL.
//! - [`chart`]: latency and output tokens per group as an SVG chart.

pub mod aggregate;
pub mod chart;
pub mod emit;
pub mod fields;
pub mod format;
pub mod input;
pub mod sketch;

pub use aggregate::{Filter, GROUPS_MAX, GroupKey, GroupStats, Groups, Record, parse_timestamp};
pub use input::{Input, Malformed, ReadStats};

use std::fmt;
use std::path::{Path, PathBuf};

/// Why a report could not be made (a malformed line is never one: it is counted in [`ReadStats`]).
#[derive(Debug)]
#[non_exhaustive]
pub enum ReportError {
    /// A file or directory could not be read.
    Read {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A directory holds no files.
    NoLogs {
        /// The directory.
        path: PathBuf,
    },
    /// The chart could not be drawn or written.
    Chart {
        /// The SVG file.
        path: PathBuf,
        /// The cause.
        message: String,
    },
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReportError::Read { path, source } => {
                write!(f, "cannot read `{}`: {source}", path.display())
            }
            ReportError::NoLogs { path } => {
                write!(f, "`{}` holds no log files", path.display())
            }
            ReportError::Chart { path, message } => {
                write!(f, "cannot write the chart `{}`: {message}", path.display())
            }
        }
    }
}

impl std::error::Error for ReportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReportError::Read { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The groups of a set of logs and what reading them met.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The groups.
    pub groups: Groups,
    /// Files, records and malformed lines.
    pub stats: ReadStats,
}

impl Report {
    /// Reads a file or a directory of log files; `progress` gets the bytes read since its last call.
    pub fn from_path(
        path: &Path,
        filter: &Filter,
        progress: &mut dyn FnMut(u64),
    ) -> Result<Self, ReportError> {
        let input = Input::discover(path)?;
        Self::from_input(&input, filter, progress)
    }

    /// Reads discovered log files.
    pub fn from_input(
        input: &Input,
        filter: &Filter,
        progress: &mut dyn FnMut(u64),
    ) -> Result<Self, ReportError> {
        let mut groups = Groups::default();
        let stats = input::read_into(input, filter, &mut groups, progress)?;
        Ok(Self { groups, stats })
    }

    /// Reads log lines from memory (each a record or a CloudWatch export line), for tests and benchmarks.
    pub fn from_lines<'a>(lines: impl IntoIterator<Item = &'a str>, filter: &Filter) -> Self {
        let extractor = fields::Extractor::new();
        let mut report = Report::default();
        for (i, line) in lines.into_iter().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            match input::parse_line(&extractor, line) {
                Ok(record) => {
                    report.stats.records += 1;
                    report.groups.add(record, filter);
                }
                Err(reason) => {
                    report.stats.malformed += 1;
                    if report.stats.malformed_examples.len() < input::MALFORMED_KEPT {
                        report.stats.malformed_examples.push(Malformed {
                            file: PathBuf::from("<memory>"),
                            line: i as u64 + 1,
                            reason,
                        });
                    }
                }
            }
        }
        report
    }
}
