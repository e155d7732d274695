use bedrock_profiles::agent;

bedrock_profiles::inference_profile! {
    pub HIGH_QUALITY {
        temperature: 0.7,
        max_tokens: 2000,
    }
}

#[agent(
    name = "my-agent",
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "anthropic.claude-3-5-sonnet-20241022-v2:0",
    idle_session_ttl = 600,
    steps(pre_processing = HIGH_QUALITY, pre_processing = HIGH_QUALITY),
    base_prompt_templates(pre_processing = "$instruction$ $question$"),
)]
pub struct SupportAgent;

fn main() {}
