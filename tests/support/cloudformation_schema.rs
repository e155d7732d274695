//! Checks a CloudFormation template (JSON) against CloudFormation's own schemas, vendored in
//! `tests/cloudformation-schemas/` (see its README): the template's top level, its `Resources` entries and its
//! `Outputs` against cfn-lint's schemas of a template, and each resource's `Properties` against the registry
//! resource schema of its `Type` (JSON Schema draft-07; `$ref`s point into the schema's own `definitions`).
//!
//! Intrinsic functions are values CloudFormation only knows at deploy time, so before validating, a pre-pass
//! ([`replace_intrinsics`]) puts in place of each one a placeholder of the type the schema expects at that spot,
//! provided the function can return that type, and problems found at or below a placeholder (a pattern or a length
//! the placeholder does not meet) are dropped. A function that cannot return the expected type stays as it is, so
//! the validator reports it as the object it is.

use jsonschema::{Draft, Validator};
use serde_json::{Map, Value, json};
use std::path::Path;

/// What an intrinsic function returns, which decides where it may stand.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Returns {
    /// `Ref`, `Fn::GetAtt`, `Fn::Select`, `Fn::FindInMap`, `Fn::If`: whatever the referenced value or branch is.
    Any,
    /// `Fn::Sub`, `Fn::Join`, `Fn::Base64`, `Fn::ImportValue`, `Fn::ToJsonString`: a string, which CloudFormation
    /// also converts for number and boolean properties.
    Scalar,
    /// `Fn::GetAZs`, `Fn::Split`, `Fn::Cidr`: a list of strings.
    List,
    /// `Fn::Length`: an integer.
    Integer,
}

fn intrinsic(value: &Value) -> Option<Returns> {
    let object = value.as_object().filter(|o| o.len() == 1)?;
    Some(match object.keys().next()?.as_str() {
        "Ref" | "Fn::GetAtt" | "Fn::Select" | "Fn::FindInMap" | "Fn::If" => Returns::Any,
        "Fn::Sub" | "Fn::Join" | "Fn::Base64" | "Fn::ImportValue" | "Fn::ToJsonString" => {
            Returns::Scalar
        }
        "Fn::GetAZs" | "Fn::Split" | "Fn::Cidr" => Returns::List,
        "Fn::Length" => Returns::Integer,
        _ => return None,
    })
}

/// Values of the pseudo parameters, as a stack in us-east-1 of account 123456789012 would see them.
const PSEUDO_PARAMETERS: [(&str, &str); 4] = [
    ("${AWS::Partition}", "aws"),
    ("${AWS::Region}", "us-east-1"),
    ("${AWS::AccountId}", "123456789012"),
    ("${AWS::StackName}", "stack"),
];

/// `{"Fn::Sub": "text"}` whose only variables are pseudo parameters, substituted: where a string is expected, it is
/// checked as the string it becomes rather than replaced by a placeholder.
fn pseudo_sub(value: &Value) -> Option<String> {
    let object = value.as_object().filter(|o| o.len() == 1)?;
    let text = object.get("Fn::Sub")?.as_str()?;
    let resolved = PSEUDO_PARAMETERS
        .iter()
        .fold(text.to_owned(), |t, (name, value)| t.replace(name, value));
    (!resolved.contains("${")).then_some(resolved)
}

