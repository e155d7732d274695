//! Stage 2: the arguments as the declaration layer's entries, read and checked there; its issues become spanned
//! errors. Profiles are paths to constants the macro cannot read; the expand stage hands them to `const`
//! assertions.

use crate::attr::{self, Arg};
use crate::ctxt::Ctxt;
use crate::syntax::{self, CrateFiles, Exprs};
use bedrock_profiles_core::agent::PromptType;
use bedrock_profiles_core::decl::{self, AgentDecl, Issues, ProfileRef, Setting};
use bedrock_profiles_core::models::ModelRef;
use proc_macro2::Span;
use quote::ToTokens;
use std::path::PathBuf;
use syn::{Ident, Path};

/// One agent after interpretation. A value that was wrong is `None` (its error is recorded).
pub struct Agent {
    /// The struct's name.
    pub ident: Ident,
    pub name: Option<(String, Span)>,
    pub description: Option<(String, Span)>,
    pub instruction: Option<Instruction>,
    pub model: Option<(ModelRef, Span)>,
    /// Seconds, and the text as written when it had a unit.
    pub idle_session_ttl: Option<(u32, Span, Option<String>)>,
    /// Each step's profile, in the order written.
    pub steps: Vec<Step>,
    /// Each step's base prompt template.
    pub base_prompt_templates: Vec<(PromptType, String)>,
    /// `guardrail`: id and version.
    pub guardrail: Option<(String, String)>,
    /// Warnings (a model past its end of life), each at its value.
    pub warnings: Vec<(Span, String)>,
}

pub struct Instruction {
    pub text: String,
    /// `instruction_file`: the path as written and the absolute path read.
    pub file: Option<(String, PathBuf)>,
}

pub struct Step {
    pub step: PromptType,
    pub path: Path,
    /// Span of the profile's path (its last segment), where the `const` assertion reports.
    pub span: Span,
}

impl Step {
    /// The path as written, without spaces: `profiles::HIGH_QUALITY`.
    pub fn path_text(&self) -> String {
        self.path.to_token_stream().to_string().replace(' ', "")
    }
}

pub fn agent(cx: &mut Ctxt, ident: &Ident, args: Vec<Arg>) -> Agent {
    let mut exprs = Exprs::default();
    let entries = attr::entries(cx, args, &mut exprs);
    let mut files = CrateFiles::default();
    let mut issues = Issues::new();
    let syntax = decl::Syntax::Attribute;
    let d = AgentDecl::read(
        syntax::name(ident),
        &entries,
        syntax,
        &mut files,
        &mut issues,
    );
    d.check(syntax, None, &mut issues);
    syntax::report(cx, issues);
    let mut steps = Vec::new();
    for (step, profile, span) in &d.steps {
        if let ProfileRef::Path(handle) = profile
            && let Some(path) = syntax::path(cx, &exprs, *handle, *span)
        {
            let span = path.segments.last().map_or(*span, |s| s.ident.span());
            steps.push(Step {
                step: *step,
                path,
                span,
            });
        }
    }
    let set = |s: &Setting<String, Span>| match s {
        Setting::Set(text, span) => Some((text.clone(), *span)),
        _ => None,
    };
    Agent {
        ident: ident.clone(),
        name: Some((
            d.effective_name(),
            d.name.loc().copied().unwrap_or(ident.span()),
        )),
        description: set(&d.description),
        instruction: d.instruction.value().map(|i| Instruction {
            text: i.text.clone(),
            file: i.file.as_ref().map(|f| (f.clone(), files.absolute(f))),
        }),
        model: match &d.model {
            Setting::Set(m, span) => Some((m.clone(), *span)),
            _ => None,
        },
        idle_session_ttl: match &d.idle_session_ttl {
            Setting::Set((seconds, text), span) => Some((*seconds, *span, text.clone())),
            _ => None,
        },
        steps,
        base_prompt_templates: d
            .base_prompt_templates
            .iter()
            .map(|(s, t, _)| (*s, t.clone()))
            .collect(),
        warnings: match &d.model {
            Setting::Set(m, span) => bedrock_profiles_core::rules::model_warnings(m)
                .into_iter()
                .map(|w| (*span, w.to_string()))
                .collect(),
            _ => Vec::new(),
        },
        guardrail: d
            .guardrail
            .value()
            .and_then(|g| g.resolve())
            .map(|g| (g.id.into_owned(), g.version.into_owned())),
    }
}
