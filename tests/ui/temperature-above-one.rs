use bedrock_profiles::inference_profile;

inference_profile! {
    pub HOT { temperature: 1.5 }
}

fn main() {}
