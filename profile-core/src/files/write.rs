//! Declarations back to TOML, in the format [`super::parse`] reads. Profiles are written by their serde
//! serialization (the DSL's key names); prompts and agents with the declaration layer's key names.

use super::Declarations;
use crate::decl::keys::{AgentKey, GuardrailKey, PromptKey, SectionKey, UnlistedKey};
use crate::decl::{self, ProfileRef, Syntax};
use crate::models::{ModelRef, ModelTarget};
use crate::prompt::DEFAULT_VARIANT;
use toml::{Table, Value};

fn model(m: &ModelRef) -> Value {
    match m.target {
        ModelTarget::Unlisted(limits) => {
            let mut t = Table::new();
            t.insert(UnlistedKey::Id.as_str().into(), m.id().into());
            t.insert(
                UnlistedKey::MaxOutputTokens.as_str().into(),
                i64::from(limits.max_output_tokens).into(),
            );
            Value::Table(t)
        }
        _ => m.id().into(),
    }
}

pub(super) fn to_toml(d: &Declarations) -> String {
    let mut root = Table::new();
    let mut profiles = Table::new();
    for p in &d.profiles {
        // Serializing a profile cannot fail (strings, numbers, tables); an empty table would be a bug shown as one.
        let table = Table::try_from(&p.profile).unwrap_or_default();
        profiles.insert(p.key.clone(), Value::Table(table));
    }
    let mut prompts = Table::new();
    for p in &d.prompts {
        let mut t = Table::new();
        t.insert(PromptKey::Name.as_str().into(), p.name.as_str().into());
        if let Some(desc) = &p.description {
            t.insert(PromptKey::Description.as_str().into(), desc.as_str().into());
        }
        let mut variants = Table::new();
        for v in &p.variants {
            // Every variant is written in full, so that nothing depends on what it would inherit.
            let mut vt = Table::new();
            if let Some(m) = &v.model {
                vt.insert(PromptKey::Model.as_str().into(), model(m));
            }
            if let Some(k) = v.profile.as_ref().and_then(ProfileRef::name) {
                vt.insert(PromptKey::Profile.as_str().into(), k.into());
            }
            vt.insert(PromptKey::Text.as_str().into(), p.text(v).into());
            if let Some(s) = p.system(v) {
                vt.insert(PromptKey::System.as_str().into(), s.into());
            }
            if v.name == DEFAULT_VARIANT {
                t.extend(vt);
            } else {
                variants.insert(v.name.clone(), Value::Table(vt));
            }
        }
        if !variants.is_empty() {
            t.insert(
                PromptKey::Variant.spelling(Syntax::Toml).into(),
                Value::Table(variants),
            );
        }
        prompts.insert(p.key.clone(), Value::Table(t));
    }
    let mut agents = Table::new();
    for a in &d.agents {
        let mut t = Table::new();
        t.insert(AgentKey::Name.as_str().into(), a.name.as_str().into());
        if let Some(desc) = &a.description {
            t.insert(AgentKey::Description.as_str().into(), desc.as_str().into());
        }
        t.insert(
            AgentKey::Instruction.as_str().into(),
            a.instruction.text.as_str().into(),
        );
        t.insert(AgentKey::Model.as_str().into(), model(&a.model));
        if let Some(ttl) = a.idle_session_ttl {
            t.insert(
                AgentKey::IdleSessionTtl.as_str().into(),
                i64::from(ttl).into(),
            );
        }
        let steps = a
            .steps
            .iter()
            .filter_map(|s| Some((s.step, s.profile.name()?)));
        let templates = a
            .base_prompt_templates
            .iter()
            .map(|t| (t.step, t.text.as_str()));
        for (k, items) in [
            (AgentKey::Steps, steps.collect::<Vec<_>>()),
            (AgentKey::BasePromptTemplates, templates.collect()),
        ] {
            if !items.is_empty() {
                let table: Table = items
                    .into_iter()
                    .map(|(s, v)| (s.key().to_owned(), Value::from(v)))
                    .collect();
                t.insert(k.as_str().into(), Value::Table(table));
            }
        }
        if let Some(decl::ResolvedGuardrail { id, version }) = &a.guardrail {
            let mut g = Table::new();
            g.insert(GuardrailKey::Id.as_str().into(), id.as_str().into());
            g.insert(
                GuardrailKey::Version.as_str().into(),
                version.as_str().into(),
            );
            t.insert(AgentKey::Guardrail.as_str().into(), Value::Table(g));
        }
        agents.insert(a.key.clone(), Value::Table(t));
    }
    for (section, table) in [
        (SectionKey::Profiles, profiles),
        (SectionKey::Prompts, prompts),
        (SectionKey::Agents, agents),
    ] {
        if !table.is_empty() {
            root.insert(section.as_str().into(), Value::Table(table));
        }
    }
    toml::to_string(&root).unwrap_or_default()
}
