//! What Bedrock really receives: request bodies built from profiles.
//!
//! - [`converse`]: the Converse / ConverseStream request (bedrock-runtime 2023-09-30 `ConverseRequest`).
//! - [`invoke`]: InvokeModel native bodies, one shape per provider family.
//! - [`prompt`]: Prompt management `CreatePrompt` requests, one per variant.
//! - [`agent`]: `CreateAgent` requests with the per-step inference configurations.
//! - [`inference_profile`]: bedrock `CreateInferenceProfile` requests that deploy a profile as an application
//!   inference profile, and the check of the ARN it is called through.
//! - [`cloudformation`]: a CloudFormation template with `AWS::Bedrock::ApplicationInferenceProfile`,
//!   `AWS::Bedrock::Prompt` and `AWS::Bedrock::Agent` resources.
//!
//! Rules for every body: floats go on the wire as declared (`0.7` is `0.7`, never `0.699999988079071`); nothing
//! the API requires to be non-empty is sent empty (it is left out); nothing is sent that the surface does not have
//! (top-k never goes into Converse `inferenceConfig`).

pub mod agent;
pub mod cloudformation;
pub mod converse;
pub mod inference_profile;
pub mod invoke;
pub mod prompt;
pub mod reasoning;

use crate::models::Provider;

/// The `f64` nearest to the decimal an `f32` was written as (`0.7f32` gives `0.7`, not `0.699999988079071`): what
/// the bodies here put on the wire for temperature and top-p, for your own JSON of a profile's floats too.
pub use crate::const_text::f32_as_written;

/// Who speaks a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The user.
    User,
    /// The model.
    Assistant,
}

/// A text conversation: an optional system prompt and alternating messages, the input of a request body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Conversation {
    /// The system prompt.
    pub system: Option<String>,
    /// The messages, oldest first.
    pub messages: Vec<(Role, String)>,
}

impl Conversation {
    /// An empty conversation.
    pub fn new() -> Self {
        Conversation::default()
    }

    /// One user message.
    pub fn user_text(text: impl Into<String>) -> Self {
        Conversation::new().user(text)
    }

    /// Sets the system prompt.
    pub fn system(mut self, text: impl Into<String>) -> Self {
        self.system = Some(text.into());
        self
    }

    /// Appends a user message.
    pub fn user(mut self, text: impl Into<String>) -> Self {
        self.messages.push((Role::User, text.into()));
        self
    }

    /// A rendered `#[prompt]`'s default variant: its system prompt (chat prompts) and its text as the user message.
    pub fn from_prompt<P: crate::Prompt + ?Sized>(prompt: &P) -> Self {
        Conversation {
            system: prompt.render_system(),
            messages: vec![(Role::User, prompt.render())],
        }
    }

    /// Variant number `index` of a rendered `#[prompt]` (0: the default); empty if it has no such variant.
    pub fn from_prompt_at<P: crate::Prompt + ?Sized>(prompt: &P, index: usize) -> Self {
        Conversation {
            system: prompt.render_part(index, crate::Part::System),
            messages: prompt
                .render_part(index, crate::Part::Text)
                .map(|text| vec![(Role::User, text)])
                .unwrap_or_default(),
        }
    }

    /// A rendered variant of a `#[prompt]`; `None` if it has no variant called `variant`.
    pub fn from_prompt_variant<P: crate::Prompt + ?Sized>(
        prompt: &P,
        variant: &str,
    ) -> Option<Self> {
        Some(Conversation {
            system: prompt.render_variant_system(variant),
            messages: vec![(Role::User, prompt.render_variant(variant)?)],
        })
    }

    /// Appends an assistant message.
    pub fn assistant(mut self, text: impl Into<String>) -> Self {
        self.messages.push((Role::Assistant, text.into()));
        self
    }
}

