use bedrock_profiles::agent;

#[agent(
    name = "my agent",
    description = "",
    instruction = "You are a helpful assistant.",
    model = "amazon.titan-text-lite-v1",
    idle_session_ttl = "2h",
    temperature = 0.5,
)]
pub struct SupportAgent;

/// Uses of the agent add no errors of their own.
pub const NAME: &str = <SupportAgent as bedrock_profiles::Agent>::SPEC.name;

fn main() {}
