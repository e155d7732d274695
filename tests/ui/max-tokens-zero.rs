use bedrock_profiles::inference_profile;

inference_profile! {
    pub NOTHING { max_tokens: 0 }
}

fn main() {}
