use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "anthropic.claude-sonnet-5", top_p: 0.9 }
}

fn main() {}
