//! Stage 2: interpret each key, then run the agent rules of `bedrock-profiles-core` on every value.
//!
//! Profiles are paths to constants the macro cannot read; the expand stage hands them to `const` assertions.

use super::ast::{self, Entry, Value};
use crate::ctxt::Ctxt;
use crate::value::{self, Setting, Shape};
use bedrock_profiles_core::agent::{self, AgentKey, AgentViolation, PromptType};
use bedrock_profiles_core::models::{self, ModelRef};
use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use std::path::PathBuf;
use syn::ext::IdentExt;
use syn::{Ident, Path};

/// One agent after interpretation. A value that was wrong is `None` (its error is recorded).
pub struct Agent {
    /// The struct's name.
    pub ident: Ident,
    pub name: Option<(String, Span)>,
    /// Whether `name` is the default, from the struct's name.
    pub default_name: bool,
    pub description: Option<(String, Span)>,
    pub instruction: Option<Instruction>,
    pub model: Option<(ModelRef, Span)>,
    /// Seconds, and the text as written when it had a unit.
    pub idle_session_ttl: Option<(u32, Span, Option<String>)>,
    /// Each step's profile, in the order written.
    pub steps: Vec<Step>,
}

pub struct Instruction {
    pub text: String,
    pub span: Span,
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

pub fn agent(cx: &mut Ctxt, ident: &Ident, args: ast::Args) -> Agent {
    let mut a = Agent {
        ident: ident.clone(),
        name: None,
        default_name: false,
        description: None,
        instruction: None,
        model: None,
        idle_session_ttl: None,
        steps: Vec::new(),
    };
    let mut seen: Vec<AgentKey> = Vec::new();
    let mut instruction_key: Option<Ident> = None;
    let mut profile_key: Option<Ident> = None;
    let mut step_lists = Vec::new();
    for Entry { key, value } in args.entries {
        let name = key.unraw().to_string();
        let Some(k) = AgentKey::from_name(&name) else {
            unknown_key(cx, &key, &name);
            continue;
        };
        if seen.contains(&k) {
            cx.error(key.span(), format!("duplicate key `{name}`"));
            continue;
        }
        seen.push(k);
        if k == AgentKey::Steps {
            match value {
                Value::List(group) => step_lists.push(group),
                Value::Assign { span, .. } => cx.error(
                    span,
                    "`steps` expects a list like `steps(pre_processing = PROFILE, orchestration = PROFILE)`",
                ),
            }
            continue;
        }
        let (tokens, span) = match value {
            Value::Assign { tokens, span } => {
                let span = value::first_span(&tokens, span);
                (tokens, span)
            }
            Value::List(group) => {
                cx.error(
                    group.span(),
                    format!("`{name}` expects a value: `{name} = ...`"),
                );
                continue;
            }
        };
        match k {
            AgentKey::Name => a.name = string(cx, &name, &tokens, span),
            AgentKey::Description => a.description = string(cx, &name, &tokens, span),
            AgentKey::Instruction | AgentKey::InstructionFile => {
                if let Some(first) = &instruction_key {
                    cx.error(
                        key.span(),
                        format!(
                            "`{name}` and `{first}` both give the instruction; keep one of them"
                        ),
                    );
                    continue;
                }
                instruction_key = Some(key.clone());
                a.instruction = match k {
                    AgentKey::Instruction => {
                        string(cx, &name, &tokens, span).map(|(text, span)| Instruction {
                            text,
                            span,
                            file: None,
                        })
                    }
                    _ => instruction_file(cx, &tokens, span),
                };
            }
            AgentKey::Model => a.model = model(cx, &tokens, span),
            AgentKey::IdleSessionTtl => a.idle_session_ttl = ttl(cx, &tokens, span),
            AgentKey::Profile => {
                profile_key = Some(key.clone());
                if let Some(path) = profile_path(cx, &name, &tokens, span) {
                    a.steps.push(step(PromptType::Orchestration, path, span));
                }
            }
            AgentKey::Steps => {}
        }
    }
    for group in step_lists {
        steps(cx, &group, profile_key.as_ref(), &mut a.steps);
    }
    if a.name.is_none() && !seen.contains(&AgentKey::Name) {
        let default = value::kebab_case(&ident.unraw().to_string());
        a.name = Some((default, ident.span()));
        a.default_name = true;
    }
    if instruction_key.is_none() {
        cx.error(
            Span::call_site(),
            format!(
                "missing key `instruction` (or `instruction_file`): Bedrock needs an instruction of {}..={} characters \
                 to prepare an agent",
                bedrock_profiles_core::limits::INSTRUCTION_CHARS.0,
                bedrock_profiles_core::limits::INSTRUCTION_CHARS.1
            ),
        );
    }
    if !seen.contains(&AgentKey::Model) {
        cx.error(
            Span::call_site(),
            "missing key `model`: the agent's foundation model, like `model = \"anthropic.claude-3-5-sonnet-20241022-v2:0\"`",
        );
    }
    apply_rules(cx, &a);
    a
}

fn unknown_key(cx: &mut Ctxt, key: &Ident, name: &str) {
    let message = match AgentKey::suggest(name) {
        Some(k) => format!("unknown key `{name}`; did you mean `{}`?", k.as_str()),
        None => {
            let all: Vec<&str> = AgentKey::ALL.iter().map(|k| k.as_str()).collect();
            format!("unknown key `{name}`; expected one of {}", all.join(", "))
        }
    };
    cx.error(key.span(), message);
}

/// A string literal (the macro must read it to check it).
fn string(cx: &mut Ctxt, key: &str, tokens: &TokenStream, span: Span) -> Option<(String, Span)> {
    match value::string(cx, key, tokens, span) {
        Setting::Literal(text, span) => Some((text, span)),
        Setting::Cleared => {
            cx.error(
                span,
                format!("`{key}` cannot be `None`; leave the key out instead"),
            );
            None
        }
        Setting::Expr(_) => {
            cx.error(
                span,
                format!("`{key}` expects a string literal, which the macro checks at compile time"),
            );
            None
        }
        Setting::Unset | Setting::Invalid => None,
    }
}

/// `instruction_file = "prompts/support.txt"`: read now (to check it), relative to the crate's manifest directory.
fn instruction_file(cx: &mut Ctxt, tokens: &TokenStream, span: Span) -> Option<Instruction> {
    let (relative, span) = string(cx, "instruction_file", tokens, span)?;
    let Some(dir) = std::env::var_os("CARGO_MANIFEST_DIR") else {
        cx.error(
            span,
            "`instruction_file` needs CARGO_MANIFEST_DIR, which cargo sets; build with cargo",
        );
        return None;
    };
    let path = PathBuf::from(dir).join(&relative);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(Instruction {
            text,
            span,
            file: Some((relative, path)),
        }),
        Err(error) => {
            cx.error(
                span,
                format!(
                    "cannot read `instruction_file` {relative:?} (relative to the directory of Cargo.toml): {error}"
                ),
            );
            None
        }
    }
}

