//! The report on fixture logs in Bedrock's documented record format (`tests/fixtures/invocation-logs`): S3 delivery
//! files (plain and gzip) and a CloudWatch Logs export, with successes, errors, a throttled call, a `max_tokens`
//! stop, a refusal, calls without a profile and malformed lines.

use bedrock_profiles_cli::report::fields::FIELDS;
use bedrock_profiles_cli::report::{Filter, GroupKey, Report, emit, format, parse_timestamp};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invocation-logs")
}

fn read(path: &Path, filter: &Filter) -> Report {
    Report::from_path(path, filter, &mut |_| {}).expect("readable fixtures")
}

fn profile(name: &str, version: &str) -> GroupKey {
    GroupKey::Profile {
        name: name.into(),
        version: Some(version.into()),
    }
}

const LLAMA: &str = "meta.llama3-1-70b-instruct-v1:0";

#[test]
fn groups_by_profile_and_version_and_by_model_without_a_profile() {
    let mut bytes = 0;
    let report = Report::from_path(&fixtures(), &Filter::default(), &mut |n| bytes += n).unwrap();
    let size: u64 = [
        "s3/2025/04/part-1.json",
        "s3/2025/04/part-2.json.gz",
        "cloudwatch-export.txt",
    ]
    .iter()
    .map(|f| std::fs::metadata(fixtures().join(f)).unwrap().len())
    .sum();
    assert_eq!(bytes, size, "progress covers every byte read");
    assert_eq!(report.stats.files, 3);
    assert_eq!(report.stats.records, 4 + 1 + 6 + 2);
    let keys: Vec<String> = report
        .groups
        .groups
        .keys()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        keys,
        ["support v3", "support v4", &format!("(no profile) {LLAMA}")]
    );

    let v3 = &report.groups.groups[&profile("support", "3")];
    assert_eq!(
        (v3.calls, v3.errors, v3.throttled, v3.responses),
        (5, 1, 1, 4)
    );
    assert_eq!(v3.error_rate(), 0.2);
    assert_eq!(v3.output_tokens.sum(), 520);
    assert_eq!(v3.output_tokens.quantile(0.5), Some(120));
    assert_eq!(v3.output_tokens.quantile(0.95), Some(160));
    assert_eq!(v3.input_tokens.sum(), 120);
    assert_eq!(v3.latency_ms.quantile(0.5), Some(900));
    assert_eq!(v3.latency_ms.quantile(0.99), Some(1200));
    assert_eq!(v3.truncated, 0);

    // From the gzip file: a max_tokens stop, a guardrail refusal and a ValidationException.
    let v4 = &report.groups.groups[&profile("support", "4")];
    assert_eq!(
        (v4.calls, v4.errors, v4.throttled, v4.responses),
        (6, 1, 0, 5)
    );
    assert_eq!(v4.truncated_rate(), 0.2);
    assert_eq!(v4.refused_rate(), 0.2);
    assert_eq!(v4.output_tokens.quantile(0.5), Some(220));
    assert_eq!(v4.output_tokens.quantile(0.95), Some(2000));
    assert_eq!(v4.latency_ms.quantile(0.5), Some(1600));
    assert_eq!(v4.latency_ms.quantile(0.95), Some(3000));

    // The CloudWatch export: InvokeModel without metadata, native `stop_reason: length`, no latency.
    let llama = &report.groups.groups[&GroupKey::Model(LLAMA.into())];
    assert_eq!((llama.calls, llama.errors), (2, 0));
    assert_eq!(llama.input_tokens.sum(), 24);
    assert_eq!(llama.output_tokens.sum(), 110);
    assert_eq!(llama.truncated_rate(), 0.5);
    assert_eq!(llama.latency_ms.quantile(0.5), None);
}

#[test]
fn malformed_lines_are_counted_with_file_and_line_never_fatal() {
    let report = read(&fixtures(), &Filter::default());
    assert_eq!(report.stats.malformed, 2);
    let shown: Vec<String> = report
        .stats
        .malformed_examples
        .iter()
        .map(|m| {
            let file = m.file.strip_prefix(fixtures()).unwrap().display();
            format!("{file}:{}", m.line)
        })
        .collect();
    assert_eq!(
        shown,
        ["cloudwatch-export.txt:3", "s3/2025/04/part-1.json:3"]
    );
    let first = report.stats.malformed_examples[1].to_string();
    assert!(
        first.ends_with("part-1.json:3: skipped: not a log record: EOF while parsing a value at line 1 column 84"),
        "{first}"
    );
    // The record after the bad line still counts.
    assert_eq!(report.groups.groups[&profile("support", "3")].calls, 5);
}

