//! Stage 3: the `const` item and, when some value is hidden from the macro, its `const` assertion.

use super::check::Profile;
use crate::emit;
use proc_macro2::TokenStream;
use quote::quote;

/// The const item (with its docs) and, when some value is hidden from the macro, the `const` assertion.
pub fn profile(p: &Profile, docs: &[String]) -> TokenStream {
    let mut value = emit::profile_value(&p.decl, &p.exprs, p.base.as_ref().map(|b| quote!(#b)));
    let attrs = &p.attrs;
    let vis = &p.vis;
    let ident = &p.ident;
    let docs = emit::doc(docs);
    // Warnings (a model past its end of life, a deprecated setting) are statements of the initializer, so that they
    // stand wherever the const does (an `impl` block takes no `const _` item).
    if !p.warnings.is_empty() {
        let warnings = p
            .warnings
            .iter()
            .map(|(span, message)| emit::warning(*span, message));
        value = quote!({ #(#warnings)* #value });
    }
    // `..Self::BASE`: the profile is an associated const of an `impl` block, where no `const _` assertion can
    // stand and the const is named `Self::NAME`; its initializer checks itself instead (when it is used).
    if p.needs_const_check()
        && p.base
            .as_ref()
            .is_some_and(|b| b.segments.first().is_some_and(|s| s.ident == "Self"))
    {
        let span = p.decl.base.as_ref().map_or(ident.span(), |b| b.loc);
        let what = proc_macro2::Literal::string(&format!("profile `{ident}`"));
        value = quote::quote_spanned! {span=>
            ::bedrock_profiles::__private::checked(
                #value,
                ::bedrock_profiles::__private::Surface::Converse,
                ::bedrock_profiles::__private::None,
                #what,
            )
        };
        return quote! {
            #(#attrs)*
            #docs
            #vis const #ident: ::bedrock_profiles::__private::InferenceProfile = #value;
        };
    }
    let item = quote! {
        #(#attrs)*
        #docs
        #vis const #ident: ::bedrock_profiles::__private::InferenceProfile = #value;
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
    // The assertion exists exactly when the profile does (`#[cfg(...)]` on the profile).
    let cfgs = p.attrs.iter().filter(|a| a.path().is_ident("cfg"));
    quote!(#item #(#cfgs)* #assertion)
}