/// `model = "id"`: a catalog id, a cross-region id or a Bedrock ARN.
fn model(cx: &mut Ctxt, tokens: &TokenStream, span: Span) -> Option<(ModelRef, Span)> {
    match value::shape(tokens) {
        Shape::Str(lit) => match models::resolve(&lit.value()) {
            Ok(model) => Some((model, lit.span())),
            Err(error) => {
                // No `unlisted { ... }` here: whether Bedrock Agents supports a model is known only for catalog
                // models.
                cx.error(lit.span(), error);
                None
            }
        },
        _ => {
            cx.error(
                span,
                "`model` expects a model id string, like \"anthropic.claude-3-5-sonnet-20241022-v2:0\"",
            );
            None
        }
    }
}

/// `idle_session_ttl = 600` or `idle_session_ttl = "10m"`.
fn ttl(cx: &mut Ctxt, tokens: &TokenStream, span: Span) -> Option<(u32, Span, Option<String>)> {
    match value::shape(tokens) {
        Shape::Str(lit) => {
            let text = lit.value();
            match agent::parse_ttl(&text) {
                Ok(seconds) => Some((seconds, lit.span(), Some(text))),
                Err(error) => {
                    cx.error(lit.span(), error);
                    None
                }
            }
        }
        Shape::Int(..) => match value::integer(cx, "idle_session_ttl", tokens, span) {
            Setting::Literal(seconds, span) => Some((seconds, span, None)),
            _ => None,
        },
        _ => {
            cx.error(
                span,
                "`idle_session_ttl` expects seconds (`600`) or a duration string (\"90s\", \"10m\", \"1h\")",
            );
            None
        }
    }
}

