//! Reasoning and guardrails on Prompt management and Agents: an agent's `guardrail` in `CreateAgent` and
//! `AWS::Bedrock::Agent`, a prompt variant's or an agent step's `reasoning` in `additionalModelRequestFields`,
//! Claude's effort (which only Converse has a place for) as a `WireError` naming the surface, and a prompt profile's
//! guardrail left out of `CreatePrompt`. Bodies are checked against the service models, the CloudFormation resource
//! schemas and golden files.
// These tests pin the rules on models past their end of life too: their profiles warn (`deprecated`).
#![allow(deprecated)]

mod support {
    pub mod cloudformation_schema;
    pub mod golden;
    pub mod service_model;
}

use bedrock_profiles::wire::WireError;
use bedrock_profiles::wire::agent::CreateAgentRequest;
use bedrock_profiles::wire::cloudformation::Template;
use bedrock_profiles::wire::prompt::create_prompt_requests;
use bedrock_profiles::{
    Agent, AgentSpec, InferenceProfile, Prompt, PromptType, agent, inference_profile, models,
    prompt,
};
use serde_json::json;
use support::cloudformation_schema::CloudFormationSchemas;
use support::golden::assert_golden;
use support::service_model::ServiceModel;

inference_profile! {
    /// Claude Sonnet 4 with a thinking budget.
    pub DEEP { model: "us.anthropic.claude-sonnet-4-20250514-v1:0", max_tokens: 16000,
               reasoning: { budget_tokens: 8000 } }
    /// Nova 2 Lite reasoning at medium effort, with top-k (both in `additionalModelRequestFields`).
    pub NOVA_THINKS { model: "us.amazon.nova-2-lite-v1:0", top_k: 20, reasoning: { effort: "medium" } }
    /// A guardrail, which Prompt management has no field for.
    pub GUARDED { model: "us.anthropic.claude-sonnet-4-20250514-v1:0", max_tokens: 1000,
                  guardrail: { id: "gr0abc123", version: "3", trace: "enabled" } }
}

#[prompt(
    name = "thinking-prompt",
    profile = NOVA_THINKS,
    text = "Explain {{topic}}",
    variant(name = "deep", profile = DEEP, model = "us.anthropic.claude-sonnet-4-20250514-v1:0"),
    variant(name = "guarded", profile = GUARDED, model = "us.anthropic.claude-sonnet-4-20250514-v1:0"),
)]
pub struct ThinkingPrompt<'a> {
    pub topic: &'a str,
}

#[agent(
    name = "guarded-agent",
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "us.anthropic.claude-sonnet-4-20250514-v1:0",
    profile = DEEP,
    guardrail(id = "gr0abc123", version = "DRAFT"),
    base_prompt_templates(orchestration = "$instruction$ $question$"),
)]
pub struct GuardedAgent;

#[test]
fn agent_guardrail_and_step_reasoning_in_create_agent() {
    let model = ServiceModel::load("bedrock-agent");
    let body = CreateAgentRequest::new(GuardedAgent::SPEC)
        .to_json()
        .unwrap();
    model.assert_conforms("CreateAgentRequest", &body);
    assert_golden("surfaces-create-agent", &body);
    assert_eq!(
        body["guardrailConfiguration"],
        json!({"guardrailIdentifier": "gr0abc123", "guardrailVersion": "DRAFT"})
    );
    let orchestration = &body["promptOverrideConfiguration"]["promptConfigurations"][0];
    assert_eq!(
        orchestration["additionalModelRequestFields"],
        json!({"thinking": {"type": "enabled", "budget_tokens": 8000}})
    );
    assert_eq!(
        orchestration["inferenceConfiguration"],
        json!({"maximumLength": 16000})
    );
}

#[test]
fn agent_guardrail_in_cloudformation() {
    let request = CreateAgentRequest::new(GuardedAgent::SPEC);
    let template = Template::new().agent(&request).unwrap().to_json();
    CloudFormationSchemas::load().assert_conforms(&template);
    let properties = &template["Resources"]["GuardedAgentAgent"]["Properties"];
    assert_eq!(
        properties["GuardrailConfiguration"],
        json!({"GuardrailIdentifier": "gr0abc123", "GuardrailVersion": "DRAFT"})
    );
    // The reasoning document keeps the model's own spelling.
    assert_eq!(
        properties["PromptOverrideConfiguration"]["PromptConfigurations"][0]["AdditionalModelRequestFields"],
        json!({"thinking": {"type": "enabled", "budget_tokens": 8000}})
    );
    // The schema checks the guardrail: a lowercase `draft` is not a version.
    let schema = CloudFormationSchemas::load();
    let schema = schema.resource("AWS::Bedrock::Agent");
    let mut bad = properties.clone();
    bad["GuardrailConfiguration"]["GuardrailVersion"] = json!("draft");
    assert_eq!(schema.check(&bad, "").len(), 1);
}

