//! Stage 3 for every macro: the generated items. `inference_profile!`, `#[prompt]`, `#[agent]` and
//! `include_profiles!` build their consts, `const` assertions and fallback items here, so an item is the same
//! whichever front end declared it. Generated code names the runtime only through [`Code::rt`] (text) and
//! [`crate::runtime::Runtime::spanned`] (tokens spanned on the user's).

use crate::code::Code;
use crate::runtime::Runtime;
use crate::syntax::Exprs;
use bedrock_profiles_core::decl::{
    GuardrailDecl, ProfileDecl, ProfileKey, ReasoningDecl, SchemaDecl, Setting,
};
use bedrock_profiles_core::models::{self, ModelRef, ModelTarget};
use bedrock_profiles_core::rules::Surface;
use proc_macro2::{Delimiter, Literal, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::{Generics, Ident};

/// `Cow::Borrowed("text")`.
pub fn cow(c: &mut Code, text: &str) {
    c.rt("Cow::Borrowed");
    c.group(Delimiter::Parenthesis, |c| c.lit(text));
}

/// `Cow::Borrowed(<tokens>)`, for a constant expression.
fn cow_tokens(c: &mut Code, tokens: TokenStream) {
    c.rt("Cow::Borrowed");
    c.spanned(first_span(&tokens), Delimiter::Parenthesis, |c| {
        c.tokens(tokens)
    });
}

/// The span of the first of `tokens` (the call site for none): what a generated group around them is spanned on,
/// so that rustc's labels on the group point at the user's tokens rather than at the whole macro call.
pub fn first_span(tokens: &TokenStream) -> Span {
    tokens
        .clone()
        .into_iter()
        .next()
        .map_or(Span::call_site(), |t| t.span())
}

/// Generated rustdoc as one `#[doc]` attribute (its lines joined), not one attribute per line: rustdoc reads both
/// the same, and one attribute is far fewer tokens for rustc to take in.
pub fn doc(c: &mut Code, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    c.str("#");
    c.group(Delimiter::Bracket, |c| {
        c.str("doc = ");
        c.lit(&lines.join("\n"));
    });
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
    bedrock_profiles_core::__private::catalog_index(m)
        .and_then(|i| models::CATALOG_CONST_NAMES.get(i).copied())
}

/// A `ModelRef` value naming the catalog entry by its const.
pub fn model_ref(c: &mut Code, model: &ModelRef) {
    // A base id is the catalog's own `ModelRef` const: a path instead of a struct literal.
    if let ModelTarget::Base(m) = model.target
        && model.id() == m.id
        && let Some(name) = catalog_name(m)
    {
        c.rt("refs::");
        c.str(name);
        return;
    }
    let entry = |c: &mut Code, m: &models::Model| match catalog_name(m) {
        Some(name) => {
            c.str("&");
            c.rt("models::");
            c.str(name);
        }
        None => {
            c.str("::core::compile_error!(\"bedrock-profiles: model missing from the catalog\")")
        }
    };
    c.rt("ModelRef");
    c.group(Delimiter::Brace, |c| {
        c.str("id: ");
        cow(c, model.id());
        c.str(", target: ");
        match model.target {
            ModelTarget::Base(m) => {
                c.rt("ModelTarget::Base");
                c.group(Delimiter::Parenthesis, |c| entry(c, m));
            }
            ModelTarget::CrossRegion(geo, m) => {
                c.rt("ModelTarget::CrossRegion");
                c.group(Delimiter::Parenthesis, |c| {
                    c.rt("Geo::");
                    write!(c, "{geo:?}, ");
                    entry(c, m);
                });
            }
            ModelTarget::Arn(resource, m) => {
                c.rt("ModelTarget::Arn");
                c.group(Delimiter::Parenthesis, |c| {
                    c.rt("ArnResource::");
                    write!(c, "{resource:?}, ");
                    entry(c, m);
                });
            }
            ModelTarget::OpaqueArn(resource) => {
                c.rt("ModelTarget::OpaqueArn");
                c.group(Delimiter::Parenthesis, |c| {
                    c.rt("ArnResource::");
                    write!(c, "{resource:?}");
                });
            }
            // A struct literal, not `ModelRef::unlisted(..)`: a const built by a `const fn` call counts as needing
            // `Drop`, and could then not be the `..BASE` of another profile.
            ModelTarget::Unlisted(limits) => {
                c.rt("ModelTarget::Unlisted");
                c.group(Delimiter::Parenthesis, |c| {
                    c.rt("ModelLimits::unlisted");
                    c.group(Delimiter::Parenthesis, |c| {
                        c.lit(model.id());
                        write!(c, ", {}u32", limits.max_output_tokens);
                    });
                });
            }
        }
    });
}

/// `Some(value)` or `None`.
pub fn option<T>(c: &mut Code, value: Option<T>, write: impl FnOnce(&mut Code, T)) {
    match value {
        Some(v) => {
            c.rt("Some");
            c.group(Delimiter::Parenthesis, |c| write(c, v));
        }
        None => c.rt("None"),
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
            c.rt("Some");
            c.group(Delimiter::Parenthesis, |c| value(c, v));
        }
        // `Some(<expression>)` spanned on the expression (the path and the parentheses: rustc joins their spans
        // for the call): "arguments to this enum variant are incorrect" then points at it, not at the whole macro
        // call.
        Setting::Expr(handle, _) => {
            let tokens = exprs.get(*handle);
            let span = first_span(&tokens);
            c.tokens(c.runtime().spanned(span, "Some"));
            c.spanned(span, Delimiter::Parenthesis, |c| wrap_expr(c, tokens));
        }
        Setting::Cleared(_) => c.rt("None"),
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
        c.rt("None");
    }
}

