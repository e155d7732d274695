//! A prompt's or a variant's model past its end of life is a warning; denied here to pin its text.
#![deny(deprecated)]

use bedrock_profiles::prompt;

#[prompt(
    model = "anthropic.claude-3-haiku-20240307-v1:0",
    text = "Hello {{name}}",
    variant(name = "current", model = "us.anthropic.claude-sonnet-4-20250514-v1:0"),
    variant(name = "old", model = "anthropic.claude-3-5-sonnet-20241022-v2:0"),
)]
pub struct Greeting {
    pub name: String,
}

fn main() {}
