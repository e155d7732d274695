use bedrock_profiles::inference_profile;

inference_profile! {
    pub FRACTION { max_tokens: 2000.5 }
}

fn main() {}
