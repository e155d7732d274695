//! Stage 2: the arguments as the declaration layer's entries, read and checked there; its issues become spanned
//! errors. Profiles are paths to constants the macro cannot read; the expand stage hands them to `const`
//! assertions.

use crate::attr::{self, Arg};
use crate::ctxt::Ctxt;
use crate::syntax::{self, Exprs, ProfilePaths};
use bedrock_profiles_core::decl::{self, AgentDecl, Issues, Relative, ResolvedAgent, Setting};
use proc_macro2::Span;
use std::path::PathBuf;
use syn::Ident;

/// An agent as the emitters take it: the declaration layer's resolved agent, and what only a Rust item has.
pub struct Agent<L> {
    /// The struct's name.
    pub ident: Ident,
    pub resolved: ResolvedAgent<L>,
    /// The paths of the step profiles.
    pub profiles: ProfilePaths,
    /// The instruction file read, as an absolute path: the expansion tracks it.
    pub tracked: Option<PathBuf>,
    /// Warnings (a model past its end of life), each at its value.
    pub warnings: Vec<(Span, String)>,
}

/// The arguments read and checked: the declaration (whose model and step profiles make the `const` assertions
/// beside errors) and the paths of its step profiles.
pub struct Checked {
    pub decl: AgentDecl<Span>,
    pub profiles: ProfilePaths,
    files: Relative,
}

impl Checked {
    /// The agent, when it has an instruction and a model.
    pub fn agent(&self, ident: &Ident) -> Option<Agent<Span>> {
        let resolved = self.decl.resolved()?;
        let tracked = resolved
            .instruction
            .file
            .as_ref()
            .map(|f| self.files.absolute(f));
        let warnings = match &self.decl.model {
            Setting::Set(m, span) => bedrock_profiles_core::rules::model_warnings(m)
                .into_iter()
                .map(|w| (*span, w.to_string()))
                .collect(),
            _ => Vec::new(),
        };
        Some(Agent {
            ident: ident.clone(),
            resolved,
            profiles: self.profiles.clone(),
            tracked,
            warnings,
        })
    }
}

pub fn agent(cx: &mut Ctxt, ident: &Ident, args: Vec<Arg>) -> Checked {
    let mut exprs = Exprs::default();
    let entries = attr::entries(cx, args, &mut exprs);
    let mut files = syntax::crate_files();
    let mut issues = Issues::new();
    let syntax = decl::Syntax::Attribute;
    let decl = AgentDecl::read(
        syntax::name(ident),
        &entries,
        syntax,
        &mut files,
        &mut issues,
    );
    decl.check(syntax, None, &mut issues);
    syntax::report(cx, issues);
    let mut profiles = ProfilePaths::default();
    for step in &decl.steps {
        profiles.add(cx, &exprs, &step.profile, step.loc);
    }
    Checked {
        decl,
        profiles,
        files,
    }
}
