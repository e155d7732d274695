//! Stage 2: interpret each entry per key, then run the rulebook on every value the macro can see.

use super::ast::{Entry, ProfileDecl};
use crate::ctxt::Ctxt;
use crate::value::{self, Setting, Shape};
use bedrock_profiles_core::models::{self, ModelRef};
use bedrock_profiles_core::rules::{self, Key, Surface};
use bedrock_profiles_core::suggest;
use bedrock_profiles_core::{InferenceProfile, JsonSchema, ResponseFormat};
use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use std::borrow::Cow;
use syn::ext::IdentExt;
use syn::parse::Parser;
use syn::{Ident, Path};

/// One profile after interpretation: every setting typed, the rulebook applied to the literals.
pub struct Profile {
    pub attrs: Vec<syn::Attribute>,
    pub vis: syn::Visibility,
    pub ident: Ident,
    pub base: Option<Path>,
    pub name: Setting<String>,
    pub description: Setting<String>,
    pub version: Setting<u32>,
    pub model: Setting<ModelRef>,
    pub temperature: Setting<f32>,
    pub top_p: Setting<f32>,
    pub top_k: Setting<u32>,
    pub max_tokens: Setting<u32>,
    pub stop_sequences: Setting<Vec<(String, Span)>>,
    pub anthropic_version: Setting<String>,
    pub response_format: Setting<SchemaDecl>,
}

/// `json_schema { name: ..., description: ..., schema: ... }`.
pub struct SchemaDecl {
    pub name: Setting<String>,
    pub description: Setting<String>,
    pub schema: Setting<String>,
}

impl Profile {
    /// Where the first constant expression starts, in key order.
    pub fn first_expression_span(&self) -> Option<Span> {
        fn span<T>(setting: &Setting<T>) -> Option<Span> {
            match setting {
                Setting::Expr(tokens) => tokens.clone().into_iter().next().map(|t| t.span()),
                _ => None,
            }
        }
        let schema = match &self.response_format {
            Setting::Literal(s, _) => span(&s.name).or(span(&s.description)).or(span(&s.schema)),
            other => span(other),
        };
        span(&self.name)
            .or(span(&self.description))
            .or(span(&self.version))
            .or(span(&self.model))
            .or(span(&self.temperature))
            .or(span(&self.top_p))
            .or(span(&self.top_k))
            .or(span(&self.max_tokens))
            .or(span(&self.stop_sequences))
            .or(span(&self.anthropic_version))
            .or(schema)
    }

    /// Whether some value is hidden from the macro (inherited or a constant expression), so that a `const`
    /// assertion must check the merged profile.
    pub fn needs_const_check(&self) -> bool {
        self.base.is_some()
            || self.name.is_expr()
            || self.description.is_expr()
            || self.version.is_expr()
            || self.model.is_expr()
            || self.temperature.is_expr()
            || self.top_p.is_expr()
            || self.top_k.is_expr()
            || self.max_tokens.is_expr()
            || self.stop_sequences.is_expr()
            || self.anthropic_version.is_expr()
            || match &self.response_format {
                Setting::Expr(_) => true,
                Setting::Literal(s, _) => {
                    s.name.is_expr() || s.description.is_expr() || s.schema.is_expr()
                }
                _ => false,
            }
    }
}

pub fn profile(cx: &mut Ctxt, decl: ProfileDecl) -> Profile {
    let mut p = Profile {
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
        attrs: decl.attrs,
        vis: decl.vis,
        ident: decl.ident,
        base: decl.base,
    };
    let mut seen: Vec<Key> = Vec::new();
    for Entry {
        key,
        value,
        value_span,
    } in decl.entries
    {
        let name = key.unraw().to_string();
        let Some(k) = Key::from_name(&name) else {
            unknown_key(cx, &key, &name);
            continue;
        };
        if seen.contains(&k) {
            cx.error(key.span(), format!("duplicate key `{name}`"));
            continue;
        }
        seen.push(k);
        let span = value::first_span(&value, value_span);
        match k {
            Key::Name => p.name = value::string(cx, &name, &value, span),
            Key::Description => p.description = value::string(cx, &name, &value, span),
            Key::Version => p.version = value::integer(cx, &name, &value, span),
            Key::Model => p.model = model(cx, &value, span),
            Key::Temperature => p.temperature = value::float(cx, &name, &value, span),
            Key::TopP => p.top_p = value::float(cx, &name, &value, span),
            Key::TopK => p.top_k = value::integer(cx, &name, &value, span),
            Key::MaxTokens => p.max_tokens = value::integer(cx, &name, &value, span),
            Key::StopSequences => p.stop_sequences = stop_sequences(cx, &value, span),
            Key::AnthropicVersion => p.anthropic_version = value::string(cx, &name, &value, span),
            Key::ResponseFormat => p.response_format = response_format(cx, &value, span),
        }
    }
    match p.name {
        Setting::Unset => {
            let default = value::kebab_case(&p.ident.unraw().to_string());
            p.name = Setting::Literal(default, p.ident.span());
        }
        Setting::Cleared => {
            cx.error(
                p.ident.span(),
                "`name` cannot be `None`; leave it out to use the default name",
            );
            p.name = Setting::Invalid;
        }
        _ => {}
    }
    if let Setting::Cleared = p.version {
        cx.error(
            p.ident.span(),
            "`version` cannot be `None`; leave it out to use the default version 1",
        );
        p.version = Setting::Invalid;
    }
    apply_rulebook(cx, &p, Surface::Converse);
    p
}

