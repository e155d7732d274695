//! Bedrock agents: the [`Agent`] trait, its const [`AgentSpec`], and the agent rules.
//!
//! The rules follow the rulebook's pattern ([`crate::rules`]): each is a small crate-private `const fn` returning a
//! typed [`AgentViolation`] whose text is written by one `const fn`, so the `#[agent]` macro, `const` assertions
//! and runtime code (a file loader, [`check`]) print the same words.
//!
//! Limits come from the AWS service model of bedrock-agent (botocore 1.44.8, API version 2023-06-05),
//! `CreateAgentRequest`:
//! - `agentName`: pattern `([0-9a-zA-Z][_-]?){1,100}`, matched against the whole name;
//! - `instruction`: length 40..=4000;
//! - `description`: length 1..=200;
//! - `idleSessionTTLInSeconds`: 60..=5400;
//! - `foundationModel`: length 1..=2048, a model Bedrock Agents supports;
//! - `promptOverrideConfiguration.promptConfigurations[].promptType`: PRE_PROCESSING, ORCHESTRATION,
//!   POST_PROCESSING, KNOWLEDGE_BASE_RESPONSE_GENERATION, MEMORY_SUMMARIZATION, each with an optional
//!   `inferenceConfiguration` (checked on [`Surface::Agent`]).

use crate::const_text::{Message, char_count};
use crate::limits;
use crate::models::ModelRef;
use crate::profile::InferenceProfile;
use crate::rules::{self, Surface, Violation};

/// A Bedrock agent declared in Rust: implemented by `#[agent(...)]`, which checks every value at compile time.
pub trait Agent {
    /// The agent's definition. A reference, so that `const` code can read its fields
    /// (`const NAME: &str = SupportAgent::SPEC.name;`) and reading it copies nothing.
    const SPEC: &'static AgentSpec<'static>;
}

/// What an agent is: the fields of bedrock-agent `CreateAgent` that the rulebook checks, plus an inference profile
/// per orchestration step (`promptOverrideConfiguration`).
///
/// Every field is `const`-constructible; `#[agent]` builds one per agent as `<Agent>::SPEC` (`'a` is `'static`); a
/// spec lent by a loaded file (`files::Declarations::agent_spec`) borrows from it.
/// [`check`] runs every agent rule on one at run time.
#[derive(Debug, Clone, PartialEq)]
pub struct AgentSpec<'a> {
    /// `agentName`: matches `([0-9a-zA-Z][_-]?){1,100}`.
    pub name: &'a str,
    /// `description`: 1..=200 characters.
    pub description: Option<&'a str>,
    /// `instruction`: 40..=4000 characters.
    pub instruction: &'a str,
    /// `foundationModel`: a model Bedrock Agents can use (or a cross-region id or ARN of one).
    pub model: ModelRef,
    /// `idleSessionTTLInSeconds`: 60..=5400; `None` leaves Bedrock's default.
    pub idle_session_ttl: Option<u32>,
    /// Inference configuration of the `PRE_PROCESSING` step.
    pub pre_processing: Option<&'a InferenceProfile>,
    /// Inference configuration of the `ORCHESTRATION` step (`profile = ...` in `#[agent]`).
    pub orchestration: Option<&'a InferenceProfile>,
    /// Inference configuration of the `POST_PROCESSING` step.
    pub post_processing: Option<&'a InferenceProfile>,
    /// Inference configuration of the `KNOWLEDGE_BASE_RESPONSE_GENERATION` step.
    pub knowledge_base_response_generation: Option<&'a InferenceProfile>,
    /// Inference configuration of the `MEMORY_SUMMARIZATION` step.
    pub memory_summarization: Option<&'a InferenceProfile>,
    /// The `basePromptTemplate` of steps that override Bedrock's prompt (`base_prompt_templates(...)`): a step
    /// with a profile needs one, since Bedrock applies a step's inference configuration only to an overridden
    /// prompt.
    pub base_prompt_templates: &'a [(PromptType, &'a str)],
    /// `guardrailConfiguration`: the guardrail Bedrock applies to the agent's every turn.
    pub guardrail: Option<AgentGuardrail<'a>>,
}

