//! Stage 3: the `Prompt` impl with its `const` spec and straight-line rendering code (`write_part`, the one
//! rendering path: `render_part` is the trait's, over it), the `const` assertions on the
//! profiles, and the file tracking. Generated code names the runtime only through `::bedrock_profiles::__private`.

use super::check::{Field, Kind, Prompt, Source};
use bedrock_profiles_core::template::Segment;
use proc_macro2::{Literal, Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::Generics;

/// The path as written, without spaces: `profiles::HIGH_QUALITY`.
pub fn path_text(path: &syn::Path) -> String {
    path.to_token_stream().to_string().replace(' ', "")
}

fn segments(source: &Source) -> Vec<Segment<'_>> {
    source.parsed().map(|t| t.segments).unwrap_or_default()
}

fn field<'a>(fields: &'a [Field], name: &str) -> Option<&'a Field> {
    fields.iter().find(|f| f.name == name)
}

/// `fmt::Write` rendering: one write per segment.
fn write_body(source: &Source, fields: &[Field]) -> TokenStream {
    let mut writes = Vec::new();
    for segment in segments(source) {
        match segment {
            Segment::Text(text) => {
                let lit = Literal::string(text);
                writes.push(quote!(__w.write_str(#lit)?;));
            }
            Segment::Variable { name, .. } => {
                let Some(f) = field(fields, name) else {
                    continue;
                };
                let ident = &f.ident;
                writes.push(match f.kind {
                    Kind::Str => {
                        quote!(__w.write_str(::core::convert::AsRef::<str>::as_ref(&self.#ident))?;)
                    }
                    Kind::Int => {
                        quote!(__w.write_str(::bedrock_profiles::__private::itoa::Buffer::new().format(self.#ident))?;)
                    }
                    Kind::Display => {
                        quote!(__w.write_fmt(::core::format_args!("{}", self.#ident))?;)
                    }
                });
            }
        }
    }
    quote! {{
        #(#writes)*
        ::core::result::Result::Ok(())
    }}
}

/// `(0usize | 2usize, Part::Text)`: the variants sharing one template share one arm.
fn arms(p: &Prompt, body: impl Fn(&Source) -> TokenStream) -> Vec<TokenStream> {
    let mut arms = Vec::new();
    let mut parts: Vec<(usize, Vec<usize>, TokenStream)> = Vec::new();
    for (i, v) in p.variants.iter().enumerate() {
        for (source, part) in [(Some(v.text), quote!(Text)), (v.system, quote!(System))] {
            let Some(source) = source else { continue };
            match parts
                .iter_mut()
                .find(|(s, _, pt)| *s == source && pt.to_string() == part.to_string())
            {
                Some((_, indices, _)) => indices.push(i),
                None => parts.push((source, vec![i], part)),
            }
        }
    }
    for (source, indices, part) in parts {
        let indices = indices.into_iter().map(Literal::usize_suffixed);
        let code = body(&p.sources[source]);
        arms.push(quote!((#(#indices)|*, ::bedrock_profiles::__private::Part::#part) => #code));
    }
    arms
}

pub(crate) fn spec(p: &Prompt) -> TokenStream {
    let name = Literal::string(&p.name);
    let description = match &p.description {
        Some(d) => {
            let d = Literal::string(d);
            quote!(::bedrock_profiles::__private::Some(#d))
        }
        None => quote!(::bedrock_profiles::__private::None),
    };
    let variants = p.variants.iter().map(|v| {
        let name = Literal::string(&v.name);
        let model = match &v.model {
            Some(m) => {
                let m = crate::emit::model_ref(m);
                quote!(::bedrock_profiles::__private::Some(#m))
            }
            None => quote!(::bedrock_profiles::__private::None),
        };
        let profile = match &v.profile {
            Some(path) => {
                // Spanned on the path, so that a path to something else than a profile is reported there.
                let span = path
                    .segments
                    .last()
                    .map_or(Span::call_site(), |s| s.ident.span());
                quote_spanned!(span=> ::bedrock_profiles::__private::profile_ref(&#path))
            }
            None => quote!(::bedrock_profiles::__private::None),
        };
        let kind = if v.system.is_some() {
            quote!(Chat)
        } else {
            quote!(Text)
        };
        let text = Literal::string(&p.sources[v.text].text);
        let system = match v.system {
            Some(s) => {
                let s = Literal::string(&p.sources[s].text);
                quote!(::bedrock_profiles::__private::Some(#s))
            }
            None => quote!(::bedrock_profiles::__private::None),
        };
        let variables = &v.variables;
        let variables = variables.iter().map(|n| Literal::string(n));
        quote! {
            ::bedrock_profiles::__private::PromptVariant {
                name: #name,
                model: #model,
                profile: #profile,
                template_type: ::bedrock_profiles::__private::TemplateType::#kind,
                text: #text,
                system: #system,
                variables: &[#(#variables),*],
            }
        }
    });
    quote! {
        ::bedrock_profiles::__private::PromptSpec { name: #name, description: #description, variants: &[#(#variants),*] }
    }
}

/// `const _: () = assert_valid(PROFILE, Surface::PromptManagement, Some(&MODEL), "...")`, once per distinct
/// profile and model, spanned on the profile's path.
fn assertions(p: &Prompt) -> TokenStream {
    let mut seen: Vec<(String, Option<String>)> = Vec::new();
    let mut out = TokenStream::new();
    for v in &p.variants {
        let Some(path) = &v.profile else { continue };
        let key = (path_text(path), v.model.as_ref().map(|m| m.id().to_owned()));
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
        let span = path
            .segments
            .last()
            .map_or(Span::call_site(), |s| s.ident.span());
        let model = v.model.as_ref().map(crate::emit::model_ref);
        // Every token of the assertion carries the path's span, so rustc's E0080 points at the profile.
        out.extend(crate::emit::assertion(
            span,
            quote!(#path),
            "PromptManagement",
            model,
            &what,
        ));
    }
    out
}

/// With lifetime parameters only, a `where FieldType<'a>: Display` bound is not checked where it is written (it
/// names a parameter), so a field whose type is not `Display` would be reported only at `.render()`: a function
/// generic over the same lifetimes asks for `Display` on each such field, and rustc reports it on the field's type.
/// (Without parameters the bound is checked where it stands; with type parameters the user's bounds decide.)
fn display_checks(p: &Prompt, generics: &Generics) -> TokenStream {
    let lifetimes: Vec<_> = generics.lifetimes().map(|l| &l.lifetime).collect();
    if lifetimes.is_empty()
        || generics.type_params().next().is_some()
        || generics.const_params().next().is_some()
    {
        return TokenStream::new();
    }
    let mut checks = p
        .fields
        .iter()
        .filter(|f| f.kind == Kind::Display)
        .map(|f| {
            let ty = &f.ty;
            let span = syn::spanned::Spanned::span(ty);
            quote_spanned!(span=> __display::<#ty>();)
        })
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
pub fn prompt(p: &Prompt, generics: &Generics) -> TokenStream {
    let ident = &p.ident;
    // `where FieldType: Display` for each field written with `{}`, so that rustc reports a type that is not
    // `Display` on the field; written as tokens after the struct's own where clause (no syn parse per field).
    let display_bounds: Vec<TokenStream> = p
        .fields
        .iter()
        .filter(|f| f.kind == Kind::Display)
        .map(|f| {
            let ty = &f.ty;
            let span = syn::spanned::Spanned::span(ty);
            quote_spanned!(span=> #ty: ::core::fmt::Display)
        })
        .collect();
    let display_checks = display_checks(p, generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let where_clause = match where_clause {
        _ if display_bounds.is_empty() => quote!(#where_clause),
        Some(w) if !w.predicates.is_empty() => {
            let comma = (!w.predicates.trailing_punct()).then(|| quote!(,));
            quote!(#w #comma #(#display_bounds),*)
        }
        _ => quote!(where #(#display_bounds),*),
    };
    let spec = spec(p);
    let write_arms = arms(p, |s| write_body(s, &p.fields));
    let assertions = assertions(p);
    let warnings = crate::emit::warnings_item(&p.warnings);
    let includes = p.sources.iter().filter_map(|s| {
        let (_, abs) = s.file.as_ref()?;
        let abs = Literal::string(abs.to_str()?);
        Some(quote!(
            const _: &[u8] = ::core::include_bytes!(#abs);
        ))
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics ::bedrock_profiles::__private::Prompt for #ident #ty_generics #where_clause {
            const SPEC: ::bedrock_profiles::__private::PromptSpec<'static> = #spec;

            #[inline]
            fn write_part<__W: ::core::fmt::Write + ?::core::marker::Sized>(
                &self,
                variant: usize,
                part: ::bedrock_profiles::__private::Part,
                __w: &mut __W,
            ) -> ::core::fmt::Result {
                match (variant, part) {
                    #(#write_arms)*
                    _ => ::core::result::Result::Ok(()),
                }
            }
        }
        #assertions
        #warnings
        #(#includes)*
        #display_checks
    }
}
