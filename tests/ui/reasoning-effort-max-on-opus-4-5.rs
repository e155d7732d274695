use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "global.anthropic.claude-opus-4-5-20251101-v1:0", reasoning: { effort: "max" } }
}

fn main() {}
