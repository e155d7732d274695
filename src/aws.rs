//! `aws-sdk-bedrockruntime` integration (feature `aws-sdk`): profiles and rendered prompts as the SDK's own types,
//! and [`ConverseExt`] to apply them to a Converse or ConverseStream call in one line.
//!
//! ```no_run
//! # async fn run(client: aws_sdk_bedrockruntime::Client) -> Result<(), Box<dyn std::error::Error>> {
//! use bedrock_profiles::aws::ConverseExt;
//! use bedrock_profiles::{inference_profile, prompt};
//!
//! inference_profile! {
//!     pub HIGH_QUALITY { model: "us.anthropic.claude-sonnet-4-6", temperature: 0.7, max_tokens: 2000 }
//! }
//!
//! #[prompt(profile = HIGH_QUALITY, text = "Hello {{customer}}, how can I help you with {{topic}}?")]
//! pub struct Greeting<'a> {
//!     pub customer: &'a str,
//!     pub topic: String,
//! }
//!
//! let out = client
//!     .converse()
//!     .model_id(HIGH_QUALITY.model_id().unwrap())
//!     .with_profile(&HIGH_QUALITY)?
//!     .with_prompt(&Greeting { customer: "Ada", topic: "billing".into() })?
//!     .send()
//!     .await?;
//! # let _ = out; Ok(()) }
//! ```
//!
//! `with_profile` returns a `Result` because one setting can fail to find its place: `top_k` has no Converse field
//! and goes into `additionalModelRequestFields` in the shape of the model's provider, which an application
//! inference profile ARN does not reveal.
//!
//! Floats: the SDK serializes an `f32` by widening it to `f64`, so `0.7` goes on the wire as `0.699999988079071`
//! (the same `f32` once Bedrock reads it back). The JSON bodies of [`crate::wire`] print `0.7`.

use crate::wire::converse::{ConverseRequest, OutputConfig as WireOutputConfig};
use crate::wire::{Conversation, Role, WireError};
use crate::{InferenceProfile, Prompt, ResponseFormat};
use aws_sdk_bedrockruntime::operation::converse::builders::ConverseFluentBuilder;
use aws_sdk_bedrockruntime::operation::converse_stream::builders::ConverseStreamFluentBuilder;
use aws_sdk_bedrockruntime::operation::invoke_model::builders::InvokeModelFluentBuilder;
use aws_sdk_bedrockruntime::types::{
    ContentBlock, ConversationRole, GuardrailConfiguration, GuardrailStreamConfiguration,
    GuardrailTrace, InferenceConfiguration, JsonSchemaDefinition, Message, OutputConfig,
    OutputFormat, OutputFormatStructure, OutputFormatType, SystemContentBlock, Trace,
};
use aws_smithy_types::{Document, Number};
use serde_json::Value;
use std::collections::HashMap;

/// The Converse `inferenceConfig` of a profile; `None` when it sets none of its members.
pub fn inference_configuration(profile: &InferenceProfile) -> Option<InferenceConfiguration> {
    let config = crate::wire::converse::InferenceConfig::from_profile(profile)?;
    Some(
        InferenceConfiguration::builder()
            // The rulebook caps max_tokens at i32::MAX (limits::MAX_TOKENS_MAX), and `with_profile` refuses a larger
            // one built at run time before it gets here; a value that does not fit is left out rather than changed.
            .set_max_tokens(config.max_tokens.and_then(|n| i32::try_from(n).ok()))
            .set_temperature(config.temperature)
            .set_top_p(config.top_p)
            .set_stop_sequences(
                (!config.stop_sequences.is_empty()).then_some(config.stop_sequences),
            )
            .build(),
    )
}

