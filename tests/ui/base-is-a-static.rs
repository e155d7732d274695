use bedrock_profiles::{InferenceProfile, inference_profile};
use std::borrow::Cow;

static BASE: InferenceProfile = InferenceProfile {
    name: Cow::Borrowed("base"),
    max_tokens: Some(500),
    ..InferenceProfile::EMPTY
};

inference_profile! {
    pub DERIVED { temperature: 0.5, ..BASE }
}

fn main() {}
