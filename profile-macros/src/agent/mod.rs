//! `#[agent(...)]` on a struct.

mod ast;
pub(crate) mod check;
pub(crate) mod doc;
pub(crate) mod expand;

use crate::ctxt::Ctxt;
use crate::runtime::Runtime;
use proc_macro2::TokenStream;
use quote::quote;
use syn::Data;

pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let (input, tokens) = match ast::item(item) {
        ast::Item::Type(input, tokens) => (input, tokens),
        // Not a type: nothing to implement `Agent` for; the item stays as written beside the error.
        ast::Item::Other(tokens, span, word) => {
            let error = syn::Error::new(
                span,
                format!("`#[agent]` applies to structs only, found `{word}`"),
            )
            .to_compile_error();
            return quote!(#tokens #error);
        }
    };
    let mut cx = Ctxt::new();
    match &input.data {
        Data::Struct(_) => {}
        Data::Enum(data) => cx.error(
            data.enum_token.span,
            "`#[agent]` applies to structs only, found an enum",
        ),
        Data::Union(data) => cx.error(
            data.union_token.span,
            "`#[agent]` applies to structs only, found a union",
        ),
    }
    let mut runtime = Runtime::default();
    let checked = match syn::parse2::<crate::attr::Args>(args) {
        Ok(mut args) => {
            runtime = crate::runtime::take_crate(&mut cx, &mut args.args);
            Some(check::agent(&mut cx, &input.ident, args.args))
        }
        // A syntax error stops the reading of the arguments.
        Err(error) => {
            cx.syn_error(error);
            None
        }
    };
    if !cx.has_errors()
        && let Some(agent) = checked.as_ref().and_then(|c| c.agent(&input.ident))
    {
        let user_docs = input.attrs.iter().any(|a| a.path().is_ident("doc"));
        let docs = doc::docs(&agent, user_docs);
        return expand::agent(runtime, &agent, &input, tokens, &docs);
    }
    let fallback = expand::fallback(runtime, &input, tokens, checked.as_ref());
    let errors = cx.into_compile_errors();
    quote!(#fallback #errors)
}
