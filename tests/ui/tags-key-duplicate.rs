use bedrock_profiles::inference_profile;

inference_profile! {
    pub SEARCH { tags: { "team": "search", team: "web" } }
}

fn main() {}
