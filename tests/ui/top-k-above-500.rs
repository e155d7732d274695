use bedrock_profiles::inference_profile;

inference_profile! {
    pub MANY { top_k: 501 }
}

fn main() {}
