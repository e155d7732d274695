use bedrock_profiles::inference_profile;

inference_profile! {
    pub R1 { model: "deepseek.r1-v1:0" }
}

fn main() {}
