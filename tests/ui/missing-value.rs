use bedrock_profiles::inference_profile;

inference_profile! {
    pub EMPTY { temperature: }
}

fn main() {}
