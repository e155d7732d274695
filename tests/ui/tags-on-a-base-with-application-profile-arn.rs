use bedrock_profiles::inference_profile;

inference_profile! {
    pub BASE { model: "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123" }

    /// The model is inherited from another item: the `const` assertion checks the merged profile.
    pub SEARCH { tags: { "team": "search" }, ..BASE }
}

fn main() {}
