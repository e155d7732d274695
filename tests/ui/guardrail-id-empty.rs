use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "anthropic.claude-opus-4-7", guardrail: { id: "", version: "1" } }
}

fn main() {}