/// A JSON value as a Smithy [`Document`] (for `additionalModelRequestFields`).
pub fn document(value: &Value) -> Document {
    match value {
        Value::Null => Document::Null,
        Value::Bool(b) => Document::Bool(*b),
        Value::Number(n) => Document::Number(match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Number::PosInt(u),
            (None, Some(i)) => Number::NegInt(i),
            _ => Number::Float(n.as_f64().unwrap_or_default()),
        }),
        Value::String(s) => Document::String(s.clone()),
        Value::Array(items) => Document::Array(items.iter().map(document).collect()),
        Value::Object(map) => Document::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), document(v)))
                .collect::<HashMap<_, _>>(),
        ),
    }
}

/// The Converse `outputConfig` of a response format.
pub fn output_config(format: &ResponseFormat) -> OutputConfig {
    let wire = WireOutputConfig::from_format(format);
    let Some(text_format) = wire.text_format else {
        return OutputConfig::builder().build();
    };
    let schema = text_format.structure.json_schema;
    // `schema` and `type` are the builders' only required members, and both are set: the builds cannot fail.
    let definition = JsonSchemaDefinition::builder()
        .schema(schema.schema)
        .set_name(schema.name)
        .set_description(schema.description)
        .build();
    let format = definition.and_then(|definition| {
        OutputFormat::builder()
            .r#type(OutputFormatType::JsonSchema)
            .structure(OutputFormatStructure::JsonSchema(definition))
            .build()
    });
    OutputConfig::builder().set_text_format(format.ok()).build()
}

/// The system blocks and messages of a conversation.
pub fn conversation(conversation: &Conversation) -> (Vec<SystemContentBlock>, Vec<Message>) {
    let system = conversation
        .system
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| SystemContentBlock::Text(s.clone()))
        .collect();
    let messages = conversation
        .messages
        .iter()
        .filter_map(|(role, text)| {
            let role = match role {
                Role::User => ConversationRole::User,
                Role::Assistant => ConversationRole::Assistant,
            };
            // `role` and `content` are set, so the build cannot fail.
            Message::builder()
                .role(role)
                .content(ContentBlock::Text(text.clone()))
                .build()
                .ok()
        })
        .collect();
    (system, messages)
}

/// Applies profiles and rendered prompts to a Converse or ConverseStream call.
pub trait ConverseExt: Sized {
    /// Sets `inferenceConfig`, top-k and reasoning in `additionalModelRequestFields` (routed for the call's model,
    /// else the profile's), `outputConfig` (structured output, effort), `guardrailConfig` and the profile's name
    /// and version in `requestMetadata`. Sets `modelId` from the
    /// profile when the call has none yet.
    fn with_profile(self, profile: &InferenceProfile) -> Result<Self, WireError>;

    /// Calls through the application inference profile `profile` is deployed as: sets `modelId` to `arn` (checked
    /// to be an `application-inference-profile/` ARN) and everything else from `profile`, with top-k routed for the
    /// profile's declared model (which the ARN does not reveal). `requestMetadata` keeps the profile's name and
    /// version, so invocation logs can be joined with the resource's cost-allocation tags.
    fn with_profile_via(self, profile: &InferenceProfile, arn: &str) -> Result<Self, WireError>;

    /// Sends a `#[prompt]`'s default variant as it was declared: appends its system prompt (chat prompts) and its
    /// text as a user message, sets `modelId` to the variant's model (else its profile's) when the call has none
    /// yet, and applies the variant's profile like [`Self::with_profile`] (checked against the call's model; the
    /// profile's settings replace any set before). A prompt with neither profile nor model only adds its messages.
    fn with_prompt<P: Prompt + ?Sized>(self, prompt: &P) -> Result<Self, WireError>;

