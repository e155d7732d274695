use bedrock_profiles::inference_profile;

inference_profile! {
    pub BALANCED { temperature: 0.5, top_p: 0.9 }

    pub SONNET_45 {
        model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        ..BALANCED
    }
}

fn main() {}
