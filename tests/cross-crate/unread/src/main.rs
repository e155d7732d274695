//! A crate with a `bedrock-catalog.toml` at its root, built without the `account-catalog` feature: the macros
//! warn that the file is not read, and check against the crate's catalog alone.

use bedrock_profiles::inference_profile;

inference_profile! {
    pub FAST { model: "anthropic.claude-sonnet-4-6", max_tokens: 100 }
}

fn main() {
    println!("{}", FAST.model.as_ref().map_or("", |m| m.id()));
}
