//! The Converse / ConverseStream request body (bedrock-runtime 2023-09-30 `ConverseRequest`).

use super::{Conversation, Role, WireError, provider_of};
use crate::const_text::f32_as_written;
use crate::models::Provider;
use crate::rules::Surface;
use crate::{InferenceProfile, ResponseFormat};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The metadata key carrying the profile's name.
pub const PROFILE_NAME_KEY: &str = "bedrock-profile";
/// The metadata key carrying the profile's version.
pub const PROFILE_VERSION_KEY: &str = "bedrock-profile-version";

/// A Converse request: `modelId`, the conversation, the profile's settings where Converse takes them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConverseRequest {
    /// `modelId`: a model id, cross-region id or ARN.
    pub model_id: String,
    /// `messages`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub messages: Vec<Message>,
    /// `system`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub system: Vec<TextBlock>,
    /// `inferenceConfig`: maxTokens, temperature, topP, stopSequences.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inference_config: Option<InferenceConfig>,
    /// `additionalModelRequestFields`: what Converse has no field for (top-k), in the provider's own shape.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub additional_model_request_fields: Option<Value>,
    /// `outputConfig`: structured output, effort.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_config: Option<OutputConfig>,
    /// `guardrailConfig`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guardrail_config: Option<GuardrailConfiguration>,
    /// `requestMetadata`: filters model invocation logs; never sent empty.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub request_metadata: BTreeMap<String, String>,
}

/// One message: `{"role": "user", "content": [{"text": "..."}]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    /// Who speaks.
    pub role: Role,
    /// The content blocks.
    pub content: Vec<TextBlock>,
}

/// A text content block: `{"text": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextBlock {
    /// The text.
    pub text: String,
}

/// `inferenceConfig`. Temperature and top-p are Smithy floats; they are serialized as the decimal they were
/// declared with.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InferenceConfig {
    /// `maxTokens` (>= 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_tokens: Option<u32>,
    /// `temperature` (0..=1).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "as_written")]
    pub temperature: Option<f32>,
    /// `topP` (0..=1).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "as_written")]
    pub top_p: Option<f32>,
    /// `stopSequences` (0..=2500).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stop_sequences: Vec<String>,
}

impl InferenceConfig {
    /// The Converse settings of a profile; `None` when it sets none of them.
    pub fn from_profile(profile: &InferenceProfile) -> Option<InferenceConfig> {
        let config = InferenceConfig {
            max_tokens: profile.max_tokens,
            temperature: profile.temperature,
            top_p: profile.top_p,
            stop_sequences: profile.stop_sequences().map(str::to_owned).collect(),
        };
        (config != InferenceConfig::default()).then_some(config)
    }
}

pub(crate) fn as_written<S: serde::Serializer>(
    value: &Option<f32>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => serializer.serialize_some(&f32_as_written(*v)),
        None => serializer.serialize_none(),
    }
}

/// `outputConfig`: `{"textFormat": {"type": "json_schema", "structure": {"jsonSchema": {...}}}, "effort": "high"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OutputConfig {
    /// `textFormat`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_format: Option<TextFormat>,
    /// `effort`: Claude's effort level (`low`, `medium`, `high`, `xhigh`, `max`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effort: Option<&'static str>,
}

/// `guardrailConfig` (bedrock-runtime `GuardrailConfiguration`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GuardrailConfiguration {
    /// `guardrailIdentifier`.
    pub guardrail_identifier: String,
    /// `guardrailVersion`.
    pub guardrail_version: String,
    /// `trace`: `enabled`, `disabled`, `enabled_full`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trace: Option<&'static str>,
}

impl GuardrailConfiguration {
    /// The Converse shape of a profile's guardrail.
    pub fn from_config(g: &crate::GuardrailConfig) -> Self {
        GuardrailConfiguration {
            guardrail_identifier: g.id().to_owned(),
            guardrail_version: g.version().to_owned(),
            trace: g.trace.map(crate::Trace::as_str),
        }
    }
}

/// `textFormat` of type `json_schema`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextFormat {
    /// Always `json_schema`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// `structure`.
    pub structure: Structure,
}