fn unknown_key(cx: &mut Ctxt, key: &Ident, name: &str) {
    let message = match Key::suggest(name) {
        Some(k) => format!("unknown key `{name}`; did you mean `{}`?", k.as_str()),
        None => {
            let all: Vec<&str> = Key::ALL.iter().map(|k| k.as_str()).collect();
            format!("unknown key `{name}`; expected one of {}", all.join(", "))
        }
    };
    cx.error(key.span(), message);
}

/// `model: "id"`, `model: unlisted { id: "...", max_output_tokens: N }`, `model: None`, or a `ModelRef` expression.
fn model(cx: &mut Ctxt, tokens: &TokenStream, span: Span) -> Setting<ModelRef> {
    match value::shape(tokens) {
        Shape::Str(lit) => match models::resolve(&lit.value()) {
            Ok(model) => Setting::Literal(model, lit.span()),
            Err(error @ models::ModelError::Unknown { .. }) => {
                cx.error(
                    lit.span(),
                    format!(
                        "{error} (a model the catalog does not know yet: \
                         `unlisted {{ id: \"...\", max_output_tokens: N }}`)"
                    ),
                );
                Setting::Invalid
            }
            Err(error) => {
                cx.error(lit.span(), error);
                Setting::Invalid
            }
        },
        Shape::None => Setting::Cleared,
        Shape::Expr => match braced_call(tokens, "unlisted") {
            Some(body) => unlisted(cx, body, span),
            None => Setting::Expr(tokens.clone()),
        },
        _ => {
            cx.error(span, "`model` expects a model id string, like \"anthropic.claude-3-5-sonnet-20241022-v2:0\"");
            Setting::Invalid
        }
    }
}

/// `ident { ... }` -> the brace group's content.
fn braced_call(tokens: &TokenStream, ident: &str) -> Option<TokenStream> {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    match trees.as_slice() {
        [TokenTree::Ident(i), TokenTree::Group(g)]
            if i == ident && g.delimiter() == Delimiter::Brace =>
        {
            Some(g.stream())
        }
        _ => None,
    }
}

/// `{ key: value, ... }` entries.
fn entries(cx: &mut Ctxt, body: TokenStream) -> Option<Vec<Entry>> {
    match value::comma_list::<Entry>.parse2(body) {
        Ok(entries) => Some(entries),
        Err(error) => {
            cx.syn_error(error);
            None
        }
    }
}

