use bedrock_profiles::inference_profile;

inference_profile! {
    pub SEARCH { tags: { "team&co": "search" } }
}

fn main() {}
