//! A model past its end of life is a warning (dates differ by region); denied here to pin its text.
#![deny(deprecated)]

use bedrock_profiles::agent;

#[agent(
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "anthropic.claude-3-5-sonnet-20241022-v2:0",
)]
pub struct SupportAgent;

fn main() {}
