use bedrock_profiles::inference_profile;

inference_profile! {
    pub DOUBLE__UNDERSCORE { temperature: 0.5 }
}

fn main() {}
