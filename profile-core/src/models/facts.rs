//! Per-model facts beyond the output limits: the cross-region prefixes the sources list for a model, its sampling
//! policy, its reasoning mode and effort levels, its end of life and legacy state, which figures the sources
//! disagree on, and the public source of each figure.
//!
//! The catalog ([`super::CATALOG`], generated from `profile-core/catalog/models.toml`) holds the data; this module
//! holds the types and their `const` queries.

use super::Geo;

/// The cross-region (system) inference profile prefixes the sources list for a model, as a set of [`Geo`]s.
///
/// Availability grows month by month, so a prefix outside the set is a warning, never an error; the empty set
/// ([`Prefixes::NONE`]) means the sources list the model in-region only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Prefixes(u16);

impl Prefixes {
    /// In-region only: no source lists a cross-region profile.
    pub const NONE: Prefixes = Prefixes(0);

    const fn bit(geo: Geo) -> u16 {
        1 << geo as u16
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

    /// Whether a source lists `<geo>.<model id>`.
    pub const fn has(self, geo: Geo) -> bool {
        self.0 & Prefixes::bit(geo) != 0
    }

    /// Whether the set is empty (in-region only).
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The listed prefixes, in documentation order.
    pub fn list(self) -> Vec<Geo> {
        Geo::ALL.into_iter().filter(|g| self.has(*g)).collect()
    }

    /// The listed prefixes as messages and rustdoc write them: `` `us.`, `eu.` `` (empty when in-region only).
    pub fn describe(self) -> String {
        let list: Vec<String> = self
            .list()
            .iter()
            .map(|g| format!("`{}.`", g.prefix()))
            .collect();
        list.join(", ")
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
    /// The sources say the model reasons, but none states which settings it takes or in what shape: reasoning
    /// settings are refused as for a model the catalog does not know (nothing could send them).
    Unknown,
}

impl Reasoning {
    /// The effort levels the model accepts.
    pub const fn efforts(self) -> Efforts {
        match self {
            Reasoning::Claude(c) => c.efforts,
            Reasoning::Nova | Reasoning::OpenAi => Efforts::TO_HIGH,
            Reasoning::None | Reasoning::AlwaysOn | Reasoning::Unknown => Efforts::NONE,
        }
    }

    /// A short description for `bedrock-profiles models` and rustdoc.
    pub fn describe(self) -> String {
        match self {
            Reasoning::None => "none".to_owned(),
            Reasoning::AlwaysOn => "always on (no settings)".to_owned(),
            Reasoning::Unknown => "reasons; settings not documented".to_owned(),
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
    /// The date concerns only this geography's cross-region profile.
    pub only: Option<Geo>,
    /// What the date covers when it is not plain (`the eu. profile only`, `the exact date is not known`).
    pub note: Option<&'static str>,
    /// Where the date comes from (public sources).
    pub source: &'static str,
}

/// AWS lists the model as legacy: still served, with an end of life ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Legacy {
    /// `YYYY-MM-DD`: legacy since, when a source gives the date.
    pub since: Option<&'static str>,
    /// Where the state comes from (public sources).
    pub source: &'static str,
}

/// The model a source names as a model's replacement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Successor {
    /// Its catalog id.
    pub id: &'static str,
    /// Where it comes from (public sources).
    pub source: &'static str,
}

/// The public sources of a model's figures other than its output limit (whose source is [`super::Model::source`]), by figure (each one or more titles joined with "; ").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FactSources {
    /// The cross-region prefixes.
    pub prefixes: &'static str,
    /// The reasoning mode.
    pub reasoning: &'static str,
    /// The sampling policy.
    pub sampling: &'static str,
    /// Top-k, the smallest temperature and the stop-sequence limit.
    pub limits: &'static str,
    /// Whether the base id is invoked on demand.
    pub on_demand: &'static str,
}

/// Everything the rulebook knows about a model beyond its output limits. Generated from the catalog's data file
/// (`profile-core/catalog/models.toml`), where every figure has its source.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Facts {
    /// Cross-region profile prefixes the sources list.
    pub prefixes: Prefixes,
    /// Sampling policy.
    pub sampling: Sampling,
    /// Reasoning mode.
    pub reasoning: Reasoning,
    /// End of life, if reached or announced.
    pub end_of_life: Option<EndOfLife>,
    /// Legacy, where AWS lists the model as legacy.
    pub legacy: Option<Legacy>,
    /// The replacement a source names, which the end-of-life warning suggests.
    pub successor: Option<Successor>,
    /// Figures the sources disagree on (or only a weak source gives), with what each says; the catalog holds the
    /// figure that rejects least.
    pub unverified: Option<&'static str>,
    /// An account setting the model needs (Fable's data-retention mode).
    pub account_setting: Option<&'static str>,
    /// The source of each figure.
    pub sources: FactSources,
}
