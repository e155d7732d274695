use bedrock_profiles::agent;

bedrock_profiles::inference_profile! {
    /// Five stop sequences: fine for Converse, one too many for Agents.
    pub CHATTY {
        stop_sequences: ["Human:", "Assistant:", "User:", "System:", "Observation:"],
    }
}

#[agent(
    name = "my-agent",
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "anthropic.claude-3-5-sonnet-20241022-v2:0",
    idle_session_ttl = 600,
    profile = CHATTY,
    base_prompt_templates(orchestration = "$instruction$ $question$"),
)]
pub struct SupportAgent;

fn main() {}
