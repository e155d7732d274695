//! Stage 2: interpret each key, read template files, and run the prompt rules of `bedrock-profiles-core` on every
//! template, name and model the macro can see. A profile is another item: its rules are checked by the `const`
//! assertion that the expand stage emits.

use super::ast::{Arg, ArgValue};
use crate::ctxt::Ctxt;
use crate::value::{self, Shape};
use bedrock_profiles_core::models::{self, ModelRef};
use bedrock_profiles_core::prompt::{self, DEFAULT_VARIANT, PromptViolation};
use bedrock_profiles_core::rules::{self, Surface};
use bedrock_profiles_core::template::{self, Template};
use proc_macro2::{Span, TokenStream};
use std::path::PathBuf;
use syn::ext::IdentExt;
use syn::{Ident, Path, Type};

const TOP_KEYS: [&str; 9] = [
    "name",
    "description",
    "model",
    "profile",
    "text",
    "text_file",
    "system",
    "system_file",
    "variant",
];
const VARIANT_KEYS: [&str; 7] = [
    "name",
    "model",
    "profile",
    "text",
    "text_file",
    "system",
    "system_file",
];

/// A template as written: inline, or read from a file.
pub struct Source {
    pub text: String,
    /// The literal (the template, or the file's path).
    pub span: Span,
    /// The path as written and the absolute path, for a template file.
    pub file: Option<(String, PathBuf)>,
    /// Whether the template passed every rule of its own (the rendering code is generated from it).
    pub valid: bool,
}

impl Source {
    pub fn parsed(&self) -> Option<Template<'_>> {
        if self.valid {
            template::parse(&self.text).ok()
        } else {
            None
        }
    }

    /// The message of a violation in this template (a file's path first).
    fn message(&self, violation: &PromptViolation) -> String {
        match &self.file {
            Some((path, _)) => format!("`{path}`: {violation}"),
            None => violation.to_string(),
        }
    }
}

/// How the generated code turns a field into text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `&str`, `String`, `Cow<str>`, `Box<str>`, `Rc<str>`, `Arc<str>`: copied as it is.
    Str,
    /// A primitive integer: formatted with `itoa`.
    Int,
    /// Anything else, through `Display`.
    Display,
}

pub struct Field {
    pub ident: Ident,
    /// The placeholder name: the field's name without `r#`.
    pub name: String,
    pub ty: Type,
    pub kind: Kind,
}

pub struct Variant {
    pub name: String,
    pub model: Option<ModelRef>,
    pub profile: Option<Path>,
    /// Index into [`Prompt::sources`].
    pub text: usize,
    pub system: Option<usize>,
}

impl Variant {
    /// Distinct variables of the system prompt and the text, in order of first use.
    pub fn variables(&self, sources: &[Source]) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for index in [self.system, Some(self.text)].into_iter().flatten() {
            if let Some(t) = sources[index].parsed() {
                for name in t.variables() {
                    if !names.iter().any(|n| n == name) {
                        names.push(name.to_owned());
                    }
                }
            }
        }
        names
    }
}

pub struct Prompt {
    pub ident: Ident,
    pub name: String,
    pub description: Option<String>,
    pub sources: Vec<Source>,
    /// The default variant first.
    pub variants: Vec<Variant>,
    pub fields: Vec<Field>,
}

/// The keys of the top level or of one `variant(...)`, as read.
#[derive(Default)]
struct Decl {
    name: Option<(String, Span)>,
    description: Option<String>,
    model: Option<ModelRef>,
    profile: Option<Path>,
    text: Option<usize>,
    system: Option<usize>,
    variants: Vec<(Decl, Span)>,
    /// A `text`/`text_file` key or an unknown key was written, even if its value was wrong: no "missing `text`".
    text_attempted: bool,
}

