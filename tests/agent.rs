//! `#[agent]` at run time: the generated `Agent::SPEC` holds what was declared.
// These tests pin the rules on models past their end of life too: their profiles warn (`deprecated`).
#![allow(deprecated)]

use bedrock_profiles::{Agent, PromptType, Surface, agent, check, inference_profile};

inference_profile! {
    /// The orchestration profile.
    pub HIGH_QUALITY {
        name: "my-inference-profile",
        temperature: 0.7,
        top_p: 0.9,
        max_tokens: 2000,
        stop_sequences: ["Human:", "Assistant:"],
        top_k: 250,
    }

    /// Short classification answers.
    pub CLASSIFY {
        temperature: 0.0,
        max_tokens: 200,
    }
}

mod profiles {
    bedrock_profiles::inference_profile! {
        pub SUMMARY { max_tokens: 1000 }
    }
}

/// Answers questions about orders.
#[agent(
    name = "my-agent",
    description = "Answers order questions",
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "anthropic.claude-3-5-sonnet-20241022-v2:0",
    profile = HIGH_QUALITY,
    idle_session_ttl = 600,
    base_prompt_templates(orchestration = "$instruction$ $question$"),
)]
pub struct SupportAgent;

/// Every step, the instruction read from a file, a cross-region model and a TTL with a unit.
#[agent(
    instruction_file = "tests/fixtures/returns-instruction.txt",
    model = "us.anthropic.claude-3-5-haiku-20241022-v1:0",
    idle_session_ttl = "15m",
    steps(
        pre_processing = CLASSIFY,
        orchestration = HIGH_QUALITY,
        post_processing = CLASSIFY,
        knowledge_base_response_generation = HIGH_QUALITY,
        memory_summarization = profiles::SUMMARY,
    ),
    base_prompt_templates(
        pre_processing = "$instruction$ $question$",
        orchestration = "$instruction$ $question$",
        post_processing = "$instruction$ $question$",
        knowledge_base_response_generation = "$instruction$ $question$",
        memory_summarization = "$instruction$ $question$",
    ),
)]
pub struct ReturnsAgent {
    pub shop: String,
}

#[test]
fn spec_holds_the_declared_values() {
    let spec = SupportAgent::SPEC;
    assert_eq!(spec.name, "my-agent");
    assert_eq!(spec.description, Some("Answers order questions"));
    assert_eq!(
        spec.instruction,
        "You are a helpful assistant. Answer questions about orders politely and briefly."
    );
    assert_eq!(spec.model_id(), "anthropic.claude-3-5-sonnet-20241022-v2:0");
    assert_eq!(spec.idle_session_ttl, Some(600));
    assert_eq!(spec.orchestration, Some(&HIGH_QUALITY));
    assert_eq!(spec.profile(PromptType::Orchestration), Some(&HIGH_QUALITY));
    assert_eq!(spec.pre_processing, None);
    assert_eq!(
        spec.profiles()
            .map(|(step, p)| (step.as_str(), p.name()))
            .collect::<Vec<_>>(),
        [("ORCHESTRATION", "my-inference-profile")]
    );
    assert_eq!(check(&HIGH_QUALITY, Surface::Agent), []);
    assert_eq!(bedrock_profiles::agent::check(spec), []);
}

#[test]
fn defaults_files_and_steps() {
    let spec = ReturnsAgent::SPEC;
    assert_eq!(spec.name, "returns-agent");
    assert_eq!(spec.description, None);
    // The file's final line break is dropped, as for `text_file` (it is not part of the instruction).
    let file = include_str!("fixtures/returns-instruction.txt");
    assert!(file.ends_with(".\n"), "the fixture ends with a line break");
    assert_eq!(Some(spec.instruction), file.strip_suffix('\n'));
    assert_eq!(
        spec.model_id(),
        "us.anthropic.claude-3-5-haiku-20241022-v1:0"
    );
    assert_eq!(spec.idle_session_ttl, Some(900));
    let steps: Vec<(&str, &str)> = spec
        .profiles()
        .map(|(step, p)| (step.as_str(), p.name()))
        .collect();
    assert_eq!(
        steps,
        [
            ("PRE_PROCESSING", "classify"),
            ("ORCHESTRATION", "my-inference-profile"),
            ("POST_PROCESSING", "classify"),
            ("KNOWLEDGE_BASE_RESPONSE_GENERATION", "my-inference-profile"),
            ("MEMORY_SUMMARIZATION", "summary"),
        ]
    );
    assert_eq!(bedrock_profiles::agent::check(spec), []);
    // The struct itself is untouched.
    let agent = ReturnsAgent {
        shop: "acme".to_owned(),
    };
    assert_eq!(agent.shop, "acme");
}

/// Generic code can take any agent.
fn name_of<A: Agent>() -> &'static str {
    A::SPEC.name
}

#[test]
fn agents_are_usable_generically() {
    assert_eq!(name_of::<SupportAgent>(), "my-agent");
    assert_eq!(name_of::<ReturnsAgent>(), "returns-agent");
}
