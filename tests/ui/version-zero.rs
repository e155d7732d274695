use bedrock_profiles::inference_profile;

inference_profile! {
    pub V0 { version: 0 }
}

fn main() {}
