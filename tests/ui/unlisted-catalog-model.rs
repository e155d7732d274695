use bedrock_profiles::inference_profile;

inference_profile! {
    pub KNOWN { model: unlisted { id: "amazon.nova-pro-v1:0", max_output_tokens: 9000 } }
}

fn main() {}
