use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "us.amazon.nova-2-lite-v1:0", max_tokens: 4000, reasoning: { effort: "high" } }
}

fn main() {}