/// `structure`: `{"jsonSchema": {...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Structure {
    /// `jsonSchema`.
    pub json_schema: JsonSchemaDefinition,
}

/// `JsonSchemaDefinition`: the schema travels as a string holding JSON, not as an object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JsonSchemaDefinition {
    /// The JSON schema text.
    pub schema: String,
    /// The schema's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The schema's description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl OutputConfig {
    /// The `outputConfig` of a response format.
    pub fn from_format(format: &ResponseFormat) -> OutputConfig {
        let ResponseFormat::JsonSchema(schema) = format;
        OutputConfig {
            effort: None,
            text_format: Some(TextFormat {
                kind: "json_schema",
                structure: Structure {
                    json_schema: JsonSchemaDefinition {
                        schema: schema.schema.to_string(),
                        name: schema.name.as_deref().map(str::to_owned),
                        description: schema.description.as_deref().map(str::to_owned),
                    },
                },
            }),
        }
    }
}

/// Where top-k goes in `additionalModelRequestFields` for a provider (reference section 3): Claude and Mistral
/// `{"top_k": N}`, Nova `{"inferenceConfig": {"topK": N}}` (nested), Cohere `{"k": N}`.
pub fn top_k_field(provider: Provider, top_k: u32) -> Option<Value> {
    match provider {
        Provider::Anthropic | Provider::Mistral => Some(json!({ "top_k": top_k })),
        Provider::AmazonNova => Some(json!({ "inferenceConfig": { "topK": top_k } })),
        Provider::Cohere => Some(json!({ "k": top_k })),
        Provider::AmazonTitan
        | Provider::Meta
        | Provider::DeepSeek
        | Provider::Ai21
        | Provider::OpenAi
        | Provider::Other => None,
    }
}

/// Whether `text` holds only characters of `[a-zA-Z0-9\s:_@$#=/+,-.]` (`RequestMetadata` key and value pattern).
fn metadata_chars(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii_alphanumeric() || c.is_whitespace() || ":_@$#=/+,-.".contains(c))
}

impl ConverseRequest {
    /// An empty request for `model_id`.
    pub fn new(model_id: impl Into<String>) -> Self {
        ConverseRequest {
            model_id: model_id.into(),
            messages: Vec::new(),
            system: Vec::new(),
            inference_config: None,
            additional_model_request_fields: None,
            output_config: None,
            guardrail_config: None,
            request_metadata: BTreeMap::new(),
        }
    }

    /// A request for the profile's own model with the profile's settings.
    pub fn for_profile(profile: &InferenceProfile) -> Result<Self, WireError> {
        let Some(model_id) = profile.model_id() else {
            return Err(WireError::NoModel {
                profile: profile.name().to_owned(),
            });
        };
        ConverseRequest::new(model_id).with_profile(profile)
    }

    /// Applies a prompt variant's profile, when it has one, like [`Self::with_profile`]: checked against the
    /// request's model, and routed for the variant's own model when that is the request's (a variant may name a
    /// model its profile does not). A profile the request already carries (its name and version are in
    /// `requestMetadata`, as [`Self::via`] and [`Self::with_profile`] put them) is not applied twice.
    pub fn with_variant_profile(
        self,
        variant: &crate::prompt::PromptVariant<'_>,
    ) -> Result<Self, WireError> {
        let Some(profile) = variant.profile else {
            return Ok(self);
        };
        if carries(&self.request_metadata, profile) {
            return Ok(self);
        }
        match &variant.model {
            Some(model) if model.id() == self.model_id => self.apply(profile, Some(model)),
            _ => self.with_profile(profile),
        }
    }

    /// A request through the application inference profile `profile` was deployed as: `modelId` is `arn` (checked
    /// to be an `application-inference-profile/` ARN), every setting comes from `profile`, and top-k is routed for
    /// the profile's declared model (the model the deployed resource copies), which the ARN does not reveal.
    /// `requestMetadata` keeps the profile's name and version, so invocation logs join the resource's cost tags.
    pub fn via(profile: &InferenceProfile, arn: &str) -> Result<Self, WireError> {
        super::inference_profile::check_application_profile_arn(arn)?;
        ConverseRequest::new(arn).apply(profile, profile.model.as_ref())
    }

