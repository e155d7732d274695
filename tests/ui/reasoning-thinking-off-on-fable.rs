use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "anthropic.claude-fable-5-1", reasoning: { thinking: "off" } }
}

fn main() {}