fn load(relative: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cloudformation-schemas")
        .join(relative);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn draft7(schema: &Value) -> Validator {
    jsonschema::options()
        .with_draft(Draft::Draft7)
        .build(schema)
        .unwrap_or_else(|e| panic!("not a draft-07 schema: {e}\n{schema:#}"))
}

/// Every problem `validator` finds in `instance`, as `prefix/pointer: message`, except those at or below one of
/// the `placeholders` (JSON pointers).
fn problems(
    validator: &Validator,
    instance: &Value,
    prefix: &str,
    placeholders: &[String],
) -> Vec<String> {
    validator
        .iter_errors(instance)
        .filter(|e| {
            let at = e.instance_path().as_str();
            !placeholders
                .iter()
                .any(|p| at == p || at.starts_with(&format!("{p}/")))
        })
        .map(|e| format!("{prefix}{}: {e}", e.instance_path().as_str()))
        .collect()
}

/// A registry resource schema.
pub struct ResourceSchema {
    /// The whole schema as vendored (`typeName`, `properties`, `definitions`, `readOnlyProperties`, ...).
    pub schema: Value,
    /// Validates a resource's `Properties`: the schema's `properties`, `definitions`, `required` and
    /// `additionalProperties` on an object.
    properties: Validator,
}

impl ResourceSchema {
    fn new(file: &str) -> ResourceSchema {
        let schema = load(file);
        let mut properties = json!({"type": "object"});
        for key in [
            "properties",
            "definitions",
            "required",
            "additionalProperties",
        ] {
            if let Some(v) = schema.get(key) {
                properties[key] = v.clone();
            }
        }
        ResourceSchema {
            properties: draft7(&properties),
            schema,
        }
    }

    /// Every way `properties` (a resource's `Properties`) breaks this schema, as `prefix/pointer: problem` lines.
    pub fn check(&self, properties: &Value, prefix: &str) -> Vec<String> {
        let (resolved, placeholders) = replace_intrinsics(&self.schema, properties);
        let mut out = problems(&self.properties, &resolved, prefix, &placeholders);
        // Read-only properties (`Arn`, `CreatedAt`, ...) are the resource's outputs: a template cannot set them.
        for pointer in self.schema["readOnlyProperties"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            let segments: Vec<&str> = pointer
                .strip_prefix("/properties/")
                .unwrap_or(pointer)
                .split('/')
                .collect();
            if present(properties, &segments) {
                out.push(format!("{prefix}: sets the read-only property {pointer}"));
            }
        }
        out
    }
}

/// Whether `value` has something at `segments` (`*` stands for every item of a list).
fn present(value: &Value, segments: &[&str]) -> bool {
    match segments.split_first() {
        None => true,
        Some((&"*", rest)) => value
            .as_array()
            .is_some_and(|items| items.iter().any(|item| present(item, rest))),
        Some((key, rest)) => value.get(*key).is_some_and(|v| present(v, rest)),
    }
}

/// The vendored schemas.
pub struct CloudFormationSchemas {
    template: Validator,
    description: Validator,
    resources: Validator,
    outputs: Validator,
    types: Vec<ResourceSchema>,
}

impl CloudFormationSchemas {
    pub fn load() -> CloudFormationSchemas {
        let mut template = load("template/configuration.json");
        // cfn-lint reads YAML too, where `2010-09-09` unquoted is a date, and has a type `date` for it; JSON has no
        // dates and draft-07 no such type, so the version must be the string.
        template["properties"]["AWSTemplateFormatVersion"]["type"] = json!("string");
        CloudFormationSchemas {
            template: draft7(&template),
            description: draft7(&load("template/description.json")),
            resources: draft7(&load("template/resources.json")),
            outputs: draft7(&load("template/outputs.json")),
            types: [
                "aws-bedrock-agent.json",
                "aws-bedrock-prompt.json",
                "aws-bedrock-applicationinferenceprofile.json",
            ]
            .into_iter()
            .map(ResourceSchema::new)
            .collect(),
        }
    }

    /// The registry schema of `type_name` (`AWS::Bedrock::Prompt`).
    pub fn resource(&self, type_name: &str) -> &ResourceSchema {
        self.types
            .iter()
            .find(|t| t.schema["typeName"] == type_name)
            .unwrap_or_else(|| panic!("no vendored schema for {type_name}"))
    }

    /// Every way `template` breaks CloudFormation's schemas, as `path: problem` lines; empty when it conforms.
    pub fn check(&self, template: &Value) -> Vec<String> {
        let mut out = problems(&self.template, template, "", &[]);
        if let Some(description) = template.get("Description") {
            out.extend(problems(
                &self.description,
                description,
                "/Description",
                &[],
            ));
        }
        if let Some(outputs) = template.get("Outputs") {
            out.extend(problems(&self.outputs, outputs, "/Outputs", &[]));
        }
        let Some(resources) = template.get("Resources") else {
            return out;
        };
        out.extend(problems(&self.resources, resources, "/Resources", &[]));
        for (id, resource) in resources.as_object().into_iter().flatten() {
            let at = format!("/Resources/{id}");
            let Some(type_name) = resource.get("Type").and_then(Value::as_str) else {
                continue; // reported above: `Type` is required
            };
            let Some(schema) = self
                .types
                .iter()
                .find(|t| t.schema["typeName"] == type_name)
            else {
                out.push(format!("{at}: no vendored schema for {type_name}"));
                continue;
            };
            match resource.get("Properties") {
                Some(properties) => {
                    out.extend(schema.check(properties, &format!("{at}/Properties")))
                }
                None => out.push(format!(
                    "{at}: no Properties, and {type_name} requires {}",
                    schema.schema["required"]
                )),
            }
        }
        out
    }

    /// Panics with every problem unless `template` conforms.
    #[track_caller]
    pub fn assert_conforms(&self, template: &Value) {
        let problems = self.check(template);
        assert!(
            problems.is_empty(),
            "the template does not conform:\n{}\n{template:#}",
            problems.join("\n")
        );
    }
}

/// `value` with each intrinsic function that can return what `schema` (a registry resource schema) expects at its
/// spot replaced by a placeholder of that type, and the JSON pointers of the placeholders.
///
/// The placeholder is an enum's first value, a string of the least allowed length, the least allowed number,
/// `false`, `[]` or `{}`. A function that cannot return the expected type (a list where a string is expected), or
/// that stands where the schema expects nothing, is left in place.
pub fn replace_intrinsics(schema: &Value, value: &Value) -> (Value, Vec<String>) {
    let mut placeholders = Vec::new();
    let root = json!({"type": "object", "properties": schema["properties"]});
    let resolved = walk(schema, &[&root], value, String::new(), &mut placeholders);
    (resolved, placeholders)
}

fn walk(
    root: &Value,
    here: &[&Value],
    value: &Value,
    pointer: String,
    placeholders: &mut Vec<String>,
) -> Value {
    if let Some(returns) = intrinsic(value) {
        return match placeholder(root, here, returns) {
            // A string the schema can check as it is: an `Fn::Sub` of pseudo parameters only.
            Some(Value::String(_)) if pseudo_sub(value).is_some() => {
                Value::String(pseudo_sub(value).unwrap_or_default())
            }
            Some(p) => {
                placeholders.push(pointer);
                p
            }
            None => value.clone(),
        };
    }
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let below: Vec<&Value> = expand(root, here)
                        .into_iter()
                        .flat_map(|s| member_schemas(s, k))
                        .collect();
                    let pointer = format!("{pointer}/{}", k.replace('~', "~0").replace('/', "~1"));
                    (k.clone(), walk(root, &below, v, pointer, placeholders))
                })
                .collect::<Map<_, _>>(),
        ),
        Value::Array(items) => Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let below = children(root, here, |s| s.get("items"));
                    walk(root, &below, v, format!("{pointer}/{i}"), placeholders)
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The subschemas of `schema` for its member `key`: from `properties`, from the `patternProperties` whose pattern
/// `key` matches, or else from `additionalProperties`.
fn member_schemas<'a>(schema: &'a Value, key: &str) -> Vec<&'a Value> {
    if let Some(s) = schema.get("properties").and_then(|p| p.get(key)) {
        return vec![s];
    }
    let matching: Vec<&Value> = schema
        .get("patternProperties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter(|(pattern, _)| regex::Regex::new(pattern).is_ok_and(|re| re.is_match(key)))
        .map(|(_, s)| s)
        .collect();
    if !matching.is_empty() {
        return matching;
    }
    schema
        .get("additionalProperties")
        .filter(|s| s.is_object())
        .into_iter()
        .collect()
}

