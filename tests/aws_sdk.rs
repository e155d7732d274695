//! The AWS SDK for Rust puts exactly the declared settings on the wire: requests captured offline with the SDK's
//! own test HTTP client (`aws-smithy-http-client`, `capture_request`), no network and no credentials involved.
// These tests pin the rules on models past their end of life too: their profiles warn (`deprecated`).
#![allow(deprecated)]

use aws_sdk_bedrockruntime::Client;
use aws_sdk_bedrockruntime::config::{BehaviorVersion, Credentials, Region};
use aws_smithy_http_client::test_util::{CaptureRequestReceiver, capture_request};
use bedrock_profiles::aws::ConverseExt;
use bedrock_profiles::{InferenceProfile, inference_profile, prompt};
use serde_json::{Value, json};

inference_profile! {
    pub HIGH_QUALITY {
        name: "my-inference-profile",
        model: "anthropic.claude-3-5-sonnet-20241022-v2:0",
        temperature: 0.7,
        top_p: 0.9,
        max_tokens: 2000,
        stop_sequences: ["Human:", "Assistant:"],
        top_k: 250,
    }

    pub NOVA {
        model: "us.amazon.nova-lite-v1:0",
        temperature: 0.3,
        top_k: 20,
        response_format: json_schema { name: "answer", schema: r#"{"type": "object"}"# },
    }

    pub LLAMA { model: "meta.llama3-1-70b-instruct-v1:0", max_tokens: 512 }

    /// Deployed as an application inference profile (tests/application_profiles.rs) and called through its ARN.
    pub SEARCH {
        name: "search-answers",
        description: "Search answers for the web app",
        model: "us.anthropic.claude-sonnet-4-20250514-v1:0",
        max_tokens: 2000,
        top_k: 50,
        tags: { "team": "search", "cost-center": "4711" },
    }

    /// Budget thinking behind a guardrail with its trace.
    pub THINKS {
        model: "us.anthropic.claude-sonnet-4-20250514-v1:0",
        max_tokens: 16000,
        reasoning: { budget_tokens: 8000, interleaved: true },
        guardrail: { id: "gr0abc123", version: "3", trace: "enabled_full" },
    }

    /// Adaptive thinking at an effort level, behind a draft guardrail.
    pub ADAPTIVE {
        model: "global.anthropic.claude-opus-4-7",
        max_tokens: 32000,
        reasoning: { effort: "xhigh" },
        guardrail: { id: "arn:aws:bedrock:us-east-1:123456789012:guardrail/gr0abc123", version: "DRAFT" },
    }
}

#[prompt(
    profile = HIGH_QUALITY,
    system = "You help {{customer}}.",
    text = "Hello {{customer}}, how can I help you with {{topic}}?",
)]
pub struct Greeting<'a> {
    pub customer: &'a str,
    pub topic: String,
}

/// `[prompts.support-reply]` -> `SupportReply<'a>`, a struct whose fields are the template's variables.
#[cfg(feature = "files")]
mod file_prompts {
    bedrock_profiles::include_profiles!("tests/fixtures/prompts.toml");
}

/// A client whose HTTP requests are captured instead of sent (no network, test credentials).
fn client() -> (Client, CaptureRequestReceiver) {
    let (http_client, request) = capture_request(None);
    let config = aws_sdk_bedrockruntime::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::for_tests())
        .http_client(http_client)
        .build();
    (Client::from_conf(config), request)
}

/// Sends one Converse call through a capturing HTTP client and returns the JSON body and the URI.
async fn captured(
    call: impl FnOnce(
        Client,
    )
        -> aws_sdk_bedrockruntime::operation::converse::builders::ConverseFluentBuilder,
) -> (Value, String) {
    let (client, request) = client();
    // The canned response is empty, so the call itself fails after the request is captured.
    let _ = call(client).send().await;
    let request = request.expect_request();
    let uri = request.uri().to_owned();
    let body = serde_json::from_slice(request.body().bytes().expect("an in-memory body"))
        .expect("a JSON body");
    (body, uri)
}

fn f32_of(value: &Value) -> f32 {
    value.as_f64().expect("a number") as f32
}

