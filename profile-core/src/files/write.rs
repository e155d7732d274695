//! Declarations back to TOML, in the format [`super::parse`] reads.

use super::Declarations;
use crate::message::f32_as_written;
use crate::models::{ModelRef, ModelTarget};
use crate::profile::{InferenceProfile, ResponseFormat};
use crate::prompt::DEFAULT_VARIANT;
use toml::{Table, Value};

fn model(m: &ModelRef) -> Value {
    match m.target {
        ModelTarget::Unlisted(limits) => {
            let mut t = Table::new();
            t.insert("id".into(), m.id().into());
            t.insert(
                "max_output_tokens".into(),
                i64::from(limits.max_output_tokens).into(),
            );
            Value::Table(t)
        }
        _ => m.id().into(),
    }
}

fn profile(p: &InferenceProfile) -> Table {
    let mut t = Table::new();
    t.insert("name".into(), p.name().into());
    if let Some(d) = p.description() {
        t.insert("description".into(), d.into());
    }
    t.insert("version".into(), i64::from(p.version).into());
    if let Some(m) = &p.model {
        t.insert("model".into(), model(m));
    }
    if let Some(v) = p.temperature {
        t.insert("temperature".into(), f32_as_written(v).into());
    }
    if let Some(v) = p.top_p {
        t.insert("top_p".into(), f32_as_written(v).into());
    }
    if let Some(v) = p.top_k {
        t.insert("top_k".into(), i64::from(v).into());
    }
    if let Some(v) = p.max_tokens {
        t.insert("max_tokens".into(), i64::from(v).into());
    }
    if !p.stop_sequences.is_empty() {
        t.insert(
            "stop_sequences".into(),
            Value::Array(p.stop_sequences().map(Value::from).collect()),
        );
    }
    if let Some(v) = p.anthropic_version() {
        t.insert("anthropic_version".into(), v.into());
    }
    if let Some(ResponseFormat::JsonSchema(s)) = &p.response_format {
        let mut schema = Table::new();
        if let Some(n) = &s.name {
            schema.insert("name".into(), n.as_ref().into());
        }
        if let Some(d) = &s.description {
            schema.insert("description".into(), d.as_ref().into());
        }
        schema.insert("schema".into(), s.schema.as_ref().into());
        let mut format = Table::new();
        format.insert("json_schema".into(), Value::Table(schema));
        t.insert("response_format".into(), Value::Table(format));
    }
    t
}

pub(super) fn to_toml(d: &Declarations) -> String {
    let mut root = Table::new();
    let mut profiles = Table::new();
    for p in &d.profiles {
        profiles.insert(p.key.clone(), Value::Table(profile(&p.profile)));
    }
    let mut prompts = Table::new();
    for p in &d.prompts {
        let mut t = Table::new();
        t.insert("name".into(), p.name.as_str().into());
        if let Some(desc) = &p.description {
            t.insert("description".into(), desc.as_str().into());
        }
        let mut variants = Table::new();
        for v in &p.variants {
            // Every variant is written in full, so that nothing depends on what it would inherit.
            let mut vt = Table::new();
            if let Some(m) = &v.model {
                vt.insert("model".into(), model(m));
            }
            if let Some(k) = &v.profile {
                vt.insert("profile".into(), k.as_str().into());
            }
            vt.insert("text".into(), v.text.as_str().into());
            if let Some(s) = &v.system {
                vt.insert("system".into(), s.as_str().into());
            }
            if v.name == DEFAULT_VARIANT {
                t.extend(vt);
            } else {
                variants.insert(v.name.clone(), Value::Table(vt));
            }
        }
        if !variants.is_empty() {
            t.insert("variants".into(), Value::Table(variants));
        }
        prompts.insert(p.key.clone(), Value::Table(t));
    }
    let mut agents = Table::new();
    for a in &d.agents {
        let mut t = Table::new();
        t.insert("name".into(), a.name.as_str().into());
        if let Some(desc) = &a.description {
            t.insert("description".into(), desc.as_str().into());
        }
        t.insert("instruction".into(), a.instruction.as_str().into());
        t.insert("model".into(), model(&a.model));
        if let Some(ttl) = a.idle_session_ttl {
            t.insert("idle_session_ttl".into(), i64::from(ttl).into());
        }
        if !a.steps.is_empty() {
            let steps: Table = a
                .steps
                .iter()
                .map(|(s, k)| (s.key().to_owned(), Value::from(k.as_str())))
                .collect();
            t.insert("steps".into(), Value::Table(steps));
        }
        if !a.base_prompt_templates.is_empty() {
            let templates: Table = a
                .base_prompt_templates
                .iter()
                .map(|(s, k)| (s.key().to_owned(), Value::from(k.as_str())))
                .collect();
            t.insert("base_prompt_templates".into(), Value::Table(templates));
        }
        agents.insert(a.key.clone(), Value::Table(t));
    }
    for (name, table) in [
        ("profiles", profiles),
        ("prompts", prompts),
        ("agents", agents),
    ] {
        if !table.is_empty() {
            root.insert(name.into(), Value::Table(table));
        }
    }
    toml::to_string(&root).unwrap_or_default()
}
