use bedrock_profiles::inference_profile;

inference_profile! {
    pub SAME { temperature: 0.5 }
    pub SAME { temperature: 0.6 }
}

fn main() {}
