use bedrock_profiles::inference_profile;

inference_profile! {
    pub CLAUDE { model: "anthropic.claude-3-haiku-20240307-v1:0", anthropic_version: "2023-06-01" }
}

fn main() {}
