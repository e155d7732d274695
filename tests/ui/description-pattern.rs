use bedrock_profiles::inference_profile;

inference_profile! {
    // Deployed (it declares tags): the description is `CreateInferenceProfile`'s, which takes no commas.
    pub SEARCH {
        model: "us.anthropic.claude-sonnet-4-6",
        description: "Search answers, for the web app!",
        tags: { "team": "search" },
    }
}

fn main() {}
