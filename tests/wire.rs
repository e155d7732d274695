//! Request bodies built from declared profiles, checked against the official AWS service models (botocore 1.44.8,
//! `tests/service-models/`) and against golden JSON.

mod support {
    pub mod golden;
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

/// The bedrock control-plane model (`bedrock.json`) reads like the other two: a `CreateInferenceProfile` body
/// conforms, and breaking its constraints (list and string lengths, patterns, required members, the union) is caught.
#[test]
fn the_checker_reads_the_bedrock_control_plane_model() {
    let model = ServiceModel::load("bedrock");
    let body = json!({
        "inferenceProfileName": "search-answers",
        "description": "Search answers",
        "modelSource": {"copyFrom": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"},
        "tags": [{"key": "team", "value": "search"}],
    });
    model.assert_conforms("CreateInferenceProfileRequest", &body);

    // The declared profiles' names and descriptions are what CreateInferenceProfile takes.
    for profile in [&HIGH_QUALITY, &NOVA_FACTS, &COHERE, &LLAMA, &BARE] {
        let mut body = json!({
            "inferenceProfileName": profile.name(),
            "modelSource": {"copyFrom": "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0"},
        });
        if let Some(description) = profile.description() {
            body["description"] = json!(description);
        }
        model.assert_conforms("CreateInferenceProfileRequest", &body);
    }

    let bad = json!({
        "inferenceProfileName": "search--answers",
        "description": "Search answers!",
        "modelSource": {
            "copyFrom": "arn:aws:bedrock:us-east-1::provisioned-model/abc",
            "models": [],
        },
        "tags": [{"key": "k".repeat(129), "value": "search"}, {"key": ""}],
    });
    let problems = model.check("CreateInferenceProfileRequest", &bad);
    let expected = [
        "$.inferenceProfileName: InferenceProfileName \"search--answers\" does not match",
        "$.description: InferenceProfileDescription \"Search answers!\" does not match",
        "$.modelSource: union InferenceProfileModelSource must set exactly one member, found 2",
        "$.modelSource.copyFrom: InferenceProfileModelSourceArn",
        "$.modelSource: unknown member `models`",
        "$.tags[0].key: TagKey length 129 outside",
        "$.tags[1]: missing required member `value` of Tag",
        "$.tags[1].key: TagKey length 0 outside",
    ];
    for want in expected {
        assert!(
            problems.iter().any(|p| p.starts_with(want)),
            "{want:?} not among {problems:#?}"
        );
    }
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");

    let too_many_tags: Vec<_> = (0..201)
        .map(|i| json!({"key": format!("k{i}"), "value": ""}))
        .collect();
    let problems = model.check(
        "CreateInferenceProfileRequest",
        &json!({"inferenceProfileName": "a", "modelSource": body["modelSource"], "tags": too_many_tags}),
    );
    assert_eq!(
        problems,
        ["$.tags: TagList has 201 items, allowed Some(0.0)..=Some(200.0)"]
    );
    assert_eq!(
        model.check("CreateInferenceProfileRequest", &json!({})),
        [
            "$: missing required member `inferenceProfileName` of CreateInferenceProfileRequest",
            "$: missing required member `modelSource` of CreateInferenceProfileRequest",
        ]
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

mod prompt_and_agent {
    use super::support::service_model::ServiceModel;
    use super::{HIGH_QUALITY, NOVA_FACTS};
    use bedrock_profiles::wire::agent::CreateAgentRequest;
    use bedrock_profiles::wire::cloudformation::Template;
    use bedrock_profiles::wire::prompt::create_prompt_requests;
    use bedrock_profiles::{Agent, Prompt, PromptType, agent, inference_profile, prompt};
    use serde_json::json;

    inference_profile! {
        pub AGENT_STEPS { temperature: 0.2, top_k: 40, max_tokens: 1024, stop_sequences: ["</answer>"] }
    }

    #[prompt(
        name = "my-prompt",
        description = "Greets a customer",
        model = "anthropic.claude-3-5-sonnet-20241022-v2:0",
        profile = HIGH_QUALITY,
        text = "Hello {{customer}}, how can I help you with {{topic}}?",
        variant(
            name = "concise",
            model = "us.amazon.nova-pro-v1:0",
            profile = NOVA_FACTS,
            system = "You answer in one line.",
            text = "{{customer}}: {{topic}}?",
        ),
    )]
    pub struct Greeting<'a> {
        pub customer: &'a str,
        pub topic: String,
    }

    #[agent(
        name = "my-agent",
        description = "Answers order questions",
        instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
        model = "anthropic.claude-3-5-sonnet-20241022-v2:0",
        profile = AGENT_STEPS,
        idle_session_ttl = 600,
    )]
    pub struct SupportAgent;

    #[test]
    fn create_prompt_requests_conform_and_match_golden() {
        let model = ServiceModel::load("bedrock-agent");
        let requests = create_prompt_requests(&Greeting::SPEC).unwrap();
        assert_eq!(requests.len(), 2, "one request per variant");
        for request in &requests {
            model.assert_conforms("CreatePromptRequest", request);
        }
        assert_eq!(
            requests[0],
            json!({
                "name": "my-prompt",
                "description": "Greets a customer",
                "defaultVariant": "default",
                "variants": [{
                    "name": "default",
                    "templateType": "TEXT",
                    "modelId": "anthropic.claude-3-5-sonnet-20241022-v2:0",
                    "templateConfiguration": {"text": {
                        "text": "Hello {{customer}}, how can I help you with {{topic}}?",
                        "inputVariables": [{"name": "customer"}, {"name": "topic"}]
                    }},
                    "inferenceConfiguration": {"text": {
                        "maxTokens": 2000, "temperature": 0.7, "topP": 0.9, "stopSequences": ["Human:", "Assistant:"]
                    }},
                    "additionalModelRequestFields": {"top_k": 250}
                }]
            })
        );
        assert_eq!(requests[1]["name"], "my-prompt-concise");
        assert_eq!(requests[1]["variants"][0]["templateType"], "CHAT");
        assert_eq!(
            requests[1]["variants"][0]["templateConfiguration"]["chat"]["system"],
            json!([{"text": "You answer in one line."}])
        );
        assert_eq!(
            requests[1]["variants"][0]["additionalModelRequestFields"],
            json!({"inferenceConfig": {"topK": 20}})
        );
    }

    #[test]
    fn create_agent_request_conforms_and_matches_golden() {
        let model = ServiceModel::load("bedrock-agent");
        let missing = CreateAgentRequest::new(SupportAgent::SPEC)
            .to_json()
            .unwrap_err();
        assert!(
            missing
                .to_string()
                .contains("the ORCHESTRATION step has a profile but no base prompt template")
        );
        let template = r#"{"anthropic_version":"bedrock-2023-05-31","system":"$instruction$","messages":[{"role":"user","content":"$question$"}]}"#;
        let body = CreateAgentRequest::new(SupportAgent::SPEC)
            .base_prompt_template(PromptType::Orchestration, template)
            .role_arn("arn:aws:iam::123456789012:role/AmazonBedrockExecutionRoleForAgents_support")
            .to_json()
            .unwrap();
        model.assert_conforms("CreateAgentRequest", &body);
        assert_eq!(
            body,
            json!({
                "agentName": "my-agent",
                "instruction": "You are a helpful assistant. Answer questions about orders politely and briefly.",
                "foundationModel": "anthropic.claude-3-5-sonnet-20241022-v2:0",
                "idleSessionTTLInSeconds": 600,
                "description": "Answers order questions",
                "agentResourceRoleArn": "arn:aws:iam::123456789012:role/AmazonBedrockExecutionRoleForAgents_support",
                "promptOverrideConfiguration": {"promptConfigurations": [{
                    "promptType": "ORCHESTRATION",
                    "promptCreationMode": "OVERRIDDEN",
                    "promptState": "ENABLED",
                    "parserMode": "DEFAULT",
                    "basePromptTemplate": template,
                    "inferenceConfiguration": {
                        "temperature": 0.2, "topK": 40, "maximumLength": 1024, "stopSequences": ["</answer>"]
                    }
                }]}
            })
        );
    }

    #[test]
    fn cloudformation_template() {
        let agent = CreateAgentRequest::new(SupportAgent::SPEC)
            .base_prompt_template(PromptType::Orchestration, "$question$");
        let template = Template::new()
            .description("Support prompts and agent")
            .prompt(&Greeting::SPEC)
            .unwrap()
            .agent(&agent)
            .unwrap()
            .to_json();
        let resources = template["Resources"].as_object().unwrap();
        let mut ids: Vec<&String> = resources.keys().collect();
        ids.sort();
        assert_eq!(
            ids,
            ["MyAgentAgent", "MyPromptConcisePrompt", "MyPromptPrompt"]
        );
        assert_eq!(template["AWSTemplateFormatVersion"], "2010-09-09");
        let prompt = &resources["MyPromptPrompt"];
        assert_eq!(prompt["Type"], "AWS::Bedrock::Prompt");
        assert_eq!(
            prompt["Properties"]["Variants"][0]["TemplateConfiguration"]["Text"]["InputVariables"],
            json!([{"Name": "customer"}, {"Name": "topic"}])
        );
        assert_eq!(
            prompt["Properties"]["Variants"][0]["AdditionalModelRequestFields"],
            json!({"top_k": 250})
        );
        let agent = &resources["MyAgentAgent"];
        assert_eq!(agent["Type"], "AWS::Bedrock::Agent");
        assert_eq!(agent["Properties"]["IdleSessionTTLInSeconds"], 600);
        assert_eq!(
            agent["Properties"]["PromptOverrideConfiguration"]["PromptConfigurations"][0]["InferenceConfiguration"]
                ["MaximumLength"],
            1024
        );
    }

    /// The seed's profile, prompt and agent, as `examples/converse.rs` prints them.
    #[test]
    fn golden_bodies_of_the_seed() {
        use super::support::golden::assert_golden;
        use bedrock_profiles::wire::Conversation;
        use bedrock_profiles::wire::converse::ConverseRequest;
        use bedrock_profiles::wire::invoke;

        let runtime = ServiceModel::load("bedrock-runtime");
        let agents = ServiceModel::load("bedrock-agent");
        let greeting = Greeting {
            customer: "Ada",
            topic: "billing".into(),
        };

        let converse = ConverseRequest::for_profile(&HIGH_QUALITY)
            .unwrap()
            .with_prompt(&greeting)
            .to_json();
        runtime.assert_conforms("ConverseRequest", &converse);
        assert_golden("seed-converse", &converse);

        let chat = Conversation::from_prompt(&greeting);
        assert_golden(
            "seed-invoke-model-anthropic",
            &invoke::body(&HIGH_QUALITY, None, &chat).unwrap(),
        );
        assert_golden(
            "seed-invoke-model-nova",
            &invoke::body(&NOVA_FACTS, None, &chat).unwrap(),
        );

        let prompts = serde_json::Value::Array(create_prompt_requests(&Greeting::SPEC).unwrap());
        for p in prompts.as_array().unwrap() {
            agents.assert_conforms("CreatePromptRequest", p);
        }
        assert_golden("seed-create-prompt", &prompts);

        let agent = CreateAgentRequest::new(SupportAgent::SPEC)
            .base_prompt_template(PromptType::Orchestration, "$instruction$ $question$")
            .to_json()
            .unwrap();
        agents.assert_conforms("CreateAgentRequest", &agent);
        assert_golden("seed-create-agent", &agent);

        let template = Template::new()
            .prompt(&Greeting::SPEC)
            .unwrap()
            .agent(
                &CreateAgentRequest::new(SupportAgent::SPEC)
                    .base_prompt_template(PromptType::Orchestration, "$question$"),
            )
            .unwrap()
            .to_json();
        assert_golden("seed-cloudformation", &template);
    }
}
