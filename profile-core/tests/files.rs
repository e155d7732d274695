//! The file loader: every rule of the rulebook and every file-level error, with file, line, column and key path.
// These tests pin the rules on models past their end of life too: their profiles warn (`deprecated`).
#![allow(deprecated)]

use bedrock_profiles_core::files::{self, Declarations, ErrorKind, Format};
use bedrock_profiles_core::{PromptType, rules};
use proptest::prelude::*;

/// The rulebook's message for the first rule a profile named `name`, changed by `change`, breaks (what the
/// loader must print for the same value).
fn rule(
    change: impl FnOnce(&mut bedrock_profiles_core::InferenceProfile),
    name: &'static str,
) -> String {
    let mut profile = bedrock_profiles_core::InferenceProfile::new(name);
    change(&mut profile);
    rules::check(&profile, rules::Surface::Converse)
        .first()
        .expect("the change breaks a rule")
        .to_string()
}

mod support;

const SEED: &str = include_str!("files/bedrock.toml");

fn load(source: &str) -> Result<Declarations, files::LoadError> {
    files::parse("bedrock.toml", source, Format::Toml)
}

/// (key path, message) of every error.
fn errors(source: &str) -> Vec<(String, String)> {
    support::errors(load(source))
}

/// The one error of `source`.
fn error(source: &str) -> (String, String) {
    let mut found = errors(source);
    assert_eq!(found.len(), 1, "{found:?}");
    found.remove(0)
}

fn pair(path: &str, message: &str) -> (String, String) {
    (path.to_owned(), message.to_owned())
}

fn profile(body: &str) -> String {
    format!("[profiles.p]\n{body}\n")
}

#[test]
fn the_issue_file_loads() {
    let d = load(SEED).unwrap();
    assert_eq!(d.profiles.len(), 2);
    let creative = d.profile("creative").unwrap();
    assert_eq!(creative.name(), "creative");
    assert_eq!(creative.temperature, Some(1.0));
    assert_eq!(creative.top_p, Some(0.9));
    assert_eq!(creative.max_tokens, Some(2000));
    assert_eq!(
        creative.stop_sequences().collect::<Vec<_>>(),
        ["Human:", "Assistant:"]
    );
    assert_eq!(
        creative.description(),
        Some("A profile for high-quality responses")
    );
    let greeting = d.prompt("greeting").unwrap();
    assert_eq!(greeting.variants.len(), 2);
    assert_eq!(greeting.variants[0].name, "default");
    assert_eq!(greeting.variants[0].variables, ["customer", "topic"]);
    assert_eq!(greeting.variants[1].name, "concise");
    assert_eq!(
        greeting.variants[1]
            .profile
            .as_ref()
            .and_then(files::ProfileRef::name),
        Some("creative")
    );
    assert_eq!(
        greeting.variants[1].model.as_ref().map(|m| m.id()),
        Some("anthropic.claude-3-5-sonnet-20241022-v2:0")
    );
    let support = d.agent("support").unwrap();
    assert_eq!(support.idle_session_ttl, Some(600));
    let steps: Vec<_> = support
        .steps
        .iter()
        .map(|s| (s.step, s.profile.name()))
        .collect();
    assert_eq!(steps, [(PromptType::Orchestration, Some("high-quality"))]);
    d.with_agent_spec(support, |spec| {
        assert_eq!(spec.orchestration.map(|p| p.name()), Some("high-quality"));
    });
    d.with_prompt_spec(greeting, |prompt| {
        assert_eq!(
            prompt.variants[1].profile.and_then(|p| p.temperature),
            Some(1.0)
        );
    });
}

#[test]
fn json_has_the_same_structure() {
    let toml = load(SEED).unwrap();
    let json = files::parse(
        "bedrock.json",
        include_str!("files/bedrock.json"),
        Format::Json,
    )
    .unwrap();
    assert_eq!(json, toml);
}

#[test]
fn round_trip() {
    let d = load(SEED).unwrap();
    let written = d.to_toml();
    assert_eq!(load(&written).unwrap(), d, "{written}");
    // Every kind of value: unlisted models, response formats, steps, chat prompts.
    let rich = r#"
[profiles.a]
name = "A profile"
version = 3
model = { id = "acme.new-model-v1:0", max_output_tokens = 16000 }
temperature = 0.3
top_k = 40
response_format = { json_schema = { name = "answer", description = "d", schema = '{"type": "object"}' } }

[profiles.b]
model = "us.anthropic.claude-3-5-haiku-20241022-v1:0"
anthropic_version = "bedrock-2023-05-31"

[prompts.chat]
description = "chat"
system = "You answer {{topic}}."
text = "{{question}}"
profile = "b"
model = "anthropic.claude-3-5-haiku-20241022-v1:0"

[prompts.chat.variants.short]
text = "Briefly: {{question}}"

[agents.bot]
instruction = "You are a helpful assistant. Answer questions about orders politely and briefly."
model = "anthropic.claude-3-5-haiku-20241022-v1:0"
idle_session_ttl = "1h"
steps = { pre_processing = "b", memory_summarization = "b" }
base_prompt_templates = { pre_processing = "x", memory_summarization = "y" }
"#;
    let d = load(rich).unwrap();
    assert_eq!(d.agent("bot").unwrap().idle_session_ttl, Some(3600));
    assert_eq!(
        d.prompt("chat").unwrap().variants[1].variables,
        ["topic", "question"]
    );
    let written = d.to_toml();
    assert_eq!(load(&written).unwrap(), d, "{written}");
}

