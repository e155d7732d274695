use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "openai.gpt-oss-120b-1:0", reasoning: { thinking: "off" } }
}

fn main() {}
