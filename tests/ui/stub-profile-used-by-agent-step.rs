//! A profile with an error is reported once: an `#[agent]` that uses it (as its profile and a step's) adds no error
//! of its own.
use bedrock_profiles::agent;

mod profiles {
    bedrock_profiles::inference_profile! {
        pub ANSWER { max_tokens: 0 }
    }
}

#[agent(
    name = "support-agent",
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "anthropic.claude-sonnet-4-6",
    idle_session_ttl = 600,
    profile = profiles::ANSWER,
    steps(pre_processing = profiles::ANSWER),
    base_prompt_templates(
        orchestration = "$instruction$ $question$",
        pre_processing = "$instruction$ $question$",
    ),
)]
pub struct SupportAgent;

fn main() {}
