//! The rulebook: every limit on an inference profile, once.
//!
//! Each rule is a small crate-private `const fn` that returns a typed [`Violation`]. Three callers use them:
//! the proc macros (spanned errors on literals), `const` assertions emitted by the macros for values they cannot
//! see ([`assert_valid`]), and runtime code ([`check`], [`check_deployed`]). A violation's text is written by one
//! `const fn`, so all three print the same words (`Display` gives it).
//!
//! Limits by API surface come from the AWS service models (botocore 1.44.8): bedrock-runtime `InferenceConfiguration`
//! (Converse), bedrock-agent `PromptModelInferenceConfiguration` (Prompt management) and bedrock-agent
//! `InferenceConfiguration` (Agent prompt overrides). Limits by model come from [`crate::models`].

use crate::const_text::{char_count, str_eq};
use crate::json::{self, JsonError};
use crate::limits;
use crate::models::{ModelLimits, ModelRef, ModelTarget, TopK};
use crate::profile::{ResponseFormat, text};
use std::borrow::Cow;

/// Where a profile is sent: the three Bedrock API surfaces that take inference settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Surface {
    /// bedrock-runtime Converse / ConverseStream `inferenceConfig` (+ `additionalModelRequestFields`).
    Converse,
    /// bedrock-agent `CreatePrompt` variant `inferenceConfiguration.text`.
    PromptManagement,
    /// bedrock-agent `CreateAgent` `promptOverrideConfiguration` `inferenceConfiguration`.
    Agent,
}

impl Surface {
    /// Every surface.
    pub const ALL: [Surface; 3] = [Surface::Converse, Surface::PromptManagement, Surface::Agent];

    /// The surface's name as messages print it.
    pub const fn name(self) -> &'static str {
        match self {
            Surface::Converse => "Converse",
            Surface::PromptManagement => "Prompt management",
            Surface::Agent => "Agents",
        }
    }

    /// Most stop sequences the surface takes: Converse `stopSequences` 0..=2500; Prompt management and Agent
    /// `stopSequences` 0..=4.
    pub const fn max_stop_sequences(self) -> u32 {
        match self {
            Surface::Converse => limits::CONVERSE_STOP_SEQUENCES_MAX,
            Surface::PromptManagement | Surface::Agent => limits::AGENT_PROMPT_STOP_SEQUENCES_MAX,
        }
    }

    /// The top-k range of the surface's own `topK` field, when it has one (Agent `topK` 0..=500). Converse and
    /// Prompt management have none: top-k travels in `additionalModelRequestFields` with the model's range.
    pub const fn top_k_range(self) -> Option<(u32, u32)> {
        match self {
            Surface::Agent => Some(limits::TOP_K_RANGE),
            Surface::Converse | Surface::PromptManagement => None,
        }
    }
}

use crate::keys::ProfileKey as Key;

impl Key {
    /// Whether a request to the model carries the key's value (the model id, `inferenceConfig`,
    /// `additionalModelRequestFields`, `outputConfig`, `guardrailConfig`): the rules a request builder applies
    /// to the model it sends to. The name and version go to `requestMetadata`, which has its own pattern; the
    /// description and tags to a deployed application inference profile.
    pub const fn reaches_the_model(self) -> bool {
        match self {
            Key::Name | Key::Description | Key::Version | Key::Tags => false,
            Key::Model
            | Key::Temperature
            | Key::TopP
            | Key::TopK
            | Key::MaxTokens
            | Key::StopSequences
            | Key::AnthropicVersion
            | Key::ResponseFormat
            | Key::Reasoning
            | Key::Guardrail => true,
        }
    }
}

#[cfg(test)]
mod boundaries;
mod deploy;
mod guardrail;
mod message;
pub(crate) use message::api_range;
mod place;
mod reasoning;
pub(crate) mod run;
mod violation;
mod warning;
pub use deploy::{Undeployable, undeployable};
pub(crate) use deploy::{check_deployable, check_description_pattern, check_tag, check_tag_count};
pub(crate) use guardrail::{check_agent_guardrail_version, check_guardrail, check_guardrail_id};
pub(crate) use reasoning::{check_reasoning, check_reasoning_sampling, check_sampling_policy};
pub(crate) use run::check_for;
pub use run::{assert_valid, check, check_deployed};
pub use violation::{Limiter, Violation};
pub use warning::{Warning, model_warnings, warnings};

// ---------------------------------------------------------------------------------------------------------------
// The rules. Each takes the value (and the model / surface where they matter) and returns the first violation.
// ---------------------------------------------------------------------------------------------------------------

