// With the account's catalog in force (tests/ui_account.rs points BEDROCK_PROFILES_CATALOG at
// tests/ui/account/account-catalog.toml): a model only the account lists, and cross-region profiles the account
// lists, compile in every macro, with no warning.
#![deny(warnings)]

use bedrock_profiles::{agent, inference_profile, prompt};

inference_profile! {
    /// A model the crate's catalog does not know; the file gives no output limit, so none is checked.
    pub NEW_MODEL {
        model: "acme.unreleased-text-v1:0",
        max_tokens: 200_000,
    }
    /// A cross-region profile the account lists in eu-west-1.
    pub EU {
        model: "eu.anthropic.claude-sonnet-4-6",
        temperature: 0.5,
    }
}

#[prompt(model = "acme.unreleased-text-v1:0", text = "Hello {{name}}")]
pub struct Greeting<'a> {
    pub name: &'a str,
}

#[agent(
    model = "global.anthropic.claude-sonnet-4-6",
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
)]
pub struct Support;

fn main() {
    assert_eq!(NEW_MODEL.model.as_ref().unwrap().id(), "acme.unreleased-text-v1:0");
    assert_eq!(EU.model.as_ref().unwrap().id(), "eu.anthropic.claude-sonnet-4-6");
    let _ = Greeting { name: "x" };
    let _ = Support;
}
