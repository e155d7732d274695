//! An inference profile as declared: read from any front end, merged with its base, checked by the rulebook.

use super::keys::{FileProfileKey, ProfileKey};
use super::nested::{GuardrailDecl, ReasoningDecl};

use super::read::{Reader, StringEntry};
use super::{Entry, Issues, Name, Node, Raw, Setting, Syntax, kebab_case};
use crate::models::ModelRef;
use crate::profile::{InferenceProfile, JsonSchema, ResponseFormat};
use crate::rules::{self, Surface, Violation};
use crate::shared::Shared;
use crate::tags::{self, Layer, Tags};
use std::borrow::Cow;

/// A profile as declared: each value with its location.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileDecl<L> {
    /// The const's name (DSL) or the table's name (files): the default `name`, in kebab-case.
    pub ident: Name<L>,
    /// `name`
    pub name: Setting<String, L>,
    /// `description`
    pub description: Setting<String, L>,
    /// `version`
    pub version: Setting<u32, L>,
    /// `model`
    pub model: Setting<ModelRef, L>,
    /// `temperature`
    pub temperature: Setting<f32, L>,
    /// `top_p`
    pub top_p: Setting<f32, L>,
    /// `top_k`
    pub top_k: Setting<u32, L>,
    /// `max_tokens`
    pub max_tokens: Setting<u32, L>,
    /// `stop_sequences`, each item with its location.
    pub stop_sequences: Setting<Vec<(String, L)>, L>,
    /// `anthropic_version`
    pub anthropic_version: Setting<String, L>,
    /// `response_format`
    pub response_format: Setting<SchemaDecl<L>, L>,
    /// `reasoning`
    pub reasoning: Setting<ReasoningDecl<L>, L>,
    /// `guardrail`
    pub guardrail: Setting<GuardrailDecl<L>, L>,
    /// `tags`, each key and value with its location.
    pub tags: Setting<Vec<StringEntry<L>>, L>,
    /// `..BASE` (DSL, the path as written) or `extends = "base"` (files).
    pub base: Option<Name<L>>,
}

/// `json_schema { name, description, schema }`.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaDecl<L> {
    /// `name`
    pub name: Setting<String, L>,
    /// `description`
    pub description: Setting<String, L>,
    /// `schema`: the JSON schema text.
    pub schema: Setting<String, L>,
}

impl<L> ProfileDecl<L> {
    /// The default name: the const's or table's name in kebab-case (`HIGH_QUALITY` -> `high-quality`).
    pub fn default_name(&self) -> String {
        kebab_case(&self.ident.text)
    }

    /// Where the first constant expression is, in key order: a value hidden from the declaration layer, so that
    /// a `const` assertion must check the profile rustc builds.
    pub fn first_expression(&self) -> Option<&L> {
        fn expr<T, L>(s: &Setting<T, L>) -> Option<&L> {
            match s {
                Setting::Expr(_, loc) => Some(loc),
                _ => None,
            }
        }
        // Every key, destructured without `..`: a key added to `ProfileDecl` does not compile until it is here.
        let ProfileDecl {
            ident: _,
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
            base: _,
        } = self;
        let schema = match response_format {
            Setting::Set(s, _) => {
                let SchemaDecl {
                    name,
                    description,
                    schema,
                } = s;
                expr(name).or(expr(description)).or(expr(schema))
            }
            other => expr(other),
        };
        [
            expr(name),
            expr(description),
            expr(version),
            expr(model),
            expr(temperature),
            expr(top_p),
            expr(top_k),
            expr(max_tokens),
            expr(stop_sequences),
            expr(anthropic_version),
            schema,
            expr(reasoning),
            expr(guardrail),
            expr(tags),
        ]
        .into_iter()
        .flatten()
        .next()
    }
}

impl<L: Clone> ProfileDecl<L> {
    /// An empty declaration named `ident`.
    pub fn new(ident: Name<L>) -> Self {
        ProfileDecl {
            ident,
            name: Setting::Unset,
            description: Setting::Unset,
            version: Setting::Unset,
            model: Setting::Unset,
            temperature: Setting::Unset,
            top_p: Setting::Unset,
            top_k: Setting::Unset,
            max_tokens: Setting::Unset,
            stop_sequences: Setting::Unset,
            anthropic_version: Setting::Unset,
            response_format: Setting::Unset,
            reasoning: Setting::Unset,
            guardrail: Setting::Unset,
            tags: Setting::Unset,
            base: None,
        }
    }

