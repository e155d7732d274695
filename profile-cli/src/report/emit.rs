//! The report's grouping as a CloudWatch Logs Insights query and as Athena SQL, for logs too big for one machine.
//! Both are built from [`fields::FIELDS`], the list the local reader walks, so a path cannot differ between them.
//!
//! Groups are the local report's: `grp` is the profile's name, or `(no profile) <modelId>` for calls without one,
//! and `version` the profile's version. Token and latency figures are over calls without an `errorCode`.

use super::aggregate::Filter;
use super::fields::{self, FIELDS, Kind};
use std::fmt::Write as _;

/// The name of a field's column in the queries.
fn column(field: usize) -> &'static str {
    FIELDS[field].name
}

/// A path as a Logs Insights field name: the JSON keys joined by dots, in backticks (they hold `-`).
pub fn insights_path(path: &[&str]) -> String {
    format!("`{}`", path.join("."))
}

/// A path as an Athena (Trino) JSONPath in bracket notation.
pub fn athena_path(path: &[&str]) -> String {
    let mut out = String::from("$");
    for key in path {
        let _ = write!(out, "[\"{key}\"]");
    }
    out
}

fn insights_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A table name as an Athena (Trino) SQL identifier: each dot-separated part (`database.table`) in double quotes,
/// a double quote inside doubled, so `my-table` or a name with a quote is one identifier, never SQL of its own.
pub fn sql_identifier(name: &str) -> String {
    name.split('.')
        .map(|part| format!("\"{}\"", part.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(".")
}

/// A table name as an Athena DDL (Hive) identifier: each part in backticks, a backtick inside doubled.
fn ddl_identifier(name: &str) -> String {
    name.split('.')
        .map(|part| format!("`{}`", part.replace('`', "``")))
        .collect::<Vec<_>>()
        .join(".")
}

/// Why `name` cannot be a table name for [`athena`]: empty, or holding a control character (a line break would end
/// the SQL comment that shows the table's definition).
pub fn check_table_name(name: &str) -> Result<(), String> {
    if name.is_empty() || name.split('.').any(str::is_empty) {
        Err(format!(
            "`--table` must be a table name, like `logs` or `db.logs`, found `{}`",
            name.escape_default()
        ))
    } else if name.chars().any(char::is_control) {
        Err(format!(
            "`--table` must not hold control characters, found `{}`",
            name.escape_default()
        ))
    } else {
        Ok(())
    }
}

fn sql_string(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// A CloudWatch Logs Insights query over the log group Bedrock writes invocation logs to.
///
/// Logs Insights has no conditional aggregate, so the query gives counts (`errors`, `throttled`,
/// `max_tokens_stops`, `refused`) where the local report gives rates: divide by `calls`, or by `calls - errors`
/// for the stops.
pub fn logs_insights(filter: &Filter) -> String {
    let mut q = String::from(
        "# bedrock-profiles report: per profile and version (calls without a profile: per model)\n",
    );
    let defs: Vec<String> = FIELDS
        .iter()
        .map(|f| {
            let paths: Vec<String> = f.paths.iter().map(|p| insights_path(p)).collect();
            let expr = if paths.len() == 1 {
                paths[0].clone()
            } else {
                format!("coalesce({})", paths.join(", "))
            };
            format!("{expr} as {}", f.name)
        })
        .collect();
    let _ = writeln!(q, "fields {}", defs.join(",\n       "));
    let contains_any = |field: usize, values: &[&str]| {
        values
            .iter()
            .map(|v| format!("strcontains({}, {})", column(field), insights_string(v)))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let _ = writeln!(
        q,
        "| fields coalesce({profile}, concat(\"(no profile) \", {model})) as grp,\n         \
         {truncated} as is_max_tokens,\n         {refused} as is_refused,\n         \
         strcontains({error}, {throttled}) as is_throttled",
        profile = column(fields::PROFILE),
        model = column(fields::MODEL),
        truncated = contains_any(fields::STOP_REASON, fields::TRUNCATED_STOP_REASONS),
        refused = contains_any(fields::STOP_REASON, fields::REFUSED_STOP_REASONS),
        error = column(fields::ERROR_CODE),
        throttled = insights_string(fields::THROTTLED),
    );
    if let Some(since) = filter.since_ms {
        let _ = writeln!(q, "| filter @timestamp >= {since}");
    }
    if let Some(until) = filter.until_ms {
        let _ = writeln!(q, "| filter @timestamp < {until}");
    }
    if let Some(profile) = &filter.profile {
        let _ = writeln!(
            q,
            "| filter {} = {}",
            column(fields::PROFILE),
            insights_string(profile)
        );
    }
    let (input, output, latency) = (
        column(fields::INPUT_TOKENS),
        column(fields::OUTPUT_TOKENS),
        column(fields::LATENCY_MS),
    );
    let stats = [
        "count(*) as calls".to_owned(),
        format!("count({}) as errors", column(fields::ERROR_CODE)),
        "sum(is_throttled) as throttled".to_owned(),
        format!("sum({input}) as {input}_total"),
        format!("pct({input}, 50) as {input}_p50"),
        format!("pct({input}, 95) as {input}_p95"),
        format!("sum({output}) as {output}_total"),
        format!("pct({output}, 50) as {output}_p50"),
        format!("pct({output}, 95) as {output}_p95"),
        format!("pct({latency}, 50) as {latency}_p50"),
        format!("pct({latency}, 95) as {latency}_p95"),
        format!("pct({latency}, 99) as {latency}_p99"),
        "sum(is_max_tokens) as max_tokens_stops".to_owned(),
        "sum(is_refused) as refused".to_owned(),
    ];
    let _ = writeln!(
        q,
        "| stats {}\n  by grp, {}\n| sort grp, {}",
        stats.join(",\n        "),
        column(fields::VERSION),
        column(fields::VERSION)
    );
    q
}

/// Athena SQL over a table of the S3-delivered log objects with one string column `line` per record. `table` is
/// quoted as an identifier ([`sql_identifier`]: a dot separates the database from the table); check it first with
/// [`check_table_name`].
pub fn athena(filter: &Filter, table: &str) -> String {
    let ddl_table = ddl_identifier(table);
    let table = sql_identifier(table);
    let mut q = String::new();
    let _ = write!(
        q,
        "-- bedrock-profiles report: per profile and version (calls without a profile: per model)\n\
         -- The table: one string column per log line, over the S3 delivery location (.gz is read as is):\n\
         --   CREATE EXTERNAL TABLE {ddl_table} (line string)\n\
         --   LOCATION 's3://BUCKET/PREFIX/AWSLogs/ACCOUNT/BedrockModelInvocationLogs/';\n"
    );
    let defs: Vec<String> = FIELDS
        .iter()
        .map(|f| {
            let paths: Vec<String> = f
                .paths
                .iter()
                .map(|p| {
                    let scalar = format!("json_extract_scalar(line, '{}')", athena_path(p));
                    match f.kind {
                        Kind::Text => scalar,
                        Kind::Count => format!("TRY_CAST({scalar} AS BIGINT)"),
                    }
                })
                .collect();
            let expr = if paths.len() == 1 {
                paths[0].clone()
            } else {
                format!("COALESCE({})", paths.join(", "))
            };
            format!("{expr} AS \"{}\"", f.name)
        })
        .collect();
    let _ = writeln!(
        q,
        "WITH records AS (\n  SELECT\n    {}\n  FROM {table}\n)",
        defs.join(",\n    ")
    );
    let col = |f: usize| format!("\"{}\"", column(f));
    let ok = format!("{} IS NULL", col(fields::ERROR_CODE));
    let one_of = |values: &[&str]| {
        values
            .iter()
            .map(|v| sql_string(v))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (input, output, latency) = (
        column(fields::INPUT_TOKENS),
        column(fields::OUTPUT_TOKENS),
        column(fields::LATENCY_MS),
    );
    let select = [
        format!(
            "COALESCE({}, '(no profile) ' || {}) AS grp",
            col(fields::PROFILE),
            col(fields::MODEL)
        ),
        format!("{} AS \"version\"", col(fields::VERSION)),
        "count(*) AS calls".to_owned(),
        format!("count({}) AS errors", col(fields::ERROR_CODE)),
        format!(
            "count_if({} = {}) AS throttled",
            col(fields::ERROR_CODE),
            sql_string(fields::THROTTLED)
        ),
        format!(
            "CAST(count({}) AS DOUBLE) / count(*) AS error_rate",
            col(fields::ERROR_CODE)
        ),
        format!("sum(\"{input}\") FILTER (WHERE {ok}) AS {input}_total"),
        format!("approx_percentile(\"{input}\", 0.5) FILTER (WHERE {ok}) AS {input}_p50"),
        format!("approx_percentile(\"{input}\", 0.95) FILTER (WHERE {ok}) AS {input}_p95"),
        format!("sum(\"{output}\") FILTER (WHERE {ok}) AS {output}_total"),
        format!("approx_percentile(\"{output}\", 0.5) FILTER (WHERE {ok}) AS {output}_p50"),
        format!("approx_percentile(\"{output}\", 0.95) FILTER (WHERE {ok}) AS {output}_p95"),
        format!("approx_percentile(\"{latency}\", 0.5) FILTER (WHERE {ok}) AS {latency}_p50"),
        format!("approx_percentile(\"{latency}\", 0.95) FILTER (WHERE {ok}) AS {latency}_p95"),
        format!("approx_percentile(\"{latency}\", 0.99) FILTER (WHERE {ok}) AS {latency}_p99"),
        format!(
            "CAST(count_if({} IN ({})) AS DOUBLE) / NULLIF(count_if({ok}), 0) AS max_tokens_rate",
            col(fields::STOP_REASON),
            one_of(fields::TRUNCATED_STOP_REASONS)
        ),
        format!(
            "CAST(count_if({} IN ({})) AS DOUBLE) / NULLIF(count_if({ok}), 0) AS refused_rate",
            col(fields::STOP_REASON),
            one_of(fields::REFUSED_STOP_REASONS)
        ),
    ];
    let _ = writeln!(q, "SELECT\n  {}\nFROM records", select.join(",\n  "));
    let mut conditions = Vec::new();
    let ts = format!("from_iso8601_timestamp({})", col(fields::TIMESTAMP));
    if let Some(since) = filter.since_ms {
        conditions.push(format!("{ts} >= from_unixtime({since} / 1000.0)"));
    }
    if let Some(until) = filter.until_ms {
        conditions.push(format!("{ts} < from_unixtime({until} / 1000.0)"));
    }
    if let Some(profile) = &filter.profile {
        conditions.push(format!(
            "{} = {}",
            col(fields::PROFILE),
            sql_string(profile)
        ));
    }
    if !conditions.is_empty() {
        let _ = writeln!(q, "WHERE {}", conditions.join("\n  AND "));
    }
    q.push_str("GROUP BY 1, 2\nORDER BY 1, 2;\n");
    q
}
