use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "anthropic.claude-opus-5", temperature: 1.0, top_p: 1.0 }
}

fn main() {}
