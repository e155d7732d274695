use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "anthropic.claude-sonnet-4-20250514-v1:0", reasoning: { budget_tokens: 2048 } }
}

fn main() {}
