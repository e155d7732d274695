//! The model catalog: every foundation model the rulebook knows, with its limits.
//!
//! The figures come from the catalog's data file (`profile-core/catalog/models.toml`), where each one names its
//! public source: the AWS service models, AWS model cards and Bedrock user-guide pages, the provider's own docs, and
//! maintained tables (LiteLLM, the AWS CDK, models.dev), ranked in that order. Each entry's [`Model::source`] names
//! the source of its output limit, and [`Facts::sources`] the source of every other figure; [`Facts::unverified`]
//! says where sources disagree (the catalog then holds the figure that rejects least).
//!
//! A model is named in three ways ([`resolve`] understands all of them):
//! - a catalog id: `anthropic.claude-3-5-sonnet-20241022-v2:0`;
//! - a cross-region (system) inference profile id: `<geo>.<catalog id>`, with geo one of [`Geo`]
//!   (`us.anthropic.claude-sonnet-4-20250514-v1:0`); it has the limits of the model inside;
//! - a Bedrock ARN: `foundation-model/<id>` and `inference-profile/<geo>.<id>` resolve to the model inside;
//!   `application-inference-profile/<id>` and `provisioned-model/<id>` say nothing about the model inside, so only
//!   the API surface's limits apply to them.
//!
//! A model the catalog does not know yet is named with [`ModelRef::unlisted`] (in the DSL:
//! `model: unlisted { id: "...", max_output_tokens: N }`), where the caller states its output-token limit.

use crate::const_text::{starts_with, str_eq};
use std::borrow::Cow;

/// The company behind a model; it decides the native request body and where settings without a Converse field go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Provider {
    /// Anthropic Claude (Messages API).
    Anthropic,
    /// Amazon Nova (messages-v1).
    AmazonNova,
    /// Amazon Titan Text.
    AmazonTitan,
    /// Meta Llama.
    Meta,
    /// Mistral AI (text completion).
    Mistral,
    /// Cohere Command R.
    Cohere,
    /// DeepSeek.
    DeepSeek,
    /// AI21 Labs Jamba.
    Ai21,
    /// OpenAI open-weight models (gpt-oss: Chat Completions body).
    OpenAi,
    /// A provider the catalog has no entry for.
    Other,
}

impl Provider {
    /// The provider a model id belongs to, read from its prefix (`anthropic.`, `amazon.nova`, ...).
    /// Works on catalog ids, unlisted ids and cross-region ids (the geo prefix is skipped).
    pub const fn from_model_id(id: &str) -> Provider {
        let id = strip_geo(id);
        if starts_with(id, "anthropic.") {
            Provider::Anthropic
        } else if starts_with(id, "amazon.nova") {
            Provider::AmazonNova
        } else if starts_with(id, "amazon.titan") {
            Provider::AmazonTitan
        } else if starts_with(id, "meta.") {
            Provider::Meta
        } else if starts_with(id, "mistral.") {
            Provider::Mistral
        } else if starts_with(id, "cohere.") {
            Provider::Cohere
        } else if starts_with(id, "deepseek.") {
            Provider::DeepSeek
        } else if starts_with(id, "ai21.") {
            Provider::Ai21
        } else if starts_with(id, "openai.") {
            Provider::OpenAi
        } else {
            Provider::Other
        }
    }

    /// A human name: "Anthropic", "Amazon Nova", ...
    pub const fn name(self) -> &'static str {
        match self {
            Provider::Anthropic => "Anthropic",
            Provider::AmazonNova => "Amazon Nova",
            Provider::AmazonTitan => "Amazon Titan",
            Provider::Meta => "Meta",
            Provider::Mistral => "Mistral AI",
            Provider::Cohere => "Cohere",
            Provider::DeepSeek => "DeepSeek",
            Provider::Ai21 => "AI21 Labs",
            Provider::OpenAi => "OpenAI",
            Provider::Other => "other",
        }
    }
}

/// Whether and how a model takes top-k sampling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopK {
    /// The model has no top-k setting; sending one fails.
    Unsupported,
    /// The model takes top-k within `min..=max`.
    Range {
        /// Smallest accepted value.
        min: u32,
        /// Largest accepted value.
        max: u32,
    },
}

/// What a model accepts. Only what differs from the API surfaces' own limits is recorded here.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ModelLimits {
    /// The provider, which decides routing of settings without a Converse field.
    pub provider: Provider,
    /// Largest number of output tokens one response may ask for (`max_tokens`).
    pub max_output_tokens: u32,
    /// Smallest accepted temperature (Amazon Nova refuses 0.0); the largest is always 1.0 (every surface caps it).
    pub min_temperature: f32,
    /// Top-k support and range.
    pub top_k: TopK,
    /// Largest number of stop sequences the model takes, when smaller than the surface's.
    pub max_stop_sequences: Option<u32>,
    /// `temperature` and `top_p` may not both be set (Claude Sonnet 4.5, Claude Haiku 4.5).
    pub exclusive_temperature_top_p: bool,
}

