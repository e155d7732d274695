use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "us.anthropic.claude-3-7-sonnet-20250219-v1:0", max_tokens: 4000, reasoning: { budget_tokens: 8000, interleaved: true } }
}

fn main() {}