#[test]
fn a_gzip_file_alone_and_the_export_timestamp_prefix() {
    let gz = read(
        &fixtures().join("s3/2025/04/part-2.json.gz"),
        &Filter::default(),
    );
    assert_eq!(gz.stats.records, 6);
    assert_eq!(gz.groups.groups.len(), 1);

    // The second export line's record has no `timestamp`: the export's prefix stands in, so `--until` sees it.
    let until = Filter {
        until_ms: parse_timestamp("2025-04-10T08:00:01Z"),
        ..Filter::default()
    };
    let export = read(&fixtures().join("cloudwatch-export.txt"), &until);
    assert_eq!(export.groups.filtered_out, 1);
    assert_eq!(
        export.groups.groups[&GroupKey::Model(LLAMA.into())].calls,
        1
    );
}

#[test]
fn since_until_and_profile_filter_records() {
    let filter = Filter {
        since_ms: parse_timestamp("2025-04-10"),
        ..Filter::default()
    };
    let report = read(&fixtures(), &filter);
    let keys: Vec<String> = report
        .groups
        .groups
        .keys()
        .map(ToString::to_string)
        .collect();
    assert_eq!(keys, ["support v4", &format!("(no profile) {LLAMA}")]);
    assert_eq!(report.groups.filtered_out, 5);

    let only = Filter {
        profile: Some("support".into()),
        until_ms: parse_timestamp("2025-04-10T00:00:00Z"),
        ..Filter::default()
    };
    let report = read(&fixtures(), &only);
    assert_eq!(report.groups.groups.len(), 1);
    assert!(report.groups.groups.contains_key(&profile("support", "3")));
}

#[test]
fn table_json_and_csv_carry_the_same_numbers() {
    let report = read(&fixtures(), &Filter::default());
    let table = format::table(&report.groups);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("PROFILE / MODEL"), "{table}");
    assert!(
        lines[2].starts_with("support v4")
            && lines[2].contains("16.7%")
            && lines[2].contains("3000 ms"),
        "{table}"
    );

    let json = format::json(&report.groups);
    let v4 = &json[1];
    assert_eq!(v4["group"], "support v4");
    assert_eq!(v4["profile"], "support");
    assert_eq!(v4["version"], "4");
    assert_eq!(v4["model"], Value::Null);
    assert_eq!(v4["calls"], 6);
    assert_eq!(v4["error_rate"], 0.1667);
    assert_eq!(v4["output_tokens_p95"], 2000);
    assert_eq!(v4["latency_ms_p99"], 3000);
    assert_eq!(v4["max_tokens_rate"], 0.2);
    assert_eq!(json[2]["latency_ms_p50"], Value::Null);
    assert_eq!(json[2]["model"], LLAMA);

    let csv = format::csv(&report.groups);
    let mut rows = csv.lines();
    let header: Vec<&str> = rows.next().unwrap().split(',').collect();
    let object = json[0].as_object().unwrap();
    let mut csv_columns = header.clone();
    csv_columns.sort_unstable();
    // Key order depends on serde_json's `preserve_order`, which another dependency may turn on.
    let mut json_keys: Vec<&str> = object.keys().map(String::as_str).collect();
    json_keys.sort_unstable();
    assert_eq!(csv_columns, json_keys);
    let v3: Vec<&str> = rows.next().unwrap().split(',').collect();
    let at = |name: &str| v3[header.iter().position(|h| *h == name).unwrap()];
    assert_eq!(at("group"), "support v3");
    assert_eq!(at("calls"), "5");
    assert_eq!(at("error_rate"), "0.2000");
    assert_eq!(at("latency_ms_p50"), "900");
}

