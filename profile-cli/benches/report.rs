//! Records per second of `bedrock-profiles report` on a generated log of 1 million invocation records (one core),
//! against a peer that parses each line into a `serde_json::Value` and reads the same fields from it.
//!
//! `cargo bench -p bedrock-profiles-cli --bench report` (optional: the record count as the first argument).
//!
//! Then the hostile inputs of the README's "Hostile files", each at x, 2x and 4x (about linear: ~4x from the first
//! to the last): many one-call groups (each with a huge token count), and the table of many groups with one
//! 60 KB name.

use bedrock_profiles_cli::report::{
    Filter, GroupKey, Groups, Input, Record, Report, format, parse_timestamp,
};
use serde_json::Value;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::time::Instant;

/// One record as Bedrock logs a Converse call (message text and all), about 900 bytes.
fn record(i: u64, rng: &mut u64) -> String {
    *rng = rng
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    let r = *rng >> 33;
    let profile = ["support", "summarise", "classify"][(i % 3) as usize];
    let version = 3 + (i / 3) % 2;
    let latency = 300 + r % 4000;
    let out = 20 + (r >> 12) % 1500;
    let metadata = if i % 10 == 9 {
        String::new()
    } else {
        format!(
            r#","requestMetadata":{{"bedrock-profile":"{profile}","bedrock-profile-version":"{version}"}}"#
        )
    };
    let tail = if r.is_multiple_of(50) {
        r#","errorCode":"ThrottlingException""#.to_owned()
    } else {
        let stop = if out > 1400 { "max_tokens" } else { "end_turn" };
        format!(
            r#","output":{{"outputContentType":"application/json","outputBodyJson":{{"output":{{"message":{{"role":"assistant","content":[{{"text":"Your order #{i} shipped today and should arrive within three business days. Anything else?"}}]}}}},"stopReason":"{stop}","metrics":{{"latencyMs":{latency}}},"usage":{{"inputTokens":182,"outputTokens":{out},"totalTokens":{}}}}},"outputTokenCount":{out}}}"#,
            182 + out
        )
    };
    format!(
        r#"{{"schemaType":"ModelInvocationLog","schemaVersion":"1.0","timestamp":"2025-04-10T{:02}:{:02}:{:02}Z","accountId":"123456789012","identity":{{"arn":"arn:aws:sts::123456789012:assumed-role/app/session"}},"region":"us-east-1","requestId":"0f0c2a6e-{i:012}","operation":"Converse","modelId":"anthropic.claude-3-5-sonnet-20241022-v2:0","input":{{"inputContentType":"application/json","inputBodyJson":{{"messages":[{{"role":"user","content":[{{"text":"Where is my order #{i}? It was due yesterday and the tracking page says \"label created\"."}}]}}],"system":[{{"text":"You are a helpful assistant. Answer questions about orders politely and briefly."}}],"inferenceConfig":{{"maxTokens":1500,"temperature":0.7}}}},"inputTokenCount":182}}{tail}{metadata}}}"#,
        (i / 3600) % 24,
        (i / 60) % 60,
        i % 60
    )
}

/// The peer: a whole `serde_json::Value` per line, the same fields read from it.
fn peer(path: &std::path::Path) -> (u64, Groups) {
    let mut groups = Groups::default();
    let mut n = 0;
    let filter = Filter::default();
    let file = BufReader::with_capacity(1 << 16, std::fs::File::open(path).unwrap());
    for line in file.lines() {
        let line = line.unwrap();
        let v: Value = serde_json::from_str(&line).unwrap();
        let text = |p: &str| v.pointer(p).and_then(Value::as_str).map(str::to_owned);
        let count = |a: &str, b: &str| {
            v.pointer(a)
                .or_else(|| v.pointer(b))
                .and_then(Value::as_u64)
        };
        let record = Record {
            timestamp_ms: text("/timestamp").and_then(|t| parse_timestamp(&t)),
            operation: text("/operation"),
            model: text("/modelId"),
            profile: text("/requestMetadata/bedrock-profile"),
            version: text("/requestMetadata/bedrock-profile-version"),
            input_tokens: count(
                "/input/inputTokenCount",
                "/output/outputBodyJson/usage/inputTokens",
            ),
            output_tokens: count(
                "/output/outputTokenCount",
                "/output/outputBodyJson/usage/outputTokens",
            ),
            latency_ms: v
                .pointer("/output/outputBodyJson/metrics/latencyMs")
                .and_then(Value::as_u64),
            stop_reason: text("/output/outputBodyJson/stopReason"),
            error_code: text("/errorCode"),
        };
        n += 1;
        groups.add(record, &filter);
    }
    (n, groups)
}

