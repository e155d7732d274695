//! From the spanned tree to [`Declarations`], calling the rulebook's functions for every rule. File-level rules
//! (keys, types, `extends`, references between tables) are the only ones written here.

use super::tree::{self, Key, Node, Value};
use super::{
    Declarations, Error, ErrorKind, Format, LoadedAgent, LoadedProfile, LoadedPrompt,
    LoadedVariant, line_col,
};
use crate::agent::{self, AgentViolation, PromptType};
use crate::models::{self, ModelRef};
use crate::profile::{InferenceProfile, JsonSchema, ResponseFormat};
use crate::prompt::{self, DEFAULT_VARIANT};
use crate::rules::{self, Surface};
use crate::suggest;
use std::borrow::Cow;
use std::ops::Range;

const TOP_KEYS: &[&str] = &["profiles", "prompts", "agents"];
const PROFILE_KEYS: &[&str] = &[
    "name",
    "description",
    "version",
    "model",
    "temperature",
    "top_p",
    "top_k",
    "max_tokens",
    "stop_sequences",
    "anthropic_version",
    "response_format",
    "extends",
];
const PROMPT_KEYS: &[&str] = &[
    "name",
    "description",
    "model",
    "profile",
    "text",
    "system",
    "variants",
];
const VARIANT_KEYS: &[&str] = &["model", "profile", "text", "system"];
const AGENT_KEYS: &[&str] = &[
    "name",
    "description",
    "instruction",
    "model",
    "profile",
    "idle_session_ttl",
    "steps",
    "base_prompt_templates",
];
const MODEL_KEYS: &[&str] = &["id", "max_output_tokens"];
const SCHEMA_KEYS: &[&str] = &["name", "description", "schema"];

struct Cx<'s> {
    source: &'s str,
    errors: Vec<Error>,
}

impl Cx<'_> {
    fn push(&mut self, kind: ErrorKind, path: &str, span: Range<usize>, message: impl ToString) {
        let (line, column) = line_col(self.source, span.start);
        self.errors.push(Error {
            kind,
            key_path: path.to_owned(),
            line,
            column,
            span,
            message: message.to_string(),
        });
    }

    fn type_error(&mut self, path: &str, node: &Node, expected: &str) {
        let found = node.value.type_name();
        self.push(
            ErrorKind::Type,
            path,
            node.span.clone(),
            format!("`{}` expects {expected}, found {found}", last(path)),
        );
    }

    fn rule(&mut self, path: &str, span: Range<usize>, message: impl ToString) {
        self.push(ErrorKind::Rule, path, span, message);
    }
}

fn last(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The entries of a table, or a type error.
fn table<'n>(cx: &mut Cx<'_>, node: &'n Node, path: &str) -> Option<&'n [(Key, Node)]> {
    match &node.value {
        Value::Table(entries) => Some(entries),
        _ => {
            cx.type_error(path, node, "a table");
            None
        }
    }
}

/// Reports every key of `entries` not in `allowed`, with the closest allowed one.
fn check_keys(
    cx: &mut Cx<'_>,
    entries: &[(Key, Node)],
    path: &str,
    allowed: &[&str],
    special: fn(&str) -> Option<&'static str>,
) {
    for (key, _) in entries {
        if allowed.contains(&key.name.as_str()) {
            continue;
        }
        let suggestion = special(&key.name)
            .filter(|s| allowed.contains(s))
            .or_else(|| suggest::closest_str(&key.name, allowed));
        let message = match suggestion {
            Some(s) => format!("unknown key `{}`; did you mean `{s}`?", key.name),
            None => format!(
                "unknown key `{}`; expected one of {}",
                key.name,
                allowed
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        cx.push(
            ErrorKind::UnknownKey {
                key: key.name.clone(),
                suggestion: suggestion.map(str::to_owned),
            },
            &join(path, &key.name),
            key.span.clone(),
            message,
        );
    }
}

fn no_special(_: &str) -> Option<&'static str> {
    None
}

fn agent_special(name: &str) -> Option<&'static str> {
    agent::AgentKey::suggest(name).map(agent::AgentKey::as_str)
}

fn get<'n>(entries: &'n [(Key, Node)], key: &str) -> Option<&'n Node> {
    entries.iter().find(|(k, _)| k.name == key).map(|(_, n)| n)
}