/// The subschemas that apply below `here` (through `$ref`, `oneOf`, `anyOf`, `allOf`), as `step` picks them.
fn children<'a>(
    root: &'a Value,
    here: &[&'a Value],
    step: impl Fn(&'a Value) -> Option<&'a Value>,
) -> Vec<&'a Value> {
    expand(root, here).into_iter().filter_map(step).collect()
}

/// `schemas` with their `$ref`s resolved and their `oneOf`/`anyOf`/`allOf` alternatives added.
fn expand<'a>(root: &'a Value, schemas: &[&'a Value]) -> Vec<&'a Value> {
    let mut out = Vec::new();
    let mut todo: Vec<&Value> = schemas.to_vec();
    while let Some(s) = todo.pop() {
        if let Some(target) = s.get("$ref").and_then(Value::as_str) {
            let pointer = target.strip_prefix('#').unwrap_or(target);
            if let Some(t) = root.pointer(pointer) {
                todo.push(t);
            }
            continue;
        }
        for key in ["oneOf", "anyOf", "allOf"] {
            todo.extend(s.get(key).and_then(Value::as_array).into_iter().flatten());
        }
        out.push(s);
    }
    out
}

fn placeholder(root: &Value, here: &[&Value], returns: Returns) -> Option<Value> {
    let schemas = expand(root, here);
    let fits = |t: &str| match returns {
        Returns::Any => true,
        Returns::Scalar => matches!(t, "string" | "number" | "integer" | "boolean"),
        Returns::List => t == "array",
        Returns::Integer => matches!(t, "number" | "integer"),
    };
    for s in &schemas {
        if let Some(first) = s
            .get("enum")
            .and_then(Value::as_array)
            .and_then(|e| e.first())
        {
            let t = match first {
                Value::String(_) => "string",
                Value::Number(_) => "number",
                _ => continue,
            };
            if fits(t) {
                return Some(first.clone());
            }
        }
        let types: Vec<&str> = match s.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let number = |key: &str| s.get(key).and_then(Value::as_u64);
        if let Some(t) = types.into_iter().find(|t| fits(t)) {
            return Some(match t {
                "string" => json!("x".repeat(number("minLength").unwrap_or(1).max(1) as usize)),
                "number" | "integer" => s.get("minimum").cloned().unwrap_or(json!(0)),
                "boolean" => json!(false),
                "array" => json!([]),
                _ => json!({}),
            });
        }
    }
    None
}
