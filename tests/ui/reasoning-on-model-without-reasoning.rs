use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "amazon.nova-pro-v1:0", reasoning: { effort: "low" } }
}

fn main() {}
