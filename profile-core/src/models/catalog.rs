//! The catalog: every model with the limits that differ from the API surfaces' own, each with its source page.

use super::{Model, ModelLimits, Provider, TopK};
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

macro_rules! catalog {
    ($($(#[$doc:meta])* $ident:ident = $model:expr;)*) => {
        $($(#[$doc])* pub const $ident: Model = $model;)*

        /// Every model of the catalog, in the order of the reference table.
        pub const CATALOG: &[&Model] = &[$(&$ident),*];

        /// The Rust name of each [`CATALOG`] entry's const, in the same order (used by the macros to name the
        /// entry in generated code).
        #[doc(hidden)]
        pub const CATALOG_CONST_NAMES: &[&str] = &[$(stringify!($ident)),*];
    };
}

catalog! {
    /// Claude 3 Haiku: 4096 output tokens.
    ANTHROPIC_CLAUDE_3_HAIKU = Model { id: "anthropic.claude-3-haiku-20240307-v1:0", name: "Claude 3 Haiku",
        limits: claude(4096, false), agents: true, on_demand: true, legacy: false, source: CLAUDE_PAGE };
    /// Claude 3 Sonnet (legacy; the seed's `ANTHROPIC_CLAUDE_SONNET_V1_0`): 4096 output tokens.
    ANTHROPIC_CLAUDE_3_SONNET = Model { id: "anthropic.claude-3-sonnet-20240229-v1:0", name: "Claude 3 Sonnet",
        limits: claude(4096, false), agents: true, on_demand: true, legacy: true, source: CLAUDE_PAGE };
    /// Claude 3.5 Haiku: 8192 output tokens.
    ANTHROPIC_CLAUDE_3_5_HAIKU = Model { id: "anthropic.claude-3-5-haiku-20241022-v1:0", name: "Claude 3.5 Haiku",
        limits: claude(8192, false), agents: true, on_demand: true, legacy: false, source: CLAUDE_PAGE };
    /// Claude 3.5 Sonnet (June 2024): 4096 output tokens on Bedrock.
    ANTHROPIC_CLAUDE_3_5_SONNET = Model { id: "anthropic.claude-3-5-sonnet-20240620-v1:0", name: "Claude 3.5 Sonnet",
        limits: claude(4096, false), agents: true, on_demand: true, legacy: false, source: CLAUDE_PAGE };
    /// Claude 3.5 Sonnet v2 (October 2024): 8192 output tokens.
    ANTHROPIC_CLAUDE_3_5_SONNET_V2 = Model { id: "anthropic.claude-3-5-sonnet-20241022-v2:0",
        name: "Claude 3.5 Sonnet v2", limits: claude(8192, false), agents: true, on_demand: true, legacy: false,
        source: CLAUDE_PAGE };
    /// Claude 3.7 Sonnet: 64000 output tokens (128000 only with a beta header, which profiles do not send).
    ANTHROPIC_CLAUDE_3_7_SONNET = Model { id: "anthropic.claude-3-7-sonnet-20250219-v1:0", name: "Claude 3.7 Sonnet",
        limits: claude(64000, false), agents: true, on_demand: true, legacy: false,
        source: "model-parameters-anthropic-claude-37.html" };
    /// Claude Sonnet 4: 64000 output tokens.
    ANTHROPIC_CLAUDE_SONNET_4 = Model { id: "anthropic.claude-sonnet-4-20250514-v1:0", name: "Claude Sonnet 4",
        limits: claude(64000, false), agents: true, on_demand: true, legacy: false,
        source: "model card: Claude Sonnet 4" };
    /// Claude Opus 4: 32000 output tokens.
    ANTHROPIC_CLAUDE_OPUS_4 = Model { id: "anthropic.claude-opus-4-20250514-v1:0", name: "Claude Opus 4",
        limits: claude(32000, false), agents: true, on_demand: true, legacy: false, source: CLAUDE_PAGE };
    /// Claude Opus 4.1: 32000 output tokens.
    ANTHROPIC_CLAUDE_OPUS_4_1 = Model { id: "anthropic.claude-opus-4-1-20250805-v1:0", name: "Claude Opus 4.1",
        limits: claude(32000, false), agents: true, on_demand: true, legacy: false, source: CLAUDE_PAGE };
    /// Claude Sonnet 4.5: 64000 output tokens; `temperature` and `top_p` may not both be set.
    ANTHROPIC_CLAUDE_SONNET_4_5 = Model { id: "anthropic.claude-sonnet-4-5-20250929-v1:0",
        name: "Claude Sonnet 4.5", limits: claude(64000, true), agents: true, on_demand: true, legacy: false,
        source: "model card: Claude Sonnet 4.5" };
    /// Claude Haiku 4.5: 64000 output tokens; `temperature` and `top_p` may not both be set.
    ANTHROPIC_CLAUDE_HAIKU_4_5 = Model { id: "anthropic.claude-haiku-4-5-20251001-v1:0", name: "Claude Haiku 4.5",
        limits: claude(64000, true), agents: true, on_demand: true, legacy: false,
        source: "model card: Claude Haiku 4.5" };
    /// Titan Text G1 - Lite: 4096 output tokens, no top-k.
    AMAZON_TITAN_TEXT_LITE = Model { id: "amazon.titan-text-lite-v1", name: "Titan Text G1 - Lite",
        limits: no_top_k(Provider::AmazonTitan, 4096, None), agents: false, on_demand: true, legacy: false,
        source: "model-parameters-titan-text.html" };
    /// Titan Text G1 - Express: 8192 output tokens, no top-k.
    AMAZON_TITAN_TEXT_EXPRESS = Model { id: "amazon.titan-text-express-v1", name: "Titan Text G1 - Express",
        limits: no_top_k(Provider::AmazonTitan, 8192, None), agents: false, on_demand: true, legacy: false,
        source: "model-parameters-titan-text.html" };
    /// Titan Text G1 - Premier: 3072 output tokens, no top-k.
    AMAZON_TITAN_TEXT_PREMIER = Model { id: "amazon.titan-text-premier-v1:0", name: "Titan Text G1 - Premier",
        limits: no_top_k(Provider::AmazonTitan, 3072, None), agents: true, on_demand: true, legacy: false,
        source: "model-parameters-titan-text.html" };
    /// Nova Micro: 5000 output tokens per the AWS guide, temperature from 0.00001, topK 0..=500.
    AMAZON_NOVA_MICRO = Model { id: "amazon.nova-micro-v1:0", name: "Nova Micro", limits: nova(5000, 500, 0.00001),
        agents: true, on_demand: true, legacy: false, source: "Nova user guide: complete-request-schema.html" };
    /// Nova Lite: 5000 output tokens per the AWS guide, temperature from 0.00001, topK 0..=500.
    AMAZON_NOVA_LITE = Model { id: "amazon.nova-lite-v1:0", name: "Nova Lite", limits: nova(5000, 500, 0.00001),
        agents: true, on_demand: true, legacy: false, source: "Nova user guide: complete-request-schema.html" };
    /// Nova Pro: 5000 output tokens per the AWS guide, temperature from 0.00001, topK 0..=500.
    AMAZON_NOVA_PRO = Model { id: "amazon.nova-pro-v1:0", name: "Nova Pro", limits: nova(5000, 500, 0.00001),
        agents: true, on_demand: true, legacy: false, source: "Nova user guide: complete-request-schema.html" };
    /// Nova 2 Lite: 5000 output tokens, topK 0..=128.
    AMAZON_NOVA_2_LITE = Model { id: "amazon.nova-2-lite-v1:0", name: "Nova 2 Lite", limits: nova(5000, 128, 0.0),
        agents: true, on_demand: true, legacy: false, source: "Nova user guide: nova2 request-response-schema.html" };
    /// Llama 3 8B Instruct: `max_gen_len` up to 2048, no top-k.
    META_LLAMA3_8B_INSTRUCT = Model { id: "meta.llama3-8b-instruct-v1:0", name: "Llama 3 8B Instruct",
        limits: no_top_k(Provider::Meta, 2048, None), agents: false, on_demand: true, legacy: false,
        source: "model-parameters-meta.html" };
    /// Llama 3 70B Instruct: `max_gen_len` up to 2048, no top-k.
    META_LLAMA3_70B_INSTRUCT = Model { id: "meta.llama3-70b-instruct-v1:0", name: "Llama 3 70B Instruct",
        limits: no_top_k(Provider::Meta, 2048, None), agents: false, on_demand: true, legacy: false,
        source: "model-parameters-meta.html" };
    /// Llama 3.1 8B Instruct: `max_gen_len` up to 2048, no top-k.
    META_LLAMA3_1_8B_INSTRUCT = Model { id: "meta.llama3-1-8b-instruct-v1:0", name: "Llama 3.1 8B Instruct",
        limits: no_top_k(Provider::Meta, 2048, None), agents: true, on_demand: true, legacy: false,
        source: "model-parameters-meta.html" };
    /// Llama 3.1 70B Instruct: `max_gen_len` up to 2048, no top-k.
    META_LLAMA3_1_70B_INSTRUCT = Model { id: "meta.llama3-1-70b-instruct-v1:0", name: "Llama 3.1 70B Instruct",
        limits: no_top_k(Provider::Meta, 2048, None), agents: true, on_demand: true, legacy: false,
        source: "model-parameters-meta.html" };
    /// Llama 3.1 405B Instruct: `max_gen_len` up to 2048, no top-k.
    META_LLAMA3_1_405B_INSTRUCT = Model { id: "meta.llama3-1-405b-instruct-v1:0", name: "Llama 3.1 405B Instruct",
        limits: no_top_k(Provider::Meta, 2048, None), agents: true, on_demand: true, legacy: false,
        source: "model-parameters-meta.html" };
    /// Llama 3.3 70B Instruct: `max_gen_len` up to 2048, no top-k.
    META_LLAMA3_3_70B_INSTRUCT = Model { id: "meta.llama3-3-70b-instruct-v1:0", name: "Llama 3.3 70B Instruct",
        limits: no_top_k(Provider::Meta, 2048, None), agents: true, on_demand: true, legacy: false,
        source: "model-parameters-meta.html" };
    /// Mistral 7B Instruct: 8192 output tokens, top_k 1..=200, at most 10 stop sequences.
    MISTRAL_7B_INSTRUCT = Model { id: "mistral.mistral-7b-instruct-v0:2", name: "Mistral 7B Instruct",
        limits: mistral(8192), agents: false, on_demand: true, legacy: false,
        source: "model-parameters-mistral-text-completion.html" };
    /// Mixtral 8x7B Instruct: 4096 output tokens, top_k 1..=200, at most 10 stop sequences.
    MISTRAL_MIXTRAL_8X7B_INSTRUCT = Model { id: "mistral.mixtral-8x7b-instruct-v0:1", name: "Mixtral 8x7B Instruct",
        limits: mistral(4096), agents: false, on_demand: true, legacy: false,
        source: "model-parameters-mistral-text-completion.html" };
    /// Mistral Large (24.02): 8192 output tokens, top_k 1..=200, at most 10 stop sequences.
    MISTRAL_LARGE_2402 = Model { id: "mistral.mistral-large-2402-v1:0", name: "Mistral Large (24.02)",
        limits: mistral(8192), agents: true, on_demand: true, legacy: false,
        source: "model-parameters-mistral-text-completion.html" };
    /// Cohere Command R: 4000 output tokens, `k` 0..=500.
    COHERE_COMMAND_R = Model { id: "cohere.command-r-v1:0", name: "Command R", limits: cohere(), agents: false,
        on_demand: true, legacy: false, source: "model-parameters-cohere-command-r-plus.html" };
    /// Cohere Command R+: 4000 output tokens, `k` 0..=500.
    COHERE_COMMAND_R_PLUS = Model { id: "cohere.command-r-plus-v1:0", name: "Command R+", limits: cohere(),
        agents: false, on_demand: true, legacy: false, source: "model-parameters-cohere-command-r-plus.html" };
    /// DeepSeek-R1: 32768 output tokens (AWS recommends at most 8192), no top-k, at most 10 stop sequences;
    /// reachable only through a cross-region inference profile (`us.deepseek.r1-v1:0`).
    DEEPSEEK_R1 = Model { id: "deepseek.r1-v1:0", name: "DeepSeek-R1",
        limits: no_top_k(Provider::DeepSeek, 32768, Some(10)), agents: false, on_demand: false, legacy: false,
        source: "model-parameters-deepseek.html" };
    /// Jamba 1.5 Large: 4096 output tokens, no top-k.
    AI21_JAMBA_1_5_LARGE = Model { id: "ai21.jamba-1-5-large-v1:0", name: "Jamba 1.5 Large",
        limits: no_top_k(Provider::Ai21, 4096, None), agents: false, on_demand: true, legacy: false,
        source: "model-parameters-jamba.html" };
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
