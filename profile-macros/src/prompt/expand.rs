//! Stage 3: the `Prompt` impl with its `const` spec and straight-line rendering code (`write_part`, the one
//! rendering path: `render_part` is the trait's, over it), the `const` assertions on the
//! profiles, and the file tracking. Generated code names the runtime only through [`Code::rt`] and
//! [`crate::runtime::Runtime::spanned`].

use super::check::{Field, Kind, Prompt};
use crate::code::Code;
use crate::emit::option;
use crate::syntax::{path_span, path_text};
use bedrock_profiles_core::decl::{ResolvedVariant, TemplateSource};
use bedrock_profiles_core::rules::Surface;
use bedrock_profiles_core::template::Segment;
use proc_macro2::{Delimiter, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Generics;

fn segments<L>(source: &TemplateSource<L>) -> Vec<Segment<'_>> {
    source.parsed().map(|t| t.segments).unwrap_or_default()
}

/// `fmt::Write` rendering: one write per segment. `names` are the fields' identifiers as written (`r#type`).
fn write_body<L>(c: &mut Code, source: &TemplateSource<L>, fields: &[Field], names: &[String]) {
    c.group(Delimiter::Brace, |c| {
        write_segments(c, source, fields, names);
        c.str("::core::result::Result::Ok(())");
    });
}

/// One write per segment of the template.
fn write_segments<L>(c: &mut Code, source: &TemplateSource<L>, fields: &[Field], names: &[String]) {
    for segment in segments(source) {
        match segment {
            Segment::Text(text) => {
                c.str("__w.write_str");
                c.group(Delimiter::Parenthesis, |c| c.lit(text));
                c.str("?;");
            }
            Segment::Variable { name, .. } => {
                let Some(i) = fields.iter().position(|f| f.name == name) else {
                    continue;
                };
                let ident = &names[i];
                match fields[i].kind {
                    Kind::Str => write!(
                        c,
                        "__w.write_str(::core::convert::AsRef::<str>::as_ref(&self.{ident}))?;"
                    ),
                    Kind::Int => {
                        c.str("__w.write_str");
                        c.group(Delimiter::Parenthesis, |c| {
                            c.rt("itoa::Buffer::new().format");
                            write!(c, "(self.{ident})");
                        });
                        c.str("?;");
                    }
                    Kind::Display => write!(
                        c,
                        "__w.write_fmt(::core::format_args!(\"{{}}\", self.{ident}))?;"
                    ),
                };
            }
        }
    }
}

/// `(0usize | 2usize, Part::Text) => { ... }`: the variants sharing one template share one arm.
fn arms<L>(c: &mut Code, p: &Prompt<L>) {
    let names: Vec<String> = p.fields.iter().map(|f| f.ident.to_string()).collect();
    let mut parts: Vec<(usize, Vec<usize>, &str)> = Vec::new();
    for (i, v) in p.resolved.variants.iter().enumerate() {
        for (source, part) in [(Some(v.text), "Text"), (v.system, "System")] {
            let Some(source) = source else { continue };
            match parts
                .iter_mut()
                .find(|(s, _, pt)| *s == source && *pt == part)
            {
                Some((_, indices, _)) => indices.push(i),
                None => parts.push((source, vec![i], part)),
            }
        }
    }
    for (source, indices, part) in parts {
        c.group(Delimiter::Parenthesis, |c| {
            for (k, index) in indices.iter().enumerate() {
                write!(c, "{}{index}usize", if k > 0 { " | " } else { "" });
            }
            c.str(", ");
            c.rt("Part::");
            c.str(part);
        });
        c.str(" => ");
        write_body(c, &p.resolved.templates[source], &p.fields, &names);
    }
}

pub(crate) fn spec<L>(c: &mut Code, p: &Prompt<L>) {
    let r = &p.resolved;
    c.rt("PromptSpec ");
    c.group(Delimiter::Brace, |c| {
        c.str("name: ");
        c.lit(&r.name);
        c.str(", description: ");
        option(c, r.description.as_deref(), Code::lit);
        c.str(", variants: &");
        c.group(Delimiter::Bracket, |c| {
            for (i, v) in r.variants.iter().enumerate() {
                if i > 0 {
                    c.str(", ");
                }
                variant(c, p, v);
            }
        });
    });
}

