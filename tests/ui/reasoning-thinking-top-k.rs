use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "anthropic.claude-sonnet-4-20250514-v1:0", max_tokens: 16000, top_k: 40, reasoning: { budget_tokens: 8000 } }
}

fn main() {}
