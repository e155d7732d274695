use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "us.deepseek.r1-v1:0", reasoning: { effort: "low" } }
}

fn main() {}
