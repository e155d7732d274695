use bedrock_profiles::inference_profile;

inference_profile! {
    pub APPLICATION {
        model: "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123",
        top_k: 5,
    }
}

fn main() {}
