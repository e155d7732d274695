use bedrock_profiles::agent;

bedrock_profiles::inference_profile! {
    pub HIGH_QUALITY {
        temperature: 0.7,
        max_tokens: 2000,
    }
}

#[agent(
    name = "my-agent",
    description = "Answers order questions",
    instruction = "You are a helpful assistant.",
    model = "anthropic.claude-3-5-sonnet-20241022-v2:0",
    profile = HIGH_QUALITY,
    idle_session_ttl = 600,
    base_prompt_templates(orchestration = "$instruction$ $question$"),
)]
pub struct SupportAgent;

fn main() {}
