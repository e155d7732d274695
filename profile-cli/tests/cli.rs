//! The `bedrock-profiles` command, run as a built binary: exit codes and output.
// These tests pin the rules on models past their end of life too: their profiles warn (`deprecated`).
#![allow(deprecated)]

use serde_json::Value;
use std::process::Command;

mod support;

use support::{BIN, json, run, stderr, stdout};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../profile-core/tests/files/bedrock.toml"
);
const SEED_JSON: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../profile-core/tests/files/bedrock.json"
);
const BROKEN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../profile-core/tests/files/broken.toml"
);

#[test]
fn check_exit_codes() {
    let ok = run(&["check", SEED, SEED_JSON]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert!(stdout(&ok).contains("bedrock.toml: ok (2 profiles, 1 prompts, 1 agents)"));
    // The fixture's model is past its end of life: a warning per declaration that names it, and still exit 0.
    let err = stderr(&ok);
    // Each at the line and column of its key.
    for key_path in [
        "3:1: profiles.high-quality.model",
        "14:1: prompts.greeting.model",
        "24:1: agents.support.model",
    ] {
        assert!(
            err.contains(&format!(
                "bedrock.toml:{key_path}: anthropic.claude-3-5-sonnet-20241022-v2:0 reaches end of life on Bedrock on 2026-07-30"
            )),
            "{err}"
        );
    }
    assert!(err.starts_with("warning: "), "{err}");

    let broken = run(&["check", SEED, BROKEN]);
    assert_eq!(broken.status.code(), Some(1));
    let err = stderr(&broken);
    assert!(
        err.contains("error: `temperature` must be within 0.0..=1.0, found 1.5\n --> "),
        "{err}"
    );
    assert!(err.contains("broken.toml:3:15\n"), "{err}");
    assert!(
        err.contains("^^^ profiles.high-quality.temperature"),
        "{err}"
    );
    assert!(err.contains("due to 9 previous errors"), "{err}");
    assert!(!err.contains("\u{1b}["), "no colors when not a terminal");

    let missing = run(&["check", "/nonexistent/bedrock.toml"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).starts_with("error: cannot read `/nonexistent/bedrock.toml`"));

    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn help_for_every_subcommand() {
    let help = run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    for sub in ["check", "export", "models"] {
        assert!(stdout(&help).contains(sub));
        let o = run(&[sub, "--help"]);
        assert_eq!(o.status.code(), Some(0));
        assert!(stdout(&o).contains("Usage: bedrock-profiles"), "{sub}");
    }
    let export = stdout(&run(&["export", "--help"]));
    assert!(
        export.contains("base_prompt_templates.orchestration"),
        "{export}"
    );
    assert!(export.contains("cloudformation"), "{export}");
}

#[test]
fn export_bodies() {
    let one = run(&[
        "export",
        SEED,
        "--to",
        "converse",
        "--name",
        "creative",
        "--message",
        "Hi",
    ]);
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    let body = json(&one);
    assert_eq!(body["modelId"], "anthropic.claude-3-5-sonnet-20241022-v2:0");
    assert_eq!(body["inferenceConfig"]["temperature"], 1.0);
    assert_eq!(body["inferenceConfig"]["topP"], 0.9);
    assert_eq!(body["messages"][0]["content"][0]["text"], "Hi");
    assert_eq!(body["requestMetadata"]["bedrock-profile"], "creative");

    let all = json(&run(&[
        "export",
        SEED,
        "--to",
        "invoke-model",
        "--message",
        "Hi",
    ]));
    let all = all.as_array().expect("two profiles: an array");
    assert_eq!(all.len(), 2);
    assert_eq!(all[0]["anthropic_version"], "bedrock-2023-05-31");
    assert_eq!(all[0]["temperature"], 0.7);

    let prompts = json(&run(&["export", SEED, "--to", "create-prompt"]));
    let prompts = prompts.as_array().expect("two variants: an array");
    assert_eq!(prompts[0]["name"], "greeting");
    assert_eq!(prompts[1]["name"], "greeting-concise");
    assert_eq!(
        prompts[0]["variants"][0]["templateConfiguration"]["text"]["inputVariables"],
        serde_json::json!([{"name": "customer"}, {"name": "topic"}])
    );

    let agent = json(&run(&["export", SEED, "--to", "create-agent"]));
    assert_eq!(agent["agentName"], "support");
    assert_eq!(agent["idleSessionTTLInSeconds"], 600);
    let step = &agent["promptOverrideConfiguration"]["promptConfigurations"][0];
    assert_eq!(step["promptType"], "ORCHESTRATION");
    assert_eq!(
        step["basePromptTemplate"],
        "$instruction$ Answer the question: $question$"
    );
    assert_eq!(step["inferenceConfiguration"]["maximumLength"], 2000);

    let cfn = json(&run(&["export", SEED_JSON, "--to", "cloudformation"]));
    assert_eq!(
        cfn["Resources"]["GreetingPrompt"]["Type"],
        "AWS::Bedrock::Prompt"
    );
    assert_eq!(
        cfn["Resources"]["SupportAgent"]["Type"],
        "AWS::Bedrock::Agent"
    );
}

const SEARCH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/search.toml");

#[test]
fn export_application_inference_profiles() {
    let deploy = |extra: &[&str]| {
        let mut args = vec!["export", SEARCH, "--to", "create-inference-profile"];
        args.extend(extra);
        run(&args)
    };
    let target = ["--region", "us-east-1", "--account", "123456789012"];
    // The profiles that declare tags (`search-eu` inherits them).
    let tagged = deploy(&target);
    assert_eq!(tagged.status.code(), Some(0), "{}", stderr(&tagged));
    let tagged = json(&tagged);
    let tagged = tagged.as_array().expect("two profiles: an array");
    assert_eq!(tagged[0]["inferenceProfileName"], "search-answers");
    assert_eq!(
        tagged[0]["modelSource"]["copyFrom"],
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0"
    );
    assert_eq!(
        tagged[1]["tags"],
        serde_json::json!([{"key": "team", "value": "search"}, {"key": "cost-center", "value": "4711"}])
    );
    let named = json(&deploy(&[&target[..], &["--name", "classify"]].concat()));
    assert_eq!(
        named["modelSource"]["copyFrom"],
        "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
    );
    assert!(named.get("tags").is_none());
    assert_eq!(
        json(&deploy(&[&target[..], &["--all-profiles"]].concat()))
            .as_array()
            .map(Vec::len),
        Some(3)
    );
    // Region and account are required and checked.
    let missing = deploy(&["--region", "us-east-1"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("needs `--region` and `--account`"));
    let bad = deploy(&["--region", "us-east-1", "--account", "42"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("the account `42` must be a 12-digit AWS account id"));

    // `us.` and `eu.` copies cannot share a stack (one region): one template per geography.
    let both = run(&["export", SEARCH, "--to", "cloudformation"]);
    assert_eq!(both.status.code(), Some(1));
    assert!(
        stderr(&both).starts_with(&format!(
            "error: {SEARCH}: profiles.search-eu: profile `search-answers-eu` copies a cross-region profile of \
             geography `eu.` and profile `search-answers` one of `us.`"
        )),
        "{}",
        stderr(&both)
    );
    assert!(
        stderr(&both).contains(
            "; `export --to cloudformation` takes one geography at a time: `--geography us`, then `--geography eu`"
        ),
        "{}",
        stderr(&both)
    );
    let eu = json(&run(&[
        "export",
        SEARCH,
        "--to",
        "cloudformation",
        "--geography",
        "eu",
    ]));
    let mut eu_ids: Vec<&String> = eu["Resources"].as_object().unwrap().keys().collect();
    eu_ids.sort();
    assert_eq!(eu_ids, ["SearchAnswersEuProfile", "SearchPromptPrompt"]);
    let cfn = json(&run(&[
        "export",
        SEARCH,
        "--to",
        "cloudformation",
        "--geography",
        "us",
    ]));
    let resources = cfn["Resources"].as_object().unwrap();
    let mut ids: Vec<&String> = resources.keys().collect();
    ids.sort();
    assert_eq!(ids, ["SearchAnswersProfile", "SearchPromptPrompt"]);
    let unknown = run(&[
        "export",
        SEARCH,
        "--to",
        "cloudformation",
        "--geography",
        "mars",
    ]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("`--geography mars` is no geography; one of: us, eu"));
    assert_eq!(
        resources["SearchPromptPrompt"]["Properties"]["Variants"][0]["ModelId"],
        serde_json::json!({"Fn::GetAtt": ["SearchAnswersProfile", "InferenceProfileArn"]})
    );
    assert!(cfn["Outputs"]["SearchAnswersProfileArn"].is_object());
    let all = json(&run(&[
        "export",
        SEARCH,
        "--to",
        "cloudformation",
        "--all-profiles",
        "--geography",
        "us",
    ]));
    assert!(all["Resources"]["ClassifyProfile"].is_object());
}

#[test]
fn export_errors() {
    let none = run(&["export", SEED, "--to", "converse", "--name", "nope"]);
    assert_eq!(none.status.code(), Some(2));
    assert!(stderr(&none).contains("declares no profile named `nope`"));
    assert_eq!(
        run(&["export", SEED, "--to", "yaml"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["export", BROKEN, "--to", "converse"]).status.code(),
        Some(1)
    );
    // A step profile without its base prompt template cannot be sent.
    let dir = std::env::temp_dir().join(format!("bedrock-profiles-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("agent.toml");
    std::fs::write(
        &file,
        std::fs::read_to_string(SEED)
            .unwrap()
            .replace("base_prompt_templates.orchestration", "description"),
    )
    .unwrap();
    let o = run(&["export", file.to_str().unwrap(), "--to", "create-agent"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("ORCHESTRATION step has a profile but no base prompt template"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn models_lists_the_catalog() {
    let table = run(&["models"]);
    assert_eq!(table.status.code(), Some(0));
    let text = stdout(&table);
    let haiku = text
        .lines()
        .find(|l| l.starts_with("anthropic.claude-3-haiku-20240307-v1:0 "))
        .expect("Claude 3 Haiku listed");
    assert!(haiku.contains(" 4096 "), "{haiku}");
    let list = json(&run(&["models", "--json"]));
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), bedrock_profiles::models::CATALOG.len());
    let titan = list
        .iter()
        .find(|m| m["id"] == "amazon.titan-text-lite-v1")
        .unwrap();
    assert_eq!(titan["top_k"], Value::Null);
    assert_eq!(titan["agents"], false);
    // Every model gives the source of each figure, and its lifecycle with sources.
    for m in list {
        for figure in [
            "max_output_tokens",
            "limits",
            "prefixes",
            "sampling",
            "reasoning",
            "on_demand",
        ] {
            let source = m["sources"][figure].as_str().unwrap_or_default();
            assert!(!source.is_empty(), "{}: no source for {figure}", m["id"]);
        }
    }
    let sonnet_4 = list
        .iter()
        .find(|m| m["id"] == "anthropic.claude-sonnet-4-20250514-v1:0")
        .unwrap();
    assert_eq!(sonnet_4["end_of_life"]["date"], "2026-10-14");
    assert_eq!(
        sonnet_4["end_of_life"]["source"],
        "LiteLLM 1.110.2 model table"
    );
    assert_eq!(
        sonnet_4["prefixes"],
        serde_json::json!(["us", "eu", "apac", "global"])
    );
    let haiku_4_5 = list
        .iter()
        .find(|m| m["id"] == "anthropic.claude-haiku-4-5-20251001-v1:0")
        .unwrap();
    assert_eq!(haiku_4_5["end_of_life"]["only"], "eu");
    let sonnet_3 = list
        .iter()
        .find(|m| m["id"] == "anthropic.claude-3-sonnet-20240229-v1:0")
        .unwrap();
    assert_eq!(sonnet_3["legacy"], true);
    assert!(
        sonnet_3["legacy_since"]["source"]
            .as_str()
            .unwrap()
            .contains("AWS CDK")
    );
    let table = stdout(&run(&["models"]));
    assert!(
        table.contains(
            "    note: end of life on 2026-10-15, the `eu.` cross-region profile only (LiteLLM"
        ),
        "{table}"
    );
}

/// Every name the pinned LiteLLM table lists for a catalog model passes `check`: warnings (an end of life, a
/// prefix no source lists yet) but no error.
#[test]
fn check_accepts_every_litellm_pair() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../profile-core/tests/files/litellm-pairs.toml"
    );
    let out = run(&["check", file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(!err.contains("error"), "{err}");
    assert!(
        err.contains("eu.anthropic.claude-haiku-4-5-20251001-v1:0 reaches end of life on Bedrock on 2026-10-15"),
        "{err}"
    );
}

/// The output stream a test closes early.
#[derive(Clone, Copy, PartialEq)]
enum Closed {
    Stdout,
    Stderr,
}

/// Runs the command with the read end of `closed` shut early, like `| head -1` or `2>&1 | head -1`: after reading
/// `lines` lines, or, for 0, before the command starts (deterministic, however fast it writes). Returns the exit
/// status and the other stream's text.
fn run_with_closed(
    closed: Closed,
    args: &[&str],
    lines: usize,
) -> (std::process::ExitStatus, String) {
    use std::io::BufRead;
    use std::process::Stdio;
    let mut command = Command::new(BIN);
    command.args(args);
    let attach = |command: &mut Command, stdio: Stdio| {
        match closed {
            Closed::Stdout => command.stdout(stdio).stderr(Stdio::piped()),
            Closed::Stderr => command.stderr(stdio).stdout(Stdio::piped()),
        };
    };
    let child = if lines == 0 {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        attach(&mut command, writer.into());
        command.spawn().unwrap()
    } else {
        attach(&mut command, Stdio::piped());
        let mut child = command.spawn().unwrap();
        let stream: Box<dyn std::io::Read> = match closed {
            Closed::Stdout => Box::new(child.stdout.take().unwrap()),
            Closed::Stderr => Box::new(child.stderr.take().unwrap()),
        };
        let mut reader = std::io::BufReader::new(stream);
        for _ in 0..lines {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
        }
        child
    };
    // `command` holds the pipe's write end: without dropping it, a reader could wait forever.
    drop(command);
    let output = child.wait_with_output().unwrap();
    let other = match closed {
        Closed::Stdout => stderr(&output),
        Closed::Stderr => stdout(&output),
    };
    (output.status, other)
}

/// Exit status 0, or killed by SIGPIPE as a C program would be; never a panic (101).
fn assert_quiet_exit(status: std::process::ExitStatus, err: &str, what: &str) {
    assert!(!err.contains("panicked"), "{what}: {err}");
    assert!(!err.contains("Broken pipe"), "{what}: {err}");
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        const SIGPIPE: i32 = 13;
        assert!(
            status.code() == Some(0) || status.signal() == Some(SIGPIPE),
            "{what}: {status}, {err}"
        );
    }
    #[cfg(not(unix))]
    assert_eq!(status.code(), Some(0), "{what}: {err}");
}

#[test]
fn closed_stdout_is_a_quiet_exit() {
    for (args, lines) in [
        (&["models"][..], 0),
        (&["models"][..], 1),
        (&["models", "--json"][..], 1),
        (&["check", SEED, SEED_JSON][..], 0),
    ] {
        let (status, err) = run_with_closed(Closed::Stdout, args, lines);
        assert_quiet_exit(status, &err, &format!("{args:?} after {lines} lines"));
    }

    // `check` still checks every file, and its status still says whether they are valid.
    let (status, err) = run_with_closed(Closed::Stdout, &["check", SEED, BROKEN], 0);
    assert_eq!(status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.contains("`temperature` must be within 0.0..=1.0"),
        "{err}"
    );

    // Far more output than a pipe buffers, so the command is still writing when the reader goes away.
    let dir = std::env::temp_dir().join(format!("bedrock-profiles-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("many.toml");
    let mut toml = String::new();
    for i in 0..500 {
        toml.push_str(&format!(
            "[profiles.p{i}]\nmodel = \"anthropic.claude-3-5-sonnet-20241022-v2:0\"\ntemperature = 0.5\n\
             max_tokens = 1000\nstop_sequences = [\"Human:\", \"Assistant:\"]\n\n"
        ));
    }
    std::fs::write(&file, toml).unwrap();
    let file = file.to_str().unwrap();
    let full = run(&["export", file, "--to", "converse", "--message", "Hi"]);
    assert_eq!(full.status.code(), Some(0), "{}", stderr(&full));
    assert!(full.stdout.len() > 128 * 1024, "{}", full.stdout.len());
    for lines in [0, 1] {
        let (status, err) =
            run_with_closed(Closed::Stdout, &["export", file, "--to", "converse"], lines);
        assert_quiet_exit(status, &err, &format!("export after {lines} lines"));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

const LOGS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/invocation-logs"
);

#[test]
fn report_prints_groups_and_reports_malformed_lines() {
    let out = run(&["report", LOGS]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = stdout(&out);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 4, "{table}");
    assert!(lines[1].starts_with("support v3 "), "{table}");
    assert!(
        lines[3].starts_with("(no profile) meta.llama3-1-70b-instruct-v1:0 "),
        "{table}"
    );
    let err = stderr(&out);
    assert!(
        err.contains("part-1.json:3: skipped: not a log record: "),
        "{err}"
    );
    assert!(
        err.contains("cloudwatch-export.txt:3: skipped: not a JSON object"),
        "{err}"
    );
    assert!(
        !err.contains('\r'),
        "no progress bar when stderr is not a terminal"
    );

    let json = json(&run(&[
        "report",
        LOGS,
        "--format",
        "json",
        "--profile",
        "support",
        "--since",
        "2025-04-10",
    ]));
    assert_eq!(json.as_array().map(Vec::len), Some(1));
    assert_eq!(json[0]["group"], "support v4");

    for bad in ["2025-02-31", "2025-04-09T99:99:99Z"] {
        for flag in ["--since", "--until"] {
            let out = run(&["report", LOGS, flag, bad]);
            assert_eq!(out.status.code(), Some(2), "{flag} {bad}");
            assert!(
                stderr(&out).contains(&format!(
                    "`{flag}` must be an RFC 3339 time or a date like 2025-04-09, found `{bad}`"
                )),
                "{}",
                stderr(&out)
            );
            assert!(stdout(&out).is_empty());
        }
    }

    let csv = stdout(&run(&["report", LOGS, "--format", "csv"]));
    assert!(
        csv.starts_with("group,profile,version,model,models,calls,"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 4);
}

#[test]
fn report_compare_svg_and_emit() {
    let cmp = run(&["report", LOGS, "--compare", "support", "--format", "json"]);
    assert_eq!(cmp.status.code(), Some(0), "{}", stderr(&cmp));
    let cmp = json(&cmp);
    assert_eq!(
        (cmp["from"].as_str(), cmp["to"].as_str()),
        (Some("3"), Some("4"))
    );

    let missing = run(&["report", LOGS, "--compare", "nope"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("error: the logs hold fewer than two versions of profile `nope`")
    );

    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("chart.svg");
    let out = run(&["report", LOGS, "--svg", svg.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));

    let athena = run(&[
        "report",
        "--emit",
        "athena",
        "--table",
        "logs",
        "--profile",
        "support",
    ]);
    assert_eq!(athena.status.code(), Some(0));
    assert!(stdout(&athena).contains("FROM \"logs\"\n"));
    let bad = run(&[
        "report",
        "--emit",
        "athena",
        "--table",
        "logs\n; DROP TABLE t",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("must not hold control characters"),
        "{}",
        stderr(&bad)
    );
    assert!(stdout(&bad).is_empty());
    assert!(stdout(&athena).contains("WHERE \"profile\" = 'support'"));
    assert!(
        stdout(&run(&["report", "--emit", "logs-insights"])).contains("| stats count(*) as calls,")
    );

    let bad = run(&["report", LOGS, "--until", "tomorrow"]);
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(
        stderr(&bad),
        "error: `--until` must be an RFC 3339 time or a date like 2025-04-09, found `tomorrow`\n"
    );
    let none = run(&["report", "/nonexistent/logs"]);
    assert_eq!(none.status.code(), Some(2));
    assert!(stderr(&none).starts_with("error: cannot read `/nonexistent/logs`: "));
    assert_eq!(run(&["report"]).status.code(), Some(2));
}

/// A temporary directory for files a test writes.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "bedrock-profiles-cli-{name}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn hostile_files_get_a_clear_answer() {
    let dir = scratch("hostile");
    // A byte-order mark is ignored, in JSON as in TOML.
    let bom_json = dir.join("bom.json");
    std::fs::write(
        &bom_json,
        "\u{feff}{\"profiles\": {\"p\": {\"temperature\": 0.5}}}",
    )
    .unwrap();
    let bom_toml = dir.join("bom.toml");
    std::fs::write(&bom_toml, "\u{feff}[profiles.p]\ntemperature = 0.5\n").unwrap();
    for file in [&bom_json, &bom_toml] {
        let o = run(&["check", file.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(
            stdout(&o).ends_with("ok (1 profiles, 0 prompts, 0 agents)\n"),
            "{}",
            stdout(&o)
        );
    }
    // Invalid UTF-8 is a broken declaration (status 1) at its place, not an I/O error (status 2).
    let latin1 = dir.join("latin1.toml");
    std::fs::write(&latin1, b"[profiles.p]\ndescription = \"caf\xe9\"\n").unwrap();
    let o = run(&["check", latin1.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("error: the file is not UTF-8 text: invalid byte 0xe9 at byte offset 31"),
        "{err}"
    );
    assert!(err.contains("latin1.toml:2:19"), "{err}");
    // An empty file is valid, and the command says it declares nothing.
    let empty = dir.join("empty.toml");
    std::fs::write(&empty, "").unwrap();
    let o = run(&["check", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("declares nothing"), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn an_endless_file_is_refused_not_read() {
    let o = run(&["check", "/dev/zero"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: `/dev/zero` is larger than 64 MiB, more than any declaration file needs; it was not read\n"
    );
}

/// One declaration file per catalog model: a profile on the model (cross-region on every other one, tags on every
/// third), a prompt sent with it, and an agent when Bedrock Agents takes the model. Written into `dir`.
fn generated_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    use bedrock_profiles::models::{CATALOG, Sampling};
    let mut files = Vec::new();
    for (i, m) in CATALOG.iter().enumerate() {
        let prefixes = m.facts.prefixes.list();
        let id = match prefixes.get(i % prefixes.len().max(1)) {
            Some(geo) if !m.on_demand || i % 2 == 0 => format!("{}.{}", geo.prefix(), m.id),
            _ => m.id.to_owned(),
        };
        let mut toml = format!(
            "[profiles.main]\nmodel = \"{id}\"\nmax_tokens = {}\n",
            m.limits.max_output_tokens.min(1024)
        );
        if matches!(m.facts.sampling, Sampling::Free) {
            toml.push_str("temperature = 0.5\n");
        }
        if i % 3 == 0 {
            toml.push_str(
                "description = \"Generated for the export test\"\ntags = { team = \"test\" }\n",
            );
        }
        toml.push_str("\n[prompts.ask]\nprofile = \"main\"\ntext = \"Answer {{question}}\"\n");
        if m.agents {
            toml.push_str(&format!(
                "\n[agents.helper]\ninstruction = \"You are a helpful assistant. Answer questions politely and briefly.\"\n\
                 model = \"{id}\"\nprofile = \"main\"\nbase_prompt_templates.orchestration = \"$instruction$ $question$\"\n"
            ));
        }
        let path = dir.join(format!("model-{i}.toml"));
        std::fs::write(&path, toml).unwrap();
        files.push(path);
    }
    // Deployed profiles of several geographies in one file.
    let path = dir.join("geographies.toml");
    std::fs::write(
        &path,
        "[profiles.us]\nmodel = \"us.anthropic.claude-sonnet-4-6\"\ntags = { team = \"a\" }\n\
         [profiles.eu]\nmodel = \"eu.anthropic.claude-sonnet-4-6\"\ntags = { team = \"a\" }\n\
         [profiles.global]\nmodel = \"global.anthropic.claude-sonnet-4-6\"\ntags = { team = \"a\" }\n\
         [profiles.converse-only]\ndescription = \"Prose, with a comma\"\nmax_tokens = 100\n",
    )
    .unwrap();
    files.push(path);
    files
}

/// `check` knows everything `export` knows: every file it accepts exports to every target the rulebook covers
/// (Converse, CreatePrompt, CreateAgent, CreateInferenceProfile, CloudFormation), over the test fixtures and one
/// generated file per catalog model. A file whose deployed profiles span geographies is a `check` warning, and its
/// template is exported per geography.
#[test]
fn export_succeeds_on_every_file_check_accepts() {
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = scratch("export-what-check-accepts");
    let mut files: Vec<std::path::PathBuf> = [
        "../profile-core/tests/files",
        "tests/fixtures",
        "../tests/fixtures",
        "../tests/ui/files",
    ]
    .iter()
    .flat_map(|d| std::fs::read_dir(format!("{root}/{d}")).unwrap())
    .map(|e| e.unwrap().path())
    .filter(|p| p.extension().is_some_and(|e| e == "toml" || e == "json"))
    .collect();
    let generated = generated_files(&dir);
    files.extend(generated.iter().cloned());
    let (mut accepted, mut generated_accepted, mut split) = (0, 0, 0);
    for file in &files {
        let f = file.to_str().unwrap();
        let check = run(&["check", f]);
        if check.status.code() != Some(0) {
            continue;
        }
        accepted += 1;
        generated_accepted += usize::from(generated.contains(file));
        let warnings = stderr(&check);
        let spans_geographies = warnings.contains("takes one geography at a time: `--geography");
        for target in [
            "converse",
            "create-prompt",
            "create-agent",
            "create-inference-profile",
            "cloudformation",
        ] {
            let mut args = vec!["export", f, "--to", target];
            if target == "create-inference-profile" {
                args.extend(["--region", "us-east-1", "--account", "123456789012"]);
            }
            let out = run(&args);
            let nothing = out.status.code() == Some(2) && stderr(&out).contains("declares no");
            if target == "cloudformation" && spans_geographies {
                assert_eq!(out.status.code(), Some(1), "{f}: {}", stderr(&out));
                assert!(stderr(&out).contains("--geography"), "{}", stderr(&out));
                split += 1;
                for geo in ["us", "eu", "apac", "jp", "au", "in", "us-gov"] {
                    let out = run(&[&args[..], &["--geography", geo]].concat());
                    assert_eq!(out.status.code(), Some(0), "{f} {geo}: {}", stderr(&out));
                }
                continue;
            }
            assert!(
                out.status.success() || nothing,
                "`check` accepts {f}, but `export --to {target}` fails: {}",
                stderr(&out)
            );
        }
    }
    // The set means something: most generated files are valid, and the several-geographies file is one of them.
    assert!(
        generated_accepted * 10 >= generated.len() * 9,
        "only {generated_accepted} of {} generated files pass `check`",
        generated.len()
    );
    assert!(accepted > generated_accepted);
    // tests/fixtures/search.toml (`us.` and `eu.` copies of one profile) and the generated geographies.toml.
    assert_eq!(split, 2);
    let geographies = run(&["check", dir.join("geographies.toml").to_str().unwrap()]);
    let warnings = stderr(&geographies);
    assert!(
        warnings
            .contains("profiles.converse-only.description: `description` of a deployed profile"),
        "{warnings}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// `check` refuses what `include_profiles!` refuses: two tables that would take the same Rust name.
#[test]
fn check_refuses_tables_with_the_same_rust_name() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/ui/files/clashing-names.toml"
    );
    let out = run(&["check", file]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "`profiles.fast` and `prompts.fast` both become the const `FAST` in Rust (`include_profiles!`); rename \
             one of the tables"
        ),
        "{err}"
    );
    assert!(err.contains("clashing-names.toml:4:"), "{err}");
}

#[test]
fn closed_stderr_is_not_a_panic_and_every_file_is_checked() {
    // Far more errors than a pipe buffers (64 KiB), so the command is still writing when the reader goes away.
    let dir = scratch("closed-stderr");
    let bad = dir.join("bad.toml");
    let mut toml = String::new();
    for i in 0..3000 {
        toml.push_str(&format!(
            "[profiles.p{i}]\nmodel = \"anthropic.claude-3-5-sonnet-20241022-v2:0\"\ntemperature = 5.0\n\n"
        ));
    }
    std::fs::write(&bad, toml).unwrap();
    let bad = bad.to_str().unwrap();
    let full = run(&["check", bad]);
    assert_eq!(full.status.code(), Some(1));
    assert!(full.stderr.len() > 128 * 1024, "{}", full.stderr.len());
    for lines in [0, 1] {
        let (status, out) = run_with_closed(Closed::Stderr, &["check", bad, SEED], lines);
        // 101 would be a panic.
        assert_eq!(
            status.code(),
            Some(1),
            "after {lines} lines: {status} {out}"
        );
        assert!(
            out.contains(&format!("{SEED}: ok")),
            "after {lines} lines: {out}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_notes_declarations_that_share_a_bedrock_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("names.toml");
    // Tables `a_b` and `a-b` are refused already (one Rust name); a `name` written twice is noted. Profiles
    // without tags are never deployed, so theirs may be shared.
    let toml = "[profiles.p]\nname = \"same\"\ntemperature = 0.5\n\
                [profiles.q]\nname = \"same\"\ntemperature = 0.5\n\
                [prompts.a]\ntext = \"x\"\n\
                [prompts.b]\nname = \"a\"\ntext = \"y\"\n\
                [prompts.c]\nname = \"a\"\ntext = \"z\"\n";
    std::fs::write(&file, toml).unwrap();
    let out = run(&["check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    // Each at its table (a note's key without a place of its own takes its table's).
    for (key, place) in [("b", "9:10"), ("c", "12:10")] {
        assert!(
            err.contains(&format!(
                "names.toml:{place}: prompts.{key}.name: prompt name `a` is also `prompts.a`'s"
            )),
            "{err}"
        );
    }
    assert!(!err.contains("profiles."), "{err}");
}

#[test]
fn check_notes_profiles_an_export_would_refuse() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("requests.toml");
    // Valid for Converse, but Anthropic's native body needs `max_tokens`; and a top-k for a model of an unknown
    // provider has no field to go to. A profile every body takes gets no note.
    let toml = "[profiles.native]\nmodel = \"anthropic.claude-haiku-4-5-20251001-v1:0\"\ntemperature = 0.5\n\
                [profiles.routed]\nmodel = { id = \"acme.new-model-v1:0\", max_output_tokens = 1000 }\ntop_k = 5\n\
                [profiles.fine]\nmodel = \"anthropic.claude-haiku-4-5-20251001-v1:0\"\nmax_tokens = 100\n";
    std::fs::write(&file, toml).unwrap();
    let out = run(&["check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("requests.toml:1:11: profiles.native: ")
            && err.contains("(`export --to invoke-model` would refuse this profile)"),
        "{err}"
    );
    assert!(
        err.contains("requests.toml:4:11: profiles.routed: ")
            && err.contains("(`export --to converse` would refuse this profile)"),
        "{err}"
    );
    assert!(!err.contains("profiles.fine"), "{err}");
    // And the notes say what export then says.
    let export = run(&[
        "export",
        file.to_str().unwrap(),
        "--to",
        "invoke-model",
        "--name",
        "native",
    ]);
    assert_eq!(export.status.code(), Some(1), "{}", stdout(&export));
}

#[test]
fn report_warns_past_the_group_cap_and_refuses_a_bad_gz() {
    use bedrock_profiles_cli::report::GROUPS_MAX;
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let logs = dir.path().join("many.json");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&logs).unwrap());
    for i in 0..GROUPS_MAX + 3 {
        writeln!(
            file,
            r#"{{"timestamp":"2025-04-10T10:00:00Z","modelId":"m","requestMetadata":{{"bedrock-profile":"p{i}"}},"output":{{"outputTokenCount":1}}}}"#
        )
        .unwrap();
    }
    drop(file);
    let out = run(&["report", logs.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "warning: more than {GROUPS_MAX} groups: 3 calls of further groups are counted together as `(other groups)`"
        )),
        "{}",
        stderr(&out)
    );
    let csv = stdout(&out);
    assert_eq!(
        csv.lines().count(),
        GROUPS_MAX + 2,
        "header, the kept groups and the rest"
    );
    assert!(csv.lines().last().unwrap().starts_with("(other groups),"));

    // A `.gz` that is not gzip is an error that names it, exit 2, and nothing on stdout.
    let plain = dir.path().join("plain.json.gz");
    std::fs::write(&plain, "{}\n").unwrap();
    let out = run(&["report", plain.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("plain.json.gz") && stderr(&out).contains("not a gzip file"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
}
