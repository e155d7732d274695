//! Stage 3 for every macro: the generated items. `inference_profile!`, `#[prompt]`, `#[agent]` and
//! `include_profiles!` build their consts, `const` assertions and fallback items here, so an item is the same
//! whichever front end declared it. Generated code names the runtime only through `::bedrock_profiles::__private`.

use crate::code::Code;
use crate::syntax::Exprs;
use bedrock_profiles_core::decl::{
    GuardrailDecl, ProfileDecl, ProfileKey, ReasoningDecl, SchemaDecl, Setting,
};
use bedrock_profiles_core::models::{self, ModelRef, ModelTarget};
use proc_macro2::{Delimiter, Literal, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::{Generics, Ident};

/// `Cow::Borrowed("text")`.
pub fn cow(c: &mut Code, text: &str) {
    c.str("::bedrock_profiles::__private::Cow::Borrowed(");
    c.lit(text);
    c.str(")");
}

/// `Cow::Borrowed(<tokens>)`, for a constant expression.
fn cow_tokens(c: &mut Code, tokens: TokenStream) {
    c.str("::bedrock_profiles::__private::Cow::Borrowed");
    c.open(Delimiter::Parenthesis);
    c.tokens(tokens);
    c.close();
}

/// Generated rustdoc as one `#[doc]` attribute (its lines joined), not one attribute per line: rustdoc reads both
/// the same, and one attribute is far fewer tokens for rustc to take in.
pub fn doc(c: &mut Code, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    c.str("#[doc = ");
    c.lit(&lines.join("\n"));
    c.str("]");
    if crate::doc::has_link(lines) {
        c.str("#[allow(rustdoc::private_intra_doc_links)]");
    }
}

/// `item` as written with `attrs` inserted after its own outer attributes (so that generated docs follow the
/// user's). The item's tokens are passed through, not parsed and printed again: re-emitting a parsed struct
/// recreates every one of its tokens, which in an unoptimized proc macro costs more than the rest of the expansion.
pub fn after_attributes(c: &mut Code, item: TokenStream, attrs: impl FnOnce(&mut Code)) {
    let mut own = TokenStream::new();
    let mut rest = item.into_iter().peekable();
    while let Some(proc_macro2::TokenTree::Punct(p)) = rest.peek() {
        if p.as_char() != '#' {
            break;
        }
        // `#` and its `[...]`.
        own.extend(rest.next());
        own.extend(rest.next());
    }
    c.tokens(own);
    attrs(c);
    c.tokens(rest.collect());
}

/// The catalog const of a model, `None` for a model missing from the catalog (which the checker never builds).
fn catalog_name(m: &models::Model) -> Option<&'static str> {
    models::catalog_index(m).and_then(|i| models::CATALOG_CONST_NAMES.get(i).copied())
}

/// A `ModelRef` value naming the catalog entry by its const.
pub fn model_ref(c: &mut Code, model: &ModelRef) {
    // A base id is the catalog's own `ModelRef` const: a path instead of a struct literal.
    if let ModelTarget::Base(m) = model.target
        && model.id() == m.id
        && let Some(name) = catalog_name(m)
    {
        c.str("::bedrock_profiles::__private::refs::");
        c.str(name);
        return;
    }
    let entry = |c: &mut Code, m: &models::Model| match catalog_name(m) {
        Some(name) => {
            c.str("&::bedrock_profiles::__private::models::");
            c.str(name);
        }
        None => {
            c.str("::core::compile_error!(\"bedrock-profiles: model missing from the catalog\")")
        }
    };
    c.str("::bedrock_profiles::__private::ModelRef { id: ");
    cow(c, model.id());
    c.str(", target: ");
    match model.target {
        ModelTarget::Base(m) => {
            c.str("::bedrock_profiles::__private::ModelTarget::Base(");
            entry(c, m);
        }
        ModelTarget::CrossRegion(geo, m) => {
            write!(
                c,
                "::bedrock_profiles::__private::ModelTarget::CrossRegion(::bedrock_profiles::__private::Geo::{geo:?}, "
            );
            entry(c, m);
        }
        ModelTarget::Arn(resource, m) => {
            write!(
                c,
                "::bedrock_profiles::__private::ModelTarget::Arn(::bedrock_profiles::__private::ArnResource::{resource:?}, "
            );
            entry(c, m);
        }
        ModelTarget::OpaqueArn(resource) => {
            write!(
                c,
                "::bedrock_profiles::__private::ModelTarget::OpaqueArn(::bedrock_profiles::__private::ArnResource::{resource:?}"
            );
        }
        // A struct literal, not `ModelRef::unlisted(..)`: a const built by a `const fn` call counts as needing
        // `Drop`, and could then not be the `..BASE` of another profile.
        ModelTarget::Unlisted(limits) => {
            c.str("::bedrock_profiles::__private::ModelTarget::Unlisted(::bedrock_profiles::__private::ModelLimits::unlisted(");
            c.lit(model.id());
            write!(c, ", {}u32)", limits.max_output_tokens);
        }
    }
    c.str(") }");
}

