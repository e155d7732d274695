//! The catalog: every model with the limits that differ from the API surfaces' own, each with its source page, and
//! its facts ([`super::Facts`]): cross-region prefixes, sampling policy, reasoning mode, end of life.
//!
//! Prefixes: 2026 Claude models from [TR] (AWS model cards, 2026-09-09) and Anthropic's Bedrock table, where sources
//! disagree the union (noted in `unverified`); 2025 models from the AWS cross-region inference support table; a
//! model no source lists has [`super::Prefixes::UNKNOWN`] (every prefix accepted). Invite-only models (Claude Mythos)
//! are not listed: name them with `unlisted { ... }`. `[VSC-CAT]` and `[TR]` are the third-party files of
//! `shared/reference/bedrock-2026-models.md`.

use super::facts::{
    Budget, ClaudeThinking, Efforts, EndOfLife, Facts, Off, Prefixes, Reasoning, Sampling,
};
use super::{Geo, Model, ModelLimits, Provider, TopK};
use crate::message::str_eq;

const CLAUDE_TOP_K: TopK = TopK::Range { min: 0, max: 500 };

/// Anthropic Messages API limits shared by every Claude model: top_k 0..=500, stop_sequences up to 8191
/// (model-parameters-anthropic-claude-messages-request-response.html).
const fn claude(max_output_tokens: u32, exclusive_temperature_top_p: bool) -> ModelLimits {
    ModelLimits {
        provider: Provider::Anthropic,
        max_output_tokens,
        min_temperature: 0.0,
        top_k: CLAUDE_TOP_K,
        max_stop_sequences: Some(8191),
        exclusive_temperature_top_p,
    }
}

/// Amazon Nova: temperature 0.00001..=1, topK 0..=500 (Nova user guide, complete-request-schema.html).
const fn nova(max_output_tokens: u32, top_k_max: u32, min_temperature: f32) -> ModelLimits {
    ModelLimits {
        provider: Provider::AmazonNova,
        max_output_tokens,
        min_temperature,
        top_k: TopK::Range {
            min: 0,
            max: top_k_max,
        },
        max_stop_sequences: None,
        exclusive_temperature_top_p: false,
    }
}

const fn no_top_k(
    provider: Provider,
    max_output_tokens: u32,
    max_stop_sequences: Option<u32>,
) -> ModelLimits {
    ModelLimits {
        provider,
        max_output_tokens,
        min_temperature: 0.0,
        top_k: TopK::Unsupported,
        max_stop_sequences,
        exclusive_temperature_top_p: false,
    }
}

/// OpenAI gpt-oss (Chat Completions body): no top-k (model-parameters-openai.html).
const fn openai(max_output_tokens: u32) -> ModelLimits {
    no_top_k(Provider::OpenAi, max_output_tokens, None)
}

/// Mistral text completion: top_k 1..=200, at most 10 stop sequences (model-parameters-mistral-text-completion.html).
const fn mistral(max_output_tokens: u32) -> ModelLimits {
    ModelLimits {
        provider: Provider::Mistral,
        max_output_tokens,
        min_temperature: 0.0,
        top_k: TopK::Range { min: 1, max: 200 },
        max_stop_sequences: Some(10),
        exclusive_temperature_top_p: false,
    }
}

/// Cohere Command R: `k` 0..=500, `max_tokens` up to 4000 (model-parameters-cohere-command-r-plus.html).
const fn cohere() -> ModelLimits {
    ModelLimits {
        provider: Provider::Cohere,
        max_output_tokens: 4000,
        min_temperature: 0.0,
        top_k: TopK::Range { min: 0, max: 500 },
        max_stop_sequences: None,
        exclusive_temperature_top_p: false,
    }
}

const CLAUDE_PAGE: &str = "model-parameters-anthropic-claude-messages-request-response.html";

use Geo::{Apac, Au, Eu, Global, Jp, Us};

const fn geo(geos: &[Geo]) -> Prefixes {
    Prefixes::of(geos)
}

/// Budget thinking only (Claude 3.7: no interleaving; Claude 4 to 4.5: interleaved), with the effort levels.
const fn budget(interleaved: bool, efforts: Efforts) -> Reasoning {
    Reasoning::Claude(ClaudeThinking {
        budget: Budget::Supported,
        interleaved,
        adaptive: false,
        efforts,
        off: Off::Allowed,
        between_tools: false,
    })
}

/// Adaptive thinking with effort (Claude 4.6 and later).
const fn adaptive(budget: Budget, efforts: Efforts, off: Off) -> Reasoning {
    Reasoning::Claude(ClaudeThinking {
        budget,
        interleaved: matches!(budget, Budget::Deprecated),
        adaptive: true,
        efforts,
        off,
        between_tools: false,
    })
}

/// Always-on adaptive thinking: effort `low` is the lightest it goes.
const ALWAYS_ON: Off = Off::Never {
    alternative: "`effort: \"low\"` (the lightest thinking the model does)",
};

const DEFAULTS_ONLY: Sampling = Sampling::DefaultsOnly { top_p: None };

const fn facts(prefixes: Prefixes, reasoning: Reasoning) -> Facts {
    Facts {
        prefixes,
        reasoning,
        ..Facts::PLAIN
    }
}

