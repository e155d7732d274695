use bedrock_profiles::inference_profile;

inference_profile! {
    pub SONNET {
        model: "anthropic.claude-sonnet-4-5-20250929-v1:0",
        temperature: 0.5,
        top_p: 0.9,
    }
}

fn main() {}
