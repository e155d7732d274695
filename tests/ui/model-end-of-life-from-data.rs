//! End-of-life dates come from the catalog's data file with their source; a model past (or near) its end of life
//! compiles with a warning naming the date (denied here to pin its text). A date that concerns one geography's
//! profile (Claude Haiku 4.5's `eu.`) warns on that profile only.
#![deny(deprecated)]

use bedrock_profiles::inference_profile;

inference_profile! {
    pub SONNET_4 { model: "anthropic.claude-sonnet-4-20250514-v1:0", max_tokens: 1000 }
    pub HAIKU_EU { model: "eu.anthropic.claude-haiku-4-5-20251001-v1:0" }
    pub HAIKU_US { model: "us.anthropic.claude-haiku-4-5-20251001-v1:0" }
    pub GEMMA { model: "google.gemma-3-27b-it" }
}

fn main() {}
