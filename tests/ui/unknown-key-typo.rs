use bedrock_profiles::inference_profile;

inference_profile! {
    pub TYPO { temprature: 0.5 }
}

fn main() {}
