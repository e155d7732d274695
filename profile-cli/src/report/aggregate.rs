//! Records grouped by profile and version (or by model, for calls made without a profile), with counters and
//! quantile sketches: the records themselves are never kept.

use super::fields::{self, Values};
use super::sketch::Sketch;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// What a group is keyed by.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GroupKey {
    /// Calls that carried a profile's name (and version) in `requestMetadata`.
    Profile {
        /// `bedrock-profile`.
        name: String,
        /// `bedrock-profile-version`, when present.
        version: Option<String>,
    },
    /// Calls without a profile, by `modelId`.
    Model(String),
    /// Calls of groups past [`GROUPS_MAX`], together.
    Other,
}

/// The most groups a report keeps (100,000); the calls of any further group are counted together in
/// [`GroupKey::Other`], and [`Groups::overflow`] says how many, so memory stays bounded whatever the logs hold.
pub const GROUPS_MAX: usize = 100_000;

impl fmt::Display for GroupKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GroupKey::Profile {
                name,
                version: Some(v),
            } => write!(f, "{name} v{v}"),
            GroupKey::Profile {
                name,
                version: None,
            } => write!(f, "{name}"),
            GroupKey::Model(model) => write!(f, "(no profile) {model}"),
            GroupKey::Other => write!(f, "(other groups)"),
        }
    }
}

/// One log record, as far as the report reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// `timestamp`, in milliseconds since the Unix epoch.
    pub timestamp_ms: Option<i64>,
    /// `operation` (`Converse`, `ConverseStream`, `InvokeModel`, ...).
    pub operation: Option<String>,
    /// `modelId`.
    pub model: Option<String>,
    /// The profile's name from `requestMetadata`.
    pub profile: Option<String>,
    /// The profile's version from `requestMetadata`.
    pub version: Option<String>,
    /// `input.inputTokenCount`, else the Converse `usage.inputTokens`.
    pub input_tokens: Option<u64>,
    /// `output.outputTokenCount`, else the Converse `usage.outputTokens`.
    pub output_tokens: Option<u64>,
    /// The Converse `metrics.latencyMs`.
    pub latency_ms: Option<u64>,
    /// `stopReason` (Converse) or `stop_reason` (native bodies).
    pub stop_reason: Option<String>,
    /// `errorCode` of a failed call.
    pub error_code: Option<String>,
}

impl Record {
    /// The record of extracted values.
    pub fn from_values(mut v: Values) -> Self {
        Record {
            timestamp_ms: v
                .take_text(fields::TIMESTAMP)
                .and_then(|t| parse_timestamp(&t)),
            operation: v.take_text(fields::OPERATION),
            model: v.take_text(fields::MODEL),
            profile: v.take_text(fields::PROFILE),
            version: v.take_text(fields::VERSION),
            input_tokens: v.count(fields::INPUT_TOKENS),
            output_tokens: v.count(fields::OUTPUT_TOKENS),
            latency_ms: v.count(fields::LATENCY_MS),
            stop_reason: v.take_text(fields::STOP_REASON),
            error_code: v.take_text(fields::ERROR_CODE),
        }
    }
}

/// Which records count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only records at or after this time (ms since the epoch).
    pub since_ms: Option<i64>,
    /// Only records before this time (ms since the epoch).
    pub until_ms: Option<i64>,
    /// Only records of this profile.
    pub profile: Option<String>,
}

impl Filter {
    /// Whether a record passes.
    pub fn admits(&self, r: &Record) -> bool {
        let time_ok = match (r.timestamp_ms, self.since_ms, self.until_ms) {
            (_, None, None) => true,
            (None, _, _) => false,
            (Some(t), since, until) => since.is_none_or(|s| t >= s) && until.is_none_or(|u| t < u),
        };
        time_ok
            && self
                .profile
                .as_ref()
                .is_none_or(|p| r.profile.as_ref() == Some(p))
    }
}

/// Counters and sketches of one group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupStats {
    /// Records.
    pub calls: u64,
    /// Records with an `errorCode`.
    pub errors: u64,
    /// Records whose `errorCode` is `ThrottlingException`.
    pub throttled: u64,
    /// Records without an `errorCode`.
    pub responses: u64,
    /// Responses stopped by `max_tokens`.
    pub truncated: u64,
    /// Responses stopped by a guardrail or a content filter.
    pub refused: u64,
    /// Input tokens of responses.
    pub input_tokens: Sketch,
    /// Output tokens of responses.
    pub output_tokens: Sketch,
    /// Latency of responses that report it (Converse `metrics.latencyMs`).
    pub latency_ms: Sketch,
    /// The models called.
    pub models: BTreeSet<String>,
}

impl GroupStats {
    /// Adds one record.
    pub fn add(&mut self, r: &Record) {
        self.calls += 1;
        if let Some(model) = &r.model
            && !self.models.contains(model)
        {
            self.models.insert(model.clone());
        }
        if let Some(code) = &r.error_code {
            self.errors += 1;
            if code == fields::THROTTLED {
                self.throttled += 1;
            }
            return;
        }
        self.responses += 1;
        if let Some(reason) = &r.stop_reason {
            if fields::TRUNCATED_STOP_REASONS.contains(&reason.as_str()) {
                self.truncated += 1;
            }
            if fields::REFUSED_STOP_REASONS.contains(&reason.as_str()) {
                self.refused += 1;
            }
        }
        if let Some(n) = r.input_tokens {
            self.input_tokens.add(n);
        }
        if let Some(n) = r.output_tokens {
            self.output_tokens.add(n);
        }
        if let Some(n) = r.latency_ms {
            self.latency_ms.add(n);
        }
    }

