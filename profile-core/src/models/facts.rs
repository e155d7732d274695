//! Per-model facts beyond the output limits: the cross-region prefixes a model has, its sampling policy, its
//! reasoning mode and effort levels, its end of life, and which figures only a third-party catalog gives.
//!
//! Sources: `shared/reference/bedrock-2026-models.md` (2026 models, sampling and thinking rules, end-of-life dates)
//! and `shared/reference/bedrock-2025-features.md` (reasoning, 2025 models). The catalog ([`super::CATALOG`]) holds
//! the data; this module holds the types and their `const` queries.

use super::Geo;

/// The cross-region (system) inference profile prefixes a model has, as a set of [`Geo`]s.
///
/// [`Prefixes::UNKNOWN`] means no source lists them: every prefix is accepted. [`Prefixes::NONE`] means the model
/// is in-region only (a source says so): any prefix is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Prefixes(u8);

impl Prefixes {
    /// No source lists the prefixes: every prefix is accepted.
    pub const UNKNOWN: Prefixes = Prefixes(0x80);
    /// In-region only: no cross-region profile.
    pub const NONE: Prefixes = Prefixes(0);

    const fn bit(geo: Geo) -> u8 {
        match geo {
            Geo::Us => 1,
            Geo::Eu => 2,
            Geo::Apac => 4,
            Geo::Au => 8,
            Geo::Jp => 16,
            Geo::Global => 32,
        }
    }

    /// The set of `geos`.
    pub const fn of(geos: &[Geo]) -> Prefixes {
        let mut bits = 0;
        let mut i = 0;
        while i < geos.len() {
            bits |= Prefixes::bit(geos[i]);
            i += 1;
        }
        Prefixes(bits)
    }

    /// Whether the prefixes are known (a source lists them).
    pub const fn is_known(self) -> bool {
        self.0 & 0x80 == 0
    }

    /// Whether `<geo>.<model id>` exists (always, when the prefixes are unknown).
    pub const fn has(self, geo: Geo) -> bool {
        !self.is_known() || self.0 & Prefixes::bit(geo) != 0
    }

    /// The known prefixes, in documentation order (empty when unknown or in-region only).
    pub fn list(self) -> Vec<Geo> {
        if !self.is_known() {
            return Vec::new();
        }
        Geo::ALL.into_iter().filter(|g| self.has(*g)).collect()
    }
}

/// What a model does with `temperature`, `top_p` and `top_k`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Sampling {
    /// Every setting within its range (the model's [`super::ModelLimits`] may forbid temperature with top_p).
    Free,
    /// Defaults only (Claude Opus 4.7 and later): `temperature` absent or 1, `top_p` absent or within the card's
    /// `top_p` range (none: absent only), no `top_k`, and not `temperature` with `top_p`.
    DefaultsOnly {
        /// The `top_p` the model card states, as an inclusive range, if any (Fable 5.1: 0.99..=0.99).
        top_p: Option<(f32, f32)>,
    },
}

/// A reasoning effort level (Converse `outputConfig.effort`, Nova `maxReasoningEffort`, gpt-oss
/// `reasoning_effort`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Effort {
    /// `low`
    Low,
    /// `medium`
    Medium,
    /// `high`
    High,
    /// `xhigh`
    Xhigh,
    /// `max`
    Max,
}

impl Effort {
    /// Every level, lowest first (the values of `OutputConfig.effort`'s documentation).
    pub const ALL: [Effort; 5] = [
        Effort::Low,
        Effort::Medium,
        Effort::High,
        Effort::Xhigh,
        Effort::Max,
    ];

    /// The level as sent: `low`, ..., `max`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Effort::Low => "low",
            Effort::Medium => "medium",
            Effort::High => "high",
            Effort::Xhigh => "xhigh",
            Effort::Max => "max",
        }
    }

    /// The level spelled `text`.
    pub fn from_name(text: &str) -> Option<Effort> {
        Effort::ALL.into_iter().find(|e| e.as_str() == text)
    }

    /// Whether the level needs thinking on (`xhigh`, `max`: "capped at high" without thinking).
    pub const fn needs_thinking(self) -> bool {
        matches!(self, Effort::Xhigh | Effort::Max)
    }
}

/// A set of [`Effort`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Efforts(u8);

impl Efforts {
    /// No effort setting.
    pub const NONE: Efforts = Efforts(0);
    /// `low`, `medium`, `high`.
    pub const TO_HIGH: Efforts = Efforts(0b00111);
    /// `low`, `medium`, `high`, `max` (no `xhigh`: Opus 4.6, Sonnet 4.6).
    pub const NO_XHIGH: Efforts = Efforts(0b10111);
    /// All five levels.
    pub const ALL: Efforts = Efforts(0b11111);

