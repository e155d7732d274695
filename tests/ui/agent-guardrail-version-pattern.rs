use bedrock_profiles::agent;

#[agent(
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "anthropic.claude-3-5-sonnet-20241022-v2:0",
    guardrail(id = "gr0abc123", version = "v3"),
)]
pub struct SupportAgent;

fn main() {}