#[tokio::test]
async fn claude_profile_and_prompt_reach_the_wire() {
    let greeting = Greeting {
        customer: "Ada",
        topic: "billing".into(),
    };
    let (body, uri) = captured(|client| {
        client
            .converse()
            .with_profile(&HIGH_QUALITY)
            .expect("routable")
            .with_prompt(&greeting)
            .expect("the profile is carried already")
    })
    .await;
    assert!(
        uri.ends_with("/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse"),
        "{uri}"
    );
    // The SDK widens f32 to f64 (0.7 -> 0.699999988079071); the value read back as f32 is the declared one.
    assert_eq!(f32_of(&body["inferenceConfig"]["temperature"]), 0.7);
    assert_eq!(f32_of(&body["inferenceConfig"]["topP"]), 0.9);
    let mut rest = body.clone();
    rest["inferenceConfig"]
        .as_object_mut()
        .unwrap()
        .retain(|k, _| k != "temperature" && k != "topP");
    assert_eq!(
        rest,
        json!({
            "messages": [{"role": "user", "content": [{"text": "Hello Ada, how can I help you with billing?"}]}],
            "system": [{"text": "You help Ada."}],
            "inferenceConfig": {"maxTokens": 2000, "stopSequences": ["Human:", "Assistant:"]},
            "additionalModelRequestFields": {"top_k": 250},
            "requestMetadata": {"bedrock-profile": "my-inference-profile", "bedrock-profile-version": "1"}
        })
    );
}

#[cfg(feature = "files")]
#[tokio::test]
async fn a_file_prompts_struct_reaches_the_wire() {
    let reply = file_prompts::SupportReply {
        company: "Acme",
        customer_name: "Ada",
        ticket: "#42",
        answer: "it is fixed",
        language: "French",
    };
    // The prompt's table names its profile: the call gets the profile's model and settings from the file.
    let (body, uri) =
        captured(|client| client.converse().with_prompt(&reply).expect("valid")).await;
    assert!(
        uri.ends_with("/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse"),
        "{uri}"
    );
    assert_eq!(body["inferenceConfig"]["maxTokens"], 1000);
    assert_eq!(
        body["messages"],
        json!([{"role": "user", "content": [{"text": "Dear Ada, about ticket #42: it is fixed"}]}])
    );
    assert_eq!(
        body["system"],
        json!([{"text": "You answer tickets for Acme."}])
    );
    assert_eq!(
        body["requestMetadata"],
        json!({"bedrock-profile": "support", "bedrock-profile-version": "1"})
    );
    // A variant with a model of its own goes to that model, with the profile checked against it.
    let (_, uri) = captured(|client| {
        client
            .converse()
            .with_prompt_variant(&reply, "nova")
            .expect("valid")
    })
    .await;
    assert!(
        uri.ends_with("/model/amazon.nova-pro-v1%3A0/converse"),
        "{uri}"
    );
}

#[tokio::test]
async fn nova_routes_top_k_and_structured_output() {
    let (body, uri) =
        captured(|client| client.converse().with_profile(&NOVA).expect("routable")).await;
    assert!(
        uri.ends_with("/model/us.amazon.nova-lite-v1%3A0/converse"),
        "{uri}"
    );
    assert_eq!(f32_of(&body["inferenceConfig"]["temperature"]), 0.3);
    assert_eq!(
        body["additionalModelRequestFields"],
        json!({"inferenceConfig": {"topK": 20}})
    );
    assert_eq!(
        body["outputConfig"],
        json!({"textFormat": {"type": "json_schema", "structure": {"jsonSchema": {
            "schema": "{\"type\": \"object\"}", "name": "answer"
        }}}})
    );
    assert!(body["inferenceConfig"].get("topK").is_none());
}