#[test]
fn compare_puts_the_last_two_versions_side_by_side() {
    let report = read(&fixtures(), &Filter::default());
    let cmp = format::compare(&report.groups, "support").expect("two versions");
    assert_eq!((cmp.from.as_str(), cmp.to.as_str()), ("3", "4"));
    let table = cmp.table();
    assert!(table.starts_with("support"), "{table}");
    let row = |metric: &str| {
        table
            .lines()
            .find(|l| l.starts_with(metric))
            .unwrap_or_else(|| panic!("{metric} in {table}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(row("latency ms p50"), "latency ms p50 900 1600 +77.8%");
    assert_eq!(row("output tokens p50"), "output tokens p50 120 220 +83.3%");
    assert_eq!(
        row("max_tokens stops"),
        "max_tokens stops 0.0% 20.0% +20.0 pp"
    );
    assert_eq!(cmp.json()["metrics"][1]["metric"], "error rate");
    assert!(format::compare(&report.groups, "nope").is_none());
}

#[test]
fn emitted_queries_read_every_path_the_local_report_reads() {
    let insights = emit::logs_insights(&Filter::default());
    let athena = emit::athena(&Filter::default(), "bedrock_invocation_logs");
    for field in FIELDS {
        for path in field.paths {
            let dotted = format!("`{}`", path.join("."));
            assert!(insights.contains(&dotted), "{dotted} in\n{insights}");
            let json_path: String = std::iter::once("$".to_owned())
                .chain(path.iter().map(|k| format!("[\"{k}\"]")))
                .collect();
            assert!(
                athena.contains(&format!("json_extract_scalar(line, '{json_path}')")),
                "{json_path} in\n{athena}"
            );
        }
        assert!(
            insights.contains(&format!(" as {}", field.name)),
            "{}",
            field.name
        );
        assert!(
            athena.contains(&format!(" AS \"{}\"", field.name)),
            "{}",
            field.name
        );
    }
    assert!(insights.contains("by grp, version"), "{insights}");
    assert!(insights.contains("coalesce(profile, concat(\"(no profile) \", model)) as grp"));
    assert!(athena.contains("COALESCE(\"profile\", '(no profile) ' || \"model\") AS grp"));
    assert!(
        athena.contains("\"stop_reason\" IN ('max_tokens', 'length')"),
        "{athena}"
    );
    assert!(athena.contains("FROM \"bedrock_invocation_logs\"\n"));
    assert!(athena.trim_end().ends_with("GROUP BY 1, 2\nORDER BY 1, 2;"));
}

#[test]
fn emitted_queries_apply_the_filter() {
    let filter = Filter {
        since_ms: parse_timestamp("2025-04-10"),
        until_ms: None,
        profile: Some("it's".into()),
    };
    let insights = emit::logs_insights(&filter);
    assert!(
        insights.contains("| filter @timestamp >= 1744243200000\n"),
        "{insights}"
    );
    assert!(
        insights.contains("| filter profile = \"it's\"\n"),
        "{insights}"
    );
    let athena = emit::athena(&filter, "logs");
    assert!(
        athena.contains("WHERE from_iso8601_timestamp(\"timestamp\") >= from_unixtime(1744243200000 / 1000.0)\n  AND \"profile\" = 'it''s'\n"),
        "{athena}"
    );
}

#[test]
fn the_chart_is_an_svg_with_every_group() {
    let report = read(&fixtures(), &Filter::default());
    let svg = bedrock_profiles_cli::report::chart::svg(&report.groups).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..100]);
    for label in [
        "support v3",
        "support v4",
        "latency (ms): p50 and p95",
        "output tokens: p50 and p95",
    ] {
        assert!(svg.contains(label), "{label}");
    }
}

#[test]
fn chart_labels_are_escaped_and_cut() {
    use bedrock_profiles_cli::report::{Groups, Record, format::CELL_MAX_CHARS};
    let mut groups = Groups::default();
    let hostile = format!("<script>\u{1b}[31m&{}", "x".repeat(60_000));
    for name in [hostile.as_str(), "plain"] {
        groups.add(
            Record {
                profile: Some(name.into()),
                output_tokens: Some(5),
                latency_ms: Some(100),
                ..Record::default()
            },
            &Filter::default(),
        );
    }
    let svg = bedrock_profiles_cli::report::chart::svg(&groups).unwrap();
    // Control characters are not XML: none reaches the file, and markup in a name stays text.
    assert!(
        !svg.chars().any(|c| c.is_control() && c != '\n'),
        "a raw control character"
    );
    assert!(
        svg.contains("&lt;script&gt;\\u{1b}[31m&amp;xxx"),
        "{}",
        &svg[..2000.min(svg.len())]
    );
    assert!(!svg.contains("<script>"));
    // The 60,000-character name is one cut label, not a 60 KB axis.
    assert!(svg.len() < 40_000, "{} bytes", svg.len());
    // 19 characters before the x's once `\u{1b}` is spelled out, then the x's up to the cut and an ellipsis.
    let cut = format!("&amp;{}…", "x".repeat(CELL_MAX_CHARS - 20));
    assert!(svg.contains(&cut), "the label is cut with an ellipsis");
    assert!(svg.contains("plain"));
}

#[test]
fn quantiles_of_many_records_stay_within_the_sketch_error() {
    // 200k records of one group: the group holds counters and sketches, not the records.
    let line = |i: u64| {
        format!(
            r#"{{"timestamp":"2025-04-10T10:00:00Z","modelId":"m","requestMetadata":{{"bedrock-profile":"p","bedrock-profile-version":"1"}},"output":{{"outputTokenCount":{},"outputBodyJson":{{"metrics":{{"latencyMs":{}}}}}}}}}"#,
            i % 5000,
            (i * 7919) % 60_000
        )
    };
    let lines: Vec<String> = (0..200_000).map(line).collect();
    let report = Report::from_lines(lines.iter().map(String::as_str), &Filter::default());
    let group = &report.groups.groups[&profile("p", "1")];
    assert_eq!(group.calls, 200_000);
    let mut exact: Vec<u64> = (0..200_000u64).map(|i| (i * 7919) % 60_000).collect();
    exact.sort_unstable();
    for q in [0.5, 0.95, 0.99] {
        let want = exact[(q * exact.len() as f64).ceil() as usize - 1] as f64;
        let got = group.latency_ms.quantile(q).unwrap() as f64;
        assert!((got - want).abs() / want < 0.002, "p{q}: {got} vs {want}");
    }
}

/// A record of `profile` version `version` and `model`, with a latency.
fn record_line(profile: &str, version: &str, model: &str, latency: u64) -> String {
    serde_json::json!({
        "timestamp": "2025-04-10T10:00:00Z",
        "modelId": model,
        "requestMetadata": {"bedrock-profile": profile, "bedrock-profile-version": version},
        "output": {"outputTokenCount": 10, "outputBodyJson": {"metrics": {"latencyMs": latency}}},
    })
    .to_string()
}

#[test]
fn long_names_are_cut_in_tables_never_a_panic_or_a_wide_table() {
    // 70,000 characters: past the 65,535 a format width can be, and far wider than any terminal.
    let long = "n".repeat(70_000);
    let mut lines = vec![
        record_line(&long, "1", "m", 100),
        record_line(&long, "2", "m", 200),
    ];
    lines.extend((0..2000).map(|i| record_line(&format!("p{i}"), "1", "m", 100)));
    let report = Report::from_lines(lines.iter().map(String::as_str), &Filter::default());
    let table = format::table(&report.groups);
    assert_eq!(table.lines().count(), 2003);
    let widest = table.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest < 4 * format::CELL_MAX_CHARS, "{widest}");
    let cut = table.lines().find(|l| l.starts_with('n')).unwrap();
    assert!(
        cut.starts_with(&format!("{}…", "n".repeat(format::CELL_MAX_CHARS - 1))),
        "{cut}"
    );
    // JSON keeps the whole name.
    assert!(
        format::json(&report.groups)[0]["profile"]
            .as_str()
            .unwrap()
            .len()
            == 70_000
    );

    let cmp = format::compare(&report.groups, &long).expect("two versions");
    let table = cmp.table();
    let widest = table.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest < 4 * format::CELL_MAX_CHARS, "{widest}");
    assert!(table.starts_with(&"n".repeat(10)), "{table}");
}

