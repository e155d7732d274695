use bedrock_profiles::inference_profile;

inference_profile! {
    pub SEARCH {
        model: "arn:aws:bedrock:us-east-1::foundation-model/deepseek.r1-v1:0",
        tags: { "team": "search" },
    }
}

fn main() {}
