//! The inference profile: a named, versioned set of inference settings.

use crate::models::ModelRef;
use crate::settings::{GuardrailConfig, ReasoningConfig};
use crate::shared::Shared;
use crate::tags::Tags;
use std::borrow::Cow;

/// A named, reusable inference configuration.
///
/// Declare one with `inference_profile!` (checked at compile time) or load one at run time and validate it with
/// [`crate::rules::check`]. Every part is `const`-constructible and readable without allocation. Unset settings
/// (`None`, no stop sequences) are left to the model's defaults and not sent.
///
/// The fields are public so that `const` code (and `..BASE` in the DSL) can build and merge profiles; a profile
/// built by hand is not checked until it goes through the rulebook.
///
/// With the `serde` feature, a profile deserializes through the declaration layer: the same keys, types and rules
/// (for Converse) as the DSL and the file loader, with the same messages.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct InferenceProfile {
    /// The profile's name: 1..=64 characters matching `([0-9a-zA-Z][ _-]?)+`.
    pub name: Cow<'static, str>,
    /// What the profile is for: 1..=200 characters matching `([0-9a-zA-Z:.][ _-]?)+` (the description of the
    /// deployed application inference profile; prose belongs in the doc comment).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub description: Option<Cow<'static, str>>,
    /// Version of the profile's settings, from 1.
    pub version: u32,
    /// The model the profile is meant for; its limits are checked.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub model: Option<ModelRef>,
    /// Randomness: 0.0..=1.0.
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "f32_as_written"
        )
    )]
    pub temperature: Option<f32>,
    /// Nucleus sampling: 0.0..=1.0.
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "f32_as_written"
        )
    )]
    pub top_p: Option<f32>,
    /// Top-k sampling: 0..=500 or the model's own range.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub top_k: Option<u32>,
    /// Output-token limit: at least 1, at most the model's limit.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub max_tokens: Option<u32>,
    /// Sequences that stop generation: non-empty, distinct.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "<[_]>::is_empty")
    )]
    pub stop_sequences: Shared<[Cow<'static, str>]>,
    /// Anthropic Messages API version; only `bedrock-2023-05-31`, only for Anthropic models.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub anthropic_version: Option<Cow<'static, str>>,
    /// Structured output.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub response_format: Option<ResponseFormat>,
    /// Reasoning: budget thinking, effort, or thinking off, as the model takes them.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub reasoning: Option<ReasoningConfig>,
    /// A guardrail applied to every call (Converse `guardrailConfig`, InvokeModel headers).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub guardrail: Option<GuardrailConfig>,
    /// Cost-allocation tags of the application inference profile the profile is deployed as, in declaration order:
    /// keys 1..=128 and values 0..=256 characters of `[a-zA-Z0-9\s._:/=+@-]`, keys distinct and not starting with
    /// `aws:`, at most 200. A profile with tags must name a model the resource can copy. A derived profile's tags
    /// are its base's, overridden and extended by its own (see [`Tags`]).
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Tags::is_empty",
            serialize_with = "tags_as_map"
        )
    )]
    pub tags: Tags,
}

/// Serializes the tags as a map (`{"team": "search"}`), as every front end writes them.
#[cfg(feature = "serde")]
fn tags_as_map<S: serde::Serializer>(tags: &Tags, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(tags.iter())
}

/// Serializes an `f32` as the `f64` of its written decimal, so that every serializer (including serde_json's
/// `Value`) shows `0.7`, never `0.699999988079071`.
#[cfg(feature = "serde")]
fn f32_as_written<S: serde::Serializer>(
    value: &Option<f32>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => serializer.serialize_some(&crate::const_text::f32_as_written(*v)),
        None => serializer.serialize_none(),
    }
}

/// Structured output: the model's answer must follow a JSON schema.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "snake_case", deny_unknown_fields)
)]
pub enum ResponseFormat {
    /// Converse `outputConfig.textFormat` of type `json_schema`.
    JsonSchema(JsonSchema),
}

/// A JSON schema for structured output (bedrock-runtime `JsonSchemaDefinition`).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct JsonSchema {
    /// The schema's name.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub name: Option<Cow<'static, str>>,
    /// What the schema describes.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub description: Option<Cow<'static, str>>,
    /// The schema as JSON text; it must be a JSON object. Bedrock takes it as a string, not as an object.
    pub schema: Shared<str>,
}

impl InferenceProfile {
    /// Every setting unset and an empty name: the base of `const` struct literals,
    /// `InferenceProfile { name: Cow::Borrowed("fast"), max_tokens: Some(500), ..InferenceProfile::EMPTY }`.
    ///
    /// (`..InferenceProfile::new(..)` does not work in a `const`: rustc counts the result of a `const fn` call as
    /// needing `Drop`, which `const` evaluation cannot run. The same goes for a `..BASE` built that way.)
    pub const EMPTY: InferenceProfile = InferenceProfile {
        name: Cow::Borrowed(""),
        description: None,
        version: 1,
        model: None,
        temperature: None,
        top_p: None,
        top_k: None,
        max_tokens: None,
        stop_sequences: Shared::Static(&[]),
        anthropic_version: None,
        response_format: None,
        reasoning: None,
        guardrail: None,
        tags: Tags::NONE,
    };

    /// A profile with only a name: every setting left to the model's defaults.
    pub const fn new(name: &'static str) -> Self {
        InferenceProfile {
            name: Cow::Borrowed(name),
            description: None,
            version: 1,
            model: None,
            temperature: None,
            top_p: None,
            top_k: None,
            max_tokens: None,
            stop_sequences: Shared::Static(&[]),
            anthropic_version: None,
            response_format: None,
            reasoning: None,
            guardrail: None,
            tags: Tags::NONE,
        }
    }

    /// The profile's name.
    pub const fn name(&self) -> &str {
        text(&self.name)
    }

    /// The description, if any.
    pub const fn description(&self) -> Option<&str> {
        match &self.description {
            Some(d) => Some(text(d)),
            None => None,
        }
    }

    /// The id to send as `modelId`, if the profile names a model.
    pub const fn model_id(&self) -> Option<&str> {
        match &self.model {
            Some(model) => Some(model.id()),
            None => None,
        }
    }

    /// The stop sequences as string slices.
    pub fn stop_sequences(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.stop_sequences.iter().map(|s| &**s)
    }

    /// The cost-allocation tags as `(key, value)` string slices, in order: a derived profile's are its base's,
    /// with the values it overrides, then its own new keys (see [`Tags`]).
    pub fn tags(&self) -> impl ExactSizeIterator<Item = (&str, &str)> + '_ {
        self.tags.iter()
    }

    /// The Anthropic version, if set.
    pub const fn anthropic_version(&self) -> Option<&str> {
        match &self.anthropic_version {
            Some(v) => Some(text(v)),
            None => None,
        }
    }
}

/// Reads a `Cow<str>` in `const` code (`Deref` is not callable there, hence the `&Cow` parameter).
#[allow(clippy::ptr_arg)]
pub(crate) const fn text<'a>(value: &'a Cow<'_, str>) -> &'a str {
    match value {
        Cow::Borrowed(s) => s,
        Cow::Owned(s) => s.as_str(),
    }
}
