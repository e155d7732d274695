use bedrock_profiles::inference_profile;

inference_profile! {
    pub LONG_NAME { name: "a-name-that-is-much-too-long-for-an-inference-profile-name-field-x" }
}

fn main() {}