/// `Some(value)` or `None`.
pub fn option<T>(c: &mut Code, value: Option<T>, write: impl FnOnce(&mut Code, T)) {
    match value {
        Some(v) => {
            c.str("::bedrock_profiles::__private::Some(");
            write(c, v);
            c.str(")");
        }
        None => c.str("::bedrock_profiles::__private::None"),
    }
}

/// A setting's value as the field's type (`Option<T>`); nothing for a setting left to `..BASE` (or the default),
/// which [`field`] does not write.
fn setting<T, L>(
    c: &mut Code,
    s: &Setting<T, L>,
    exprs: &Exprs,
    value: impl FnOnce(&mut Code, &T),
    wrap_expr: impl FnOnce(&mut Code, TokenStream),
) {
    match s {
        Setting::Set(v, _) => {
            c.str("::bedrock_profiles::__private::Some(");
            value(c, v);
            c.str(")");
        }
        Setting::Expr(handle, _) => {
            c.str("::bedrock_profiles::__private::Some");
            c.open(Delimiter::Parenthesis);
            wrap_expr(c, exprs.get(*handle));
            c.close();
        }
        Setting::Cleared(_) => c.str("::bedrock_profiles::__private::None"),
        Setting::Unset | Setting::Invalid => {}
    }
}

/// Whether the struct literal gets a field for the setting: [`Setting::is_written`], less an invalid value (whose
/// error stops the expansion; written out it would be `key: ,`).
fn written<T, L>(s: &Setting<T, L>) -> bool {
    s.is_written() && !matches!(s, Setting::Invalid)
}

fn text_setting<L>(c: &mut Code, s: &Setting<String, L>, exprs: &Exprs) {
    setting(c, s, exprs, |c, t| cow(c, t), cow_tokens);
}

fn f32_setting<L>(c: &mut Code, s: &Setting<f32, L>, exprs: &Exprs) {
    // `Display`, as `Literal::f32_suffixed` writes it: never an exponent, `1` for 1.0.
    setting(c, s, exprs, |c, v| write!(c, "{v}f32"), |c, e| c.tokens(e));
}

fn u32_setting<L>(c: &mut Code, s: &Setting<u32, L>, exprs: &Exprs) {
    setting(c, s, exprs, |c, v| write!(c, "{v}u32"), |c, e| c.tokens(e));
}

/// `name: None` for a setting that is not written (a schema's optional texts).
fn text_or_none<L>(c: &mut Code, s: &Setting<String, L>, exprs: &Exprs) {
    if written(s) {
        text_setting(c, s, exprs);
    } else {
        c.str("::bedrock_profiles::__private::None");
    }
}

fn schema<L>(c: &mut Code, decl: &SchemaDecl<L>, exprs: &Exprs) {
    c.str("::bedrock_profiles::__private::ResponseFormat::JsonSchema(::bedrock_profiles::__private::JsonSchema ");
    c.open(Delimiter::Brace);
    c.str("name: ");
    text_or_none(c, &decl.name, exprs);
    c.str(", description: ");
    text_or_none(c, &decl.description, exprs);
    c.str(", schema: ");
    match &decl.schema {
        Setting::Set(text, _) => cow(c, text),
        Setting::Expr(handle, _) => cow_tokens(c, exprs.get(*handle)),
        _ => cow(c, ""),
    }
    c.close();
    c.str(")");
}

fn reasoning<L>(c: &mut Code, decl: &ReasoningDecl<L>) {
    let r = decl.resolve();
    c.str("::bedrock_profiles::__private::ReasoningConfig { budget_tokens: ");
    option(c, r.budget_tokens, |c, n| write!(c, "{n}u32"));
    c.str(", effort: ");
    option(c, r.effort, |c, e| {
        write!(c, "::bedrock_profiles::__private::Effort::{e:?}")
    });
    c.str(", thinking: ");
    option(c, r.thinking, |c, t| {
        write!(c, "::bedrock_profiles::__private::Thinking::{t:?}")
    });
    write!(c, ", interleaved: {} }}", r.interleaved);
}

