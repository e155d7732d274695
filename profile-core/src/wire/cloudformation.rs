//! A CloudFormation template (JSON) with `AWS::Bedrock::Prompt` and `AWS::Bedrock::Agent` resources.
//!
//! The resources' properties are the `CreatePrompt` / `CreateAgent` request members with their names in PascalCase
//! (`agentName` -> `AgentName`, `idleSessionTTLInSeconds` -> `IdleSessionTTLInSeconds`); free-form members
//! (`AdditionalModelRequestFields`) keep their contents as they are.

use super::WireError;
use super::agent::CreateAgentRequest;
use super::prompt::create_prompt_requests;
use crate::prompt::PromptSpec;
use serde_json::{Map, Value, json};

/// A template under construction.
#[derive(Debug, Clone, Default)]
pub struct Template {
    description: Option<String>,
    resources: Map<String, Value>,
}

impl Template {
    /// An empty template.
    pub fn new() -> Self {
        Template::default()
    }

    /// The template's `Description`.
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.description = Some(text.into());
        self
    }

    /// One `AWS::Bedrock::Prompt` per variant of `spec`.
    pub fn prompt(mut self, spec: &PromptSpec) -> Result<Self, WireError> {
        for request in create_prompt_requests(spec)? {
            let name = request["name"].as_str().unwrap_or_default().to_owned();
            self.add(&name, "Prompt", "AWS::Bedrock::Prompt", request);
        }
        Ok(self)
    }

    /// One `AWS::Bedrock::Agent`.
    pub fn agent(mut self, request: &CreateAgentRequest<'_>) -> Result<Self, WireError> {
        let body = request.to_json()?;
        let name = body["agentName"].as_str().unwrap_or_default().to_owned();
        self.add(&name, "Agent", "AWS::Bedrock::Agent", body);
        Ok(self)
    }

    fn add(&mut self, name: &str, suffix: &str, kind: &str, body: Value) {
        let base = format!("{}{suffix}", logical_id(name));
        let mut id = base.clone();
        let mut n = 2;
        while self.resources.contains_key(&id) {
            id = format!("{base}{n}");
            n += 1;
        }
        self.resources.insert(
            id,
            json!({ "Type": kind, "Properties": pascal_case_keys(body) }),
        );
    }

    /// The template as JSON.
    pub fn to_json(&self) -> Value {
        let mut template = Map::new();
        template.insert("AWSTemplateFormatVersion".into(), json!("2010-09-09"));
        if let Some(description) = &self.description {
            template.insert("Description".into(), json!(description));
        }
        template.insert("Resources".into(), Value::Object(self.resources.clone()));
        Value::Object(template)
    }
}

/// `my-prompt_v2` -> `MyPromptV2`: CloudFormation logical ids are alphanumeric.
fn logical_id(name: &str) -> String {
    let mut out = String::new();
    let mut upper = true;
    for ch in name.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(if upper { ch.to_ascii_uppercase() } else { ch });
            upper = false;
        } else {
            upper = true;
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert_str(0, "Bedrock");
    }
    out
}

/// Renames every key to PascalCase, except inside free-form documents.
fn pascal_case_keys(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(key, value)| {
                    let value = if key == "additionalModelRequestFields" {
                        value
                    } else {
                        pascal_case_keys(value)
                    };
                    let mut chars = key.chars();
                    let key = match chars.next() {
                        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                        None => key,
                    };
                    (key, value)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(pascal_case_keys).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_keys() {
        assert_eq!(logical_id("my-prompt_v2"), "MyPromptV2");
        assert_eq!(logical_id("9lives"), "Bedrock9lives");
        assert_eq!(
            pascal_case_keys(
                json!({"agentName": "a", "additionalModelRequestFields": {"top_k": 1}, "variants": [{"name": "x"}]})
            ),
            json!({"AgentName": "a", "AdditionalModelRequestFields": {"top_k": 1}, "Variants": [{"Name": "x"}]})
        );
    }
}
