use bedrock_profiles::inference_profile;

inference_profile! {
    pub SEARCH { tags: { "team": "search, web" } }
}

fn main() {}