/// Why a request body cannot be built.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WireError {
    /// The profile names no model and none was given.
    NoModel {
        /// The profile's name.
        profile: String,
    },
    /// A setting has no place in the request for this model: the provider does not take it, or the model behind
    /// an application inference profile ARN is unknown so the setting cannot be routed.
    Unsupported {
        /// The profile key (`top_k`, `stop_sequences`, ...).
        setting: &'static str,
        /// The model id.
        model: String,
        /// Why.
        reason: &'static str,
    },
    /// The native body needs a value the profile does not set (Anthropic's `max_tokens`).
    Missing {
        /// The profile key.
        setting: &'static str,
        /// The model id.
        model: String,
    },
    /// A `requestMetadata` entry breaks the API's limits (at most 16 entries, key 1..=256 and value 0..=256
    /// characters of `[a-zA-Z0-9\s:_@$#=/+,-.]`).
    Metadata {
        /// The key.
        key: String,
        /// What is wrong.
        reason: String,
    },
    /// A value built at run time breaks a rule of the rulebook (declared values are checked before).
    Rule {
        /// The rule's message.
        message: String,
    },
    /// The profile cannot be deployed as an application inference profile: it names no model, or one the resource
    /// cannot copy.
    NotDeployable {
        /// The profile's name.
        profile: String,
        /// Why.
        reason: String,
    },
    /// A region or account id of a deployment is malformed.
    Target {
        /// `region` or `account`.
        what: &'static str,
        /// The value given.
        value: String,
        /// What it must be.
        expected: &'static str,
    },
    /// A CloudFormation template would copy cross-region profiles of two geographies, but a stack lives in one
    /// region, which belongs to one geography.
    Geographies {
        /// The first profile and its geography's prefix.
        first: (String, &'static str),
        /// The profile of another geography and its prefix.
        second: (String, &'static str),
    },
    /// A prompt has no variant of that name.
    NoVariant {
        /// The prompt's name.
        prompt: String,
        /// The variant asked for.
        variant: String,
        /// The prompt's variants.
        variants: Vec<String>,
    },
    /// A call through a deployed profile was given an ARN that is not an application inference profile's.
    Arn {
        /// The ARN as given.
        arn: String,
        /// What is wrong with it.
        reason: String,
    },
}

impl core::fmt::Display for WireError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            WireError::NoModel { profile } => {
                write!(
                    f,
                    "profile `{profile}` names no model; give the request a model id"
                )
            }
            WireError::Unsupported {
                setting,
                model,
                reason,
            } => {
                write!(f, "`{setting}` cannot be sent to {model}: {reason}")
            }
            WireError::Missing { setting, model } => {
                write!(
                    f,
                    "the native request body of {model} requires `{setting}`; set it in the profile"
                )
            }
            WireError::Metadata { key, reason } => {
                write!(f, "`requestMetadata` entry `{key}`: {reason}")
            }
            WireError::Rule { message } => f.write_str(message),
            WireError::NotDeployable { profile, reason } => write!(
                f,
                "profile `{profile}` cannot be deployed as an application inference profile: {reason}"
            ),
            WireError::Target {
                what,
                value,
                expected,
            } => write!(f, "the {what} `{value}` must be {expected}"),
            WireError::Geographies {
                first: (a, geo_a),
                second: (b, geo_b),
            } => write!(
                f,
                "profile `{b}` copies a cross-region profile of geography `{geo_b}.` and profile `{a}` one of \
                 `{geo_a}.`: a CloudFormation stack lives in one region, and a cross-region profile can be copied \
                 only in its own geography's regions; build one template per geography"
            ),
            WireError::NoVariant {
                prompt,
                variant,
                variants,
            } => {
                write!(f, "prompt `{prompt}` has no variant `{variant}`")?;
                let names: Vec<&str> = variants.iter().map(String::as_str).collect();
                if let Some(close) = crate::suggest::closest_str(variant, &names) {
                    write!(f, "; did you mean `{close}`?")?;
                }
                write!(f, " (its variants: {})", names.join(", "))
            }
            WireError::Arn { arn, reason } => write!(
                f,
                "`{arn}` is not the ARN of an application inference profile: {reason}"
            ),
        }
    }
}

