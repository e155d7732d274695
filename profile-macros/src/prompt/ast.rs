//! Stage 1: the syntax of `#[prompt(...)]`'s arguments, nothing more.
//!
//! ```text
//! args  := (arg ',')* arg?
//! arg   := IDENT '=' value | IDENT '(' args ')'      value := token trees up to the next top-level ','
//! ```
//! Values are kept as token streams; the check stage interprets them per key.

use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::{Ident, Token, parenthesized};

pub struct Args {
    pub args: Vec<Arg>,
}

pub struct Arg {
    pub key: Ident,
    pub value: ArgValue,
}

pub enum ArgValue {
    /// `key = value`, with the span of the value's first token.
    Value(TokenStream, Span),
    /// `key(...)`, with the span of the parentheses.
    List(Vec<Arg>, Span),
}

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        Ok(Args {
            args: crate::value::comma_list(input)?,
        })
    }
}

impl Parse for Arg {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if !input.peek(Ident::peek_any) {
            return Err(input.error(
                "expected a key like `text = \"Hello {{name}}\"` or `variant(name = \"...\", ...)`",
            ));
        }
        let key = input.call(Ident::parse_any)?;
        if input.peek(syn::token::Paren) {
            let body;
            let paren = parenthesized!(body in input);
            let Args { args } = body.parse()?;
            return Ok(Arg {
                key,
                value: ArgValue::List(args, paren.span.join()),
            });
        }
        if input.peek(Token![:]) {
            return Err(input.error(format!("expected `=` after `{key}`; write `{key} = value`")));
        }
        if !input.peek(Token![=]) {
            return Err(input.error(format!("expected `=` after `{key}`")));
        }
        input.parse::<Token![=]>()?;
        let span = input.span();
        let value = crate::value::parse_value_tokens(input)?;
        if value.is_empty() {
            return Err(syn::Error::new(key.span(), format!("`{key}` has no value")));
        }
        Ok(Arg {
            key,
            value: ArgValue::Value(value, span),
        })
    }
}
