use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "us.openai.gpt-oss-120b-1:0" }
}

fn main() {}
