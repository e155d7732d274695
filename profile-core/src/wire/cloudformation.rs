//! A CloudFormation template (JSON) with `AWS::Bedrock::ApplicationInferenceProfile`, `AWS::Bedrock::Prompt` and
//! `AWS::Bedrock::Agent` resources.
//!
//! The resources' properties are the `CreateInferenceProfile` / `CreatePrompt` / `CreateAgent` request members with
//! their names in PascalCase (`agentName` -> `AgentName`, `idleSessionTTLInSeconds` -> `IdleSessionTTLInSeconds`);
//! free-form members (`AdditionalModelRequestFields`) keep their contents as they are.
//!
//! A profile's resource copies its model in the stack's own partition, region and account (`Fn::Sub`), and an
//! `Output` exports its ARN. A prompt variant or an agent that is sent to the model of a profile deployed in the
//! same template is sent through that profile: its `ModelId` / `FoundationModel` becomes the profile's ARN
//! (`Fn::GetAtt`), so its calls carry the profile's cost-allocation tags.

use super::WireError;
use super::agent::CreateAgentRequest;
use super::inference_profile::{CreateInferenceProfileRequest, copy_source};
use super::prompt::create_prompt_requests;
use crate::InferenceProfile;
use crate::models::{Geo, ModelTarget};
use crate::prompt::PromptSpec;
use serde_json::{Map, Value, json};
use std::collections::HashMap;

/// A template under construction.
#[derive(Debug, Clone, Default)]
pub struct Template {
    description: Option<String>,
    resources: Map<String, Value>,
    outputs: Map<String, Value>,
    /// Deployed profiles: (profile name, model id, logical id).
    profiles: Vec<(String, String, String)>,
    /// The geography of the deployed profiles.
    geography: OneGeography,
    /// Model ids that a deployed profile can stand in for: (logical id, JSON pointer in its properties, profile
    /// name, model id).
    links: Vec<(String, &'static str, String, String)>,
    /// Per logical id base, the next number to try: equal names get `Base`, `Base2`, `Base3`, ... without probing
    /// every number from 2 again (linear in the names, not quadratic).
    next_suffix: HashMap<String, u64>,
}

/// The attribute of `AWS::Bedrock::ApplicationInferenceProfile` that holds its ARN.
pub const PROFILE_ARN_ATTRIBUTE: &str = "InferenceProfileArn";

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

    /// One `AWS::Bedrock::ApplicationInferenceProfile` for `profile` (its name, description and tags, copying its
    /// model in the stack's region) and an `Output` `<LogicalId>Arn` that exports its ARN as
    /// `<stack name>-<LogicalId>Arn`. The profile must name a model the resource can copy.
    ///
    /// A template is deployed into one region, and a cross-region profile can be copied only from a region of its
    /// geography: a second profile that copies another geography's (`eu.` after `us.`) is
    /// [`WireError::Geographies`]. `global.` profiles and in-region models go with any geography
    /// ([`geography`] says which one a profile needs).
    pub fn inference_profile(mut self, profile: &InferenceProfile) -> Result<Self, WireError> {
        let source = copy_source(profile)?;
        self.geography.admit(profile)?;
        let mut body =
            CreateInferenceProfileRequest::with_copy_from(profile, String::new())?.to_json();
        body["modelSource"]["copyFrom"] = json!({ "Fn::Sub": source.sub() });
        let id = self.add(
            profile.name(),
            "Profile",
            "AWS::Bedrock::ApplicationInferenceProfile",
            body,
        );
        let output = format!("{id}Arn");
        self.outputs.insert(
            output.clone(),
            json!({
                "Description": format!("ARN of the application inference profile {}: pass it as modelId", profile.name()),
                "Value": { "Fn::GetAtt": [id, PROFILE_ARN_ATTRIBUTE] },
                "Export": { "Name": { "Fn::Sub": format!("${{AWS::StackName}}-{output}") } },
            }),
        );
        if let Some(model) = profile.model_id() {
            self.profiles
                .push((profile.name().to_owned(), model.to_owned(), id));
        }
        Ok(self)
    }

    /// One `AWS::Bedrock::Prompt` per variant of `spec`.
    pub fn prompt(mut self, spec: &PromptSpec) -> Result<Self, WireError> {
        for (request, variant) in create_prompt_requests(spec)?.into_iter().zip(spec.variants) {
            let name = request["name"].as_str().unwrap_or_default().to_owned();
            let id = self.add(&name, "Prompt", "AWS::Bedrock::Prompt", request);
            if let (Some(profile), Some(model)) = (variant.profile, variant.model_id()) {
                let link = (
                    id,
                    "/Variants/0/ModelId",
                    profile.name().to_owned(),
                    model.to_owned(),
                );
                self.links.push(link);
            }
        }
        Ok(self)
    }

    /// One `AWS::Bedrock::Agent`.
    pub fn agent(mut self, request: &CreateAgentRequest<'_>) -> Result<Self, WireError> {
        let body = request.to_json()?;
        let name = body["agentName"].as_str().unwrap_or_default().to_owned();
        let id = self.add(&name, "Agent", "AWS::Bedrock::Agent", body);
        let spec = request.spec();
        if let Some(profile) = spec.orchestration {
            let link = (
                id,
                "/FoundationModel",
                profile.name().to_owned(),
                spec.model.id().to_owned(),
            );
            self.links.push(link);
        }
        Ok(self)
    }

