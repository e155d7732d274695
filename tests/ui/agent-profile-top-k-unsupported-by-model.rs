use bedrock_profiles::agent;

bedrock_profiles::inference_profile! {
    pub SAMPLED { top_k: 250 }
}

#[agent(
    name = "my-agent",
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "amazon.titan-text-premier-v1:0",
    idle_session_ttl = 600,
    profile = SAMPLED,
    base_prompt_templates(orchestration = "$instruction$ $question$"),
)]
pub struct SupportAgent;

fn main() {}