#[test]
fn profile_rules_use_the_rulebook_text() {
    let cases: &[(&str, &str, String)] = &[
        (
            "name = \"my profile!\"",
            "profiles.p.name",
            rule(|_| {}, "my profile!"),
        ),
        (
            "description = \"\"",
            "profiles.p.description",
            rule(|p| p.description = Some("".into()), "p"),
        ),
        (
            "version = 0",
            "profiles.p.version",
            rule(|p| p.version = 0, "p"),
        ),
        (
            "temperature = 1.5",
            "profiles.p.temperature",
            "`temperature` must be within 0.0..=1.0, found 1.5".to_owned(),
        ),
        (
            "top_p = -0.5",
            "profiles.p.top_p",
            rule(|p| p.top_p = Some(-0.5), "p"),
        ),
        (
            "model = \"anthropic.claude-sonnet-4-5-20250929-v1:0\"\ntemperature = 0.5\ntop_p = 0.5",
            "profiles.p.top_p",
            "`temperature` and `top_p` cannot both be set for anthropic.claude-sonnet-4-5-20250929-v1:0; keep one of them".to_owned(),
        ),
        (
            "model = \"amazon.titan-text-lite-v1\"\ntop_k = 5",
            "profiles.p.top_k",
            "`top_k` is not supported by amazon.titan-text-lite-v1".to_owned(),
        ),
        ("top_k = 501", "profiles.p.top_k", "`top_k` must be within 0..=500, found 501".to_owned()),
        ("max_tokens = 0", "profiles.p.max_tokens", "`max_tokens` must be at least 1, found 0".to_owned()),
        (
            "model = \"anthropic.claude-3-haiku-20240307-v1:0\"\nmax_tokens = 10000",
            "profiles.p.max_tokens",
            "`max_tokens` 10000 exceeds the 4096 output tokens of anthropic.claude-3-haiku-20240307-v1:0".to_owned(),
        ),
        (
            "stop_sequences = [\"a\", \"\"]",
            "profiles.p.stop_sequences[1]",
            "`stop_sequences` item 1 is empty; a stop sequence needs at least one character".to_owned(),
        ),
        (
            "stop_sequences = [\"a\", \"a\"]",
            "profiles.p.stop_sequences[1]",
            "`stop_sequences` item 1 repeats item 0, \"a\"".to_owned(),
        ),
        (
            "model = \"mistral.mistral-7b-instruct-v0:2\"\nstop_sequences = [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]",
            "profiles.p.stop_sequences",
            "`stop_sequences` has 11 items, but mistral.mistral-7b-instruct-v0:2 takes at most 10".to_owned(),
        ),
        (
            "model = \"amazon.titan-text-lite-v1\"\nanthropic_version = \"bedrock-2023-05-31\"",
            "profiles.p.anthropic_version",
            "`anthropic_version` only applies to Anthropic models, not amazon.titan-text-lite-v1".to_owned(),
        ),
        (
            "anthropic_version = \"2023\"",
            "profiles.p.anthropic_version",
            "`anthropic_version` must be \"bedrock-2023-05-31\", found \"2023\"".to_owned(),
        ),
        (
            "model = \"deepseek.r1-v1:0\"",
            "profiles.p.model",
            "`model` deepseek.r1-v1:0 can only be invoked through a cross-region inference profile; use an id such as us.deepseek.r1-v1:0".to_owned(),
        ),
        (
            "response_format = { json_schema = { schema = \"[1]\" } }",
            "profiles.p.response_format.json_schema.schema",
            "`response_format` schema must be a JSON object, found an array".to_owned(),
        ),
        (
            "response_format = { json_schema = { schema = \"{\" } }",
            "profiles.p.response_format.json_schema.schema",
            "`response_format` schema is not valid JSON: expected a string key at line 1, column 2".to_owned(),
        ),
        (
            "response_format = { json_schema = { name = \"\", schema = \"{}\" } }",
            "profiles.p.response_format.json_schema.name",
            "`response_format` schema `name` must not be empty (leave it out instead)".to_owned(),
        ),
    ];
    for (body, path, message) in cases {
        let source = profile(body);
        assert_eq!(errors(&source).len(), 1, "{body}");
        let (found_path, found) = error(&source);
        assert_eq!(&found_path, path, "{body}");
        assert_eq!(&found, message, "{body}");
    }
}

