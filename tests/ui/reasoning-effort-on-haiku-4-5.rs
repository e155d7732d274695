use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "anthropic.claude-haiku-4-5-20251001-v1:0", reasoning: { effort: "high" } }
}

fn main() {}
