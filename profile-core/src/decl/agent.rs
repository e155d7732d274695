//! An agent as declared: name, instruction (inline or from a file), model, session TTL, a profile and a base
//! prompt template per step.

use super::keys::{AgentKey, GuardrailKey};
use super::nested::GuardrailDecl;
use super::read::Reader;
use super::resolved::{ResolvedAgent, ResolvedGuardrail, StepProfile, StepTemplate};
use super::source::{self, ProfileTable, Sources};
use super::{Entry, IssueKind, Issues, Name, Node, ProfileRef, Raw, Setting, Syntax, kebab_case};
use crate::agent::{self, AgentViolation, PromptType};
use crate::models::ModelRef;
use crate::rules::{self, Surface};

/// An agent as declared.
#[derive(Debug, Clone, PartialEq)]
pub struct AgentDecl<L> {
    /// The struct's name (Rust) or the table's name (files): the default `name`, in kebab-case.
    pub ident: Name<L>,
    /// `name`
    pub name: Setting<String, L>,
    /// `description`
    pub description: Setting<String, L>,
    /// `instruction` / `instruction_file` (one final line break of a file dropped).
    pub instruction: Setting<Instruction, L>,
    /// `model`
    pub model: Setting<ModelRef, L>,
    /// `idle_session_ttl`: seconds, and the text as written when it had a unit.
    pub idle_session_ttl: Setting<(u32, Option<String>), L>,
    /// Each step's profile (`profile` is the orchestration step's), in the order written.
    pub steps: Vec<StepProfile<L>>,
    /// Each step's base prompt template, in the order written.
    pub base_prompt_templates: Vec<StepTemplate<L>>,
    /// `guardrail`: id and version (no trace: `CreateAgent.guardrailConfiguration` has none).
    pub guardrail: Setting<GuardrailDecl<L>, L>,
    /// Whether the orchestration step's profile is given as `profile` (rather than in `steps`).
    profile_key: bool,
}

/// The instruction and, for `instruction_file`, the path as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Instruction {
    /// The text.
    pub text: String,
    /// The path as written.
    pub file: Option<String>,
}

impl<L: Clone> AgentDecl<L> {
    /// Reads the entries of one agent.
    pub fn read(
        ident: Name<L>,
        entries: &[Entry<L>],
        syntax: Syntax,
        sources: &mut dyn Sources,
        issues: &mut Issues<L>,
    ) -> Self {
        let mut decl = AgentDecl {
            ident,
            name: Setting::Unset,
            description: Setting::Unset,
            instruction: Setting::Unset,
            model: Setting::Unset,
            idle_session_ttl: Setting::Unset,
            steps: Vec::new(),
            base_prompt_templates: Vec::new(),
            guardrail: Setting::Unset,
            profile_key: false,
        };
        let mut r = Reader::new(syntax, issues);
        let keyed = r.keyed(
            entries,
            "",
            AgentKey::from_name,
            |n| AgentKey::suggest(n).map(AgentKey::as_str),
            &AgentKey::names(),
        );
        decl.profile_key = keyed.iter().any(|(k, _)| *k == AgentKey::Profile);
        let mut instruction_key: Option<&Name<L>> = None;
        for (k, entry) in &keyed {
            let key = k.as_str();
            let node = &entry.value;
            match k {
                AgentKey::Name => decl.name = r.literal(key, node, ""),
                AgentKey::Description => decl.description = r.literal(key, node, ""),
                AgentKey::Instruction | AgentKey::InstructionFile => {
                    if let Some(first) = instruction_key {
                        let message = format!(
                            "`{key}` and `{}` both give the instruction; keep one of them",
                            first.text
                        );
                        r.issues.rule(key, &entry.key.loc, message);
                        continue;
                    }
                    instruction_key = Some(&entry.key);
                    let file = *k == AgentKey::InstructionFile;
                    decl.instruction = match source::template(&mut r, key, node, file, sources) {
                        Some((text, file, loc)) => Setting::Set(
                            Instruction {
                                text: text.to_string(),
                                file,
                            },
                            loc,
                        ),
                        None => Setting::Invalid,
                    };
                }
                AgentKey::Model => decl.model = r.literal_model(key, node, false),
                AgentKey::IdleSessionTtl => decl.idle_session_ttl = ttl(&mut r, key, node),
                AgentKey::Profile => {
                    if let Setting::Set(profile, loc) = r.profile_ref(key, node) {
                        let step = PromptType::Orchestration;
                        decl.steps.push(StepProfile { step, profile, loc });
                    }
                }
                AgentKey::Steps => decl.read_steps(&mut r, key, node),
                AgentKey::Guardrail => decl.guardrail = guardrail(&mut r, key, node),
                AgentKey::BasePromptTemplates => {
                    for StepEntry { step, value, .. } in steps(&mut r, key, node) {
                        let path = step_key(key, step);
                        if let Setting::Set(text, loc) = r.literal(&path, value, "") {
                            decl.base_prompt_templates
                                .push(StepTemplate { step, text, loc });
                        }
                    }
                }
            }
        }
        decl.missing_keys(&mut r);
        decl
    }

