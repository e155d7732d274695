use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "anthropic.claude-sonnet-5-5", reasoning: { thinking: "off" } }
}

fn main() {}
