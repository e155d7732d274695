//! Unit tests of the module.

use super::*;
use crate::models;
use std::borrow::Cow;

fn text(v: Option<AgentViolation<'_>>) -> Option<String> {
    v.map(|v| v.to_string())
}

#[test]
fn names() {
    assert_eq!(check_name("my-agent"), None);
    assert_eq!(check_name("Agent_1-b"), None);
    assert_eq!(check_name(&"a".repeat(100)), None);
    assert_eq!(check_name(&"a-".repeat(100)), None);
    assert_eq!(
        text(check_name(&"a".repeat(101))).as_deref(),
        Some("`name` must have at most 100 letters and digits, found 101")
    );
    for bad in ["", "my agent", "-agent", "a--b", "a_-b", "agent!", "é"] {
        assert_eq!(
            check_name(bad),
            Some(AgentViolation::NamePattern { found: bad }),
            "{bad:?}"
        );
    }
    assert_eq!(
        text(check_name("my agent")).as_deref(),
        Some(
            "`name` must match ([0-9a-zA-Z][_-]?){1,100} (letters and digits, a single `_` or `-` between them), found \"my agent\""
        )
    );
}

#[test]
fn instructions() {
    let seed = "You are a helpful assistant.";
    assert_eq!(seed.chars().count(), 28);
    assert_eq!(
        text(check_instruction(seed)).as_deref(),
        Some("`instruction` must be 40..=4000 characters, found 28")
    );
    assert_eq!(check_instruction(&"x".repeat(40)), None);
    assert_eq!(
        check_instruction(&"x".repeat(39)),
        Some(AgentViolation::InstructionLength { found: 39 })
    );
    assert_eq!(check_instruction(&"é".repeat(4000)), None);
    assert_eq!(
        check_instruction(&"x".repeat(4001)),
        Some(AgentViolation::InstructionLength { found: 4001 })
    );
}

#[test]
fn descriptions_and_timeouts() {
    assert_eq!(check_description("x"), None);
    assert_eq!(
        text(check_description("")).as_deref(),
        Some("`description` must be 1..=200 characters, found 0")
    );
    assert_eq!(
        check_description(&"x".repeat(201)).map(|v| v.key()),
        Some(AgentKey::Description)
    );
    assert_eq!(check_idle_session_ttl(60), None);
    assert_eq!(check_idle_session_ttl(5400), None);
    assert_eq!(
        text(check_idle_session_ttl(59)).as_deref(),
        Some("`idle_session_ttl` must be within 60..=5400 seconds (1 to 90 minutes), found 59")
    );
    assert_eq!(
        check_idle_session_ttl(5401),
        Some(AgentViolation::IdleSessionTtl { found: 5401 })
    );
}

#[test]
fn models_for_agents() {
    let ok = models::resolve("anthropic.claude-3-5-sonnet-20241022-v2:0").unwrap();
    assert_eq!(check_model(&ok), None);
    let cross = models::resolve("us.anthropic.claude-3-5-haiku-20241022-v1:0").unwrap();
    assert_eq!(check_model(&cross), None);
    let arn = models::resolve(
        "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
    )
    .unwrap();
    assert_eq!(check_model(&arn), None);
    let titan = models::resolve("amazon.titan-text-lite-v1").unwrap();
    assert_eq!(
        text(check_model(&titan)).as_deref(),
        Some(
            "`model` amazon.titan-text-lite-v1 cannot be an agent's foundation model (Bedrock Agents does not support it)"
        )
    );
    let titan_arn =
        models::resolve("arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-lite-v1")
            .unwrap();
    assert_eq!(
        check_model(&titan_arn).map(|v| v.key()),
        Some(AgentKey::Model)
    );
    let cross_llama = models::resolve("us.meta.llama3-8b-instruct-v1:0").unwrap();
    assert!(check_model(&cross_llama).is_some());
}

#[test]
fn ttl_parser() {
    assert_eq!(parse_ttl("600"), Ok(600));
    assert_eq!(parse_ttl("90s"), Ok(90));
    assert_eq!(parse_ttl("10m"), Ok(600));
    assert_eq!(parse_ttl("1h"), Ok(3600));
    assert_eq!(parse_ttl("0"), Ok(0));
    assert_eq!(parse_ttl("4294967295"), Ok(u32::MAX));
    assert_eq!(
        parse_ttl("4294967296"),
        Err(TtlError::Overflow {
            found: "4294967296"
        })
    );
    assert_eq!(
        parse_ttl("2000000h"),
        Err(TtlError::Overflow { found: "2000000h" })
    );
    for bad in ["", "s", "10d", "10 m", "1h30m", "-5", "1.5h", " 60", "60S"] {
        assert_eq!(
            parse_ttl(bad),
            Err(TtlError::Syntax { found: bad }),
            "{bad:?}"
        );
    }
    assert_eq!(
        parse_ttl("10d").unwrap_err().to_string(),
        "`idle_session_ttl` expects seconds or a duration like \"90s\", \"10m\" or \"1h\", found \"10d\""
    );
}

