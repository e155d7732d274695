//! Stage 1: the item `#[agent]` is attached to (its arguments are read by [`crate::attr`]).

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use syn::DeriveInput;

/// The item under the attribute.
pub enum Item {
    /// A struct, enum or union (enums and unions are rejected by the check stage), and its tokens as written.
    Type(Box<DeriveInput>, TokenStream),
    /// Anything else, kept as written; the span and text of its keyword (`fn`, `mod`, ...).
    Other(TokenStream, Span, String),
}

pub fn item(tokens: TokenStream) -> Item {
    match syn::parse2::<DeriveInput>(tokens.clone()) {
        Ok(input) => Item::Type(Box::new(input), tokens),
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
