use bedrock_profiles::agent;
use bedrock_profiles::InferenceProfile;
use std::borrow::Cow;

/// Built by hand, so nothing checked it before the agent did.
pub const WIDE: InferenceProfile = InferenceProfile {
    name: Cow::Borrowed("wide"),
    description: None,
    version: 1,
    model: None,
    temperature: None,
    top_p: None,
    top_k: Some(501),
    max_tokens: None,
    stop_sequences: bedrock_profiles::Shared::Static(&[]),
    anthropic_version: None,
    response_format: None,
    reasoning: None,
    guardrail: None,
    tags: bedrock_profiles::Tags::NONE,
};

#[agent(
    name = "my-agent",
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "anthropic.claude-3-5-sonnet-20241022-v2:0",
    idle_session_ttl = 600,
    profile = WIDE,
    base_prompt_templates(orchestration = "$instruction$ $question$"),
)]
pub struct SupportAgent;

fn main() {}
