use bedrock_profiles::inference_profile;

inference_profile! {
    pub SEARCH { description: "Search answers, for the web app!" }
}

fn main() {}
