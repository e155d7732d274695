//! Declarations after `check`, as the emitters take them and the file loader returns them: a prompt
//! ([`ResolvedPrompt`]) and an agent ([`ResolvedAgent`]) from their declarations, and a declaration from a runtime
//! profile (`ProfileDecl::from_profile`): how `include_profiles!` and a same-invocation `..BASE` write a profile
//! that is already resolved through the same emitters as a declared one.

use super::nested::{GuardrailDecl, ReasoningDecl};
use super::profile::{ProfileDecl, SchemaDecl};
use super::read::StringEntry;
use super::{Instruction, Name, ProfileRef, Setting, TemplateSource};
use crate::agent::PromptType;
use crate::models::ModelRef;
use crate::profile::{InferenceProfile, JsonSchema, ResponseFormat};
use std::borrow::Cow;

/// A prompt after [`super::PromptDecl::check`]: what `#[prompt]` emits, and what the file loader returns
/// (`files::LoadedPrompt`) and `include_profiles!` emits.
///
/// Two resolved prompts are equal when they declare the same prompt: the same names, description and variants,
/// each with the same template texts. Where a template is written, whether it was read from a file, and whether
/// two variants share it or each write it do not count: a file written back by `Declarations::to_toml` (every
/// variant in full, every text inline) loads equal.
#[derive(Debug, Clone)]
pub struct ResolvedPrompt<L> {
    /// The struct's name (Rust) or the table's name (files).
    pub key: String,
    /// The name sent to Bedrock (`name`, default: the key in kebab-case).
    pub name: String,
    /// What it is for.
    pub description: Option<String>,
    /// Every template the prompt holds, once however many variants use it; variants refer to them by index.
    pub templates: Vec<TemplateSource<L>>,
    /// The variants, the default (the top-level keys, named `default`) first.
    pub variants: Vec<ResolvedVariant>,
}

/// One variant of a [`ResolvedPrompt`], after inheritance from the top level.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedVariant {
    /// Its name (`default` for the top level).
    pub name: String,
    /// The model, if the variant (or its prompt) names one.
    pub model: Option<ModelRef>,
    /// The profile, if the variant (or its prompt) names one.
    pub profile: Option<ProfileRef>,
    /// The template (the user message of a chat prompt): an index into [`ResolvedPrompt::templates`].
    pub text: usize,
    /// The system prompt, making the prompt `CHAT`: an index into [`ResolvedPrompt::templates`].
    pub system: Option<usize>,
    /// The distinct variables of the system prompt and the text, in order of first use (system prompt first).
    pub variables: Vec<String>,
}

impl<L> ResolvedPrompt<L> {
    /// The text template of variant `v`.
    pub fn text(&self, v: &ResolvedVariant) -> &str {
        &self.templates[v.text].text
    }

    /// The system prompt of variant `v`.
    pub fn system(&self, v: &ResolvedVariant) -> Option<&str> {
        v.system.map(|s| &*self.templates[s].text)
    }
}

impl<L> PartialEq for ResolvedPrompt<L> {
    fn eq(&self, other: &Self) -> bool {
        let variant = |p: &Self, v: &ResolvedVariant| {
            let ResolvedVariant {
                name,
                model,
                profile,
                text: _,
                system: _,
                variables,
            } = v;
            let texts = (p.text(v).to_owned(), p.system(v).map(str::to_owned));
            (
                name.clone(),
                model.clone(),
                profile.clone(),
                texts,
                variables.clone(),
            )
        };
        self.key == other.key
            && self.name == other.name
            && self.description == other.description
            && self.variants.len() == other.variants.len()
            && self
                .variants
                .iter()
                .zip(&other.variants)
                .all(|(a, b)| variant(self, a) == variant(other, b))
    }
}

/// The profile of one step of an agent (`profile` is the orchestration step's), and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct StepProfile<L> {
    /// The step.
    pub step: PromptType,
    /// Its profile.
    pub profile: ProfileRef,
    /// Where the profile is named.
    pub loc: L,
}

/// The base prompt template of one step of an agent, and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct StepTemplate<L> {
    /// The step.
    pub step: PromptType,
    /// The template.
    pub text: String,
    /// Where it is written.
    pub loc: L,
}

/// An agent's guardrail (`guardrailConfiguration`): unlike a profile's, it has no `trace`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedGuardrail {
    /// `guardrailIdentifier`: the guardrail's id or ARN.
    pub id: String,
    /// `guardrailVersion`.
    pub version: String,
}