fn string(cx: &mut Cx<'_>, node: &Node, path: &str) -> Option<String> {
    match &node.value {
        Value::Str(s) => Some(s.clone()),
        _ => {
            cx.type_error(path, node, "a string");
            None
        }
    }
}

fn uint(cx: &mut Cx<'_>, node: &Node, path: &str) -> Option<u32> {
    match node.value {
        Value::Int(Some(i)) if (0..=u32::MAX as i64).contains(&i) => Some(i as u32),
        Value::Int(_) => {
            cx.push(
                ErrorKind::Type,
                path,
                node.span.clone(),
                format!(
                    "`{}` expects an integer within 0..={}",
                    last(path),
                    u32::MAX
                ),
            );
            None
        }
        _ => {
            cx.type_error(path, node, "an integer");
            None
        }
    }
}

fn float(cx: &mut Cx<'_>, node: &Node, path: &str) -> Option<f32> {
    let value = match node.value {
        Value::Float(f) => f,
        Value::Int(Some(i)) => i as f64,
        _ => {
            cx.type_error(path, node, "a number");
            return None;
        }
    };
    let narrow = value as f32;
    if narrow.is_finite() {
        Some(narrow)
    } else {
        cx.push(
            ErrorKind::Type,
            path,
            node.span.clone(),
            format!("`{}` expects a finite number", last(path)),
        );
        None
    }
}

/// `model`: a string (catalog id, cross-region id, ARN) or `{ id, max_output_tokens }`.
fn model(cx: &mut Cx<'_>, node: &Node, path: &str) -> Option<ModelRef> {
    match &node.value {
        Value::Str(id) => match models::resolve(id) {
            Ok(model) => Some(model),
            Err(error @ models::ModelError::Unknown { .. }) => {
                let hint = "(a model the catalog does not know yet: `{ id = \"...\", max_output_tokens = N }`)";
                cx.push(
                    ErrorKind::Model,
                    path,
                    node.span.clone(),
                    format!("{error} {hint}"),
                );
                None
            }
            Err(error) => {
                cx.push(ErrorKind::Model, path, node.span.clone(), error);
                None
            }
        },
        Value::Table(entries) => {
            check_keys(cx, entries, path, MODEL_KEYS, no_special);
            let id_path = join(path, "id");
            let max_path = join(path, "max_output_tokens");
            let id = get(entries, "id").and_then(|n| string(cx, n, &id_path));
            let max = get(entries, "max_output_tokens").and_then(|n| uint(cx, n, &max_path));
            for (key, present) in [("id", id.is_some()), ("max_output_tokens", max.is_some())] {
                if get(entries, key).is_none() && !present {
                    cx.push(
                        ErrorKind::MissingKey { key },
                        path,
                        node.span.clone(),
                        format!("missing key `{key}`: an unlisted model is `{{ id = \"...\", max_output_tokens = N }}`"),
                    );
                }
            }
            match models::unlisted_owned(id?, max?) {
                Ok(model) => Some(model),
                Err(message) => {
                    cx.push(ErrorKind::Model, &id_path, node.span.clone(), message);
                    None
                }
            }
        }
        _ => {
            cx.type_error(
                path,
                node,
                "a model id string or `{ id = \"...\", max_output_tokens = N }`",
            );
            None
        }
    }
}

/// One `profiles.<key>` table, before `extends`.
struct RawProfile {
    key: Key,
    path: String,
    profile: InferenceProfile,
    /// Spans of the values this table sets.
    set: Vec<(rules::Key, Range<usize>)>,
    stop_spans: Vec<Range<usize>>,
    extends: Option<(String, Range<usize>)>,
}

impl RawProfile {
    fn span(&self, key: rules::Key) -> Option<Range<usize>> {
        self.set
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, s)| s.clone())
    }
}