    /// `steps(...)`: each step's profile, unless `profile` gives the orchestration step's.
    fn read_steps(&mut self, r: &mut Reader<'_, L>, key: &str, node: &Node<L>) {
        for StepEntry {
            step,
            key_loc,
            value,
        } in steps(r, key, node)
        {
            let path = step_key(key, step);
            if step == PromptType::Orchestration && self.profile_key {
                let message = format!(
                    "`profile` and `{}` both set the orchestration step's profile; keep one of them",
                    r.syntax.sub_key(key, "orchestration")
                );
                r.issues.rule(&path, &key_loc, message);
                continue;
            }
            if let Setting::Set(profile, loc) = r.profile_ref(&path, value) {
                self.steps.push(StepProfile { step, profile, loc });
            }
        }
    }

    /// "missing key" for `instruction` and `model`, which every agent needs.
    fn missing_keys(&self, r: &mut Reader<'_, L>) {
        if !self.instruction.is_written() {
            let (min, max) = crate::limits::INSTRUCTION_CHARS;
            let message = format!(
                "missing key `instruction` (or `instruction_file`): Bedrock needs an instruction of {min}..={max} characters to prepare an agent"
            );
            r.missing("", "instruction", &self.ident.loc, message);
        }
        if !self.model.is_written() {
            let message = format!(
                "missing key `model`: the agent's foundation model, like `{}`",
                r.syntax
                    .assign("model", "\"anthropic.claude-3-5-sonnet-20241022-v2:0\"")
            );
            r.missing("", "model", &self.ident.loc, message);
        }
    }

    /// The agent as the emitters and the file loader take it: `None` without an instruction or a model (an issue
    /// says so).
    pub fn resolved(&self) -> Option<ResolvedAgent<L>> {
        Some(ResolvedAgent {
            key: self.ident.text.clone(),
            name: self.effective_name(),
            description: self.description.value().cloned(),
            instruction: self.instruction.value()?.clone(),
            model: self.model.value()?.clone(),
            idle_session_ttl: self.idle_session_ttl.value().map(|(seconds, _)| *seconds),
            steps: self.steps.clone(),
            base_prompt_templates: self.base_prompt_templates.clone(),
            guardrail: self.guardrail.value().and_then(|g| g.resolve()).map(|g| {
                ResolvedGuardrail {
                    id: g.id.into_owned(),
                    version: g.version.into_owned(),
                }
            }),
        })
    }

    /// The default name: the struct's or table's name in kebab-case.
    pub fn default_name(&self) -> String {
        kebab_case(&self.ident.text)
    }

    /// The name sent to Bedrock.
    pub fn effective_name(&self) -> String {
        match &self.name {
            Setting::Set(name, _) => name.clone(),
            _ => self.default_name(),
        }
    }

    /// The profile of `step`, if one is given.
    pub fn step(&self, step: PromptType) -> Option<&ProfileRef> {
        let found = self.steps.iter().find(|s| s.step == step)?;
        Some(&found.profile)
    }

    /// The base prompt template of `step`, if one is given.
    pub fn base_prompt_template(&self, step: PromptType) -> Option<&str> {
        let found = self.base_prompt_templates.iter().find(|t| t.step == step)?;
        Some(&found.text)
    }