/// An agent's guardrail (bedrock-agent `GuardrailConfiguration`): only an id and a version; unlike a profile's
/// `guardrail` it has no trace (InvokeAgent asks for a trace per call, `enableTrace`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgentGuardrail<'a> {
    /// `guardrailIdentifier`: the guardrail's id (`[a-z0-9]+`) or ARN, at most 2048 characters.
    pub id: &'a str,
    /// `guardrailVersion`: `DRAFT` or a version number (`[1-9][0-9]{0,7}`, the runtime's pattern, which the
    /// agent's `[0-9]{1,8}` contains).
    pub version: &'a str,
}

impl<'a> AgentSpec<'a> {
    /// The id to send as `foundationModel`.
    pub const fn model_id(&self) -> &str {
        self.model.id()
    }

    /// The profile of one step, if set.
    pub const fn profile(&self, step: PromptType) -> Option<&'a InferenceProfile> {
        match step {
            PromptType::PreProcessing => self.pre_processing,
            PromptType::Orchestration => self.orchestration,
            PromptType::PostProcessing => self.post_processing,
            PromptType::KnowledgeBaseResponseGeneration => self.knowledge_base_response_generation,
            PromptType::MemorySummarization => self.memory_summarization,
        }
    }

    /// The base prompt template of one step, if given.
    pub fn base_prompt_template(&self, step: PromptType) -> Option<&'a str> {
        self.base_prompt_templates
            .iter()
            .find(|(s, _)| *s == step)
            .map(|(_, t)| *t)
    }

    /// The steps that have a profile, in [`PromptType::ALL`] order.
    pub fn profiles(&self) -> impl Iterator<Item = (PromptType, &'a InferenceProfile)> + '_ {
        PromptType::ALL
            .into_iter()
            .filter_map(|step| self.profile(step).map(|p| (step, p)))
    }
}

/// An agent's orchestration step (bedrock-agent `PromptType`), to which a profile can be attached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PromptType {
    /// `PRE_PROCESSING`: classifies and contextualizes the user input.
    PreProcessing,
    /// `ORCHESTRATION`: decides the actions and produces the answer.
    Orchestration,
    /// `POST_PROCESSING`: reshapes the final answer.
    PostProcessing,
    /// `KNOWLEDGE_BASE_RESPONSE_GENERATION`: answers from knowledge-base results.
    KnowledgeBaseResponseGeneration,
    /// `MEMORY_SUMMARIZATION`: summarizes sessions into memory.
    MemorySummarization,
}

impl PromptType {
    /// Every step, in the order Bedrock lists them.
    pub const ALL: [PromptType; 5] = [
        PromptType::PreProcessing,
        PromptType::Orchestration,
        PromptType::PostProcessing,
        PromptType::KnowledgeBaseResponseGeneration,
        PromptType::MemorySummarization,
    ];

    /// The `promptType` value Bedrock takes: `PRE_PROCESSING`, `ORCHESTRATION`, ...
    pub const fn as_str(self) -> &'static str {
        match self {
            PromptType::PreProcessing => "PRE_PROCESSING",
            PromptType::Orchestration => "ORCHESTRATION",
            PromptType::PostProcessing => "POST_PROCESSING",
            PromptType::KnowledgeBaseResponseGeneration => "KNOWLEDGE_BASE_RESPONSE_GENERATION",
            PromptType::MemorySummarization => "MEMORY_SUMMARIZATION",
        }
    }

    /// The step's position in [`PromptType::ALL`].
    pub const fn index(self) -> usize {
        match self {
            PromptType::PreProcessing => 0,
            PromptType::Orchestration => 1,
            PromptType::PostProcessing => 2,
            PromptType::KnowledgeBaseResponseGeneration => 3,
            PromptType::MemorySummarization => 4,
        }
    }

    /// The step as `#[agent(steps(...))]` spells it: `pre_processing`, `orchestration`, ...
    pub const fn key(self) -> &'static str {
        match self {
            PromptType::PreProcessing => "pre_processing",
            PromptType::Orchestration => "orchestration",
            PromptType::PostProcessing => "post_processing",
            PromptType::KnowledgeBaseResponseGeneration => "knowledge_base_response_generation",
            PromptType::MemorySummarization => "memory_summarization",
        }
    }

    /// The step spelled exactly `key` (`pre_processing`) or as Bedrock does (`PRE_PROCESSING`).
    pub fn from_key(key: &str) -> Option<PromptType> {
        PromptType::ALL
            .into_iter()
            .find(|s| s.key() == key || s.as_str() == key)
    }

    /// The step a misspelled or camelCase name most likely meant: `preProcessing` -> `pre_processing`,
    /// `orchestraton` -> `orchestration`.
    pub fn suggest(name: &str) -> Option<PromptType> {
        suggest(name, &PromptType::ALL, |s| s.key())
    }
}

