//! Procedural macros of [`bedrock-profiles`](https://docs.rs/bedrock-profiles). Use them through that crate,
//! which documents them; the generated code names the runtime only through `::bedrock_profiles::__private1` (or
//! the `crate = path` of the call; see `runtime`).
//!
//! Each macro runs in stages, one module each: parse (syntax only, stops at the first syntax error), check
//! (interprets values and calls the rulebook of `bedrock-profiles-core`, collecting every error), expand.
//! A macro never panics: every failure is a spanned compile error.

mod account;
mod agent;
mod attr;
mod code;
mod ctxt;
mod doc;
mod emit;
#[cfg(feature = "files")]
mod files;
#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod lexes;
#[cfg(all(test, feature = "files"))]
mod parity;
mod profile;
mod prompt;
mod runtime;
mod syntax;
mod value;

use proc_macro::TokenStream;

/// Declares one or more inference profiles as `const`s. Documented in the `bedrock-profiles` crate.
#[proc_macro]
pub fn inference_profile(input: TokenStream) -> TokenStream {
    let span = proc_macro2::Span::call_site();
    account::expand(span, |track| profile::expand(input.into(), track)).into()
}

/// Generates the consts, prompt specs and agent specs of a TOML or JSON declaration file at compile time.
/// Documented in the `bedrock-profiles` crate.
#[cfg(feature = "files")]
#[proc_macro]
pub fn include_profiles(input: TokenStream) -> TokenStream {
    account::items(|| files::expand(input.into())).into()
}

/// Declares a Bedrock agent on a struct and implements `Agent` for it. Documented in the `bedrock-profiles` crate.
#[proc_macro_attribute]
pub fn agent(args: TokenStream, item: TokenStream) -> TokenStream {
    account::items(|| agent::expand(args.into(), item.into())).into()
}

/// Checks a prompt template against a struct's fields at compile time and implements `Prompt` for it.
/// Documented in the `bedrock-profiles` crate.
#[proc_macro_attribute]
pub fn prompt(attr: TokenStream, item: TokenStream) -> TokenStream {
    account::items(|| prompt::expand(attr.into(), item.into())).into()
}
