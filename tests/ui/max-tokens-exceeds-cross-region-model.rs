use bedrock_profiles::inference_profile;

inference_profile! {
    pub FAST { model: "eu.anthropic.claude-3-haiku-20240307-v1:0", max_tokens: 4097 }
}

fn main() {}
