//! Where generated code finds the runtime: `<facade>::__private1::<item>`, with the facade `::bedrock_profiles` or
//! the path a re-exporting crate gives with `crate = path` (as serde's `#[serde(crate = "..")]` and askama's
//! `#[template(askama = ..)]` do).
//!
//! The module's name carries a number, like thiserror's `__private17`: a facade and a macros crate that disagree on
//! what the module holds then fail with "could not find `__private1`" instead of an error inside generated code.
//! Bump [`PRIVATE`] and the facade's module (`src/lib.rs`) together whenever the contract between them changes.

use crate::attr::{Arg, ArgValue};
use crate::ctxt::Ctxt;
use proc_macro2::{Ident, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;

/// The name of the facade's hidden module that generated code names (`bedrock_profiles::__private1` in
/// `src/lib.rs`). One constant, so that no generated path spells it.
pub const PRIVATE: &str = "__private1";

/// The facade's crate, as generated code names it.
#[derive(Clone)]
enum Facade {
    /// `::bedrock_profiles`, or a `crate = path` that text can spell: its text, `::` and [`PRIVATE`] appended.
    Text(String),
    /// A `crate = path` holding `$crate`, which only keeps its meaning as the token it is (its hygiene says which
    /// crate it names): spliced as tokens wherever it is used.
    Tokens(TokenStream),
}

/// The path of the runtime's private module, for every piece of generated code of one macro call.
#[derive(Clone)]
pub struct Runtime {
    facade: Facade,
}

impl Default for Runtime {
    fn default() -> Self {
        Runtime {
            facade: Facade::Text(format!("::bedrock_profiles::{PRIVATE}::")),
        }
    }
}

impl Runtime {
    /// The runtime of the facade at `path` (a `crate = path`, checked by [`parse_crate`]).
    pub fn at(path: &syn::Path) -> Self {
        let tokens = path.to_token_stream();
        if has_dollar_crate(&tokens) {
            return Runtime {
                facade: Facade::Tokens(tokens),
            };
        }
        // The path as text: lexed again, it names what the user's tokens named (a path to an item resolves at the
        // call site either way).
        let mut text = String::new();
        for (i, segment) in path.segments.iter().enumerate() {
            if i > 0 || path.leading_colon.is_some() {
                text.push_str("::");
            }
            text.push_str(&segment.ident.to_string());
        }
        Runtime {
            facade: Facade::Text(format!("{text}::{PRIVATE}::")),
        }
    }

    /// The path's text up to and including the final `::` (`::bedrock_profiles::__private1::`), when text can spell
    /// it; otherwise the facade's tokens, to which `::__private1::` is appended as text.
    pub(crate) fn prefix(&self) -> Result<&str, &TokenStream> {
        match &self.facade {
            Facade::Text(text) => Ok(text),
            Facade::Tokens(tokens) => Err(tokens),
        }
    }

    /// `<facade>::__private1::<item>` as tokens located at `span` (which rustc's messages then point at): for the
    /// generated tokens that carry a user's span, such as a `const` assertion's call. `item` is one identifier.
    pub fn spanned(&self, span: Span, item: &str) -> TokenStream {
        let mut out = TokenStream::new();
        match &self.facade {
            Facade::Text(text) => {
                let absolute = text.starts_with("::");
                for (i, segment) in text.split("::").filter(|s| !s.is_empty()).enumerate() {
                    if i > 0 || absolute {
                        push_colons(&mut out, span);
                    }
                    out.extend([TokenTree::Ident(ident(segment, span))]);
                }
            }
            Facade::Tokens(tokens) => {
                // Located at `span`, resolved as written (`$crate` keeps naming its crate).
                out.extend(tokens.clone().into_iter().map(|mut t| {
                    t.set_span(t.span().located_at(span));
                    t
                }));
                push_segment(&mut out, span, PRIVATE);
            }
        }
        push_segment(&mut out, span, item);
        out
    }
}

/// `::segment` at `span`.
fn push_segment(out: &mut TokenStream, span: Span, segment: &str) {
    push_colons(out, span);
    out.extend([TokenTree::Ident(ident(segment, span))]);
}

/// `::` at `span`.
fn push_colons(out: &mut TokenStream, span: Span) {
    let mut first = Punct::new(':', Spacing::Joint);
    first.set_span(span);
    let mut second = Punct::new(':', Spacing::Alone);
    second.set_span(span);
    out.extend([TokenTree::Punct(first), TokenTree::Punct(second)]);
}

/// The identifier written `text` (`r#type` a raw one).
fn ident(text: &str, span: Span) -> Ident {
    match text.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, span),
        None => Ident::new(text, span),
    }
}

fn has_dollar_crate(tokens: &TokenStream) -> bool {
    tokens
        .clone()
        .into_iter()
        .any(|t| matches!(&t, TokenTree::Ident(i) if i == "$crate"))
}

