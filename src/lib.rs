//! Amazon Bedrock inference profiles declared in Rust and checked by the compiler.
//!
//! Temperature, top-p, max-tokens, stop sequences and the rest are usually loose numbers and strings that Bedrock
//! rejects with a `ValidationException` in production. Declared with [`inference_profile!`], each value is checked
//! at `cargo build` against the API surface's limits and the model's own (its real output-token limit, which
//! settings it accepts), and a bad value is a compile error on the offending literal:
//!
//! ```compile_fail
//! bedrock_profiles::inference_profile! {
//!     pub FAST {
//!         model: "anthropic.claude-3-haiku-20240307-v1:0",
//!         max_tokens: 10000, // error: `max_tokens` 10000 exceeds the 4096 output tokens of anthropic.claude-3-haiku-20240307-v1:0
//!     }
//! }
//! ```
//!
//! # Declaring profiles
//!
//! ```
//! use bedrock_profiles::inference_profile;
//!
//! inference_profile! {
//!     /// A profile for high-quality responses.
//!     pub HIGH_QUALITY {
//!         name: "my-inference-profile",
//!         description: "A profile for high-quality responses",
//!         model: "us.anthropic.claude-sonnet-4-6",
//!         temperature: 0.7,
//!         max_tokens: 2000,
//!         stop_sequences: ["Human:", "Assistant:"],
//!         top_k: 250,
//!         anthropic_version: "bedrock-2023-05-31",
//!     }
//!
//!     /// Same settings, more adventurous.
//!     pub(crate) CREATIVE {
//!         name: "creative-writing",
//!         temperature: 1.0,
//!         ..HIGH_QUALITY
//!     }
//! }
//!
//! assert_eq!(CREATIVE.temperature, Some(1.0));
//! assert_eq!(CREATIVE.max_tokens, Some(2000)); // inherited
//! assert_eq!(CREATIVE.model_id(), Some("us.anthropic.claude-sonnet-4-6"));
//! ```
//!
//! Each profile becomes `<vis> const NAME: InferenceProfile`, documented with its effective settings and its
//! model's limits. Reading it allocates nothing.
//!
//! ## Keys
//!
//! All keys are optional.
//!
//! | Key | Value | Rule |
//! |---|---|---|
//! | `name` | string | 1..=64 characters matching `([0-9a-zA-Z][ _-]?)+`; default: the const's name in kebab-case (`HIGH_QUALITY` -> `high-quality`); never inherited |
//! | `description` | string | 1..=200 characters matching `([0-9a-zA-Z:.][ _-]?)+` (prose goes in the doc comment) |
//! | `version` | integer | at least 1; default 1 |
//! | `model` | string, or `unlisted { id: "...", max_output_tokens: N }` | a catalog id, a cross-region id (`us.`, `eu.`, `apac.`, `au.`, `jp.`, `global.` + catalog id) or a Bedrock ARN |
//! | `temperature` | number | 0.0..=1.0, from the model's minimum (Amazon Nova: 0.00001) |
//! | `top_p` | number | 0.0..=1.0; not together with `temperature` on Claude Sonnet 4.5 and Haiku 4.5 |
//! | `top_k` | integer | 0..=500, or the model's range (Nova 2 Lite 0..=128, Mistral 1..=200); an error on models without top-k (Titan, Llama, DeepSeek, Jamba) |
//! | `max_tokens` | integer | at least 1, at most the model's output-token limit |
//! | `stop_sequences` | list of strings | each non-empty, no duplicates, at most 2500 (Converse), or fewer where the model says so |
//! | `anthropic_version` | string | only `"bedrock-2023-05-31"`, only with Anthropic models (or no model) |
//! | `response_format` | `json_schema { name: "...", description: "...", schema: r#"{...}"# }` | the schema must be a JSON object |
//! | `tags` | `{ "team": "search", "cost-center": "4711" }` | cost-allocation tags of the deployed application inference profile: keys 1..=128 and values 0..=256 characters of `[a-zA-Z0-9\s._:/=+@-]`, distinct keys, none starting with `aws:`, at most 200; the model must be a foundation model or a cross-region profile |
//!
//! Float keys take integer literals (`temperature: 1`); numbers may contain `_`. A key may also be given a
//! constant expression (`max_tokens: limits::LONG`); the macro cannot read it, so a `const` assertion checks the
//! finished profile with the same rules, and a broken rule fails the build with the same message. `key: None`
//! leaves a setting unset even when `..BASE` sets it. Like every key, `tags` is inherited whole: a profile that sets
//! `tags` replaces its base's.
//!
//! ## Models
//!
//! [`models`] lists the models the rulebook knows, with their limits and sources. A cross-region inference profile
//! id has the limits of its model. An application inference profile ARN says nothing about the model inside, so
//! only the API surface's limits apply to it. A model the catalog does not know yet is named with its
//! output-token limit:
//!
//! ```
//! bedrock_profiles::inference_profile! {
//!     pub NEXT {
//!         model: unlisted { id: "anthropic.claude-next-v1:0", max_output_tokens: 128000 },
//!         max_tokens: 100000,
//!     }
//! }
//! assert_eq!(NEXT.model_id(), Some("anthropic.claude-next-v1:0"));
//! ```
//!
//! ## Derived profiles
//!
//! `..BASE`, last, takes every unset key from `BASE` except the name, like Rust's struct update syntax.
//!
//! A `BASE` declared in the same invocation (`..BASE`, or `..Self::BASE` in an `impl` block; before or after the
//! derived profile, in chains) is merged by the macro, which checks the merged profile like any other and reports a
//! broken rule of an inherited value on `..BASE`. The const is then written out whole, so in an `impl` block a bare
//! `..BASE` names the profile declared beside it, never a module-level const of that name:
//!
//! ```compile_fail
//! bedrock_profiles::inference_profile! {
//!     pub LONG { model: "anthropic.claude-3-5-sonnet-20241022-v2:0", max_tokens: 8000 }
//!     pub CHEAP { model: "anthropic.claude-3-haiku-20240307-v1:0", ..LONG }
//!     // error: `max_tokens` 8000 exceeds the 4096 output tokens of anthropic.claude-3-haiku-20240307-v1:0
//!     // (inherited from `LONG`)
//! }
//! ```
//!
//! `BASE` may also be declared in another invocation, module or crate. The macro cannot see its values then: the
//! merged profile is checked by `const` evaluation, with the same rules and words (`error[E0080]: evaluation
//! panicked: profile `CHEAP`: ...`).
//!
//! A profile with an error is a stub const beside the error, and so are the profiles of its invocation derived
//! from it: its uses (a `#[prompt]`, an `#[agent]`, a profile derived from it anywhere) raise no errors of their
//! own, so each mistake is one error. What a profile derived in another invocation adds over a broken base is
//! checked once that base is fixed. The same holds in declaration files (`include_profiles!`).
//!
//! # Agents
//!
//! `#[agent(...)]` on a struct declares a Bedrock agent (bedrock-agent `CreateAgent`) and implements [`Agent`] for
//! the struct: `<Struct as Agent>::SPEC` is a `&'static` [`AgentSpec`] with the name, description, instruction,
//! model, idle session timeout and the [`InferenceProfile`] of each orchestration step. Bedrock rejects a short
//! instruction, a bad name or an out-of-range timeout only when the agent is created; here they are compile errors.
//!
//! ```
//! use bedrock_profiles::{Agent, PromptType, agent, inference_profile};
//!
//! inference_profile! {
//!     pub HIGH_QUALITY { temperature: 0.7, max_tokens: 2000, stop_sequences: ["Human:"] }
//!     pub CLASSIFY { temperature: 0.0, max_tokens: 200 }
//! }
//!
//! /// Answers questions about orders.
//! #[agent(
//!     name = "my-agent",
//!     description = "Answers order questions",
//!     instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
//!     model = "us.anthropic.claude-sonnet-4-6",
//!     profile = HIGH_QUALITY,
//!     idle_session_ttl = "10m",
//!     steps(pre_processing = CLASSIFY),
//!     base_prompt_templates(
//!         orchestration = "$instruction$ $question$",
//!         pre_processing = "$instruction$ $question$",
//!     ),
//! )]
//! pub struct SupportAgent;
//!
//! const NAME: &str = SupportAgent::SPEC.name; // readable in `const` code
//! assert_eq!(NAME, "my-agent");
//! assert_eq!(SupportAgent::SPEC.idle_session_ttl, Some(600));
//! assert_eq!(SupportAgent::SPEC.profile(PromptType::Orchestration), Some(&HIGH_QUALITY));
//! assert_eq!(PromptType::PreProcessing.as_str(), "PRE_PROCESSING");
//! ```
//!
//! | Key | Value | Rule |
//! |---|---|---|
//! | `name` | string | matches `([0-9a-zA-Z][_-]?){1,100}` as a whole; default: the struct's name in kebab-case (`SupportAgent` -> `support-agent`) |
//! | `description` | string | 1..=200 characters |
//! | `instruction` | string | 40..=4000 characters; required, or `instruction_file` |
//! | `instruction_file` | string | a path relative to the crate's `Cargo.toml` directory, read at compile time (and included, so editing it rebuilds); 40..=4000 characters |
//! | `model` | string | required; a catalog model that Bedrock Agents supports, or a cross-region id or ARN of one |
//! | `profile` | path of an `InferenceProfile` const | the `ORCHESTRATION` step's profile |
//! | `idle_session_ttl` | integer seconds, or a string `"90s"`, `"10m"`, `"1h"` | 60..=5400 seconds; unset: Bedrock's default |
//! | `steps(...)` | `pre_processing`, `orchestration`, `post_processing`, `knowledge_base_response_generation`, `memory_summarization` = path | one profile per step; `orchestration` not together with `profile` |
//! | `guardrail(...)` | `id = "..."`, `version = "..."` | the agent's guardrail (`guardrailConfiguration`): `id` `[a-z0-9]+` or a guardrail ARN, `version` `"DRAFT"` or `[0-9]{1,8}` (bedrock-agent's pattern); both; no `trace` (CreateAgent has none) |
//!
//! Each profile is checked by `const` evaluation against the Agents surface with the agent's model in place of its
//! own: at most 4 stop sequences, `top_k` 0..=500 and within the model's range, `max_tokens` (sent as
//! `maximumLength`) within the model's output-token limit, and every other rule of the rulebook:
//!
//! ```compile_fail
//! # use bedrock_profiles::{agent, inference_profile};
//! inference_profile! { pub LONG { max_tokens: 8000 } }
//!
//! #[agent(
//!     instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
//!     model = "anthropic.claude-3-haiku-20240307-v1:0",
//!     profile = LONG,
//!     // error[E0080]: evaluation panicked: profile `LONG` of agent `SupportAgent` (orchestration):
//!     // `max_tokens` 8000 exceeds the 4096 output tokens of anthropic.claude-3-haiku-20240307-v1:0
//!     base_prompt_templates(orchestration = "$instruction$ $question$"),
//! )]
//! pub struct SupportAgent;
//! ```
//!
//! An instruction this short is refused by Bedrock, and here by the compiler:
//!
//! ```compile_fail
//! #[bedrock_profiles::agent(
//!     instruction = "You are a helpful assistant.", // error: `instruction` must be 40..=4000 characters, found 28
//!     model = "anthropic.claude-3-5-sonnet-20241022-v2:0",
//! )]
//! pub struct SupportAgent;
//! ```
//!
//! The same rules are in [`agent`](mod@agent) for run time: [`agent::check`] an [`AgentSpec`] (every broken rule,
//! as an [`agent::AgentViolation`]); [`agent::parse_ttl`] reads `"10m"`.
//!
//! # Prompts
//!
//! [`#[prompt]`](macro@prompt) turns a struct with named fields into a Bedrock Prompt management prompt: a
//! `{{variable}}` template, a model and an inference profile. The template is parsed at compile time; every
//! placeholder must name a field and every field must be used by some variant, and the rendering is generated straight-line code
//! (no parsing at run time, values inserted verbatim and never scanned again).
//!
//! ```
//! use bedrock_profiles::{Prompt, TemplateType, inference_profile, prompt};
//!
//! inference_profile! {
//!     pub HIGH_QUALITY { model: "anthropic.claude-3-5-sonnet-20241022-v2:0", temperature: 0.7, max_tokens: 2000 }
//! }
//!
//! #[prompt(
//!     name = "my-prompt",
//!     description = "Greets a customer",
//!     model = "us.anthropic.claude-sonnet-4-6",
//!     profile = HIGH_QUALITY,
//!     text = "Hello {{customer}}, how can I help you with {{topic}}?",
//!     variant(name = "concise", text = "Hi {{customer}}. {{topic}}?"),
//! )]
//! pub struct Greeting<'a> {
//!     pub customer: &'a str,
//!     pub topic: String,
//! }
//!
//! let greeting = Greeting { customer: "Ada", topic: "billing".into() };
//! assert_eq!(greeting.render(), "Hello Ada, how can I help you with billing?");
//! assert_eq!(greeting.render_variant("concise").as_deref(), Some("Hi Ada. billing?"));
//!
//! let spec = Greeting::SPEC;
//! assert_eq!(spec.name, "my-prompt");
//! assert_eq!(spec.variants[0].variables, ["customer", "topic"]);
//! assert_eq!(spec.variants[0].template_type, TemplateType::Text);
//! ```
//!
//! | Key | Value | Rule |
//! |---|---|---|
//! | `name` | string | `([0-9a-zA-Z][_-]?){1,100}`; default: the struct's name in kebab-case |
//! | `description` | string | 1..=200 characters |
//! | `model` | string | a catalog id, a cross-region id or an ARN |
//! | `profile` | path to an [`InferenceProfile`] const | every rule of the rulebook for Prompt management with the prompt's model (at most 4 stop sequences, `max_tokens` within the model's limit, ...), checked by `const` evaluation |
//! | `text` or `text_file` | string, or a path relative to the crate's `Cargo.toml` | required; not empty; at most 20 distinct variables; a file's final line break is dropped; editing the file rebuilds |
//! | `system` or `system_file` | as `text` | a system prompt: the prompt becomes `CHAT` |
//! | `variant(...)` | `name` and any of `model`, `profile`, `text`, `system` (and the `_file` forms) | repeatable; unique names (`default` is the top-level variant); unset keys come from the top level; each variant checked on its own |
//!
//! Placeholders are `{{name}}`, `name` matching `([0-9a-zA-Z][_-]?){1,100}`. An unclosed `{{`, an empty `{{}}`,
//! spaces or other characters in a name are errors that point at the template literal and give the line, column
//! and a snippet. Single braces and a lone `}}` are plain text, so JSON examples need no escaping:
//!
//! ```compile_fail
//! #[bedrock_profiles::prompt(text = "Hello {{ customer }}")]
//! // error: placeholder `{{ customer }}` at line 1, column 7 has spaces; write `{{customer}}`
//! struct Greeting { customer: String }
//! ```
//!
//! Field types are anything that implements `Display`; generics and lifetimes work. `&str`, `String`, `Cow<str>`,
//! `Box<str>`, `Rc<str>` and `Arc<str>` values are copied straight in, integers are formatted without the `fmt`
//! machinery, and the output gets its exact capacity when no other type is involved. See [`Prompt`] for the
//! rendering methods and [`PromptSpec`] for what a prompt declares; [`prompt`](mod@prompt) and [`template`] hold
//! the rules and the parser for use at run time.
//!
//! # Checking at run time
//!
//! The same rules are public in [`rules`]: [`check`] a profile against an API [`Surface`] and get every
//! [`Violation`], with the text the macro prints.
//!
//! ```
//! use bedrock_profiles::{InferenceProfile, Surface, check, models::ModelRef, models};
//!
//! let mut profile = InferenceProfile::new("runtime");
//! profile.model = Some(ModelRef::base(&models::ANTHROPIC_CLAUDE_3_HAIKU));
//! profile.max_tokens = Some(10_000);
//! profile.top_k = Some(501);
//! let found: Vec<String> = check(&profile, Surface::Converse).iter().map(|v| v.to_string()).collect();
//! assert_eq!(found, [
//!     "`top_k` must be within 0..=500, found 501",
//!     "`max_tokens` 10000 exceeds the 4096 output tokens of anthropic.claude-3-haiku-20240307-v1:0",
//! ]);
//! ```
//!
//! # Declarations in files
//!
//! Profiles, prompts and agents can live in a TOML or JSON file, checked by the same rules with the same words:
//! at compile time with `include_profiles!` and at run time with `files::load` (both feature `files`), and by the
//! `bedrock-profiles` command (`cargo install bedrock-profiles-cli`). Tables are `profiles.<name>`,
//! `prompts.<name>` (variants in `prompts.<name>.variants.<variant>`) and `agents.<name>`, with the DSL's keys; a
//! profile may say `extends = "<profile>"`, prompts and agents name profiles by their table name, and agents may
//! give `base_prompt_templates.<step>` for `create-agent` exports. Every error names the file, line, column and key
//! path.
//!
//! ```
//! # #[cfg(feature = "files")]
//! # mod declared {
//! // The path is relative to the crate's Cargo.toml; editing the file rebuilds.
//! bedrock_profiles::include_profiles!("profile-core/tests/files/bedrock.toml");
//! // [profiles.high-quality] -> HIGH_QUALITY: InferenceProfile, [prompts.greeting] -> GREETING: PromptSpec
//! // and the struct Greeting<'a> (its variables as fields, implementing Prompt), [agents.support] -> SUPPORT:
//! // &'static AgentSpec
//! # pub fn check() {
//! # use bedrock_profiles::Prompt;
//! assert_eq!(CREATIVE.temperature, Some(1.0));
//! assert_eq!(CREATIVE.max_tokens, Some(2000)); // from `extends = "high-quality"`
//! assert_eq!(GREETING.variants[0].variables, ["customer", "topic"]);
//! let greeting = Greeting { customer: "Ada", topic: "billing" };
//! assert_eq!(greeting.render(), "Hello Ada, how can I help you with billing?");
//! assert_eq!(Greeting::SPEC, GREETING);
//! assert_eq!(SUPPORT.idle_session_ttl, Some(600));
//! # }
//! # }
//! # #[cfg(feature = "files")]
//! # declared::check();
//! ```
//!
//! # Re-exporting crates
//!
//! Generated code names this crate as `::bedrock_profiles`. A crate that re-exports it to users who do not depend on
//! it themselves (`pub use bedrock_profiles as bp;` in `my_sdk`) tells each macro where it is, with the path its
//! users write, as serde's `#[serde(crate = "..")]` does:
//!
//! | Macro | `crate = path` |
//! |---|---|
//! | [`inference_profile!`] | first, ended by `;`: `inference_profile! { crate = my_sdk::bp; pub FAST { .. } }` |
//! | [`#[prompt]`](macro@prompt) | an argument: `#[prompt(crate = my_sdk::bp, text = "..")]` |
//! | [`#[agent]`](macro@agent) | an argument: `#[agent(crate = my_sdk::bp, instruction = "..", ..)]` |
//! | `include_profiles!` | after the file: `include_profiles!("bedrock.toml", crate = my_sdk::bp)` |
//!
//! The path is a module path without quotes (`my_sdk::bp`, `::my_sdk::bp`, or `$crate::bp` in the re-exporting
//! crate's own `macro_rules!`); anything else is a compile error at the value.
//!
//! ```
//! mod my_sdk {
//!     // In a real re-exporting crate: `pub use bedrock_profiles as bp;`
//!     pub(crate) use ::bedrock_profiles as bp;
//! }
//!
//! my_sdk::bp::inference_profile! {
//!     crate = my_sdk::bp;
//!     pub FAST { temperature: 0.5, max_tokens: 500 }
//! }
//!
//! #[my_sdk::bp::prompt(crate = my_sdk::bp, text = "Hello {{name}}", profile = FAST)]
//! struct Greeting<'a> {
//!     name: &'a str,
//! }
//!
//! use my_sdk::bp::Prompt;
//! assert_eq!(Greeting { name: "Ada" }.render(), "Hello Ada");
//! ```
//!
//! # Features
//!
//! None is on by default. A default build compiles the macros, `bedrock-profiles-core` and their dependencies
//! proc-macro2, quote, unicode-ident, syn, strsim and itoa. With any features, the core is built once: each feature
//! that turns on one of the core's turns it on in the macros' host build too, so the host build and the program
//! use the core with the same features (without `--target`; cross-compiling builds host crates apart anyway).
//!
//! | Feature | Gives | Adds to a clean build |
//! |---|---|---|
//! | `serde` | `Serialize` and `Deserialize` for profiles, with the DSL's key names; deserializing runs the rules | serde, serde_core, serde_derive |
//! | `wire` | `wire`: the request bodies Bedrock receives (Converse, InvokeModel, CreatePrompt, CreateAgent, CreateInferenceProfile, CloudFormation) | `serde` and serde_json, memchr, zmij (6 crates) |
//! | `account-catalog` | the macros read your account's catalog, `bedrock-catalog.toml` (written by `bedrock-profiles catalog sync`; `models::account`) | toml's parser without serde (5 crates), used by the macros too |
//! | `files` | `files` (the run-time loader) and `include_profiles!`; `account-catalog` | `serde`, toml and its parser, annotate-snippets (15 crates), used by the macros too |
//! | `aws-sdk` | `aws`: conversions into `aws-sdk-bedrockruntime`'s types, `aws::ConverseExt` | `wire` and the SDK without its default features (70 crates) |
//! | `tracing` | `monitor::TracingInterceptor` | `aws-sdk` (nothing beyond it) |

