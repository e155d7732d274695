//! A declaration from a runtime profile: how `include_profiles!` and a same-invocation `..BASE` write a profile
//! that is already resolved through the same emitters as a declared one.

use super::nested::{GuardrailDecl, ReasoningDecl};
use super::profile::{ProfileDecl, SchemaDecl};
use super::read::StringEntry;
use super::{Name, Setting};
use crate::profile::{InferenceProfile, JsonSchema, ResponseFormat};
use std::borrow::Cow;

impl<L: Clone> ProfileDecl<L> {
    /// The declaration of a resolved profile (every value set, at `loc`): what a file's profile generates in
    /// `include_profiles!`, so that its const and rustdoc are built like the DSL's.
    pub fn from_profile(ident: Name<L>, profile: &InferenceProfile) -> Self {
        // Every field, destructured without `..`: a field added to `InferenceProfile` does not compile until it is
        // carried here (`include_profiles!` and a same-invocation `..BASE` write their consts from this).
        let InferenceProfile {
            name,
            description,
            version,
            model,
            temperature,
            top_p,
            top_k,
            max_tokens,
            stop_sequences,
            anthropic_version,
            response_format,
            reasoning,
            guardrail,
            tags,
        } = profile;
        let loc = ident.loc.clone();
        let text = |v: &Option<Cow<'static, str>>| match v {
            Some(v) => Setting::Set(v.to_string(), loc.clone()),
            None => Setting::Unset,
        };
        let opt = |v: Option<f32>| v.map_or(Setting::Unset, |v| Setting::Set(v, loc.clone()));
        let int = |v: Option<u32>| v.map_or(Setting::Unset, |v| Setting::Set(v, loc.clone()));
        let mut decl = ProfileDecl::new(ident);
        decl.name = Setting::Set(name.to_string(), loc.clone());
        decl.description = text(description);
        decl.version = Setting::Set(*version, loc.clone());
        decl.model = model
            .clone()
            .map_or(Setting::Unset, |m| Setting::Set(m, loc.clone()));
        decl.temperature = opt(*temperature);
        decl.top_p = opt(*top_p);
        decl.top_k = int(*top_k);
        decl.max_tokens = int(*max_tokens);
        if !stop_sequences.is_empty() {
            let items = stop_sequences
                .iter()
                .map(|s| (s.to_string(), loc.clone()))
                .collect();
            decl.stop_sequences = Setting::Set(items, loc.clone());
        }
        decl.anthropic_version = text(anthropic_version);
        if let Some(ResponseFormat::JsonSchema(JsonSchema {
            name,
            description,
            schema,
        })) = response_format
        {
            let schema = SchemaDecl {
                name: text(name),
                description: text(description),
                schema: Setting::Set(schema.to_string(), loc.clone()),
            };
            decl.response_format = Setting::Set(schema, loc.clone());
        }
        if let Some(r) = reasoning {
            decl.reasoning = Setting::Set(ReasoningDecl::from_config(r, &loc), loc.clone());
        }
        if let Some(g) = guardrail {
            decl.guardrail = Setting::Set(GuardrailDecl::from_config(g, &loc), loc.clone());
        }
        if !tags.is_empty() {
            let tags = tags
                .iter()
                .map(|(key, value)| StringEntry {
                    key: Name::new(key, loc.clone()),
                    value: value.to_owned(),
                    value_loc: loc.clone(),
                })
                .collect();
            decl.tags = Setting::Set(tags, loc.clone());
        }
        decl
    }
}
