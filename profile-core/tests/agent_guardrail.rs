//! An agent's `guardrail` in declaration files: read, checked with the profile guardrail's rules, written back by
//! `to_toml`, and lent to `AgentSpec` (and from there to `CreateAgent`).

use bedrock_profiles_core::agent::AgentGuardrail;
use bedrock_profiles_core::files::{self, Declarations, Format};
use bedrock_profiles_core::wire::agent::CreateAgentRequest;
use serde_json::json;

mod support;

const AGENT: &str = "[agents.a]\ninstruction = \"You are a helpful assistant. Answer questions about orders politely.\"\nmodel = \"anthropic.claude-3-5-haiku-20241022-v1:0\"\n";

fn load(source: &str) -> Result<Declarations, files::LoadError> {
    files::parse("bedrock.toml", source, Format::Toml)
}

fn errors(extra: &str) -> Vec<(String, String)> {
    support::errors(load(&format!("{AGENT}{extra}\n")))
}

/// The errors of the agent with `extra`, none when it loads.
fn errors_or_none(extra: &str) -> Vec<(String, String)> {
    support::pairs(load(&format!("{AGENT}{extra}\n")))
}

#[test]
fn loads_writes_back_and_goes_into_create_agent() {
    let d = load(&format!(
        "{AGENT}guardrail = {{ id = \"gr0abc123\", version = 3 }}\n"
    ))
    .unwrap();
    let agent = d.agent("a").unwrap();
    assert_eq!(
        agent.guardrail,
        Some(files::ResolvedGuardrail {
            id: "gr0abc123".to_owned(),
            version: "3".to_owned()
        })
    );
    let written = d.to_toml();
    assert!(written.contains("[agents.a.guardrail]"), "{written}");
    assert_eq!(load(&written).unwrap(), d, "{written}");
    let body = d.with_agent_spec(agent, |spec| {
        assert_eq!(
            spec.guardrail,
            Some(AgentGuardrail {
                id: "gr0abc123",
                version: "3"
            })
        );
        CreateAgentRequest::new(spec).to_json().unwrap()
    });
    assert_eq!(
        body["guardrailConfiguration"],
        json!({"guardrailIdentifier": "gr0abc123", "guardrailVersion": "3"})
    );
    // JSON takes the same table.
    let json = r#"{"agents": {"a": {"instruction": "You are a helpful assistant. Answer questions about orders politely.",
        "model": "anthropic.claude-3-5-haiku-20241022-v1:0", "guardrail": {"id": "gr0abc123", "version": "DRAFT"}}}}"#;
    let d = files::parse("bedrock.json", json, Format::Json).unwrap();
    assert_eq!(
        d.agent("a").unwrap().guardrail,
        Some(files::ResolvedGuardrail {
            id: "gr0abc123".to_owned(),
            version: "DRAFT".to_owned()
        })
    );
}

#[test]
fn an_agents_version_follows_create_agent() {
    // bedrock-agent `GuardrailVersion` is `[0-9]{1,8}|DRAFT`: `0` and leading zeros are accepted there, unlike
    // Converse's `[1-9][0-9]{0,7}`.
    for version in ["0", "01", "12345678", "DRAFT"] {
        assert!(
            errors_or_none(&format!(
                "guardrail = {{ id = \"gr0abc123\", version = \"{version}\" }}"
            ))
            .is_empty(),
            "{version}"
        );
    }
    assert_eq!(
        errors("guardrail = { id = \"gr0abc123\", version = \"123456789\" }")[0].1,
        "`guardrail.version` must be \"DRAFT\" or a version number ([0-9]{1,8}), found \"123456789\""
    );
}

#[test]
fn the_profile_guardrail_rules_at_their_keys() {
    assert_eq!(
        errors("guardrail = { id = \"My-Guardrail\", version = \"v0\" }"),
        vec![
            (
                "agents.a.guardrail.id".to_owned(),
                "`guardrail.id` must be a guardrail id ([a-z0-9]+) or a guardrail ARN (arn:aws:bedrock:<region>:<account>:guardrail/<id>), found \"My-Guardrail\"".to_owned()
            ),
            (
                "agents.a.guardrail.version".to_owned(),
                "`guardrail.version` must be \"DRAFT\" or a version number ([0-9]{1,8}), found \"v0\"".to_owned()
            ),
        ]
    );
    assert_eq!(
        errors("guardrail = { version = \"1\" }"),
        vec![(
            "agents.a.guardrail".to_owned(),
            "missing key `id`: a guardrail takes both `id` and `version`".to_owned()
        )]
    );
    assert_eq!(
        errors("guardrail = { id = \"gr0abc123\", version = \"1\", trace = \"enabled\" }"),
        vec![(
            "agents.a.guardrail.trace".to_owned(),
            "`trace` cannot be set on an agent's `guardrail`: CreateAgent's `guardrailConfiguration` has only `guardrailIdentifier` and `guardrailVersion`; the trace is asked for per call (InvokeAgent `enableTrace`)".to_owned()
        )]
    );
    assert_eq!(
        errors("guardrail = \"gr0abc123\"")[0].1,
        "`guardrail` expects a table like `{ id = \"gr0abc123\", version = \"1\" }`, found the string \"gr0abc123\""
    );
    // A guardrail in a step's profile has no place: the message points to the agent's.
    let step = errors(
        "profile = \"g\"\nbase_prompt_templates = { orchestration = \"$question$\" }\n[profiles.g]\nguardrail = { id = \"gr0abc123\", version = \"1\" }",
    );
    assert_eq!(step.len(), 1, "{step:?}");
    assert!(
        step[0].1.ends_with(
            "set the guardrail on the agent (`guardrail(id = \"...\", version = \"...\")`)"
        ),
        "{step:?}"
    );
}
