use bedrock_profiles::inference_profile;

inference_profile! {
    pub TWICE { temperature: 0.5, temperature: 0.6 }
}

fn main() {}