use crate::keys::AgentKey;

use crate::suggest::closest as suggest;

/// One broken agent rule, with what was found and what is allowed.
///
/// `Display` prints the same text the `#[agent]` macro prints as a compile error.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum AgentViolation<'a> {
    /// `name` does not match `([0-9a-zA-Z][_-]?)+` (empty, a space, a doubled or leading `_`/`-`, ...).
    NamePattern {
        /// The name.
        found: &'a str,
    },
    /// `name` has more than 100 letters and digits.
    NameTooLong {
        /// Number of letters and digits.
        found: usize,
    },
    /// `instruction` is shorter than 40 or longer than 4000 characters.
    InstructionLength {
        /// Length in characters.
        found: usize,
    },
    /// A step's base prompt template is empty or longer than 100,000 characters.
    BasePromptTemplateLength {
        /// The step.
        step: PromptType,
        /// Length in characters.
        found: usize,
    },
    /// `idle_session_ttl` outside 60..=5400 seconds.
    IdleSessionTtl {
        /// The value in seconds.
        found: u32,
    },
    /// A rule shared with inference profiles: `description` (1..=200 characters) or `model` (usable by agents).
    Rule(Violation<'a>),
    /// A step has a profile but no base prompt template: Bedrock applies a step's inference configuration only to
    /// an overridden prompt (`promptCreationMode` `OVERRIDDEN`), which needs its `basePromptTemplate`.
    StepWithoutTemplate {
        /// The step.
        step: PromptType,
    },
    /// A step's profile breaks a rule of the Agent surface or of the agent's model.
    Profile {
        /// The step.
        step: PromptType,
        /// The broken rule.
        violation: Violation<'a>,
    },
}

impl AgentViolation<'_> {
    /// The key whose value breaks the rule.
    pub const fn key(&self) -> AgentKey {
        match self {
            AgentViolation::NamePattern { .. } | AgentViolation::NameTooLong { .. } => {
                AgentKey::Name
            }
            AgentViolation::InstructionLength { .. } => AgentKey::Instruction,
            AgentViolation::IdleSessionTtl { .. } => AgentKey::IdleSessionTtl,
            AgentViolation::BasePromptTemplateLength { .. } => AgentKey::BasePromptTemplates,
            AgentViolation::Rule(v) => match v.key() {
                crate::keys::ProfileKey::Description => AgentKey::Description,
                crate::keys::ProfileKey::Guardrail => AgentKey::Guardrail,
                _ => AgentKey::Model,
            },
            AgentViolation::Profile { step, .. } | AgentViolation::StepWithoutTemplate { step } => {
                match step {
                    PromptType::Orchestration => AgentKey::Profile,
                    _ => AgentKey::Steps,
                }
            }
        }
    }

    /// Writes the message: lowercase, the key in backticks, what was found and what is allowed.
    pub(crate) const fn write_message(&self, m: &mut Message) {
        match *self {
            AgentViolation::NamePattern { found } => {
                m.push_str("`name` must match ([0-9a-zA-Z][_-]?){1,");
                m.push_usize(limits::NAME_MAX_ALNUM);
                m.push_str("} (letters and digits, a single `_` or `-` between them), found ");
                m.push_quoted(found);
            }
            AgentViolation::NameTooLong { found } => {
                m.push_str("`name` must have at most ");
                m.push_usize(limits::NAME_MAX_ALNUM);
                m.push_str(" letters and digits, found ");
                m.push_usize(found);
            }
            AgentViolation::InstructionLength { found } => {
                m.push_str("`instruction` must be ");
                let (min, max) = limits::INSTRUCTION_CHARS;
                m.push_u64_range(min as u64, max as u64);
                m.push_str(" characters, found ");
                m.push_usize(found);
            }
            AgentViolation::BasePromptTemplateLength { step, found } => {
                m.push_str("`base_prompt_templates` entry for `");
                m.push_str(step.key());
                m.push_str("` must be ");
                let (min, max) = limits::BASE_PROMPT_TEMPLATE_CHARS;
                m.push_u64_range(min as u64, max as u64);
                m.push_str(" characters, found ");
                m.push_usize(found);
            }
            AgentViolation::IdleSessionTtl { found } => {
                let (min, max) = limits::IDLE_SESSION_TTL_SECONDS;
                m.push_str("`idle_session_ttl` must be within ");
                m.push_u64_range(min as u64, max as u64);
                m.push_str(" seconds (");
                m.push_u64(min as u64 / 60);
                m.push_str(" to ");
                m.push_u64(max as u64 / 60);
                m.push_str(" minutes), found ");
                m.push_u64(found as u64);
            }
            AgentViolation::Rule(v) => v.write_message(m),
            AgentViolation::StepWithoutTemplate { step } => {
                m.push_str("the ");
                m.push_str(step.as_str());
                m.push_str(" step has a profile but no base prompt template: Bedrock applies a step's inference configuration only to an overridden prompt, which needs its `basePromptTemplate`; declare a `base_prompt_templates` entry for `");
                m.push_str(step.key());
                m.push_str("` (or leave the profile out)");
            }
            AgentViolation::Profile { step, violation } => {
                m.push_str(step.as_str());
                m.push_str(" profile: ");
                violation.write_message(m);
            }
        }
    }

    /// The message as a fixed-capacity buffer (usable in `const` code).
    pub(crate) const fn message(&self) -> Message {
        let mut m = Message::new();
        self.write_message(&mut m);
        m
    }
}