const fn eol(
    prefixes: Prefixes,
    reasoning: Reasoning,
    date: &'static str,
    source: &'static str,
) -> Facts {
    Facts {
        prefixes,
        reasoning,
        end_of_life: Some(EndOfLife { date, source }),
        ..Facts::PLAIN
    }
}

/// A 2026 Claude model without sampling settings.
const fn claude26(prefixes: Prefixes, reasoning: Reasoning) -> Facts {
    Facts {
        prefixes,
        reasoning,
        sampling: DEFAULTS_ONLY,
        ..Facts::PLAIN
    }
}

const FABLE_ACCOUNT: &str = "the account's data-retention mode must be `aws_review` (PutAccountDataRetention); \
                             otherwise: 400 \"data retention mode 'default' is not available for this model\"";

const fn fable(prefixes: Prefixes, top_p: (f32, f32), unverified: Option<&'static str>) -> Facts {
    Facts {
        prefixes,
        sampling: Sampling::DefaultsOnly { top_p: Some(top_p) },
        reasoning: adaptive(Budget::Unsupported, Efforts::ALL, ALWAYS_ON),
        unverified,
        account_setting: Some(FABLE_ACCOUNT),
        ..Facts::PLAIN
    }
}

const fn third_party(prefixes: Prefixes, unverified: &'static str) -> Facts {
    Facts {
        prefixes,
        unverified: Some(unverified),
        ..Facts::PLAIN
    }
}

/// 2026 Claude models: 128000 output tokens (model cards), top_k via AMRF but refused by the defaults-only ones.
const C26: u32 = 128000;

