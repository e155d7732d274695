use bedrock_profiles::inference_profile;

inference_profile! {
    pub NEG { max_tokens: -5 }
}

fn main() {}
