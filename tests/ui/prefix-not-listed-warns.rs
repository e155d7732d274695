//! A known geography that no source lists for the model is a warning, never an error: cross-region availability
//! grows month by month (denied here to pin its text).
#![deny(deprecated)]

use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "jp.anthropic.claude-opus-4-5-20251101-v1:0" }
}

fn main() {}