macro_rules! catalog {
    ($($(#[$doc:meta])* $ident:ident = $model:expr;)*) => {
        $($(#[$doc])* pub const $ident: Model = $model;)*

        /// Every model of the catalog, in the order of the reference table.
        pub const CATALOG: &[&Model] = &[$(&$ident),*];

        /// The Rust name of each [`CATALOG`] entry's const, in the same order (used by the macros to name the
        /// entry in generated code).
        #[doc(hidden)]
        pub const CATALOG_CONST_NAMES: &[&str] = &[$(stringify!($ident)),*];

        /// Each catalog model as the [`ModelRef`](super::ModelRef) of its base id, under the same name: generated
        /// code names one of these for `model: "<base id>"` instead of spelling the struct out (a struct literal,
        /// so that a profile holding it can still be a `..BASE`).
        #[doc(hidden)]
        pub mod refs {
            use super::super::{ModelRef, ModelTarget};
            use std::borrow::Cow;
            $(pub const $ident: ModelRef = ModelRef {
                id: Cow::Borrowed(super::$ident.id),
                target: ModelTarget::Base(&super::$ident),
            };)*
        }
    };
}

catalog! {
    /// Claude 3 Haiku: 4096 output tokens. End of life by 2026-10-10.
    ANTHROPIC_CLAUDE_3_HAIKU = Model { id: "anthropic.claude-3-haiku-20240307-v1:0", name: "Claude 3 Haiku",
        limits: claude(4096, false), agents: true, on_demand: true, legacy: false, source: CLAUDE_PAGE,
        facts: eol(geo(&[Us, Eu, Apac]), Reasoning::None, "2026-10-10",
            "ResourceNotFoundException in live probes on 2026-10-10 ([VSC-CAT]); the exact date is not known") };
    /// Claude 3 Sonnet (legacy; the seed's `ANTHROPIC_CLAUDE_SONNET_V1_0`): 4096 output tokens.
    ANTHROPIC_CLAUDE_3_SONNET = Model { id: "anthropic.claude-3-sonnet-20240229-v1:0", name: "Claude 3 Sonnet",
        limits: claude(4096, false), agents: true, on_demand: true, legacy: true, source: CLAUDE_PAGE,
        facts: eol(geo(&[Us, Eu, Apac]), Reasoning::None, "2026-10-10",
            "ResourceNotFoundException in live probes on 2026-10-10 ([VSC-CAT]); the exact date is not known") };
    /// Claude 3.5 Haiku: 8192 output tokens. End of life 2026-06-19.
    ANTHROPIC_CLAUDE_3_5_HAIKU = Model { id: "anthropic.claude-3-5-haiku-20241022-v1:0", name: "Claude 3.5 Haiku",
        limits: claude(8192, false), agents: true, on_demand: true, legacy: false, source: CLAUDE_PAGE,
        facts: eol(geo(&[Us]), Reasoning::None, "2026-06-19", "AWS model card (Model EOL date: June 19, 2026)") };
    /// Claude 3.5 Sonnet (June 2024): 4096 output tokens on Bedrock.
    ANTHROPIC_CLAUDE_3_5_SONNET = Model { id: "anthropic.claude-3-5-sonnet-20240620-v1:0", name: "Claude 3.5 Sonnet",
        limits: claude(4096, false), agents: true, on_demand: true, legacy: false, source: CLAUDE_PAGE,
        facts: facts(geo(&[Us, Eu, Apac]), Reasoning::None) };
    /// Claude 3.5 Sonnet v2 (October 2024): 8192 output tokens. End of life 2026-07-30.
    ANTHROPIC_CLAUDE_3_5_SONNET_V2 = Model { id: "anthropic.claude-3-5-sonnet-20241022-v2:0",
        name: "Claude 3.5 Sonnet v2", limits: claude(8192, false), agents: true, on_demand: true, legacy: false,
        source: CLAUDE_PAGE,
        facts: eol(geo(&[Us, Apac]), Reasoning::None, "2026-07-30", "awslabs/startups model lifecycle table") };
    /// Claude 3.7 Sonnet: 64000 output tokens (128000 only with a beta header, which profiles do not send);
    /// budget thinking. End of life 2026-04-28.
    ANTHROPIC_CLAUDE_3_7_SONNET = Model { id: "anthropic.claude-3-7-sonnet-20250219-v1:0", name: "Claude 3.7 Sonnet",
        limits: claude(64000, false), agents: true, on_demand: true, legacy: false,
        source: "model-parameters-anthropic-claude-37.html",
        facts: eol(geo(&[Us, Eu, Apac]), budget(false, Efforts::NONE), "2026-04-28",
            "awslabs/startups PR #10 (past EOL Apr 28, 2026)") };
    /// Claude Sonnet 4: 64000 output tokens; budget thinking, interleaved.
    ANTHROPIC_CLAUDE_SONNET_4 = Model { id: "anthropic.claude-sonnet-4-20250514-v1:0", name: "Claude Sonnet 4",
        limits: claude(64000, false), agents: true, on_demand: true, legacy: false,
        source: "model card: Claude Sonnet 4", facts: facts(geo(&[Us, Eu, Apac, Global]), budget(true, Efforts::NONE)) };
    /// Claude Opus 4: 32000 output tokens; budget thinking. End of life 2026-05-31.
    ANTHROPIC_CLAUDE_OPUS_4 = Model { id: "anthropic.claude-opus-4-20250514-v1:0", name: "Claude Opus 4",
        limits: claude(32000, false), agents: true, on_demand: true, legacy: false, source: CLAUDE_PAGE,
        facts: eol(geo(&[Us]), budget(true, Efforts::NONE), "2026-05-31",
            "awslabs/startups ai-model-lifecycle.md (as of 2026-05-26)") };
    /// Claude Opus 4.1: 32000 output tokens; `temperature` and `top_p` may not both be set; budget thinking.
    ANTHROPIC_CLAUDE_OPUS_4_1 = Model { id: "anthropic.claude-opus-4-1-20250805-v1:0", name: "Claude Opus 4.1",
        limits: claude(32000, true), agents: true, on_demand: true, legacy: false, source: CLAUDE_PAGE,
        facts: facts(geo(&[Us]), budget(true, Efforts::NONE)) };
    /// Claude Sonnet 4.5: 64000 output tokens; `temperature` and `top_p` may not both be set; budget thinking.
    ANTHROPIC_CLAUDE_SONNET_4_5 = Model { id: "anthropic.claude-sonnet-4-5-20250929-v1:0",
        name: "Claude Sonnet 4.5", limits: claude(64000, true), agents: true, on_demand: true, legacy: false,
        source: "model card: Claude Sonnet 4.5", facts: facts(Prefixes::UNKNOWN, budget(true, Efforts::NONE)) };
    /// Claude Haiku 4.5: 64000 output tokens; `temperature` and `top_p` may not both be set; budget thinking.
    ANTHROPIC_CLAUDE_HAIKU_4_5 = Model { id: "anthropic.claude-haiku-4-5-20251001-v1:0", name: "Claude Haiku 4.5",
        limits: claude(64000, true), agents: true, on_demand: true, legacy: false,
        source: "model card: Claude Haiku 4.5", facts: facts(Prefixes::UNKNOWN, budget(true, Efforts::NONE)) };
    /// Claude Opus 4.5: 64000 output tokens, only through `global.`, `us.` or `eu.`; budget thinking, effort
    /// low..=high.
    ANTHROPIC_CLAUDE_OPUS_4_5 = Model { id: "anthropic.claude-opus-4-5-20251101-v1:0", name: "Claude Opus 4.5",
        limits: claude(64000, true), agents: true, on_demand: false, legacy: false,
        source: "platform.claude.com models/opus-4-5/overview; Anthropic Claude on Amazon Bedrock table",
        facts: facts(geo(&[Us, Eu, Global]), budget(true, Efforts::TO_HIGH)) };
    /// Claude Opus 4.6: 128000 output tokens; adaptive thinking (budget deprecated), effort without `xhigh`.
    ANTHROPIC_CLAUDE_OPUS_4_6 = Model { id: "anthropic.claude-opus-4-6-v1", name: "Claude Opus 4.6",
        limits: claude(C26, true), agents: true, on_demand: true, legacy: false,
        source: "model-card-anthropic-claude-opus-4-6.md",
        facts: Facts { unverified: Some("prefixes: [TR] lists us, eu, au, global; Anthropic's Bedrock table also \
            says jp and apac (all accepted)"),
            ..facts(geo(&[Us, Eu, Apac, Au, Jp, Global]), adaptive(Budget::Deprecated, Efforts::NO_XHIGH, Off::Allowed)) } };
    /// Claude Sonnet 4.6: 128000 output tokens by the highest source (64000 per [VSC-CAT]); adaptive thinking
    /// (budget deprecated), effort without `xhigh`.
    ANTHROPIC_CLAUDE_SONNET_4_6 = Model { id: "anthropic.claude-sonnet-4-6", name: "Claude Sonnet 4.6",
        limits: claude(C26, true), agents: true, on_demand: true, legacy: false,
        source: "Anthropic models/sonnet-4-6/overview; [TR] (AWS cards, 2026-09-09)",
        facts: Facts { unverified: Some("max output: 64000 on Bedrock per [VSC-CAT], models.dev and Venice; \
            128000 per Anthropic's Sonnet 4.6 page and vercel/ai (128000 accepted)"),
            ..facts(geo(&[Us, Eu, Au, Jp, Global]), adaptive(Budget::Deprecated, Efforts::NO_XHIGH, Off::Allowed)) } };
    /// Claude Opus 4.7: 128000 output tokens; adaptive thinking only; no sampling settings.
    ANTHROPIC_CLAUDE_OPUS_4_7 = Model { id: "anthropic.claude-opus-4-7", name: "Claude Opus 4.7",
        limits: claude(C26, false), agents: true, on_demand: true, legacy: false,
        source: "model-card-anthropic-claude-opus-4-7.md",
        facts: claude26(geo(&[Us, Eu, Au, Jp, Global]), adaptive(Budget::Unsupported, Efforts::ALL, Off::Allowed)) };
    /// Claude Opus 4.8: 128000 output tokens; adaptive thinking only; no sampling settings.
    ANTHROPIC_CLAUDE_OPUS_4_8 = Model { id: "anthropic.claude-opus-4-8", name: "Claude Opus 4.8",
        limits: claude(C26, false), agents: true, on_demand: true, legacy: false,
        source: "model-card-anthropic-claude-opus-4-8 ([TR]); Anthropic models/opus-4-8/overview",
        facts: claude26(geo(&[Us, Eu, Au, Jp, Global]), adaptive(Budget::Unsupported, Efforts::ALL, Off::Allowed)) };
    /// Claude Fable 5: 128000 output tokens; thinking always on; `top_p` absent or 0.99..=1; needs the account's
    /// data-retention mode `aws_review`.
    ANTHROPIC_CLAUDE_FABLE_5 = Model { id: "anthropic.claude-fable-5", name: "Claude Fable 5",
        limits: claude(C26, false), agents: true, on_demand: true, legacy: false,
        source: "model-card-anthropic-claude-fable-5.md",
        facts: fable(geo(&[Us, Eu, Global]), (0.99, 1.0),
            Some("prefixes: [TR] lists us and global; `eu.` only in models.dev (accepted)")) };
    /// Claude Sonnet 5: 128000 output tokens; adaptive thinking on by default; no sampling settings.
    ANTHROPIC_CLAUDE_SONNET_5 = Model { id: "anthropic.claude-sonnet-5", name: "Claude Sonnet 5",
        limits: claude(C26, false), agents: true, on_demand: true, legacy: false,
        source: "Anthropic models/sonnet-5/overview; AWS user guide doc history (2026-08-24)",
        facts: Facts { unverified: Some("prefixes: [TR] lists us, eu, au, global; `jp.` only in models.dev (accepted)"),
            ..claude26(geo(&[Us, Eu, Au, Jp, Global]), adaptive(Budget::Unsupported, Efforts::ALL, Off::Allowed)) } };
    /// Claude Opus 5: 128000 output tokens; adaptive thinking on by default (off only up to effort `high`).
    ANTHROPIC_CLAUDE_OPUS_5 = Model { id: "anthropic.claude-opus-5", name: "Claude Opus 5",
        limits: claude(C26, false), agents: true, on_demand: true, legacy: false,
        source: "Anthropic models/opus-5/overview, whats-new-opus-5; [TR]",
        facts: claude26(geo(&[Us, Eu, Au, Global]), adaptive(Budget::Unsupported, Efforts::ALL, Off::Allowed)) };
    /// Claude Fable 5.1: 128000 output tokens; thinking always on; `top_p` absent or 0.99; needs the account's
    /// data-retention mode `aws_review`.
    ANTHROPIC_CLAUDE_FABLE_5_1 = Model { id: "anthropic.claude-fable-5-1", name: "Claude Fable 5.1",
        limits: claude(C26, true), agents: true, on_demand: true, legacy: false,
        source: "model-card-anthropic-claude-fable-5-1.html",
        facts: fable(geo(&[Us, Eu, Global]), (0.99, 0.99),
            Some("prefixes: [TR] lists us and global; `eu.` only in a test fixture (accepted)")) };
    /// Claude Opus 5.5: 128000 output tokens; thinking always on; no sampling settings.
    ANTHROPIC_CLAUDE_OPUS_5_5 = Model { id: "anthropic.claude-opus-5-5", name: "Claude Opus 5.5",
        limits: claude(C26, false), agents: true, on_demand: true, legacy: false,
        source: "model-card-anthropic-claude-opus-5-5",
        facts: claude26(geo(&[Us, Eu, Au, Global]), adaptive(Budget::Unsupported, Efforts::ALL, ALWAYS_ON)) };
    /// Claude Sonnet 5.5: 128000 output tokens; thinking always on (lowest: `between_tools`); no sampling settings.
    ANTHROPIC_CLAUDE_SONNET_5_5 = Model { id: "anthropic.claude-sonnet-5-5", name: "Claude Sonnet 5.5",
        limits: claude(C26, false), agents: true, on_demand: true, legacy: false,
        source: "model-card-anthropic-claude-sonnet-5-5; Anthropic whats-new-sonnet-5-5",
        facts: claude26(geo(&[Us, Global]), Reasoning::Claude(ClaudeThinking {
            budget: Budget::Unsupported, interleaved: false, adaptive: true, efforts: Efforts::ALL,
            off: Off::Never { alternative: "`thinking: \"between_tools\"` (thinking only between tool calls)" },
            between_tools: true })) };
    /// Claude Haiku 5.5: 128000 output tokens; adaptive thinking on by default, can be turned off; no sampling
    /// settings.
    ANTHROPIC_CLAUDE_HAIKU_5_5 = Model { id: "anthropic.claude-haiku-5-5", name: "Claude Haiku 5.5",
        limits: claude(C26, false), agents: true, on_demand: true, legacy: false,
        source: "model-card-anthropic-claude-haiku-5-5.md",
        facts: claude26(Prefixes::UNKNOWN, adaptive(Budget::Unsupported, Efforts::ALL, Off::Allowed)) };
    /// Claude Fable 5.2: 128000 output tokens; thinking always on; `top_p` absent or 0.99; needs the account's
    /// data-retention mode `aws_review`.
    ANTHROPIC_CLAUDE_FABLE_5_2 = Model { id: "anthropic.claude-fable-5-2", name: "Claude Fable 5.2",
        limits: claude(C26, true), agents: true, on_demand: true, legacy: false,
        source: "model-card-anthropic-claude-fable-5-2.html", facts: fable(Prefixes::UNKNOWN, (0.99, 0.99), None) };
    /// Titan Text G1 - Lite: 4096 output tokens, no top-k.
    AMAZON_TITAN_TEXT_LITE = Model { id: "amazon.titan-text-lite-v1", name: "Titan Text G1 - Lite",
        limits: no_top_k(Provider::AmazonTitan, 4096, None), agents: false, on_demand: true, legacy: false,
        source: "model-parameters-titan-text.html", facts: Facts::PLAIN };
    /// Titan Text G1 - Express: 8192 output tokens, no top-k.
    AMAZON_TITAN_TEXT_EXPRESS = Model { id: "amazon.titan-text-express-v1", name: "Titan Text G1 - Express",
        limits: no_top_k(Provider::AmazonTitan, 8192, None), agents: false, on_demand: true, legacy: false,
        source: "model-parameters-titan-text.html", facts: Facts::PLAIN };
    /// Titan Text G1 - Premier: 3072 output tokens, no top-k.
    AMAZON_TITAN_TEXT_PREMIER = Model { id: "amazon.titan-text-premier-v1:0", name: "Titan Text G1 - Premier",
        limits: no_top_k(Provider::AmazonTitan, 3072, None), agents: true, on_demand: true, legacy: false,
        source: "model-parameters-titan-text.html", facts: Facts::PLAIN };
    /// Nova Micro: 5000 output tokens per the AWS guide, temperature from 0.00001, topK 0..=500.
    AMAZON_NOVA_MICRO = Model { id: "amazon.nova-micro-v1:0", name: "Nova Micro", limits: nova(5000, 500, 0.00001),
        agents: true, on_demand: true, legacy: false, source: "Nova user guide: complete-request-schema.html",
        facts: Facts::PLAIN };
    /// Nova Lite: 5000 output tokens per the AWS guide, temperature from 0.00001, topK 0..=500.
    AMAZON_NOVA_LITE = Model { id: "amazon.nova-lite-v1:0", name: "Nova Lite", limits: nova(5000, 500, 0.00001),
        agents: true, on_demand: true, legacy: false, source: "Nova user guide: complete-request-schema.html",
        facts: Facts::PLAIN };
    /// Nova Pro: 5000 output tokens per the AWS guide, temperature from 0.00001, topK 0..=500.
    AMAZON_NOVA_PRO = Model { id: "amazon.nova-pro-v1:0", name: "Nova Pro", limits: nova(5000, 500, 0.00001),
        agents: true, on_demand: true, legacy: false, source: "Nova user guide: complete-request-schema.html",
        facts: Facts::PLAIN };
    /// Nova 2 Lite: 65000 output tokens by the highest source, topK 0..=128; `reasoningConfig`; `us.` and
    /// `global.` profiles.
    AMAZON_NOVA_2_LITE = Model { id: "amazon.nova-2-lite-v1:0", name: "Nova 2 Lite", limits: nova(65000, 128, 0.0),
        agents: true, on_demand: true, legacy: false,
        source: "Nova 2 user guide: core-inference.html, extended-thinking.html",
        facts: Facts { unverified: Some("max output: about 65000 per the Nova 2 user guide (Converse page), 5000 in \
            the request-response schema this catalog used before, 4096 per models.dev (65000 accepted)"),
            ..facts(geo(&[Us, Global]), Reasoning::Nova) } };
    /// Llama 3 8B Instruct: `max_gen_len` up to 2048, no top-k.
    META_LLAMA3_8B_INSTRUCT = Model { id: "meta.llama3-8b-instruct-v1:0", name: "Llama 3 8B Instruct",
        limits: no_top_k(Provider::Meta, 2048, None), agents: false, on_demand: true, legacy: false,
        source: "model-parameters-meta.html", facts: Facts::PLAIN };
    /// Llama 3 70B Instruct: `max_gen_len` up to 2048, no top-k.
    META_LLAMA3_70B_INSTRUCT = Model { id: "meta.llama3-70b-instruct-v1:0", name: "Llama 3 70B Instruct",
        limits: no_top_k(Provider::Meta, 2048, None), agents: false, on_demand: true, legacy: false,
        source: "model-parameters-meta.html", facts: Facts::PLAIN };
    /// Llama 3.1 8B Instruct: `max_gen_len` up to 2048, no top-k.
    META_LLAMA3_1_8B_INSTRUCT = Model { id: "meta.llama3-1-8b-instruct-v1:0", name: "Llama 3.1 8B Instruct",
        limits: no_top_k(Provider::Meta, 2048, None), agents: true, on_demand: true, legacy: false,
        source: "model-parameters-meta.html", facts: Facts::PLAIN };
    /// Llama 3.1 70B Instruct: `max_gen_len` up to 2048, no top-k.
    META_LLAMA3_1_70B_INSTRUCT = Model { id: "meta.llama3-1-70b-instruct-v1:0", name: "Llama 3.1 70B Instruct",
        limits: no_top_k(Provider::Meta, 2048, None), agents: true, on_demand: true, legacy: false,
        source: "model-parameters-meta.html", facts: Facts::PLAIN };
    /// Llama 3.1 405B Instruct: `max_gen_len` up to 2048, no top-k. End of life 2026-07-07.
    META_LLAMA3_1_405B_INSTRUCT = Model { id: "meta.llama3-1-405b-instruct-v1:0", name: "Llama 3.1 405B Instruct",
        limits: no_top_k(Provider::Meta, 2048, None), agents: true, on_demand: true, legacy: false,
        source: "model-parameters-meta.html",
        facts: eol(Prefixes::UNKNOWN, Reasoning::None, "2026-07-07", "awslabs/startups model lifecycle table") };
    /// Llama 3.3 70B Instruct: `max_gen_len` up to 2048, no top-k.
    META_LLAMA3_3_70B_INSTRUCT = Model { id: "meta.llama3-3-70b-instruct-v1:0", name: "Llama 3.3 70B Instruct",
        limits: no_top_k(Provider::Meta, 2048, None), agents: true, on_demand: true, legacy: false,
        source: "model-parameters-meta.html", facts: Facts::PLAIN };
    /// Llama 4 Maverick 17B Instruct: 8192 output tokens, only through `us.`.
    META_LLAMA4_MAVERICK_17B_INSTRUCT = Model { id: "meta.llama4-maverick-17b-instruct-v1:0",
        name: "Llama 4 Maverick 17B Instruct", limits: no_top_k(Provider::Meta, 8192, None), agents: true,
        on_demand: false, legacy: false, source: "model-card-meta-llama-4-maverick-17b-instruct",
        facts: facts(geo(&[Us]), Reasoning::None) };
    /// Llama 4 Scout 17B Instruct: 8192 output tokens, only through `us.`.
    META_LLAMA4_SCOUT_17B_INSTRUCT = Model { id: "meta.llama4-scout-17b-instruct-v1:0",
        name: "Llama 4 Scout 17B Instruct", limits: no_top_k(Provider::Meta, 8192, None), agents: true,
        on_demand: false, legacy: false, source: "braintrust-proxy issue #557; by analogy with Maverick's card",
        facts: Facts { unverified: Some("max output 8192: braintrust-proxy issue #557 and Maverick's card, no AWS \
            card for Scout"), ..facts(geo(&[Us]), Reasoning::None) } };
    /// Mistral 7B Instruct: 8192 output tokens, top_k 1..=200, at most 10 stop sequences.
    MISTRAL_7B_INSTRUCT = Model { id: "mistral.mistral-7b-instruct-v0:2", name: "Mistral 7B Instruct",
        limits: mistral(8192), agents: false, on_demand: true, legacy: false,
        source: "model-parameters-mistral-text-completion.html", facts: Facts::PLAIN };
    /// Mixtral 8x7B Instruct: 4096 output tokens, top_k 1..=200, at most 10 stop sequences.
    MISTRAL_MIXTRAL_8X7B_INSTRUCT = Model { id: "mistral.mixtral-8x7b-instruct-v0:1", name: "Mixtral 8x7B Instruct",
        limits: mistral(4096), agents: false, on_demand: true, legacy: false,
        source: "model-parameters-mistral-text-completion.html", facts: Facts::PLAIN };
    /// Mistral Large (24.02): 8192 output tokens, top_k 1..=200, at most 10 stop sequences.
    MISTRAL_LARGE_2402 = Model { id: "mistral.mistral-large-2402-v1:0", name: "Mistral Large (24.02)",
        limits: mistral(8192), agents: true, on_demand: true, legacy: false,
        source: "model-parameters-mistral-text-completion.html", facts: Facts::PLAIN };
    /// Pixtral Large (25.02): 16384 output tokens, through `us.` or `eu.`.
    MISTRAL_PIXTRAL_LARGE_2502 = Model { id: "mistral.pixtral-large-2502-v1:0", name: "Pixtral Large (25.02)",
        limits: mistral(16384), agents: false, on_demand: true, legacy: false,
        source: "model-card-mistral-ai-pixtral-large", facts: facts(geo(&[Us, Eu]), Reasoning::None) };
    /// Mistral Large 3 (675B): 8192 output tokens per models.dev only.
    MISTRAL_LARGE_3 = Model { id: "mistral.mistral-large-3-675b-instruct", name: "Mistral Large 3",
        limits: mistral(8192), agents: false, on_demand: true, legacy: false,
        source: "models.dev (third-party); [VSC-CAT] live probe",
        facts: third_party(Prefixes::UNKNOWN, "max output 8192: models.dev only") };
    /// Cohere Command R: 4000 output tokens, `k` 0..=500. End of life 2026-08-19.
    COHERE_COMMAND_R = Model { id: "cohere.command-r-v1:0", name: "Command R", limits: cohere(), agents: false,
        on_demand: true, legacy: false, source: "model-parameters-cohere-command-r-plus.html",
        facts: eol(Prefixes::UNKNOWN, Reasoning::None, "2026-08-19", "awslabs/startups model lifecycle table") };
    /// Cohere Command R+: 4000 output tokens, `k` 0..=500. End of life 2026-08-19.
    COHERE_COMMAND_R_PLUS = Model { id: "cohere.command-r-plus-v1:0", name: "Command R+", limits: cohere(),
        agents: false, on_demand: true, legacy: false, source: "model-parameters-cohere-command-r-plus.html",
        facts: eol(Prefixes::UNKNOWN, Reasoning::None, "2026-08-19", "awslabs/startups model lifecycle table") };
    /// DeepSeek-R1: 32768 output tokens (AWS recommends at most 8192), no top-k, at most 10 stop sequences;
    /// reachable only through a cross-region inference profile (`us.deepseek.r1-v1:0`); always reasons.
    DEEPSEEK_R1 = Model { id: "deepseek.r1-v1:0", name: "DeepSeek-R1",
        limits: no_top_k(Provider::DeepSeek, 32768, Some(10)), agents: false, on_demand: false, legacy: false,
        source: "model-parameters-deepseek.html", facts: facts(geo(&[Us]), Reasoning::AlwaysOn) };
    /// DeepSeek V3.1: 81920 output tokens per models.dev only; in-region.
    DEEPSEEK_V3_1 = Model { id: "deepseek.v3-v1:0", name: "DeepSeek V3.1",
        limits: no_top_k(Provider::DeepSeek, 81920, Some(10)), agents: false, on_demand: true, legacy: false,
        source: "model-parameters-deepseek.md", facts: third_party(Prefixes::NONE, "max output 81920: models.dev only") };
    /// DeepSeek V3.2: 81920 output tokens per models.dev only.
    DEEPSEEK_V3_2 = Model { id: "deepseek.v3.2", name: "DeepSeek V3.2",
        limits: no_top_k(Provider::DeepSeek, 81920, Some(10)), agents: false, on_demand: true, legacy: false,
        source: "models.dev (third-party); [VSC-CAT] live probe",
        facts: third_party(Prefixes::UNKNOWN, "max output 81920: models.dev only") };
    /// Jamba 1.5 Large: 4096 output tokens, no top-k.
    AI21_JAMBA_1_5_LARGE = Model { id: "ai21.jamba-1-5-large-v1:0", name: "Jamba 1.5 Large",
        limits: no_top_k(Provider::Ai21, 4096, None), agents: false, on_demand: true, legacy: false,
        source: "model-parameters-jamba.html", facts: Facts::PLAIN };
    /// Jamba 1.5 Mini: 4096 output tokens, no top-k; in-region.
    AI21_JAMBA_1_5_MINI = Model { id: "ai21.jamba-1-5-mini-v1:0", name: "Jamba 1.5 Mini",
        limits: no_top_k(Provider::Ai21, 4096, None), agents: false, on_demand: true, legacy: false,
        source: "model-parameters-jamba.html; aws-cdk models.ts", facts: facts(Prefixes::NONE, Reasoning::None) };
    /// gpt-oss-20b: 16384 output tokens by [VSC-CAT] and models.dev; `reasoning_effort`; in-region.
    OPENAI_GPT_OSS_20B = Model { id: "openai.gpt-oss-20b-1:0", name: "gpt-oss-20b", limits: openai(16384),
        agents: false, on_demand: true, legacy: false, source: "model-parameters-openai.html",
        facts: Facts { unverified: Some("max output 16384: [VSC-CAT] and models.dev; AWS does not state it"),
            ..facts(Prefixes::NONE, Reasoning::OpenAi) } };
    /// gpt-oss-120b: 16384 output tokens by [VSC-CAT] and models.dev; `reasoning_effort`; in-region.
    OPENAI_GPT_OSS_120B = Model { id: "openai.gpt-oss-120b-1:0", name: "gpt-oss-120b", limits: openai(16384),
        agents: false, on_demand: true, legacy: false, source: "model-parameters-openai.html",
        facts: Facts { unverified: Some("max output 16384: [VSC-CAT] and models.dev; AWS does not state it"),
            ..facts(Prefixes::NONE, Reasoning::OpenAi) } };
    /// gpt-oss-safeguard-20b: 16384 output tokens per models.dev; `reasoning_effort`; in-region.
    OPENAI_GPT_OSS_SAFEGUARD_20B = Model { id: "openai.gpt-oss-safeguard-20b", name: "gpt-oss-safeguard-20b",
        limits: openai(16384), agents: false, on_demand: true, legacy: false, source: "aws-cdk models.ts",
        facts: Facts { unverified: Some("max output 16384: models.dev only"),
            ..facts(Prefixes::NONE, Reasoning::OpenAi) } };
    /// gpt-oss-safeguard-120b: 16384 output tokens per models.dev; `reasoning_effort`; in-region.
    OPENAI_GPT_OSS_SAFEGUARD_120B = Model { id: "openai.gpt-oss-safeguard-120b", name: "gpt-oss-safeguard-120b",
        limits: openai(16384), agents: false, on_demand: true, legacy: false, source: "aws-cdk models.ts",
        facts: Facts { unverified: Some("max output 16384: models.dev only"),
            ..facts(Prefixes::NONE, Reasoning::OpenAi) } };
    /// Qwen3 32B: 16384 output tokens per models.dev only; in-region.
    QWEN_QWEN3_32B = Model { id: "qwen.qwen3-32b-v1:0", name: "Qwen3 32B", limits: no_top_k(Provider::Other, 16384, None),
        agents: false, on_demand: true, legacy: false, source: "models.dev (third-party)",
        facts: third_party(Prefixes::NONE, "max output 16384: models.dev only") };
    /// Qwen3 235B A22B 2507: 131072 output tokens per models.dev only; in-region.
    QWEN_QWEN3_235B_A22B_2507 = Model { id: "qwen.qwen3-235b-a22b-2507-v1:0", name: "Qwen3 235B A22B 2507",
        limits: no_top_k(Provider::Other, 131072, None), agents: false, on_demand: true, legacy: false,
        source: "models.dev (third-party)", facts: third_party(Prefixes::NONE, "max output 131072: models.dev only") };
    /// Qwen3 Coder 30B A3B: 131072 output tokens per models.dev only; in-region.
    QWEN_QWEN3_CODER_30B_A3B = Model { id: "qwen.qwen3-coder-30b-a3b-v1:0", name: "Qwen3 Coder 30B A3B",
        limits: no_top_k(Provider::Other, 131072, None), agents: false, on_demand: true, legacy: false,
        source: "models.dev (third-party)", facts: third_party(Prefixes::NONE, "max output 131072: models.dev only") };
    /// Qwen3 Coder 480B A35B: 65536 output tokens per models.dev only; in-region.
    QWEN_QWEN3_CODER_480B_A35B = Model { id: "qwen.qwen3-coder-480b-a35b-v1:0", name: "Qwen3 Coder 480B A35B",
        limits: no_top_k(Provider::Other, 65536, None), agents: false, on_demand: true, legacy: false,
        source: "models.dev (third-party)", facts: third_party(Prefixes::NONE, "max output 65536: models.dev only") };
    /// Kimi K2 Thinking: 16000 output tokens per models.dev (citing the AWS card); always reasons; in-region.
    MOONSHOT_KIMI_K2_THINKING = Model { id: "moonshot.kimi-k2-thinking", name: "Kimi K2 Thinking",
        limits: no_top_k(Provider::Other, 16000, None), agents: false, on_demand: true, legacy: false,
        source: "models.dev PR #1637, citing model-card-moonshot-ai-kimi-k2-thinking",
        facts: Facts { unverified: Some("max output 16000: models.dev (citing the AWS card)"),
            ..facts(Prefixes::NONE, Reasoning::AlwaysOn) } };
    /// Writer Palmyra X4: 8192 output tokens, no top-k.
    WRITER_PALMYRA_X4 = Model { id: "writer.palmyra-x4-v1:0", name: "Palmyra X4",
        limits: no_top_k(Provider::Other, 8192, Some(4)), agents: false, on_demand: true, legacy: false,
        source: "model-parameters-palmyra-x4.html", facts: Facts::PLAIN };
    /// Writer Palmyra X5: 8192 output tokens, no top-k.
    WRITER_PALMYRA_X5 = Model { id: "writer.palmyra-x5-v1:0", name: "Palmyra X5",
        limits: no_top_k(Provider::Other, 8192, Some(4)), agents: false, on_demand: true, legacy: false,
        source: "model-parameters-palmyra-x5.html", facts: Facts::PLAIN };
}

/// The catalog entry with exactly this base id.
pub const fn get(id: &str) -> Option<&'static Model> {
    let mut i = 0;
    while i < CATALOG.len() {
        if str_eq(CATALOG[i].id, id) {
            return Some(CATALOG[i]);
        }
        i += 1;
    }
    None
}

/// The position of `model` in [`CATALOG`].
#[doc(hidden)]
pub fn catalog_index(model: &Model) -> Option<usize> {
    CATALOG.iter().position(|m| m.id == model.id)
}
