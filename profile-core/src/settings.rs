//! The nested settings of a profile: `reasoning` (extended thinking, effort) and `guardrail`.

use crate::models::Effort;
use std::borrow::Cow;

/// How the model reasons: `reasoning: { budget_tokens: 8000 }`, `{ effort: "high" }`, `{ thinking: "off" }`.
///
/// Which settings a model takes, and in what shape they are sent, is the catalog's
/// ([`crate::models::Reasoning`]); the rules are in [`crate::rules`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ReasoningConfig {
    /// Claude budget thinking (`thinking { type: "enabled", budget_tokens }`): at least 1024, less than
    /// `max_tokens` unless `interleaved`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub budget_tokens: Option<u32>,
    /// The effort level: Claude adaptive thinking (`outputConfig.effort`), Nova 2 `maxReasoningEffort`, gpt-oss
    /// `reasoning_effort`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub effort: Option<Effort>,
    /// The thinking mode, when not implied by the other settings.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub thinking: Option<Thinking>,
    /// Interleaved thinking with budget thinking (Claude 4 and later):
    /// `anthropic_beta: ["interleaved-thinking-2025-05-14"]`.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub interleaved: bool,
}

#[cfg(feature = "serde")]
fn is_false(value: &bool) -> bool {
    !*value
}

impl ReasoningConfig {
    /// Nothing set.
    pub const EMPTY: ReasoningConfig = ReasoningConfig {
        budget_tokens: None,
        effort: None,
        thinking: None,
        interleaved: false,
    };

    /// Whether thinking is turned off (`thinking: "off"`).
    pub const fn is_off(&self) -> bool {
        matches!(self.thinking, Some(Thinking::Off))
    }
}

/// `reasoning.thinking`: a thinking mode the other settings do not imply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Thinking {
    /// Claude adaptive thinking at the model's default effort (`thinking { type: "adaptive" }`).
    Adaptive,
    /// Thinking off (Claude `thinking { type: "disabled" }`, Nova `reasoningConfig { type: "disabled" }`), where
    /// the model allows it.
    Off,
    /// Claude Sonnet 5.5's lightest thinking: only between tool calls (`thinking { type: "between_tools" }`).
    BetweenTools,
}

impl Thinking {
    /// Every mode.
    pub const ALL: [Thinking; 3] = [Thinking::Adaptive, Thinking::Off, Thinking::BetweenTools];

    /// The mode as written: `adaptive`, `off`, `between_tools`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Thinking::Adaptive => "adaptive",
            Thinking::Off => "off",
            Thinking::BetweenTools => "between_tools",
        }
    }

    /// The mode spelled `text`.
    pub fn from_name(text: &str) -> Option<Thinking> {
        Thinking::ALL.into_iter().find(|t| t.as_str() == text)
    }

    /// Claude's `thinking.type` for the mode.
    pub const fn claude_type(self) -> &'static str {
        match self {
            Thinking::Adaptive => "adaptive",
            Thinking::Off => "disabled",
            Thinking::BetweenTools => "between_tools",
        }
    }
}

/// A guardrail applied to every call: `guardrail: { id: "gr0abc123", version: "3", trace: "enabled" }`
/// (Converse `guardrailConfig`; InvokeModel headers `X-Amzn-Bedrock-GuardrailIdentifier`, `-GuardrailVersion`,
/// `X-Amzn-Bedrock-Trace`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct GuardrailConfig {
    /// The guardrail's id (`[a-z0-9]+`) or ARN, at most 2048 characters.
    pub id: Cow<'static, str>,
    /// `DRAFT` or a version number (`[1-9][0-9]{0,7}`).
    pub version: Cow<'static, str>,
    /// The guardrail trace in the response.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub trace: Option<Trace>,
}

impl GuardrailConfig {
    /// The id (readable in `const` code).
    pub const fn id(&self) -> &str {
        crate::profile::text(&self.id)
    }

    /// The version (readable in `const` code).
    pub const fn version(&self) -> &str {
        crate::profile::text(&self.version)
    }
}

/// `guardrail.trace` (Converse `GuardrailTrace`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Trace {
    /// `enabled`
    Enabled,
    /// `disabled`
    Disabled,
    /// `enabled_full`
    EnabledFull,
}

impl Trace {
    /// Every value.
    pub const ALL: [Trace; 3] = [Trace::Enabled, Trace::Disabled, Trace::EnabledFull];

    /// The value as Converse spells it: `enabled`, `disabled`, `enabled_full`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Trace::Enabled => "enabled",
            Trace::Disabled => "disabled",
            Trace::EnabledFull => "enabled_full",
        }
    }

    /// The value as the InvokeModel header `X-Amzn-Bedrock-Trace` spells it: `ENABLED`, `DISABLED`,
    /// `ENABLED_FULL`.
    pub const fn header(self) -> &'static str {
        match self {
            Trace::Enabled => "ENABLED",
            Trace::Disabled => "DISABLED",
            Trace::EnabledFull => "ENABLED_FULL",
        }
    }

    /// The value spelled `text`.
    pub fn from_name(text: &str) -> Option<Trace> {
        Trace::ALL.into_iter().find(|t| t.as_str() == text)
    }
}
