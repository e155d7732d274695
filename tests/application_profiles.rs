//! Profiles deployed as application inference profiles: `CreateInferenceProfile` bodies checked against the bedrock
//! service model and golden files, a CloudFormation template with a profile, a prompt and an agent checked against
//! the resource schemas, and Converse calls through the deployed profile's ARN.

// Some profiles keep models past their end of life, so that their golden bodies stay put.
#![allow(deprecated)]

mod support {
    pub mod cloudformation_schema;
    pub mod golden;
    pub mod service_model;
}

use bedrock_profiles::wire::WireError;
use bedrock_profiles::wire::agent::CreateAgentRequest;
use bedrock_profiles::wire::cloudformation::Template;
use bedrock_profiles::wire::converse::ConverseRequest;
use bedrock_profiles::wire::inference_profile::{CreateInferenceProfileRequest, partition};
use bedrock_profiles::{
    Agent, InferenceProfile, Prompt, PromptType, agent, inference_profile, models, prompt,
};
use serde_json::json;
use support::cloudformation_schema::CloudFormationSchemas;
use support::golden::assert_golden;
use support::service_model::ServiceModel;

inference_profile! {
    /// Search answers, billed to the search team.
    pub SEARCH {
        name: "search-answers",
        description: "Search answers for the web app",
        model: "us.anthropic.claude-sonnet-4-20250514-v1:0",
        max_tokens: 2000,
        top_k: 50,
        tags: { "team": "search", "cost-center": "4711" },
    }

    /// Short classifications on a base model.
    pub CLASSIFY {
        model: "anthropic.claude-3-haiku-20240307-v1:0",
        temperature: 0.0,
        max_tokens: 200,
        tags: { team: "search", "cost-center": "4711", "env": "prod" },
    }

    /// Inherits the tags with the rest of `SEARCH`.
    pub SEARCH_V2 { name: "search-answers-v2", version: 2, ..SEARCH }

    /// Overrides `SEARCH`'s cost center and adds a tag.
    pub SEARCH_EU {
        name: "search-answers-eu",
        model: "eu.anthropic.claude-sonnet-4-20250514-v1:0",
        tags: { "cost-center": "4712", "region": "eu" },
        ..SEARCH
    }

    /// Not deployed.
    pub UNTAGGED { tags: None, ..SEARCH }
}

#[prompt(name = "search-prompt", profile = SEARCH, text = "Answer {{question}}")]
pub struct SearchPrompt<'a> {
    pub question: &'a str,
}

#[agent(
    name = "search-agent",
    description = "Answers search questions",
    instruction = "You are a helpful assistant. Answer questions about the catalog politely and briefly.",
    model = "us.anthropic.claude-sonnet-4-20250514-v1:0",
    profile = SEARCH,
    base_prompt_templates(orchestration = "$instruction$ $question$"),
)]
pub struct SearchAgent;

const ARN: &str =
    "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/5dews3o6kky6";

fn tags(profile: &InferenceProfile) -> Vec<(&str, &str)> {
    profile.tags().collect()
}

#[test]
fn tags_are_declared_and_inherited() {
    assert_eq!(tags(&SEARCH), [("team", "search"), ("cost-center", "4711")]);
    assert_eq!(tags(&SEARCH_V2), tags(&SEARCH));
    assert_eq!(
        tags(&SEARCH_EU),
        [
            ("team", "search"),
            ("cost-center", "4712"),
            ("region", "eu")
        ]
    );
    assert_eq!(SEARCH_EU.max_tokens, Some(2000));
    assert!(tags(&UNTAGGED).is_empty());
    let body = CreateInferenceProfileRequest::new(&SEARCH_EU, "eu-west-1", "123456789012")
        .unwrap()
        .to_json();
    assert_eq!(
        body["tags"],
        json!([
            {"key": "team", "value": "search"},
            {"key": "cost-center", "value": "4712"},
            {"key": "region", "value": "eu"},
        ])
    );
}

/// The file loader layers a derived table's tags over its base's as `..BASE` does: the same profiles.
#[cfg(feature = "files")]
#[test]
fn files_and_the_dsl_derive_tags_alike() {
    use bedrock_profiles::files::{self, Format};
    let d = files::parse(
        "search.toml",
        r#"
[profiles.SEARCH]
name = "search-answers"
description = "Search answers for the web app"
model = "us.anthropic.claude-sonnet-4-20250514-v1:0"
max_tokens = 2000
top_k = 50
tags = { team = "search", "cost-center" = "4711" }

[profiles.SEARCH_EU]
extends = "SEARCH"
name = "search-answers-eu"
model = "eu.anthropic.claude-sonnet-4-20250514-v1:0"
tags = { "cost-center" = "4712", region = "eu" }

[profiles.UNTAGGED]
extends = "SEARCH"
unset = ["tags"]
"#,
        Format::Toml,
    )
    .unwrap();
    assert_eq!(d.profile("SEARCH_EU").unwrap(), &SEARCH_EU);
    assert_eq!(d.profile("UNTAGGED").unwrap().tags, UNTAGGED.tags);
}

