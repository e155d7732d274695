use bedrock_profiles::inference_profile;

inference_profile! {
    pub NOVA2 { model: "amazon.nova-2-lite-v1:0", top_k: 200 }
}

fn main() {}