#[test]
fn keys_and_steps() {
    assert_eq!(
        AgentKey::suggest("idleSessionTTL"),
        Some(AgentKey::IdleSessionTtl)
    );
    assert_eq!(
        AgentKey::suggest("idleSessionTTLInSeconds"),
        Some(AgentKey::IdleSessionTtl)
    );
    assert_eq!(
        AgentKey::suggest("instructions"),
        Some(AgentKey::Instruction)
    );
    assert_eq!(
        AgentKey::suggest("instructionFile"),
        Some(AgentKey::InstructionFile)
    );
    assert_eq!(AgentKey::suggest("foundationModel"), Some(AgentKey::Model));
    assert_eq!(AgentKey::suggest("agentName"), Some(AgentKey::Name));
    assert_eq!(AgentKey::suggest("modle"), Some(AgentKey::Model));
    assert_eq!(AgentKey::suggest("zzz"), None);
    for step in PromptType::ALL {
        assert_eq!(PromptType::from_key(step.key()), Some(step));
        assert_eq!(PromptType::from_key(step.as_str()), Some(step));
        assert_eq!(step.as_str().to_ascii_lowercase(), step.key());
    }
    assert_eq!(
        PromptType::suggest("orchestraton"),
        Some(PromptType::Orchestration)
    );
    assert_eq!(
        PromptType::suggest("preProcessing"),
        Some(PromptType::PreProcessing)
    );
    assert_eq!(
        PromptType::suggest("post-processing"),
        Some(PromptType::PostProcessing)
    );
}

const HAIKU: ModelRef = ModelRef::base(&models::ANTHROPIC_CLAUDE_3_HAIKU);
/// A profile literal with every field written out (a `..base` update would drop the base in `const` code).
const fn profile(
    name: &'static str,
    max_tokens: Option<u32>,
    stops: &'static [Cow<'static, str>],
) -> InferenceProfile {
    InferenceProfile {
        name: Cow::Borrowed(name),
        description: None,
        version: 1,
        model: None,
        temperature: None,
        top_p: None,
        top_k: None,
        max_tokens,
        stop_sequences: crate::Shared::Static(stops),
        anthropic_version: None,
        response_format: None,
        reasoning: None,
        guardrail: None,
        tags: crate::Tags::NONE,
    }
}
static LONG: InferenceProfile = profile("long", Some(8000), &[]);
static FIVE_STOPS: InferenceProfile = profile(
    "five",
    None,
    &[
        Cow::Borrowed("a"),
        Cow::Borrowed("b"),
        Cow::Borrowed("c"),
        Cow::Borrowed("d"),
        Cow::Borrowed("e"),
    ],
);

fn spec() -> AgentSpec<'static> {
    AgentSpec {
        name: "support-agent",
        description: Some("Answers order questions"),
        instruction: "You are a helpful assistant. Answer questions about orders politely.",
        model: HAIKU,
        idle_session_ttl: Some(600),
        pre_processing: None,
        orchestration: None,
        post_processing: None,
        knowledge_base_response_generation: None,
        memory_summarization: None,
        base_prompt_templates: &[],
        guardrail: None,
    }
}

#[test]
fn whole_specs() {
    assert_eq!(check(&spec()), []);
    let mut bad = spec();
    bad.instruction = "You are a helpful assistant.";
    bad.idle_session_ttl = Some(30);
    bad.orchestration = Some(&LONG);
    bad.memory_summarization = Some(&FIVE_STOPS);
    bad.guardrail = Some(AgentGuardrail {
        id: "gr0abc123",
        version: "v1",
    });
    let found: Vec<String> = check(&bad).iter().map(|v| v.to_string()).collect();
    assert_eq!(
        found,
        [
            "`instruction` must be 40..=4000 characters, found 28",
            "`idle_session_ttl` must be within 60..=5400 seconds (1 to 90 minutes), found 30",
            "`guardrail.version` must be \"DRAFT\" or a version number ([0-9]{1,8}), found \"v1\"",
            "the ORCHESTRATION step has a profile but no base prompt template: Bedrock applies a step's inference \
             configuration only to an overridden prompt, which needs its `basePromptTemplate`; declare a \
             `base_prompt_templates` entry for `orchestration` (or leave the profile out)",
            "ORCHESTRATION profile: `max_tokens` 8000 exceeds the 4096 output tokens of anthropic.claude-3-haiku-20240307-v1:0",
            "the MEMORY_SUMMARIZATION step has a profile but no base prompt template: Bedrock applies a step's \
             inference configuration only to an overridden prompt, which needs its `basePromptTemplate`; declare a \
             `base_prompt_templates` entry for `memory_summarization` (or leave the profile out)",
            "MEMORY_SUMMARIZATION profile: `stop_sequences` has 5 items, but Agents takes at most 4",
        ]
    );
    assert_eq!(
        bad.profiles()
            .map(|(s, p)| (s.as_str(), p.name()))
            .collect::<Vec<_>>(),
        [("ORCHESTRATION", "long"), ("MEMORY_SUMMARIZATION", "five")]
    );
    assert_eq!(bad.profile(PromptType::PreProcessing), None);
    assert_eq!(check(&bad)[2].key(), AgentKey::Guardrail);
}

#[test]
fn base_prompt_templates_are_1_to_100000_characters() {
    let step = PromptType::Orchestration;
    assert_eq!(
        check_base_prompt_template(step, ""),
        Some(AgentViolation::BasePromptTemplateLength { step, found: 0 })
    );
    assert_eq!(check_base_prompt_template(step, "x"), None);
    assert_eq!(check_base_prompt_template(step, &"é".repeat(100_000)), None);
    assert_eq!(
        text(check_base_prompt_template(step, &"x".repeat(100_001))).as_deref(),
        Some(
            "`base_prompt_templates` entry for `orchestration` must be 1..=100000 characters, found 100001"
        )
    );
}
