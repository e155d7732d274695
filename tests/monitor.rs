//! The tracing interceptor on recorded Bedrock responses, replayed with the SDK's `StaticReplayClient`: the span's
//! fields follow the OpenTelemetry GenAI conventions and come from what went on the wire.
// These tests pin the rules on models past their end of life too: their profiles warn (`deprecated`).
#![allow(deprecated)]

#[path = "support/spans.rs"]
mod spans;

use aws_sdk_bedrockruntime::primitives::Blob;
use aws_sdk_bedrockruntime::types::{ContentBlock, ConversationRole, Message};
use bedrock_profiles::aws::ConverseExt;
use bedrock_profiles::inference_profile;
use spans::{Capture, exchange, replay_client};

inference_profile! {
    pub SUPPORT {
        name: "support",
        version: 4,
        model: "anthropic.claude-3-5-sonnet-20241022-v2:0",
        temperature: 0.7,
        top_p: 0.9,
        max_tokens: 2000,
        stop_sequences: ["Human:", "Assistant:"],
        top_k: 250,
    }
}

const CONVERSE_URI: &str = "https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse";
const JSON: (&str, &str) = ("content-type", "application/json");

fn hello() -> Message {
    Message::builder()
        .role(ConversationRole::User)
        .content(ContentBlock::Text("Hello".into()))
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_successful_converse_call_has_request_usage_and_profile() {
    let (capture, _guard) = Capture::install();
    let (client, http) = replay_client(vec![exchange(
        CONVERSE_URI,
        200,
        &[
            JSON,
            ("x-amzn-requestid", "915a6a04-3f83-4c70-a277-7fbf7ea546b3"),
        ],
        r#"{"output":{"message":{"role":"assistant","content":[{"text":"Hi, how can I help?"}]}},
            "stopReason":"end_turn","usage":{"inputTokens":25,"outputTokens":12,"totalTokens":37},
            "metrics":{"latencyMs":812}}"#,
    )]);
    let out = client
        .converse()
        .with_profile(&SUPPORT)
        .unwrap()
        .messages(hello())
        .send()
        .await
        .expect("the recorded response");
    assert_eq!(out.usage().map(|u| u.output_tokens()), Some(12));
    assert_eq!(http.actual_requests().count(), 1);

    let span = capture.only();
    assert_eq!(span.name, "chat");
    assert_eq!(
        span.get("otel.name"),
        Some("chat anthropic.claude-3-5-sonnet-20241022-v2:0")
    );
    assert_eq!(span.get("otel.kind"), Some("client"));
    assert_eq!(span.get("rpc.method"), Some("Converse"));
    assert_eq!(span.get("gen_ai.operation.name"), Some("chat"));
    assert_eq!(span.get("gen_ai.provider.name"), Some("aws.bedrock"));
    assert_eq!(
        span.get("gen_ai.request.model"),
        Some("anthropic.claude-3-5-sonnet-20241022-v2:0")
    );
    // The SDK sends 0.699999988079071 (an f32 widened); the span says what was declared.
    assert_eq!(span.get("gen_ai.request.temperature"), Some("0.7"));
    assert_eq!(span.get("gen_ai.request.top_p"), Some("0.9"));
    assert_eq!(span.get("gen_ai.request.top_k"), Some("250"));
    assert_eq!(span.get("gen_ai.request.max_tokens"), Some("2000"));
    assert_eq!(
        span.get("gen_ai.request.stop_sequences"),
        Some(r#"["Human:","Assistant:"]"#)
    );
    assert_eq!(
        span.get("gen_ai.response.finish_reasons"),
        Some(r#"["end_turn"]"#)
    );
    assert_eq!(span.get("gen_ai.usage.input_tokens"), Some("25"));
    assert_eq!(span.get("gen_ai.usage.output_tokens"), Some("12"));
    assert_eq!(span.get("bedrock.profile.name"), Some("support"));
    assert_eq!(span.get("bedrock.profile.version"), Some("4"));
    assert_eq!(span.get("error.type"), None);
    assert_eq!(span.get("otel.status_code"), None);
}

#[tokio::test]
async fn a_max_tokens_stop_is_a_finish_reason_and_a_call_without_profile_is_traced() {
    let (capture, _guard) = Capture::install();
    let (client, _http) = replay_client(vec![exchange(
        "https://bedrock-runtime.us-east-1.amazonaws.com/model/us.amazon.nova-lite-v1%3A0/converse",
        200,
        &[JSON],
        r#"{"output":{"message":{"role":"assistant","content":[{"text":"Once upon a"}]}},
            "stopReason":"max_tokens","usage":{"inputTokens":8,"outputTokens":64,"totalTokens":72},
            "metrics":{"latencyMs":1400}}"#,
    )]);
    let out = client
        .converse()
        .model_id("us.amazon.nova-lite-v1:0")
        .inference_config(
            aws_sdk_bedrockruntime::types::InferenceConfiguration::builder()
                .max_tokens(64)
                .build(),
        )
        .messages(hello())
        .send()
        .await
        .expect("the recorded response");
    assert_eq!(
        out.stop_reason(),
        &aws_sdk_bedrockruntime::types::StopReason::MaxTokens
    );

    let span = capture.only();
    assert_eq!(span.get("otel.name"), Some("chat us.amazon.nova-lite-v1:0"));
    assert_eq!(
        span.get("gen_ai.response.finish_reasons"),
        Some(r#"["max_tokens"]"#)
    );
    assert_eq!(span.get("gen_ai.request.max_tokens"), Some("64"));
    assert_eq!(span.get("gen_ai.usage.output_tokens"), Some("64"));
    for absent in [
        "gen_ai.request.temperature",
        "gen_ai.request.top_k",
        "gen_ai.request.stop_sequences",
        "bedrock.profile.name",
        "bedrock.profile.version",
        "error.type",
    ] {
        assert_eq!(span.get(absent), None, "{absent}");
    }
}

#[tokio::test]
async fn a_throttled_call_records_the_error_type() {
    let (capture, _guard) = Capture::install();
    let (client, _http) = replay_client(vec![exchange(
        CONVERSE_URI,
        429,
        &[
            JSON,
            (
                "x-amzn-errortype",
                "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/",
            ),
        ],
        r#"{"message":"Too many requests, please wait before trying again."}"#,
    )]);
    let error = client
        .converse()
        .with_profile(&SUPPORT)
        .unwrap()
        .messages(hello())
        .send()
        .await
        .expect_err("a throttled call");
    assert!(error.into_service_error().is_throttling_exception());

    let span = capture.only();
    assert_eq!(span.get("error.type"), Some("ThrottlingException"));
    assert_eq!(span.get("otel.status_code"), Some("error"));
    assert_eq!(span.get("bedrock.profile.name"), Some("support"));
    assert_eq!(span.get("gen_ai.request.max_tokens"), Some("2000"));
    assert_eq!(span.get("gen_ai.usage.output_tokens"), None);
    assert_eq!(span.get("gen_ai.response.finish_reasons"), None);
}

#[tokio::test]
async fn a_validation_error_without_the_header_is_read_from_the_body() {
    let (capture, _guard) = Capture::install();
    let (client, _http) = replay_client(vec![exchange(
        CONVERSE_URI,
        400,
        &[JSON],
        r#"{"__type":"com.amazon.bedrock#ValidationException","message":"temperature: 1.5 is not less or equal to 1"}"#,
    )]);
    let error = client
        .converse()
        .model_id("anthropic.claude-3-5-sonnet-20241022-v2:0")
        .messages(hello())
        .send()
        .await
        .expect_err("a rejected call");
    assert!(error.into_service_error().is_validation_exception());
    assert_eq!(
        capture.only().get("error.type"),
        Some("ValidationException")
    );
}

#[tokio::test]
async fn invoke_model_reads_the_native_body_and_the_token_headers() {
    let (capture, _guard) = Capture::install();
    let (client, _http) = replay_client(vec![exchange(
        "https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke",
        200,
        &[
            JSON,
            ("x-amzn-bedrock-input-token-count", "14"),
            ("x-amzn-bedrock-output-token-count", "100"),
        ],
        r#"{"id":"msg_1","type":"message","role":"assistant","content":[{"type":"text","text":"..."}],
            "stop_reason":"max_tokens","usage":{"input_tokens":14,"output_tokens":100}}"#,
    )]);
    client
        .invoke_model()
        .model_id("anthropic.claude-3-haiku-20240307-v1:0")
        .content_type("application/json")
        .body(Blob::new(
            r#"{"anthropic_version":"bedrock-2023-05-31","max_tokens":100,"temperature":0.2,"top_k":40,
                "stop_sequences":["END"],"messages":[{"role":"user","content":"Hello"}]}"#,
        ))
        .send()
        .await
        .expect("the recorded response");

    let span = capture.only();
    assert_eq!(span.get("rpc.method"), Some("InvokeModel"));
    assert_eq!(
        span.get("otel.name"),
        Some("chat anthropic.claude-3-haiku-20240307-v1:0")
    );
    assert_eq!(span.get("gen_ai.request.max_tokens"), Some("100"));
    assert_eq!(span.get("gen_ai.request.temperature"), Some("0.2"));
    assert_eq!(span.get("gen_ai.request.top_k"), Some("40"));
    assert_eq!(
        span.get("gen_ai.request.stop_sequences"),
        Some(r#"["END"]"#)
    );
    assert_eq!(span.get("gen_ai.usage.input_tokens"), Some("14"));
    assert_eq!(span.get("gen_ai.usage.output_tokens"), Some("100"));
    assert_eq!(
        span.get("gen_ai.response.finish_reasons"),
        Some(r#"["max_tokens"]"#)
    );
}
