use bedrock_profiles::inference_profile;

inference_profile! {
    pub WIDE { top_p: 1.1 }
}

fn main() {}