#[test]
fn table_cells_show_control_characters_escaped_and_csv_guards_formulas() {
    let lines = [
        record_line("evil\u{1b}[2J\nrow\u{202e}", "1", "m", 100),
        record_line("=HYPERLINK(\"http://x\")", "1", "m", 100),
        record_line("+1", "-2", "@m", 100),
        record_line("plain", "1", "m", 100),
    ];
    let report = Report::from_lines(lines.iter().map(String::as_str), &Filter::default());
    let table = format::table(&report.groups);
    assert!(
        !table.chars().any(|c| c.is_control() && c != '\n'),
        "{table:?}"
    );
    assert!(!table.contains('\u{202e}'), "{table:?}");
    assert_eq!(table.lines().count(), 5, "{table}");
    assert!(
        table.contains("evil\\u{1b}[2J\\nrow\\u{202e} v1"),
        "{table}"
    );
    // JSON keeps the text as it was.
    let json = format::json(&report.groups);
    assert!(
        json.as_array()
            .unwrap()
            .iter()
            .any(|g| g["profile"] == "evil\u{1b}[2J\nrow\u{202e}")
    );

    let csv = format::csv(&report.groups);
    assert!(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), "{csv}");
    assert!(csv.contains(",'+1,'-2,"), "{csv}");
    assert!(csv.contains(",plain,1,"), "{csv}");
    for line in csv.lines().skip(1) {
        for cell in line.split(',') {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell} in {line}");
        }
    }
}

