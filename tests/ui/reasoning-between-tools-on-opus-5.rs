use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "anthropic.claude-opus-5", reasoning: { thinking: "between_tools" } }
}

fn main() {}
