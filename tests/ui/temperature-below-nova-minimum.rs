use bedrock_profiles::inference_profile;

inference_profile! {
    pub NOVA { model: "amazon.nova-pro-v1:0", temperature: 0.0 }
}

fn main() {}
