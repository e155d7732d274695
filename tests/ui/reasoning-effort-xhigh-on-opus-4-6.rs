use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "anthropic.claude-opus-4-6-v1", reasoning: { effort: "xhigh" } }
}

fn main() {}