fn unlisted(cx: &mut Ctxt, body: TokenStream, span: Span) -> Setting<ModelRef> {
    let Some(entries) = entries(cx, body) else {
        return Setting::Invalid;
    };
    let (mut id, mut max) = (None, None);
    let mut ok = true;
    for Entry {
        key,
        value,
        value_span,
    } in entries
    {
        let vspan = value::first_span(&value, value_span);
        match key.to_string().as_str() {
            "id" if id.is_none() => id = Some(value::string(cx, "id", &value, vspan)),
            "max_output_tokens" if max.is_none() => {
                max = Some(value::integer(cx, "max_output_tokens", &value, vspan))
            }
            "id" | "max_output_tokens" => {
                cx.error(key.span(), format!("duplicate key `{key}`"));
                ok = false;
            }
            other => {
                let hint = match (
                    other,
                    suggest::closest_str(other, &["id", "max_output_tokens"]),
                ) {
                    ("max_tokens", _) | (_, Some("max_output_tokens")) => {
                        "; did you mean `max_output_tokens`?"
                    }
                    (_, Some(_)) => "; did you mean `id`?",
                    (_, None) => "; expected `id` or `max_output_tokens`",
                };
                cx.error(
                    key.span(),
                    format!("unknown key `{other}` in `unlisted {{ ... }}`{hint}"),
                );
                ok = false;
            }
        }
    }
    let (Some(id), Some(max)) = (id, max) else {
        cx.error(
            span,
            "`unlisted { ... }` needs both `id: \"...\"` and `max_output_tokens: N`",
        );
        return Setting::Invalid;
    };
    match (id, max) {
        (Setting::Literal(id, id_span), Setting::Literal(max, max_span)) if ok => {
            if let Some(known) = models::get(&id) {
                cx.error(
                    id_span,
                    format!(
                        "`{}` is in the catalog ({} output tokens); write `model: \"{}\"` instead of `unlisted`",
                        known.id,
                        known.max_output_tokens(),
                        known.id
                    ),
                );
                return Setting::Invalid;
            }
            if id.is_empty()
                || id.chars().count() > bedrock_profiles_core::limits::MODEL_ID_MAX_CHARS
            {
                cx.error(
                    id_span,
                    format!(
                        "`id` must be 1..={} characters, found {}",
                        bedrock_profiles_core::limits::MODEL_ID_MAX_CHARS,
                        id.chars().count()
                    ),
                );
                return Setting::Invalid;
            }
            if max == 0 {
                cx.error(max_span, "`max_output_tokens` must be at least 1, found 0");
                return Setting::Invalid;
            }
            let limits = models::ModelLimits::unlisted(&id, max);
            Setting::Literal(
                ModelRef {
                    id: Cow::Owned(id),
                    target: models::ModelTarget::Unlisted(limits),
                },
                id_span,
            )
        }
        (Setting::Invalid, _) | (_, Setting::Invalid) => Setting::Invalid,
        _ if !ok => Setting::Invalid,
        _ => {
            cx.error(span, "`unlisted { ... }` takes a string literal `id` and an integer literal `max_output_tokens`");
            Setting::Invalid
        }
    }
}

/// `stop_sequences: ["a", "b"]`, `None`, or a `&'static [Cow<'static, str>]` expression.
fn stop_sequences(cx: &mut Ctxt, tokens: &TokenStream, span: Span) -> Setting<Vec<(String, Span)>> {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let group = match trees.as_slice() {
        [TokenTree::Group(g)] if g.delimiter() == Delimiter::Bracket => g.clone(),
        _ => {
            return match value::shape(tokens) {
                Shape::None => Setting::Cleared,
                Shape::Expr => Setting::Expr(tokens.clone()),
                _ => {
                    cx.error(span, "`stop_sequences` expects a list of strings, like [\"Human:\", \"Assistant:\"]");
                    Setting::Invalid
                }
            };
        }
    };
    let parser = syn::punctuated::Punctuated::<TokenStreamItem, syn::Token![,]>::parse_terminated;
    let items = match parser.parse2(group.stream()) {
        Ok(items) => items,
        Err(error) => {
            cx.syn_error(error);
            return Setting::Invalid;
        }
    };
    let mut out = Vec::new();
    let mut ok = true;
    for TokenStreamItem(item) in items {
        match value::shape(&item) {
            Shape::Str(s) => out.push((s.value(), s.span())),
            _ => {
                let item_span = value::first_span(&item, span);
                cx.error(
                    item_span,
                    "`stop_sequences` items must be string literals; for computed values, give the whole list as a constant",
                );
                ok = false;
            }
        }
    }
    if ok {
        Setting::Literal(out, group.span())
    } else {
        Setting::Invalid
    }
}

/// One comma-separated item of a bracket list.
struct TokenStreamItem(TokenStream);

impl syn::parse::Parse for TokenStreamItem {
    fn parse(input: syn::parse::ParseStream) -> syn::Result<Self> {
        let tokens = value::parse_value_tokens(input)?;
        if tokens.is_empty() {
            return Err(input.error("expected a string literal"));
        }
        Ok(TokenStreamItem(tokens))
    }
}

