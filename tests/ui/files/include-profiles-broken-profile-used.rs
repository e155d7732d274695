//! A profile of a declaration file with an error is reported once: the file's prompts, agents and profiles that use
//! it, and a `#[prompt]` and an `#[agent]` that name its const, add no errors of their own.
// The file is written into trybuild's project directory by tests/ui.rs (from tests/ui/files/broken-profile-used.toml).
bedrock_profiles::include_profiles!("broken-profile-used.toml");

#[bedrock_profiles::prompt(
    model = "anthropic.claude-sonnet-4-6",
    profile = ANSWER,
    text = "Hello {{customer}}",
)]
struct SupportReply {
    customer: String,
}

#[bedrock_profiles::agent(
    name = "support-agent",
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "anthropic.claude-sonnet-4-6",
    idle_session_ttl = 600,
    steps(pre_processing = DERIVED),
    base_prompt_templates(pre_processing = "$instruction$ $question$"),
)]
pub struct SupportAgent;

fn main() {
    let _ = SupportReply { customer: String::new() };
}
