use bedrock_profiles::inference_profile;

inference_profile! {
    pub FAST {
        model: "anthropic.claude-3-haiku-20240307-v1:0",
        max_tokens: 10000,
    }
}

fn main() {}
