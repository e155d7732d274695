use bedrock_profiles::inference_profile;

inference_profile! {
    pub NO_ACCOUNT { model: "arn:aws:bedrock:us-east-1::application-inference-profile/abc123" }
}

fn main() {}
