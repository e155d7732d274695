//! Stage 2: the entries as the declaration layer's nodes, read and checked there; its issues become spanned errors.

use super::ast::ProfileDecl as Syntax;
use crate::ctxt::Ctxt;
use crate::syntax::{self, Exprs};
use bedrock_profiles_core::decl::{self, Entry, Issues, Name, ProfileDecl};
use bedrock_profiles_core::rules::Surface;
use proc_macro2::Span;
use quote::ToTokens;
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
}

impl Profile {
    /// Whether some value is hidden from the macro (inherited or a constant expression), so that a `const`
    /// assertion must check the merged profile.
    pub fn needs_const_check(&self) -> bool {
        self.base.is_some() || self.decl.first_expression().is_some()
    }
}

/// A path as written, without spaces: `super::LONG`.
pub fn path_text(path: &Path) -> String {
    path.to_token_stream().to_string().replace(' ', "")
}

pub fn profile(cx: &mut Ctxt, item: Syntax) -> Profile {
    let mut exprs = Exprs::default();
    let mut entries = Vec::with_capacity(item.entries.len());
    for e in &item.entries {
        if let Some(value) = syntax::node(cx, &e.value, e.value_span, &mut exprs) {
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
        Name::new(path_text(path), span)
    });
    let mut issues = Issues::new();
    let ident = syntax::name(&item.ident);
    let decl = ProfileDecl::read(ident, &entries, base, decl::Syntax::Dsl, &mut issues);
    let resolved = decl.check(None, Surface::Converse, decl::Syntax::Dsl, &mut issues);
    let warnings = if issues.is_empty() {
        decl.warnings(&resolved)
    } else {
        Vec::new()
    };
    syntax::report(cx, issues);
    Profile {
        attrs: item.attrs,
        vis: item.vis,
        ident: item.ident,
        base: item.base,
        decl,
        exprs,
        warnings,
    }
}