fn schema<L>(c: &mut Code, decl: &SchemaDecl<L>, exprs: &Exprs) {
    c.rt("ResponseFormat::JsonSchema");
    c.group(Delimiter::Parenthesis, |c| {
        c.rt("JsonSchema ");
        c.group(Delimiter::Brace, |c| {
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
        });
    });
}

fn reasoning<L>(c: &mut Code, decl: &ReasoningDecl<L>) {
    let r = decl.resolve();
    c.rt("ReasoningConfig");
    c.group(Delimiter::Brace, |c| {
        c.str("budget_tokens: ");
        option(c, r.budget_tokens, |c, n| write!(c, "{n}u32"));
        c.str(", effort: ");
        option(c, r.effort, |c, e| {
            c.rt("Effort::");
            write!(c, "{e:?}");
        });
        c.str(", thinking: ");
        option(c, r.thinking, |c, t| {
            c.rt("Thinking::");
            write!(c, "{t:?}");
        });
        write!(c, ", interleaved: {}", r.interleaved);
    });
}

fn guardrail<L>(c: &mut Code, decl: &GuardrailDecl<L>) {
    c.rt("GuardrailConfig");
    c.group(Delimiter::Brace, |c| {
        c.str("id: ");
        cow(c, decl.id.value().map_or("", String::as_str));
        c.str(", version: ");
        cow(c, decl.version.value().map_or("", String::as_str));
        c.str(", trace: ");
        option(c, decl.trace.value(), |c, t| {
            c.rt("Trace::");
            write!(c, "{t:?}");
        });
    });
}

