use bedrock_profiles::inference_profile;

inference_profile! {
    pub ARN {
        model: "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-premier-v1:0",
        max_tokens: 4000,
    }
}

fn main() {}