#[test]
fn create_inference_profile_bodies() {
    let model = ServiceModel::load("bedrock");
    let cross_region = CreateInferenceProfileRequest::new(&SEARCH, "us-east-1", "123456789012")
        .unwrap()
        .to_json();
    assert_eq!(
        cross_region["modelSource"]["copyFrom"],
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0"
    );
    model.assert_conforms("CreateInferenceProfileRequest", &cross_region);
    assert_golden("search-create-inference-profile", &cross_region);

    let base = CreateInferenceProfileRequest::new(&CLASSIFY, "us-west-2", "123456789012")
        .unwrap()
        .to_json();
    assert_eq!(
        base,
        json!({
            "inferenceProfileName": "classify",
            "modelSource": {"copyFrom": "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"},
            "tags": [
                {"key": "team", "value": "search"},
                {"key": "cost-center", "value": "4711"},
                {"key": "env", "value": "prod"},
            ],
        })
    );
    model.assert_conforms("CreateInferenceProfileRequest", &base);
    assert_golden("classify-create-inference-profile", &base);

    // The partition follows the region.
    let china =
        CreateInferenceProfileRequest::new(&CLASSIFY, "cn-north-1", "123456789012").unwrap();
    assert!(
        china
            .model_source
            .copy_from
            .starts_with("arn:aws-cn:bedrock:cn-north-1::")
    );
    assert_eq!(partition("us-gov-west-1"), "aws-us-gov");
    // A profile without tags can be deployed too; the request then has none.
    let untagged = CreateInferenceProfileRequest::new(&UNTAGGED, "us-east-1", "123456789012")
        .unwrap()
        .to_json();
    assert!(untagged.get("tags").is_none());
    model.assert_conforms("CreateInferenceProfileRequest", &untagged);
}

#[test]
fn what_cannot_be_deployed_says_why() {
    let error = |profile: &InferenceProfile, region: &str, account: &str| {
        CreateInferenceProfileRequest::new(profile, region, account)
            .unwrap_err()
            .to_string()
    };
    let mut through_arn = InferenceProfile::new("through-arn");
    through_arn.model = Some(models::resolve(ARN).unwrap());
    assert_eq!(
        error(&through_arn, "us-east-1", "123456789012"),
        format!(
            "profile `through-arn` cannot be deployed as an application inference profile: `model` {ARN} is an \
             application inference profile ARN; the resource copies a foundation model or a cross-region profile"
        )
    );
    assert_eq!(
        error(&InferenceProfile::new("bare"), "us-east-1", "123456789012"),
        "profile `bare` cannot be deployed as an application inference profile: it names no model; set `model` to \
         a foundation model or a cross-region profile"
    );
    let mut unlisted = InferenceProfile::new("next");
    unlisted.model = Some(models::unlisted_owned("acme.next-v1:0".into(), 1000).unwrap());
    assert!(error(&unlisted, "us-east-1", "123456789012").contains("is an unlisted model"));
    assert_eq!(
        error(&SEARCH, "US East", "123456789012"),
        "the region `US East` must be a region name like us-east-1"
    );
    assert_eq!(
        error(&SEARCH, "us-east-1", "1234"),
        "the account `1234` must be a 12-digit AWS account id"
    );
    assert!(matches!(
        Template::new().inference_profile(&through_arn),
        Err(WireError::NotDeployable { .. })
    ));
}