fn raw_profile(cx: &mut Cx<'_>, key: &Key, node: &Node) -> Option<RawProfile> {
    let path = format!("profiles.{}", key.name);
    let entries = table(cx, node, &path)?;
    check_keys(cx, entries, &path, PROFILE_KEYS, |k| {
        rules::Key::suggest(k).map(rules::Key::as_str)
    });
    let mut raw = RawProfile {
        key: key.clone(),
        path: path.clone(),
        profile: InferenceProfile::EMPTY,
        set: Vec::new(),
        stop_spans: Vec::new(),
        extends: None,
    };
    raw.profile.name = Cow::Owned(key.name.clone());
    for (k, value) in entries {
        let p = join(&path, &k.name);
        let Some(rule_key) = rules::Key::from_name(&k.name) else {
            if k.name == "extends"
                && let Some(s) = string(cx, value, &p)
            {
                raw.extends = Some((s, value.span.clone()));
            }
            continue;
        };
        let profile = &mut raw.profile;
        let ok = match rule_key {
            rules::Key::Name => string(cx, value, &p).map(|s| profile.name = Cow::Owned(s)),
            rules::Key::Description => {
                string(cx, value, &p).map(|s| profile.description = Some(Cow::Owned(s)))
            }
            rules::Key::Version => uint(cx, value, &p).map(|v| profile.version = v),
            rules::Key::Model => model(cx, value, &p).map(|m| profile.model = Some(m)),
            rules::Key::Temperature => float(cx, value, &p).map(|v| profile.temperature = Some(v)),
            rules::Key::TopP => float(cx, value, &p).map(|v| profile.top_p = Some(v)),
            rules::Key::TopK => uint(cx, value, &p).map(|v| profile.top_k = Some(v)),
            rules::Key::MaxTokens => uint(cx, value, &p).map(|v| profile.max_tokens = Some(v)),
            rules::Key::StopSequences => match &value.value {
                Value::Array(items) => {
                    let mut stops = Vec::new();
                    for (i, item) in items.iter().enumerate() {
                        if let Some(s) = string(cx, item, &format!("{p}[{i}]")) {
                            stops.push(Cow::Owned(s));
                            raw.stop_spans.push(item.span.clone());
                        }
                    }
                    profile.stop_sequences = Cow::Owned(stops);
                    Some(())
                }
                _ => {
                    cx.type_error(&p, value, "an array of strings");
                    None
                }
            },
            rules::Key::AnthropicVersion => {
                string(cx, value, &p).map(|s| profile.anthropic_version = Some(Cow::Owned(s)))
            }
            rules::Key::ResponseFormat => response_format(cx, value, &p)
                .map(|f| profile.response_format = Some(ResponseFormat::JsonSchema(f))),
        };
        if ok.is_some() {
            raw.set.push((rule_key, value.span.clone()));
        }
    }
    Some(raw)
}

/// `response_format = { json_schema = { name, description, schema } }`.
fn response_format(cx: &mut Cx<'_>, node: &Node, path: &str) -> Option<JsonSchema> {
    let entries = table(cx, node, path)?;
    check_keys(cx, entries, path, &["json_schema"], no_special);
    let p = join(path, "json_schema");
    let Some(inner) = get(entries, "json_schema") else {
        cx.push(
            ErrorKind::MissingKey { key: "json_schema" },
            path,
            node.span.clone(),
            "missing key `json_schema`: write `response_format = { json_schema = { name = \"...\", schema = \"{...}\" } }`",
        );
        return None;
    };
    let entries = table(cx, inner, &p)?;
    check_keys(cx, entries, &p, SCHEMA_KEYS, no_special);
    let name = get(entries, "name").and_then(|n| string(cx, n, &join(&p, "name")));
    let description =
        get(entries, "description").and_then(|n| string(cx, n, &join(&p, "description")));
    let Some(schema_node) = get(entries, "schema") else {
        cx.push(
            ErrorKind::MissingKey { key: "schema" },
            &p,
            inner.span.clone(),
            "missing key `schema`: the JSON schema as a string",
        );
        return None;
    };
    let schema = string(cx, schema_node, &join(&p, "schema"))?;
    Some(JsonSchema {
        name: name.map(Cow::Owned),
        description: description.map(Cow::Owned),
        schema: Cow::Owned(schema),
    })
}