    /// Reads the entries of one profile. `base` is the DSL's `..BASE`; files write `extends = "..."` among the
    /// entries, and `unset = [...]` for the keys they clear.
    pub fn read(
        ident: Name<L>,
        entries: &[Entry<L>],
        base: Option<Name<L>>,
        syntax: Syntax,
        issues: &mut Issues<L>,
    ) -> Self {
        let mut decl = ProfileDecl::new(ident);
        decl.base = base;
        let mut r = Reader::new(syntax, issues);
        // Not a spelling: files have keys of their own (`extends`, `unset`).
        let file_keys = syntax.is_file();
        let mut all = ProfileKey::names();
        if file_keys {
            all.extend(FileProfileKey::names());
        }
        let mut unset = None;
        let keyed = r.keyed(
            entries,
            "",
            |name| match ProfileKey::from_name(name) {
                Some(k) => Some(Ok(k)),
                None if file_keys => FileProfileKey::from_name(name).map(Err),
                None => None,
            },
            |name| {
                ProfileKey::suggest(name)
                    .map(ProfileKey::as_str)
                    .or_else(|| {
                        file_keys
                            .then(|| FileProfileKey::suggest(name).map(FileProfileKey::as_str))
                            .flatten()
                    })
            },
            &all,
        );
        for (key, entry) in keyed {
            let node = &entry.value;
            match key {
                Ok(key) => decl.set(&mut r, key, node),
                Err(FileProfileKey::Extends) => {
                    if let Setting::Set(base, loc) = r.string("extends", node) {
                        decl.base = Some(Name::new(base, loc));
                    }
                }
                Err(FileProfileKey::Unset) => unset = Some(node),
            }
        }
        if let Some(node) = unset {
            decl.read_unset(&mut r, node);
        }
        decl.no_none_for_defaults(&mut r);
        decl
    }

    fn set(&mut self, r: &mut Reader<'_, L>, key: ProfileKey, node: &Node<L>) {
        let k = key.as_str();
        match key {
            ProfileKey::Name => self.name = r.string(k, node),
            ProfileKey::Description => self.description = r.string(k, node),
            ProfileKey::Version => self.version = r.uint(k, node),
            ProfileKey::Model => self.model = r.model(k, node, true),
            ProfileKey::Temperature => self.temperature = r.float_within(k, node, key),
            ProfileKey::TopP => self.top_p = r.float_within(k, node, key),
            ProfileKey::TopK => self.top_k = r.uint(k, node),
            ProfileKey::MaxTokens => self.max_tokens = r.uint(k, node),
            ProfileKey::StopSequences => self.stop_sequences = r.string_list(k, node),
            ProfileKey::AnthropicVersion => self.anthropic_version = r.string(k, node),
            ProfileKey::ResponseFormat => {
                self.response_format = super::schema::response_format(r, node)
            }
            ProfileKey::Reasoning => self.reasoning = r.reasoning(k, node),
            ProfileKey::Guardrail => self.guardrail = r.guardrail(k, node, true),
            ProfileKey::Tags => self.tags = r.string_table(k, node),
        }
    }

    /// `unset = ["top_p", ...]`: each key cleared, as `key: None` is in Rust.
    fn read_unset(&mut self, r: &mut Reader<'_, L>, node: &Node<L>) {
        let Setting::Set(keys, _) = r.string_list("unset", node) else {
            return;
        };
        for (i, (name, loc)) in keys.iter().enumerate() {
            let path = format!("unset[{i}]");
            let Ok(key) = name.parse::<ProfileKey>() else {
                let key = Name::new(name.clone(), loc.clone());
                let suggestion = ProfileKey::suggest(name).map(ProfileKey::as_str);
                r.nested("unset", |r| {
                    r.unknown(&key, "", suggestion, &ProfileKey::names())
                });
                continue;
            };
            if self.setting_written(key) {
                let message =
                    format!("`{name}` is both set and listed in `unset`; keep one of them");
                r.issues.rule(&path, loc, message);
                continue;
            }
            let cleared = Node {
                value: Raw::Null,
                loc: loc.clone(),
            };
            self.set(r, key, &cleared);
        }
    }

