use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "global.anthropic.claude-3-haiku-20240307-v1:0" }
}

fn main() {}
