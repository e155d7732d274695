use bedrock_profiles::inference_profile;

inference_profile! {
    pub COLD { temperature: -0.5 }
}

fn main() {}
