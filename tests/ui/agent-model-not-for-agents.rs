use bedrock_profiles::agent;

#[agent(
    name = "my-agent",
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "amazon.titan-text-lite-v1",
    idle_session_ttl = 600,
)]
pub struct SupportAgent;

fn main() {}