/// A `PromptVariant` of the spec.
fn variant<L>(c: &mut Code, p: &Prompt<L>, v: &ResolvedVariant) {
    let r = &p.resolved;
    c.rt("PromptVariant ");
    c.group(Delimiter::Brace, |c| {
        c.str("name: ");
        c.lit(&v.name);
        c.str(", model: ");
        option(c, v.model.as_ref(), crate::emit::model_ref);
        c.str(", profile: ");
        match v.profile.as_ref().and_then(|r| p.profiles.get(r)) {
            Some(path) => {
                // Spanned on the path, so that a path to something else than a profile is reported there.
                let span = path_span(&path);
                let profile_ref = c.runtime().spanned(span, "profile_ref");
                c.tokens(quote_spanned!(span=> #profile_ref(&#path)));
            }
            None => c.rt("None"),
        }
        let kind = if v.system.is_some() { "Chat" } else { "Text" };
        c.str(", template_type: ");
        c.rt("TemplateType::");
        c.str(kind);
        c.str(", text: ");
        c.lit(r.text(v));
        c.str(", system: ");
        option(c, r.system(v), Code::lit);
        c.str(", variables: &");
        c.group(Delimiter::Bracket, |c| {
            for (k, n) in v.variables.iter().enumerate() {
                if k > 0 {
                    c.str(", ");
                }
                c.lit(n);
            }
        });
    });
}

/// `const _: () = assert_valid(PROFILE, Surface::PromptManagement, Some(&MODEL), "...")`, once per distinct
/// profile and model, spanned on the profile's path.
fn assertions<L>(c: &mut Code, p: &Prompt<L>) {
    let mut seen: Vec<(String, Option<String>)> = Vec::new();
    for v in &p.resolved.variants {
        let Some(path) = v.profile.as_ref().and_then(|r| p.profiles.get(r)) else {
            continue;
        };
        let key = (
            path_text(&path),
            v.model.as_ref().map(|m| m.id().to_owned()),
        );
        if seen.contains(&key) {
            continue;
        }
        let what = if v.name == bedrock_profiles_core::prompt::DEFAULT_VARIANT {
            format!("profile `{}` of prompt `{}`", key.0, p.ident)
        } else {
            format!(
                "profile `{}` of variant `{}` of prompt `{}`",
                key.0, v.name, p.ident
            )
        };
        seen.push(key);
        let span = path_span(&path);
        // The call carries the path's span, so rustc's E0080 points at the profile.
        crate::emit::assertion(
            c,
            span,
            quote!(#path),
            Surface::PromptManagement,
            v.model.as_ref(),
            &what,
        );
    }
}

/// The types of the fields written with `{}` (through `Display`), each with its span, where rustc reports a type
/// that is not `Display`.
fn display_types<L>(p: &Prompt<L>) -> impl Iterator<Item = (&syn::Type, Span)> {
    p.fields
        .iter()
        .filter(|f| f.kind == Kind::Display)
        .map(|f| (&f.ty, syn::spanned::Spanned::span(&f.ty)))
}

/// With lifetime parameters only, a `where FieldType<'a>: Display` bound is not checked where it is written (it
/// names a parameter), so a field whose type is not `Display` would be reported only at `.render()`: a function
/// generic over the same lifetimes asks for `Display` on each such field, and rustc reports it on the field's type.
/// (Without parameters the bound is checked where it stands; with type parameters the user's bounds decide.)
fn display_checks<L>(p: &Prompt<L>, generics: &Generics) -> TokenStream {
    let lifetimes: Vec<_> = generics.lifetimes().map(|l| &l.lifetime).collect();
    if lifetimes.is_empty()
        || generics.type_params().next().is_some()
        || generics.const_params().next().is_some()
    {
        return TokenStream::new();
    }
    let mut checks = display_types(p)
        .map(|(ty, span)| quote_spanned!(span=> __display::<#ty>();))
        .peekable();
    // No field written with `{}`: nothing to check, and no item for rustc to take in.
    if checks.peek().is_none() {
        return TokenStream::new();
    }
    quote! {
        const _: () = {
            fn __display<__T: ::core::fmt::Display + ?::core::marker::Sized>() {}
            #[allow(dead_code)]
            fn __fields<#(#lifetimes),*>() { #(#checks)* }
        };
    }
}

/// The impl, the assertions and the file tracking.
pub fn prompt<L>(c: &mut Code, p: &Prompt<L>, generics: &Generics) {
    impl_prompt(c, p, generics);
    assertions(c, p);
    c.tokens(crate::emit::warnings_item(&p.warnings));
    for abs in &p.tracked {
        if let Some(abs) = abs.to_str() {
            c.str("const _: &[u8] = ::core::include_bytes!");
            c.group(Delimiter::Parenthesis, |c| c.lit(abs));
            c.str(";");
        }
    }
    c.tokens(display_checks(p, generics));
}

/// The `Prompt` impl alone: `const SPEC` and `write_part`. `include_profiles!` emits it for the struct it generates
/// per prompt (its profiles were checked by the file loader, its fields are `&str`).
pub(crate) fn impl_prompt<L>(c: &mut Code, p: &Prompt<L>, generics: &Generics) {
    let ident = &p.ident;
    // `where FieldType: Display` for each field written with `{}`, so that rustc reports a type that is not
    // `Display` on the field; written as tokens after the struct's own where clause (no syn parse per field).
    let display_bounds: Vec<TokenStream> = display_types(p)
        .map(|(ty, span)| quote_spanned!(span=> #ty: ::core::fmt::Display))
        .collect();
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let where_clause = match where_clause {
        _ if display_bounds.is_empty() => quote!(#where_clause),
        Some(w) if !w.predicates.is_empty() => {
            let comma = (!w.predicates.trailing_punct()).then(|| quote!(,));
            quote!(#w #comma #(#display_bounds),*)
        }
        _ => quote!(where #(#display_bounds),*),
    };
    let self_ty = quote!(#ident #ty_generics #where_clause);
    crate::emit::prompt_impl(
        c,
        quote!(#impl_generics),
        self_ty,
        |c| spec(c, p),
        ["variant", "part", "__w"],
        |c| {
            c.str("match (variant, part) ");
            c.group(Delimiter::Brace, |c| {
                arms(c, p);
                c.str("_ => ::core::result::Result::Ok(()),");
            });
        },
    );
}
