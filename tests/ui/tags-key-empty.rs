use bedrock_profiles::inference_profile;

inference_profile! {
    pub SEARCH { tags: { "": "search" } }
}

fn main() {}
