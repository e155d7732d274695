use bedrock_profiles::inference_profile;

inference_profile! {
    pub LLAMA { model: "meta.llama3-1-70b-instruct-v1:0", top_k: 50 }
}

fn main() {}
