use bedrock_profiles::inference_profile;

inference_profile! {
    pub NOVA { model: "amazon.nova-lite-v1:0", anthropic_version: "bedrock-2023-05-31" }
}

fn main() {}
