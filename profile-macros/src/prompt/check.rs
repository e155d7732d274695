//! Stage 2: the arguments as the declaration layer's entries, read and checked there (names, templates, variables
//! against the fields, models); its issues become spanned errors. A profile is another item: its rules are
//! checked by the `const` assertion that the expand stage emits.

use crate::attr::{self, Arg};
use crate::ctxt::Ctxt;
use crate::syntax::{self, Exprs, ProfilePaths};
use bedrock_profiles_core::decl::{self, Issues, Name, PromptDecl, ResolvedPrompt, Setting};
use proc_macro2::Span;
use std::path::PathBuf;
use syn::ext::IdentExt;
use syn::{Ident, Path, Type};

/// How the generated code turns a field into text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
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

/// A prompt as the emitters take it: the declaration layer's resolved prompt, and what only a Rust item has.
pub struct Prompt<L> {
    pub ident: Ident,
    pub resolved: ResolvedPrompt<L>,
    pub fields: Vec<Field>,
    /// The paths of the profiles the variants name.
    pub profiles: ProfilePaths,
    /// The template files read, as absolute paths: the expansion tracks them.
    pub tracked: Vec<PathBuf>,
    /// Warnings (a model past its end of life, the top level's or a variant's), each at its value.
    pub warnings: Vec<(Span, String)>,
}

/// `None` when the prompt has no template (an error says why).
pub fn prompt(
    cx: &mut Ctxt,
    args: Vec<Arg>,
    ident: &Ident,
    fields: &syn::FieldsNamed,
) -> Option<Prompt<Span>> {
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
    let mut exprs = Exprs::default();
    let entries = attr::entries(cx, args, &mut exprs);
    let mut files = syntax::crate_files();
    let mut issues = Issues::new();
    let syntax = decl::Syntax::Attribute;
    let d = PromptDecl::read(
        syntax::name(ident),
        &entries,
        syntax,
        &mut files,
        &mut issues,
    );
    let names: Vec<Name<Span>> = fields
        .iter()
        .map(|f| Name::new(f.name.clone(), f.ident.span()))
        .collect();
    let resolved = d.check(syntax, Some(&names), None, &mut issues);
    syntax::report(cx, issues);
    let mut profiles = ProfilePaths::default();
    for v in std::iter::once(&d.top).chain(&d.variants) {
        if let Setting::Set(profile, span) = &v.profile {
            profiles.add(cx, &exprs, profile, *span);
        }
    }
    let warnings = std::iter::once(&d.top)
        .chain(&d.variants)
        .flat_map(|v| match &v.model {
            Setting::Set(m, span) => bedrock_profiles_core::rules::model_warnings(m)
                .into_iter()
                .map(|w| (*span, w.to_string()))
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    let resolved = resolved?;
    let tracked = resolved
        .templates
        .iter()
        .filter_map(|s| Some(files.absolute(s.file.as_ref()?)))
        .collect();
    Some(Prompt {
        ident: ident.clone(),
        resolved,
        fields,
        profiles,
        tracked,
        warnings,
    })
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
    fn field_kinds() {
        let kind_of = |ty: &str| match syn::parse_str::<Type>(ty) {
            Ok(ty) => Some(kind(&ty)),
            Err(_) => None,
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
            assert_eq!(kind_of(ty), Some(Kind::Str), "{ty}");
        }
        for ty in ["u8", "i128", "usize"] {
            assert_eq!(kind_of(ty), Some(Kind::Int), "{ty}");
        }
        for ty in ["T", "f64", "&u32", "Cow<'a, [u8]>", "my::u32", "bool"] {
            assert_eq!(kind_of(ty), Some(Kind::Display), "{ty}");
        }
    }
}
