use bedrock_profiles::inference_profile;

pub struct Assistant;

impl Assistant {
    inference_profile! {
        pub LONG { max_tokens: 8000 }
        pub CHEAP { model: "anthropic.claude-3-haiku-20240307-v1:0", ..Self::LONG }
    }
}

fn main() {
    // An associated const is checked where it is used.
    let _ = Assistant::CHEAP;
}
