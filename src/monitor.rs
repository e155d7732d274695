//! Live monitoring (feature `tracing`): an interceptor for the AWS SDK for Rust that gives every Converse,
//! ConverseStream, InvokeModel and InvokeModelWithResponseStream call a [`tracing`] span with the OpenTelemetry
//! GenAI semantic conventions' attribute names, plus the profile's name and version from `requestMetadata`.
//!
//! One line on the Bedrock Runtime client's config:
//!
//! ```no_run
//! # async fn run() {
//! # let sdk_config = aws_sdk_bedrockruntime::Config::builder().build();
//! // With aws-config: `aws_sdk_bedrockruntime::config::Builder::from(&aws_config::load_from_env().await)`
//! let config = sdk_config
//!     .to_builder()
//!     .interceptor(bedrock_profiles::monitor::TracingInterceptor::new())
//!     .build();
//! let client = aws_sdk_bedrockruntime::Client::from_conf(config);
//! # let _ = client; }
//! ```
//!
//! The span is named `chat` (a `tracing` span name is static) and carries `otel.name = "chat <model>"`, which
//! `tracing-opentelemetry` exports as the span's name, following the conventions' `{gen_ai.operation.name}
//! {gen_ai.request.model}`; `otel.kind = "client"`, and `otel.status_code = "error"` on failure. Its fields:
//!
//! | Field | From |
//! |---|---|
//! | `gen_ai.operation.name` | `chat` |
//! | `gen_ai.provider.name` | `aws.bedrock` |
//! | `gen_ai.request.model` | the request URI (`/model/{modelId}/converse`), percent-decoded |
//! | `gen_ai.request.temperature`, `.top_p`, `.top_k`, `.max_tokens`, `.stop_sequences` | the request body: Converse `inferenceConfig` and top-k in `additionalModelRequestFields`; the native InvokeModel bodies' own keys |
//! | `gen_ai.response.finish_reasons` | `stopReason` (Converse), the native body's stop reason (InvokeModel) |
//! | `gen_ai.usage.input_tokens`, `.output_tokens` | Converse `usage`; InvokeModel's `X-Amzn-Bedrock-Input-Token-Count` / `-Output-Token-Count` headers |
//! | `bedrock.profile.name`, `bedrock.profile.version` | `requestMetadata` (`bedrock-profile`, `bedrock-profile-version`) |
//! | `error.type` | the error code (`ThrottlingException`, `ValidationException`, ...), `timeout`, or `_OTHER` |
//! | `rpc.method` | the operation (`Converse`, ...) |
//!
//! Every request value is read from the serialized request, so calls made without a profile are traced too.
//! Lists (`stop_sequences`, `finish_reasons`) are JSON arrays in a string field: `tracing` has no list values.
//! Streaming calls end their span when the stream opens: their usage and stop reason arrive later, in the stream's
//! events, which the interceptor does not see.
//!
//! The library depends on no OpenTelemetry crate: bridge with `tracing-opentelemetry`'s layer.

use crate::wire::converse::{PROFILE_NAME_KEY, PROFILE_VERSION_KEY};
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::{
    BeforeSerializationInterceptorContextRef, BeforeTransmitInterceptorContextRef,
    FinalizerInterceptorContextRef, Input,
};
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::{ConfigBag, Storable, StoreReplace};
use serde_json::Value;
use tracing::field::Empty;

/// The operation of a call's input, when it is one that gets a span.
fn operation(input: &Input) -> Option<&'static str> {
    use aws_sdk_bedrockruntime::operation::invoke_model_with_response_stream as invoke_stream;
    use aws_sdk_bedrockruntime::operation::{converse, converse_stream, invoke_model};
    if input.downcast_ref::<converse::ConverseInput>().is_some() {
        Some("Converse")
    } else if input
        .downcast_ref::<converse_stream::ConverseStreamInput>()
        .is_some()
    {
        Some("ConverseStream")
    } else if input
        .downcast_ref::<invoke_model::InvokeModelInput>()
        .is_some()
    {
        Some("InvokeModel")
    } else if input
        .downcast_ref::<invoke_stream::InvokeModelWithResponseStreamInput>()
        .is_some()
    {
        Some("InvokeModelWithResponseStream")
    } else {
        None
    }
}

/// Adds a GenAI span to every model call of a Bedrock Runtime client; see the [module docs](self).
#[derive(Debug, Clone, Copy, Default)]
#[non_exhaustive]
pub struct TracingInterceptor;

impl TracingInterceptor {
    /// The interceptor.
    pub fn new() -> Self {
        Self
    }
}

/// The span of one call, kept in the call's config bag from the first hook to the last.
#[derive(Debug, Clone)]
struct CallSpan(tracing::Span);

impl Storable for CallSpan {
    type Storer = StoreReplace<Self>;
}