#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// README.md's Rust examples, compiled (and run, unless `no_run`) by `cargo test --doc --all-features`.
#[cfg(all(doctest, feature = "files", feature = "tracing"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use bedrock_profiles_core::{Agent, AgentSpec, PromptType, agent};
pub use bedrock_profiles_core::{GuardrailConfig, ReasoningConfig, Thinking, Trace};
pub use bedrock_profiles_core::{
    InferenceProfile, JsonSchema, Model, ModelRef, ResponseFormat, Shared, Surface, Tags,
    Violation, check, limits, models, rules,
};

#[cfg(feature = "aws-sdk")]
pub mod aws;
#[cfg(feature = "tracing")]
pub mod monitor;

/// Declarations in TOML or JSON files, loaded and checked at run time (feature `files`); see the crate docs'
/// "Declarations in files" section.
#[cfg(feature = "files")]
pub use bedrock_profiles_core::files;
/// Request bodies Bedrock receives: Converse, InvokeModel, CreatePrompt, CreateAgent, CreateInferenceProfile and
/// CloudFormation (feature `wire`).
#[cfg(feature = "wire")]
pub use bedrock_profiles_core::wire;

/// Declares one or more inference profiles as `const`s, every value checked at compile time.
///
/// See the [crate documentation](crate#declaring-profiles) for the keys and rules. A crate that re-exports this one
/// starts the invocation with `crate = path;` ([Re-exporting crates](crate#re-exporting-crates)).
pub use bedrock_profiles_macros::inference_profile;

