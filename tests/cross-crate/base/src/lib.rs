//! Profiles that another crate derives from.

bedrock_profiles::inference_profile! {
    /// A base profile.
    pub LONG_ANSWERS {
        description: "Long and careful answers",
        model: "anthropic.claude-3-5-sonnet-20241022-v2:0",
        temperature: 0.3,
        max_tokens: 8000,
        stop_sequences: ["Human:"],
    }

    /// A base on a model the catalog does not know.
    pub NEXT { model: unlisted { id: "acme.next-v1:0", max_output_tokens: 100 }, max_tokens: 50 }
}