/// `profile = HIGH_QUALITY`: the path of an `InferenceProfile` constant.
fn profile_path(cx: &mut Ctxt, key: &str, tokens: &TokenStream, span: Span) -> Option<Path> {
    let literal = !matches!(value::shape(tokens), Shape::Expr);
    match syn::parse2::<Path>(tokens.clone()) {
        Ok(path) if !literal => Some(path),
        _ => {
            cx.error(
                span,
                format!(
                    "`{key}` expects the path of an `InferenceProfile` constant, like `HIGH_QUALITY` (declare it with `inference_profile!`)"
                ),
            );
            None
        }
    }
}

fn step(step: PromptType, path: Path, fallback: Span) -> Step {
    let span = path
        .segments
        .last()
        .map_or(fallback, |segment| segment.ident.span());
    Step { step, path, span }
}

/// `steps(pre_processing = P1, orchestration = P2, ...)`.
fn steps(
    cx: &mut Ctxt,
    group: &proc_macro2::Group,
    profile_key: Option<&Ident>,
    out: &mut Vec<Step>,
) {
    let assigns = match ast::steps(group) {
        Ok(assigns) => assigns,
        Err(error) => {
            cx.syn_error(error);
            return;
        }
    };
    let mut seen = Vec::new();
    for assign in assigns {
        let name = assign.key.unraw().to_string();
        let Some(prompt_type) = PromptType::from_key(&name) else {
            let message = match PromptType::suggest(&name) {
                Some(s) => format!("unknown step `{name}`; did you mean `{}`?", s.key()),
                None => {
                    let all: Vec<&str> = PromptType::ALL.iter().map(|s| s.key()).collect();
                    format!("unknown step `{name}`; expected one of {}", all.join(", "))
                }
            };
            cx.error(assign.key.span(), message);
            continue;
        };
        if seen.contains(&prompt_type) {
            cx.error(
                assign.key.span(),
                format!("duplicate step `{}`", prompt_type.key()),
            );
            continue;
        }
        seen.push(prompt_type);
        if prompt_type == PromptType::Orchestration
            && let Some(profile) = profile_key
        {
            cx.error(
                assign.key.span(),
                format!(
                    "`{profile}` and `steps(orchestration = ...)` both set the orchestration step's profile; keep one of them"
                ),
            );
            continue;
        }
        let span = value::first_span(&assign.tokens, assign.span);
        if let Some(path) = profile_path(cx, &name, &assign.tokens, span) {
            out.push(step(prompt_type, path, span));
        }
    }
}

/// The agent rules on every value the macro read.
fn apply_rules(cx: &mut Ctxt, a: &Agent) {
    let mut report = |span: Span, violation: Option<AgentViolation<'_>>, context: &str| {
        if let Some(violation) = violation {
            cx.error(span, format!("{violation}{context}"));
        }
    };
    if let Some((name, span)) = &a.name {
        let context = if a.default_name {
            " (the default name, from the struct's name; set `name = \"...\"`)".to_owned()
        } else {
            String::new()
        };
        report(*span, agent::check_name(name), &context);
    }
    if let Some((description, span)) = &a.description {
        report(*span, agent::check_description(description), "");
    }
    if let Some(instruction) = &a.instruction {
        let context = match &instruction.file {
            Some((relative, _)) => format!(" (in `instruction_file` {relative:?})"),
            None => String::new(),
        };
        report(
            instruction.span,
            agent::check_instruction(&instruction.text),
            &context,
        );
    }
    if let Some((model, span)) = &a.model {
        report(*span, agent::check_model(model), "");
    }
    if let Some((seconds, span, text)) = &a.idle_session_ttl {
        let context = match text {
            Some(text) => format!(" (from {text:?})"),
            None => String::new(),
        };
        report(*span, agent::check_idle_session_ttl(*seconds), &context);
    }
}