#[test]
fn athena_quotes_the_table_name() {
    let sql = emit::athena(&Filter::default(), "my-table");
    assert!(sql.contains("FROM \"my-table\"\n"), "{sql}");
    assert!(
        sql.contains("CREATE EXTERNAL TABLE `my-table` (line string)"),
        "{sql}"
    );
    let sql = emit::athena(&Filter::default(), "db.x\"; DROP TABLE t; --");
    assert!(
        sql.contains("FROM \"db\".\"x\"\"; DROP TABLE t; --\"\n"),
        "{sql}"
    );
    assert!(emit::check_table_name("logs\n; DROP TABLE t").is_err());
    assert!(emit::check_table_name("").is_err());
    assert!(emit::check_table_name("db.").is_err());
    assert!(emit::check_table_name("db.logs").is_ok());
}

#[test]
fn counts_past_count_max_make_a_record_malformed_not_saturated() {
    use bedrock_profiles_cli::report::fields::COUNT_MAX;
    let line = |n: &str| {
        format!(
            r#"{{"modelId":"m","requestMetadata":{{"bedrock-profile":"p"}},"output":{{"outputTokenCount":{n}}}}}"#
        )
    };
    let max = COUNT_MAX.to_string();
    let over = (COUNT_MAX + 1).to_string();
    let lines: Vec<String> = [
        "1e30",
        "18446744073709551616",
        "18446744073709551615",
        over.as_str(),
        "\"18446744073709551615\"",
        max.as_str(),
        "7",
    ]
    .iter()
    .map(|n| line(n))
    .collect();
    let report = Report::from_lines(lines.iter().map(String::as_str), &Filter::default());
    assert_eq!(report.stats.records, 2, "{:?}", report.stats);
    assert_eq!(report.stats.malformed, 5);
    for bad in &report.stats.malformed_examples {
        assert!(bad.reason.contains("is above 1099511627776"), "{bad}");
    }
    let group = &report.groups.groups[&GroupKey::Profile {
        name: "p".into(),
        version: None,
    }];
    assert_eq!(group.output_tokens.sum(), COUNT_MAX + 7);
}

