//! A prompt without variables on a unit struct, and a compiled-out derived profile (its `const` assertion goes too).
use bedrock_profiles::{Prompt, inference_profile, prompt};

inference_profile! {
    pub BASE { model: "anthropic.claude-3-haiku-20240307-v1:0", max_tokens: 1000 }

    #[cfg(any())]
    pub NEVER { temperature: 0.5, ..BASE }
}

#[prompt(text = "Summarize the day's orders.")]
pub struct Daily;

fn main() {
    assert_eq!(Daily.render(), "Summarize the day's orders.");
    assert_eq!(Daily::SPEC.variants[0].variables.len(), 0);
}
