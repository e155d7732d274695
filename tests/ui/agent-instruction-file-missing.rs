use bedrock_profiles::agent;

#[agent(
    name = "my-agent",
    model = "anthropic.claude-3-5-sonnet-20241022-v2:0",
    idle_session_ttl = 600,
    instruction_file = "prompts/missing.txt",
)]
pub struct SupportAgent;

fn main() {}