    /// [`Self::with_prompt`] for the variant called `variant`, with the variant's own model and profile;
    /// [`WireError::NoVariant`] when the prompt has no such variant.
    ///
    /// ```no_run
    /// # async fn run(client: aws_sdk_bedrockruntime::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// use bedrock_profiles::aws::ConverseExt;
    /// use bedrock_profiles::{inference_profile, prompt};
    ///
    /// inference_profile! {
    ///     /// Customer answers.
    ///     pub ANSWER { model: "us.anthropic.claude-sonnet-4-6", temperature: 0.3, max_tokens: 2000 }
    ///
    ///     /// The same, shorter and on a smaller model's budget.
    ///     pub SHORT { max_tokens: 300, ..ANSWER }
    /// }
    ///
    /// #[prompt(
    ///     profile = ANSWER,
    ///     system = "You answer for {{customer}}.",
    ///     text = "{{question}}",
    ///     variant(name = "concise", profile = SHORT, text = "In two lines: {{question}}"),
    /// )]
    /// pub struct SupportReply<'a> {
    ///     pub customer: &'a str,
    ///     pub question: &'a str,
    /// }
    ///
    /// // The README's "Five minutes".
    /// let reply = SupportReply { customer: "Ada", question: "Where is my parcel?" };
    /// let answer = client.converse().with_prompt(&reply)?.send().await?;
    /// let out = client.converse().with_prompt_variant(&reply, "concise")?.send().await?;
    /// # let _ = answer;
    /// # let _ = out; Ok(()) }
    /// ```
    fn with_prompt_variant<P: Prompt + ?Sized>(
        self,
        prompt: &P,
        variant: &str,
    ) -> Result<Self, WireError>;
}

/// The Converse `guardrailConfig` of a profile.
pub fn guardrail_configuration(profile: &InferenceProfile) -> Option<GuardrailConfiguration> {
    let g = profile.guardrail.as_ref()?;
    Some(
        GuardrailConfiguration::builder()
            .guardrail_identifier(g.id())
            .guardrail_version(g.version())
            .set_trace(g.trace.map(|t| GuardrailTrace::from(t.as_str())))
            .build(),
    )
}

/// The ConverseStream `guardrailConfig` of a profile.
pub fn guardrail_stream_configuration(
    profile: &InferenceProfile,
) -> Option<GuardrailStreamConfiguration> {
    let g = profile.guardrail.as_ref()?;
    Some(
        GuardrailStreamConfiguration::builder()
            .guardrail_identifier(g.id())
            .guardrail_version(g.version())
            .set_trace(g.trace.map(|t| GuardrailTrace::from(t.as_str())))
            .build(),
    )
}

/// Applies a profile's guardrail to an InvokeModel call: the headers `X-Amzn-Bedrock-GuardrailIdentifier`,
/// `-GuardrailVersion` and `X-Amzn-Bedrock-Trace` (the body comes from [`crate::wire::invoke::body`]).
pub fn invoke_with_guardrail(
    builder: InvokeModelFluentBuilder,
    profile: &InferenceProfile,
) -> InvokeModelFluentBuilder {
    let Some(g) = &profile.guardrail else {
        return builder;
    };
    builder
        .guardrail_identifier(g.id())
        .guardrail_version(g.version())
        .set_trace(g.trace.map(|t| Trace::from(t.header())))
}