    fn setting_written(&self, key: ProfileKey) -> bool {
        match key {
            ProfileKey::Name => self.name.is_written(),
            ProfileKey::Description => self.description.is_written(),
            ProfileKey::Version => self.version.is_written(),
            ProfileKey::Model => self.model.is_written(),
            ProfileKey::Temperature => self.temperature.is_written(),
            ProfileKey::TopP => self.top_p.is_written(),
            ProfileKey::TopK => self.top_k.is_written(),
            ProfileKey::MaxTokens => self.max_tokens.is_written(),
            ProfileKey::StopSequences => self.stop_sequences.is_written(),
            ProfileKey::AnthropicVersion => self.anthropic_version.is_written(),
            ProfileKey::ResponseFormat => self.response_format.is_written(),
            ProfileKey::Reasoning => self.reasoning.is_written(),
            ProfileKey::Guardrail => self.guardrail.is_written(),
            ProfileKey::Tags => self.tags.is_written(),
        }
    }

    /// `name` and `version` always have a value: `None` there is an error that names the default.
    fn no_none_for_defaults(&mut self, r: &mut Reader<'_, L>) {
        let none = r.syntax.cleared();
        if let Setting::Cleared(loc) = &self.name {
            let message = format!("`name` cannot be {none}; leave it out to use the default name");
            r.issues.rule("name", loc, message);
            self.name = Setting::Invalid;
        }
        if let Setting::Cleared(loc) = &self.version {
            let message =
                format!("`version` cannot be {none}; leave it out to use the default version 1");
            r.issues.rule("version", loc, message);
            self.version = Setting::Invalid;
        }
    }