/// Declares a Bedrock agent on a struct and implements [`Agent`] for it, every value checked at compile time.
///
/// See the [crate documentation](crate#agents) for the keys and rules. A crate that re-exports this one passes
/// `crate = path` among the arguments ([Re-exporting crates](crate#re-exporting-crates)).
pub use bedrock_profiles_macros::agent;

pub use bedrock_profiles_core::{
    Part, Prompt, PromptSpec, PromptVariant, TemplateType, prompt, template,
};

/// Checks a prompt template against the struct's fields at compile time and implements [`Prompt`] for it.
///
/// See the [crate documentation](crate#prompts) for the keys and rules. A crate that re-exports this one passes
/// `crate = path` among the arguments ([Re-exporting crates](crate#re-exporting-crates)).
pub use bedrock_profiles_macros::prompt;

/// Reads a TOML or JSON declaration file at compile time (the path is relative to the crate's `Cargo.toml`;
/// editing the file rebuilds) and generates the same items as the DSL: an [`InferenceProfile`] const per profile,
/// a [`PromptSpec`] const per prompt and a `&'static` [`AgentSpec`] const per agent, named after their tables in
/// SCREAMING_SNAKE_CASE. Each prompt also becomes a struct named after its table in UpperCamelCase
/// (`support-reply` -> `SupportReply<'a>`) whose `&'a str` fields are its variables (a keyword as `r#type`; `Name
/// {}` without variables), implementing [`Prompt`] as [`macro@prompt`] does; the prompt's const is its
/// `Prompt::SPEC`. A broken rule, or a variable no field can hold (`self`, `first-name`), is a compile error
/// giving `file:line:col`, the key path and the rule.
///
/// See the [crate documentation](crate#declarations-in-files) for the file format. Feature `files`. A crate that
/// re-exports this one passes `crate = path` after the file: `include_profiles!("bedrock.toml", crate = my_sdk::bp)`
/// ([Re-exporting crates](crate#re-exporting-crates)).
#[cfg(feature = "files")]
pub use bedrock_profiles_macros::include_profiles;

/// What generated code names. Not public API: it changes without notice. The number in its name changes with the
/// contract between this crate and the macros (`PRIVATE` in `profile-macros/src/runtime.rs`, which must match), so
/// that mismatched versions fail on the module's name rather than inside generated code.
#[doc(hidden)]
pub mod __private1 {
    pub use bedrock_profiles_core::__private::*;
    pub use bedrock_profiles_core::models::Effort;
    pub use bedrock_profiles_core::models::{
        self, ArnResource, Geo, ModelLimits, ModelRef, ModelTarget,
    };
    pub use bedrock_profiles_core::rules::{Surface, assert_valid};
    pub use bedrock_profiles_core::{
        GuardrailConfig, InferenceProfile, JsonSchema, ReasoningConfig, ResponseFormat, Shared,
        Tags, Thinking, Trace,
    };
    pub use core::option::Option::{self, None, Some};
    pub use std::borrow::Cow;

    pub use bedrock_profiles_core::agent::{Agent, AgentGuardrail, AgentSpec, PromptType};

    // #[prompt]
    pub use bedrock_profiles_core::prompt::{
        Part, Prompt, PromptSpec, PromptVariant, TemplateType,
    };
    pub use std::string::String;
}
