use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "anthropic.claude-opus-4-6-v1", max_tokens: 16000, reasoning: { budget_tokens: 8000, effort: "high" } }
}

fn main() {}