#[test]
fn prompt_variant_reasoning_in_create_prompt_and_no_guardrail() {
    let model = ServiceModel::load("bedrock-agent");
    let bodies = create_prompt_requests(&ThinkingPrompt::SPEC).unwrap();
    assert_eq!(bodies.len(), 3);
    for body in &bodies {
        model.assert_conforms("CreatePromptRequest", body);
    }
    assert_golden("surfaces-create-prompt", &json!(bodies));
    let variant = |i: usize| &bodies[i]["variants"][0];
    assert_eq!(
        variant(0)["additionalModelRequestFields"],
        json!({"inferenceConfig": {"topK": 20}, "reasoningConfig": {"type": "enabled", "maxReasoningEffort": "medium"}})
    );
    assert_eq!(
        variant(1)["additionalModelRequestFields"],
        json!({"thinking": {"type": "enabled", "budget_tokens": 8000}})
    );
    // Prompt management has no guardrail field: the guardrail is applied when the prompt is called.
    assert_eq!(variant(2)["name"], "guarded");
    assert!(!bodies[2].to_string().contains("gr0abc123"));
    assert!(variant(2).get("additionalModelRequestFields").is_none());
}

/// A profile built at run time (a declared one is checked by the rulebook).
fn claude_effort() -> InferenceProfile {
    let mut profile = InferenceProfile::new("adaptive");
    profile.model = Some(models::ModelRef::base(&models::ANTHROPIC_CLAUDE_OPUS_4_7));
    profile.reasoning = Some(bedrock_profiles::ReasoningConfig {
        effort: Some(models::Effort::High),
        ..bedrock_profiles::ReasoningConfig::EMPTY
    });
    profile
}

#[test]
fn claude_effort_has_no_place_on_prompts_and_agents() {
    let profile = claude_effort();
    let spec = AgentSpec {
        name: "adaptive-agent",
        description: None,
        instruction: "You are a helpful assistant. Answer questions about orders politely and briefly.",
        model: models::ModelRef::base(&models::ANTHROPIC_CLAUDE_OPUS_4_7),
        idle_session_ttl: None,
        pre_processing: None,
        orchestration: Some(&profile),
        post_processing: None,
        knowledge_base_response_generation: None,
        memory_summarization: None,
        base_prompt_templates: &[(PromptType::Orchestration, "$instruction$")],
        guardrail: None,
    };
    let error = CreateAgentRequest::new(&spec).to_json().unwrap_err();
    assert!(matches!(
        error,
        WireError::Unsupported {
            setting: "reasoning.effort",
            ..
        }
    ));
    assert_eq!(
        error.to_string(),
        "`reasoning.effort` cannot be sent to anthropic.claude-opus-4-7: an agent's prompt override has no \
         `outputConfig`, where Converse takes Claude's `effort`; leave `effort` out of the step's profile"
    );

    let variants = [bedrock_profiles::PromptVariant {
        name: "default",
        model: None,
        profile: Some(&profile),
        template_type: bedrock_profiles::TemplateType::Text,
        text: "Explain {{topic}}",
        system: None,
        variables: &["topic"],
    }];
    let spec = bedrock_profiles::PromptSpec {
        name: "adaptive-prompt",
        description: None,
        variants: &variants,
    };
    let error = create_prompt_requests(&spec).unwrap_err();
    assert_eq!(
        error.to_string(),
        "`reasoning.effort` cannot be sent to anthropic.claude-opus-4-7: Prompt management has no `outputConfig`, \
         where Converse takes Claude's `effort`; leave `effort` out of the variant's profile"
    );
    // Adaptive thinking without an effort level has a place.
    let mut adaptive = claude_effort();
    adaptive.reasoning = Some(bedrock_profiles::ReasoningConfig {
        thinking: Some(bedrock_profiles::Thinking::Adaptive),
        ..bedrock_profiles::ReasoningConfig::EMPTY
    });
    let variants = [bedrock_profiles::PromptVariant {
        profile: Some(&adaptive),
        ..variants[0].clone()
    }];
    let spec = bedrock_profiles::PromptSpec {
        variants: &variants,
        ..spec
    };
    let bodies = create_prompt_requests(&spec).unwrap();
    assert_eq!(
        bodies[0]["variants"][0]["additionalModelRequestFields"],
        json!({"thinking": {"type": "adaptive"}})
    );
}
