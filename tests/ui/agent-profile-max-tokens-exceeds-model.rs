use bedrock_profiles::agent;

bedrock_profiles::inference_profile! {
    /// No model of its own: the agent's model (4096 output tokens) applies.
    pub LONG {
        max_tokens: 8000,
    }
}

#[agent(
    name = "my-agent",
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "anthropic.claude-3-haiku-20240307-v1:0",
    idle_session_ttl = 600,
    profile = LONG,
    base_prompt_templates(orchestration = "$instruction$ $question$"),
)]
pub struct SupportAgent;

fn main() {}
