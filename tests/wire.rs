//! Request bodies built from declared profiles, checked against the official AWS service models (botocore 1.44.8,
//! `tests/service-models/`) and against golden JSON; the CloudFormation template against CloudFormation's resource
//! and template schemas (`tests/cloudformation-schemas/`).
// These tests pin the rules on models past their end of life too: their profiles warn (`deprecated`).
#![allow(deprecated)]

mod support {
    pub mod cloudformation_schema;
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

/// The template has no `AWS::Bedrock::ApplicationInferenceProfile` yet; its vendored schema takes the
/// `CreateInferenceProfile` body above with its keys in PascalCase, and rejects it in the API's camelCase.
#[test]
fn application_inference_profile_schema() {
    use support::cloudformation_schema::CloudFormationSchemas;
    let schemas = CloudFormationSchemas::load();
    let schema = schemas.resource("AWS::Bedrock::ApplicationInferenceProfile");
    let properties = json!({
        "InferenceProfileName": "search-answers",
        "Description": "Search answers",
        "ModelSource": {"CopyFrom": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"},
        "Tags": [{"Key": "team", "Value": "search"}],
    });
    assert_eq!(schema.check(&properties, ""), Vec::<String>::new());
    let template = json!({
        "AWSTemplateFormatVersion": "2010-09-09",
        "Resources": {"SearchAnswers": {"Type": "AWS::Bedrock::ApplicationInferenceProfile", "Properties": properties}},
        "Outputs": {"ProfileArn": {"Value": {"Fn::GetAtt": ["SearchAnswers", "InferenceProfileArn"]}}},
    });
    schemas.assert_conforms(&template);

    let camel = json!({
        "inferenceProfileName": "search-answers",
        "modelSource": {"copyFrom": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"},
    });
    assert_eq!(
        schema.check(&camel, ""),
        [
            ": Additional properties are not allowed ('inferenceProfileName', 'modelSource' were unexpected)",
            r#": "InferenceProfileName" is a required property"#,
        ]
    );
    let mut read_only = properties.clone();
    read_only["Status"] = json!("ACTIVE");
    read_only["Tags"][0]["Key"] = json!("");
    assert_eq!(
        schema.check(&read_only, ""),
        [
            r#"/Tags/0/Key: "" is shorter than 1 character"#,
            ": sets the read-only property /properties/Status"
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
    use super::support::cloudformation_schema::{CloudFormationSchemas, replace_intrinsics};
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
        base_prompt_templates(orchestration = "$instruction$ $question$"),
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
        // A spec built at run time without the template meets the rulebook's rule in the request builder.
        let mut bare = SupportAgent::SPEC.clone();
        bare.base_prompt_templates = &[];
        let missing = CreateAgentRequest::new(&bare).to_json().unwrap_err();
        assert_eq!(
            missing.to_string(),
            bedrock_profiles::agent::AgentViolation::StepWithoutTemplate {
                step: PromptType::Orchestration
            }
            .to_string()
        );
        assert!(
            missing
                .to_string()
                .starts_with("the ORCHESTRATION step has a profile but no base prompt template")
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
        CloudFormationSchemas::load().assert_conforms(&template);
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

    /// The seed's template, as `golden_bodies_of_the_seed` builds it.
    fn seed_template() -> serde_json::Value {
        Template::new()
            .description("Support prompts and agent")
            .prompt(&Greeting::SPEC)
            .unwrap()
            .agent(
                &CreateAgentRequest::new(SupportAgent::SPEC)
                    .base_prompt_template(PromptType::Orchestration, "$question$"),
            )
            .unwrap()
            .to_json()
    }

    /// The schemas catch what CloudFormation would reject: broken properties (an enum, a range, a pattern, a
    /// required one, an unknown one, a read-only one) and a broken top level.
    #[test]
    fn cloudformation_schemas_catch_broken_templates() {
        let schemas = CloudFormationSchemas::load();
        let mut bad = seed_template();
        schemas.assert_conforms(&bad);
        let prompt = &mut bad["Resources"]["MyPromptPrompt"]["Properties"];
        prompt["Variants"][0]["TemplateType"] = json!("JSON");
        prompt.as_object_mut().unwrap().remove("Name");
        let agent = &mut bad["Resources"]["MyAgentAgent"]["Properties"];
        agent["IdleSessionTTLInSeconds"] = json!(30);
        agent["AgentId"] = json!("ABCDEFGHIJ");
        agent["agentName"] = json!("my-agent");
        agent["AgentName"] = json!("my agent");
        let resources = bad["Resources"].as_object_mut().unwrap();
        resources.insert(
            "My-Agent".into(),
            json!({"Type": "AWS::Bedrock::Nope", "Properties": {}}),
        );
        resources.insert("NoType".into(), json!({"Properties": {}}));
        bad["AWSTemplateFormatVersion"] = json!("2012-01-01");
        bad["Outputs"] = json!({"AgentArn": {"Description": "no value"}});
        bad["Parameter"] = json!({});

        let problems = schemas.check(&bad);
        let expected = [
            "/AWSTemplateFormatVersion: ",
            ": Additional properties are not allowed ('Parameter' was unexpected)",
            "/Outputs/AgentArn: \"Value\" is a required property",
            "/Resources/NoType: \"Type\" is a required property",
            "/Resources: ",
            "/Resources/My-Agent: no vendored schema for AWS::Bedrock::Nope",
            "/Resources/MyPromptPrompt/Properties: \"Name\" is a required property",
            "/Resources/MyPromptPrompt/Properties/Variants/0/TemplateType: ",
            "/Resources/MyAgentAgent/Properties: Additional properties are not allowed ('agentName' was unexpected)",
            "/Resources/MyAgentAgent/Properties/AgentName: ",
            "/Resources/MyAgentAgent/Properties/IdleSessionTTLInSeconds: 30 is less than the minimum of 60",
            "/Resources/MyAgentAgent/Properties: sets the read-only property /properties/AgentId",
        ];
        for want in expected {
            assert!(
                problems.iter().any(|p| p.starts_with(want)),
                "{want:?} not among {problems:#?}"
            );
        }
        assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    }

    /// Intrinsic functions stand where the schema expects a value of the type they return; placeholders of that
    /// type take their place, and only a function that cannot return that type is reported.
    #[test]
    fn cloudformation_intrinsic_functions() {
        let schemas = CloudFormationSchemas::load();
        let mut template = seed_template();
        let agent = &mut template["Resources"]["MyAgentAgent"]["Properties"];
        agent["AgentResourceRoleArn"] = json!({"Fn::GetAtt": ["AgentRole", "Arn"]});
        agent["IdleSessionTTLInSeconds"] = json!({"Ref": "SessionTtl"});
        agent["FoundationModel"] = json!({"Fn::Sub": "${ModelId}"});
        agent["Tags"] = json!({"team": {"Ref": "Team"}});
        agent["PromptOverrideConfiguration"]["PromptConfigurations"][0]["PromptType"] =
            json!({"Fn::If": ["Orchestrate", "ORCHESTRATION", "PRE_PROCESSING"]});
        template["Resources"]["MyPromptPrompt"]["Properties"]["Variants"][0]["TemplateConfiguration"]
            ["Text"]["Text"] = json!({"Fn::Join": ["", ["Hello ", {"Ref": "Greeting"}]]});
        template["Outputs"] =
            json!({"AgentArn": {"Value": {"Fn::GetAtt": ["MyAgentAgent", "AgentArn"]}}});
        schemas.assert_conforms(&template);

        let agent_schema = &schemas.resource("AWS::Bedrock::Agent").schema;
        let (resolved, placeholders) = replace_intrinsics(
            agent_schema,
            &template["Resources"]["MyAgentAgent"]["Properties"],
        );
        assert_eq!(
            placeholders,
            [
                "/FoundationModel",
                "/IdleSessionTTLInSeconds",
                "/PromptOverrideConfiguration/PromptConfigurations/0/PromptType",
                "/AgentResourceRoleArn",
                "/Tags/team",
            ]
        );
        assert_eq!(resolved["IdleSessionTTLInSeconds"], 60);
        assert_eq!(resolved["AgentResourceRoleArn"], "x");
        assert_eq!(
            resolved["PromptOverrideConfiguration"]["PromptConfigurations"][0]["PromptType"],
            "PRE_PROCESSING"
        );

        // A list where a string is expected, a string where a list is expected.
        let agent = &mut template["Resources"]["MyAgentAgent"]["Properties"];
        agent["Instruction"] = json!({"Fn::Split": [",", "a,b"]});
        agent["PromptOverrideConfiguration"]["PromptConfigurations"][0]["InferenceConfiguration"]
            ["StopSequences"] = json!({"Fn::Sub": "</answer>"});
        let problems = schemas.check(&template);
        assert_eq!(
            problems,
            [
                r#"/Resources/MyAgentAgent/Properties/Instruction: {"Fn::Split":[",","a,b"]} is not of type "string""#,
                r#"/Resources/MyAgentAgent/Properties/PromptOverrideConfiguration/PromptConfigurations/0/InferenceConfiguration/StopSequences: {"Fn::Sub":"</answer>"} is not of type "array""#,
            ]
        );
    }

    /// The example's profile, prompt and agent, as `examples/converse.rs` prints them.
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
            .unwrap()
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
        CloudFormationSchemas::load().assert_conforms(&template);
        assert_golden("seed-cloudformation", &template);
    }
}

#[test]
fn a_profile_built_at_run_time_is_refused_above_the_apis_integer() {
    let mut huge = bedrock_profiles::InferenceProfile::new("huge");
    huge.max_tokens = Some(3_000_000_000);
    let error = bedrock_profiles::wire::converse::ConverseRequest::new("amazon.nova-lite-v1:0")
        .with_profile(&huge)
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "profile `huge` sent to amazon.nova-lite-v1:0: `max_tokens` must be at most 2147483647 (the APIs take a \
         32-bit integer), found 3000000000"
    );
}

mod reasoning {
    use super::support::golden::assert_golden;
    use super::support::service_model::ServiceModel;
    use bedrock_profiles::inference_profile;
    use bedrock_profiles::wire::Conversation;
    use bedrock_profiles::wire::converse::ConverseRequest;
    use bedrock_profiles::wire::invoke;
    use serde_json::json;

    inference_profile! {
        pub DEEP { model: "us.anthropic.claude-sonnet-4-20250514-v1:0", max_tokens: 16000,
                   reasoning: { budget_tokens: 8000, interleaved: true } }
        pub ADAPTIVE { model: "global.anthropic.claude-opus-4-7", max_tokens: 32000, reasoning: { effort: "xhigh" } }
        pub NOVA_THINKS { model: "us.amazon.nova-2-lite-v1:0", top_k: 20, reasoning: { effort: "medium" } }
        pub OSS { model: "openai.gpt-oss-120b-1:0", max_tokens: 4000, reasoning: { effort: "high" } }
        pub GUARDED { model: "us.anthropic.claude-haiku-5-5", max_tokens: 2000,
                      guardrail: { id: "gr0abc123", version: "3", trace: "enabled_full" } }
    }

    #[test]
    fn golden_reasoning_and_guardrail_bodies() {
        let runtime = ServiceModel::load("bedrock-runtime");
        let chat = Conversation::user_text("Think it through").system("Be careful");
        for (name, profile) in [
            ("budget-claude", &DEEP),
            ("adaptive-claude", &ADAPTIVE),
            ("nova-2-reasoning", &NOVA_THINKS),
            ("gpt-oss-reasoning", &OSS),
            ("guardrail", &GUARDED),
        ] {
            let converse = ConverseRequest::for_profile(profile)
                .unwrap()
                .with_conversation(&chat)
                .to_json();
            runtime.assert_conforms("ConverseRequest", &converse);
            runtime.assert_conforms("ConverseStreamRequest", &converse);
            assert_golden(&format!("reasoning-converse-{name}"), &converse);
            let request = invoke::request(profile, None, &chat).unwrap();
            let headers: serde_json::Map<String, serde_json::Value> = request
                .headers
                .iter()
                .map(|(k, v)| ((*k).to_owned(), json!(v)))
                .collect();
            assert_golden(
                &format!("reasoning-invoke-{name}"),
                &json!({"headers": headers, "body": request.body}),
            );
        }
        let converse = ConverseRequest::for_profile(&ADAPTIVE).unwrap().to_json();
        assert_eq!(
            converse["additionalModelRequestFields"],
            json!({"thinking": {"type": "adaptive"}})
        );
        assert_eq!(converse["outputConfig"], json!({"effort": "xhigh"}));
        let converse = ConverseRequest::for_profile(&GUARDED).unwrap().to_json();
        assert_eq!(
            converse["guardrailConfig"],
            json!({"guardrailIdentifier": "gr0abc123", "guardrailVersion": "3", "trace": "enabled_full"})
        );
        let headers = invoke::request(&GUARDED, None, &chat).unwrap().headers;
        assert_eq!(
            headers,
            vec![
                ("X-Amzn-Bedrock-GuardrailIdentifier", "gr0abc123".to_owned()),
                ("X-Amzn-Bedrock-GuardrailVersion", "3".to_owned()),
                ("X-Amzn-Bedrock-Trace", "ENABLED_FULL".to_owned()),
            ]
        );
        let invoke = invoke::body(&DEEP, None, &chat).unwrap();
        assert_eq!(
            invoke["thinking"],
            json!({"type": "enabled", "budget_tokens": 8000})
        );
        assert_eq!(
            invoke["anthropic_beta"],
            json!(["interleaved-thinking-2025-05-14"])
        );
        let nova = ConverseRequest::for_profile(&NOVA_THINKS)
            .unwrap()
            .to_json();
        assert_eq!(
            nova["additionalModelRequestFields"],
            json!({"inferenceConfig": {"topK": 20}, "reasoningConfig": {"type": "enabled", "maxReasoningEffort": "medium"}})
        );
    }
}

mod prompts {
    use super::support::service_model::ServiceModel;
    use bedrock_profiles::wire::WireError;
    use bedrock_profiles::wire::converse::ConverseRequest;
    use bedrock_profiles::{inference_profile, prompt};
    use serde_json::json;

    inference_profile! {
        pub ANSWER { model: "us.anthropic.claude-sonnet-4-6", max_tokens: 4000 }
        pub SHORT { max_tokens: 300, ..ANSWER }
    }

    #[prompt(
        profile = ANSWER,
        text = "{{question}}",
        variant(name = "concise", model = "us.amazon.nova-lite-v1:0", profile = SHORT, text = "Briefly: {{question}}"),
    )]
    pub struct Reply<'a> {
        pub question: &'a str,
    }

    #[test]
    fn a_variant_goes_out_with_its_profile_checked_against_the_request_model() {
        let reply = Reply { question: "Why?" };
        let body = ConverseRequest::new("us.amazon.nova-lite-v1:0")
            .with_prompt_variant(&reply, "concise")
            .unwrap()
            .to_json();
        ServiceModel::load("bedrock-runtime").assert_conforms("ConverseRequest", &body);
        assert_eq!(
            body,
            json!({
                "modelId": "us.amazon.nova-lite-v1:0",
                "messages": [{"role": "user", "content": [{"text": "Briefly: Why?"}]}],
                "inferenceConfig": {"maxTokens": 300},
                "requestMetadata": {"bedrock-profile": "short", "bedrock-profile-version": "1"}
            })
        );
        // The default variant's profile asks more output than Llama 3.3 gives: refused with the rule's message.
        let llama = "us.meta.llama3-3-70b-instruct-v1:0";
        let error = ConverseRequest::new(llama).with_prompt(&reply).unwrap_err();
        assert!(
            matches!(&error, WireError::Rule { message } if message.starts_with("profile `answer` sent to us.meta.llama3-3-70b-instruct-v1:0: `max_tokens`")),
            "{error}"
        );
        assert!(matches!(
            ConverseRequest::new(llama).with_prompt_variant(&reply, "long"),
            Err(WireError::NoVariant { .. })
        ));
    }
}
