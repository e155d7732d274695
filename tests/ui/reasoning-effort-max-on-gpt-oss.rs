use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "openai.gpt-oss-20b-1:0", reasoning: { effort: "max" } }
}

fn main() {}