/// What a derived profile's `..` copies.
pub enum Base<'a> {
    /// `InferenceProfile::EMPTY`: every setting unset, version 1.
    Empty,
    /// `..Self::BASE`, used as written (an item nested in the initializer could not name `Self`).
    SelfPath(&'a TokenStream),
    /// Any other path, first copied into a `const __BASE` of the initializer spanned on it: a base that is not a
    /// `const` (a `static`, say) is then rustc's E0507 on `..BASE` (with E0493 for the copy, also on `..BASE`:
    /// `tests/ui/base-is-a-static.stderr`), not one error per field.
    Path(&'a TokenStream),
}

/// An `InferenceProfile` struct literal: the fields the declaration writes, the rest from the base (the DSL's
/// `..BASE`) or from `InferenceProfile::EMPTY`, which is far less code than writing every default out.
pub fn profile_value<L>(c: &mut Code, d: &ProfileDecl<L>, exprs: &Exprs, base: Base<'_>) {
    match base {
        Base::Empty => {
            c.rt("InferenceProfile ");
            c.group(Delimiter::Brace, |c| {
                profile_fields(c, d, exprs, None);
                c.str("..");
                c.rt("InferenceProfile::EMPTY");
            });
        }
        Base::SelfPath(base) => {
            c.rt("InferenceProfile ");
            c.group(Delimiter::Brace, |c| {
                profile_fields(c, d, exprs, Some(&|c: &mut Code| c.tokens(base.clone())));
                c.str("..");
                c.tokens(base.clone());
            });
        }
        Base::Path(base) => {
            // The block and the struct literal spanned on the path too: rustc's labels on them (E0493's "the
            // destructor for this type cannot be evaluated in constants") point at `..BASE`, not at the whole
            // macro call.
            let span = first_span(base);
            let ty = c.runtime().spanned(span, "InferenceProfile");
            c.spanned(span, Delimiter::Brace, |c| {
                c.tokens(quote_spanned!(span=> const __BASE: #ty = #base;));
                c.tokens(ty.clone());
                c.spanned(span, Delimiter::Brace, |c| {
                    profile_fields(c, d, exprs, Some(&|c: &mut Code| c.str("__BASE")));
                    c.str("..");
                    c.tokens(quote_spanned!(span=> __BASE));
                });
            });
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
                c.rt("Cow::Borrowed");
                c.group(Delimiter::Parenthesis, |c| {
                    c.str("&");
                    c.group(Delimiter::Bracket, |c| {
                        for (i, (s, _)) in items.iter().enumerate() {
                            if i > 0 {
                                c.str(", ");
                            }
                            cow(c, s);
                        }
                    });
                });
            }
            Setting::Expr(handle, _) => cow_tokens(c, exprs.get(*handle)),
            _ => {
                c.rt("Cow::Borrowed");
                c.str("(&[])");
            }
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
                c.str("&");
                c.group(Delimiter::Bracket, |c| {
                    for (i, t) in items.iter().enumerate() {
                        if i > 0 {
                            c.str(", ");
                        }
                        c.group(Delimiter::Parenthesis, |c| {
                            c.lit(&t.key.text);
                            c.str(", ");
                            c.lit(&t.value);
                        });
                    }
                });
            }
            Setting::Expr(handle, _) => c.tokens(exprs.get(*handle)),
            _ => c.str("&[]"),
        };
        c.rt("Tags::Static");
        c.group(Delimiter::Parenthesis, |c| match base {
            // `tags: None` drops the base's tags, but not the mark of a broken base's stub (`REPORTED`), so that
            // the derived profile's assertion still knows that base's error is reported.
            Some(base) if matches!(s, Setting::Cleared(_)) => {
                c.rt("cleared_tags");
                c.group(Delimiter::Parenthesis, |c| {
                    c.str("&");
                    base(c);
                });
            }
            // A derived profile's tags layer over its base's, merged in const code (`Tags` says how).
            Some(base) => {
                let static_tags = |c: &mut Code| {
                    c.rt("static_tags");
                    c.group(Delimiter::Parenthesis, |c| {
                        c.str("&");
                        base(c);
                    });
                };
                c.str("&");
                c.rt("merge_tags::<");
                c.group(Delimiter::Brace, |c| {
                    c.rt("merged_tag_count");
                    c.group(Delimiter::Parenthesis, |c| {
                        own(c);
                        c.str(", ");
                        static_tags(c);
                    });
                });
                c.str(">");
                c.group(Delimiter::Parenthesis, |c| {
                    own(c);
                    c.str(", ");
                    static_tags(c);
                });
            }
            _ => own(c),
        });
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
/// The runtime path of `surface`'s variant, `Surface::Converse`, ...
pub fn surface_path(c: &mut Code, surface: Surface) {
    c.rt(match surface {
        Surface::Converse => "Surface::Converse",
        Surface::PromptManagement => "Surface::PromptManagement",
        Surface::Agent => "Surface::Agent",
    });
}

pub fn assertion(
    c: &mut Code,
    span: Span,
    profile: TokenStream,
    surface: Surface,
    model: Option<&ModelRef>,
    what: &str,
) {
    let assert_valid = c.runtime().spanned(span, "assert_valid");
    c.tokens(quote_spanned!(span=> const _: () = #assert_valid));
    c.spanned(span, Delimiter::Parenthesis, |c| {
        c.tokens(profile);
        c.str(", ");
        surface_path(c, surface);
        c.str(", ");
        // A reference to the literal itself, not to a `const __MODEL` beside it: one item less for rustc, and the
        // value (`Cow::Borrowed` parts only) needs no destructor at compile time.
        option(c, model, |c, m| {
            c.str("&");
            model_ref(c, m);
        });
        c.str(", ");
        c.lit(what);
    });
    c.tokens(quote_spanned!(span=> ;));
}

/// The attribute of a trait impl the macro derives for the user's struct (`#[prompt]`'s `Prompt`).
pub const DERIVED: &str = "#[automatically_derived] ";

/// `<attrs>impl<G> <runtime>::<trait_> for <self_ty> { <body> }`: `self_ty` holds the type with its generics and
/// where clause, as the user's tokens (spans on the user's generics).
pub fn trait_impl(
    c: &mut Code,
    attrs: &str,
    trait_: &str,
    impl_generics: TokenStream,
    self_ty: TokenStream,
    body: impl FnOnce(&mut Code),
) {
    c.str(attrs);
    c.str("impl");
    c.tokens(impl_generics);
    c.str(" ");
    c.rt(trait_);
    c.str(" for ");
    c.tokens(self_ty);
    c.group(Delimiter::Brace, body);
}

/// A `Prompt` impl that renders nothing, emitted beside the errors so that uses of the struct raise no more errors.
pub fn prompt_stub(runtime: &Runtime, ident: &Ident, generics: &Generics) -> TokenStream {
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let mut c = Code::new(runtime.clone());
    let self_ty = quote!(#ident #ty_generics #where_clause);
    trait_impl(
        &mut c,
        DERIVED,
        "Prompt",
        quote!(#impl_generics),
        self_ty,
        |c| {
            c.str("const SPEC: ");
            c.rt("PromptSpec");
            c.str("<'static> = ");
            c.rt("PromptSpec");
            c.group(Delimiter::Brace, |c| {
                c.str("name: \"\", description: ");
                c.rt("None");
                c.str(", variants: &[]");
            });
            c.str("; fn write_part<__W: ::core::fmt::Write + ?::core::marker::Sized>");
            c.group(Delimiter::Parenthesis, |c| {
                c.str("&self, _: usize, _: ");
                c.rt("Part");
                c.str(", _: &mut __W");
            });
            c.str(" -> ::core::fmt::Result { ::core::result::Result::Ok(()) }");
        },
    );
    c.finish()
}