    /// Applies a profile's settings: `inferenceConfig`, top-k routed into `additionalModelRequestFields` for the
    /// request's model, `outputConfig` from `response_format`, and the profile's name and version in
    /// `requestMetadata` (keys [`PROFILE_NAME_KEY`], [`PROFILE_VERSION_KEY`]) so invocation logs can be filtered by
    /// profile. The profile's `model` only decides routing when it is the request's model.
    ///
    /// The profile is checked against the request's model first (the rulebook's Converse rules): a profile declared
    /// for one model and sent to another meets the other's limits (`max_tokens`, top-k, sampling, reasoning) here, as
    /// [`WireError::Rule`], instead of Bedrock's `ValidationException`.
    pub fn with_profile(self, profile: &InferenceProfile) -> Result<Self, WireError> {
        let same_model = profile.model_id() == Some(self.model_id.as_str());
        let routing = profile.model.as_ref().filter(|_| same_model);
        self.apply(profile, routing)
    }

    /// [`Self::with_profile`] with top-k routed for `routing` (else for the request's model id).
    fn apply(
        mut self,
        profile: &InferenceProfile,
        routing: Option<&crate::ModelRef>,
    ) -> Result<Self, WireError> {
        super::check_call(profile, &self.model_id, routing, Surface::Converse)?;
        self.inference_config = InferenceConfig::from_profile(profile);
        self.additional_model_request_fields = None;
        if let Some(top_k) = profile.top_k {
            let provider = provider_of(routing, &self.model_id);
            let Some(provider) = provider else {
                return Err(WireError::Unsupported {
                    setting: "top_k",
                    model: self.model_id,
                    reason: "the model behind this id is unknown, so top-k cannot be routed to its own field",
                });
            };
            match top_k_field(provider, top_k) {
                Some(fields) => self.additional_model_request_fields = Some(fields),
                None => {
                    return Err(WireError::Unsupported {
                        setting: "top_k",
                        model: self.model_id,
                        reason: "the model has no top-k setting",
                    });
                }
            }
        }
        let reasoning = super::reasoning::reasoning_fields(profile, &self.model_id)?;
        if !reasoning.fields.is_empty() {
            let mut fields = match self.additional_model_request_fields.take() {
                Some(Value::Object(map)) => map,
                _ => serde_json::Map::new(),
            };
            super::reasoning::merge(&mut fields, reasoning.fields);
            self.additional_model_request_fields = Some(Value::Object(fields));
        }
        let mut output = profile
            .response_format
            .as_ref()
            .map(OutputConfig::from_format);
        if let Some(effort) = reasoning.effort {
            output
                .get_or_insert(OutputConfig {
                    text_format: None,
                    effort: None,
                })
                .effort = Some(effort.as_str());
        }
        self.output_config = output;
        self.guardrail_config = profile
            .guardrail
            .as_ref()
            .map(GuardrailConfiguration::from_config);
        for (key, value) in [
            (PROFILE_NAME_KEY, profile.name().to_owned()),
            (PROFILE_VERSION_KEY, profile.version.to_string()),
        ] {
            check_metadata(key, &value)?;
            self.request_metadata.insert(key.to_owned(), value);
        }
        Ok(self)
    }

    /// Adds a `requestMetadata` entry: at most 16 entries, key 1..=256 and value 0..=256 characters of
    /// `[a-zA-Z0-9\s:_@$#=/+,-.]`.
    pub fn metadata(
        mut self,
        key: impl Into<String>,
        value: impl Into<String>,
    ) -> Result<Self, WireError> {
        let (key, value) = (key.into(), value.into());
        check_metadata(&key, &value)?;
        if !self.request_metadata.contains_key(&key)
            && self.request_metadata.len() == crate::limits::METADATA_MAX_ENTRIES
        {
            return Err(WireError::Metadata {
                key,
                reason: format!(
                    "`requestMetadata` takes at most {} entries",
                    crate::limits::METADATA_MAX_ENTRIES
                ),
            });
        }
        self.request_metadata.insert(key, value);
        Ok(self)
    }

