//! A prefix on a model the sources list in-region only: a warning (denied here to pin its text), never an error.
#![deny(deprecated)]

use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "eu.mistral.mistral-large-2407-v1:0" }
}

fn main() {}