#[test]
fn cloudformation_template_with_a_profile_a_prompt_and_an_agent() {
    let agent = CreateAgentRequest::new(SearchAgent::SPEC)
        .base_prompt_template(PromptType::Orchestration, "$question$");
    let template = Template::new()
        .description("Search answers")
        .prompt(&SearchPrompt::SPEC)
        .unwrap()
        .agent(&agent)
        .unwrap()
        .inference_profile(&SEARCH)
        .unwrap()
        .inference_profile(&CLASSIFY)
        .unwrap()
        .to_json();
    let schemas = CloudFormationSchemas::load();
    schemas.assert_conforms(&template);
    assert_golden("search-cloudformation", &template);

    let resources = &template["Resources"];
    let profile = &resources["SearchAnswersProfile"];
    // The `Fn::Sub` is checked as the ARN it becomes: copying an application profile would be caught.
    let schema = schemas.resource("AWS::Bedrock::ApplicationInferenceProfile");
    assert_eq!(
        schema.check(&profile["Properties"], ""),
        Vec::<String>::new()
    );
    let mut copying_an_application_profile = profile["Properties"].clone();
    copying_an_application_profile["ModelSource"]["CopyFrom"] = json!({"Fn::Sub":
        "arn:${AWS::Partition}:bedrock:${AWS::Region}:${AWS::AccountId}:application-inference-profile/abc"});
    assert_eq!(schema.check(&copying_an_application_profile, "").len(), 1);
    assert_eq!(profile["Type"], "AWS::Bedrock::ApplicationInferenceProfile");
    assert_eq!(
        profile["Properties"]["ModelSource"]["CopyFrom"],
        json!({"Fn::Sub": "arn:${AWS::Partition}:bedrock:${AWS::Region}:${AWS::AccountId}:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0"})
    );
    assert_eq!(
        resources["ClassifyProfile"]["Properties"]["ModelSource"]["CopyFrom"],
        json!({"Fn::Sub": "arn:${AWS::Partition}:bedrock:${AWS::Region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"})
    );
    assert_eq!(
        profile["Properties"]["Tags"],
        json!([{"Key": "team", "Value": "search"}, {"Key": "cost-center", "Value": "4711"}])
    );
    let arn = json!({"Fn::GetAtt": ["SearchAnswersProfile", "InferenceProfileArn"]});
    assert_eq!(template["Outputs"]["SearchAnswersProfileArn"]["Value"], arn);
    assert_eq!(
        template["Outputs"]["SearchAnswersProfileArn"]["Export"]["Name"],
        json!({"Fn::Sub": "${AWS::StackName}-SearchAnswersProfileArn"})
    );
    // The prompt and the agent send SEARCH's model, so they are sent through the deployed profile.
    assert_eq!(
        resources["SearchPromptPrompt"]["Properties"]["Variants"][0]["ModelId"],
        arn
    );
    assert_eq!(
        resources["SearchAgentAgent"]["Properties"]["FoundationModel"],
        arn
    );
    // Without the profile in the template, they name the model.
    let alone = Template::new()
        .prompt(&SearchPrompt::SPEC)
        .unwrap()
        .to_json();
    assert_eq!(
        alone["Resources"]["SearchPromptPrompt"]["Properties"]["Variants"][0]["ModelId"],
        "us.anthropic.claude-sonnet-4-20250514-v1:0"
    );
    assert!(alone.get("Outputs").is_none());
}

#[test]
fn converse_through_the_deployed_profile() {
    let body = ConverseRequest::via(&SEARCH, ARN)
        .unwrap()
        .with_prompt(&SearchPrompt { question: "shoes" })
        .unwrap()
        .to_json();
    ServiceModel::load("bedrock-runtime").assert_conforms("ConverseRequest", &body);
    assert_eq!(
        body,
        json!({
            "modelId": ARN,
            "messages": [{"role": "user", "content": [{"text": "Answer shoes"}]}],
            "inferenceConfig": {"maxTokens": 2000},
            "additionalModelRequestFields": {"top_k": 50},
            "requestMetadata": {"bedrock-profile": "search-answers", "bedrock-profile-version": "1"}
        })
    );
    // The ARN alone says nothing about the model: top-k cannot be routed without the declaration (the rulebook's
    // rule, checked against the request's model).
    match ConverseRequest::new(ARN).with_profile(&SEARCH) {
        Err(WireError::Rule { message }) => assert_eq!(
            message,
            format!(
                "profile `search-answers` sent to {ARN}: `top_k` cannot be sent through {ARN}: top-k goes in the \
                 model's own request fields, and the model behind this ARN is unknown; name the model (or leave \
                 `top_k` out)"
            )
        ),
        other => panic!("expected the top-k rule, got {other:?}"),
    }
    for (arn, reason) in [
        (
            "us.anthropic.claude-sonnet-4-20250514-v1:0",
            "expected arn:<partition>:bedrock:<region>:<account>:application-inference-profile/<id>",
        ),
        (
            "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
            "the resource type must be application-inference-profile (the ARN of the deployed profile)",
        ),
        (
            "arn:aws:bedrock:us-east-1::application-inference-profile/abc",
            "the account must be the 12 digits of the account that owns the resource",
        ),
        (
            "arn:aws:s3:us-east-1:123456789012:application-inference-profile/abc",
            "the service must be bedrock",
        ),
    ] {
        assert_eq!(
            ConverseRequest::via(&SEARCH, arn).unwrap_err().to_string(),
            format!("`{arn}` is not the ARN of an application inference profile: {reason}")
        );
    }
}