#[tokio::test]
async fn the_calls_model_decides_routing() {
    // The call names Nova, the profile Claude: top-k goes where Nova expects it.
    let (body, uri) = captured(|client| {
        client
            .converse()
            .model_id("amazon.nova-micro-v1:0")
            .with_profile(&HIGH_QUALITY)
            .expect("routable")
    })
    .await;
    assert!(
        uri.ends_with("/model/amazon.nova-micro-v1%3A0/converse"),
        "{uri}"
    );
    assert_eq!(
        body["additionalModelRequestFields"],
        json!({"inferenceConfig": {"topK": 250}})
    );
    let (llama, _) =
        captured(|client| client.converse().with_profile(&LLAMA).expect("no top-k")).await;
    assert_eq!(llama["inferenceConfig"], json!({"maxTokens": 512}));
    assert!(llama.get("additionalModelRequestFields").is_none());
}

#[test]
fn an_unroutable_top_k_is_an_error_not_a_silent_drop() {
    // A declared profile like this is a compile error (tests/ui/top-k-through-application-profile.rs); one built
    // at run time is refused by the request builder with the same reason.
    let mut application = InferenceProfile::new("application");
    application.model = Some(
        bedrock_profiles::models::resolve(
            "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123",
        )
        .unwrap(),
    );
    application.top_k = Some(5);
    let (client, _request) = client();
    let error = client
        .converse()
        .with_profile(&application)
        .expect_err("an unroutable top-k");
    assert_eq!(
        error.to_string(),
        "profile `application`: `top_k` cannot be sent through \
         arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123: top-k goes in the model's own \
         request fields, and the model behind this ARN is unknown; name the model (or leave `top_k` out)"
    );
}

#[test]
fn stream_builder_has_the_same_extension() {
    let (client, _request) = client();
    let builder = client
        .converse_stream()
        .with_profile(&NOVA)
        .expect("routable");
    assert_eq!(
        builder.get_model_id().as_deref(),
        Some("us.amazon.nova-lite-v1:0")
    );
    assert_eq!(
        builder
            .get_inference_config()
            .as_ref()
            .and_then(|c| c.temperature()),
        Some(0.3)
    );
}

#[tokio::test]
async fn a_call_through_the_deployed_profile_keeps_the_declaration() {
    // The deployed profile's ARN, as the stack output `SearchAnswersProfileArn` or an environment variable gives it.
    let arn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/5dews3o6kky6";
    let (body, uri) = captured(|client| {
        client
            .converse()
            .with_profile_via(&SEARCH, arn)
            .expect("an application inference profile ARN")
    })
    .await;
    assert!(
        uri.ends_with(
            "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Aapplication-inference-profile%2F5dews3o6kky6/converse"
        ),
        "{uri}"
    );
    assert_eq!(
        body,
        json!({
            "inferenceConfig": {"maxTokens": 2000},
            // Routed for SEARCH's Claude model, which the ARN does not reveal.
            "additionalModelRequestFields": {"top_k": 50},
            "requestMetadata": {"bedrock-profile": "search-answers", "bedrock-profile-version": "1"}
        })
    );
    let (client, _request) = client();
    let error = client
        .converse_stream()
        .with_profile_via(&SEARCH, "us.anthropic.claude-sonnet-4-20250514-v1:0")
        .expect_err("not an ARN");
    assert!(
        error
            .to_string()
            .ends_with("is not the ARN of an application inference profile: expected arn:<partition>:bedrock:<region>:<account>:application-inference-profile/<id>"),
        "{error}"
    );
}

#[tokio::test]
async fn thinking_effort_and_guardrail_reach_the_wire() {
    let (body, uri) =
        captured(|client| client.converse().with_profile(&THINKS).expect("routable")).await;
    assert!(
        uri.ends_with("/model/us.anthropic.claude-sonnet-4-20250514-v1%3A0/converse"),
        "{uri}"
    );
    assert_eq!(
        body,
        json!({
            "inferenceConfig": {"maxTokens": 16000},
            "additionalModelRequestFields": {
                "thinking": {"type": "enabled", "budget_tokens": 8000},
                "anthropic_beta": ["interleaved-thinking-2025-05-14"]
            },
            "guardrailConfig": {"guardrailIdentifier": "gr0abc123", "guardrailVersion": "3", "trace": "enabled_full"},
            "requestMetadata": {"bedrock-profile": "thinks", "bedrock-profile-version": "1"}
        })
    );

    let (body, uri) =
        captured(|client| client.converse().with_profile(&ADAPTIVE).expect("routable")).await;
    assert!(
        uri.ends_with("/model/global.anthropic.claude-opus-4-7/converse"),
        "{uri}"
    );
    assert_eq!(
        body,
        json!({
            "inferenceConfig": {"maxTokens": 32000},
            "additionalModelRequestFields": {"thinking": {"type": "adaptive"}},
            "outputConfig": {"effort": "xhigh"},
            // No `trace` declared: the SDK writes its model's default, `disabled` (which is also Bedrock's).
            "guardrailConfig": {
                "guardrailIdentifier": "arn:aws:bedrock:us-east-1:123456789012:guardrail/gr0abc123",
                "guardrailVersion": "DRAFT",
                "trace": "disabled"
            },
            "requestMetadata": {"bedrock-profile": "adaptive", "bedrock-profile-version": "1"}
        })
    );
}

