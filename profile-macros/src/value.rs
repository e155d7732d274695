//! Reading one value of a `key: value` entry: a literal the macro checks, or a constant expression it hands to
//! rustc (and to a `const` assertion).

use proc_macro2::{TokenStream, TokenTree};
use syn::Token;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;

/// Token trees up to the next top-level `,`: one value of a `key: value` / `key = value` list.
pub fn parse_value_tokens(input: ParseStream) -> syn::Result<TokenStream> {
    let mut tokens = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        let tt: TokenTree = input.parse()?;
        tokens.extend([tt]);
    }
    Ok(tokens)
}

/// `T, T, ...` with an optional trailing comma.
pub fn comma_list<T: Parse>(input: ParseStream) -> syn::Result<Vec<T>> {
    Ok(Punctuated::<T, Token![,]>::parse_terminated(input)?
        .into_iter()
        .collect())
}
