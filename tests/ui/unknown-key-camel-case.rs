use bedrock_profiles::inference_profile;

inference_profile! {
    pub CAMEL { topP: 0.9 }
}

fn main() {}