#[test]
fn default_names_and_inherited_values() {
    let (path, message) = error("[profiles.\"my profile!\"]\n");
    assert_eq!(path, "profiles.my profile!.name");
    assert_eq!(
        message,
        format!(
            "{} (the default name, from the table's name; set `name = \"...\"`)",
            rule(|_| {}, "my profile!")
        )
    );
    // A derived profile moving to a smaller model: the inherited value breaks the rule; the error is on `extends`.
    let source = "[profiles.long]\nmax_tokens = 8000\n\n[profiles.cheap]\nextends = \"long\"\nmodel = \"anthropic.claude-3-haiku-20240307-v1:0\"\n";
    let e = load(source).unwrap_err();
    assert_eq!(e.errors.len(), 1);
    assert_eq!(e.errors[0].key_path, "profiles.cheap.max_tokens");
    assert_eq!((e.errors[0].line, e.errors[0].column), (5, 11));
    assert_eq!(
        e.errors[0].message,
        "`max_tokens` 8000 exceeds the 4096 output tokens of anthropic.claude-3-haiku-20240307-v1:0 (inherited from `long`)"
    );
}

#[test]
fn extends_missing_and_cycles() {
    let e = load("[profiles.a]\nextends = \"basse\"\n[profiles.base]\n").unwrap_err();
    assert_eq!(e.errors.len(), 1);
    assert_eq!(
        e.errors[0].kind,
        ErrorKind::ExtendsMissing {
            profile: "basse".into()
        }
    );
    assert_eq!(
        e.errors[0].message,
        "`extends` names no profile: `basse` is not declared; did you mean `base`?"
    );
    // "Did you mean" for the first 100 missing names of a file only, and never for a name over 64 characters.
    let mut many = String::from("[profiles.base]\n");
    for i in 0..150 {
        many.push_str(&format!("[profiles.p{i}]\nextends = \"basse\"\n"));
    }
    let e = load(&many).unwrap_err();
    assert_eq!(e.errors.len(), 150);
    let suggested = e
        .errors
        .iter()
        .filter(|e| e.message.ends_with("did you mean `base`?"))
        .count();
    assert_eq!(suggested, 100);
    let long = "b".repeat(65);
    let e = load(&format!(
        "[profiles.long]\nextends = \"{long}x\"\n[profiles.{long}]\n"
    ))
    .unwrap_err();
    assert_eq!(
        e.errors[0].message,
        format!("`extends` names no profile: `{long}x` is not declared")
    );
    let found = errors(
        "[profiles.a]\nextends = \"b\"\n[profiles.b]\nextends = \"a\"\n[profiles.c]\nextends = \"a\"\n",
    );
    assert_eq!(
        found,
        [pair(
            "profiles.a.extends",
            "`extends` makes a cycle: a -> b -> a"
        ),]
    );
    // Reported once, on the member declared first, wherever the chain enters the cycle.
    let found = errors(
        "[profiles.x]\nextends = \"b\"\n[profiles.a]\nextends = \"b\"\n[profiles.b]\nextends = \"a\"\n",
    );
    assert_eq!(
        found,
        [pair(
            "profiles.a.extends",
            "`extends` makes a cycle: a -> b -> a"
        )]
    );
    // A long cycle: one message, its names capped.
    let n = 5000;
    let long: String = (0..n)
        .map(|i| format!("[profiles.p{i}]\nextends = \"p{}\"\n", (i + 1) % n))
        .collect();
    let found = errors(&long);
    assert_eq!(
        found,
        [pair(
            "profiles.p0.extends",
            "`extends` makes a cycle: p0 -> p1 -> p2 -> p3 -> p4 -> p5 -> p6 -> p7 -> p8 -> p9 -> (4990 more) -> p0"
        )]
    );
    assert_eq!(
        error("[profiles.a]\nextends = \"a\"\n"),
        pair("profiles.a.extends", "`extends` makes a cycle: a -> a")
    );
}

