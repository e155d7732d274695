//! Stage 3: the `const` item and, when some value is hidden from the macro, its `const` assertion.

use super::check::Profile;
use crate::emit;
use proc_macro2::TokenStream;
use quote::quote;

/// The const item (with its docs) and, when some value is hidden from the macro, the `const` assertion.
pub fn profile(p: &Profile, docs: &[String]) -> TokenStream {
    let pr = emit::private();
    let value = emit::profile_value(&p.decl, &p.exprs, p.base.as_ref().map(|b| quote!(#b)));
    let attrs = &p.attrs;
    let vis = &p.vis;
    let ident = &p.ident;
    let docs = emit::doc(docs);
    let warnings = p
        .warnings
        .iter()
        .map(|(span, message)| emit::warning(*span, message));
    let item = quote! {
        #(#attrs)*
        #docs
        #vis const #ident: #pr::InferenceProfile = #value;
        #(#warnings)*
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
