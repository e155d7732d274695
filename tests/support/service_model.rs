//! Checks a JSON request body against a shape of an AWS service model (botocore's `service-2.json`, vendored in
//! `tests/service-models/`): structure members (required, no unknown ones), lists and maps (length), strings
//! (length, pattern, enum), numbers (range, integer-ness), unions (exactly one member).

use regex::Regex;
use serde_json::Value;
use std::path::Path;

pub struct ServiceModel {
    shapes: serde_json::Map<String, Value>,
}

impl ServiceModel {
    /// `service` is `bedrock-runtime`, `bedrock-agent` or `bedrock` (the control plane: inference profiles).
    pub fn load(service: &str) -> ServiceModel {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/service-models")
            .join(format!("{service}.json"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let model: Value = serde_json::from_str(&text).unwrap();
        ServiceModel {
            shapes: model["shapes"].as_object().unwrap().clone(),
        }
    }

    /// Every way `value` breaks shape `shape`, as `path: problem` lines; empty when it conforms.
    pub fn check(&self, shape: &str, value: &Value) -> Vec<String> {
        let mut problems = Vec::new();
        self.walk(shape, value, "$", &mut problems);
        problems
    }

    /// Panics with every problem unless `value` conforms to `shape`.
    #[track_caller]
    pub fn assert_conforms(&self, shape: &str, value: &Value) {
        let problems = self.check(shape, value);
        assert!(
            problems.is_empty(),
            "{shape} does not conform:\n{}\n{value:#}",
            problems.join("\n")
        );
    }

    fn walk(&self, name: &str, value: &Value, path: &str, out: &mut Vec<String>) {
        let Some(shape) = self.shapes.get(name) else {
            out.push(format!("{path}: unknown shape {name}"));
            return;
        };
        // A Smithy document (`additionalModelRequestFields`) is any JSON.
        if shape.get("document").and_then(Value::as_bool) == Some(true) {
            return;
        }
        let min = shape.get("min").and_then(Value::as_f64);
        let max = shape.get("max").and_then(Value::as_f64);
        let in_range = |n: f64| min.is_none_or(|m| n >= m) && max.is_none_or(|m| n <= m);
        match shape["type"].as_str().unwrap_or_default() {
            "structure" => {
                let Some(object) = value.as_object() else {
                    out.push(format!("{path}: {name} must be an object"));
                    return;
                };
                let members = shape["members"].as_object().cloned().unwrap_or_default();
                for required in shape
                    .get("required")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let required = required.as_str().unwrap_or_default();
                    // URI-bound members (modelId of Converse) travel in the path, but the bodies carry them too.
                    if !object.contains_key(required) {
                        out.push(format!(
                            "{path}: missing required member `{required}` of {name}"
                        ));
                    }
                }
                if shape.get("union").and_then(Value::as_bool) == Some(true) && object.len() != 1 {
                    out.push(format!(
                        "{path}: union {name} must set exactly one member, found {}",
                        object.len()
                    ));
                }
                for (key, member) in object {
                    match members.get(key) {
                        Some(m) => self.walk(
                            m["shape"].as_str().unwrap_or_default(),
                            member,
                            &format!("{path}.{key}"),
                            out,
                        ),
                        None => out.push(format!("{path}: unknown member `{key}` of {name}")),
                    }
                }
            }
            "list" => {
                let Some(items) = value.as_array() else {
                    out.push(format!("{path}: {name} must be a list"));
                    return;
                };
                if !in_range(items.len() as f64) {
                    out.push(format!(
                        "{path}: {name} has {} items, allowed {min:?}..={max:?}",
                        items.len()
                    ));
                }
                let member = shape["member"]["shape"].as_str().unwrap_or_default();
                for (i, item) in items.iter().enumerate() {
                    self.walk(member, item, &format!("{path}[{i}]"), out);
                }
            }
            "map" => {
                let Some(map) = value.as_object() else {
                    out.push(format!("{path}: {name} must be a map"));
                    return;
                };
                if !in_range(map.len() as f64) {
                    out.push(format!(
                        "{path}: {name} has {} entries, allowed {min:?}..={max:?}",
                        map.len()
                    ));
                }
                let (key_shape, value_shape) = (
                    shape["key"]["shape"].as_str().unwrap_or_default(),
                    shape["value"]["shape"].as_str().unwrap_or_default(),
                );
                for (k, v) in map {
                    self.walk(
                        key_shape,
                        &Value::String(k.clone()),
                        &format!("{path}<key {k}>"),
                        out,
                    );
                    self.walk(value_shape, v, &format!("{path}.{k}"), out);
                }
            }
            "string" => {
                let Some(text) = value.as_str() else {
                    out.push(format!("{path}: {name} must be a string"));
                    return;
                };
                if !in_range(text.chars().count() as f64) {
                    out.push(format!(
                        "{path}: {name} length {} outside {min:?}..={max:?}",
                        text.chars().count()
                    ));
                }
                if let Some(pattern) = shape.get("pattern").and_then(Value::as_str) {
                    let re = Regex::new(&format!("^(?:{pattern})$")).unwrap();
                    if !re.is_match(text) {
                        out.push(format!("{path}: {name} {text:?} does not match {pattern}"));
                    }
                }
                if let Some(values) = shape.get("enum").and_then(Value::as_array)
                    && !values.iter().any(|v| v.as_str() == Some(text))
                {
                    out.push(format!("{path}: {name} {text:?} is not one of {values:?}"));
                }
            }
            "integer" | "long" => match value.as_i64() {
                Some(n) if in_range(n as f64) => {}
                Some(n) => out.push(format!("{path}: {name} {n} outside {min:?}..={max:?}")),
                None => out.push(format!("{path}: {name} must be an integer, found {value}")),
            },
            "float" | "double" => match value.as_f64() {
                Some(n) if in_range(n) => {}
                Some(n) => out.push(format!("{path}: {name} {n} outside {min:?}..={max:?}")),
                None => out.push(format!("{path}: {name} must be a number, found {value}")),
            },
            "boolean" => {
                if !value.is_boolean() {
                    out.push(format!("{path}: {name} must be a boolean"));
                }
            }
            other => out.push(format!(
                "{path}: shape {name} has type {other}, which bodies never carry"
            )),
        }
    }
}