/// `name`: 1..=64 characters matching `([0-9a-zA-Z][ _-]?)+` as a whole (bedrock `CreateInferenceProfile`).
pub(crate) const fn check_name(name: &str) -> Option<Violation<'_>> {
    let length = char_count(name);
    if length == 0 || length > limits::PROFILE_NAME_MAX_CHARS {
        return Some(Violation::NameLength { found: length });
    }
    if !matches_name_pattern(name, true, usize::MAX) {
        return Some(Violation::NamePattern { found: name });
    }
    None
}

/// Whether `text` matches `([0-9a-zA-Z][ _-]?)+` (or `([0-9a-zA-Z][_-]?)+` without `allow_space`) as a whole,
/// with at most `max_alnum` alphanumerics. Used for profile names here and for prompt, variant and agent names.
pub const fn matches_name_pattern(text: &str, allow_space: bool, max_alnum: usize) -> bool {
    let bytes = text.as_bytes();
    if bytes.is_empty() {
        return false;
    }
    let mut i = 0;
    let mut alnum = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            return false;
        }
        alnum += 1;
        i += 1;
        if i < bytes.len()
            && (bytes[i] == b'_' || bytes[i] == b'-' || (allow_space && bytes[i] == b' '))
        {
            i += 1;
        }
    }
    alnum <= max_alnum
}

/// `description`: 1..=200 characters.
pub(crate) const fn check_description(description: &str) -> Option<Violation<'static>> {
    let length = char_count(description);
    if length == 0 || length > limits::DESCRIPTION_MAX_CHARS {
        return Some(Violation::DescriptionLength { found: length });
    }
    None
}

/// `version`: at least 1.
pub(crate) const fn check_version(version: u32) -> Option<Violation<'static>> {
    if version == 0 {
        Some(Violation::VersionZero)
    } else {
        None
    }
}

/// `model`: the id's length, on-demand invocation, and (for [`Surface::Agent`]) whether agents can use it.
pub(crate) const fn check_model(model: &ModelRef, surface: Surface) -> Option<Violation<'_>> {
    let id = model.id();
    let length = char_count(id);
    if length == 0 || length > limits::MODEL_ID_MAX_CHARS {
        return Some(Violation::ModelIdLength { found: length });
    }
    if let ModelTarget::Base(entry) = model.target
        && !entry.on_demand
    {
        return Some(Violation::ModelNeedsInferenceProfile { model: id });
    }
    if let (Surface::Agent, Some(entry)) = (surface, model.catalog_model())
        && !entry.agents
    {
        return Some(Violation::ModelNotForAgents { model: id });
    }
    None
}

/// `temperature`: 0.0..=1.0 on every surface, from the model's own minimum where it has one (Nova: 0.00001).
pub(crate) const fn check_temperature(
    value: f32,
    model: Option<&ModelRef>,
) -> Option<Violation<'_>> {
    let (min, narrowed_by) = match model {
        Some(model) => match model.limits() {
            Some(limits) if limits.min_temperature > limits::TEMPERATURE_RANGE.0 => {
                (limits.min_temperature, Some(model.id()))
            }
            _ => (limits::TEMPERATURE_RANGE.0, None),
        },
        None => (limits::TEMPERATURE_RANGE.0, None),
    };
    let max = limits::TEMPERATURE_RANGE.1;
    // `!(a <= b)` also rejects NaN.
    if !(value >= min && value <= max) {
        return Some(Violation::Temperature {
            found: value,
            min,
            max,
            model: narrowed_by,
        });
    }
    None
}

/// `top_p`: 0.0..=1.0 on every surface.
pub(crate) const fn check_top_p(value: f32) -> Option<Violation<'static>> {
    if !(value >= limits::TOP_P_RANGE.0 && value <= limits::TOP_P_RANGE.1) {
        return Some(Violation::TopP { found: value });
    }
    None
}

/// `temperature` with `top_p`: not both on models that refuse it (Claude Sonnet 4.5, Claude Haiku 4.5, Claude 4.6,
/// and the models that take no sampling settings).
pub(crate) const fn check_temperature_with_top_p(model: &ModelRef) -> Option<Violation<'_>> {
    let defaults_only = match model.catalog_model() {
        Some(m) => matches!(
            m.facts.sampling,
            crate::models::Sampling::DefaultsOnly { .. }
        ),
        None => false,
    };
    match model.limits() {
        Some(limits) if limits.exclusive_temperature_top_p || defaults_only => {
            Some(Violation::TemperatureWithTopP { model: model.id() })
        }
        _ => None,
    }
}

