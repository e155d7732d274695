use bedrock_profiles::inference_profile;

inference_profile! {
    pub ARN { model: "arn:aws:bedrock:us-east-1:123:foundation-model/amazon.nova-pro-v1:0" }
}

fn main() {}
