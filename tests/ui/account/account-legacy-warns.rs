// A model the account lists as LEGACY: a warning with AWS's dates (denied here to pin its text).
#![deny(deprecated)]

use bedrock_profiles::inference_profile;

inference_profile! {
    pub OLD {
        model: "anthropic.claude-3-5-sonnet-20240620-v1:0",
    }
}

fn main() {
    let _ = OLD;
}
