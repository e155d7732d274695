use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "anthropic.claude-sonnet-4-6", temperature: 0.3, reasoning: { effort: "medium" } }
}

fn main() {}
