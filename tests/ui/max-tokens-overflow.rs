use bedrock_profiles::inference_profile;

inference_profile! {
    pub HUGE { max_tokens: 5_000_000_000 }
}

fn main() {}
