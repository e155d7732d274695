use bedrock_profiles::inference_profile;

inference_profile! {
    pub DERIVED { temperature: 0.5, ..base() }
}

fn main() {}
