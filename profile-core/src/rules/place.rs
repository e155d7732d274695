//! Where a violation is: its key, the field inside `reasoning` / `guardrail`, the item of a list.

use super::{Key, Violation};

impl<'a> Violation<'a> {
    /// The key whose value breaks the rule (the macros put the error's span on that key's value).
    pub const fn key(&self) -> Key {
        match self {
            Violation::NameLength { .. } | Violation::NamePattern { .. } => Key::Name,
            Violation::DescriptionLength { .. } | Violation::DescriptionPattern { .. } => {
                Key::Description
            }
            Violation::VersionZero => Key::Version,
            Violation::ModelIdLength { .. }
            | Violation::ModelNeedsInferenceProfile { .. }
            | Violation::ModelNotForAgents { .. } => Key::Model,
            Violation::Temperature { .. } => Key::Temperature,
            Violation::TopP { .. } | Violation::TemperatureWithTopP { .. } => Key::TopP,
            Violation::TopKUnsupported { .. }
            | Violation::TopKUnroutable { .. }
            | Violation::TopK { .. } => Key::TopK,
            Violation::MaxTokensZero
            | Violation::MaxTokensExceedsApi { .. }
            | Violation::MaxTokensExceedsModel { .. } => Key::MaxTokens,
            Violation::TooManyStopSequences { .. }
            | Violation::EmptyStopSequence { .. }
            | Violation::DuplicateStopSequence { .. } => Key::StopSequences,
            Violation::AnthropicVersionForOtherModel { .. }
            | Violation::AnthropicVersionValue { .. } => Key::AnthropicVersion,
            Violation::SchemaSyntax { .. }
            | Violation::SchemaNotObject { .. }
            | Violation::SchemaNameEmpty => Key::ResponseFormat,
            Violation::ThinkingTemperature { .. } | Violation::DefaultsOnlyTemperature { .. } => {
                Key::Temperature
            }
            Violation::ThinkingTopP { .. } | Violation::DefaultsOnlyTopP { .. } => Key::TopP,
            Violation::ThinkingTopK | Violation::DefaultsOnlyTopK { .. } => Key::TopK,
            Violation::NovaReasoningSampling { key, .. } => *key,
            Violation::NovaHighMaxTokens { .. } => Key::MaxTokens,
            Violation::GuardrailIdLength { .. }
            | Violation::GuardrailIdPattern { .. }
            | Violation::GuardrailVersion { .. }
            | Violation::GuardrailOnSurface { .. } => Key::Guardrail,
            Violation::TooManyTags { .. }
            | Violation::TagKeyLength { .. }
            | Violation::TagKeyChar { .. }
            | Violation::TagKeyReserved { .. }
            | Violation::DuplicateTagKey { .. }
            | Violation::TagValueLength { .. }
            | Violation::TagValueChar { .. }
            | Violation::TagsNeedCopyableModel { .. } => Key::Tags,
            _ => Key::Reasoning,
        }
    }

    /// The key inside `reasoning` or `guardrail` a violation is about, when it is about one.
    pub const fn field(&self) -> Option<&'static str> {
        match *self {
            Violation::ReasoningUnsupported { field, .. }
            | Violation::AlwaysReasons { field, .. } => Some(field),
            Violation::BudgetUnsupported { .. }
            | Violation::BudgetTooSmall { .. }
            | Violation::BudgetNeedsMaxTokens
            | Violation::BudgetNotBelowMaxTokens { .. }
            | Violation::BudgetWithEffort { .. } => Some("budget_tokens"),
            Violation::EffortUnsupported { .. }
            | Violation::EffortLevel { .. }
            | Violation::EffortNeedsThinking { .. }
            | Violation::EffortWithThinkingOff { .. } => Some("effort"),
            Violation::InterleavedWithoutBudget | Violation::InterleavedUnsupported { .. } => {
                Some("interleaved")
            }
            Violation::ThinkingWithBudget { .. }
            | Violation::ThinkingUnsupported { .. }
            | Violation::ThinkingAlwaysOn { .. } => Some("thinking"),
            Violation::GuardrailIdLength { .. } | Violation::GuardrailIdPattern { .. } => {
                Some("id")
            }
            Violation::GuardrailVersion { .. } => Some("version"),
            _ => None,
        }
    }

    /// The stop sequence or tag a violation is about, when it is about one.
    pub const fn item(&self) -> Option<usize> {
        match self {
            Violation::EmptyStopSequence { index }
            | Violation::DuplicateStopSequence { index, .. }
            | Violation::TagKeyLength { index, .. }
            | Violation::TagKeyChar { index, .. }
            | Violation::TagKeyReserved { index, .. }
            | Violation::DuplicateTagKey { index, .. }
            | Violation::TagValueLength { index, .. }
            | Violation::TagValueChar { index, .. } => Some(*index),
            _ => None,
        }
    }

    /// Whether a tag violation is about the tag's value rather than its key.
    pub const fn is_tag_value(&self) -> bool {
        matches!(
            self,
            Violation::TagValueLength { .. } | Violation::TagValueChar { .. }
        )
    }
}