    /// Every agent rule on the values read; with `profiles` (files), each step's profile for Agents with the
    /// agent's model.
    pub fn check(
        &self,
        syntax: Syntax,
        profiles: Option<&ProfileTable<'_>>,
        issues: &mut Issues<L>,
    ) {
        self.check_values(syntax, issues);
        if let Some(table) = profiles {
            self.check_step_profiles(table, issues);
        }
    }

    /// The agent rules on each value where it is written.
    fn check_values(&self, syntax: Syntax, issues: &mut Issues<L>) {
        let mut report = |path: &str, loc: &L, v: Option<AgentViolation<'_>>, context: &str| {
            if let Some(v) = v {
                issues.rule(path, loc, format!("{v}{context}"));
            }
        };
        match &self.name {
            Setting::Set(name, loc) => report("name", loc, agent::check_name(name), ""),
            _ => {
                let context = syntax.default_name_note("struct");
                report(
                    "",
                    &self.ident.loc,
                    agent::check_name(&self.default_name()),
                    &context,
                );
            }
        }
        if let Setting::Set(d, loc) = &self.description {
            report("description", loc, agent::check_description(d), "");
        }
        if let Setting::Set(i, loc) = &self.instruction {
            let (path, context) = match &i.file {
                Some(file) => (
                    "instruction_file",
                    format!(" (in `instruction_file` {file:?})"),
                ),
                None => ("instruction", String::new()),
            };
            report(path, loc, agent::check_instruction(&i.text), &context);
        }
        if let Setting::Set(model, loc) = &self.model {
            report("model", loc, agent::check_model(model), "");
        }
        if let Setting::Set((seconds, text), loc) = &self.idle_session_ttl {
            let context = match text {
                Some(text) => format!(" (from {text:?})"),
                None => String::new(),
            };
            report(
                "idle_session_ttl",
                loc,
                agent::check_idle_session_ttl(*seconds),
                &context,
            );
        }
        // The guardrail's id and version, each where it is written (the rules of a profile's `guardrail`).
        if let Setting::Set(g, _) = &self.guardrail {
            if let Setting::Set(id, loc) = &g.id {
                let v = rules::check_guardrail_id(id).map(AgentViolation::Rule);
                report(&guardrail_path(GuardrailKey::Id), loc, v, "");
            }
            if let Setting::Set(version, loc) = &g.version {
                let v = rules::check_agent_guardrail_version(version).map(AgentViolation::Rule);
                report(&guardrail_path(GuardrailKey::Version), loc, v, "");
            }
        }
        for StepTemplate { step, text, loc } in &self.base_prompt_templates {
            let v = agent::check_base_prompt_template(*step, text);
            report(&step_key("base_prompt_templates", *step), loc, v, "");
        }
        // A step's profile is sent only with the step's base prompt template.
        for StepProfile { step, loc, .. } in &self.steps {
            if self.base_prompt_template(*step).is_none() {
                let v = AgentViolation::StepWithoutTemplate { step: *step };
                report(&self.step_path(*step), loc, Some(v), "");
            }
        }
    }

    /// Each step profile naming a profile of the file: declared, and valid for Agents with the agent's model.
    fn check_step_profiles(&self, table: &ProfileTable<'_>, issues: &mut Issues<L>) {
        for StepProfile { step, profile, loc } in &self.steps {
            let ProfileRef::Name(key) = profile else {
                continue;
            };
            let path = self.step_path(*step);
            match table.get(key.as_str()) {
                None => source::missing_profile(issues, table, &path, key, loc),
                Some(None) => {}
                Some(Some(p)) => {
                    if let Setting::Set(model, _) = &self.model {
                        for violation in rules::check_for(p, Surface::Agent, Some(model)) {
                            let v = AgentViolation::Profile {
                                step: *step,
                                violation,
                            };
                            issues.rule(&path, loc, format!("profile `{key}`: {v}"));
                        }
                    }
                }
            }
        }
    }
}

impl<L> AgentDecl<L> {
    /// The key path of `step`'s profile: `profile` or `steps.pre_processing`.
    fn step_path(&self, step: PromptType) -> String {
        match step {
            PromptType::Orchestration if self.profile_key => "profile".to_owned(),
            _ => step_key(AgentKey::Steps.as_str(), step),
        }
    }
}

