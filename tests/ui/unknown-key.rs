use bedrock_profiles::inference_profile;

inference_profile! {
    pub ODD { frequency_penalty: 0.5 }
}

fn main() {}