macro_rules! converse_ext {
    ($builder:ty, $guardrail:ident) => {
        impl ConverseExt for $builder {
            fn with_profile(self, profile: &InferenceProfile) -> Result<Self, WireError> {
                let model_id = match (self.get_model_id(), profile.model_id()) {
                    (Some(id), _) => id.clone(),
                    (None, Some(id)) => id.to_owned(),
                    (None, None) => {
                        return Err(WireError::NoModel {
                            profile: profile.name().to_owned(),
                        });
                    }
                };
                let request = ConverseRequest::new(model_id).with_profile(profile)?;
                Ok(apply(self, profile, request))
            }

            fn with_profile_via(
                self,
                profile: &InferenceProfile,
                arn: &str,
            ) -> Result<Self, WireError> {
                Ok(apply(self, profile, ConverseRequest::via(profile, arn)?))
            }

            fn with_prompt<P: Prompt + ?Sized>(self, prompt: &P) -> Result<Self, WireError> {
                send_variant(self, prompt, 0)
            }

            fn with_prompt_variant<P: Prompt + ?Sized>(
                self,
                prompt: &P,
                variant: &str,
            ) -> Result<Self, WireError> {
                send_variant(self, prompt, crate::wire::variant_index::<P>(variant)?)
            }
        }

        impl Apply for $builder {
            fn model(&self) -> Option<&String> {
                self.get_model_id().as_ref()
            }

            fn metadata(&self) -> Option<&HashMap<String, String>> {
                self.get_request_metadata().as_ref()
            }

            fn set_model(self, id: String) -> Self {
                self.model_id(id)
            }

            fn push(self, conversation: &Conversation) -> Self {
                let (system, messages) = self::conversation(conversation);
                let mut builder = self;
                for block in system {
                    builder = builder.system(block);
                }
                for message in messages {
                    builder = builder.messages(message);
                }
                builder
            }

            fn apply(self, profile: &InferenceProfile, request: ConverseRequest) -> Self {
                let mut builder = self.model_id(request.model_id);
                builder = builder.set_inference_config(inference_configuration(profile));
                builder = builder.set_additional_model_request_fields(
                    request
                        .additional_model_request_fields
                        .as_ref()
                        .map(document),
                );
                let mut output = profile.response_format.as_ref().map(output_config);
                if let Some(effort) = request.output_config.as_ref().and_then(|o| o.effort) {
                    let text_format = output.as_ref().and_then(|o| o.text_format().cloned());
                    output = Some(
                        OutputConfig::builder()
                            .set_text_format(text_format)
                            .effort(effort)
                            .build(),
                    );
                }
                builder = builder.set_output_config(output);
                builder = builder.set_guardrail_config($guardrail(profile));
                for (key, value) in request.request_metadata {
                    builder = builder.request_metadata(key, value);
                }
                builder
            }
        }
    };
}

/// Puts a built [`ConverseRequest`]'s model id, settings, guardrail and metadata on an SDK builder.
trait Apply: Sized {
    fn apply(self, profile: &InferenceProfile, request: ConverseRequest) -> Self;
    /// The call's `modelId`, if set.
    fn model(&self) -> Option<&String>;
    /// The call's `requestMetadata`, if set.
    fn metadata(&self) -> Option<&HashMap<String, String>>;
    fn set_model(self, id: String) -> Self;
    /// Appends a conversation's system blocks and messages.
    fn push(self, conversation: &Conversation) -> Self;
}

/// Variant number `index` of `prompt` (which exists): its model when the call has none, its profile checked
/// against the call's model (unless the call carries that profile already, e.g. through `with_profile_via`), its
/// rendered messages.
fn send_variant<B: Apply, P: Prompt + ?Sized>(
    builder: B,
    prompt: &P,
    index: usize,
) -> Result<B, WireError> {
    let mut builder = builder;
    if let Some(variant) = P::SPEC.variants.get(index) {
        let model_id = builder
            .model()
            .cloned()
            .or_else(|| variant.model_id().map(str::to_owned));
        let carried = variant.profile.is_some_and(|profile| {
            builder
                .metadata()
                .is_some_and(|m| crate::wire::converse::carries(m, profile))
        });
        match (model_id, variant.profile.filter(|_| !carried)) {
            (Some(id), Some(profile)) => {
                let request = ConverseRequest::new(id).with_variant_profile(variant)?;
                builder = builder.apply(profile, request);
            }
            (Some(id), None) => builder = builder.set_model(id),
            (None, Some(profile)) => {
                return Err(WireError::NoModel {
                    profile: profile.name().to_owned(),
                });
            }
            (None, None) => {}
        }
    }
    Ok(builder.push(&Conversation::from_prompt_at(prompt, index)))
}

fn apply<B: Apply>(builder: B, profile: &InferenceProfile, request: ConverseRequest) -> B {
    builder.apply(profile, request)
}

converse_ext!(ConverseFluentBuilder, guardrail_configuration);
converse_ext!(ConverseStreamFluentBuilder, guardrail_stream_configuration);
