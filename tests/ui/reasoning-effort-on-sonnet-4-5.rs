use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "anthropic.claude-sonnet-4-5-20250929-v1:0", reasoning: { effort: "low" } }
}

fn main() {}