impl core::fmt::Display for AgentViolation<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.message().as_str())
    }
}

impl std::error::Error for AgentViolation<'_> {}

// ---------------------------------------------------------------------------------------------------------------
// The rules.
// ---------------------------------------------------------------------------------------------------------------

/// `name` (`CreateAgentRequest.agentName`): `([0-9a-zA-Z][_-]?){1,100}` as a whole.
pub(crate) const fn check_name(name: &str) -> Option<AgentViolation<'_>> {
    if !rules::matches_name_pattern(name, false, usize::MAX) {
        return Some(AgentViolation::NamePattern { found: name });
    }
    let bytes = name.as_bytes();
    let (mut i, mut alnum) = (0, 0);
    while i < bytes.len() {
        if bytes[i].is_ascii_alphanumeric() {
            alnum += 1;
        }
        i += 1;
    }
    if alnum > limits::NAME_MAX_ALNUM {
        return Some(AgentViolation::NameTooLong { found: alnum });
    }
    None
}

/// `instruction` (`CreateAgentRequest.instruction`): 40..=4000 characters.
pub(crate) const fn check_instruction(instruction: &str) -> Option<AgentViolation<'static>> {
    let length = char_count(instruction);
    if length < limits::INSTRUCTION_CHARS.0 || length > limits::INSTRUCTION_CHARS.1 {
        return Some(AgentViolation::InstructionLength { found: length });
    }
    None
}

/// A step's base prompt template (`PromptConfiguration.basePromptTemplate`): 1..=100000 characters.
pub(crate) const fn check_base_prompt_template(
    step: PromptType,
    template: &str,
) -> Option<AgentViolation<'static>> {
    let (min, max) = limits::BASE_PROMPT_TEMPLATE_CHARS;
    let length = char_count(template);
    if length < min || length > max {
        return Some(AgentViolation::BasePromptTemplateLength {
            step,
            found: length,
        });
    }
    None
}

/// `description` (`CreateAgentRequest.description`): 1..=200 characters, the rulebook's description rule.
pub(crate) const fn check_description(description: &str) -> Option<AgentViolation<'static>> {
    match rules::check_description(description) {
        Some(v) => Some(AgentViolation::Rule(v)),
        None => None,
    }
}

/// `idle_session_ttl` (`CreateAgentRequest.idleSessionTTLInSeconds`): 60..=5400 seconds.
pub(crate) const fn check_idle_session_ttl(seconds: u32) -> Option<AgentViolation<'static>> {
    if seconds < limits::IDLE_SESSION_TTL_SECONDS.0 || seconds > limits::IDLE_SESSION_TTL_SECONDS.1
    {
        return Some(AgentViolation::IdleSessionTtl { found: seconds });
    }
    None
}

/// `model` (`CreateAgentRequest.foundationModel`): the rulebook's model rule on [`Surface::Agent`]: a model the
/// catalog marks as usable by agents, or a cross-region id or ARN of one.
pub(crate) const fn check_model(model: &ModelRef) -> Option<AgentViolation<'_>> {
    match rules::check_model(model, Surface::Agent) {
        Some(v) => Some(AgentViolation::Rule(v)),
        None => None,
    }
}

