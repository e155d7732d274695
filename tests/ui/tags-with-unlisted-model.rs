use bedrock_profiles::inference_profile;

inference_profile! {
    pub SEARCH {
        model: unlisted { id: "acme.next-v1:0", max_output_tokens: 4096 },
        tags: { "team": "search" },
    }
}

fn main() {}
