use bedrock_profiles::inference_profile;

inference_profile! {
    pub TYPO { model: "anthropic.claude-3-5-sonet-20241022-v2:0" }
}

fn main() {}