// ----------------------------------------------------------------------------------------------------------------
// The checks reach the call: a profile meets the limits of the model the call goes to, and a prompt is sent with
// its own model and profile.
// ----------------------------------------------------------------------------------------------------------------

inference_profile! {
    /// Customer answers, declared for Claude Sonnet 4.6.
    pub ANSWER { model: "us.anthropic.claude-sonnet-4-6", max_tokens: 4000, temperature: 0.3 }

    /// The same, shorter.
    pub SHORT { max_tokens: 300, ..ANSWER }
}

#[prompt(
    profile = ANSWER,
    system = "You answer for {{customer}}.",
    text = "{{question}}",
    variant(name = "concise", model = "us.amazon.nova-lite-v1:0", profile = SHORT, text = "In two lines: {{question}}"),
)]
pub struct SupportReply<'a> {
    pub customer: &'a str,
    pub question: &'a str,
}

#[prompt(text = "Summarize: {{text}}")]
pub struct Summary<'a> {
    pub text: &'a str,
}

const LLAMA_3_3: &str = "us.meta.llama3-3-70b-instruct-v1:0";

/// The rulebook's own message for `max_tokens` on `model`: the limit is printed from the catalog, not from here.
fn max_tokens_rule(max_tokens: u32, model: &str) -> String {
    let mut profile = bedrock_profiles::InferenceProfile::new("p");
    profile.max_tokens = Some(max_tokens);
    profile.model = Some(bedrock_profiles::models::resolve(model).expect("a catalog model"));
    bedrock_profiles::rules::check(&profile, bedrock_profiles::Surface::Converse)
        .first()
        .expect("over the model's limit")
        .to_string()
}

#[test]
fn a_profile_sent_to_another_model_meets_that_models_limits() {
    let expected = format!(
        "profile `answer` sent to {LLAMA_3_3}: {}",
        max_tokens_rule(4000, LLAMA_3_3)
    );
    let (client, _request) = client();
    let error = client
        .converse()
        .model_id(LLAMA_3_3)
        .with_profile(&ANSWER)
        .expect_err("4000 output tokens on a 2048-token model");
    assert_eq!(error.to_string(), expected);
    let error = client
        .converse_stream()
        .model_id(LLAMA_3_3)
        .with_profile(&ANSWER)
        .expect_err("the stream call is checked the same way");
    assert_eq!(error.to_string(), expected);
    // A model the profile fits goes through.
    assert!(
        client
            .converse()
            .model_id(LLAMA_3_3)
            .with_profile(&SHORT)
            .is_ok()
    );
}

#[tokio::test]
async fn a_model_the_catalog_does_not_know_gets_no_false_error() {
    // Bedrock may take a model newer than the catalog: only the API's own limits apply, and the call goes out.
    let (body, uri) = captured(|client| {
        client
            .converse()
            .model_id("us.acme.future-model-v1:0")
            .with_profile(&ANSWER)
            .expect("no limit of the declared model applies to an unknown one")
    })
    .await;
    assert!(
        uri.ends_with("/model/us.acme.future-model-v1%3A0/converse"),
        "{uri}"
    );
    assert_eq!(body["inferenceConfig"]["maxTokens"], 4000);
}

