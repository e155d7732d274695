use bedrock_profiles::agent;

mod profiles {
    bedrock_profiles::inference_profile! {
        pub LONG { max_tokens: 8000 }
    }
}

#[agent(
    name = "my-agent",
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "anthropic.claude-3-haiku-20240307-v1:0",
    idle_session_ttl = 600,
    steps(pre_processing = profiles::LONG),
    base_prompt_templates(pre_processing = "$instruction$ $question$"),
)]
pub struct SupportAgent;

fn main() {}