    /// Sets the system prompt and messages of a conversation.
    pub fn with_conversation(mut self, conversation: &Conversation) -> Self {
        self.system = conversation
            .system
            .iter()
            .filter(|s| !s.is_empty())
            .map(|text| TextBlock { text: text.clone() })
            .collect();
        self.messages = conversation
            .messages
            .iter()
            .map(|(role, text)| Message {
                role: *role,
                content: vec![TextBlock { text: text.clone() }],
            })
            .collect();
        self
    }

    /// Sets the system prompt and user message of a rendered `#[prompt]`'s default variant and applies the
    /// variant's profile (checked against the request's model, see [`Self::with_variant_profile`]).
    pub fn with_prompt<P: crate::Prompt + ?Sized>(self, prompt: &P) -> Result<Self, WireError> {
        self.with_prompt_variant_at(prompt, 0)
    }

    /// [`Self::with_prompt`] for the variant called `variant`; [`WireError::NoVariant`] if the prompt has none.
    pub fn with_prompt_variant<P: crate::Prompt + ?Sized>(
        self,
        prompt: &P,
        variant: &str,
    ) -> Result<Self, WireError> {
        self.with_prompt_variant_at(prompt, super::variant_index::<P>(variant)?)
    }

    fn with_prompt_variant_at<P: crate::Prompt + ?Sized>(
        self,
        prompt: &P,
        index: usize,
    ) -> Result<Self, WireError> {
        let request = match P::SPEC.variants.get(index) {
            Some(variant) => self.with_variant_profile(variant)?,
            None => self,
        };
        Ok(request.with_conversation(&Conversation::from_prompt_at(prompt, index)))
    }

    /// The body as JSON.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// Whether `metadata` names `profile` (its name and version), as [`ConverseRequest::with_profile`] puts them.
pub fn carries<'m>(
    metadata: impl IntoIterator<Item = (&'m String, &'m String)>,
    profile: &InferenceProfile,
) -> bool {
    let (mut name, mut version) = (false, false);
    for (key, value) in metadata {
        match key.as_str() {
            PROFILE_NAME_KEY => name = value == profile.name(),
            PROFILE_VERSION_KEY => version = *value == profile.version.to_string(),
            _ => {}
        }
    }
    name && version
}

