// A model neither the crate's catalog nor the account's lists: an error that says the file was read.
use bedrock_profiles::inference_profile;

inference_profile! {
    pub MISSING {
        model: "acme.missing-v1:0",
    }
}

fn main() {}
