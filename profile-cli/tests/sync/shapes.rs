//! The fixtures' bodies against the vendored service model (`tests/service-models/bedrock.json`, botocore's
//! shapes): member names, required members, types, enum values and lengths.

use serde_json::Value;

/// Every problem of `value` as an instance of `shape`: unknown members, missing required ones, wrong types, enum
/// values and lengths outside the model.
pub fn check_shape(
    model: &Value,
    shape: &str,
    value: &Value,
    at: &str,
    problems: &mut Vec<String>,
) {
    let s = &model["shapes"][shape];
    let mut problem = |what: String| problems.push(format!("{at}: {what}"));
    let length = |n: usize, problem: &mut dyn FnMut(String)| {
        let (min, max) = (s["min"].as_u64(), s["max"].as_u64());
        if min.is_some_and(|m| (n as u64) < m) || max.is_some_and(|m| (n as u64) > m) {
            problem(format!("length {n} outside {min:?}..={max:?} of {shape}"));
        }
    };
    match s["type"].as_str() {
        Some("structure") => {
            let Some(object) = value.as_object() else {
                return problem(format!("{shape} is a structure, found {value}"));
            };
            for (name, member) in object {
                match s["members"].get(name) {
                    Some(m) => check_shape(
                        model,
                        m["shape"].as_str().unwrap_or(""),
                        member,
                        &format!("{at}.{name}"),
                        problems,
                    ),
                    None => problems.push(format!("{at}: {shape} has no member `{name}`")),
                }
            }
            for required in s["required"].as_array().into_iter().flatten() {
                let name = required.as_str().unwrap_or("");
                if !object.contains_key(name) {
                    problems.push(format!("{at}: {shape} requires `{name}`"));
                }
            }
        }
        Some("list") => {
            let Some(items) = value.as_array() else {
                return problem(format!("{shape} is a list, found {value}"));
            };
            length(items.len(), &mut problem);
            for (i, item) in items.iter().enumerate() {
                let member = s["member"]["shape"].as_str().unwrap_or("");
                check_shape(model, member, item, &format!("{at}[{i}]"), problems);
            }
        }
        Some("string") => {
            let Some(text) = value.as_str() else {
                return problem(format!("{shape} is a string, found {value}"));
            };
            length(text.chars().count(), &mut problem);
            if let Some(values) = s["enum"].as_array()
                && !values.iter().any(|v| v == text)
            {
                problem(format!("`{text}` is not one of {shape}: {values:?}"));
            }
        }
        Some("timestamp") => {
            // `timestampFormat: iso8601` in these shapes: 2026-01-15T00:00:00Z, fractions allowed.
            let ok = value.as_str().is_some_and(|t| {
                t.len() >= 20 && t.as_bytes()[10] == b'T' && t.ends_with('Z') && t.is_ascii()
            });
            if !ok || s["timestampFormat"] != "iso8601" {
                problem(format!("{shape} is an ISO 8601 timestamp, found {value}"));
            }
        }
        Some("boolean") if !value.is_boolean() => {
            problem(format!("{shape} is a boolean, found {value}"))
        }
        Some("integer" | "long") if !value.is_i64() => {
            problem(format!("{shape} is an integer, found {value}"))
        }
        Some("boolean" | "integer" | "long") => {}
        other => problem(format!(
            "{shape} has a type the checker does not know: {other:?}"
        )),
    }
}