/// An agent after [`super::AgentDecl::check`] (`AgentDecl::resolved`): what `#[agent]` emits, and what the file
/// loader returns (`files::LoadedAgent`) and `include_profiles!` emits.
///
/// Two resolved agents are equal when they declare the same agent: locations, and whether the instruction was read
/// from a file, do not count.
#[derive(Debug, Clone)]
pub struct ResolvedAgent<L> {
    /// The struct's name (Rust) or the table's name (files).
    pub key: String,
    /// `agentName` (`name`, default: the key in kebab-case).
    pub name: String,
    /// What it is for.
    pub description: Option<String>,
    /// The instruction.
    pub instruction: Instruction,
    /// The foundation model.
    pub model: ModelRef,
    /// Idle session timeout in seconds.
    pub idle_session_ttl: Option<u32>,
    /// The profile of each step that has one.
    pub steps: Vec<StepProfile<L>>,
    /// `basePromptTemplate` of the steps whose prompt is overridden.
    pub base_prompt_templates: Vec<StepTemplate<L>>,
    /// `guardrailConfiguration`: the guardrail's id and version.
    pub guardrail: Option<ResolvedGuardrail>,
}

impl<L> ResolvedAgent<L> {
    /// The profile of `step`, if one is given.
    pub fn step(&self, step: PromptType) -> Option<&ProfileRef> {
        let found = self.steps.iter().find(|s| s.step == step)?;
        Some(&found.profile)
    }
}

impl<L> PartialEq for ResolvedAgent<L> {
    fn eq(&self, other: &Self) -> bool {
        let steps = |a: &Self| -> Vec<(PromptType, ProfileRef)> {
            a.steps
                .iter()
                .map(|s| (s.step, s.profile.clone()))
                .collect()
        };
        let templates = |a: &Self| -> Vec<(PromptType, String)> {
            let templates = a.base_prompt_templates.iter();
            templates.map(|t| (t.step, t.text.clone())).collect()
        };
        self.key == other.key
            && self.name == other.name
            && self.description == other.description
            && self.instruction.text == other.instruction.text
            && self.model == other.model
            && self.idle_session_ttl == other.idle_session_ttl
            && steps(self) == steps(other)
            && templates(self) == templates(other)
            && self.guardrail == other.guardrail
    }
}

impl<L: Clone> ProfileDecl<L> {
    /// The declaration of a resolved profile (every value set, at `loc`): what a file's profile generates in
    /// `include_profiles!`, so that its const and rustdoc are built like the DSL's.
    pub fn from_profile(ident: Name<L>, profile: &InferenceProfile) -> Self {
        // Every field, destructured without `..`: a field added to `InferenceProfile` does not compile until it is
        // carried here (`include_profiles!` and a same-invocation `..BASE` write their consts from this).
        let InferenceProfile {
            name,
            description,
            version,
            model,
            temperature,
            top_p,
            top_k,
            max_tokens,
            stop_sequences,
            anthropic_version,
            response_format,
            reasoning,
            guardrail,
            tags,
        } = profile;
        let loc = ident.loc.clone();
        let text = |v: &Option<Cow<'static, str>>| match v {
            Some(v) => Setting::Set(v.to_string(), loc.clone()),
            None => Setting::Unset,
        };
        let opt = |v: Option<f32>| v.map_or(Setting::Unset, |v| Setting::Set(v, loc.clone()));
        let int = |v: Option<u32>| v.map_or(Setting::Unset, |v| Setting::Set(v, loc.clone()));
        let mut decl = ProfileDecl::new(ident);
        decl.name = Setting::Set(name.to_string(), loc.clone());
        decl.description = text(description);
        decl.version = Setting::Set(*version, loc.clone());
        decl.model = model
            .clone()
            .map_or(Setting::Unset, |m| Setting::Set(m, loc.clone()));
        decl.temperature = opt(*temperature);
        decl.top_p = opt(*top_p);
        decl.top_k = int(*top_k);
        decl.max_tokens = int(*max_tokens);
        if !stop_sequences.is_empty() {
            let items = stop_sequences
                .iter()
                .map(|s| (s.to_string(), loc.clone()))
                .collect();
            decl.stop_sequences = Setting::Set(items, loc.clone());
        }
        decl.anthropic_version = text(anthropic_version);
        if let Some(ResponseFormat::JsonSchema(JsonSchema {
            name,
            description,
            schema,
        })) = response_format
        {
            let schema = SchemaDecl {
                name: text(name),
                description: text(description),
                schema: Setting::Set(schema.to_string(), loc.clone()),
            };
            decl.response_format = Setting::Set(schema, loc.clone());
        }
        if let Some(r) = reasoning {
            decl.reasoning = Setting::Set(ReasoningDecl::from_config(r, &loc), loc.clone());
        }
        if let Some(g) = guardrail {
            decl.guardrail = Setting::Set(GuardrailDecl::from_config(g, &loc), loc.clone());
        }
        if !tags.is_empty() {
            let tags = tags
                .iter()
                .map(|(key, value)| StringEntry {
                    key: Name::new(key, loc.clone()),
                    value: value.to_owned(),
                    value_loc: loc.clone(),
                })
                .collect();
            decl.tags = Setting::Set(tags, loc.clone());
        }
        decl
    }
}
