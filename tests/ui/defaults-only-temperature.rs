use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "global.anthropic.claude-opus-4-7", temperature: 0.7 }
}

fn main() {}
