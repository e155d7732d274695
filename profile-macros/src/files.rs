//! `include_profiles!("bedrock.toml")`: the runtime loader (`bedrock_profiles_core::files`) run at compile time,
//! then the same items the DSL generates: an `InferenceProfile` const per profile, a `PromptSpec` const per prompt
//! and a `&'static AgentSpec` const per agent, named after their tables in SCREAMING_SNAKE_CASE.

use crate::agent::check::{Agent, Instruction, Step};
use crate::code::Code;
use crate::emit::{self, Base};
use crate::prompt::check::{Prompt, Source, Variant};
use crate::syntax::Exprs;
use bedrock_profiles_core::decl::keys::SectionKey;
use bedrock_profiles_core::decl::{Name, ProfileDecl};
use bedrock_profiles_core::files::{self, Declarations, Format};
use proc_macro2::{Literal, Span, TokenStream};
use quote::{format_ident, quote};
use std::path::Path;

fn error(span: Span, message: &str) -> TokenStream {
    let lit = Literal::string(message);
    quote::quote_spanned!(span=> ::core::compile_error!(#lit);)
}

pub fn expand(input: TokenStream) -> TokenStream {
    let lit: syn::LitStr = match syn::parse2(input) {
        Ok(lit) => lit,
        Err(_) => {
            return error(
                Span::call_site(),
                "`include_profiles!` expects the path of a TOML or JSON file, relative to the crate's Cargo.toml: `include_profiles!(\"bedrock.toml\")`",
            );
        }
    };
    let span = lit.span();
    let relative = lit.value();
    let Ok(dir) = std::env::var("CARGO_MANIFEST_DIR") else {
        return error(
            span,
            "`include_profiles!` needs CARGO_MANIFEST_DIR, which cargo sets; build with cargo",
        );
    };
    let path = Path::new(&dir).join(&relative);
    let source = match std::fs::read_to_string(&path) {
        Ok(source) => source,
        Err(e) => {
            return error(
                span,
                &format!("cannot read `{relative}` (relative to the crate's Cargo.toml): {e}"),
            );
        }
    };
    let declarations = match files::parse(&relative, &source, Format::of(&path)) {
        Ok(d) => d,
        Err(e) => {
            let errors: TokenStream = e
                .errors
                .iter()
                .map(|err| {
                    let at = format!("{relative}:{}:{}", err.line, err.column);
                    let message = if err.key_path.is_empty() {
                        format!("{at}: {}", err.message)
                    } else {
                        format!("{at}: `{}`: {}", err.key_path, err.message)
                    };
                    error(span, &message)
                })
                .collect();
            let stubs = stubs(&source, Format::of(&path));
            return quote!(#errors #stubs);
        }
    };
    let clashes = clashes(&declarations, span);
    if !clashes.is_empty() {
        return clashes;
    }
    let absolute = Literal::string(&path.to_string_lossy());
    let items = items(&declarations);
    quote! {
        const _: &[u8] = ::core::include_bytes!(#absolute);
        #items
    }
}

/// `high-quality` -> `HIGH_QUALITY`.
fn const_name(key: &str) -> String {
    let mut name: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    name
}

/// The path of a generated const (a profile a prompt or an agent names).
fn const_path(key: &str) -> syn::Path {
    syn::Path::from(format_ident!("{}", const_name(key)))
}

/// Two tables whose consts would have the same name (`profiles.fast` and `prompts.fast`, or `high-quality` and
/// `high_quality`): one error each, naming both.
fn clashes(d: &Declarations, span: Span) -> TokenStream {
    let tables = d
        .profiles
        .iter()
        .map(|p| (SectionKey::Profiles.as_str(), &p.key))
        .chain(
            d.prompts
                .iter()
                .map(|p| (SectionKey::Prompts.as_str(), &p.key)),
        )
        .chain(
            d.agents
                .iter()
                .map(|a| (SectionKey::Agents.as_str(), &a.key)),
        );
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut out = TokenStream::new();
    for (section, key) in tables {
        let name = const_name(key);
        let table = format!("{section}.{key}");
        match seen.iter().find(|(n, _)| *n == name) {
            Some((_, first)) => out.extend(error(
                span,
                &format!("`{first}` and `{table}` both become the const `{name}`; rename one of the tables"),
            )),
            None => seen.push((name, table)),
        }
    }
    out
}

fn items(d: &Declarations) -> TokenStream {
    let exprs = Exprs::default();
    // One text for the whole file, lexed once (see `crate::code`).
    let mut c = Code::new();
    for loaded in &d.profiles {
        let ident = format_ident!("{}", const_name(&loaded.key));
        let decl = ProfileDecl::from_profile(Name::new(loaded.key.clone(), ()), &loaded.profile);
        let mut docs = vec![format!(
            " Profile `{}` of the declaration file.",
            loaded.key
        )];
        docs.extend(crate::profile::doc::docs(&decl, &exprs, true));
        emit::doc(&mut c, &docs);
        write!(
            c,
            "pub const {ident}: ::bedrock_profiles::__private::InferenceProfile = "
        );
        emit::profile_value(&mut c, &decl, &exprs, Base::Empty);
        c.str(";");
    }
    for loaded in &d.prompts {
        let ident = format_ident!("{}", const_name(&loaded.key));
        let prompt = Prompt {
            ident: ident.clone(),
            name: loaded.name.clone(),
            description: loaded.description.clone(),
            sources: Vec::new(),
            variants: Vec::new(),
            fields: Vec::new(),
            warnings: Vec::new(),
        };
        let prompt = loaded.variants.iter().fold(prompt, |mut prompt, v| {
            let text = prompt.sources.len();
            prompt.sources.push(Source {
                text: v.text.clone(),
                file: None,
                valid: true,
            });
            let system = v.system.as_ref().map(|s| {
                prompt.sources.push(Source {
                    text: s.clone(),
                    file: None,
                    valid: true,
                });
                prompt.sources.len() - 1
            });
            prompt.variants.push(Variant {
                name: v.name.clone(),
                model: v.model.clone(),
                profile: v.profile.as_deref().map(const_path),
                text,
                system,
                variables: v.variables.clone(),
            });
            prompt
        });
        let mut docs = vec![format!(" Prompt `{}` of the declaration file.", loaded.key)];
        docs.extend(crate::prompt::doc::docs(&prompt, true));
        emit::doc(&mut c, &docs);
        write!(
            c,
            "pub const {ident}: ::bedrock_profiles::__private::PromptSpec<'static> = "
        );
        crate::prompt::expand::spec(&mut c, &prompt);
        c.str(";");
    }
    for loaded in &d.agents {
        let ident = format_ident!("{}", const_name(&loaded.key));
        let span = Span::call_site();
        let agent = Agent {
            ident: ident.clone(),
            name: Some((loaded.name.clone(), span)),
            description: loaded.description.clone().map(|d| (d, span)),
            instruction: Some(Instruction {
                text: loaded.instruction.clone(),
                file: None,
            }),
            model: Some((loaded.model.clone(), span)),
            idle_session_ttl: loaded.idle_session_ttl.map(|s| (s, span, None)),
            steps: loaded
                .steps
                .iter()
                .map(|(step, key)| Step {
                    step: *step,
                    path: const_path(key),
                    span,
                })
                .collect(),
            base_prompt_templates: loaded.base_prompt_templates.clone(),
            guardrail: loaded.guardrail.clone(),
            warnings: Vec::new(),
        };
        let mut docs = vec![format!(" Agent `{}` of the declaration file.", loaded.key)];
        docs.extend(crate::agent::doc::docs(&agent, true));
        emit::doc(&mut c, &docs);
        write!(
            c,
            "pub const {ident}: &::bedrock_profiles::__private::AgentSpec<'static> = "
        );
        crate::agent::expand::spec(&mut c, &agent);
        c.str(";");
    }
    c.finish()
}

/// Beside a file's errors, a stub for each profile and agent table (`REPORTED`, `STUB_AGENT_SPEC`), so that Rust
/// code naming their consts (a `#[prompt(profile = FAST)]`) adds no errors of its own; the first of two tables that
/// would share a const.
fn stubs(source: &str, format: Format) -> TokenStream {
    let mut c = Code::new();
    let mut seen = Vec::new();
    for (section, ty, value) in [
        (
            SectionKey::Profiles,
            "::bedrock_profiles::__private::InferenceProfile",
            "::bedrock_profiles::__private::REPORTED",
        ),
        (
            SectionKey::Agents,
            "&::bedrock_profiles::__private::AgentSpec<'static>",
            "::bedrock_profiles::__private::STUB_AGENT_SPEC",
        ),
    ] {
        for key in files::table_keys(source, format, section) {
            let name = const_name(&key);
            if !seen.contains(&name) {
                write!(c, "pub const {name}: {ty} = {value};");
                seen.push(name);
            }
        }
    }
    c.finish()
}