    /// Whether `effort` is in the set.
    pub const fn has(self, effort: Effort) -> bool {
        self.0 & (1 << effort as u8) != 0
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The levels, lowest first, as `low, medium, high`.
    pub fn describe(self) -> String {
        let names: Vec<&str> = Effort::ALL
            .into_iter()
            .filter(|e| self.has(*e))
            .map(Effort::as_str)
            .collect();
        names.join(", ")
    }
}

/// `thinking.type: "enabled"` with `budget_tokens` on a Claude model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    /// Rejected (400): the model takes adaptive thinking only.
    Unsupported,
    /// Accepted.
    Supported,
    /// Accepted but deprecated in favour of adaptive thinking (Opus 4.6, Sonnet 4.6): a warning.
    Deprecated,
}

/// Whether a model's thinking can be turned off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Off {
    /// `thinking: "disabled"` is accepted.
    Allowed,
    /// Always on: turning it off fails; the message names the alternative the model offers.
    Never {
        /// What to write instead (`thinking: "between_tools"`, `effort: "low"`).
        alternative: &'static str,
    },
}

/// How a Claude model thinks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaudeThinking {
    /// `budget_tokens`.
    pub budget: Budget,
    /// Interleaved thinking (`anthropic_beta: ["interleaved-thinking-2025-05-14"]`, Claude 4 and later).
    pub interleaved: bool,
    /// Adaptive thinking (`thinking.type: "adaptive"`, Claude 4.6 and later).
    pub adaptive: bool,
    /// The accepted effort levels.
    pub efforts: Efforts,
    /// Whether thinking can be turned off.
    pub off: Off,
    /// `thinking.type: "between_tools"` (Sonnet 5.5 only).
    pub between_tools: bool,
}

/// A model's reasoning mode: which reasoning settings it takes and in what shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reasoning {
    /// No reasoning settings.
    None,
    /// Always reasons and takes no reasoning settings (DeepSeek-R1, Kimi K2 Thinking).
    AlwaysOn,
    /// Claude: `thinking` (budget or adaptive) and `output_config.effort`.
    Claude(ClaudeThinking),
    /// Amazon Nova 2: `reasoningConfig { type, maxReasoningEffort }` (low, medium, high).
    Nova,
    /// OpenAI gpt-oss: `reasoning_effort` (low, medium, high).
    OpenAi,
}

impl Reasoning {
    /// The effort levels the model accepts.
    pub const fn efforts(self) -> Efforts {
        match self {
            Reasoning::Claude(c) => c.efforts,
            Reasoning::Nova | Reasoning::OpenAi => Efforts::TO_HIGH,
            Reasoning::None | Reasoning::AlwaysOn => Efforts::NONE,
        }
    }

    /// A short description for `bedrock-profiles models` and rustdoc.
    pub fn describe(self) -> String {
        match self {
            Reasoning::None => "none".to_owned(),
            Reasoning::AlwaysOn => "always on (no settings)".to_owned(),
            Reasoning::Nova => "reasoningConfig (effort low, medium, high)".to_owned(),
            Reasoning::OpenAi => "reasoning_effort (low, medium, high)".to_owned(),
            Reasoning::Claude(c) => {
                let mut parts = Vec::new();
                match c.budget {
                    Budget::Supported => parts.push("budget_tokens".to_owned()),
                    Budget::Deprecated => parts.push("budget_tokens (deprecated)".to_owned()),
                    Budget::Unsupported => {}
                }
                if c.adaptive {
                    parts.push("adaptive".to_owned());
                }
                if !c.efforts.is_empty() {
                    parts.push(format!("effort {}", c.efforts.describe()));
                }
                if let Off::Never { .. } = c.off {
                    parts.push("always on".to_owned());
                }
                parts.join("; ")
            }
        }
    }
}

/// End of life on Bedrock: the date and its source. Dates differ by region, so it is a warning, never an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EndOfLife {
    /// `YYYY-MM-DD`.
    pub date: &'static str,
    /// Where the date comes from.
    pub source: &'static str,
}

/// Everything the rulebook knows about a model beyond its output limits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Facts {
    /// Cross-region profile prefixes.
    pub prefixes: Prefixes,
    /// Sampling policy.
    pub sampling: Sampling,
    /// Reasoning mode.
    pub reasoning: Reasoning,
    /// End of life, if reached or announced.
    pub end_of_life: Option<EndOfLife>,
    /// A figure only a third-party catalog gives (or sources disagree on), with both sources; never a reason to
    /// reject a value below the highest figure any source gives.
    pub unverified: Option<&'static str>,
    /// An account setting the model needs (Fable's data-retention mode).
    pub account_setting: Option<&'static str>,
}

impl Facts {
    /// No known prefixes, free sampling, no reasoning, no end of life.
    pub const PLAIN: Facts = Facts {
        prefixes: Prefixes::UNKNOWN,
        sampling: Sampling::Free,
        reasoning: Reasoning::None,
        end_of_life: None,
        unverified: None,
        account_setting: None,
    };
}
