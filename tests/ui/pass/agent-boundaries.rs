//! `#[agent]` at the limits of every rule: all accepted.

use bedrock_profiles::{Agent, agent, inference_profile};

inference_profile! {
    /// Four stop sequences (the Agents limit), top_k 500, the model's whole output-token limit.
    pub FULL {
        stop_sequences: ["Human:", "Assistant:", "User:", "System:"],
        top_k: 500,
        max_tokens: 8192,
    }
}

/// Shortest instruction and timeout.
#[agent(
    instruction = "Answer order questions politely, briefly",
    model = "anthropic.claude-3-5-sonnet-20241022-v2:0",
    idle_session_ttl = 60,
    description = "x",
    profile = FULL,
    base_prompt_templates(orchestration = "$instruction$ $question$"),
)]
pub struct Shortest;

/// Longest instruction, timeout, name and description.
#[agent(
    name = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb_c",
    description = "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd",
    instruction = "Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and briefly. Answer questions about orders politely and brief",
    model = "us.anthropic.claude-3-5-sonnet-20241022-v2:0",
    idle_session_ttl = 5400,
)]
pub struct Longest(pub u8, pub String);

/// Timeouts with units, an ARN model, a generic struct with named fields.
#[agent(
    instruction = "Answer order questions politely, briefly",
    model = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0",
    idle_session_ttl = "90m",
    steps(memory_summarization = FULL, pre_processing = FULL),
    base_prompt_templates(
        memory_summarization = "$instruction$ $question$",
        pre_processing = "$instruction$ $question$",
    ),
)]
pub struct Generic<T: Clone>
where
    T: Default,
{
    pub value: T,
}

#[agent(instruction = "Answer order questions politely, briefly", model = "anthropic.claude-3-haiku-20240307-v1:0", idle_session_ttl = "1h")]
struct OneHour;

#[agent(instruction = "Answer order questions politely, briefly", model = "anthropic.claude-3-haiku-20240307-v1:0", idle_session_ttl = "90s")]
struct Seconds;

/// The spec is readable in `const` code.
const SHORTEST_NAME: &str = Shortest::SPEC.name;

fn main() {
    assert_eq!(SHORTEST_NAME, "shortest");
    assert_eq!(Shortest::SPEC.instruction.chars().count(), 40);
    assert_eq!(Shortest::SPEC.idle_session_ttl, Some(60));
    assert_eq!(Shortest::SPEC.orchestration, Some(&FULL));
    assert_eq!(Longest::SPEC.instruction.chars().count(), 4000);
    assert_eq!(Longest::SPEC.idle_session_ttl, Some(5400));
    assert_eq!(Longest::SPEC.name.len(), 102);
    assert_eq!(Longest::SPEC.description.map(str::len), Some(200));
    assert_eq!(<Generic<String>>::SPEC.name, "generic");
    assert_eq!(<Generic<u8> as Agent>::SPEC.idle_session_ttl, Some(5400));
    assert_eq!(<Generic<u8>>::SPEC.profiles().count(), 2);
    assert_eq!(OneHour::SPEC.idle_session_ttl, Some(3600));
    assert_eq!(Seconds::SPEC.idle_session_ttl, Some(90));
    let _ = (Longest(1, String::new()), Generic { value: 0u8 }, OneHour, Seconds);
}
