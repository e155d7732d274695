use bedrock_profiles::agent;

pub const MAX_TOKENS: u32 = 2000;

#[agent(
    name = "my-agent",
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "anthropic.claude-3-5-sonnet-20241022-v2:0",
    idle_session_ttl = 600,
    profile = MAX_TOKENS,
    base_prompt_templates(orchestration = "$instruction$ $question$"),
)]
pub struct SupportAgent;

fn main() {}
