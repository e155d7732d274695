//! Runtime core of [`bedrock-profiles`](https://docs.rs/bedrock-profiles): profile types, the Amazon Bedrock model
//! catalog and the rulebook. Use it through the `bedrock-profiles` facade crate, which re-exports everything here
//! next to the macros.
//!
//! - [`InferenceProfile`]: a named, reusable inference configuration, `const`-constructible.
//! - [`models`]: the model catalog with each model's limits; lookup by id, cross-region id and ARN.
//! - [`rules`]: every limit, once, as `const fn` checks returning typed [`Violation`]s.
//! - [`agent`]: Bedrock agents: the [`Agent`] trait, its const [`AgentSpec`] and the agent rules.
//! - `wire` (feature `wire`): the request bodies Bedrock receives (Converse, InvokeModel, CreatePrompt,
//!   CreateAgent, CreateInferenceProfile, CloudFormation).
//! - `files` (feature `files`): declarations in TOML or JSON files, loaded and checked at run time.
//! - [`template`] and [`prompt`]: `{{variable}}` templates, the prompt rules and the [`Prompt`] trait.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[doc(hidden)]
pub mod __private;
pub mod agent;
mod const_tags;
mod const_text;
#[doc(hidden)]
pub mod decl;
#[cfg(feature = "files")]
pub mod files;
mod issue_kind;
mod json;
pub mod keys;
pub mod limits;
pub mod models;
mod profile;
pub mod prompt;
pub mod rules;
#[cfg(feature = "serde")]
mod serde_impls;
mod settings;
mod shared;
mod suggest;
pub mod tags;
pub mod template;
#[cfg(feature = "wire")]
pub mod wire;

pub use agent::{Agent, AgentSpec, PromptType};
pub use models::{Model, ModelRef};
pub use profile::{InferenceProfile, JsonSchema, ResponseFormat};
pub use prompt::{Part, Prompt, PromptSpec, PromptVariant, PromptViolation, TemplateType};
pub use rules::{Surface, Violation, check};
pub use settings::{GuardrailConfig, ReasoningConfig, Thinking, Trace};
pub use shared::Shared;
pub use tags::Tags;