impl ModelLimits {
    /// Limits for a model the catalog does not know: the caller's output-token limit, the provider read from the
    /// id, and otherwise only the API surfaces' limits.
    pub const fn unlisted(id: &str, max_output_tokens: u32) -> ModelLimits {
        let provider = Provider::from_model_id(id);
        ModelLimits {
            provider,
            max_output_tokens,
            min_temperature: 0.0,
            top_k: match provider {
                // These providers have no top-k at all (reference section 3).
                Provider::AmazonTitan | Provider::Meta | Provider::DeepSeek => TopK::Unsupported,
                // Agent prompt overrides: topK 0..=500 (bedrock-agent InferenceConfiguration.topK).
                _ => TopK::Range { min: 0, max: 500 },
            },
            max_stop_sequences: None,
            exclusive_temperature_top_p: false,
        }
    }
}

/// One foundation model of the catalog.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Model {
    /// The base model id, as Bedrock names it.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// What the model accepts.
    pub limits: ModelLimits,
    /// Bedrock Agents can use the model as an agent's foundation model.
    pub agents: bool,
    /// The model can be invoked by its base id (on-demand throughput). When false, it is reachable only through a
    /// cross-region inference profile (`us.<id>`).
    pub on_demand: bool,
    /// AWS marks the model as legacy.
    pub legacy: bool,
    /// The public sources of `limits.max_output_tokens` (those of the other figures are in [`Facts::sources`]).
    pub source: &'static str,
    /// Prefixes, sampling policy, reasoning mode, end of life, unverified figures.
    pub facts: Facts,
}

impl Model {
    /// The model's provider.
    pub const fn provider(&self) -> Provider {
        self.limits.provider
    }

    /// The largest `max_tokens` the model accepts.
    pub const fn max_output_tokens(&self) -> u32 {
        self.limits.max_output_tokens
    }
}

pub mod account;
mod catalog;
mod facts;
pub(crate) mod generated;
pub use catalog::*;
pub use facts::{
    Budget, ClaudeThinking, Effort, Efforts, EndOfLife, FactSources, Facts, Legacy, Off, Prefixes,
    Reasoning, Sampling, Successor,
};
pub use generated::*;

/// The geography of a cross-region (system) inference profile: the prefix of `us.anthropic...`.
///
/// Sources: the Bedrock user guide's cross-region inference page, the AWS CDK's
/// `CrossRegionInferenceProfileRegion` (which adds `us-gov`), and LiteLLM's model table (which adds `in`, for
/// India). A prefix that is none of these is an error; a known one that no source lists for a model is a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Geo {
    /// `us.`
    Us,
    /// `eu.`
    Eu,
    /// `apac.`
    Apac,
    /// `au.`
    Au,
    /// `jp.`
    Jp,
    /// `global.`
    Global,
    /// `us-gov.`: AWS GovCloud (US), partition `aws-us-gov`.
    UsGov,
    /// `in.`: India.
    In,
}

impl Geo {
    /// Every geography, in documentation order.
    pub const ALL: [Geo; 8] = [
        Geo::Us,
        Geo::Eu,
        Geo::Apac,
        Geo::Au,
        Geo::Jp,
        Geo::Global,
        Geo::UsGov,
        Geo::In,
    ];

    /// The id prefix without its dot: `us`, `eu`, ...
    pub const fn prefix(self) -> &'static str {
        match self {
            Geo::Us => "us",
            Geo::Eu => "eu",
            Geo::Apac => "apac",
            Geo::Au => "au",
            Geo::Jp => "jp",
            Geo::Global => "global",
            Geo::UsGov => "us-gov",
            Geo::In => "in",
        }
    }

    /// The geography named by `prefix` (without the dot).
    pub const fn from_prefix(prefix: &str) -> Option<Geo> {
        let mut i = 0;
        while i < Geo::ALL.len() {
            if str_eq(Geo::ALL[i].prefix(), prefix) {
                return Some(Geo::ALL[i]);
            }
            i += 1;
        }
        None
    }
}

/// Strips a known `<geo>.` prefix, if any.
const fn strip_geo(id: &str) -> &str {
    let mut i = 0;
    while i < Geo::ALL.len() {
        let prefix = Geo::ALL[i].prefix();
        let bytes = id.as_bytes();
        if starts_with(id, prefix) && bytes.len() > prefix.len() && bytes[prefix.len()] == b'.' {
            let (_, rest) = bytes.split_at(prefix.len() + 1);
            return match core::str::from_utf8(rest) {
                Ok(rest) => rest,
                Err(_) => id,
            };
        }
        i += 1;
    }
    id
}