pub fn prompt(cx: &mut Ctxt, args: Vec<Arg>, ident: &Ident, fields: &syn::FieldsNamed) -> Prompt {
    let mut sources = Vec::new();
    let top = decl(cx, args, true, &mut sources);
    let fields: Vec<Field> = fields
        .named
        .iter()
        .filter_map(|f| {
            let ident = f.ident.clone()?;
            Some(Field {
                name: ident.unraw().to_string(),
                ident,
                ty: f.ty.clone(),
                kind: kind(&f.ty),
            })
        })
        .collect();

    let (name, name_span) = match &top.name {
        Some((name, span)) => (name.clone(), *span),
        None => (value::kebab_case(&ident.unraw().to_string()), ident.span()),
    };
    if top.name.is_none()
        && let Some(v) = prompt::check_prompt_name(&name)
    {
        cx.error(
            name_span,
            format!("{v} (the default name, from the struct's name; set `name = \"...\"`)"),
        );
    }
    let Some(text) = top.text else {
        if top.text_attempted {
            return Prompt {
                ident: ident.clone(),
                name,
                description: top.description,
                sources,
                variants: Vec::new(),
                fields,
            };
        }
        cx.error(
            Span::call_site(),
            "missing `text`: give the template as `text = \"Hello {{name}}\"` or `text_file = \"prompts/hello.txt\"`",
        );
        return Prompt {
            ident: ident.clone(),
            name,
            description: top.description,
            sources,
            variants: Vec::new(),
            fields,
        };
    };
    let mut variants = vec![Variant {
        name: DEFAULT_VARIANT.to_owned(),
        model: top.model.clone(),
        profile: top.profile.clone(),
        text,
        system: top.system,
    }];
    let mut names: Vec<(String, Span)> = vec![(DEFAULT_VARIANT.to_owned(), Span::call_site())];
    for (v, span) in top.variants {
        let Some((vname, vspan)) = v.name else {
            cx.error(
                span,
                "`variant(...)` needs a `name`, like `variant(name = \"concise\", text = \"...\")`",
            );
            continue;
        };
        names.push((vname.clone(), vspan));
        variants.push(Variant {
            name: vname,
            model: v.model.or_else(|| top.model.clone()),
            profile: v.profile.or_else(|| top.profile.clone()),
            text: v.text.unwrap_or(text),
            system: v.system.or(top.system),
        });
    }
    let plain: Vec<&str> = names.iter().map(|(n, _)| n.as_str()).collect();
    for (i, (_, span)) in names.iter().enumerate() {
        if let Some(v) = prompt::check_variant_unique(&plain, i) {
            cx.error(*span, v);
        }
    }

    let known: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    // Placeholders naming no field: once per template, however many variants share it.
    for source in &sources {
        if let Some(t) = source.parsed() {
            for v in prompt::check_variables(DEFAULT_VARIANT, &[&t], &known) {
                if let PromptViolation::UnknownVariable { .. } = v {
                    cx.error(source.span, source.message(&v));
                }
            }
        }
    }
    // A field must be used by some placeholder of some variant. Checked only when every variant's templates parsed,
    // so that a broken template cannot make a field look unused.
    let mut all_parsed = true;
    let mut parsed_variants: Vec<Vec<Template>> = Vec::new();
    for variant in &variants {
        let text = &sources[variant.text];
        let system = variant.system.map(|s| &sources[s]);
        if !text.valid || system.is_some_and(|s| !s.valid) {
            all_parsed = false;
            continue;
        }
        let count = variant.variables(&sources).len();
        if let Some(v) = prompt::check_variable_count(count) {
            cx.error(text.span, v);
            all_parsed = false;
            continue;
        }
        parsed_variants.push(
            [Some(text), system]
                .into_iter()
                .flatten()
                .filter_map(Source::parsed)
                .collect(),
        );
    }
    if all_parsed {
        let refs: Vec<Vec<&Template>> =
            parsed_variants.iter().map(|v| v.iter().collect()).collect();
        for v in prompt::check_fields_used(&refs, &known) {
            if let PromptViolation::UnusedVariable { name, .. } = v
                && let Some(field) = fields.iter().find(|f| f.name == name)
            {
                cx.error(field.ident.span(), v);
            }
        }
    }

    Prompt {
        ident: ident.clone(),
        name,
        description: top.description,
        sources,
        variants,
        fields,
    }
}

