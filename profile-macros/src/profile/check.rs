//! Stage 2: the entries as the declaration layer's nodes, read and checked there; its issues become spanned errors.

use super::ast::ProfileItem;
use crate::ctxt::Ctxt;
use crate::syntax::{self, Exprs};
use bedrock_profiles_core::InferenceProfile;
use bedrock_profiles_core::decl::{self, Entry, Issues, Name, ProfileDecl};
use bedrock_profiles_core::rules::Surface;
use proc_macro2::Span;
use syn::{Ident, Path};

/// One profile: the item's Rust parts, the declaration, and the constant expressions it holds.
pub struct Profile {
    pub attrs: Vec<syn::Attribute>,
    pub vis: syn::Visibility,
    pub ident: Ident,
    pub base: Option<Path>,
    pub decl: ProfileDecl<Span>,
    pub exprs: Exprs,
    /// Warnings (end of life, deprecated settings), each where it points.
    pub warnings: Vec<(Span, String)>,
    /// The profile with every value, when the macro sees them all: no constant expression, and no `..BASE` or one
    /// declared in the same invocation whose values the macro sees too.
    pub full: Option<InferenceProfile>,
    /// The errors of this profile, in the order found (reported in declaration order).
    pub cx: Ctxt,
}

impl Profile {
    /// Whether some value is hidden from the macro (inherited from another item, or a constant expression), so
    /// that a `const` assertion must check the merged profile.
    pub fn needs_const_check(&self) -> bool {
        self.full.is_none()
    }

    /// Whether the profile derives from a profile of the same invocation whose values the macro has merged: its
    /// const is then written out whole (see `expand::profile`).
    pub fn merged(&self) -> bool {
        self.base.is_some() && self.full.is_some()
    }

    /// The name of the profile `..BASE` names when it can be one of the same invocation: `..NAME` or
    /// `..Self::NAME`.
    pub fn sibling_base(&self) -> Option<String> {
        let base = self.base.as_ref()?;
        let segments: Vec<_> = base.segments.iter().collect();
        if base.leading_colon.is_some()
            || segments
                .iter()
                .any(|s| !matches!(s.arguments, syn::PathArguments::None))
        {
            return None;
        }
        match segments.as_slice() {
            [name] => Some(name.ident.to_string()),
            [this, name] if this.ident == "Self" => Some(name.ident.to_string()),
            _ => None,
        }
    }
}

/// Reads one profile (syntax errors in `cx` of the result); [`check`] then runs the rules.
pub fn read(item: ProfileItem) -> Profile {
    let mut cx = Ctxt::new();
    let mut exprs = Exprs::default();
    let mut entries = Vec::with_capacity(item.entries.len());
    for e in &item.entries {
        if let Some(value) = syntax::node(&mut cx, &e.value, e.value_span, &mut exprs) {
            entries.push(Entry {
                key: syntax::name(&e.key),
                value,
            });
        }
    }
    let base = item.base.as_ref().map(|path| {
        let span = path
            .segments
            .last()
            .map_or(item.ident.span(), |s| s.ident.span());
        Name::new(syntax::path_text(path), span)
    });
    let mut issues = Issues::new();
    let ident = syntax::name(&item.ident);
    let decl = ProfileDecl::read(ident, &entries, base, decl::Syntax::Dsl, &mut issues);
    syntax::report(&mut cx, issues);
    Profile {
        attrs: item.attrs,
        vis: item.vis,
        ident: item.ident,
        base: item.base,
        decl,
        exprs,
        warnings: Vec::new(),
        full: None,
        cx,
    }
}

/// Runs the rulebook on the profile over `base`: the full profile its `..BASE` names, when the macro has it (a
/// profile of the same invocation without hidden values). A violation of an inherited value is reported on
/// `..BASE`, saying so.
pub fn check(p: &mut Profile, base: Option<&InferenceProfile>) {
    let mut issues = Issues::new();
    let resolved = p
        .decl
        .check(base, Surface::Converse, decl::Syntax::Dsl, &mut issues);
    let clean = issues.is_empty() && !p.cx.has_errors();
    if clean {
        p.warnings = p.decl.warnings(&resolved);
    }
    let hidden = p.decl.first_expression().is_some() || (p.base.is_some() && base.is_none());
    if clean && !hidden {
        p.full = Some(resolved);
    }
    syntax::report(&mut p.cx, issues);
}
