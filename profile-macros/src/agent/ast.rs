//! Stage 1: the syntax of `#[agent(...)]` and of the item it is attached to, nothing more.
//!
//! ```text
//! args  := (entry (',' entry)* ','?)?
//! entry := IDENT '=' value | IDENT '(' (step (',' step)* ','?)? ')'
//! step  := IDENT '=' value                value := token trees up to the next top-level ','
//! ```
//! Values are kept as token streams; the check stage interprets them per key.

use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::{DeriveInput, Ident, Token};

pub struct Args {
    pub entries: Vec<Entry>,
}

pub struct Entry {
    pub key: Ident,
    pub value: Value,
}

pub enum Value {
    /// `key = value`
    Assign {
        tokens: TokenStream,
        /// Span of the value's first token.
        span: Span,
    },
    /// `key(...)`
    List(Group),
}

/// `name = value` inside `steps(...)`.
pub struct Assign {
    pub key: Ident,
    pub tokens: TokenStream,
    pub span: Span,
}

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        Ok(Args {
            entries: crate::value::comma_list(input)?,
        })
    }
}

impl Parse for Entry {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if !input.peek(Ident::peek_any) {
            return Err(input.error("expected a setting like `model = \"...\"`"));
        }
        let key = input.call(Ident::parse_any)?;
        if input.peek(syn::token::Paren) {
            let group: Group = input.parse()?;
            return Ok(Entry {
                key,
                value: Value::List(group),
            });
        }
        let (tokens, span) = assigned_value(input, &key)?;
        Ok(Entry {
            key,
            value: Value::Assign { tokens, span },
        })
    }
}

impl Parse for Assign {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if !input.peek(Ident::peek_any) {
            return Err(input.error("expected a step like `orchestration = PROFILE`"));
        }
        let key = input.call(Ident::parse_any)?;
        let (tokens, span) = assigned_value(input, &key)?;
        Ok(Assign { key, tokens, span })
    }
}

/// `= value` after `key`.
fn assigned_value(input: ParseStream, key: &Ident) -> syn::Result<(TokenStream, Span)> {
    if input.peek(Token![:]) {
        return Err(input.error(format!("expected `=` after `{key}`; write `{key} = value`")));
    }
    if !input.peek(Token![=]) {
        return Err(input.error(format!("expected `=` after `{key}`")));
    }
    input.parse::<Token![=]>()?;
    let span = input.span();
    let tokens = crate::value::parse_value_tokens(input)?;
    if tokens.is_empty() {
        return Err(syn::Error::new(key.span(), format!("`{key}` has no value")));
    }
    Ok((tokens, span))
}

/// `steps(...)`'s content.
pub fn steps(group: &Group) -> syn::Result<Vec<Assign>> {
    syn::parse::Parser::parse2(crate::value::comma_list::<Assign>, group.stream())
}

/// The item under the attribute.
pub enum Item {
    /// A struct, enum or union (enums and unions are rejected by the check stage).
    Type(Box<DeriveInput>),
    /// Anything else, kept as written; the span and text of its keyword (`fn`, `mod`, ...).
    Other(TokenStream, Span, String),
}

pub fn item(tokens: TokenStream) -> Item {
    match syn::parse2::<DeriveInput>(tokens.clone()) {
        Ok(input) => Item::Type(Box::new(input)),
        Err(_) => {
            let (span, word) = keyword(&tokens);
            Item::Other(tokens, span, word)
        }
    }
}

/// The first word after the outer attributes and the visibility: `fn`, `const`, `impl`, ...
fn keyword(tokens: &TokenStream) -> (Span, String) {
    let mut iter = tokens.clone().into_iter().peekable();
    while let Some(tree) = iter.next() {
        match tree {
            // `#[...]`
            TokenTree::Punct(p) if p.as_char() == '#' => {
                iter.next();
            }
            TokenTree::Ident(i) if i == "pub" => {
                if let Some(TokenTree::Group(g)) = iter.peek()
                    && g.delimiter() == Delimiter::Parenthesis
                {
                    iter.next();
                }
            }
            TokenTree::Ident(i) => return (i.span(), i.to_string()),
            other => return (other.span(), other.to_string()),
        }
    }
    (Span::call_site(), "nothing".to_owned())
}