    /// The profile this declaration makes: the values it sets, then `base`'s for the keys it leaves unset (never
    /// the name), then the defaults. Expressions and wrong values are left unset. `tags` layer over the base's (see
    /// [`Tags`]): the DSL's `..BASE` merges them the same way in `const` code.
    pub fn resolve(&self, base: Option<&InferenceProfile>) -> InferenceProfile {
        fn pick<T: Clone, L>(own: &Setting<T, L>, base: Option<T>) -> Option<T> {
            match own {
                Setting::Set(v, _) => Some(v.clone()),
                Setting::Unset => base,
                Setting::Cleared(_) | Setting::Expr(..) | Setting::Invalid => None,
            }
        }
        fn pick_text<L>(
            own: &Setting<String, L>,
            base: Option<&Cow<'static, str>>,
        ) -> Option<Cow<'static, str>> {
            match own {
                Setting::Set(v, _) => Some(Cow::Owned(v.clone())),
                Setting::Unset => base.cloned(),
                Setting::Cleared(_) | Setting::Expr(..) | Setting::Invalid => None,
            }
        }
        let owned = |s: &String| Cow::Owned(s.clone());
        let b = base;
        let stops = match &self.stop_sequences {
            Setting::Set(items, _) => Shared::from(
                items
                    .iter()
                    .map(|(s, _)| owned(s))
                    .collect::<Vec<Cow<'static, str>>>(),
            ),
            Setting::Unset => b.map_or_else(Shared::default, |b| b.stop_sequences.clone()),
            _ => Shared::default(),
        };
        let format = match &self.response_format {
            Setting::Set(schema, _) => schema.resolve().map(ResponseFormat::JsonSchema),
            Setting::Unset => b.and_then(|b| b.response_format.clone()),
            _ => None,
        };
        let tags = match &self.tags {
            Setting::Set(items, _) => {
                let own = Tags::Owned(
                    items
                        .iter()
                        .map(|t| (t.key.text.clone(), t.value.clone()))
                        .collect(),
                );
                match b {
                    Some(b) if !b.tags.is_empty() => own.over(&b.tags),
                    _ => own,
                }
            }
            Setting::Unset => b.map_or(Tags::NONE, |b| b.tags.clone()),
            _ => Tags::NONE,
        };
        InferenceProfile {
            name: Cow::Owned(match &self.name {
                Setting::Set(name, _) => name.clone(),
                _ => self.default_name(),
            }),
            description: pick_text(&self.description, b.and_then(|b| b.description.as_ref())),
            version: match &self.version {
                Setting::Set(v, _) => *v,
                _ => b.map_or(1, |b| b.version),
            },
            model: pick(&self.model, b.and_then(|b| b.model.clone())),
            temperature: pick(&self.temperature, b.and_then(|b| b.temperature)),
            top_p: pick(&self.top_p, b.and_then(|b| b.top_p)),
            top_k: pick(&self.top_k, b.and_then(|b| b.top_k)),
            max_tokens: pick(&self.max_tokens, b.and_then(|b| b.max_tokens)),
            stop_sequences: stops,
            anthropic_version: pick_text(
                &self.anthropic_version,
                b.and_then(|b| b.anthropic_version.as_ref()),
            ),
            response_format: format,
            reasoning: match &self.reasoning {
                Setting::Set(r, _) => Some(r.resolve()),
                Setting::Unset => b.and_then(|b| b.reasoning),
                _ => None,
            },
            guardrail: match &self.guardrail {
                Setting::Set(g, _) => g.resolve(),
                Setting::Unset => b.and_then(|b| b.guardrail.clone()),
                _ => None,
            },
            tags,
        }
    }

    /// Runs the rulebook for `surface` on [`Self::resolve`]`(base)` and records each violation on the value that
    /// causes it: the value this declaration writes, else `extends` (noting that it is inherited), else the
    /// const's or table's name for the default name. A violation of a value this layer cannot see (an
    /// expression, or a base it is not given) is left to the `const` assertion.
    pub fn check(
        &self,
        base: Option<&InferenceProfile>,
        surface: Surface,
        syntax: Syntax,
        issues: &mut Issues<L>,
    ) -> InferenceProfile {
        let profile = self.resolve(base);
        let violations = rules::check(&profile, surface);
        // Computed once: a file may have thousands of tags, and each violation of one looks it up.
        let layers = if violations.iter().any(|v| v.key() == ProfileKey::Tags) {
            self.tag_layers(base)
        } else {
            Vec::new()
        };
        for violation in violations {
            self.place(
                &violation,
                &profile,
                base.is_some(),
                &layers,
                syntax,
                issues,
            );
        }
        profile
    }

    /// The warnings of `profile` (this declaration resolved) with where each points: the model, the tags, or the
    /// value of `reasoning.budget_tokens`; a value this declaration inherits points at the const's or table's name.
    pub fn warnings(&self, profile: &InferenceProfile) -> Vec<(L, String)> {
        rules::warnings(profile, None)
            .into_iter()
            .map(|w| {
                let loc = match w.key() {
                    ProfileKey::Model => self.model.loc(),
                    ProfileKey::Tags => self.tags.loc(),
                    _ => match &self.reasoning {
                        Setting::Set(r, loc) => r.budget_tokens.loc().or(Some(loc)),
                        other => other.loc(),
                    },
                };
                (loc.unwrap_or(&self.ident.loc).clone(), w.to_string())
            })
            .collect()
    }

    /// Where each tag of the resolved profile comes from (see [`tags::layering`]): this declaration's `tags`
    /// entries over `base`'s.
    fn tag_layers(&self, base: Option<&InferenceProfile>) -> Vec<Layer> {
        let Setting::Set(items, _) = &self.tags else {
            return Vec::new();
        };
        let base_tags = base.map_or(&Tags::NONE, |b| &b.tags);
        let own = items.iter().map(|t| t.key.text.as_str());
        tags::layering(own, base_tags.iter().map(|(k, _)| k))
    }

    fn place(
        &self,
        v: &Violation<'_>,
        profile: &InferenceProfile,
        base_known: bool,
        tag_layers: &[Layer],
        syntax: Syntax,
        issues: &mut Issues<L>,
    ) {
        // A rule that asks for a value this declaration leaves to a base it is not given (`max_tokens` for a
        // thinking budget): the base may set it, so the `const` assertion checks the merged profile (and a base
        // with an error, reported on it, sets nothing the layer could see).
        if !base_known
            && self.base.is_some()
            && matches!(v, Violation::BudgetNeedsMaxTokens)
            && !self.max_tokens.is_written()
        {
            return;
        }
        let key = v.key();
        let mut path = key.as_str().to_owned();
        let own = match key {
            ProfileKey::Name => self.name.loc(),
            ProfileKey::Description => self.description.loc(),
            ProfileKey::Version => self.version.loc(),
            ProfileKey::Model => self.model.loc(),
            ProfileKey::Temperature => self.temperature.loc(),
            ProfileKey::TopP => self.top_p.loc(),
            ProfileKey::TopK => self.top_k.loc(),
            ProfileKey::MaxTokens => self.max_tokens.loc(),
            ProfileKey::StopSequences => match (&self.stop_sequences, v.item()) {
                (Setting::Set(items, _), Some(i)) if i < items.len() => {
                    path = format!("{path}[{i}]");
                    Some(&items[i].1)
                }
                (setting, _) => setting.loc(),
            },
            ProfileKey::AnthropicVersion => self.anthropic_version.loc(),
            ProfileKey::Tags => match (&self.tags, v.item()) {
                (Setting::Set(items, _), Some(i)) => {
                    if let Some((tag, _)) = profile.tags.get(i) {
                        path = super::join(&path, tag);
                    }
                    let own = match tag_layers.get(i) {
                        Some(Layer::Own(o) | Layer::Overridden { own: o, .. }) => Some(*o),
                        Some(Layer::Base(_)) | None => None,
                    };
                    own.map(|j| {
                        if v.is_tag_value() {
                            &items[j].value_loc
                        } else {
                            &items[j].key.loc
                        }
                    })
                }
                (setting, _) => setting.loc(),
            },
            ProfileKey::ResponseFormat => match &self.response_format {
                Setting::Set(schema, loc) => match v {
                    Violation::SchemaNameEmpty => {
                        path.push_str(".json_schema.name");
                        schema.name.loc()
                    }
                    _ => {
                        path.push_str(".json_schema.schema");
                        schema.schema.loc().or(Some(loc))
                    }
                },
                other => other.loc(),
            },
            ProfileKey::Reasoning => {
                nested_loc(&self.reasoning, v, &mut path, ReasoningDecl::loc_of)
            }
            ProfileKey::Guardrail => {
                nested_loc(&self.guardrail, v, &mut path, GuardrailDecl::loc_of)
            }
        };
        let mut message = v.to_string();
        let loc = match own {
            Some(loc) => loc,
            None if key == ProfileKey::Name => {
                message.push_str(&syntax.default_name_note("const"));
                &self.ident.loc
            }
            None => match &self.base {
                Some(base) if base_known => {
                    message.push_str(&format!(" (inherited from `{}`)", base.text));
                    &base.loc
                }
                // The base is another item: the `const` assertion checks the merged profile.
                Some(_) => return,
                None => &self.ident.loc,
            },
        };
        issues.rule(&path, loc, message);
    }
}

/// Where a violation of a nested table's `field` is: the field's value, else the table.
fn nested_loc<'d, T, L>(
    setting: &'d Setting<T, L>,
    v: &Violation<'_>,
    path: &mut String,
    loc_of: impl Fn(&'d T, &str) -> Option<&'d L>,
) -> Option<&'d L> {
    match setting {
        Setting::Set(decl, loc) => match v.field() {
            Some(field) => {
                path.push('.');
                path.push_str(field);
                loc_of(decl, field).or(Some(loc))
            }
            None => Some(loc),
        },
        other => other.loc(),
    }
}

impl<L: Clone> SchemaDecl<L> {
    fn resolve(&self) -> Option<JsonSchema> {
        Some(JsonSchema {
            name: self.name.value().cloned().map(Cow::Owned),
            description: self.description.value().cloned().map(Cow::Owned),
            schema: Shared::from(self.schema.value()?.clone()),
        })
    }
}