/// Applies `extends`: every key the table does not set comes from its base, except the name.
fn merge(child: &RawProfile, base: &InferenceProfile) -> InferenceProfile {
    let set = |k| child.set.iter().any(|(key, _)| *key == k);
    let c = &child.profile;
    InferenceProfile {
        name: c.name.clone(),
        description: c.description.clone().or_else(|| base.description.clone()),
        version: if set(rules::Key::Version) {
            c.version
        } else {
            base.version
        },
        model: c.model.clone().or_else(|| base.model.clone()),
        temperature: c.temperature.or(base.temperature),
        top_p: c.top_p.or(base.top_p),
        top_k: c.top_k.or(base.top_k),
        max_tokens: c.max_tokens.or(base.max_tokens),
        stop_sequences: if set(rules::Key::StopSequences) {
            c.stop_sequences.clone()
        } else {
            base.stop_sequences.clone()
        },
        anthropic_version: c
            .anthropic_version
            .clone()
            .or_else(|| base.anthropic_version.clone()),
        response_format: c
            .response_format
            .clone()
            .or_else(|| base.response_format.clone()),
    }
}

/// Resolves every profile's `extends`; `None` for a profile whose chain is broken (reported).
fn resolve_profiles(cx: &mut Cx<'_>, raws: &[RawProfile]) -> Vec<Option<InferenceProfile>> {
    let index = |name: &str| raws.iter().position(|r| r.key.name == name);
    // Errors first: a missing base, or a chain that comes back to the profile.
    let mut broken = vec![false; raws.len()];
    for (i, raw) in raws.iter().enumerate() {
        let Some((base, span)) = &raw.extends else {
            continue;
        };
        let path = join(&raw.path, "extends");
        if index(base).is_none() {
            let mut message = format!("`extends` names no profile: `{base}` is not declared");
            let names: Vec<&str> = raws.iter().map(|r| r.key.name.as_str()).collect();
            if let Some(s) = suggest::closest_str(base, &names) {
                message.push_str(&format!("; did you mean `{s}`?"));
            }
            cx.push(
                ErrorKind::ExtendsMissing {
                    profile: base.clone(),
                },
                &path,
                span.clone(),
                message,
            );
            broken[i] = true;
            continue;
        }
        let mut chain = vec![raw.key.name.as_str()];
        let mut at = i;
        while let Some((next, _)) = &raws[at].extends {
            let Some(n) = index(next) else { break };
            chain.push(&raws[n].key.name);
            if n == i {
                cx.push(
                    ErrorKind::ExtendsCycle,
                    &path,
                    span.clone(),
                    format!("`extends` makes a cycle: {}", chain.join(" -> ")),
                );
                broken[i] = true;
                break;
            }
            if chain.len() > raws.len() + 1 {
                break; // a cycle further up, reported on its own members
            }
            at = n;
        }
    }
    // Then the merge, bases first (memoized; a chain through a broken profile is broken).
    let mut done: Vec<Option<Option<InferenceProfile>>> = vec![None; raws.len()];
    fn resolve(
        i: usize,
        raws: &[RawProfile],
        broken: &[bool],
        done: &mut Vec<Option<Option<InferenceProfile>>>,
        depth: usize,
    ) -> Option<InferenceProfile> {
        if let Some(result) = &done[i] {
            return result.clone();
        }
        if broken[i] || depth > raws.len() {
            return None;
        }
        let result = match &raws[i].extends {
            None => Some(raws[i].profile.clone()),
            Some((base, _)) => {
                let b = raws.iter().position(|r| r.key.name == *base)?;
                resolve(b, raws, broken, done, depth + 1).map(|base| merge(&raws[i], &base))
            }
        };
        done[i] = Some(result.clone());
        result
    }
    (0..raws.len())
        .map(|i| resolve(i, raws, &broken, &mut done, 0))
        .collect()
}

/// Runs the rulebook on a resolved profile and places each violation on the value that causes it.
fn check_profile(cx: &mut Cx<'_>, raw: &RawProfile, profile: &InferenceProfile) {
    for v in rules::check(profile, Surface::Converse) {
        let key = v.key();
        let mut path = join(&raw.path, key.as_str());
        let mut message = v.to_string();
        let span = match (v.item(), raw.span(key)) {
            (Some(i), Some(_)) if i < raw.stop_spans.len() => {
                path = format!("{path}[{i}]");
                raw.stop_spans[i].clone()
            }
            (_, Some(span)) => span,
            (_, None) if key == rules::Key::Name => {
                message
                    .push_str(" (the default name, from the table's name; set `name = \"...\"`)");
                raw.key.span.clone()
            }
            (_, None) => match &raw.extends {
                Some((base, span)) => {
                    message.push_str(&format!(" (inherited from `{base}`)"));
                    span.clone()
                }
                None => raw.key.span.clone(),
            },
        };
        cx.rule(&path, span, message);
    }
}