    /// Errors per call.
    pub fn error_rate(&self) -> f64 {
        ratio(self.errors, self.calls)
    }

    /// Share of responses stopped by `max_tokens`.
    pub fn truncated_rate(&self) -> f64 {
        ratio(self.truncated, self.responses)
    }

    /// Share of responses refused.
    pub fn refused_rate(&self) -> f64 {
        ratio(self.refused, self.responses)
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Every group, sorted by key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Groups {
    /// The groups.
    pub groups: BTreeMap<GroupKey, GroupStats>,
    /// Records the filter left out.
    pub filtered_out: u64,
    /// Records counted in [`GroupKey::Other`] because [`GROUPS_MAX`] groups were already kept.
    pub overflow: u64,
}

impl Groups {
    /// Adds one record through the filter.
    pub fn add(&mut self, mut r: Record, filter: &Filter) {
        if !filter.admits(&r) {
            self.filtered_out += 1;
            return;
        }
        let key = match r.profile.take() {
            Some(name) => GroupKey::Profile {
                name,
                version: r.version.take(),
            },
            None => GroupKey::Model(r.model.clone().unwrap_or_else(|| "(unknown model)".into())),
        };
        match self.groups.get_mut(&key) {
            Some(stats) => stats.add(&r),
            None => {
                let kept =
                    self.groups.len() - usize::from(self.groups.contains_key(&GroupKey::Other));
                let key = if kept >= GROUPS_MAX {
                    self.overflow += 1;
                    GroupKey::Other
                } else {
                    key
                };
                self.groups.entry(key).or_default().add(&r);
            }
        }
    }

    /// The versions of one profile, oldest first (numeric versions by number).
    pub fn versions(&self, profile: &str) -> Vec<(&GroupKey, &GroupStats)> {
        let mut out: Vec<_> = self
            .groups
            .iter()
            .filter(|(k, _)| matches!(k, GroupKey::Profile { name, .. } if name == profile))
            .collect();
        out.sort_by_key(|(k, _)| match k {
            GroupKey::Profile { version, .. } => (
                version.as_deref().and_then(|v| v.parse::<u64>().ok()),
                version.clone(),
            ),
            GroupKey::Model(_) | GroupKey::Other => (None, None),
        });
        out
    }
}

/// Milliseconds since the Unix epoch of an RFC 3339 time (`2025-04-09T23:00:17Z`, `...17.123Z`,
/// `...17+02:00`) or a date (`2025-04-09`, midnight UTC); `None` for anything else, a day the month does not have
/// (`2025-02-29`, `2025-04-31`) or a time past `23:59:60` included.
pub fn parse_timestamp(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(r)?;
        (!part.is_empty() && part.bytes().all(|c| c.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    // Four digits each way, so the casts are exact.
    if !bedrock_profiles::models::account::valid_date(y as u32, mo as u32, d as u32) {
        return None;
    }
    let days = days_from_civil(y, mo, d);
    if b.len() == 10 {
        return Some(days * 86_400_000);
    }
    if b.len() < 19 || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (h, mi, sec) = (num(11..13)?, num(14..16)?, num(17..19)?);
    // RFC 3339 allows a leap second (:60).
    if h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let mut i = 19;
    let mut ms = 0;
    if b.get(i) == Some(&b'.') {
        let start = i + 1;
        i = start;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let frac = s.get(start..i)?;
        ms = format!("{frac:0<3}").get(..3)?.parse().ok()?;
    }
    let offset_min = match b.get(i) {
        Some(b'Z' | b'z') if i + 1 == b.len() => 0,
        Some(sign @ (b'+' | b'-')) if i + 6 == b.len() && b[i + 3] == b':' => {
            let (oh, om) = (num(i + 1..i + 3)?, num(i + 4..i + 6)?);
            if oh > 23 || om > 59 {
                return None;
            }
            let m = oh * 60 + om;
            if *sign == b'+' { m } else { -m }
        }
        _ => return None,
    };
    Some(((days * 86_400 + h * 3600 + mi * 60 + sec) - offset_min * 60) * 1000 + ms)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        assert_eq!(parse_timestamp("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_timestamp("1970-01-02"), Some(86_400_000));
        assert_eq!(
            parse_timestamp("2025-04-09T23:00:17Z"),
            Some(1_744_239_617_000)
        );
        assert_eq!(
            parse_timestamp("2025-04-09T23:00:17.5Z"),
            Some(1_744_239_617_500)
        );
        assert_eq!(
            parse_timestamp("2025-04-10T01:00:17+02:00"),
            Some(1_744_239_617_000)
        );
        assert_eq!(parse_timestamp("2025-04-99T23:00:17Z"), None);
        assert_eq!(parse_timestamp("2024-02-29"), Some(1_709_164_800_000));
        assert_eq!(parse_timestamp("2000-02-29"), Some(951_782_400_000));
        for bad in [
            "2025-02-31",
            "2025-02-29",
            "1900-02-29",
            "2025-04-31",
            "2025-13-01",
            "2025-00-10",
            "2025-04-00",
            "2025-04-09T99:99:99Z",
            "2025-04-09T24:00:00Z",
            "2025-04-09T23:60:00Z",
            "2025-04-09T23:00:61Z",
            "2025-04-09T23:00:17+24:00",
            "2025-04-09T23:00:17+02:60",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad}");
        }
        assert!(parse_timestamp("2016-12-31T23:59:60Z").is_some());
        assert_eq!(parse_timestamp("yesterday"), None);
        assert_eq!(parse_timestamp("2025-04-09T23:00:17"), None);
    }
}