fn guardrail<L>(c: &mut Code, decl: &GuardrailDecl<L>) {
    c.str("::bedrock_profiles::__private::GuardrailConfig { id: ");
    cow(c, decl.id.value().map_or("", String::as_str));
    c.str(", version: ");
    cow(c, decl.version.value().map_or("", String::as_str));
    c.str(", trace: ");
    option(c, decl.trace.value(), |c, t| {
        write!(c, "::bedrock_profiles::__private::Trace::{t:?}")
    });
    c.str(" }");
}

/// What a derived profile's `..` copies.
pub enum Base<'a> {
    /// `InferenceProfile::EMPTY`: every setting unset, version 1.
    Empty,
    /// `..Self::BASE`, used as written (an item nested in the initializer could not name `Self`).
    SelfPath(&'a TokenStream),
    /// Any other path, first copied into a `const __BASE` of the initializer spanned on it: a base that is not a
    /// `const` (a `static`, say) is then rustc's E0507 on `..BASE` (with E0493 for the copy, on the invocation:
    /// `tests/ui/base-is-a-static.stderr`), not one error per field.
    Path(&'a TokenStream),
}

/// An `InferenceProfile` struct literal: the fields the declaration writes, the rest from the base (the DSL's
/// `..BASE`) or from `InferenceProfile::EMPTY`, which is far less code than writing every default out.
pub fn profile_value<L>(c: &mut Code, d: &ProfileDecl<L>, exprs: &Exprs, base: Base<'_>) {
    match base {
        Base::Empty => {
            c.str("::bedrock_profiles::__private::InferenceProfile ");
            c.open(Delimiter::Brace);
            profile_fields(c, d, exprs, None);
            c.str("..::bedrock_profiles::__private::InferenceProfile::EMPTY");
            c.close();
        }
        Base::SelfPath(base) => {
            c.str("::bedrock_profiles::__private::InferenceProfile ");
            c.open(Delimiter::Brace);
            profile_fields(c, d, exprs, Some(&|c: &mut Code| c.tokens(base.clone())));
            c.str("..");
            c.tokens(base.clone());
            c.close();
        }
        Base::Path(base) => {
            let span = base
                .clone()
                .into_iter()
                .next()
                .map_or(Span::call_site(), |t| t.span());
            c.open(Delimiter::Brace);
            c.tokens(quote_spanned!(span=> const __BASE: ::bedrock_profiles::__private::InferenceProfile = #base;));
            c.str("::bedrock_profiles::__private::InferenceProfile ");
            c.open(Delimiter::Brace);
            profile_fields(c, d, exprs, Some(&|c: &mut Code| c.str("__BASE")));
            c.str("..__BASE");
            c.close();
            c.close();
        }
    }
}

/// `key: <value>, ` when the declaration writes the setting (an unset one is left to the base or the default).
/// The struct's fields are spelled like the keys.
fn field<T, L>(
    c: &mut Code,
    key: ProfileKey,
    s: &Setting<T, L>,
    value: impl FnOnce(&mut Code, &Setting<T, L>),
) {
    if written(s) {
        c.str(key.as_str());
        c.str(": ");
        value(c, s);
        c.str(", ");
    }
}

/// The fields of an `InferenceProfile` struct literal that the declaration writes (the name always), each followed
/// by a comma. `base` writes the const the literal's `..` copies, whose tags a derived profile's layer over.
fn profile_fields<L>(
    c: &mut Code,
    d: &ProfileDecl<L>,
    exprs: &Exprs,
    base: Option<&dyn Fn(&mut Code)>,
) {
    c.str("name: ");
    match &d.name {
        Setting::Set(text, _) => cow(c, text),
        Setting::Expr(handle, _) => cow_tokens(c, exprs.get(*handle)),
        _ => cow(c, &d.default_name()),
    }
    c.str(", ");
    field(c, ProfileKey::Description, &d.description, |c, s| {
        text_setting(c, s, exprs)
    });
    field(c, ProfileKey::Version, &d.version, |c, s| match s {
        Setting::Set(v, _) => write!(c, "{v}u32"),
        Setting::Expr(handle, _) => c.tokens(exprs.get(*handle)),
        // `version: None` is an error of the declaration layer; the default otherwise.
        _ => c.str("1u32"),
    });
    field(c, ProfileKey::Model, &d.model, |c, s| {
        setting(c, s, exprs, model_ref, |c, e| c.tokens(e))
    });
    field(c, ProfileKey::Temperature, &d.temperature, |c, s| {
        f32_setting(c, s, exprs)
    });
    field(c, ProfileKey::TopP, &d.top_p, |c, s| {
        f32_setting(c, s, exprs)
    });
    field(c, ProfileKey::TopK, &d.top_k, |c, s| {
        u32_setting(c, s, exprs)
    });
    field(c, ProfileKey::MaxTokens, &d.max_tokens, |c, s| {
        u32_setting(c, s, exprs)
    });
    field(
        c,
        ProfileKey::StopSequences,
        &d.stop_sequences,
        |c, s| match s {
            Setting::Set(items, _) => {
                c.str("::bedrock_profiles::__private::Cow::Borrowed(&[");
                for (i, (s, _)) in items.iter().enumerate() {
                    if i > 0 {
                        c.str(", ");
                    }
                    cow(c, s);
                }
                c.str("])");
            }
            Setting::Expr(handle, _) => cow_tokens(c, exprs.get(*handle)),
            _ => c.str("::bedrock_profiles::__private::Cow::Borrowed(&[])"),
        },
    );
    field(
        c,
        ProfileKey::AnthropicVersion,
        &d.anthropic_version,
        |c, s| text_setting(c, s, exprs),
    );
    field(c, ProfileKey::ResponseFormat, &d.response_format, |c, s| {
        setting(c, s, exprs, |c, s| schema(c, s, exprs), |c, e| c.tokens(e))
    });
    field(c, ProfileKey::Reasoning, &d.reasoning, |c, s| {
        setting(c, s, exprs, reasoning, |c, e| c.tokens(e))
    });
    field(c, ProfileKey::Guardrail, &d.guardrail, |c, s| {
        setting(c, s, exprs, guardrail, |c, e| c.tokens(e))
    });
    field(c, ProfileKey::Tags, &d.tags, |c, s| {
        let own = |c: &mut Code| match s {
            Setting::Set(items, _) => {
                c.str("&[");
                for (i, t) in items.iter().enumerate() {
                    if i > 0 {
                        c.str(", ");
                    }
                    c.str("(");
                    c.lit(&t.key.text);
                    c.str(", ");
                    c.lit(&t.value);
                    c.str(")");
                }
                c.str("]");
            }
            Setting::Expr(handle, _) => c.tokens(exprs.get(*handle)),
            _ => c.str("&[]"),
        };
        c.str("::bedrock_profiles::__private::Tags::Static");
        c.open(Delimiter::Parenthesis);
        match base {
            // `tags: None` drops the base's tags, but not the mark of a broken base's stub (`REPORTED`), so that
            // the derived profile's assertion still knows that base's error is reported.
            Some(base) if matches!(s, Setting::Cleared(_)) => {
                c.str("::bedrock_profiles::__private::cleared_tags");
                c.open(Delimiter::Parenthesis);
                c.str("&");
                base(c);
                c.close();
            }
            // A derived profile's tags layer over its base's, merged in const code (`Tags` says how).
            Some(base) => {
                let static_tags = |c: &mut Code| {
                    c.str("::bedrock_profiles::__private::static_tags");
                    c.open(Delimiter::Parenthesis);
                    c.str("&");
                    base(c);
                    c.close();
                };
                c.str("&::bedrock_profiles::__private::merge_tags::<");
                c.open(Delimiter::Brace);
                c.str("::bedrock_profiles::__private::merged_tag_count");
                c.open(Delimiter::Parenthesis);
                own(c);
                c.str(", ");
                static_tags(c);
                c.close();
                c.close();
                c.str(">");
                c.open(Delimiter::Parenthesis);
                own(c);
                c.str(", ");
                static_tags(c);
                c.close();
            }
            _ => own(c),
        }
        c.close();
    });
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

/// `const _: () = assert_valid(PROFILE, Surface::X, model, "what");`, its call spanned at `span` so that rustc's
/// E0080 points there.
pub fn assertion(
    c: &mut Code,
    span: Span,
    profile: TokenStream,
    surface: &str,
    model: Option<&ModelRef>,
    what: &str,
) {
    c.tokens(quote_spanned!(span=> const _: () = ::bedrock_profiles::__private::assert_valid));
    c.open_spanned(Delimiter::Parenthesis, span);
    c.tokens(profile);
    write!(c, ", ::bedrock_profiles::__private::Surface::{surface}, ");
    // A reference to the literal itself, not to a `const __MODEL` beside it: one item less for rustc, and the
    // value (`Cow::Borrowed` parts only) needs no destructor at compile time.
    option(c, model, |c, m| {
        c.str("&");
        model_ref(c, m);
    });
    c.str(", ");
    c.lit(what);
    c.close();
    c.tokens(quote_spanned!(span=> ;));
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