pub(super) fn decode(source: &str, format: Format) -> Result<Declarations, Vec<Error>> {
    let mut cx = Cx {
        source,
        errors: Vec::new(),
    };
    let root = match format {
        Format::Toml => tree::parse_toml(source),
        Format::Json => tree::parse_json(source),
    };
    let root = match root {
        Ok(root) => root,
        Err(e) => {
            cx.push(ErrorKind::Syntax, "", e.span, e.message);
            return Err(cx.errors);
        }
    };
    let Some(top) = table(&mut cx, &root, "") else {
        return Err(cx.errors);
    };
    check_keys(&mut cx, top, "", TOP_KEYS, no_special);
    let section = |cx: &mut Cx<'_>, name: &str| -> Vec<(Key, Node)> {
        match get(top, name) {
            Some(node) => table(cx, node, name).map(<[_]>::to_vec).unwrap_or_default(),
            None => Vec::new(),
        }
    };
    let profile_nodes = section(&mut cx, "profiles");
    let prompt_nodes = section(&mut cx, "prompts");
    let agent_nodes = section(&mut cx, "agents");

    let raws: Vec<RawProfile> = profile_nodes
        .iter()
        .filter_map(|(k, n)| raw_profile(&mut cx, k, n))
        .collect();
    let resolved = resolve_profiles(&mut cx, &raws);
    let mut profiles = Vec::new();
    for (raw, profile) in raws.iter().zip(&resolved) {
        if let Some(profile) = profile {
            check_profile(&mut cx, raw, profile);
            profiles.push(LoadedProfile {
                key: raw.key.name.clone(),
                profile: profile.clone(),
            });
        }
    }
    let known: Vec<&str> = raws.iter().map(|r| r.key.name.as_str()).collect();

    let mut prompts = Vec::new();
    for (key, node) in &prompt_nodes {
        if let Some(p) = decode_prompt(&mut cx, key, node, &known, &profiles) {
            prompts.push(p);
        }
    }
    let mut agents = Vec::new();
    for (key, node) in &agent_nodes {
        if let Some(a) = decode_agent(&mut cx, key, node, &known, &profiles) {
            agents.push(a);
        }
    }
    if cx.errors.is_empty() {
        Ok(Declarations {
            profiles,
            prompts,
            agents,
        })
    } else {
        cx.errors.sort_by_key(|e| e.span.start);
        Err(cx.errors)
    }
}

/// A `profile = "<key>"` reference: the key if the file declares it.
fn profile_ref(cx: &mut Cx<'_>, node: &Node, path: &str, known: &[&str]) -> Option<String> {
    let name = string(cx, node, path)?;
    if known.contains(&name.as_str()) {
        return Some(name);
    }
    let mut message = format!(
        "`{}` names no profile: `{name}` is not declared in `profiles`",
        last(path)
    );
    if let Some(s) = suggest::closest_str(&name, known) {
        message.push_str(&format!("; did you mean `{s}`?"));
    }
    cx.push(
        ErrorKind::ProfileMissing {
            profile: name.clone(),
        },
        path,
        node.span.clone(),
        message,
    );
    None
}

fn find<'p>(profiles: &'p [LoadedProfile], key: &str) -> Option<&'p InferenceProfile> {
    profiles.iter().find(|p| p.key == key).map(|p| &p.profile)
}

/// A template (`text`, `system`): checked with the prompt rules; its variables in order of first use.
fn template(cx: &mut Cx<'_>, node: &Node, path: &str) -> Option<(String, Vec<String>)> {
    let text = string(cx, node, path)?;
    match prompt::check_template(&text) {
        Ok(parsed) => {
            let vars = parsed.variables().into_iter().map(str::to_owned).collect();
            Some((text, vars))
        }
        Err(violations) => {
            for v in violations {
                cx.rule(path, node.span.clone(), v);
            }
            None
        }
    }
}

