//! What the macros and the code they generate need from the core, and nothing a program should name: the facade
//! re-exports it under its own hidden path, which generated code writes. Nothing here is an API; it changes with
//! the macros that use it.

pub use crate::const_tags::{merge as merge_tags, merged_len as merged_tag_count, static_tags};
pub use crate::const_text::Message;
#[cfg(feature = "files")]
pub use crate::files::load::{load_with_variable_rule, parse_with_variable_rule};
#[cfg(feature = "files")]
pub use crate::files::names::{const_name, struct_name, table_keys};
pub use crate::rules::run::{REPORTED, checked, cleared_tags};
pub use itoa;

use crate::InferenceProfile;
use crate::agent::AgentSpec;
use crate::models::{ArnResource, ModelRef, ModelTarget};
use std::borrow::Cow;

/// `Some(profile)`: what `#[prompt]` generates for `profile = PATH` and `#[agent]` for a step's profile, so that a
/// path to something else than an `InferenceProfile` is reported as a plain type mismatch on the path.
pub const fn profile_ref(profile: &'static InferenceProfile) -> Option<&'static InferenceProfile> {
    Some(profile)
}

/// The index of `model` in `models::CATALOG` (and its const's name in `CATALOG_CONST_NAMES`).
pub fn catalog_index(model: &crate::Model) -> Option<usize> {
    crate::models::catalog_index(model)
}

/// Each catalog model as the `ModelRef` of its base id, under its const's name (`models::ANTHROPIC_...`).
pub mod refs {
    pub use crate::models::generated::refs::*;
}

/// The `SPEC` of an agent whose `#[agent]` attribute has errors, so that uses of it add no errors of their own.
pub const STUB_AGENT_SPEC: &AgentSpec<'static> = &AgentSpec {
    name: "",
    description: None,
    instruction: "",
    model: ModelRef {
        id: Cow::Borrowed(""),
        target: ModelTarget::OpaqueArn(ArnResource::ApplicationInferenceProfile),
    },
    idle_session_ttl: None,
    pre_processing: None,
    orchestration: None,
    post_processing: None,
    knowledge_base_response_generation: None,
    memory_summarization: None,
    base_prompt_templates: &[],
    guardrail: None,
};
