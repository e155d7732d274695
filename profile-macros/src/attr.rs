//! Stage 1 of `#[prompt]` and `#[agent]`: the syntax of an attribute's arguments, nothing more.
//!
//! ```text
//! args  := (arg ',')* arg?
//! arg   := IDENT '=' value | IDENT '(' args ')'      value := token trees up to the next top-level ','
//! ```
//! Values are kept as token streams; [`entries`] turns them into the declaration layer's nodes, which reads them
//! per key.

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
            return Err(input
                .error("expected a key like `name = \"...\"` or `variant(name = \"...\", ...)`"));
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

/// The arguments as the declaration layer's entries: `key = value` a value, `key(...)` a table. `None` after a
/// syntax error inside a value, which is recorded.
pub fn entries(
    cx: &mut crate::ctxt::Ctxt,
    args: Vec<Arg>,
    exprs: &mut crate::syntax::Exprs,
) -> Vec<bedrock_profiles_core::decl::Entry<Span>> {
    use bedrock_profiles_core::decl::{Entry, Node, Raw};
    let mut out = Vec::with_capacity(args.len());
    for Arg { key, value } in args {
        let value = match value {
            ArgValue::Value(tokens, span) => match crate::syntax::node(cx, &tokens, span, exprs) {
                Some(node) => node,
                None => continue,
            },
            ArgValue::List(args, span) => Node {
                value: Raw::Table(entries(cx, args, exprs)),
                loc: span,
            },
        };
        out.push(Entry {
            key: crate::syntax::name(&key),
            value,
        });
    }
    out
}