#[test]
fn unknown_keys_suggest() {
    assert_eq!(
        error("[profiles.p]\ntopP = 0.5\n"),
        pair(
            "profiles.p.topP",
            "unknown key `topP`; did you mean `top_p`?"
        )
    );
    assert_eq!(
        error("[profiles.p]\nextend = \"q\"\n"),
        pair(
            "profiles.p.extend",
            "unknown key `extend`; did you mean `extends`?"
        )
    );
    assert_eq!(
        error("[profile.p]\n"),
        pair("profile", "unknown key `profile`; did you mean `profiles`?")
    );
    assert_eq!(
        error("[prompts.g]\ntext = \"x\"\nsytem = \"y\"\n"),
        pair(
            "prompts.g.sytem",
            "unknown key `sytem`; did you mean `system`?"
        )
    );
    let agent = "[agents.a]\ninstruction = \"You are a helpful assistant. Answer questions about orders.\"\nfoundationModel = \"x\"\nmodel = \"anthropic.claude-3-5-sonnet-20241022-v2:0\"\n";
    assert_eq!(
        error(agent),
        pair(
            "agents.a.foundationModel",
            "unknown key `foundationModel`; did you mean `model`?"
        )
    );
    let e = load("[profiles.p]\nfrequency_penalty = 1\n").unwrap_err();
    assert_eq!(
        e.errors[0].kind,
        ErrorKind::UnknownKey {
            key: "frequency_penalty".into(),
            suggestion: None
        }
    );
}

#[test]
fn types_and_syntax() {
    assert_eq!(
        error("[profiles.p]\nmax_tokens = \"2000\"\n"),
        pair(
            "profiles.p.max_tokens",
            "`max_tokens` expects an integer, found the string \"2000\""
        )
    );
    assert_eq!(
        error("[profiles.p]\nmax_tokens = -1\n"),
        pair(
            "profiles.p.max_tokens",
            "`max_tokens` cannot be negative, found -1"
        )
    );
    assert_eq!(
        error("[profiles.p]\ntemperature = nan\n"),
        pair(
            "profiles.p.temperature",
            "`temperature` expects a finite number"
        )
    );
    // A number an f32 cannot hold is out of range, not "not finite".
    assert_eq!(
        error("[profiles.p]\ntemperature = 1e39\n"),
        pair(
            "profiles.p.temperature",
            "`temperature` is out of range for a 32-bit float (at most 3.4028235e38 in magnitude), found 1e39"
        )
    );
    // Decided by the number as written, not by its nearest f32 (1.0 and -0.0).
    for (written, key) in [
        ("1.0000000001", "temperature"),
        ("-1e-50", "temperature"),
        ("1.0000000001", "top_p"),
        // Past f64 precision too: digit by digit.
        ("1.00000000000000000001", "top_p"),
        (
            "-0.000000000000000000000000000000000000000000000000001",
            "temperature",
        ),
    ] {
        assert_eq!(
            error(&format!("[profiles.p]\n{key} = {written}\n")),
            pair(
                &format!("profiles.p.{key}"),
                &format!("`{key}` must be within 0.0..=1.0, found {written}")
            )
        );
    }
    for within in [
        "1.0",
        "0.0",
        "-0.0",
        "1",
        "0",
        "0.7",
        "1e-50",
        "1.00000000000000000000",
        "0.99999999999999999999999",
    ] {
        assert!(
            load(&format!("[profiles.p]\ntemperature = {within}\n")).is_ok(),
            "{within}"
        );
    }
    assert_eq!(
        error("profiles = 3\n"),
        pair("profiles", "`profiles` expects a table, found 3")
    );
    assert_eq!(
        error("[profiles.p]\nmodel = \"anthropic.claude-3-haiku-20240307-v1:0\"\nmodel = 1\n").0,
        ""
    );
    let e = load("[profiles.p]\ntemperature = \n").unwrap_err();
    assert_eq!(e.errors[0].kind, ErrorKind::Syntax);
    assert_eq!((e.errors[0].line, e.errors[0].column), (2, 15));
    let e = files::parse(
        "x.json",
        "{\"profiles\": {\"p\": {\"top_k\": 1,}}}",
        Format::Json,
    )
    .unwrap_err();
    assert_eq!(e.errors[0].kind, ErrorKind::Syntax);
    assert_eq!((e.errors[0].line, e.errors[0].column), (1, 32));
    assert_eq!(
        files::parse(
            "x.json",
            "{\"profiles\": {\"p\": {\"top_k\": 1, \"top_k\": 2}}}",
            Format::Json
        )
        .unwrap_err()
        .errors[0]
            .message,
        "duplicate key `top_k`"
    );
    assert_eq!(
        error("[profiles.p]\nmodel = \"anthropic.claude-3-haiku\"\n").0,
        "profiles.p.model"
    );
    assert_eq!(
        error(
            "[profiles.p]\nmodel = { id = \"anthropic.claude-3-haiku-20240307-v1:0\", max_output_tokens = 1 }\n"
        ),
        pair(
            "profiles.p.model.id",
            "`anthropic.claude-3-haiku-20240307-v1:0` is in the catalog (4096 output tokens); name it by its id, not as an unlisted model"
        )
    );
}