/// `guardrail(id = "...", version = "...")`: id and version as written, never `None` or a constant.
fn guardrail<L: Clone>(
    r: &mut Reader<'_, L>,
    key: &str,
    node: &Node<L>,
) -> Setting<GuardrailDecl<L>, L> {
    match r.guardrail(key, node, false) {
        Setting::Expr(_, loc) | Setting::Cleared(loc) => {
            let message = format!(
                "`{key}` takes its id and version as written: `{}`",
                r.syntax
                    .nested_table(key, &[("id", "\"gr0abc123\""), ("version", "\"1\"")])
            );
            r.issues.push(IssueKind::Type, key, &loc, message);
            Setting::Invalid
        }
        other => other,
    }
}

/// `idle_session_ttl = 600` or `"10m"`.
fn ttl<L: Clone>(
    r: &mut Reader<'_, L>,
    key: &str,
    node: &Node<L>,
) -> Setting<(u32, Option<String>), L> {
    match &node.value {
        Raw::Str(text) => match agent::parse_ttl(text) {
            Ok(seconds) => Setting::Set((seconds, Some(text.clone())), node.loc.clone()),
            Err(error) => {
                r.issues.rule(key, &node.loc, error.to_string());
                Setting::Invalid
            }
        },
        Raw::Int(..) => match r.uint(key, node) {
            Setting::Set(seconds, loc) => Setting::Set((seconds, None), loc),
            _ => Setting::Invalid,
        },
        other => {
            let message = format!(
                "`{key}` expects seconds (`600`) or a duration string (\"90s\", \"10m\", \"1h\"), found {}",
                other.describe(r.syntax)
            );
            r.issues.push(IssueKind::Type, key, &node.loc, message);
            Setting::Invalid
        }
    }
}

/// `guardrail.id`, as a key path.
fn guardrail_path(key: GuardrailKey) -> String {
    format!("{}.{}", AgentKey::Guardrail.as_str(), key.as_str())
}

/// `steps.pre_processing`, as a key path.
fn step_key(key: &str, step: PromptType) -> String {
    format!("{key}.{}", step.key())
}

/// One entry of a per-step table: the step, where its key is, and its value.
struct StepEntry<'n, L> {
    step: PromptType,
    key_loc: L,
    value: &'n Node<L>,
}

/// The entries of a per-step table (`steps(...)`, `base_prompt_templates(...)`): each known step once.
fn steps<'n, L: Clone>(
    r: &mut Reader<'_, L>,
    key: &str,
    node: &'n Node<L>,
) -> Vec<StepEntry<'n, L>> {
    let Raw::Table(entries) = &node.value else {
        let example = r
            .syntax
            .nested_table(key, &[("pre_processing", "..."), ("orchestration", "...")]);
        let message = format!("`{key}` expects a list like `{example}`");
        r.issues.push(IssueKind::Type, key, &node.loc, message);
        return Vec::new();
    };
    let mut out: Vec<StepEntry<'n, L>> = Vec::new();
    for entry in entries {
        let name = &entry.key.text;
        let Some(step) = PromptType::from_key(name) else {
            let suggestion = PromptType::suggest(name);
            let all: Vec<&str> = PromptType::ALL.iter().map(|s| s.key()).collect();
            let message = match suggestion {
                Some(s) => format!("unknown step `{name}`; did you mean `{}`?", s.key()),
                None => format!("unknown step `{name}`; expected {}", super::one_of(&all)),
            };
            let kind = IssueKind::UnknownKey {
                key: name.clone(),
                suggestion: suggestion.map(|s| s.key().to_owned()),
            };
            r.issues
                .push(kind, &format!("{key}.{name}"), &entry.key.loc, message);
            continue;
        };
        if out.iter().any(|e| e.step == step) {
            let message = format!("duplicate step `{}`", step.key());
            let kind = IssueKind::DuplicateKey { key: name.clone() };
            r.issues
                .push(kind, &step_key(key, step), &entry.key.loc, message);
            continue;
        }
        out.push(StepEntry {
            step,
            key_loc: entry.key.loc.clone(),
            value: &entry.value,
        });
    }
    out
}