    /// Adds a resource named after `name` and returns its logical id.
    fn add(&mut self, name: &str, suffix: &str, kind: &str, body: Value) -> String {
        let base = format!("{}{suffix}", logical_id(name));
        let next = self.next_suffix.entry(base.clone()).or_insert(1);
        let numbered = |n: u64| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}{n}")
            }
        };
        let mut id = numbered(*next);
        // Another base can have taken a numbered id (`Search` + 2 against a profile named `search2`).
        while self.resources.contains_key(&id) {
            *next += 1;
            id = numbered(*next);
        }
        *next += 1;
        self.resources.insert(
            id.clone(),
            json!({ "Type": kind, "Properties": pascal_case_keys(body) }),
        );
        id
    }

    /// The template as JSON.
    pub fn to_json(&self) -> Value {
        let mut template = Map::new();
        template.insert("AWSTemplateFormatVersion".into(), json!("2010-09-09"));
        if let Some(description) = &self.description {
            template.insert("Description".into(), json!(description));
        }
        let mut resources = self.resources.clone();
        for (id, pointer, profile, model) in &self.links {
            let deployed = self
                .profiles
                .iter()
                .find(|(name, source, _)| name == profile && source == model);
            let target = resources
                .get_mut(id)
                .and_then(|r| r.pointer_mut(&format!("/Properties{pointer}")));
            if let (Some((_, _, profile_id)), Some(target)) = (deployed, target) {
                *target = json!({ "Fn::GetAtt": [profile_id, PROFILE_ARN_ATTRIBUTE] });
            }
        }
        template.insert("Resources".into(), Value::Object(resources));
        if !self.outputs.is_empty() {
            template.insert("Outputs".into(), Value::Object(self.outputs.clone()));
        }
        Value::Object(template)
    }
}

/// The one geography of a template's deployed profiles (a stack lives in one region): the first profile that
/// copies a geography's cross-region profile sets it. [`Template::inference_profile`] keeps one, and
/// `bedrock-profiles check` asks the same of a file's deployed profiles.
#[derive(Debug, Clone, Default)]
pub struct OneGeography(Option<(String, Geo)>);

impl OneGeography {
    /// Takes `profile`'s [`geography`], or refuses it ([`WireError::Geographies`]) when another one is taken.
    pub fn admit(&mut self, profile: &InferenceProfile) -> Result<(), WireError> {
        let Some(geo) = geography(profile) else {
            return Ok(());
        };
        match &self.0 {
            Some((first, seen)) if *seen != geo => Err(WireError::Geographies {
                first: (first.clone(), seen.prefix()),
                second: (profile.name().to_owned(), geo.prefix()),
            }),
            Some(_) => Ok(()),
            None => {
                self.0 = Some((profile.name().to_owned(), geo));
                Ok(())
            }
        }
    }
}

/// The geography whose regions a deployed `profile` must be created in: the geography of the cross-region profile
/// its model is (by id or ARN), except `global.`, which any commercial region can copy; `None` for an in-region
/// model or a global profile.
pub fn geography(profile: &InferenceProfile) -> Option<Geo> {
    let model = profile.model.as_ref()?;
    let geo = match model.target {
        ModelTarget::CrossRegion(geo, _) => Some(geo),
        ModelTarget::Arn(..) => crate::models::cross_region_geo(model.id()),
        _ => None,
    }?;
    (geo != Geo::Global).then_some(geo)
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
    fn one_geography_per_template() {
        let profile = |name: &'static str, model: &str| {
            let mut p = InferenceProfile::new(name);
            p.model = Some(crate::models::resolve(model).unwrap());
            p
        };
        let us = profile("us", "us.anthropic.claude-sonnet-4-6");
        let eu = profile("eu", "eu.anthropic.claude-sonnet-4-6");
        let global = profile("global", "global.anthropic.claude-sonnet-4-6");
        let base = profile("base", "anthropic.claude-3-haiku-20240307-v1:0");
        let arn = profile(
            "arn",
            "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.anthropic.claude-sonnet-4-6",
        );
        assert_eq!(geography(&us), Some(Geo::Us));
        assert_eq!(geography(&arn), Some(Geo::Eu));
        assert_eq!((geography(&global), geography(&base)), (None, None));
        let mixed = Template::new()
            .inference_profile(&global)
            .and_then(|t| t.inference_profile(&base))
            .and_then(|t| t.inference_profile(&us))
            .and_then(|t| t.inference_profile(&us));
        assert!(mixed.is_ok());
        let error = mixed.unwrap().inference_profile(&arn).unwrap_err();
        assert_eq!(
            error,
            WireError::Geographies {
                first: ("us".into(), "us"),
                second: ("arn".into(), "eu")
            }
        );
        assert!(Template::new().inference_profile(&eu).is_ok());
    }

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

    #[test]
    fn equal_names_get_numbered_ids_once_each() {
        let mut t = Template::new();
        let body = || json!({});
        let ids: Vec<String> = ["search", "search", "search2", "search", "Search"]
            .iter()
            .map(|name| t.add(name, "", "AWS::Bedrock::Prompt", body()))
            .collect();
        // `search2` names the id the second `search` took (`Search2`), so it takes the first free one of its own
        // base, `Search22`; the later `search` and `Search` go on from 3. Every id is distinct.
        assert_eq!(ids, ["Search", "Search2", "Search22", "Search3", "Search4"]);
        // 20,000 equal names: each id found without probing the numbers before it again.
        let mut t = Template::new();
        for _ in 0..20_000 {
            t.add("same", "", "AWS::Bedrock::Prompt", body());
        }
        assert_eq!(t.resources.len(), 20_000);
        assert!(t.resources.contains_key("Same20000"));
        assert_eq!(t.next_suffix["Same"], 20_001);
    }
}