#[test]
fn a_runtime_profile_through_a_deployed_profile_is_checked_against_its_model() {
    let mut built = InferenceProfile::new("built-at-run-time");
    built.model = Some(bedrock_profiles::models::resolve(LLAMA_3_3).unwrap());
    built.max_tokens = Some(4000);
    let arn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/5dews3o6kky6";
    let (client, _request) = client();
    let error = client
        .converse()
        .with_profile_via(&built, arn)
        .expect_err("the deployed profile copies Llama 3.3");
    assert_eq!(
        error.to_string(),
        format!(
            "profile `built-at-run-time` sent to {arn}: {}",
            max_tokens_rule(4000, LLAMA_3_3)
        )
    );
}

#[tokio::test]
async fn with_prompt_sends_the_prompts_model_and_profile() {
    let reply = SupportReply {
        customer: "Ada",
        question: "Where is my parcel?",
    };
    let (body, uri) =
        captured(|client| client.converse().with_prompt(&reply).expect("valid")).await;
    assert!(
        uri.ends_with("/model/us.anthropic.claude-sonnet-4-6/converse"),
        "{uri}"
    );
    assert_eq!(body["inferenceConfig"]["maxTokens"], 4000);
    assert_eq!(f32_of(&body["inferenceConfig"]["temperature"]), 0.3);
    assert_eq!(body["system"], json!([{"text": "You answer for Ada."}]));
    assert_eq!(
        body["messages"],
        json!([{"role": "user", "content": [{"text": "Where is my parcel?"}]}])
    );
    assert_eq!(
        body["requestMetadata"],
        json!({"bedrock-profile": "answer", "bedrock-profile-version": "1"})
    );
}

#[tokio::test]
async fn with_prompt_variant_sends_the_variants_model_and_profile() {
    let reply = SupportReply {
        customer: "Ada",
        question: "Where is my parcel?",
    };
    let (body, uri) = captured(|client| {
        client
            .converse()
            .with_prompt_variant(&reply, "concise")
            .expect("valid")
    })
    .await;
    assert!(
        uri.ends_with("/model/us.amazon.nova-lite-v1%3A0/converse"),
        "{uri}"
    );
    assert_eq!(body["inferenceConfig"]["maxTokens"], 300);
    // The variant has no system prompt of its own: it inherits the top level's.
    assert_eq!(body["system"], json!([{"text": "You answer for Ada."}]));
    assert_eq!(
        body["messages"],
        json!([{"role": "user", "content": [{"text": "In two lines: Where is my parcel?"}]}])
    );
    assert_eq!(body["requestMetadata"]["bedrock-profile"], "short");

    let (client, _request) = client();
    let error = client
        .converse()
        .with_prompt_variant(&reply, "consice")
        .expect_err("no such variant");
    assert_eq!(
        error.to_string(),
        "prompt `support-reply` has no variant `consice`; did you mean `concise`? (its variants: default, concise)"
    );
}

#[tokio::test]
async fn a_prompt_sent_to_another_model_is_checked_there() {
    let reply = SupportReply {
        customer: "Ada",
        question: "Where is my parcel?",
    };
    let (client, _request) = client();
    let error = client
        .converse()
        .model_id(LLAMA_3_3)
        .with_prompt(&reply)
        .expect_err("the prompt's profile asks 4000 output tokens");
    assert_eq!(
        error.to_string(),
        format!(
            "profile `answer` sent to {LLAMA_3_3}: {}",
            max_tokens_rule(4000, LLAMA_3_3)
        )
    );
    // A prompt with neither model nor profile adds its messages and leaves the rest to the call.
    let (body, uri) = captured(|client| {
        client
            .converse()
            .model_id(LLAMA_3_3)
            .with_profile(&SHORT)
            .expect("fits")
            .with_prompt(&Summary {
                text: "a long text",
            })
            .expect("nothing to check")
    })
    .await;
    assert!(uri.contains("llama3-3-70b"), "{uri}");
    assert_eq!(body["inferenceConfig"]["maxTokens"], 300);
    assert_eq!(
        body["messages"],
        json!([{"role": "user", "content": [{"text": "Summarize: a long text"}]}])
    );
}
