//! Profiles declared as associated consts, one derived from another with `..Self::BASE`.
use bedrock_profiles::inference_profile;

pub struct Assistant;

impl Assistant {
    inference_profile! {
        pub BASE { model: "anthropic.claude-3-haiku-20240307-v1:0", max_tokens: 1000 }
        pub WARM { temperature: 0.9, ..Self::BASE }
    }
}

fn main() {
    assert_eq!(Assistant::WARM.max_tokens, Some(1000));
    assert_eq!(Assistant::WARM.temperature, Some(0.9));
    assert_eq!(Assistant::WARM.name(), "warm");
}
