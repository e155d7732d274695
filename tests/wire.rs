//! Request bodies built from declared profiles, checked against the official AWS service model (botocore 1.44.8,
//! `tests/service-models/`) and against golden JSON.

mod support {
    pub mod service_model;
}

use bedrock_profiles::inference_profile;
use bedrock_profiles::wire::Conversation;
use bedrock_profiles::wire::converse::ConverseRequest;
use serde_json::json;
use support::service_model::ServiceModel;

inference_profile! {
    pub HIGH_QUALITY {
        name: "my-inference-profile",
        description: "A profile for high-quality responses",
        model: "anthropic.claude-3-5-sonnet-20241022-v2:0",
        temperature: 0.7,
        top_p: 0.9,
        max_tokens: 2000,
        stop_sequences: ["Human:", "Assistant:"],
        top_k: 250,
        anthropic_version: "bedrock-2023-05-31",
    }

    pub NOVA_FACTS {
        model: "us.amazon.nova-pro-v1:0",
        temperature: 0.1,
        top_k: 20,
        max_tokens: 500,
        response_format: json_schema {
            name: "fact",
            description: "One fact",
            schema: r#"{"type": "object", "properties": {"fact": {"type": "string"}}}"#,
        },
    }

    pub COHERE { model: "cohere.command-r-v1:0", top_k: 5, top_p: 0.5 }
    pub LLAMA { model: "meta.llama3-1-70b-instruct-v1:0", temperature: 0.2, max_tokens: 2048 }
    pub BARE { model: "amazon.titan-text-express-v1" }
}

#[test]
fn converse_bodies_conform_to_the_service_model() {
    let model = ServiceModel::load("bedrock-runtime");
    let conversation = Conversation::user_text("Hello").system("Answer briefly");
    for profile in [&HIGH_QUALITY, &NOVA_FACTS, &COHERE, &LLAMA, &BARE] {
        let body = ConverseRequest::for_profile(profile)
            .unwrap()
            .with_conversation(&conversation)
            .to_json();
        model.assert_conforms("ConverseRequest", &body);
        model.assert_conforms("ConverseStreamRequest", &body);
    }
    let body = ConverseRequest::for_profile(&HIGH_QUALITY)
        .unwrap()
        .metadata("team", "search")
        .unwrap()
        .to_json();
    model.assert_conforms("ConverseRequest", &body);
}

#[test]
fn the_validator_catches_what_the_service_rejects() {
    let model = ServiceModel::load("bedrock-runtime");
    let bad = json!({
        "modelId": "",
        "inferenceConfig": {"maxTokens": 0, "temperature": 1.5, "topK": 5},
        "requestMetadata": {},
    });
    let problems = model.check("ConverseRequest", &bad);
    assert_eq!(problems.len(), 6, "{problems:#?}");
    assert!(
        problems.iter().any(|p| p.contains("unknown member `topK`")),
        "{problems:#?}"
    );
}

#[test]
fn golden_converse_body() {
    let body = ConverseRequest::for_profile(&NOVA_FACTS)
        .unwrap()
        .with_conversation(&Conversation::user_text("Tell me a fact"))
        .to_json();
    assert_eq!(
        body,
        json!({
            "modelId": "us.amazon.nova-pro-v1:0",
            "messages": [{"role": "user", "content": [{"text": "Tell me a fact"}]}],
            "inferenceConfig": {"maxTokens": 500, "temperature": 0.1},
            "additionalModelRequestFields": {"inferenceConfig": {"topK": 20}},
            "outputConfig": {"textFormat": {"type": "json_schema", "structure": {"jsonSchema": {
                "schema": "{\"type\": \"object\", \"properties\": {\"fact\": {\"type\": \"string\"}}}",
                "name": "fact",
                "description": "One fact"
            }}}},
            "requestMetadata": {"bedrock-profile": "nova-facts", "bedrock-profile-version": "1"}
        })
    );
    let text = serde_json::to_string(&body).unwrap();
    assert!(text.contains("\"temperature\":0.1}"), "{text}");
}
