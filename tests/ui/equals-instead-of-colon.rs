use bedrock_profiles::inference_profile;

inference_profile! {
    pub EQ { temperature = 0.5 }
}

fn main() {}
