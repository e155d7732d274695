use bedrock_profiles::inference_profile;

inference_profile! {
    pub FLOATY { top_k: 2.5 }
}

fn main() {}
