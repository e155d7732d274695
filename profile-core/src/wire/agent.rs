//! `CreateAgent` requests (bedrock-agent 2023-06-05 `CreateAgentRequest`) from an `#[agent]`.
//!
//! A step's inference configuration travels in `promptOverrideConfiguration.promptConfigurations[]`
//! (`PromptConfiguration`: `promptType`, `inferenceConfiguration {temperature, topP, topK, maximumLength,
//! stopSequences}`). Bedrock applies a step's `inferenceConfiguration` only when the step's prompt is overridden
//! (`promptCreationMode: OVERRIDDEN`), and an overridden step needs its `basePromptTemplate`; so every step that
//! has a profile needs a template from the caller ([`CreateAgentRequest::base_prompt_template`]). Agents' own
//! templates are model-specific and not published in the service model, which is why none is made up here.
//!
//! A step profile's `reasoning` goes into the step's `additionalModelRequestFields` (`PromptConfiguration` has
//! that member), shaped for the agent's model ([`super::reasoning`]); Claude's effort has no place there (Converse
//! sends it as `outputConfig.effort`, which a prompt override does not have) and is a [`WireError`]. The agent's
//! own `guardrail` is `guardrailConfiguration {guardrailIdentifier, guardrailVersion}`.

use super::WireError;
use super::converse::as_written;
use crate::InferenceProfile;
use crate::agent::{AgentSpec, PromptType};
use crate::rules::Surface;
use serde::Serialize;
use serde_json::{Map, Value, json};

/// A `CreateAgent` request under construction.
#[derive(Debug, Clone)]
pub struct CreateAgentRequest<'a> {
    spec: &'a AgentSpec<'a>,
    templates: Vec<(PromptType, String)>,
    role_arn: Option<String>,
}

/// `InferenceConfiguration` of an agent step.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgentInferenceConfig {
    /// `temperature` (0..=1).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "as_written")]
    pub temperature: Option<f32>,
    /// `topP` (0..=1).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "as_written")]
    pub top_p: Option<f32>,
    /// `topK` (0..=500).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top_k: Option<u32>,
    /// `maximumLength`: the profile's `max_tokens`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maximum_length: Option<u32>,
    /// `stopSequences` (0..=4).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stop_sequences: Vec<String>,
}

impl AgentInferenceConfig {
    /// The Agent surface's settings of a profile.
    pub fn from_profile(profile: &InferenceProfile) -> AgentInferenceConfig {
        AgentInferenceConfig {
            temperature: profile.temperature,
            top_p: profile.top_p,
            top_k: profile.top_k,
            maximum_length: profile.max_tokens,
            stop_sequences: profile.stop_sequences().map(str::to_owned).collect(),
        }
    }
}

impl<'a> CreateAgentRequest<'a> {
    /// The agent the request creates.
    pub fn spec(&self) -> &'a AgentSpec<'a> {
        self.spec
    }

    /// A request for `spec`.
    pub fn new(spec: &'a AgentSpec<'a>) -> Self {
        CreateAgentRequest {
            spec,
            templates: Vec::new(),
            role_arn: None,
        }
    }

    /// The `basePromptTemplate` of a step that has a profile (the agent's prompt for that step, with Bedrock's
    /// `$placeholders$`).
    pub fn base_prompt_template(mut self, step: PromptType, template: impl Into<String>) -> Self {
        self.templates.retain(|(s, _)| *s != step);
        self.templates.push((step, template.into()));
        self
    }

    /// `agentResourceRoleArn`: the IAM role the agent runs as.
    pub fn role_arn(mut self, arn: impl Into<String>) -> Self {
        self.role_arn = Some(arn.into());
        self
    }

    /// The request body.
    pub fn to_json(&self) -> Result<Value, WireError> {
        let spec = self.spec;
        let mut body = Map::new();
        body.insert("agentName".into(), json!(spec.name));
        body.insert("instruction".into(), json!(spec.instruction));
        body.insert("foundationModel".into(), json!(spec.model_id()));
        if let Some(ttl) = spec.idle_session_ttl {
            body.insert("idleSessionTTLInSeconds".into(), json!(ttl));
        }
        if let Some(description) = spec.description.filter(|d| !d.is_empty()) {
            body.insert("description".into(), json!(description));
        }
        if let Some(arn) = &self.role_arn {
            body.insert("agentResourceRoleArn".into(), json!(arn));
        }
        if let Some(guardrail) = &spec.guardrail {
            body.insert(
                "guardrailConfiguration".into(),
                json!({
                    "guardrailIdentifier": guardrail.id,
                    "guardrailVersion": guardrail.version,
                }),
            );
        }
        let mut configurations = Vec::new();
        for (step, profile) in spec.profiles() {
            super::check_call(profile, spec.model_id(), Some(&spec.model), Surface::Agent)?;
            let given = self.templates.iter().find(|(s, _)| *s == step);
            let Some(template) = given
                .map(|(_, t)| t.as_str())
                .or_else(|| spec.base_prompt_template(step))
            else {
                // The rulebook's rule (a declared agent cannot get here); a spec built at run time meets it here.
                return Err(WireError::Rule {
                    message: crate::agent::AgentViolation::StepWithoutTemplate { step }.to_string(),
                });
            };
            let mut configuration = json!({
                "promptType": step.as_str(),
                "promptCreationMode": "OVERRIDDEN",
                "promptState": "ENABLED",
                "parserMode": "DEFAULT",
                "basePromptTemplate": template,
                "inferenceConfiguration": AgentInferenceConfig::from_profile(profile),
            });
            if let Some(fields) = super::reasoning::surface_fields(
                profile,
                spec.model_id(),
                "an agent's prompt override has no `outputConfig`, where Converse takes Claude's `effort`; \
                 leave `effort` out of the step's profile",
            )? {
                configuration["additionalModelRequestFields"] = Value::Object(fields);
            }
            configurations.push(configuration);
        }
        if !configurations.is_empty() {
            body.insert(
                "promptOverrideConfiguration".into(),
                json!({ "promptConfigurations": configurations }),
            );
        }
        Ok(Value::Object(body))
    }
}
