use bedrock_profiles::inference_profile;

inference_profile! {
    pub R1 { model: "us.deepseek.r1-v1:0", top_k: 50 }
}

fn main() {}