/// `top_k`: the model's range (0..=500 when no model is known), intersected with the surface's own field range.
pub(crate) const fn check_top_k(
    value: u32,
    model: Option<&ModelRef>,
    surface: Surface,
) -> Option<Violation<'_>> {
    let (mut min, mut max, mut by_model) = (limits::TOP_K_RANGE.0, limits::TOP_K_RANGE.1, None);
    if let Some(model) = model
        && model.limits().is_none()
        && surface.top_k_range().is_none()
    {
        return Some(Violation::TopKUnroutable { model: model.id() });
    }
    if let Some(model) = model
        && let Some(limits) = model.limits()
    {
        match limits.top_k {
            TopK::Unsupported => {
                return Some(Violation::TopKUnsupported { model: model.id() });
            }
            TopK::Range { min: lo, max: hi } => {
                if lo != limits::TOP_K_RANGE.0 || hi != limits::TOP_K_RANGE.1 {
                    by_model = Some(model.id());
                }
                min = lo;
                max = hi;
            }
        }
    }
    if let Some((lo, hi)) = surface.top_k_range() {
        if lo > min {
            min = lo;
        }
        if hi < max {
            max = hi;
        }
    }
    if value < min || value > max {
        return Some(Violation::TopK {
            found: value,
            min,
            max,
            model: by_model,
        });
    }
    None
}

/// `max_tokens`: at least 1, at most the model's output-token limit.
pub(crate) const fn check_max_tokens(
    value: u32,
    model: Option<&ModelRef>,
) -> Option<Violation<'_>> {
    if value == 0 {
        return Some(Violation::MaxTokensZero);
    }
    if value > limits::MAX_TOKENS_MAX {
        return Some(Violation::MaxTokensExceedsApi { found: value });
    }
    if let Some(model) = model
        && let Some(limits) = model.limits()
        && value > limits.max_output_tokens
    {
        return Some(Violation::MaxTokensExceedsModel {
            found: value,
            limit: limits.max_output_tokens,
            model: model.id(),
        });
    }
    None
}

/// `stop_sequences` count: the surface's limit (Converse 2500, Prompt management and Agents 4) and the model's.
pub(crate) const fn check_stop_sequence_count(
    count: usize,
    model: Option<&ModelRef>,
    surface: Surface,
) -> Option<Violation<'_>> {
    let surface_max = surface.max_stop_sequences();
    if count > surface_max as usize {
        return Some(Violation::TooManyStopSequences {
            found: count,
            max: surface_max,
            by: Limiter::Surface(surface),
        });
    }
    if let Some(model) = model
        && let Some(ModelLimits {
            max_stop_sequences: Some(max),
            ..
        }) = model.limits()
        && count > max as usize
    {
        return Some(Violation::TooManyStopSequences {
            found: count,
            max,
            by: Limiter::Model(model.id()),
        });
    }
    None
}

/// `stop_sequences[index]`: non-empty and not a repeat of an earlier item.
pub(crate) const fn check_stop_sequence<'a>(
    sequences: &'a [Cow<'static, str>],
    index: usize,
) -> Option<Violation<'a>> {
    let value = text(&sequences[index]);
    if value.is_empty() {
        return Some(Violation::EmptyStopSequence { index });
    }
    let mut first = 0;
    while first < index {
        if str_eq(text(&sequences[first]), value) {
            return Some(Violation::DuplicateStopSequence {
                index,
                first,
                value,
            });
        }
        first += 1;
    }
    None
}

/// `anthropic_version`: only `bedrock-2023-05-31`, only with an Anthropic model (or no model).
pub(crate) const fn check_anthropic_version<'a>(
    value: &'a str,
    model: Option<&'a ModelRef>,
) -> Option<Violation<'a>> {
    if let Some(model) = model
        && let Some(limits) = model.limits()
        && !matches!(limits.provider, crate::models::Provider::Anthropic)
    {
        return Some(Violation::AnthropicVersionForOtherModel { model: model.id() });
    }
    if !str_eq(value, limits::ANTHROPIC_VERSION) {
        return Some(Violation::AnthropicVersionValue { found: value });
    }
    None
}

/// `response_format`: the schema is a JSON object; a given `name` is not empty.
pub(crate) const fn check_response_format(
    format: &ResponseFormat,
    schema_text: &str,
) -> Option<Violation<'static>> {
    let ResponseFormat::JsonSchema(schema) = format;
    if let Some(name) = &schema.name
        && text(name).is_empty()
    {
        return Some(Violation::SchemaNameEmpty);
    }
    check_schema(schema_text)
}

/// A structured-output schema text: one JSON object.
pub(crate) const fn check_schema(schema: &str) -> Option<Violation<'static>> {
    match json::check_object(schema) {
        Ok(()) => None,
        Err(error) => Some(match error {
            JsonError::Syntax { expected, .. } => {
                let (line, column) = error.line_col(schema);
                Violation::SchemaSyntax {
                    expected,
                    line,
                    column,
                }
            }
            JsonError::NotObject { found } => Violation::SchemaNotObject { found },
        }),
    }
}
