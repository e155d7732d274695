use bedrock_profiles::inference_profile;

inference_profile! {
    pub SEARCH { tags: { "AWS:team": "search" } }
}

fn main() {}