/// `response_format: json_schema { name: "...", description: "...", schema: r#"{...}"# }`.
fn response_format(cx: &mut Ctxt, tokens: &TokenStream, span: Span) -> Setting<SchemaDecl> {
    let body = match value::shape(tokens) {
        Shape::None => return Setting::Cleared,
        Shape::Expr => match braced_call(tokens, "json_schema") {
            Some(body) => body,
            None => return Setting::Expr(tokens.clone()),
        },
        _ => {
            cx.error(
                span,
                "`response_format` expects `json_schema { name: \"...\", schema: r#\"{...}\"# }`",
            );
            return Setting::Invalid;
        }
    };
    let Some(entries) = entries(cx, body) else {
        return Setting::Invalid;
    };
    const KEYS: [&str; 3] = ["name", "description", "schema"];
    let mut decl = SchemaDecl {
        name: Setting::Unset,
        description: Setting::Unset,
        schema: Setting::Unset,
    };
    let mut ok = true;
    let mut seen = Vec::new();
    for Entry {
        key,
        value,
        value_span,
    } in entries
    {
        let key_name = key.to_string();
        let vspan = value::first_span(&value, value_span);
        if seen.contains(&key_name) {
            cx.error(key.span(), format!("duplicate key `{key_name}`"));
            ok = false;
            continue;
        }
        seen.push(key_name.clone());
        match key_name.as_str() {
            "name" => decl.name = value::string(cx, "name", &value, vspan),
            "description" => decl.description = value::string(cx, "description", &value, vspan),
            "schema" => decl.schema = value::string(cx, "schema", &value, vspan),
            other => {
                let message = match suggest::closest_str(other, &KEYS) {
                    Some(k) => format!(
                        "unknown key `{other}` in `json_schema {{ ... }}`; did you mean `{k}`?"
                    ),
                    None => format!(
                        "unknown key `{other}` in `json_schema {{ ... }}`; expected name, description or schema"
                    ),
                };
                cx.error(key.span(), message);
                ok = false;
            }
        }
    }
    if decl.schema.is_unset() {
        cx.error(
            span,
            "`json_schema { ... }` needs a `schema`: the JSON schema text, a JSON object",
        );
        ok = false;
    }
    for s in [&decl.name, &decl.description, &decl.schema] {
        if matches!(s, Setting::Cleared | Setting::Invalid) {
            ok = false;
        }
    }
    if let Setting::Literal(description, dspan) = &decl.description
        && let Some(v) = rules::check_description(description)
    {
        cx.error(*dspan, v);
        ok = false;
    }
    if ok {
        Setting::Literal(decl, span)
    } else {
        Setting::Invalid
    }
}

fn cow(text: &str) -> Cow<'static, str> {
    Cow::Owned(text.to_owned())
}

/// Runs the rulebook on the values the macro can see and reports each violation on its value.
fn apply_rulebook(cx: &mut Ctxt, p: &Profile, surface: Surface) {
    // A profile made of the visible literals only: everything else is None, so no rule fires on it. The name and
    // version fields always exist; when they are not literals, their violations are ignored below.
    let schema = match &p.response_format {
        Setting::Literal(decl, _) => match &decl.schema {
            Setting::Literal(schema, _) => Some(ResponseFormat::JsonSchema(JsonSchema {
                name: decl.name.literal().map(|n| cow(n)),
                description: None,
                schema: cow(schema),
            })),
            _ => None,
        },
        _ => None,
    };
    let visible = InferenceProfile {
        name: cow(p.name.literal().map_or("visible", |n| n.as_str())),
        description: p.description.literal().map(|d| cow(d)),
        version: p.version.literal().copied().unwrap_or(1),
        model: p.model.literal().cloned(),
        temperature: p.temperature.literal().copied(),
        top_p: p.top_p.literal().copied(),
        top_k: p.top_k.literal().copied(),
        max_tokens: p.max_tokens.literal().copied(),
        stop_sequences: Cow::Owned(
            p.stop_sequences
                .literal()
                .map_or_else(Vec::new, |s| s.iter().map(|(t, _)| cow(t)).collect()),
        ),
        anthropic_version: p.anthropic_version.literal().map(|v| cow(v)),
        response_format: schema,
    };
    for violation in rules::check(&visible, surface) {
        let span = match violation.key() {
            Key::Name => p.name.span(),
            Key::Description => p.description.span(),
            Key::Version => p.version.span(),
            Key::Model => p.model.span(),
            Key::Temperature => p.temperature.span(),
            Key::TopP => p.top_p.span(),
            Key::TopK => p.top_k.span(),
            Key::MaxTokens => p.max_tokens.span(),
            Key::StopSequences => match (&p.stop_sequences, violation.item()) {
                (Setting::Literal(items, _), Some(i)) => items.get(i).map(|(_, span)| *span),
                (setting, _) => setting.span(),
            },
            Key::AnthropicVersion => p.anthropic_version.span(),
            Key::ResponseFormat => match &p.response_format {
                Setting::Literal(decl, _) => match violation {
                    rules::Violation::SchemaNameEmpty => decl.name.span(),
                    _ => decl.schema.span(),
                },
                _ => None,
            },
        };
        if let Some(span) = span {
            cx.error(span, violation);
        }
    }
}
