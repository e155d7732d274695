use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "anthropic.claude-haiku-5-5", top_k: 40 }
}

fn main() {}
