use bedrock_profiles::inference_profile;

inference_profile! {
    pub BAD_NAME { name: "my profile!" }
}

fn main() {}
