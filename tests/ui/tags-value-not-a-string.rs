use bedrock_profiles::inference_profile;

inference_profile! {
    pub SEARCH { tags: { "cost-center": 4711 } }
}

fn main() {}
