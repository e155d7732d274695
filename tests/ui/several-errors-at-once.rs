use bedrock_profiles::inference_profile;

inference_profile! {
    pub MANY_ERRORS {
        model: "anthropic.claude-3-haiku-20240307-v1:0",
        temperature: 1.2,
        top_p: -0.1,
        maxTokens: 100,
        max_tokens: 5000,
        stop_sequences: [""],
    }
}

fn main() {}