impl Intercept for TracingInterceptor {
    fn name(&self) -> &'static str {
        "bedrock_profiles::monitor::TracingInterceptor"
    }

    fn read_before_execution(
        &self,
        context: &BeforeSerializationInterceptorContextRef<'_>,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let Some(operation) = operation(context.input()) else {
            return Ok(());
        };
        let span = tracing::info_span!(
            target: "bedrock_profiles::monitor",
            "chat",
            otel.name = Empty,
            otel.kind = "client",
            otel.status_code = Empty,
            rpc.method = operation,
            gen_ai.operation.name = "chat",
            gen_ai.provider.name = "aws.bedrock",
            gen_ai.request.model = Empty,
            gen_ai.request.temperature = Empty,
            gen_ai.request.top_p = Empty,
            gen_ai.request.top_k = Empty,
            gen_ai.request.max_tokens = Empty,
            gen_ai.request.stop_sequences = Empty,
            gen_ai.response.finish_reasons = Empty,
            gen_ai.usage.input_tokens = Empty,
            gen_ai.usage.output_tokens = Empty,
            bedrock.profile.name = Empty,
            bedrock.profile.version = Empty,
            error.type = Empty,
        );
        cfg.interceptor_state().store_put(CallSpan(span));
        Ok(())
    }

    fn read_before_transmit(
        &self,
        context: &BeforeTransmitInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let Some(CallSpan(span)) = cfg.load::<CallSpan>() else {
            return Ok(());
        };
        let request = context.request();
        let model = model_from_uri(request.uri());
        let body = request
            .body()
            .bytes()
            .and_then(|b| serde_json::from_slice::<Value>(b).ok());
        let attrs = RequestAttributes::read(body.as_ref());
        if let Some(model) = &model {
            span.record("otel.name", format!("chat {model}"));
            span.record("gen_ai.request.model", model.as_str());
        }
        if let Some(v) = attrs.temperature {
            span.record("gen_ai.request.temperature", v);
        }
        if let Some(v) = attrs.top_p {
            span.record("gen_ai.request.top_p", v);
        }
        if let Some(v) = attrs.top_k {
            span.record("gen_ai.request.top_k", v);
        }
        if let Some(v) = attrs.max_tokens {
            span.record("gen_ai.request.max_tokens", v);
        }
        if let Some(v) = &attrs.stop_sequences {
            span.record("gen_ai.request.stop_sequences", v.as_str());
        }
        if let Some(v) = &attrs.profile {
            span.record("bedrock.profile.name", v.as_str());
        }
        if let Some(v) = &attrs.version {
            span.record("bedrock.profile.version", v.as_str());
        }
        Ok(())
    }

    fn read_after_execution(
        &self,
        context: &FinalizerInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let Some(CallSpan(span)) = cfg.load::<CallSpan>().cloned() else {
            return Ok(());
        };
        // The bag's copy goes now, so the span closes with this hook rather than with the bag.
        cfg.interceptor_state().unset::<CallSpan>();
        let response = context.response();
        let header = |name: &str| response.and_then(|r| r.headers().get(name));
        let body = response
            .and_then(|r| r.body().bytes())
            .and_then(|b| serde_json::from_slice::<Value>(b).ok());
        match context.output_or_error() {
            Some(Ok(_)) => {
                let body = body.as_ref();
                let usage = body.and_then(|b| b.get("usage"));
                let count = |header_name: &str, key: &str| {
                    header(header_name)
                        .and_then(|v| v.trim().parse::<u64>().ok())
                        .or_else(|| usage.and_then(|u| u.get(key)).and_then(Value::as_u64))
                };
                if let Some(n) = count("x-amzn-bedrock-input-token-count", "inputTokens") {
                    span.record("gen_ai.usage.input_tokens", n);
                }
                if let Some(n) = count("x-amzn-bedrock-output-token-count", "outputTokens") {
                    span.record("gen_ai.usage.output_tokens", n);
                }
                if let Some(reason) = body.and_then(finish_reason) {
                    let list = serde_json::to_string(&[reason]).unwrap_or_default();
                    span.record("gen_ai.response.finish_reasons", list.as_str());
                }
            }
            Some(Err(error)) => {
                let code = header("x-amzn-errortype")
                    .map(|v| v.split(':').next().unwrap_or(v).trim().to_owned())
                    .filter(|c| !c.is_empty())
                    .or_else(|| {
                        let t = body.as_ref()?.get("__type")?.as_str()?;
                        Some(t.rsplit('#').next().unwrap_or(t).to_owned())
                    })
                    .unwrap_or_else(|| {
                        if error.is_timeout_error() {
                            "timeout".to_owned()
                        } else {
                            "_OTHER".to_owned()
                        }
                    });
                span.record("error.type", code.as_str());
                span.record("otel.status_code", "error");
            }
            None => {}
        }
        Ok(())
    }
}

/// The model id in a Bedrock Runtime URI: `/model/{modelId}/...`, percent-decoded.
fn model_from_uri(uri: &str) -> Option<String> {
    let path = uri.split(['?', '#']).next().unwrap_or(uri);
    let rest = &path[path.find("/model/")? + "/model/".len()..];
    let id = rest.split('/').next().filter(|s| !s.is_empty())?;
    Some(
        percent_encoding::percent_decode_str(id)
            .decode_utf8_lossy()
            .into_owned(),
    )
}