fn check_metadata(key: &str, value: &str) -> Result<(), WireError> {
    let bad = |reason: String| {
        Err(WireError::Metadata {
            key: key.to_owned(),
            reason,
        })
    };
    let key_chars = key.chars().count();
    if key_chars == 0 || key_chars > crate::limits::METADATA_KEY_MAX_CHARS {
        return bad(format!(
            "the key must be 1..={} characters",
            crate::limits::METADATA_KEY_MAX_CHARS
        ));
    }
    if value.chars().count() > crate::limits::METADATA_VALUE_MAX_CHARS {
        return bad(format!(
            "the value must be at most {} characters",
            crate::limits::METADATA_VALUE_MAX_CHARS
        ));
    }
    if !metadata_chars(key) || !metadata_chars(value) {
        return bad(
            "keys and values may only hold letters, digits, whitespace and : _ @ $ # = / + , - ."
                .to_owned(),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::{self, ModelRef};
    use std::borrow::Cow;

    fn profile(model: &str) -> InferenceProfile {
        let mut p = InferenceProfile::new("high-quality");
        p.model = Some(models::resolve(model).unwrap());
        p.temperature = Some(0.7);
        p.top_p = Some(0.9);
        p.max_tokens = Some(2000);
        p.top_k = Some(250);
        p.stop_sequences = crate::Shared::Static(&[Cow::Borrowed("Human:")]);
        p
    }

    #[test]
    fn claude_body() {
        let body =
            ConverseRequest::for_profile(&profile("anthropic.claude-3-5-sonnet-20241022-v2:0"))
                .unwrap()
                .with_conversation(&Conversation::user_text("Hi").system("Be brief"))
                .to_json();
        assert_eq!(
            body,
            json!({
                "modelId": "anthropic.claude-3-5-sonnet-20241022-v2:0",
                "messages": [{"role": "user", "content": [{"text": "Hi"}]}],
                "system": [{"text": "Be brief"}],
                "inferenceConfig": {"maxTokens": 2000, "temperature": 0.7, "topP": 0.9, "stopSequences": ["Human:"]},
                "additionalModelRequestFields": {"top_k": 250},
                "requestMetadata": {"bedrock-profile": "high-quality", "bedrock-profile-version": "1"}
            })
        );
        assert!(
            serde_json::to_string(&body)
                .unwrap()
                .contains("\"temperature\":0.7,")
        );
    }

    #[test]
    fn top_k_is_routed_per_provider() {
        let nova = ConverseRequest::for_profile(&profile("us.amazon.nova-pro-v1:0")).unwrap();
        assert_eq!(
            nova.additional_model_request_fields,
            Some(json!({"inferenceConfig": {"topK": 250}}))
        );
        let cohere = ConverseRequest::for_profile(&profile("cohere.command-r-v1:0")).unwrap();
        assert_eq!(
            cohere.additional_model_request_fields,
            Some(json!({"k": 250}))
        );
        let llama =
            ConverseRequest::for_profile(&profile("meta.llama3-1-70b-instruct-v1:0")).unwrap_err();
        // The rulebook refuses it before routing (a profile built at run time meets the same rule as a declared one).
        let llama_model = crate::models::resolve("meta.llama3-1-70b-instruct-v1:0").unwrap();
        let rule = crate::rules::check_top_k(250, Some(&llama_model), Surface::Converse).unwrap();
        assert_eq!(llama.to_string(), format!("profile `high-quality`: {rule}"));
        let app = ConverseRequest::for_profile(&profile(
            "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc",
        ))
        .unwrap_err();
        assert!(
            matches!(&app, WireError::Rule { message } if message.contains("`top_k` cannot be sent through")),
            "{app}"
        );
        // A model the catalog does not know meets the API's limits only; top-k then has no known place.
        let mut unknown = profile("amazon.nova-lite-v1:0");
        unknown.model = None;
        assert!(matches!(
            ConverseRequest::new("acme.future-model-v1:0").with_profile(&unknown),
            Err(WireError::Unsupported {
                setting: "top_k",
                ..
            })
        ));
        // Without top-k, nothing goes into the additional fields.
        let mut plain = profile("amazon.nova-lite-v1:0");
        plain.top_k = None;
        let body = ConverseRequest::for_profile(&plain).unwrap().to_json();
        assert!(body.get("additionalModelRequestFields").is_none());
        assert!(body["inferenceConfig"].get("topK").is_none());
    }

    #[test]
    fn empty_things_are_left_out() {
        let body = ConverseRequest::for_profile(&InferenceProfile {
            model: Some(ModelRef::base(&models::AMAZON_NOVA_LITE)),
            ..InferenceProfile::new("bare")
        })
        .unwrap()
        .to_json();
        assert_eq!(
            body,
            json!({
                "modelId": "amazon.nova-lite-v1:0",
                "requestMetadata": {"bedrock-profile": "bare", "bedrock-profile-version": "1"}
            })
        );
        assert_eq!(ConverseRequest::new("x").to_json(), json!({"modelId": "x"}));
    }

    #[test]
    fn metadata_limits() {
        let mut request = ConverseRequest::new("amazon.nova-lite-v1:0");
        for i in 0..16 {
            request = request.metadata(format!("k{i}"), "v").unwrap();
        }
        assert_eq!(
            request
                .clone()
                .metadata("k16", "v")
                .unwrap_err()
                .to_string(),
            "`requestMetadata` entry `k16`: `requestMetadata` takes at most 16 entries"
        );
        assert!(request.metadata("k0", "replaced").is_ok());
        let one = ConverseRequest::new("m");
        assert!(one.clone().metadata("", "v").is_err());
        assert!(one.clone().metadata("k".repeat(257), "v").is_err());
        assert!(one.clone().metadata("k", "v".repeat(257)).is_err());
        assert!(one.clone().metadata("team", "a&b").is_err());
        assert!(one.metadata("cost-center", "team:search/a+b@x").is_ok());
    }
}
