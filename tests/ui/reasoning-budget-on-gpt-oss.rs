use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "openai.gpt-oss-120b-1:0", max_tokens: 16000, reasoning: { budget_tokens: 8000 } }
}

fn main() {}
