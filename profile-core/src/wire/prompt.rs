//! Prompt management `CreatePrompt` requests (bedrock-agent 2023-06-05 `CreatePromptRequest`) from a `#[prompt]`.
//!
//! `CreatePromptRequest.variants` takes at most one variant (`PromptVariantList`: 0..=1), so a prompt with several
//! variants becomes one request per variant: the default variant keeps the prompt's name, every other variant is
//! named `<prompt>-<variant>`.
//!
//! A variant's top-k and its profile's `reasoning` travel in the variant's `additionalModelRequestFields`, shaped
//! for the variant's model; Claude's effort has no place in a variant (Converse sends it as `outputConfig.effort`)
//! and is a [`WireError`]. A profile's `guardrail` is left out: Prompt management has no guardrail field, and the
//! guardrail is applied at call time (Converse with the prompt's ARN and `guardrailConfig`).

use super::WireError;
use super::converse::{InferenceConfig, top_k_field};
use crate::prompt::{self, PromptSpec, PromptVariant, TemplateType};
use serde_json::{Map, Value, json};

/// The `CreatePrompt` request bodies of `spec`, one per variant, default variant first.
pub fn create_prompt_requests(spec: &PromptSpec) -> Result<Vec<Value>, WireError> {
    spec.variants
        .iter()
        .map(|variant| create_prompt_request(spec, variant))
        .collect()
}

/// The `CreatePrompt` request body of one variant of `spec`.
pub fn create_prompt_request(
    spec: &PromptSpec,
    variant: &PromptVariant,
) -> Result<Value, WireError> {
    let name = prompt::request_name(spec.name, variant.name);
    // PromptName: ([0-9a-zA-Z][_-]?){1,100}. Declared prompts are checked by the rulebook
    // (`prompt::check_request_name`); this catches a spec built at run time.
    if let Some(violation) = prompt::check_request_name(spec.name, variant.name) {
        return Err(WireError::Rule {
            message: violation.to_string(),
        });
    }
    let mut request = Map::new();
    request.insert("name".into(), json!(name));
    if let Some(description) = spec.description.filter(|d| !d.is_empty()) {
        request.insert("description".into(), json!(description));
    }
    request.insert("defaultVariant".into(), json!(variant.name));
    request.insert("variants".into(), json!([variant_body(variant)?]));
    Ok(Value::Object(request))
}

fn variant_body(variant: &PromptVariant) -> Result<Value, WireError> {
    let inputs: Vec<Value> = variant
        .variables
        .iter()
        .map(|name| json!({ "name": name }))
        .collect();
    let mut body = Map::new();
    body.insert("name".into(), json!(variant.name));
    body.insert("templateType".into(), json!(variant.template_type.as_str()));
    let mut template = Map::new();
    match variant.template_type {
        TemplateType::Text => {
            template.insert("text".into(), json!(variant.text));
            if !inputs.is_empty() {
                template.insert("inputVariables".into(), json!(inputs));
            }
            body.insert("templateConfiguration".into(), json!({ "text": template }));
        }
        TemplateType::Chat => {
            template.insert(
                "messages".into(),
                json!([{ "role": "user", "content": [{ "text": variant.text }] }]),
            );
            if let Some(system) = variant.system.filter(|s| !s.is_empty()) {
                template.insert("system".into(), json!([{ "text": system }]));
            }
            if !inputs.is_empty() {
                template.insert("inputVariables".into(), json!(inputs));
            }
            body.insert("templateConfiguration".into(), json!({ "chat": template }));
        }
    }
    let model_id = variant.model_id();
    if let Some(model_id) = model_id {
        body.insert("modelId".into(), json!(model_id));
    }
    if let Some(profile) = variant.profile {
        super::check_sendable(profile)?;
        if let Some(config) = InferenceConfig::from_profile(profile) {
            // PromptModelInferenceConfiguration has the same members as Converse's, with maxTokens >= 0.
            body.insert("inferenceConfiguration".into(), json!({ "text": config }));
        }
        let mut fields = Map::new();
        if let Some(top_k) = profile.top_k {
            let model = variant.model.as_ref().or(profile.model.as_ref());
            let provider = super::provider_of(model, model_id.unwrap_or_default());
            match provider.and_then(|p| top_k_field(p, top_k)) {
                Some(Value::Object(top_k)) => fields = top_k,
                _ => {
                    return Err(WireError::Unsupported {
                        setting: "top_k",
                        model: model_id.unwrap_or("no model").to_owned(),
                        reason: "top-k has no field of its own in Prompt management and this model has no place for it",
                    });
                }
            }
        }
        if let Some(reasoning) = super::reasoning::surface_fields(
            profile,
            model_id.unwrap_or_default(),
            "Prompt management has no `outputConfig`, where Converse takes Claude's `effort`; leave `effort` out \
             of the variant's profile",
        )? {
            super::reasoning::merge(&mut fields, reasoning);
        }
        if !fields.is_empty() {
            body.insert("additionalModelRequestFields".into(), Value::Object(fields));
        }
    }
    Ok(Value::Object(body))
}