/// The facade's path of a `crate = <value>` argument: a module path (`my_sdk::bedrock_profiles`, `::bp`,
/// `$crate::bp`), no generic arguments. An error at the value otherwise.
pub fn parse_crate(key: &Ident, value: TokenStream) -> syn::Result<syn::Path> {
    const MESSAGE: &str = "`crate` takes the path of the `bedrock_profiles` crate as a re-exporting crate names it, without quotes: `crate = my_sdk::bedrock_profiles`";
    let ungrouped = ungroup(value.clone());
    syn::parse::Parser::parse2(syn::Path::parse_mod_style, ungrouped).map_err(|_| {
        // The whole value underlined (the key when there is none).
        if value.is_empty() {
            syn::Error::new(key.span(), MESSAGE)
        } else {
            syn::Error::new_spanned(&value, MESSAGE)
        }
    })
}

/// The `crate = path` arguments of `#[prompt]` and `#[agent]`, taken out of `args` (the declaration layer does not
/// know the key): the runtime of the last valid one, the default without. An error for a `crate(...)` list, a
/// repeated `crate` or a value that is no module path.
pub fn take_crate(cx: &mut Ctxt, args: &mut Vec<Arg>) -> Runtime {
    let mut runtime = None;
    for arg in std::mem::take(args) {
        if arg.key != "crate" {
            args.push(arg);
            continue;
        }
        if runtime.is_some() {
            cx.error(arg.key.span(), "`crate` is given twice");
        }
        match arg.value {
            ArgValue::Value(tokens, _) => match parse_crate(&arg.key, tokens) {
                Ok(path) => runtime = Some(Runtime::at(&path)),
                Err(error) => cx.syn_error(error),
            },
            ArgValue::List(_, span) => cx.error(
                span,
                "`crate` takes a path, not a list: `crate = my_sdk::bedrock_profiles`",
            ),
        }
    }
    runtime.unwrap_or_default()
}

/// `include_profiles!("file.toml", crate = path)`: the tokens before the first top-level comma, and the runtime the
/// optional `crate = path` after it names (a trailing comma allowed).
#[cfg(feature = "files")]
pub fn trailing_crate(input: TokenStream) -> syn::Result<(TokenStream, Runtime)> {
    let mut head = TokenStream::new();
    let mut rest = input.into_iter();
    for tree in rest.by_ref() {
        if matches!(&tree, TokenTree::Punct(p) if p.as_char() == ',') {
            break;
        }
        head.extend([tree]);
    }
    let mut tail: Vec<TokenTree> = rest.collect();
    if matches!(tail.last(), Some(TokenTree::Punct(p)) if p.as_char() == ',') {
        tail.pop();
    }
    match tail.as_slice() {
        [] => Ok((head, Runtime::default())),
        [TokenTree::Ident(key), TokenTree::Punct(eq), value @ ..]
            if key == "crate" && eq.as_char() == '=' =>
        {
            let path = parse_crate(key, value.iter().cloned().collect())?;
            Ok((head, Runtime::at(&path)))
        }
        [first, ..] => Err(syn::Error::new(
            first.span(),
            "expected `crate = path` after the file's path: `include_profiles!(\"bedrock.toml\", crate = my_sdk::bedrock_profiles)`",
        )),
    }
}

/// The tokens inside the invisible group `macro_rules!` wraps around a `$x:path` fragment.
fn ungroup(tokens: TokenStream) -> TokenStream {
    let mut iter = tokens.clone().into_iter();
    match (iter.next(), iter.next()) {
        (Some(TokenTree::Group(g)), None) if g.delimiter() == proc_macro2::Delimiter::None => {
            ungroup(g.stream())
        }
        _ => tokens,
    }
}

#[cfg(test)]
mod tests {
    use super::{PRIVATE, Runtime, parse_crate};
    use proc_macro2::{Span, TokenStream};
    use std::str::FromStr;

    fn key() -> proc_macro2::Ident {
        proc_macro2::Ident::new("crate", Span::call_site())
    }

    #[test]
    fn the_default_names_the_facade() {
        let rt = Runtime::default();
        assert_eq!(rt.prefix().ok(), Some("::bedrock_profiles::__private1::"));
        assert_eq!(
            rt.spanned(Span::call_site(), "assert_valid").to_string(),
            format!(":: bedrock_profiles :: {PRIVATE} :: assert_valid")
        );
    }

    #[test]
    fn a_crate_path_replaces_the_facade() {
        let path = parse_crate(&key(), TokenStream::from_str("my_sdk::bp").unwrap()).unwrap();
        let rt = Runtime::at(&path);
        assert_eq!(rt.prefix().ok(), Some("my_sdk::bp::__private1::"));
        assert_eq!(
            rt.spanned(Span::call_site(), "Some").to_string(),
            "my_sdk :: bp :: __private1 :: Some"
        );
        let path = parse_crate(&key(), TokenStream::from_str("::r#type").unwrap()).unwrap();
        assert_eq!(
            Runtime::at(&path).prefix().ok(),
            Some("::r#type::__private1::")
        );
    }

    #[test]
    fn a_crate_value_that_is_no_module_path_is_an_error() {
        for value in ["", "\"my_sdk::bp\"", "my_sdk::bp<T>", "1", "a b", "a::"] {
            let tokens = TokenStream::from_str(value).unwrap();
            assert!(parse_crate(&key(), tokens).is_err(), "{value}");
        }
    }
}
