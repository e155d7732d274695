use bedrock_profiles::inference_profile;

inference_profile! {
    pub SEARCH {
        model: "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123",
        tags: { "team": "search" },
    }
}

fn main() {}