/// `name` (default: the table's name) and `description` of a prompt or an agent, each checked by its rule.
fn name_and_description(
    cx: &mut Cx<'_>,
    entries: &[(Key, Node)],
    path: &str,
    key: &Key,
    check_name: impl Fn(&str) -> Option<String>,
    check_description: impl Fn(&str) -> Option<String>,
) -> Option<(String, Option<String>)> {
    let name = match get(entries, "name") {
        Some(n) => {
            let p = join(path, "name");
            let name = string(cx, n, &p)?;
            if let Some(v) = check_name(&name) {
                cx.rule(&p, n.span.clone(), v);
            }
            name
        }
        None => {
            if let Some(v) = check_name(&key.name) {
                cx.rule(
                    path,
                    key.span.clone(),
                    format!("{v} (the default name, from the table's name; set `name = \"...\"`)"),
                );
            }
            key.name.clone()
        }
    };
    let description = get(entries, "description").and_then(|n| {
        let p = join(path, "description");
        let d = string(cx, n, &p)?;
        if let Some(v) = check_description(&d) {
            cx.rule(&p, n.span.clone(), v);
        }
        Some(d)
    });
    Some((name, description))
}

fn decode_prompt(
    cx: &mut Cx<'_>,
    key: &Key,
    node: &Node,
    known: &[&str],
    profiles: &[LoadedProfile],
) -> Option<LoadedPrompt> {
    let path = format!("prompts.{}", key.name);
    let entries = table(cx, node, &path)?;
    check_keys(cx, entries, &path, PROMPT_KEYS, no_special);
    let before = cx.errors.len();
    let (name, description) = name_and_description(
        cx,
        entries,
        &path,
        key,
        |n| prompt::check_prompt_name(n).map(|v| v.to_string()),
        |d| rules::check_description(d).map(|v| v.to_string()),
    )?;

    let top = prompt_parts(cx, entries, &path, known);
    if get(entries, "text").is_none() {
        cx.push(
            ErrorKind::MissingKey { key: "text" },
            &path,
            key.span.clone(),
            "missing key `text`: give the template as `text = \"Hello {{name}}\"`",
        );
    }

    let mut variant_parts = vec![(DEFAULT_VARIANT.to_owned(), path.clone(), top)];
    if let Some(vnode) = get(entries, "variants") {
        let vpath = join(&path, "variants");
        if let Some(ventries) = table(cx, vnode, &vpath) {
            for (vkey, vnode) in ventries {
                let p = join(&vpath, &vkey.name);
                if let Some(v) = prompt::check_variant_name(&vkey.name) {
                    cx.rule(&p, vkey.span.clone(), v);
                }
                let names: Vec<&str> = variant_parts
                    .iter()
                    .map(|(n, _, _)| n.as_str())
                    .chain([vkey.name.as_str()])
                    .collect();
                if let Some(v) = prompt::check_variant_unique(&names, names.len() - 1) {
                    cx.rule(&p, vkey.span.clone(), v);
                }
                let Some(e) = table(cx, vnode, &p) else {
                    continue;
                };
                check_keys(cx, e, &p, VARIANT_KEYS, no_special);
                let parts = prompt_parts(cx, e, &p, known);
                variant_parts.push((vkey.name.clone(), p, parts));
            }
        }
    }

    let mut variants = Vec::new();
    let mut checked: Vec<(String, Option<String>)> = Vec::new();
    let top = &variant_parts[0].2;
    for (vname, _, parts) in &variant_parts {
        let model = parts.model.as_ref().or(top.model.as_ref());
        let profile = parts.profile.as_ref().or(top.profile.as_ref());
        let Some((text, text_vars, text_node, text_path)) =
            parts.text.as_ref().or(top.text.as_ref())
        else {
            continue;
        };
        let system = parts.system.as_ref().or(top.system.as_ref());
        let mut variables: Vec<String> = Vec::new();
        for v in system.map(|s| &s.1).into_iter().flatten().chain(text_vars) {
            if !variables.contains(v) {
                variables.push(v.clone());
            }
        }
        if let Some(v) = prompt::check_variable_count(variables.len()) {
            cx.rule(text_path, text_node.span.clone(), v);
        }
        if let Some((pkey, pnode, ppath)) = profile
            && let Some(resolved) = find(profiles, pkey)
        {
            let model_id = model.map(|(m, _)| m.id().to_owned());
            if !checked.contains(&(pkey.clone(), model_id.clone())) {
                checked.push((pkey.clone(), model_id));
                for v in
                    rules::check_for(resolved, Surface::PromptManagement, model.map(|(m, _)| m))
                {
                    cx.rule(ppath, pnode.span.clone(), format!("profile `{pkey}`: {v}"));
                }
            }
        }
        variants.push(LoadedVariant {
            name: vname.clone(),
            model: model.map(|(m, _)| m.clone()),
            profile: profile.map(|(k, _, _)| k.clone()),
            text: text.clone(),
            system: system.map(|s| s.0.clone()),
            variables,
        });
    }
    (cx.errors.len() == before).then_some(LoadedPrompt {
        key: key.name.clone(),
        name,
        description,
        variants,
    })
}