#[test]
fn prompt_rules() {
    let p = "[profiles.many]\nstop_sequences = [\"a\", \"b\", \"c\", \"d\", \"e\"]\n";
    assert_eq!(
        error(&format!(
            "{p}[prompts.g]\nprofile = \"many\"\nmodel = \"anthropic.claude-3-5-sonnet-20241022-v2:0\"\ntext = \"x\"\n"
        )),
        pair(
            "prompts.g.profile",
            "profile `many`: `stop_sequences` has 5 items, but Prompt management takes at most 4"
        )
    );
    assert_eq!(
        error("[prompts.g]\nprofile = \"nope\"\ntext = \"x\"\n"),
        pair(
            "prompts.g.profile",
            "`profile` names no profile: `nope` is not declared in `profiles`"
        )
    );
    assert_eq!(
        error("[prompts.g]\nname = \"a--b\"\ntext = \"x\"\n").1,
        bedrock_profiles_core::prompt::check(&bedrock_profiles_core::PromptSpec {
            name: "a--b",
            description: None,
            variants: &[],
        })[0]
            .to_string()
    );
    assert_eq!(
        error("[prompts.g]\ntext = \"\"\n"),
        pair(
            "prompts.g.text",
            "`text` must not be empty; a prompt template needs at least 1 character"
        )
    );
    assert_eq!(
        error("[prompts.g]\ntext = \"Hi {{ name }}\"\n").1,
        "placeholder `{{ name }}` at line 1, column 4 has spaces; write `{{name}}`"
    );
    assert_eq!(
        errors("[prompts.g]\nmodel = \"x\"\ntext = \"x\"\n")[0].0,
        "prompts.g.model"
    );
    assert_eq!(
        errors("[prompts.g]\ndescription = \"d\"\n"),
        [pair(
            "prompts.g",
            "missing key `text`: give the template as `text = \"Hello {{name}}\"` or `text_file = \"prompts/hello.txt\"`"
        )]
    );
    assert_eq!(
        error("[prompts.g]\ntext = \"x\"\n[prompts.g.variants.default]\ntext = \"y\"\n"),
        pair(
            "prompts.g.variants.default",
            "variant `default` is declared twice (`default` is the variant of the top-level keys)"
        )
    );
    assert_eq!(
        error("[prompts.g]\ntext = \"x\"\n[prompts.g.variants.\"a b\"]\ntext = \"y\"\n").0,
        "prompts.g.variants.a b"
    );
    let many: String = (0..21).map(|i| format!("{{{{v{i}}}}}")).collect();
    assert_eq!(
        error(&format!("[prompts.g]\ntext = \"{many}\"\n")),
        pair(
            "prompts.g.text",
            "a prompt variant takes at most 20 distinct `{{variables}}`, found 21"
        )
    );
}

#[test]
fn agent_rules() {
    let ok = "instruction = \"You are a helpful assistant. Answer questions about orders politely.\"\nmodel = \"anthropic.claude-3-5-sonnet-20241022-v2:0\"\n";
    let agent = |extra: &str| {
        format!(
            "[profiles.five]\nstop_sequences = [\"a\", \"b\", \"c\", \"d\", \"e\"]\n[agents.a]\n{ok}{extra}\n"
        )
    };
    assert_eq!(
        error(&agent("idle_session_ttl = 30")),
        pair(
            "agents.a.idle_session_ttl",
            "`idle_session_ttl` must be within 60..=5400 seconds (1 to 90 minutes), found 30"
        )
    );
    assert_eq!(
        error(&agent("idle_session_ttl = \"2h\"")).1,
        "`idle_session_ttl` must be within 60..=5400 seconds (1 to 90 minutes), found 7200 (from \"2h\")"
    );
    assert_eq!(error(&agent("name = \"my agent\"")).0, "agents.a.name");
    assert_eq!(
        error(&agent("description = \"\"")),
        pair(
            "agents.a.description",
            "`description` must be 1..=200 characters, found 0"
        )
    );
    assert_eq!(
        error(&agent(
            "steps = { memory_summarization = \"five\" }\nbase_prompt_templates = { memory_summarization = \"$conversation$\" }"
        )),
        pair(
            "agents.a.steps.memory_summarization",
            "profile `five`: MEMORY_SUMMARIZATION profile: `stop_sequences` has 5 items, but Agents takes at most 4"
        )
    );
    // A base prompt template is 1..=100000 characters (bedrock-agent's `BasePromptTemplate`).
    assert_eq!(
        error(&agent("base_prompt_templates = { orchestration = \"\" }")),
        pair(
            "agents.a.base_prompt_templates.orchestration",
            "`base_prompt_templates` entry for `orchestration` must be 1..=100000 characters, found 0"
        )
    );
    let long = format!(
        "base_prompt_templates = {{ pre_processing = \"{}\" }}",
        "é".repeat(100_001)
    );
    assert_eq!(
        error(&agent(&long)),
        pair(
            "agents.a.base_prompt_templates.pre_processing",
            "`base_prompt_templates` entry for `pre_processing` must be 1..=100000 characters, found 100001"
        )
    );
    let at_limit = format!(
        "base_prompt_templates = {{ pre_processing = \"{}\" }}",
        "é".repeat(100_000)
    );
    assert!(load(&agent(&at_limit)).is_ok());
    // A step's profile is sent only with the step's base prompt template: the rule is at the step.
    assert_eq!(
        errors(&agent(
            "[profiles.short]\nmax_tokens = 100\n[agents.a.steps]\npre_processing = \"short\""
        )),
        [pair(
            "agents.a.steps.pre_processing",
            &bedrock_profiles_core::agent::AgentViolation::StepWithoutTemplate {
                step: PromptType::PreProcessing
            }
            .to_string()
        )]
    );
    assert_eq!(
        error(&agent("steps = { orchestraton = \"five\" }")),
        pair(
            "agents.a.steps.orchestraton",
            "unknown step `orchestraton`; did you mean `orchestration`?"
        )
    );
    assert_eq!(
        errors(&agent(
            "profile = \"five\"\nsteps = { orchestration = \"five\" }"
        ))
        .pop(),
        Some(pair(
            "agents.a.steps.orchestration",
            "`profile` and `steps.orchestration` both set the orchestration step's profile; keep one of them"
        ))
    );
    assert_eq!(
        error(
            "[agents.a]\ninstruction = \"You are a helpful assistant. Answer questions about orders politely.\"\nmodel = \"amazon.titan-text-lite-v1\"\n"
        ),
        pair(
            "agents.a.model",
            "`model` amazon.titan-text-lite-v1 cannot be an agent's foundation model (Bedrock Agents does not support it)"
        )
    );
    assert_eq!(
        errors("[agents.a]\n"),
        [
            pair(
                "agents.a",
                "missing key `instruction` (or `instruction_file`): Bedrock needs an instruction of 40..=4000 characters to prepare an agent"
            ),
            pair(
                "agents.a",
                "missing key `model`: the agent's foundation model, like `model = \"anthropic.claude-3-5-sonnet-20241022-v2:0\"`"
            ),
        ]
    );
}