impl std::error::Error for WireError {}

/// The rules every request body needs whatever the surface or model, for a profile built at run time (a declared
/// profile was checked already): `max_tokens` must fit the APIs' 32-bit integer.
pub(crate) fn check_sendable(profile: &crate::InferenceProfile) -> Result<(), WireError> {
    match profile
        .max_tokens
        .and_then(|n| crate::rules::check_max_tokens(n, None))
    {
        Some(v) => Err(WireError::Rule {
            message: v.to_string(),
        }),
        None => Ok(()),
    }
}

/// The rulebook's rules for `profile` sent to `model_id` on `surface`, as a request builder applies them: the
/// profile is checked against the model the request goes to, not only the one it was declared with. A declared
/// profile was checked against its own model at compile time; sent to another model (`.model_id(..)` on the call,
/// a prompt's model), its settings meet that model's limits here. `routing` is the model behind `model_id` when
/// the caller knows it (a profile's own model, a prompt variant's model); else `model_id` is resolved, and an id
/// the catalog does not know is checked against the surface's own limits only.
///
/// Only the rules of values the request carries apply ([`ProfileKey::reaches_the_model`](crate::keys::ProfileKey::reaches_the_model)).
pub(crate) fn check_call(
    profile: &crate::InferenceProfile,
    model_id: &str,
    routing: Option<&crate::ModelRef>,
    surface: crate::rules::Surface,
) -> Result<(), WireError> {
    let sent = |v: &crate::rules::Violation<'_>| v.key().reaches_the_model();
    let refuse = |v: &crate::rules::Violation<'_>| {
        let on = if profile.model_id() == Some(model_id) {
            String::new()
        } else {
            format!(" sent to {model_id}")
        };
        Err(WireError::Rule {
            message: format!("profile `{}`{on}: {v}", profile.name()),
        })
    };
    let resolved;
    let model = match routing {
        Some(model) => Some(model),
        None if profile.model_id() == Some(model_id) => profile.model.as_ref(),
        None => match crate::models::resolve(model_id) {
            Ok(model) => {
                resolved = model;
                Some(&resolved)
            }
            Err(_) => None,
        },
    };
    match model {
        Some(model) => match crate::rules::check_for(profile, surface, Some(model))
            .iter()
            .find(|v| sent(v))
        {
            Some(v) => refuse(v),
            None => Ok(()),
        },
        None => {
            // A model the catalog does not know: none of the declared model's limits apply to it.
            let mut unknown = profile.clone();
            unknown.model = None;
            match crate::rules::check(&unknown, surface)
                .iter()
                .find(|v| sent(v))
            {
                Some(v) => refuse(v),
                None => Ok(()),
            }
        }
    }
}

/// The number of `P`'s variant called `name`, or [`WireError::NoVariant`] naming the ones it has.
pub fn variant_index<P: crate::Prompt + ?Sized>(name: &str) -> Result<usize, WireError> {
    P::SPEC
        .variant_index(name)
        .ok_or_else(|| WireError::NoVariant {
            prompt: P::SPEC.name.to_owned(),
            variant: name.to_owned(),
            variants: P::SPEC.variants.iter().map(|v| v.name.to_owned()).collect(),
        })
}

/// The provider of a model id: from the catalog when it knows the id, else from the id's prefix.
pub(crate) fn provider_of(model: Option<&crate::ModelRef>, id: &str) -> Option<Provider> {
    if let Some(model) = model
        && let Some(limits) = model.limits()
    {
        return Some(limits.provider);
    }
    match crate::models::resolve(id) {
        Ok(model) => model.limits().map(|l| l.provider),
        Err(_) => match Provider::from_model_id(id) {
            Provider::Other => None,
            known => Some(known),
        },
    }
}
