use bedrock_profiles::inference_profile;

inference_profile! {
    pub EMPTY_NAME { name: "" }
}

fn main() {}