fn main() {
    let count: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let dir = std::env::temp_dir().join(format!("bedrock-profiles-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("invocations.json");
    {
        let mut out = BufWriter::new(std::fs::File::create(&path).unwrap());
        let mut rng = 42;
        for i in 0..count {
            writeln!(out, "{}", record(i, &mut rng)).unwrap();
        }
    }
    let bytes = std::fs::metadata(&path).unwrap().len();
    let input = Input::discover(&path).unwrap();

    // Warm the page cache once, then time each reader once over the same file.
    let _ = peer(&path);
    let start = Instant::now();
    let report = Report::from_input(&input, &Filter::default(), &mut |_| {}).unwrap();
    let ours = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let (n, groups) = peer(&path);
    let theirs = start.elapsed().as_secs_f64();
    assert_eq!(report.stats.records, count);
    assert_eq!(n, count);
    assert_eq!(groups, report.groups, "both readers agree");
    std::fs::remove_dir_all(&dir).unwrap();

    let mb = bytes as f64 / 1e6;
    let support = GroupKey::Profile {
        name: "support".into(),
        version: Some("4".into()),
    };
    println!(
        "{count} records, {mb:.0} MB, {} groups (support v4: {} calls)",
        report.groups.groups.len(),
        report.groups.groups[&support].calls
    );
    println!("| reader | time | records/s | MB/s | ratio |");
    println!("|---|---|---|---|---|");
    for (name, secs) in [
        ("`report` (field-path extractor)", ours),
        ("`serde_json::Value` per line", theirs),
    ] {
        println!(
            "| {name} | {secs:.2} s | {:.0} | {:.0} | {:.2}x |",
            count as f64 / secs,
            mb / secs,
            secs / ours
        );
    }
    hostile();
}

/// Seconds of `f`, the best of three.
fn best_of_3<T>(mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut out = None;
    for _ in 0..3 {
        let start = Instant::now();
        let value = f();
        best = best.min(start.elapsed().as_secs_f64());
        out = Some(value);
    }
    (best, out.unwrap())
}

/// The hostile inputs of the README's "Hostile files", at x, 2x and 4x.
fn hostile() {
    println!();
    println!("| input | x | 2x | 4x | ratio 4x / x (linear: ~4) |");
    println!("|---|---|---|---|---|");
    // One call per group, each with 2^40 output tokens: a sketch per group sized to its largest value would cost
    // 131 KB each.
    let groups = |n: usize| {
        let mut groups = Groups::default();
        for i in 0..n {
            groups.add(
                Record {
                    profile: Some(format!("p{i}")),
                    output_tokens: Some(1 << 40),
                    latency_ms: Some(1 << 40),
                    ..Record::default()
                },
                &Filter::default(),
            );
        }
        groups
    };
    let sizes = [25_000, 50_000, 100_000];
    let times: Vec<f64> = sizes.iter().map(|&n| best_of_3(|| groups(n)).0).collect();
    row("one-call groups, 2^40 tokens each (25k, 50k, 100k)", &times);
    // The table of n groups, one of them named with 60 KB.
    let sizes = [2_000, 4_000, 8_000];
    let mut bytes = Vec::new();
    let times: Vec<f64> = sizes
        .iter()
        .map(|&n| {
            let mut g = groups(n);
            g.add(
                Record {
                    profile: Some("x".repeat(60_000)),
                    ..Record::default()
                },
                &Filter::default(),
            );
            let (secs, table) = best_of_3(|| format::table(&g));
            bytes.push(table.len());
            secs
        })
        .collect();
    row("table of n groups, one 60 KB name (2k, 4k, 8k)", &times);
    println!("table bytes: {} / {} / {}", bytes[0], bytes[1], bytes[2]);
}

fn row(name: &str, secs: &[f64]) {
    println!(
        "| {name} | {:.3} s | {:.3} s | {:.3} s | {:.1}x |",
        secs[0],
        secs[1],
        secs[2],
        secs[2] / secs[0]
    );
}