struct Parts<'n> {
    model: Option<(ModelRef, &'n Node)>,
    profile: Option<(String, &'n Node, String)>,
    text: Option<(String, Vec<String>, &'n Node, String)>,
    system: Option<(String, Vec<String>)>,
}

/// The keys a prompt and its variants share.
fn prompt_parts<'n>(
    cx: &mut Cx<'_>,
    entries: &'n [(Key, Node)],
    path: &str,
    known: &[&str],
) -> Parts<'n> {
    let model = get(entries, "model").and_then(|n| {
        let p = join(path, "model");
        let m = model(cx, n, &p)?;
        if let Some(v) = rules::check_model(&m, Surface::PromptManagement) {
            cx.rule(&p, n.span.clone(), v);
        }
        Some((m, n))
    });
    let profile = get(entries, "profile").and_then(|n| {
        let p = join(path, "profile");
        Some((profile_ref(cx, n, &p, known)?, n, p))
    });
    let text = get(entries, "text").and_then(|n| {
        let p = join(path, "text");
        template(cx, n, &p).map(|(t, v)| (t, v, n, p))
    });
    let system = get(entries, "system").and_then(|n| template(cx, n, &join(path, "system")));
    Parts {
        model,
        profile,
        text,
        system,
    }
}

fn step_key(cx: &mut Cx<'_>, key: &Key, path: &str) -> Option<PromptType> {
    match PromptType::from_key(&key.name) {
        Some(step) => Some(step),
        None => {
            let suggestion = PromptType::suggest(&key.name);
            let keys: Vec<String> = PromptType::ALL
                .iter()
                .map(|s| format!("`{}`", s.key()))
                .collect();
            let message = match suggestion {
                Some(s) => format!("unknown step `{}`; did you mean `{}`?", key.name, s.key()),
                None => format!(
                    "unknown step `{}`; expected one of {}",
                    key.name,
                    keys.join(", ")
                ),
            };
            cx.push(
                ErrorKind::UnknownKey {
                    key: key.name.clone(),
                    suggestion: suggestion.map(|s| s.key().to_owned()),
                },
                &join(path, &key.name),
                key.span.clone(),
                message,
            );
            None
        }
    }
}