/// What kind of Bedrock ARN names the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ArnResource {
    /// `foundation-model/<id>`.
    FoundationModel,
    /// `inference-profile/<geo>.<id>`.
    InferenceProfile,
    /// `application-inference-profile/<id>`: opaque, the model inside is unknown.
    ApplicationInferenceProfile,
    /// `provisioned-model/<id>`: opaque, the model inside is unknown.
    ProvisionedModel,
}

impl ArnResource {
    /// The resource type as written in the ARN.
    pub const fn as_str(self) -> &'static str {
        match self {
            ArnResource::FoundationModel => "foundation-model",
            ArnResource::InferenceProfile => "inference-profile",
            ArnResource::ApplicationInferenceProfile => "application-inference-profile",
            ArnResource::ProvisionedModel => "provisioned-model",
        }
    }

    const ALL: [ArnResource; 4] = [
        ArnResource::FoundationModel,
        ArnResource::InferenceProfile,
        ArnResource::ApplicationInferenceProfile,
        ArnResource::ProvisionedModel,
    ];
}

/// How a [`ModelRef`] names its model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ModelTarget {
    /// A catalog id.
    Base(&'static Model),
    /// A cross-region inference profile id of a catalog model.
    CrossRegion(Geo, &'static Model),
    /// An ARN whose model is known (`foundation-model/...` or `inference-profile/...`).
    Arn(ArnResource, &'static Model),
    /// An ARN that says nothing about the model inside (application inference profile, provisioned model):
    /// only the API surfaces' limits apply.
    OpaqueArn(ArnResource),
    /// A model the catalog does not know, with the limits its user stated.
    Unlisted(ModelLimits),
}

/// A model as a profile names it: the id sent to Bedrock (`modelId`) plus what the rulebook knows about it.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelRef {
    /// The model id exactly as declared; this is what goes into `modelId`.
    pub id: Cow<'static, str>,
    /// What the id resolves to.
    pub target: ModelTarget,
}

impl ModelRef {
    /// A catalog model by its base id.
    pub const fn base(model: &'static Model) -> ModelRef {
        ModelRef {
            id: Cow::Borrowed(model.id),
            target: ModelTarget::Base(model),
        }
    }

    /// A model the catalog does not know yet, with its output-token limit as stated by the caller. The provider
    /// is read from the id's prefix; every other limit is the API surface's.
    pub const fn unlisted(id: &'static str, max_output_tokens: u32) -> ModelRef {
        ModelRef {
            id: Cow::Borrowed(id),
            target: ModelTarget::Unlisted(ModelLimits::unlisted(id, max_output_tokens)),
        }
    }

    /// The id as sent to Bedrock (readable in `const` code).
    pub const fn id(&self) -> &str {
        match &self.id {
            Cow::Borrowed(id) => id,
            Cow::Owned(id) => id.as_str(),
        }
    }

    /// The catalog entry behind this reference, if it names one.
    pub const fn catalog_model(&self) -> Option<&'static Model> {
        match self.target {
            ModelTarget::Base(model)
            | ModelTarget::CrossRegion(_, model)
            | ModelTarget::Arn(_, model) => Some(model),
            ModelTarget::OpaqueArn(_) | ModelTarget::Unlisted(_) => None,
        }
    }

    /// The limits that apply, or `None` when the id says nothing about the model (an opaque ARN).
    pub const fn limits(&self) -> Option<ModelLimits> {
        match self.target {
            ModelTarget::Base(model)
            | ModelTarget::CrossRegion(_, model)
            | ModelTarget::Arn(_, model) => Some(model.limits),
            ModelTarget::Unlisted(limits) => Some(limits),
            ModelTarget::OpaqueArn(_) => None,
        }
    }

    /// The provider, when known.
    pub const fn provider(&self) -> Option<Provider> {
        match self.limits() {
            Some(limits) => Some(limits.provider),
            None => None,
        }
    }
}

