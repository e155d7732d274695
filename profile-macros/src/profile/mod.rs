//! `inference_profile! { ... }`.

mod ast;
mod check;
mod doc;
mod expand;

/// Generated `ModelRef` values, for the other macros that name a model.
#[allow(unused_imports)] // used by #[prompt] and #[agent]
pub(crate) use expand::model_ref;

use crate::ctxt::Ctxt;
use proc_macro2::TokenStream;
use quote::quote;

pub fn expand(input: TokenStream) -> TokenStream {
    let input: ast::Input = match syn::parse2(input) {
        Ok(input) => input,
        // A syntax error stops everything; wrapped in a block so that rustc adds nothing after it.
        Err(error) => {
            let error = error.to_compile_error();
            return quote!(#error);
        }
    };
    let mut cx = Ctxt::new();
    let mut seen: Vec<syn::Ident> = Vec::new();
    let mut profiles = Vec::new();
    for decl in input.profiles {
        if seen.contains(&decl.ident) {
            cx.error(
                decl.ident.span(),
                format!("profile `{}` is declared twice", decl.ident),
            );
        }
        seen.push(decl.ident.clone());
        profiles.push(check::profile(&mut cx, decl));
    }
    if cx.has_errors() {
        return cx.into_compile_errors();
    }
    profiles
        .iter()
        .map(|p| expand::profile(p, &doc::docs(p)))
        .collect()
}
