use bedrock_profiles::inference_profile;

inference_profile! {
    pub NO_GEO {
        model: "arn:aws:bedrock:us-east-1:123456789012:inference-profile/anthropic.claude-3-haiku-20240307-v1:0",
    }
}

fn main() {}
