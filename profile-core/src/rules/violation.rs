//! A broken rule of the rulebook, with what was found and what is allowed; its one message is written in
//! `message.rs`.

use super::{Key, Surface, Undeployable};
use crate::models::{Effort, Efforts};
use crate::settings::Thinking;

/// Who sets a limit that a value broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limiter<'a> {
    /// The API surface.
    Surface(Surface),
    /// The model, by the id the profile gives.
    Model(&'a str),
}

/// One broken rule, with what was found and what is allowed.
///
/// `Display` prints the same text the macros print as a compile error.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Violation<'a> {
    /// `name` is empty or longer than 64 characters.
    NameLength {
        /// Length in characters.
        found: usize,
    },
    /// `name` does not match `([0-9a-zA-Z][ _-]?)+`.
    NamePattern {
        /// The name.
        found: &'a str,
    },
    /// `description` is empty or longer than 200 characters.
    DescriptionLength {
        /// Length in characters.
        found: usize,
    },
    /// A profile's `description` does not match `([0-9a-zA-Z:.][ _-]?)+`.
    DescriptionPattern {
        /// The first character that breaks the pattern.
        found: &'a str,
        /// Its position, in characters from 1.
        position: usize,
    },
    /// `version` is 0.
    VersionZero,
    /// The model id is empty or longer than 2048 characters.
    ModelIdLength {
        /// Length in characters.
        found: usize,
    },
    /// The model cannot be invoked by its base id; it needs a cross-region inference profile id.
    ModelNeedsInferenceProfile {
        /// The base model id.
        model: &'a str,
    },
    /// Bedrock Agents cannot use the model.
    ModelNotForAgents {
        /// The model id.
        model: &'a str,
    },
    /// `temperature` outside the allowed range.
    Temperature {
        /// The value.
        found: f32,
        /// Smallest allowed value.
        min: f32,
        /// Largest allowed value.
        max: f32,
        /// The model whose own minimum applies, if it narrows the surface's range.
        model: Option<&'a str>,
    },
    /// `top_p` outside 0.0..=1.0.
    TopP {
        /// The value.
        found: f32,
    },
    /// `temperature` and `top_p` both set for a model that takes only one of them.
    TemperatureWithTopP {
        /// The model id.
        model: &'a str,
    },
    /// `top_k` set for a model without top-k.
    TopKUnsupported {
        /// The model id.
        model: &'a str,
    },
    /// `top_k` for a model behind an opaque ARN on a surface without a `topK` field of its own (Converse, Prompt
    /// management): top-k travels in the model's own request fields, whose name depends on the unknown model.
    TopKUnroutable {
        /// The ARN.
        model: &'a str,
    },
    /// `top_k` outside the allowed range.
    TopK {
        /// The value.
        found: u32,
        /// Smallest allowed value.
        min: u32,
        /// Largest allowed value.
        max: u32,
        /// The model whose range applies, if it is not the default 0..=500.
        model: Option<&'a str>,
    },
    /// `max_tokens` is 0.
    MaxTokensZero,
    /// `max_tokens` above what the APIs' 32-bit integer fields hold ([`crate::limits::MAX_TOKENS_MAX`]).
    MaxTokensExceedsApi {
        /// The value.
        found: u32,
    },
    /// `max_tokens` above the model's output-token limit.
    MaxTokensExceedsModel {
        /// The value.
        found: u32,
        /// The model's limit.
        limit: u32,
        /// The model id.
        model: &'a str,
    },
    /// More stop sequences than the surface or the model takes.
    TooManyStopSequences {
        /// Number of stop sequences.
        found: usize,
        /// Most allowed.
        max: u32,
        /// Who sets the limit.
        by: Limiter<'a>,
    },
    /// A stop sequence is empty.
    EmptyStopSequence {
        /// Its position (0-based).
        index: usize,
    },
    /// A stop sequence repeats an earlier one.
    DuplicateStopSequence {
        /// Its position (0-based).
        index: usize,
        /// Position of the first occurrence.
        first: usize,
        /// The sequence.
        value: &'a str,
    },
    /// `anthropic_version` on a model that is not Anthropic's.
    AnthropicVersionForOtherModel {
        /// The model id.
        model: &'a str,
    },
    /// `anthropic_version` is not `bedrock-2023-05-31`.
    AnthropicVersionValue {
        /// The value.
        found: &'a str,
    },
    /// The structured-output schema is not JSON.
    SchemaSyntax {
        /// What the parser expected.
        expected: &'static str,
        /// 1-based line within the schema text.
        line: usize,
        /// 1-based column within the schema text.
        column: usize,
    },
    /// The structured-output schema is JSON but not an object.
    SchemaNotObject {
        /// What it is instead ("an array", ...).
        found: &'static str,
    },
    /// The structured-output schema's `name` is empty.
    SchemaNameEmpty,
    /// `reasoning` on a model that takes no reasoning settings.
    ReasoningUnsupported {
        /// The model id.
        model: &'a str,
        /// The reasoning key written.
        field: &'static str,
    },
    /// `reasoning` on a model that always reasons (DeepSeek-R1).
    AlwaysReasons {
        /// The model id.
        model: &'a str,
        /// The reasoning key written.
        field: &'static str,
    },
    /// `reasoning` through a model the catalog does not know: the shape of the settings is unknown.
    ReasoningUnknownModel {
        /// The model id.
        model: &'a str,
    },
    /// `reasoning` on a catalog model that reasons, but whose reasoning settings no source documents.
    ReasoningUndocumented {
        /// The model id.
        model: &'a str,
    },
    /// `reasoning: {}`.
    ReasoningEmpty,
    /// `budget_tokens` on a model that takes `effort` instead.
    BudgetUnsupported {
        /// The model id.
        model: &'a str,
        /// The levels it takes.
        efforts: Efforts,
    },
    /// `effort` on a model that takes `budget_tokens` instead.
    EffortUnsupported {
        /// The model id.
        model: &'a str,
    },
    /// An effort level the model does not accept.
    EffortLevel {
        /// The model id.
        model: &'a str,
        /// The level.
        found: Effort,
        /// The levels it takes.
        accepted: Efforts,
    },
    /// `budget_tokens` below 1024.
    BudgetTooSmall {
        /// The value.
        found: u32,
    },
    /// `budget_tokens` without `max_tokens`.
    BudgetNeedsMaxTokens,
    /// `budget_tokens` not below `max_tokens` (without `interleaved`).
    BudgetNotBelowMaxTokens {
        /// The budget.
        budget: u32,
        /// `max_tokens`.
        max_tokens: u32,
    },
    /// `interleaved` without `budget_tokens`.
    InterleavedWithoutBudget,
    /// `interleaved` on a model without interleaved thinking.
    InterleavedUnsupported {
        /// The model id.
        model: &'a str,
    },
    /// `budget_tokens` and `effort` on a model where effort means adaptive thinking.
    BudgetWithEffort {
        /// The model id.
        model: &'a str,
    },
    /// `thinking` with `budget_tokens`.
    ThinkingWithBudget {
        /// The mode.
        found: Thinking,
    },
    /// A thinking mode the model does not have.
    ThinkingUnsupported {
        /// The model id.
        model: &'a str,
        /// The mode.
        found: Thinking,
    },
    /// `thinking: "off"` on a model that always thinks.
    ThinkingAlwaysOn {
        /// The model id.
        model: &'a str,
        /// What the model offers instead.
        alternative: &'static str,
    },
    /// `xhigh` / `max` with thinking off or between tools.
    EffortNeedsThinking {
        /// The level.
        found: Effort,
        /// The thinking mode.
        thinking: Thinking,
    },
    /// `effort` with `thinking: "off"` on a model whose effort is its reasoning (Nova 2).
    EffortWithThinkingOff {
        /// The model id.
        model: &'a str,
    },
    /// `temperature` other than 1 with thinking on.
    ThinkingTemperature {
        /// The value.
        found: f32,
    },
    /// `top_p` outside 0.95..=1 with thinking on.
    ThinkingTopP {
        /// The value.
        found: f32,
    },
    /// `top_k` with thinking on.
    ThinkingTopK,
    /// `temperature` or `top_p` while Nova 2 reasons.
    NovaReasoningSampling {
        /// The model id.
        model: &'a str,
        /// `temperature` or `top_p`.
        key: Key,
    },
    /// `max_tokens` while Nova 2 reasons at `high`.
    NovaHighMaxTokens {
        /// The model id.
        model: &'a str,
    },
    /// `temperature` other than 1 on a model that takes no sampling settings.
    DefaultsOnlyTemperature {
        /// The model id.
        model: &'a str,
        /// The value.
        found: f32,
    },
    /// `top_p` other than the card's on a model that takes no sampling settings.
    DefaultsOnlyTopP {
        /// The model id.
        model: &'a str,
        /// The value.
        found: f32,
        /// The card's range, if any.
        range: Option<(f32, f32)>,
    },
    /// `top_k` on a model that takes no sampling settings.
    DefaultsOnlyTopK {
        /// The model id.
        model: &'a str,
    },
    /// `guardrail.id` empty or longer than 2048 characters.
    GuardrailIdLength {
        /// Length in characters.
        found: usize,
    },
    /// `guardrail.id` neither an id nor a guardrail ARN.
    GuardrailIdPattern {
        /// The id.
        found: &'a str,
    },
    /// `guardrail.version` neither `DRAFT` nor a version number.
    GuardrailVersion {
        /// The version.
        found: &'a str,
        /// Whether it is an agent's (CreateAgent takes `[0-9]{1,8}`, Converse `[1-9][0-9]{0,7}`).
        agent: bool,
    },
    /// `guardrail` in a profile sent where a guardrail has no place (an agent's prompt overrides).
    GuardrailOnSurface {
        /// The surface.
        surface: Surface,
    },
    /// More than 200 tags.
    TooManyTags {
        /// Number of tags.
        found: usize,
    },
    /// A tag key is empty or longer than 128 characters.
    TagKeyLength {
        /// The tag's position (0-based).
        index: usize,
        /// Length in characters.
        found: usize,
    },
    /// A tag key holds a character outside `[a-zA-Z0-9\s._:/=+@-]`.
    TagKeyChar {
        /// The tag's position (0-based).
        index: usize,
        /// The key.
        key: &'a str,
        /// The first character that is not allowed.
        found: &'a str,
    },
    /// A tag key starts with the reserved `aws:` (in any case).
    TagKeyReserved {
        /// The tag's position (0-based).
        index: usize,
        /// The key.
        key: &'a str,
    },
    /// A tag key repeats an earlier one.
    DuplicateTagKey {
        /// The tag's position (0-based).
        index: usize,
        /// Position of the first occurrence.
        first: usize,
        /// The key.
        key: &'a str,
    },
    /// A tag value is longer than 256 characters.
    TagValueLength {
        /// The tag's position (0-based).
        index: usize,
        /// The tag's key.
        key: &'a str,
        /// Length in characters.
        found: usize,
    },
    /// A tag value holds a character outside `[a-zA-Z0-9\s._:/=+@-]`.
    TagValueChar {
        /// The tag's position (0-based).
        index: usize,
        /// The tag's key.
        key: &'a str,
        /// The first character that is not allowed.
        found: &'a str,
    },
    /// The profile declares `tags` (it is meant to be deployed as an application inference profile), but its model
    /// cannot be the resource's source.
    TagsNeedCopyableModel {
        /// The model id.
        model: &'a str,
        /// Why it cannot be copied.
        reason: Undeployable,
    },
}