#[test]
fn all_errors_at_once_rendered_like_rustc() {
    let e = files::parse(
        "broken.toml",
        include_str!("files/broken.toml"),
        Format::Toml,
    )
    .unwrap_err();
    assert_eq!(e.errors.len(), 9);
    let first = &e.errors[0];
    assert_eq!(
        (first.key_path.as_str(), first.line, first.column),
        ("profiles.high-quality.temperature", 3, 15)
    );
    let rendered = e.to_string();
    assert!(
        rendered.starts_with(
            "error: `temperature` must be within 0.0..=1.0, found 1.5
 --> broken.toml:3:15
  |
3 | temperature = 1.5
  |               ^^^ profiles.high-quality.temperature
"
        ),
        "{rendered}"
    );
    assert!(rendered.ends_with("error: could not load `broken.toml` due to 9 previous errors"));
}

#[test]
fn io_errors() {
    assert!(matches!(
        files::load("/nonexistent/bedrock.toml"),
        Err(files::FileError::Io { .. })
    ));
}

#[test]
fn text_and_instruction_files_are_relative_to_the_declaration_file() {
    let dir = std::env::temp_dir().join(format!("bedrock-profiles-files-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("prompts")).unwrap();
    std::fs::write(dir.join("prompts/greeting.txt"), "Hello {{customer}}\n").unwrap();
    std::fs::write(
        dir.join("prompts/system.txt"),
        "You help with {{topic}}.\r\n",
    )
    .unwrap();
    let instruction = "You are a helpful assistant. Answer questions about orders politely.";
    std::fs::write(
        dir.join("prompts/instruction.txt"),
        format!("{instruction}\n"),
    )
    .unwrap();
    let source = r#"
[prompts.greeting]
text_file = "prompts/greeting.txt"
system_file = "prompts/system.txt"

[agents.support]
instruction_file = "prompts/instruction.txt"
model = "anthropic.claude-3-5-haiku-20241022-v1:0"
"#;
    let path = dir.join("bedrock.toml");
    let d = files::parse(&path, source, Format::Toml).unwrap();
    let prompt = d.prompt("greeting").unwrap();
    let variant = &prompt.variants[0];
    // One final line break (`\n` or `\r\n`) is dropped, as in the macros.
    assert_eq!(prompt.text(variant), "Hello {{customer}}");
    assert_eq!(prompt.system(variant), Some("You help with {{topic}}."));
    assert_eq!(variant.variables, ["topic", "customer"]);
    assert_eq!(d.agent("support").unwrap().instruction.text, instruction);

    // A file that many prompts name is read once and shared, not stored once per prompt.
    let shared = "[prompts.a]\ntext_file = \"prompts/greeting.txt\"\n[prompts.b]\ntext_file = \"prompts/greeting.txt\"\n";
    let d = files::parse(&path, shared, Format::Toml).unwrap();
    let (a, b) = (d.prompt("a").unwrap(), d.prompt("b").unwrap());
    assert_eq!(&*a.templates[0].text, "Hello {{customer}}");
    assert!(std::sync::Arc::ptr_eq(
        &a.templates[0].text,
        &b.templates[0].text
    ));
    let missing = "[prompts.p]\ntext_file = \"prompts/none.txt\"\n";
    let e = files::parse(&path, missing, Format::Toml).unwrap_err();
    assert_eq!(
        (e.errors[0].key_path.as_str(), e.errors[0].message.as_str()),
        (
            "prompts.p.text_file",
            "cannot read `text_file` `prompts/none.txt` (relative to the declaration file): no such file"
        )
    );
    // An absolute path is not "relative to the declaration file"; a device is refused, not read to its end.
    if cfg!(unix) {
        let device = "[prompts.p]\ntext_file = \"/dev/zero\"\n";
        let e = files::parse(&path, device, Format::Toml).unwrap_err();
        assert_eq!(
            e.errors[0].message,
            "cannot read `text_file` `/dev/zero`: it is not a regular file (a device, FIFO or socket is never read)"
        );
    }
    let both = "[prompts.p]\ntext = \"x\"\ntext_file = \"prompts/greeting.txt\"\n";
    let e = files::parse(&path, both, Format::Toml).unwrap_err();
    assert_eq!(
        e.errors[0].message,
        "`text` and `text_file` are both given; use one"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn keys_are_cleared_with_unset_in_toml_and_null_in_json() {
    let toml = r#"
[profiles.base]
model = "anthropic.claude-3-5-haiku-20241022-v1:0"
temperature = 0.5
top_p = 0.9
stop_sequences = ["a"]

[profiles.derived]
extends = "base"
unset = ["top_p", "stop_sequences"]
"#;
    let d = load(toml).unwrap();
    let derived = d.profile("derived").unwrap();
    assert_eq!(derived.temperature, Some(0.5));
    assert_eq!(derived.top_p, None);
    assert!(derived.stop_sequences.is_empty());

    let json = r#"{"profiles": {
        "base": {"temperature": 0.5, "top_p": 0.9},
        "derived": {"extends": "base", "top_p": null}
    }}"#;
    let d = files::parse("bedrock.json", json, Format::Json).unwrap();
    assert_eq!(d.profile("derived").unwrap().top_p, None);
    assert_eq!(d.profile("derived").unwrap().temperature, Some(0.5));

    assert_eq!(
        error("[profiles.p]\ntop_p = 0.5\nunset = [\"top_p\"]\n"),
        pair(
            "profiles.p.unset[0]",
            "`top_p` is both set and listed in `unset`; keep one of them"
        )
    );
    assert_eq!(
        error("[profiles.p]\nunset = [\"topP\"]\n"),
        pair(
            "profiles.p.unset.topP",
            "unknown key `topP`; did you mean `top_p`?"
        )
    );
    assert_eq!(
        error("[profiles.p]\nunset = [\"name\"]\n"),
        pair(
            "profiles.p.name",
            "`name` cannot be listed in `unset`; leave it out to use the default name"
        )
    );
}

#[test]
fn extends_chains_resolve_without_recursion() {
    // A chain far deeper than any stack would take if it were resolved recursively.
    let n = 20_000;
    let mut source = String::from("[profiles.p0]\ntemperature = 0.25\n");
    for i in 1..n {
        source.push_str(&format!("[profiles.p{i}]\nextends = \"p{}\"\n", i - 1));
    }
    let d = load(&source).unwrap();
    assert_eq!(
        d.profile(&format!("p{}", n - 1)).unwrap().temperature,
        Some(0.25)
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,200}") {
        let _ = files::parse("x.toml", &text, Format::Toml);
        let _ = files::parse("x.json", &text, Format::Json);
    }

    #[test]
    fn never_panics_on_mutated_files(
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0..4u8, any::<char>()), 1..6),
        json in any::<bool>(),
    ) {
        let mut text: Vec<char> = if json { include_str!("files/bedrock.json") } else { SEED }.chars().collect();
        for (at, op, ch) in edits {
            let i = at.index(text.len() + 1);
            match op {
                0 if i < text.len() => { text.remove(i); }
                1 => text.insert(i, ch),
                2 => text.insert(i, ['"', '{', '}', '[', ']', '=', '\n', '.', ','][(ch as usize) % 9]),
                _ => if i < text.len() { text[i] = ch; },
            }
        }
        let text: String = text.into_iter().collect();
        let format = if json { Format::Json } else { Format::Toml };
        if let Err(e) = files::parse("x", &text, format) {
            prop_assert!(!e.errors.is_empty());
            let _ = e.to_string();
        }
    }
}

