use bedrock_profiles::inference_profile;

inference_profile! {
    pub LONG {
        model: "anthropic.claude-3-5-sonnet-20241022-v2:0",
        max_tokens: 8000,
    }
}

mod cheaper {
    bedrock_profiles::inference_profile! {
        /// Switches to a model whose limit is lower than the inherited `max_tokens`.
        pub CHEAP {
            model: "anthropic.claude-3-haiku-20240307-v1:0",
            ..super::LONG
        }
    }
}

fn main() {}
