use bedrock_profiles::inference_profile;

// No model to bound it, but Converse `maxTokens` is a 32-bit integer.
inference_profile! {
    pub HUGE { max_tokens: 3_000_000_000 }
}

fn main() {}
