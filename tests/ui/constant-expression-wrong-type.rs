use bedrock_profiles::inference_profile;

const LIMIT: u64 = 1000;

inference_profile! {
    pub TYPED { max_tokens: LIMIT }
}

fn main() {}
