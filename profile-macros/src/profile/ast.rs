//! Stage 1: the syntax of `inference_profile! { ... }`, nothing more.
//!
//! ```text
//! input   := ('crate' '=' path ';')? profile*
//! profile := attribute* visibility IDENT '{' (entry ',')* entry? (',' '..' path)? '}'
//! entry   := IDENT ':' value        value := token trees up to the next top-level ','
//! ```
//! Values are kept as token streams; the check stage interprets them per key.

use crate::runtime::Runtime;
use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Ident, Path, Token, Visibility, braced};

pub struct Input {
    /// Where the runtime is: the default, or a leading `crate = path;`.
    pub runtime: Runtime,
    pub profiles: Vec<ProfileItem>,
}

pub struct ProfileItem {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub entries: Vec<Entry>,
    pub base: Option<Path>,
}

pub struct Entry {
    pub key: Ident,
    pub value: TokenStream,
    /// Span of the value's first token (the key's span when the value is empty).
    pub value_span: Span,
}

impl Parse for Input {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let runtime = leading_crate(input)?;
        let mut profiles = Vec::new();
        while !input.is_empty() {
            profiles.push(input.parse()?);
        }
        Ok(Input { runtime, profiles })
    }
}

/// A leading `crate = path;` (no profile starts with the keyword `crate`).
fn leading_crate(input: ParseStream) -> syn::Result<Runtime> {
    if !(input.peek(Token![crate]) && input.peek2(Token![=])) {
        return Ok(Runtime::default());
    }
    let key = input.call(Ident::parse_any)?;
    input.parse::<Token![=]>()?;
    let mut value = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![;]) {
        value.extend([input.parse::<proc_macro2::TokenTree>()?]);
    }
    let path = crate::runtime::parse_crate(&key, value)?;
    if !input.peek(Token![;]) {
        return Err(input.error("expected `;` after `crate = path`"));
    }
    input.parse::<Token![;]>()?;
    Ok(Runtime::at(&path))
}

impl Parse for ProfileItem {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let vis: Visibility = input.parse()?;
        if !input.peek(Ident) {
            return Err(
                input.error("expected the profile's const name, like `pub HIGH_QUALITY { ... }`")
            );
        }
        let ident: Ident = input.parse()?;
        if !input.peek(syn::token::Brace) {
            return Err(input.error(format!(
                "expected `{{` after `{ident}`: `{ident} {{ temperature: 0.7, ... }}`"
            )));
        }
        let body;
        braced!(body in input);
        let mut entries = Vec::new();
        let mut base = None;
        while !body.is_empty() {
            if body.peek(Token![..]) {
                body.parse::<Token![..]>()?;
                let path: Path = body.parse()?;
                if body.peek(syn::token::Paren) {
                    return Err(body.error(
                        "`..` takes the path of an `InferenceProfile` const, like `..BASE`, not a call: declare the base with `inference_profile!` or as a `const` struct literal",
                    ));
                }
                if !body.is_empty() {
                    return Err(body.error("`..BASE` must be the last entry of a profile, like in a Rust struct literal"));
                }
                base = Some(path);
                break;
            }
            entries.push(body.parse()?);
            if body.is_empty() {
                break;
            }
            body.parse::<Token![,]>()?;
        }
        Ok(ProfileItem {
            attrs,
            vis,
            ident,
            entries,
            base,
        })
    }
}

impl Parse for Entry {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if !input.peek(Ident::peek_any) {
            return Err(input.error("expected a setting like `temperature: 0.7`, or `..BASE` last"));
        }
        let key = input.call(Ident::parse_any)?;
        if input.peek(Token![=]) {
            return Err(input.error(format!("expected `:` after `{key}`; write `{key}: value`")));
        }
        if !input.peek(Token![:]) {
            return Err(input.error(format!("expected `:` after `{key}`")));
        }
        input.parse::<Token![:]>()?;
        let value_span = input.span();
        let value = crate::value::parse_value_tokens(input)?;
        if value.is_empty() {
            return Err(syn::Error::new(key.span(), format!("`{key}` has no value")));
        }
        Ok(Entry {
            key,
            value,
            value_span,
        })
    }
}
