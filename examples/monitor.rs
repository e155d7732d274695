//! The tracing interceptor's span for a Converse call replayed offline (no network, no credentials), printed by
//! `tracing-subscriber` when it closes. `cargo run --example monitor --features tracing`
//!
//! In production, bridge the same spans to OpenTelemetry with `tracing-opentelemetry`'s layer instead of (or next
//! to) the `fmt` layer; its exporter takes the span name from `otel.name` (`chat <model>`).

use aws_sdk_bedrockruntime::config::retry::RetryConfig;
use aws_sdk_bedrockruntime::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_bedrockruntime::types::{ContentBlock, ConversationRole, Message};
use aws_smithy_http_client::test_util::{ReplayEvent, StaticReplayClient};
use aws_smithy_types::body::SdkBody;
use bedrock_profiles::aws::ConverseExt;
use bedrock_profiles::inference_profile;
use bedrock_profiles::monitor::TracingInterceptor;
use tracing_subscriber::fmt::format::FmtSpan;

inference_profile! {
    pub SUPPORT {
        name: "support",
        version: 4,
        model: "us.anthropic.claude-sonnet-4-6",
        temperature: 0.7,
        max_tokens: 2000,
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_span_events(FmtSpan::CLOSE)
        .with_target(false)
        .without_time()
        .with_ansi(false)
        .init();

    // A recorded Converse exchange, replayed.
    let recorded = ReplayEvent::new(
        http::Request::builder()
            .uri("https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-sonnet-4-6/converse")
            .body(SdkBody::empty())?,
        http::Response::builder()
            .status(200)
            .header("content-type", "application/json")
            .body(SdkBody::from(
                r#"{"output":{"message":{"role":"assistant","content":[{"text":"Hi Ada, how can I help?"}]}},
                    "stopReason":"end_turn","usage":{"inputTokens":25,"outputTokens":12,"totalTokens":37},
                    "metrics":{"latencyMs":812}}"#,
            ))?,
    );
    let config = aws_sdk_bedrockruntime::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::for_tests())
        .retry_config(RetryConfig::disabled())
        .http_client(StaticReplayClient::new(vec![recorded]))
        // The one line that turns the spans on:
        .interceptor(TracingInterceptor::new())
        .build();
    let client = aws_sdk_bedrockruntime::Client::from_conf(config);

    let message = Message::builder()
        .role(ConversationRole::User)
        .content(ContentBlock::Text("Hello".into()))
        .build()?;
    client
        .converse()
        .with_profile(&SUPPORT)?
        .messages(message)
        .send()
        .await?;
    Ok(())
}