/// Why a model id could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// The id is empty or longer than the 2048 characters of `modelId` (bedrock-runtime `ConverseRequest.modelId`).
    Length {
        /// The id's length in characters.
        found: usize,
    },
    /// Not a catalog id; `suggestions` are the closest catalog ids, with the geography the id was written with.
    Unknown {
        /// The id as given.
        id: String,
        /// Closest catalog ids, best first.
        suggestions: Vec<String>,
    },
    /// `<prefix>.<catalog id>` where `prefix` is not a cross-region geography.
    UnknownGeo {
        /// The unknown prefix.
        prefix: String,
        /// The catalog model after the prefix.
        model: &'static str,
    },
    /// An ARN that is not a Bedrock model, inference profile or provisioned model ARN.
    MalformedArn {
        /// The ARN as given.
        arn: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// `unlisted { id, max_output_tokens }` names a model the catalog knows: name it by its id.
    UnlistedInCatalog {
        /// The catalog id.
        id: &'static str,
        /// Its output-token limit.
        max_output_tokens: u32,
    },
    /// `unlisted { max_output_tokens: 0 }`: a model that can write nothing.
    UnlistedZeroTokens,
    /// An `inference-profile/` ARN whose id is a base model id, without the cross-region geography.
    MissingGeo {
        /// The ARN as given.
        arn: String,
        /// The catalog model named.
        model: &'static str,
    },
    /// A cross-region id of a known model that no synced region of the account's catalog (`bedrock-catalog.toml`)
    /// lists: AWS's own answer for the account says the profile does not exist there.
    NotInAccount {
        /// The id as given.
        id: String,
        /// The regions synced.
        regions: Vec<String>,
        /// The cross-region profiles the synced regions list for the model.
        profiles: Vec<String>,
    },
    /// A base model id that every synced region of the account's catalog lists without `ON_DEMAND` among its
    /// `inferenceTypesSupported`: AWS's own answer for the account says it is not invoked by that id.
    NotOnDemandInAccount {
        /// The id as given.
        id: String,
        /// The synced regions that list the model.
        regions: Vec<String>,
        /// Its inference types there, as AWS spells them.
        inference_types: Vec<String>,
        /// The cross-region profiles the synced regions list for the model.
        profiles: Vec<String>,
    },
}

impl core::fmt::Display for ModelError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ModelError::Length { found } => {
                write!(
                    f,
                    "`model` id must be 1..={} characters, found {found}",
                    crate::limits::MODEL_ID_MAX_CHARS
                )
            }
            ModelError::Unknown { id, suggestions } => {
                write!(f, "unknown model `{id}`")?;
                match suggestions.as_slice() {
                    [] => {}
                    [one] => write!(f, "; did you mean `{one}`?")?,
                    many => {
                        write!(f, "; did you mean one of ")?;
                        for (i, s) in many.iter().enumerate() {
                            if i > 0 {
                                f.write_str(", ")?;
                            }
                            write!(f, "`{s}`")?;
                        }
                        f.write_str("?")?;
                    }
                }
                Ok(())
            }
            ModelError::UnknownGeo { prefix, model } => write!(
                f,
                "unknown cross-region prefix `{prefix}` in `{prefix}.{model}`; expected one of {}",
                Geo::ALL.map(Geo::prefix).join(", ")
            ),
            ModelError::MalformedArn { arn, reason } => {
                write!(f, "malformed Bedrock ARN `{arn}`: {reason}")
            }
            ModelError::UnlistedInCatalog {
                id,
                max_output_tokens,
            } => write!(
                f,
                "`{id}` is in the catalog ({max_output_tokens} output tokens); name it by its id, not as an unlisted model"
            ),
            ModelError::MissingGeo { arn, model } => write!(
                f,
                "`{arn}` names an inference profile without its geography: a cross-region profile's id is \
                 `<geo>.{model}`, with one of {}",
                Geo::ALL.map(Geo::prefix).join(", ")
            ),
            ModelError::UnlistedZeroTokens => {
                f.write_str("`max_output_tokens` must be at least 1, found 0")
            }
            ModelError::NotOnDemandInAccount {
                id,
                regions,
                inference_types,
                profiles,
            } => {
                write!(
                    f,
                    "your account lists `{id}` without on-demand invocation in {} (inferenceTypesSupported: {}; \
                     `{}`, from ListFoundationModels)",
                    regions.join(", "),
                    inference_types.join(", "),
                    account::FILE_NAME
                )?;
                match profiles.as_slice() {
                    [] => f.write_str("; call it through a cross-region inference profile or provisioned throughput"),
                    some => write!(
                        f,
                        "; call it through a cross-region inference profile: {}",
                        backticked(some)
                    ),
                }
            }
            ModelError::NotInAccount {
                id,
                regions,
                profiles,
            } => {
                write!(
                    f,
                    "no synced region of your account lists the cross-region inference profile `{id}` \
                     (`{}` synced {}; ListInferenceProfiles)",
                    account::FILE_NAME,
                    regions.join(", ")
                )?;
                match profiles.as_slice() {
                    [] => f.write_str("; it lists no cross-region profile for this model")?,
                    some => write!(f, "; it lists {} for this model", backticked(some))?,
                }
                f.write_str(
                    "; if another region serves it, add that region: `bedrock-profiles catalog sync --region <region>`",
                )
            }
        }
    }
}

impl std::error::Error for ModelError {}

/// `` `a`, `b`, `c` ``: ids in a message.
fn backticked(ids: &[String]) -> String {
    ids.iter()
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

mod resolve;
pub use resolve::{cross_region_geo, resolve, suggest, unlisted_owned};

#[cfg(test)]
mod tests;
