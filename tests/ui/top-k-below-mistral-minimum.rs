use bedrock_profiles::inference_profile;

inference_profile! {
    pub MISTRAL { model: "mistral.mistral-7b-instruct-v0:2", top_k: 0 }
}

fn main() {}