#[test]
fn a_gz_file_that_is_not_gzip_is_an_error_naming_it() {
    use bedrock_profiles_cli::report::ReportError;
    let dir = tempfile::tempdir().unwrap();
    let good = record_line("p", "1", "m", 100);
    for (name, bytes) in [
        ("empty.json.gz", &b""[..]),
        ("plain.json.gz", good.as_bytes()),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        match Report::from_path(&path, &Filter::default(), &mut |_| {}) {
            Err(e @ ReportError::Read { .. }) => {
                let text = e.to_string();
                assert!(
                    text.contains(name) && text.contains("not a gzip file"),
                    "{text}"
                );
            }
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn a_line_past_line_max_bytes_is_skipped_and_counted() {
    use bedrock_profiles_cli::report::input::LINE_MAX_BYTES;
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let good = record_line("p", "1", "m", 100);
    let mut file = Vec::new();
    writeln!(file, "{good}").unwrap();
    file.extend(std::iter::repeat_n(b'x', LINE_MAX_BYTES + 10));
    file.push(b'\n');
    writeln!(file, "{good}").unwrap();
    // Exactly the cap is still a line.
    let padded = good.clone() + &" ".repeat(LINE_MAX_BYTES - good.len());
    writeln!(file, "{padded}").unwrap();
    // A last line without a newline, past the cap.
    file.extend(std::iter::repeat_n(b'y', LINE_MAX_BYTES + 1));
    for name in ["long.json", "long.json.gz"] {
        let path = dir.path().join(name);
        if name.ends_with(".gz") {
            let mut gz = flate2::write::GzEncoder::new(
                std::fs::File::create(&path).unwrap(),
                flate2::Compression::fast(),
            );
            gz.write_all(&file).unwrap();
            gz.finish().unwrap();
        } else {
            std::fs::write(&path, &file).unwrap();
        }
        let report = read(&path, &Filter::default());
        assert_eq!(report.stats.records, 3, "{name}: {:?}", report.stats);
        assert_eq!(report.stats.malformed, 2, "{name}");
        let lines: Vec<u64> = report
            .stats
            .malformed_examples
            .iter()
            .map(|m| m.line)
            .collect();
        assert_eq!(lines, [2, 5], "{name}");
        assert!(
            report.stats.malformed_examples[0]
                .reason
                .contains("longer than 16777216 bytes"),
            "{:?}",
            report.stats.malformed_examples
        );
    }
}

#[cfg(unix)]
#[test]
fn directory_links_are_not_followed_a_loop_ends_and_nothing_counts_twice() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let logs = dir.path().join("logs");
    std::fs::create_dir_all(logs.join("a/deeper")).unwrap();
    std::fs::create_dir_all(logs.join("b")).unwrap();
    let line = record_line("p", "1", "m", 100);
    std::fs::write(logs.join("a/deeper/1.json"), format!("{line}\n{line}\n")).unwrap();
    std::fs::write(logs.join("b/2.json"), format!("{line}\n")).unwrap();
    // A loop (a directory linking to its parent), a link to a sibling, a link to a file, a dangling link, and a
    // link to itself.
    symlink(&logs, logs.join("a/deeper/up")).unwrap();
    symlink(logs.join("a"), logs.join("b/sibling")).unwrap();
    symlink(logs.join("b/2.json"), logs.join("linked.json")).unwrap();
    symlink(logs.join("nowhere"), logs.join("dangling.json")).unwrap();
    symlink(logs.join("self"), logs.join("self")).unwrap();
    let input = bedrock_profiles_cli::report::Input::discover(&logs).unwrap();
    let names: Vec<_> = input
        .files
        .iter()
        .map(|f| f.strip_prefix(&logs).unwrap().display().to_string())
        .collect();
    assert_eq!(names, ["a/deeper/1.json", "b/2.json", "linked.json"]);
    let report = read(&logs, &Filter::default());
    assert_eq!(report.stats.records, 4);
}

#[test]
fn groups_past_groups_max_are_counted_together() {
    use bedrock_profiles_cli::report::{GROUPS_MAX, Groups, Record};
    let mut groups = Groups::default();
    let call = |name: String| Record {
        profile: Some(name),
        output_tokens: Some(5),
        ..Record::default()
    };
    for i in 0..GROUPS_MAX + 10 {
        groups.add(call(format!("p{i}")), &Filter::default());
    }
    // A kept group still gets its calls; an unseen one goes to the rest.
    groups.add(call("p0".into()), &Filter::default());
    groups.add(call("new".into()), &Filter::default());
    assert_eq!(groups.groups.len(), GROUPS_MAX + 1);
    assert_eq!(groups.overflow, 11);
    let other = &groups.groups[&GroupKey::Other];
    assert_eq!((other.calls, other.output_tokens.sum()), (11, 55));
    assert_eq!(groups.groups[&profile_none("p0")].calls, 2);
    let json = format::json(&groups);
    assert_eq!(
        json.as_array().unwrap().last().unwrap()["group"],
        "(other groups)"
    );
}

fn profile_none(name: &str) -> GroupKey {
    GroupKey::Profile {
        name: name.into(),
        version: None,
    }
}
