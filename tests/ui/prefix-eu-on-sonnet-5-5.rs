use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "eu.anthropic.claude-sonnet-5-5" }
}

fn main() {}