#[test]
fn unknown_models_suggest_and_show_the_file_syntax() {
    assert_eq!(
        error(&profile("model = \"anthropic.claude-3-haiku-2024\"")),
        pair(
            "profiles.p.model",
            "unknown model `anthropic.claude-3-haiku-2024`; did you mean one of \
             `anthropic.claude-3-haiku-20240307-v1:0`, `anthropic.claude-haiku-5-5`, \
             `anthropic.claude-3-5-haiku-20241022-v1:0`? \
             (a model the catalog does not know yet: `{ id = \"...\", max_output_tokens = N }`; if your account \
             lists it, `bedrock-profiles catalog sync --region <region>` writes `bedrock-catalog.toml`, which the \
             checks then read)"
        )
    );
    let (path, message) = error(&profile(
        "model = \"ca.anthropic.claude-3-haiku-20240307-v1:0\"",
    ));
    assert_eq!(path, "profiles.p.model");
    assert!(
        message.starts_with("unknown cross-region prefix `ca`"),
        "{message}"
    );
}

#[test]
fn a_front_ends_variable_rule_reports_at_the_template() {
    // `include_profiles!` refuses variables that cannot be struct fields; the loader says where they are.
    let source = "[prompts.p]\nsystem = \"As {{self}}.\"\ntext = \"Hi {{ok}} {{self}}\"\n\n\
                  [prompts.p.variants.v]\ntext = \"{{bad}}\"\n";
    let rule = |table: &str, name: &str| {
        (name != "ok").then(|| format!("is refused by the test ({table})"))
    };
    let e = bedrock_profiles_core::__private::parse_with_variable_rule(
        "f.toml",
        source,
        Format::Toml,
        &rule,
    )
    .unwrap_err();
    let found: Vec<_> = e
        .errors
        .iter()
        .map(|e| (e.line, e.column, e.key_path.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                2,
                10,
                "prompts.p.system",
                "variable `self` at line 1, column 4 is refused by the test (p)"
            ),
            (
                6,
                8,
                "prompts.p.variants.v.text",
                "variable `bad` at line 1, column 1 is refused by the test (p)"
            ),
        ]
    );
    // Without the rule, the file loads.
    assert!(load(source).is_ok());
}

