//! Stage 3: the `const` item and, when some value is hidden from the macro, its `const` assertion.

use super::check::Profile;
use crate::emit;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// The const item (with its docs) and, when some value is hidden from the macro, the `const` assertion.
pub fn profile(p: &Profile, docs: &[String]) -> TokenStream {
    let pr = emit::private();
    let fields = emit::profile_fields(&p.decl, &p.exprs, p.base.is_some());
    let attrs = &p.attrs;
    let vis = &p.vis;
    let ident = &p.ident;
    let base = p.base.as_ref().map(|b| quote!(..#b));
    let docs = docs.iter().map(|d| Literal::string(d));
    let item = quote! {
        #(#attrs)*
        #(#[doc = #docs])*
        #vis const #ident: #pr::InferenceProfile = #pr::InferenceProfile {
            #(#fields,)*
            #base
        };
    };
    if !p.needs_const_check() {
        return item;
    }
    // Spanned on `..BASE` (or the first expression) so that rustc's E0080 points at what brought the hidden values
    // in.
    let span = match &p.decl.base {
        Some(base) => base.loc,
        None => p.decl.first_expression().copied().unwrap_or(ident.span()),
    };
    let assertion = emit::assertion(
        span,
        quote!(#ident),
        "Converse",
        None,
        &format!("profile `{ident}`"),
    );
    quote!(#item #assertion)
}
