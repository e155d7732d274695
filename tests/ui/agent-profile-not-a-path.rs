use bedrock_profiles::agent;

#[agent(
    name = "my-agent",
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "anthropic.claude-3-5-sonnet-20241022-v2:0",
    idle_session_ttl = 600,
    profile = "HIGH_QUALITY",
)]
pub struct SupportAgent;

fn main() {}
