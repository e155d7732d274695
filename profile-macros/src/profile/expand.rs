//! Stage 3: the const item and, when some value is hidden from the macro, its `const` assertion.

use super::check::Profile;
use crate::code::Code;
use crate::emit::{self, Base};
use crate::syntax::Exprs;
use bedrock_profiles_core::decl::{Name, ProfileDecl};
use bedrock_profiles_core::rules::Surface;
use proc_macro2::{Delimiter, Ident, TokenStream};
use quote::{ToTokens, quote};

/// The const item (with its docs) and, when some value is hidden from the macro, the `const` assertion; `track`,
/// statements to put first in its initializer (see `crate::account`).
pub fn profile(c: &mut Code, p: &Profile, docs: &[String], track: Option<&TokenStream>) {
    let ident = &p.ident;
    let base = p.base.as_ref().map(ToTokens::to_token_stream);
    let self_base = p
        .base
        .as_ref()
        .is_some_and(|b| b.segments.first().is_some_and(|s| s.ident == "Self"));
    let mut attrs = TokenStream::new();
    for a in &p.attrs {
        a.to_tokens(&mut attrs);
    }
    c.tokens(attrs);
    emit::doc(c, docs);
    let vis = &p.vis;
    c.tokens(quote!(#vis const #ident));
    c.str(": ");
    c.rt("InferenceProfile");
    c.str(" = ");
    let value = |c: &mut Code| {
        let base = match &base {
            Some(b) if self_base => Base::SelfPath(b),
            Some(b) => Base::Path(b),
            None => Base::Empty,
        };
        // Warnings (a model past its end of life, a deprecated setting) are statements of the initializer, so that
        // they stand wherever the const does (an `impl` block takes no `const _` item).
        let initializer = |c: &mut Code| match &p.full {
            // A base of this invocation, merged by the macro: the const written out whole, which is exactly the
            // profile the rules checked (a bare `..NAME` in an `impl` block would name a module-level const).
            Some(full) if p.merged() => {
                let decl =
                    ProfileDecl::from_profile(Name::new(ident.to_string(), ident.span()), full);
                emit::profile_value(c, &decl, &Exprs::default(), Base::Empty);
            }
            _ => emit::profile_value(c, &p.decl, &p.exprs, base),
        };
        if p.warnings.is_empty() && track.is_none() {
            initializer(c);
        } else {
            c.group(Delimiter::Brace, |c| {
                if let Some(track) = track {
                    c.tokens(track.clone());
                }
                for (span, message) in &p.warnings {
                    c.tokens(emit::warning(*span, message));
                }
                initializer(c);
            });
        }
    };
    // `..Self::BASE`: the profile is an associated const of an `impl` block, where no `const _` assertion can
    // stand and the const is named `Self::NAME`; its initializer checks itself instead (when it is used).
    if p.needs_const_check() && self_base {
        let span = p.decl.base.as_ref().map_or(ident.span(), |b| b.loc);
        c.tokens(c.runtime().spanned(span, "checked"));
        c.spanned(span, Delimiter::Parenthesis, |c| {
            value(c);
            c.str(", ");
            crate::emit::surface_path(c, Surface::Converse);
            c.str(", ");
            c.rt("None");
            c.str(", ");
            c.lit(&format!("profile `{ident}`"));
        });
        c.str(";");
        return;
    }
    value(c);
    c.str(";");
    if !p.needs_const_check() {
        return;
    }
    // The assertion exists exactly when the profile does (`#[cfg(...)]` on the profile).
    let mut cfgs = TokenStream::new();
    for a in p.attrs.iter().filter(|a| a.path().is_ident("cfg")) {
        a.to_tokens(&mut cfgs);
    }
    c.tokens(cfgs);
    // Spanned on `..BASE` (or the first expression) so that rustc's E0080 points at what brought the hidden values
    // in.
    let span = match &p.decl.base {
        Some(base) => base.loc,
        None => p.decl.first_expression().copied().unwrap_or(ident.span()),
    };
    let name: &Ident = ident;
    emit::assertion(
        c,
        span,
        quote!(#name),
        Surface::Converse,
        None,
        &format!("profile `{ident}`"),
    );
}

/// The const of a profile with an error: `REPORTED` (every setting unset, marked as reported) under its name and
/// attributes (its `#[cfg]` among them), so that uses of it raise no errors beside the profile's own: the `const`
/// assertions of the prompts, agents and derived profiles that use it pass a marked profile.
pub fn stub(c: &mut Code, p: &Profile) {
    let mut attrs = TokenStream::new();
    for a in &p.attrs {
        a.to_tokens(&mut attrs);
    }
    c.tokens(attrs);
    let (vis, ident) = (&p.vis, &p.ident);
    c.tokens(quote!(#vis const #ident));
    c.str(": ");
    c.rt("InferenceProfile");
    c.str(" = ");
    c.rt("REPORTED");
    c.str(";");
}
