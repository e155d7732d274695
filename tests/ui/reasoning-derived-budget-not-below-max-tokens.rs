use bedrock_profiles::inference_profile;

inference_profile! {
    pub BASE { model: "global.anthropic.claude-opus-4-5-20251101-v1:0", max_tokens: 16000, reasoning: { budget_tokens: 8000 } }
}

mod derived {
    use bedrock_profiles::inference_profile;

    inference_profile! {
        pub SHORT { max_tokens: 4000, ..super::BASE }
    }
}

fn main() {}
