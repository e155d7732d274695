//! Stage 3 for every macro: the generated items. `inference_profile!`, `#[prompt]`, `#[agent]` and
//! `include_profiles!` build their consts, `const` assertions and fallback items here, so an item is the same
//! whichever front end declared it. Generated code names the runtime only through [`Code::rt`] (text) and
//! [`crate::runtime::Runtime::spanned`] (tokens spanned on the user's).

use crate::code::Code;
use crate::runtime::Runtime;
use bedrock_profiles_core::models::{self, ModelRef, ModelTarget};
use bedrock_profiles_core::rules::Surface;
use proc_macro2::{Delimiter, Literal, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::{Generics, Ident};

mod profile;
pub use profile::{Base, profile_value};

/// `Cow::Borrowed("text")`.
pub fn cow(c: &mut Code, text: &str) {
    c.rt("Cow::Borrowed");
    c.group(Delimiter::Parenthesis, |c| c.lit(text));
}

/// `Cow::Borrowed(<tokens>)`, for a constant expression.
fn cow_tokens(c: &mut Code, tokens: TokenStream) {
    borrowed_tokens(c, "Cow::Borrowed", tokens);
}

/// `Shared::Static(<tokens>)`, for a constant expression.
fn shared_tokens(c: &mut Code, tokens: TokenStream) {
    borrowed_tokens(c, "Shared::Static", tokens);
}

/// `<wrapper>(<tokens>)`, the group spanned on the user's tokens.
fn borrowed_tokens(c: &mut Code, wrapper: &str, tokens: TokenStream) {
    c.rt(wrapper);
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

/// `impl Prompt for <self_ty> { const SPEC: PromptSpec<'static> = <spec>; fn write_part<__W>(&self, <variant>:
/// usize, <part>: Part, <writer>: &mut __W) -> fmt::Result { <body> } }`, with `#[automatically_derived]`: the one
/// writer of the impl's shape, for `#[prompt]` and its stub. `names` are the parameters' names (`_` when unused).
pub fn prompt_impl(
    c: &mut Code,
    impl_generics: TokenStream,
    self_ty: TokenStream,
    spec: impl FnOnce(&mut Code),
    names: [&str; 3],
    body: impl FnOnce(&mut Code),
) {
    trait_impl(c, DERIVED, "Prompt", impl_generics, self_ty, |c| {
        c.str("const SPEC: ");
        c.rt("PromptSpec");
        c.str("<'static> = ");
        spec(c);
        c.str("; #[inline] fn write_part<__W: ::core::fmt::Write + ?::core::marker::Sized>");
        let [variant, part, writer] = names;
        c.group(Delimiter::Parenthesis, |c| {
            c.str(&format!("&self, {variant}: usize, {part}: "));
            c.rt("Part");
            c.str(&format!(", {writer}: &mut __W"));
        });
        c.str(" -> ::core::fmt::Result ");
        c.group(Delimiter::Brace, body);
    });
}

/// A `Prompt` impl that renders nothing, emitted beside the errors so that uses of the struct raise no more errors.
pub fn prompt_stub(runtime: &Runtime, ident: &Ident, generics: &Generics) -> TokenStream {
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let mut c = Code::new(runtime.clone());
    let self_ty = quote!(#ident #ty_generics #where_clause);
    let empty_spec = |c: &mut Code| {
        c.rt("PromptSpec");
        c.group(Delimiter::Brace, |c| {
            c.str("name: \"\", description: ");
            c.rt("None");
            c.str(", variants: &[]");
        });
    };
    prompt_impl(
        &mut c,
        quote!(#impl_generics),
        self_ty,
        empty_spec,
        ["_", "_", "_"],
        |c| c.str("::core::result::Result::Ok(())"),
    );
    c.finish()
}
