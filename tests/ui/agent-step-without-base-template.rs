// A step's profile is sent only as an overridden prompt, which needs the step's base prompt template: without it,
// `export --to create-agent` used to fail after `cargo build` passed.
use bedrock_profiles::{agent, inference_profile};

inference_profile! {
    pub CLASSIFY { temperature: 0.0, max_tokens: 200 }
}

#[agent(
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "us.anthropic.claude-sonnet-4-6",
    profile = CLASSIFY,
    steps(pre_processing = CLASSIFY),
    base_prompt_templates(orchestration = "$instruction$ $question$"),
)]
pub struct SupportAgent;

fn main() {}
