use bedrock_profiles::agent;

#[agent(
    name = "my-agent",
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "arn:aws:bedrock:us-east-1::foundation-model/cohere.command-r-v1:0",
    idle_session_ttl = 600,
)]
pub struct SupportAgent;

fn main() {}