fn decl(cx: &mut Ctxt, args: Vec<Arg>, top: bool, sources: &mut Vec<Source>) -> Decl {
    let keys: &[&str] = if top { &TOP_KEYS } else { &VARIANT_KEYS };
    let mut d = Decl::default();
    let (mut seen, mut slots): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    for Arg { key, value } in args {
        let name = key.unraw().to_string();
        let Some(&k) = keys.iter().find(|k| **k == name) else {
            unknown_key(cx, &key, &name, top);
            d.text_attempted = true;
            continue;
        };
        if k.starts_with("text") {
            d.text_attempted = true;
        }
        // `text` and `text_file` fill one slot, as do `system` and `system_file`.
        let slot = k.trim_end_matches("_file");
        if k != "variant" {
            if seen.contains(&k) {
                cx.error(key.span(), format!("duplicate key `{k}`"));
                continue;
            }
            if slots.contains(&slot) {
                cx.error(
                    key.span(),
                    format!("`{slot}` and `{slot}_file` are both given; use one"),
                );
                continue;
            }
            seen.push(k);
            slots.push(slot);
        }
        let (tokens, span) = match value {
            ArgValue::List(args, span) if k == "variant" => {
                let v = decl(cx, args, false, sources);
                d.variants.push((v, span));
                continue;
            }
            ArgValue::List(_, span) => {
                cx.error(span, format!("`{k}` takes a value: `{k} = ...`"));
                continue;
            }
            ArgValue::Value(_, span) if k == "variant" => {
                cx.error(
                    span,
                    "`variant` takes a list: `variant(name = \"concise\", text = \"...\")`",
                );
                continue;
            }
            ArgValue::Value(tokens, span) => (tokens, span),
        };
        match k {
            "profile" => match syn::parse2::<Path>(tokens.clone()) {
                Ok(path) => d.profile = Some(path),
                Err(_) => cx.error(
                    span,
                    "`profile` expects a path to an `InferenceProfile` const, like `HIGH_QUALITY` or `profiles::FAST`",
                ),
            },
            _ => {
                let Some(lit) = string(cx, k, &tokens, span) else {
                    continue;
                };
                let (text, lit_span) = (lit.value(), lit.span());
                match k {
                    "name" => {
                        let v = if top {
                            prompt::check_prompt_name(&text)
                        } else {
                            prompt::check_variant_name(&text)
                        };
                        if let Some(v) = v {
                            cx.error(lit_span, v);
                        }
                        d.name = Some((text, lit_span));
                    }
                    "description" => {
                        if let Some(v) = rules::check_description(&text) {
                            cx.error(lit_span, v);
                        }
                        d.description = Some(text);
                    }
                    "model" => match models::resolve(&text) {
                        Ok(model) => {
                            if let Some(v) = rules::check_model(&model, Surface::PromptManagement) {
                                cx.error(lit_span, v);
                            }
                            d.model = Some(model);
                        }
                        Err(error) => cx.error(lit_span, error),
                    },
                    "text" | "system" => {
                        let index = source(cx, sources, text, lit_span, None);
                        if k == "text" {
                            d.text = Some(index);
                        } else {
                            d.system = Some(index);
                        }
                    }
                    _ => {
                        // text_file, system_file
                        let Some((content, abs)) = read_file(cx, &text, lit_span) else {
                            continue;
                        };
                        let index = source(cx, sources, content, lit_span, Some((text, abs)));
                        if k == "text_file" {
                            d.text = Some(index);
                        } else {
                            d.system = Some(index);
                        }
                    }
                }
            }
        }
    }
    d
}

fn unknown_key(cx: &mut Ctxt, key: &Ident, name: &str, top: bool) {
    let keys: &[&str] = if top { &TOP_KEYS } else { &VARIANT_KEYS };
    let place = if top { "" } else { " in `variant(...)`" };
    if !top && (name == "description" || name == "variant") {
        cx.error(
            key.span(),
            format!("`{name}` belongs to the prompt, not to a `variant(...)`"),
        );
        return;
    }
    let best = bedrock_profiles_core::suggest::closest(name, keys, |k| k);
    let message = match best {
        Some(k) => format!("unknown key `{name}`{place}; did you mean `{k}`?"),
        None => format!(
            "unknown key `{name}`{place}; expected one of {}",
            keys.join(", ")
        ),
    };
    cx.error(key.span(), message);
}

fn string(cx: &mut Ctxt, key: &str, tokens: &TokenStream, span: Span) -> Option<syn::LitStr> {
    match value::shape(tokens) {
        Shape::Str(lit) => Some(lit),
        _ => {
            let what = match key {
                "model" => "a model id string, like \"anthropic.claude-3-5-sonnet-20241022-v2:0\"",
                "text_file" | "system_file" => {
                    "a string literal: a path relative to the crate's Cargo.toml"
                }
                "text" | "system" => {
                    "a string literal: the template is read at compile time, so it cannot be a constant"
                }
                _ => "a string literal",
            };
            cx.error(
                value::first_span(tokens, span),
                format!("`{key}` expects {what}"),
            );
            None
        }
    }
}

/// Checks a template on its own (text non-empty, placeholder syntax, at most 20 variables) and stores it.
fn source(
    cx: &mut Ctxt,
    sources: &mut Vec<Source>,
    text: String,
    span: Span,
    file: Option<(String, PathBuf)>,
) -> usize {
    let mut source = Source {
        text,
        span,
        file,
        valid: true,
    };
    if let Err(found) = prompt::check_template(&source.text) {
        for v in &found {
            cx.error(span, source.message(v));
        }
        source.valid = false;
    }
    sources.push(source);
    sources.len() - 1
}

