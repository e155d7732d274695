use bedrock_profiles::inference_profile;

inference_profile! {
    pub NUMBERED { name: 42 }
}

fn main() {}