/// The request values a span records, from a Converse body or a native InvokeModel body.
#[derive(Debug, Default, PartialEq)]
struct RequestAttributes {
    temperature: Option<f64>,
    top_p: Option<f64>,
    top_k: Option<u64>,
    max_tokens: Option<u64>,
    stop_sequences: Option<String>,
    profile: Option<String>,
    version: Option<String>,
}

/// The first of several JSON paths that is present.
fn first<'a>(body: &'a Value, paths: &[&[&str]]) -> Option<&'a Value> {
    paths.iter().find_map(|path| {
        path.iter()
            .try_fold(body, |v, key| v.get(key))
            .filter(|v| !v.is_null())
    })
}

impl RequestAttributes {
    fn read(body: Option<&Value>) -> Self {
        let Some(body) = body else {
            return Self::default();
        };
        // Converse first, then the native bodies (Anthropic, Nova, Titan, Llama, Mistral, Cohere, ...).
        // Bedrock reads these as f32, and the SDK widens an f32 to f64 on the wire (0.7 -> 0.699999988079071):
        // record the f32's shortest form, the value as declared.
        let f = |paths: &[&[&str]]| {
            first(body, paths)
                .and_then(Value::as_f64)
                .map(|v| (v as f32).to_string().parse().unwrap_or(v))
        };
        let u = |paths: &[&[&str]]| first(body, paths).and_then(Value::as_u64);
        let stops = first(
            body,
            &[
                &["inferenceConfig", "stopSequences"],
                &["stop_sequences"],
                &["textGenerationConfig", "stopSequences"],
                &["stop"],
            ],
        )
        .filter(|v| v.as_array().is_some_and(|a| !a.is_empty()))
        .map(Value::to_string);
        let metadata = |key: &str| {
            body.get("requestMetadata")
                .and_then(|m| m.get(key))
                .and_then(Value::as_str)
                .map(str::to_owned)
        };
        Self {
            temperature: f(&[
                &["inferenceConfig", "temperature"],
                &["temperature"],
                &["textGenerationConfig", "temperature"],
            ]),
            top_p: f(&[
                &["inferenceConfig", "topP"],
                &["top_p"],
                &["textGenerationConfig", "topP"],
                &["p"],
            ]),
            top_k: u(&[
                &["additionalModelRequestFields", "top_k"],
                &["additionalModelRequestFields", "inferenceConfig", "topK"],
                &["additionalModelRequestFields", "k"],
                &["top_k"],
                &["inferenceConfig", "topK"],
                &["k"],
            ]),
            max_tokens: u(&[
                &["inferenceConfig", "maxTokens"],
                &["max_tokens"],
                &["inferenceConfig", "max_new_tokens"],
                &["textGenerationConfig", "maxTokenCount"],
                &["max_gen_len"],
            ]),
            stop_sequences: stops,
            profile: metadata(PROFILE_NAME_KEY),
            version: metadata(PROFILE_VERSION_KEY),
        }
    }
}

/// The stop reason of a Converse response or a native InvokeModel response body.
fn finish_reason(body: &Value) -> Option<String> {
    let direct = [
        "stopReason",
        "stop_reason",
        "finish_reason",
        "completionReason",
    ];
    let text = |v: &Value| {
        direct
            .iter()
            .find_map(|k| v.get(k)?.as_str().map(str::to_owned))
    };
    text(body).or_else(|| {
        ["outputs", "results", "generations", "choices"]
            .iter()
            .find_map(|list| text(body.get(list)?.get(0)?))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn model_ids_come_decoded_from_the_path() {
        assert_eq!(
            model_from_uri("https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse").as_deref(),
            Some("anthropic.claude-3-5-sonnet-20241022-v2:0")
        );
        assert_eq!(
            model_from_uri("/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A1%3Aapplication-inference-profile%2Fabc/invoke?x=1").as_deref(),
            Some("arn:aws:bedrock:us-east-1:1:application-inference-profile/abc")
        );
        assert_eq!(model_from_uri("https://example.com/other"), None);
    }

    #[test]
    fn native_bodies_give_their_settings() {
        let nova = RequestAttributes::read(Some(&json!({
            "inferenceConfig": {"max_new_tokens": 300, "temperature": 0.5, "topK": 20},
            "messages": []
        })));
        assert_eq!(nova.max_tokens, Some(300));
        assert_eq!(nova.top_k, Some(20));
        assert_eq!(nova.temperature, Some(0.5));
        let llama = RequestAttributes::read(Some(
            &json!({"prompt": "x", "max_gen_len": 512, "top_p": 0.9}),
        ));
        assert_eq!(llama.max_tokens, Some(512));
        assert_eq!(llama.top_p, Some(0.9));
        assert_eq!(
            finish_reason(&json!({"outputs": [{"text": "", "stop_reason": "length"}]})).as_deref(),
            Some("length")
        );
    }
}