fn decode_agent(
    cx: &mut Cx<'_>,
    key: &Key,
    node: &Node,
    known: &[&str],
    profiles: &[LoadedProfile],
) -> Option<LoadedAgent> {
    let path = format!("agents.{}", key.name);
    let entries = table(cx, node, &path)?;
    check_keys(cx, entries, &path, AGENT_KEYS, agent_special);
    let before = cx.errors.len();
    let (name, description) = name_and_description(
        cx,
        entries,
        &path,
        key,
        |n| agent::check_name(n).map(|v| v.to_string()),
        |d| agent::check_description(d).map(|v| v.to_string()),
    )?;
    let instruction = match get(entries, "instruction") {
        Some(n) => {
            let p = join(&path, "instruction");
            string(cx, n, &p).inspect(|i| {
                if let Some(v) = agent::check_instruction(i) {
                    cx.rule(&p, n.span.clone(), v);
                }
            })
        }
        None => {
            cx.push(
                ErrorKind::MissingKey { key: "instruction" },
                &path,
                key.span.clone(),
                format!(
                    "missing key `instruction`: Bedrock needs an instruction of {}..={} characters to prepare an agent",
                    crate::limits::INSTRUCTION_CHARS.0,
                    crate::limits::INSTRUCTION_CHARS.1
                ),
            );
            None
        }
    };
    let model_ref = match get(entries, "model") {
        Some(n) => {
            let p = join(&path, "model");
            model(cx, n, &p).inspect(|m| {
                if let Some(v) = agent::check_model(m) {
                    cx.rule(&p, n.span.clone(), v);
                }
            })
        }
        None => {
            cx.push(
                ErrorKind::MissingKey { key: "model" },
                &path,
                key.span.clone(),
                "missing key `model`: the agent's foundation model, like `model = \"anthropic.claude-3-5-sonnet-20241022-v2:0\"`",
            );
            None
        }
    };
    let idle_session_ttl = get(entries, "idle_session_ttl").and_then(|n| {
        let p = join(&path, "idle_session_ttl");
        let seconds = match &n.value {
            Value::Str(text) => match agent::parse_ttl(text) {
                Ok(s) => s,
                Err(e) => {
                    cx.rule(&p, n.span.clone(), e);
                    return None;
                }
            },
            Value::Int(Some(i)) if (0..=u32::MAX as i64).contains(i) => *i as u32,
            _ => {
                cx.type_error(
                    &p,
                    n,
                    "seconds (`600`) or a duration string (\"90s\", \"10m\", \"1h\")",
                );
                return None;
            }
        };
        if let Some(v) = agent::check_idle_session_ttl(seconds) {
            cx.rule(&p, n.span.clone(), v);
        }
        Some(seconds)
    });

    // Step profiles: `profile` is the orchestration step's.
    let mut steps: Vec<(PromptType, String, Range<usize>, String)> = Vec::new();
    if let Some(n) = get(entries, "profile") {
        let p = join(&path, "profile");
        if let Some(k) = profile_ref(cx, n, &p, known) {
            steps.push((PromptType::Orchestration, k, n.span.clone(), p));
        }
    }
    if let Some(n) = get(entries, "steps") {
        let spath = join(&path, "steps");
        if let Some(e) = table(cx, n, &spath) {
            for (k, v) in e {
                let Some(step) = step_key(cx, k, &spath) else {
                    continue;
                };
                let p = join(&spath, &k.name);
                if step == PromptType::Orchestration && get(entries, "profile").is_some() {
                    cx.rule(
                        &p,
                        k.span.clone(),
                        "`profile` and `steps.orchestration` both set the orchestration step's profile; keep one of them",
                    );
                    continue;
                }
                if steps.iter().any(|(s, ..)| *s == step) {
                    cx.rule(
                        &p,
                        k.span.clone(),
                        format!("step `{}` is given twice", step.key()),
                    );
                    continue;
                }
                if let Some(key) = profile_ref(cx, v, &p, known) {
                    steps.push((step, key, v.span.clone(), p));
                }
            }
        }
    }
    let mut base_prompt_templates = Vec::new();
    if let Some(n) = get(entries, "base_prompt_templates") {
        let bpath = join(&path, "base_prompt_templates");
        if let Some(e) = table(cx, n, &bpath) {
            for (k, v) in e {
                let Some(step) = step_key(cx, k, &bpath) else {
                    continue;
                };
                if base_prompt_templates.iter().any(|(s, _)| *s == step) {
                    cx.rule(
                        &join(&bpath, &k.name),
                        k.span.clone(),
                        format!("step `{}` is given twice", step.key()),
                    );
                    continue;
                }
                if let Some(t) = string(cx, v, &join(&bpath, &k.name)) {
                    base_prompt_templates.push((step, t));
                }
            }
        }
    }
    if let Some(model) = &model_ref {
        for (step, pkey, span, p) in &steps {
            if let Some(profile) = find(profiles, pkey) {
                for violation in rules::check_for(profile, Surface::Agent, Some(model)) {
                    let v = AgentViolation::Profile {
                        step: *step,
                        violation,
                    };
                    cx.rule(p, span.clone(), format!("profile `{pkey}`: {v}"));
                }
            }
        }
    }
    steps.sort_by_key(|(s, ..)| PromptType::ALL.iter().position(|x| x == s));
    base_prompt_templates.sort_by_key(|(s, _)| PromptType::ALL.iter().position(|x| x == s));
    if cx.errors.len() != before {
        return None;
    }
    Some(LoadedAgent {
        key: key.name.clone(),
        name,
        description,
        instruction: instruction?,
        model: model_ref?,
        idle_session_ttl,
        steps: steps.into_iter().map(|(s, k, ..)| (s, k)).collect(),
        base_prompt_templates,
    })
}