/// A profile with an error is reported once: a profile that extends it (even one that breaks a rule over the broken
/// profile's values, or over none of them), a prompt and an agent that name either add no errors of their own.
#[test]
fn a_broken_profile_is_reported_once() {
    let source = r#"
[profiles.answer]
model = "anthropic.claude-sonnet-4-6"
max_tokens = 16000
temperature = 2.0

[profiles.thinking]
extends = "answer"
reasoning = { budget_tokens = 2000 }

[profiles.further]
extends = "thinking"
version = 2

[prompts.reply]
profile = "answer"
text = "Hello {{customer}}"

[prompts.reply.variants.thinking]
profile = "further"
text = "Hi {{customer}}"

[agents.support]
instruction = "You are a helpful assistant. Answer questions about orders politely and briefly."
model = "anthropic.claude-sonnet-4-6"
profile = "answer"
steps = { pre_processing = "further" }
base_prompt_templates = { orchestration = "$instruction$ $question$", pre_processing = "$question$" }
"#;
    assert_eq!(
        error(source),
        pair(
            "profiles.answer.temperature",
            "`temperature` must be within 0.0..=1.0, found 2.0"
        )
    );
    // The derived profile's own mistake is still its own error.
    let source = source.replace("version = 2", "version = 0");
    assert_eq!(errors(&source).len(), 2, "{:?}", errors(&source));
    assert_eq!(errors(&source)[1].0, "profiles.further.version");
}

#[test]
fn profile_lookups_follow_changes_to_the_public_lists() {
    let mut d = load("[profiles.a]\ntemperature = 0.1\n[profiles.b]\ntemperature = 0.2\n").unwrap();
    let temperature = |d: &Declarations, key: &str| d.profile(key).and_then(|p| p.temperature);
    // The first lookup builds the index; the answers are the file's.
    assert_eq!(temperature(&d, "b"), Some(0.2));
    assert_eq!(temperature(&d, "a"), Some(0.1));
    assert_eq!(temperature(&d, "c"), None);
    // A clone compares equal whether or not its index is built.
    let copy = d.clone();
    assert_eq!(copy, d);
    // `profiles` is public: after a change the index is stale, and the lookups still answer for the list as it is.
    let mut moved = d.profiles.remove(0);
    moved.key = "c".to_owned();
    d.profiles.push(moved);
    assert_eq!(temperature(&d, "a"), None);
    assert_eq!(temperature(&d, "b"), Some(0.2));
    assert_eq!(temperature(&d, "c"), Some(0.1));
    assert_ne!(copy, d);
}