/// `guardrail` (`CreateAgentRequest.guardrailConfiguration`): the id and the version, by the rules of a profile's
/// `guardrail`.
pub(crate) const fn check_guardrail<'a>(
    guardrail: &AgentGuardrail<'a>,
) -> Option<AgentViolation<'a>> {
    if let Some(v) = rules::check_guardrail_id(guardrail.id) {
        return Some(AgentViolation::Rule(v));
    }
    match rules::check_agent_guardrail_version(guardrail.version) {
        Some(v) => Some(AgentViolation::Rule(v)),
        None => None,
    }
}

/// Every violation of `spec`: its own fields, then each step's base prompt template and profile (on
/// [`Surface::Agent`], with the agent's model in place of the profile's own).
pub fn check<'a>(spec: &'a AgentSpec<'a>) -> Vec<AgentViolation<'a>> {
    let mut found: Vec<AgentViolation<'_>> = [
        check_name(spec.name),
        spec.description.and_then(check_description),
        check_instruction(spec.instruction),
        check_model(&spec.model),
        spec.idle_session_ttl.and_then(check_idle_session_ttl),
        spec.guardrail.as_ref().and_then(check_guardrail),
    ]
    .into_iter()
    .flatten()
    .collect();
    for &(step, template) in spec.base_prompt_templates {
        found.extend(check_base_prompt_template(step, template));
    }
    for (step, profile) in spec.profiles() {
        if spec.base_prompt_template(step).is_none() {
            found.push(AgentViolation::StepWithoutTemplate { step });
        }
        found.extend(
            rules::check_for(profile, Surface::Agent, Some(&spec.model))
                .into_iter()
                .map(|violation| AgentViolation::Profile { step, violation }),
        );
    }
    found
}

// ---------------------------------------------------------------------------------------------------------------
// Idle session timeouts written with a unit.
// ---------------------------------------------------------------------------------------------------------------

/// Why an `idle_session_ttl` text could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TtlError<'a> {
    /// Not `<digits>` or `<digits><unit>` with unit `s`, `m` or `h`.
    Syntax {
        /// The text.
        found: &'a str,
    },
    /// The number of seconds does not fit in a `u32`.
    Overflow {
        /// The text.
        found: &'a str,
    },
}

impl TtlError<'_> {
    /// Writes the message.
    pub(crate) const fn write_message(&self, m: &mut Message) {
        match *self {
            TtlError::Syntax { found } => {
                m.push_str("`idle_session_ttl` expects seconds or a duration like \"90s\", \"10m\" or \"1h\", found ");
                m.push_quoted(found);
            }
            TtlError::Overflow { found } => {
                m.push_str("`idle_session_ttl` is too large to count in seconds, found ");
                m.push_quoted(found);
            }
        }
    }

    /// The message as a fixed-capacity buffer.
    pub(crate) const fn message(&self) -> Message {
        let mut m = Message::new();
        self.write_message(&mut m);
        m
    }
}

impl core::fmt::Display for TtlError<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.message().as_str())
    }
}

impl std::error::Error for TtlError<'_> {}

/// Reads an idle session timeout: plain seconds (`"600"`) or a number with one unit, `s`, `m` or `h`
/// (`"90s"`, `"10m"`, `"1h"`). The result is in seconds and not range-checked ([`check`] does, on an [`AgentSpec`]'s `idle_session_ttl`).
pub const fn parse_ttl(text: &str) -> Result<u32, TtlError<'_>> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut value: u64 = 0;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        value = value * 10 + (bytes[i] - b'0') as u64;
        if value > u32::MAX as u64 {
            return Err(TtlError::Overflow { found: text });
        }
        i += 1;
    }
    if i == 0 {
        return Err(TtlError::Syntax { found: text });
    }
    let scale: u64 = if i == bytes.len() {
        1
    } else if i + 1 == bytes.len() {
        match bytes[i] {
            b's' => 1,
            b'm' => 60,
            b'h' => 3600,
            _ => return Err(TtlError::Syntax { found: text }),
        }
    } else {
        return Err(TtlError::Syntax { found: text });
    };
    let seconds = value * scale;
    if seconds > u32::MAX as u64 {
        return Err(TtlError::Overflow { found: text });
    }
    Ok(seconds as u32)
}

#[cfg(test)]
mod tests;
