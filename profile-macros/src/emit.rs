//! Stage 3 for every macro: the generated items. `inference_profile!`, `#[prompt]`, `#[agent]` and
//! `include_profiles!` build their consts, `const` assertions and fallback items here, so an item is the same
//! whichever front end declared it. Generated code names the runtime only through `::bedrock_profiles::__private`.

use crate::syntax::Exprs;
use bedrock_profiles_core::decl::{
    GuardrailDecl, ProfileDecl, ProfileKey, ReasoningDecl, SchemaDecl, Setting,
};
use bedrock_profiles_core::models::{self, ModelRef, ModelTarget};
use proc_macro2::{Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::{Generics, Ident};

/// `Cow::Borrowed("text")`.
pub fn cow(text: &str) -> TokenStream {
    let lit = Literal::string(text);
    quote!(::bedrock_profiles::__private::Cow::Borrowed(#lit))
}

/// Generated rustdoc as one `#[doc]` attribute (its lines joined), not one attribute per line: rustdoc reads both
/// the same, and one attribute is far fewer tokens for rustc to take in.
pub fn doc(lines: &[String]) -> TokenStream {
    if lines.is_empty() {
        return TokenStream::new();
    }
    let text = Literal::string(&lines.join("\n"));
    quote!(#[doc = #text])
}

/// `item` as written with `attrs` inserted after its own outer attributes (so that generated docs follow the
/// user's). The item's tokens are passed through, not parsed and printed again: re-emitting a parsed struct
/// recreates every one of its tokens, which in an unoptimized proc macro costs more than the rest of the expansion.
pub fn after_attributes(item: TokenStream, attrs: TokenStream) -> TokenStream {
    let mut out = TokenStream::new();
    let mut rest = item.into_iter().peekable();
    while let Some(proc_macro2::TokenTree::Punct(p)) = rest.peek() {
        if p.as_char() != '#' {
            break;
        }
        // `#` and its `[...]`.
        out.extend(rest.next());
        out.extend(rest.next());
    }
    out.extend(attrs);
    out.extend(rest);
    out
}

/// A `ModelRef` value naming the catalog entry by its const.
pub fn model_ref(model: &ModelRef) -> TokenStream {
    let id = Literal::string(model.id());
    let entry = |m: &models::Model| {
        // Every `ModelTarget` the checker builds points into the catalog, so the name is always found.
        match models::catalog_index(m).and_then(|i| models::CATALOG_CONST_NAMES.get(i)) {
            Some(name) => {
                let ident = format_ident!("{}", name);
                quote!(&::bedrock_profiles::__private::models::#ident)
            }
            None => quote!(::core::compile_error!(
                "bedrock-profiles: model missing from the catalog"
            )),
        }
    };
    // A base id is the catalog's own `ModelRef` const: a path instead of a struct literal.
    if let ModelTarget::Base(m) = model.target
        && model.id() == m.id
        && let Some(name) =
            models::catalog_index(m).and_then(|i| models::CATALOG_CONST_NAMES.get(i))
    {
        let ident = format_ident!("{}", name);
        return quote!(::bedrock_profiles::__private::models::refs::#ident);
    }
    let target = match model.target {
        ModelTarget::Base(m) => {
            let e = entry(m);
            quote!(::bedrock_profiles::__private::ModelTarget::Base(#e))
        }
        ModelTarget::CrossRegion(geo, m) => {
            let e = entry(m);
            let geo = format_ident!("{}", format!("{geo:?}"));
            quote!(::bedrock_profiles::__private::ModelTarget::CrossRegion(::bedrock_profiles::__private::Geo::#geo, #e))
        }
        ModelTarget::Arn(resource, m) => {
            let e = entry(m);
            let resource = format_ident!("{}", format!("{resource:?}"));
            quote!(::bedrock_profiles::__private::ModelTarget::Arn(::bedrock_profiles::__private::ArnResource::#resource, #e))
        }
        ModelTarget::OpaqueArn(resource) => {
            let resource = format_ident!("{}", format!("{resource:?}"));
            quote!(::bedrock_profiles::__private::ModelTarget::OpaqueArn(::bedrock_profiles::__private::ArnResource::#resource))
        }
        // A struct literal, not `ModelRef::unlisted(..)`: a const built by a `const fn` call counts as needing
        // `Drop`, and could then not be the `..BASE` of another profile.
        ModelTarget::Unlisted(limits) => {
            let max = Literal::u32_suffixed(limits.max_output_tokens);
            quote!(::bedrock_profiles::__private::ModelTarget::Unlisted(::bedrock_profiles::__private::ModelLimits::unlisted(#id, #max)))
        }
    };
    quote!(::bedrock_profiles::__private::ModelRef { id: ::bedrock_profiles::__private::Cow::Borrowed(#id), target: #target })
}

/// A setting's value as the field's type (`Option<T>` unless `plain`), `None` when the field is left to `..BASE`
/// (or the default).
fn setting<T, L>(
    s: &Setting<T, L>,
    exprs: &Exprs,
    value: impl Fn(&T) -> TokenStream,
    wrap_expr: impl Fn(TokenStream) -> TokenStream,
) -> Option<TokenStream> {
    match s {
        Setting::Set(v, _) => {
            let v = value(v);
            Some(quote!(::bedrock_profiles::__private::Some(#v)))
        }
        Setting::Expr(handle, _) => {
            let e = wrap_expr(exprs.get(*handle));
            Some(quote!(::bedrock_profiles::__private::Some(#e)))
        }
        Setting::Cleared(_) => Some(quote!(::bedrock_profiles::__private::None)),
        Setting::Unset | Setting::Invalid => None,
    }
}

fn text_setting<L>(s: &Setting<String, L>, exprs: &Exprs) -> Option<TokenStream> {
    setting(
        s,
        exprs,
        |t| cow(t),
        |e| quote!(::bedrock_profiles::__private::Cow::Borrowed(#e)),
    )
}

fn f32_setting<L>(s: &Setting<f32, L>, exprs: &Exprs) -> Option<TokenStream> {
    setting(
        s,
        exprs,
        |v| Literal::f32_suffixed(*v).into_token_stream(),
        |e| e,
    )
}

fn u32_setting<L>(s: &Setting<u32, L>, exprs: &Exprs) -> Option<TokenStream> {
    setting(
        s,
        exprs,
        |v| Literal::u32_suffixed(*v).into_token_stream(),
        |e| e,
    )
}

use quote::ToTokens as _;

fn schema<L>(decl: &SchemaDecl<L>, exprs: &Exprs) -> TokenStream {
    let none = quote!(::bedrock_profiles::__private::None);
    let name = text_setting(&decl.name, exprs).unwrap_or_else(|| none.clone());
    let description = text_setting(&decl.description, exprs).unwrap_or(none);
    let schema = match &decl.schema {
        Setting::Set(text, _) => cow(text),
        Setting::Expr(handle, _) => {
            let e = exprs.get(*handle);
            quote!(::bedrock_profiles::__private::Cow::Borrowed(#e))
        }
        _ => cow(""),
    };
    quote! {
        ::bedrock_profiles::__private::ResponseFormat::JsonSchema(::bedrock_profiles::__private::JsonSchema { name: #name, description: #description, schema: #schema })
    }
}

fn reasoning<L>(decl: &ReasoningDecl<L>) -> TokenStream {
    let r = decl.resolve();
    let budget = match r.budget_tokens {
        Some(n) => {
            let n = Literal::u32_suffixed(n);
            quote!(::bedrock_profiles::__private::Some(#n))
        }
        None => quote!(::bedrock_profiles::__private::None),
    };
    let effort = match r.effort {
        Some(e) => {
            let e = format_ident!("{}", format!("{e:?}"));
            quote!(::bedrock_profiles::__private::Some(::bedrock_profiles::__private::Effort::#e))
        }
        None => quote!(::bedrock_profiles::__private::None),
    };
    let thinking = match r.thinking {
        Some(t) => {
            let t = format_ident!("{}", format!("{t:?}"));
            quote!(::bedrock_profiles::__private::Some(::bedrock_profiles::__private::Thinking::#t))
        }
        None => quote!(::bedrock_profiles::__private::None),
    };
    let interleaved = r.interleaved;
    quote! {
        ::bedrock_profiles::__private::ReasoningConfig { budget_tokens: #budget, effort: #effort, thinking: #thinking, interleaved: #interleaved }
    }
}

fn guardrail<L>(decl: &GuardrailDecl<L>) -> TokenStream {
    let id = cow(decl.id.value().map_or("", String::as_str));
    let version = cow(decl.version.value().map_or("", String::as_str));
    let trace = match decl.trace.value() {
        Some(t) => {
            let t = format_ident!("{}", format!("{t:?}"));
            quote!(::bedrock_profiles::__private::Some(::bedrock_profiles::__private::Trace::#t))
        }
        None => quote!(::bedrock_profiles::__private::None),
    };
    quote!(::bedrock_profiles::__private::GuardrailConfig { id: #id, version: #version, trace: #trace })
}

/// An `InferenceProfile` struct literal: the fields the declaration writes, the rest from `base` (the DSL's
/// `..BASE`) or from `InferenceProfile::EMPTY` (every setting unset, version 1), which is far less code than
/// writing every default out.
pub fn profile_value<L>(
    d: &ProfileDecl<L>,
    exprs: &Exprs,
    base: Option<TokenStream>,
) -> TokenStream {
    let base_const = base.as_ref().map(|b| {
        if b.to_string().starts_with("Self") {
            b.clone()
        } else {
            quote!(__BASE)
        }
    });
    let fields = profile_fields(d, exprs, base_const.as_ref());
    match base {
        // `..Self::BASE` (an associated const) is used as it is: an item nested in the initializer could not name
        // `Self`.
        Some(base) if base.to_string().starts_with("Self") => {
            quote!(::bedrock_profiles::__private::InferenceProfile { #(#fields,)* ..#base })
        }
        // The base is first copied into a const of the initializer, spanned on it: a base that is not a `const`
        // (a `static`, say) is then one error on `..BASE`, not one per field on the whole invocation.
        Some(base) => {
            let span = base
                .clone()
                .into_iter()
                .next()
                .map_or(Span::call_site(), |t| t.span());
            let copy = quote_spanned!(span=> const __BASE: ::bedrock_profiles::__private::InferenceProfile = #base;);
            quote!({ #copy ::bedrock_profiles::__private::InferenceProfile { #(#fields,)* ..__BASE } })
        }
        None => {
            quote!(::bedrock_profiles::__private::InferenceProfile { #(#fields,)* ..::bedrock_profiles::__private::InferenceProfile::EMPTY })
        }
    }
}

/// The fields of an `InferenceProfile` struct literal that the declaration writes (the name always). `base` names
/// the const the literal's `..` copies, whose tags a derived profile's layer over.
fn profile_fields<L>(
    d: &ProfileDecl<L>,
    exprs: &Exprs,
    base: Option<&TokenStream>,
) -> Vec<TokenStream> {
    let mut fields = Vec::with_capacity(13);
    // The struct's fields are spelled like the keys.
    let mut field = |key: ProfileKey, value: Option<TokenStream>| {
        let ident = format_ident!("{}", key.as_str());
        if let Some(v) = value {
            fields.push(quote!(#ident: #v));
        }
    };
    let name = match &d.name {
        Setting::Set(text, _) => cow(text),
        Setting::Expr(handle, _) => {
            let e = exprs.get(*handle);
            quote!(::bedrock_profiles::__private::Cow::Borrowed(#e))
        }
        _ => cow(&d.default_name()),
    };
    field(ProfileKey::Name, Some(name));
    field(ProfileKey::Description, text_setting(&d.description, exprs));
    let version = match &d.version {
        Setting::Set(v, _) => Some(Literal::u32_suffixed(*v).into_token_stream()),
        Setting::Expr(handle, _) => Some(exprs.get(*handle)),
        _ => None,
    };
    field(ProfileKey::Version, version);
    field(
        ProfileKey::Model,
        setting(&d.model, exprs, model_ref, |e| e),
    );
    field(ProfileKey::Temperature, f32_setting(&d.temperature, exprs));
    field(ProfileKey::TopP, f32_setting(&d.top_p, exprs));
    field(ProfileKey::TopK, u32_setting(&d.top_k, exprs));
    field(ProfileKey::MaxTokens, u32_setting(&d.max_tokens, exprs));
    let empty = quote!(::bedrock_profiles::__private::Cow::Borrowed(&[]));
    let stops = match &d.stop_sequences {
        Setting::Set(items, _) => {
            let items = items.iter().map(|(s, _)| cow(s));
            Some(quote!(::bedrock_profiles::__private::Cow::Borrowed(&[#(#items),*])))
        }
        Setting::Expr(handle, _) => {
            let e = exprs.get(*handle);
            Some(quote!(::bedrock_profiles::__private::Cow::Borrowed(#e)))
        }
        Setting::Cleared(_) => Some(empty.clone()),
        _ => None,
    };
    field(ProfileKey::StopSequences, stops);
    field(
        ProfileKey::AnthropicVersion,
        text_setting(&d.anthropic_version, exprs),
    );
    let format = setting(&d.response_format, exprs, |s| schema(s, exprs), |e| e);
    field(ProfileKey::ResponseFormat, format);
    field(
        ProfileKey::Reasoning,
        setting(&d.reasoning, exprs, reasoning, |e| e),
    );
    field(
        ProfileKey::Guardrail,
        setting(&d.guardrail, exprs, guardrail, |e| e),
    );
    let own_tags = match &d.tags {
        Setting::Set(items, _) => {
            let items = items.iter().map(|t| {
                let (key, value) = (Literal::string(&t.key.text), Literal::string(&t.value));
                quote!((#key, #value))
            });
            Some(quote!(&[#(#items),*]))
        }
        Setting::Expr(handle, _) => Some(exprs.get(*handle)),
        Setting::Cleared(_) => Some(quote!(&[])),
        _ => None,
    };
    // A derived profile's tags layer over its base's, merged in const code (`Tags` says how).
    let tags = own_tags.map(|own| match base {
        Some(base) if !matches!(d.tags, Setting::Cleared(_)) => quote! {
            ::bedrock_profiles::__private::Tags::Static(&::bedrock_profiles::__private::merge_tags::<{
                ::bedrock_profiles::__private::merged_tag_count(#own, ::bedrock_profiles::__private::static_tags(&#base))
            }>(#own, ::bedrock_profiles::__private::static_tags(&#base)))
        },
        _ => quote!(::bedrock_profiles::__private::Tags::Static(#own)),
    });
    field(ProfileKey::Tags, tags);
    fields
}

/// A rustc warning at `span`, as a statement (of a const's initializer): a use of a `#[deprecated]` const whose
/// note is `message` (works on stable; the warning names the note). Used for a model past its end of life and
/// deprecated settings.
pub fn warning(span: Span, message: &str) -> TokenStream {
    let note = Literal::string(message);
    let ident = Ident::new("bedrock_profiles_warning", span);
    quote_spanned! {span=>
        {
            #[deprecated(note = #note)]
            #[allow(non_upper_case_globals)]
            const bedrock_profiles_warning: () = ();
            #ident
        };
    }
}

/// The warnings of an attribute macro's item (a prompt's or an agent's model past its end of life) as one item
/// beside its impl: `const _: () = { <warning statements> };`.
pub fn warnings_item(warnings: &[(Span, String)]) -> TokenStream {
    if warnings.is_empty() {
        return TokenStream::new();
    }
    let statements = warnings
        .iter()
        .map(|(span, message)| warning(*span, message));
    quote!(const _: () = { #(#statements)* };)
}

/// `const _: () = assert_valid(PROFILE, Surface::X, model, "what");`, every token spanned at `span` so that
/// rustc's E0080 points there.
pub fn assertion(
    span: Span,
    profile: TokenStream,
    surface: &str,
    model: Option<TokenStream>,
    what: &str,
) -> TokenStream {
    let surface = format_ident!("{}", surface, span = span);
    let what = Literal::string(what);
    match model {
        // A reference to the literal itself, not to a `const __MODEL` beside it: one item less for rustc, and the
        // value (`Cow::Borrowed` parts only) needs no destructor at compile time.
        Some(model) => quote_spanned! {span=>
            const _: () = ::bedrock_profiles::__private::assert_valid(
                #profile,
                ::bedrock_profiles::__private::Surface::#surface,
                ::bedrock_profiles::__private::Some(&#model),
                #what,
            );
        },
        None => quote_spanned! {span=>
            const _: () = ::bedrock_profiles::__private::assert_valid(
                #profile,
                ::bedrock_profiles::__private::Surface::#surface,
                ::bedrock_profiles::__private::None,
                #what,
            );
        },
    }
}

/// A `Prompt` impl that renders nothing, emitted beside the errors so that uses of the struct raise no more errors.
pub fn prompt_stub(ident: &Ident, generics: &Generics) -> TokenStream {
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::bedrock_profiles::__private::Prompt for #ident #ty_generics #where_clause {
            const SPEC: ::bedrock_profiles::__private::PromptSpec<'static> = ::bedrock_profiles::__private::PromptSpec { name: "", description: ::bedrock_profiles::__private::None, variants: &[] };
            fn write_part<__W: ::core::fmt::Write + ?::core::marker::Sized>(
                &self,
                _: usize,
                _: ::bedrock_profiles::__private::Part,
                _: &mut __W,
            ) -> ::core::fmt::Result {
                ::core::result::Result::Ok(())
            }
        }
    }
}
