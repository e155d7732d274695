use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "us.amazon.nova-2-lite-v1:0", top_p: 0.9, reasoning: { effort: "medium" } }
}

fn main() {}