/// Reads a template file, relative to the crate's manifest directory. Drops one final line break, as editors add
/// one (like Jinja's default `keep_trailing_newline = false`).
fn read_file(cx: &mut Ctxt, path: &str, span: Span) -> Option<(String, PathBuf)> {
    let Ok(dir) = std::env::var("CARGO_MANIFEST_DIR") else {
        cx.error(
            span,
            "cannot read a template file: CARGO_MANIFEST_DIR is not set (build with cargo)",
        );
        return None;
    };
    let abs = PathBuf::from(dir).join(path);
    match std::fs::read_to_string(&abs) {
        Ok(mut text) => {
            if text.ends_with('\n') {
                text.pop();
                if text.ends_with('\r') {
                    text.pop();
                }
            }
            Some((text, abs))
        }
        Err(error) => {
            let reason = match error.kind() {
                std::io::ErrorKind::NotFound => "no such file".to_owned(),
                std::io::ErrorKind::InvalidData => "it is not UTF-8 text".to_owned(),
                _ => error.to_string(),
            };
            cx.error(
                span,
                format!("cannot read template file `{path}` (relative to the crate's Cargo.toml): {reason}"),
            );
            None
        }
    }
}

const INTEGERS: [&str; 12] = [
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
];

/// How a field's type is rendered, read from how it is written.
fn kind(ty: &Type) -> Kind {
    match ty {
        Type::Group(g) => kind(&g.elem),
        Type::Paren(p) => kind(&p.elem),
        Type::Reference(r) if r.mutability.is_none() => match &*r.elem {
            Type::Path(p)
                if p.qself.is_none() && (p.path.is_ident("str") || is_string(&p.path)) =>
            {
                Kind::Str
            }
            _ => Kind::Display,
        },
        Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return Kind::Display;
            };
            let ident = last.ident.to_string();
            match &last.arguments {
                syn::PathArguments::None if is_string(&p.path) => Kind::Str,
                syn::PathArguments::None
                    if p.path.segments.len() == 1 && INTEGERS.contains(&ident.as_str()) =>
                {
                    Kind::Int
                }
                syn::PathArguments::AngleBracketed(args)
                    if matches!(ident.as_str(), "Cow" | "Box" | "Rc" | "Arc") =>
                {
                    let mut types = args.args.iter().filter_map(|a| match a {
                        syn::GenericArgument::Type(t) => Some(t),
                        _ => None,
                    });
                    match (types.next(), types.next()) {
                        (Some(Type::Path(inner)), None) if inner.path.is_ident("str") => Kind::Str,
                        _ => Kind::Display,
                    }
                }
                _ => Kind::Display,
            }
        }
        _ => Kind::Display,
    }
}

/// `String`, `std::string::String`, `alloc::string::String`.
fn is_string(path: &Path) -> bool {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    matches!(
        segments
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        ["String"] | ["std" | "alloc", "string", "String"]
    ) && path.segments.iter().all(|s| s.arguments.is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_in_a_file_name_the_file() {
        let mut cx = Ctxt::new();
        let mut sources = Vec::new();
        let file = Some((
            "prompts/a.txt".to_owned(),
            PathBuf::from("/abs/prompts/a.txt"),
        ));
        let index = source(
            &mut cx,
            &mut sources,
            "ok\n{{x".to_owned(),
            Span::call_site(),
            file,
        );
        assert!(cx.has_errors());
        let errors = match prompt::check_template(&sources[index].text) {
            Err(found) => found,
            Ok(_) => Vec::new(),
        };
        assert_eq!(
            sources[index].message(&errors[0]),
            "`prompts/a.txt`: unclosed `{{` at line 2, column 1: expected `}}` on the same line, near \"{{x\""
        );
    }

    #[test]
    fn field_kinds() {
        let kind_of = |ty: &str| {
            kind(&syn::parse_str::<Type>(ty).unwrap_or(Type::Verbatim(TokenStream::new())))
        };
        for ty in [
            "&str",
            "&'a str",
            "String",
            "&String",
            "std::string::String",
            "Cow<'a, str>",
            "Box<str>",
            "std::sync::Arc<str>",
        ] {
            assert!(kind_of(ty) == Kind::Str, "{ty}");
        }
        for ty in ["u8", "i128", "usize"] {
            assert!(kind_of(ty) == Kind::Int, "{ty}");
        }
        for ty in ["T", "f64", "&u32", "Cow<'a, [u8]>", "my::u32", "bool"] {
            assert!(kind_of(ty) == Kind::Display, "{ty}");
        }
    }
}
