//! The rulebook: every limit on an inference profile, once.
//!
//! Each rule is a small `const fn check_*` that returns a typed [`Violation`]. Three callers use them:
//! the proc macros (spanned errors on literals), `const` assertions emitted by the macros for values they cannot
//! see ([`assert_valid`]), and runtime code ([`check`]). A violation's text is written by one `const fn`
//! ([`Violation::write_message`]), so all three print the same words.
//!
//! Limits by API surface come from the AWS service models (botocore 1.44.8): bedrock-runtime `InferenceConfiguration`
//! (Converse), bedrock-agent `PromptModelInferenceConfiguration` (Prompt management) and bedrock-agent
//! `InferenceConfiguration` (Agent prompt overrides). Limits by model come from [`crate::models`].

use crate::json::{self, JsonError};
use crate::limits;
use crate::message::{Message, char_count, str_eq};
use crate::models::{ModelLimits, ModelRef, ModelTarget, TopK};
use crate::profile::{InferenceProfile, ResponseFormat, text};
use std::borrow::Cow;

/// Where a profile is sent: the three Bedrock API surfaces that take inference settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Surface {
    /// bedrock-runtime Converse / ConverseStream `inferenceConfig` (+ `additionalModelRequestFields`).
    Converse,
    /// bedrock-agent `CreatePrompt` variant `inferenceConfiguration.text`.
    PromptManagement,
    /// bedrock-agent `CreateAgent` `promptOverrideConfiguration` `inferenceConfiguration`.
    Agent,
}

impl Surface {
    /// Every surface.
    pub const ALL: [Surface; 3] = [Surface::Converse, Surface::PromptManagement, Surface::Agent];

    /// The surface's name as messages print it.
    pub const fn name(self) -> &'static str {
        match self {
            Surface::Converse => "Converse",
            Surface::PromptManagement => "Prompt management",
            Surface::Agent => "Agents",
        }
    }

    /// Most stop sequences the surface takes: Converse `stopSequences` 0..=2500; Prompt management and Agent
    /// `stopSequences` 0..=4.
    pub const fn max_stop_sequences(self) -> u32 {
        match self {
            Surface::Converse => limits::CONVERSE_STOP_SEQUENCES_MAX,
            Surface::PromptManagement | Surface::Agent => limits::AGENT_PROMPT_STOP_SEQUENCES_MAX,
        }
    }

    /// The top-k range of the surface's own `topK` field, when it has one (Agent `topK` 0..=500). Converse and
    /// Prompt management have none: top-k travels in `additionalModelRequestFields` with the model's range.
    pub const fn top_k_range(self) -> Option<(u32, u32)> {
        match self {
            Surface::Agent => Some(limits::TOP_K_RANGE),
            Surface::Converse | Surface::PromptManagement => None,
        }
    }
}

/// A profile key, as the DSL and the file formats spell it (declared once, in the declaration layer).
pub use crate::decl::keys::ProfileKey as Key;

mod deploy;
mod guardrail;
mod place;
mod reasoning;
mod violation;
mod warning;
pub use deploy::{
    Undeployable, check_deployable, check_description_pattern, check_tag, check_tag_count,
    undeployable,
};
pub use guardrail::{
    check_agent_guardrail_version, check_guardrail, check_guardrail_id, check_guardrail_version,
};
pub use reasoning::{check_reasoning, check_reasoning_sampling, check_sampling_policy};
pub use violation::{Limiter, Violation};
pub use warning::{Warning, model_warning, warnings};

// ---------------------------------------------------------------------------------------------------------------
// The rules. Each takes the value (and the model / surface where they matter) and returns the first violation.
// ---------------------------------------------------------------------------------------------------------------

/// `name`: 1..=64 characters matching `([0-9a-zA-Z][ _-]?)+` as a whole (bedrock `CreateInferenceProfile`).
pub const fn check_name(name: &str) -> Option<Violation<'_>> {
    let length = char_count(name);
    if length == 0 || length > limits::PROFILE_NAME_MAX_CHARS {
        return Some(Violation::NameLength { found: length });
    }
    if !matches_name_pattern(name, true, usize::MAX) {
        return Some(Violation::NamePattern { found: name });
    }
    None
}

/// Whether `text` matches `([0-9a-zA-Z][ _-]?)+` (or `([0-9a-zA-Z][_-]?)+` without `allow_space`) as a whole,
/// with at most `max_alnum` alphanumerics. Used for profile names here and for prompt, variant and agent names.
pub const fn matches_name_pattern(text: &str, allow_space: bool, max_alnum: usize) -> bool {
    let bytes = text.as_bytes();
    if bytes.is_empty() {
        return false;
    }
    let mut i = 0;
    let mut alnum = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            return false;
        }
        alnum += 1;
        i += 1;
        if i < bytes.len()
            && (bytes[i] == b'_' || bytes[i] == b'-' || (allow_space && bytes[i] == b' '))
        {
            i += 1;
        }
    }
    alnum <= max_alnum
}

/// `description`: 1..=200 characters.
pub const fn check_description(description: &str) -> Option<Violation<'static>> {
    let length = char_count(description);
    if length == 0 || length > limits::DESCRIPTION_MAX_CHARS {
        return Some(Violation::DescriptionLength { found: length });
    }
    None
}

/// `version`: at least 1.
pub const fn check_version(version: u32) -> Option<Violation<'static>> {
    if version == 0 {
        Some(Violation::VersionZero)
    } else {
        None
    }
}

/// `model`: the id's length, on-demand invocation, and (for [`Surface::Agent`]) whether agents can use it.
pub const fn check_model(model: &ModelRef, surface: Surface) -> Option<Violation<'_>> {
    let id = model.id();
    let length = char_count(id);
    if length == 0 || length > limits::MODEL_ID_MAX_CHARS {
        return Some(Violation::ModelIdLength { found: length });
    }
    if let ModelTarget::Base(entry) = model.target
        && !entry.on_demand
    {
        return Some(Violation::ModelNeedsInferenceProfile { model: id });
    }
    if let (Surface::Agent, Some(entry)) = (surface, model.catalog_model())
        && !entry.agents
    {
        return Some(Violation::ModelNotForAgents { model: id });
    }
    None
}

/// `temperature`: 0.0..=1.0 on every surface, from the model's own minimum where it has one (Nova: 0.00001).
pub const fn check_temperature(value: f32, model: Option<&ModelRef>) -> Option<Violation<'_>> {
    let (min, narrowed_by) = match model {
        Some(model) => match model.limits() {
            Some(limits) if limits.min_temperature > limits::TEMPERATURE_RANGE.0 => {
                (limits.min_temperature, Some(model.id()))
            }
            _ => (limits::TEMPERATURE_RANGE.0, None),
        },
        None => (limits::TEMPERATURE_RANGE.0, None),
    };
    let max = limits::TEMPERATURE_RANGE.1;
    // `!(a <= b)` also rejects NaN.
    if !(value >= min && value <= max) {
        return Some(Violation::Temperature {
            found: value,
            min,
            max,
            model: narrowed_by,
        });
    }
    None
}

/// `top_p`: 0.0..=1.0 on every surface.
pub const fn check_top_p(value: f32) -> Option<Violation<'static>> {
    if !(value >= limits::TOP_P_RANGE.0 && value <= limits::TOP_P_RANGE.1) {
        return Some(Violation::TopP { found: value });
    }
    None
}

/// `temperature` with `top_p`: not both on models that refuse it (Claude Sonnet 4.5, Claude Haiku 4.5, Claude 4.6,
/// and the models that take no sampling settings).
pub const fn check_temperature_with_top_p(model: &ModelRef) -> Option<Violation<'_>> {
    let defaults_only = match model.catalog_model() {
        Some(m) => matches!(
            m.facts.sampling,
            crate::models::Sampling::DefaultsOnly { .. }
        ),
        None => false,
    };
    match model.limits() {
        Some(limits) if limits.exclusive_temperature_top_p || defaults_only => {
            Some(Violation::TemperatureWithTopP { model: model.id() })
        }
        _ => None,
    }
}

/// `top_k`: the model's range (0..=500 when no model is known), intersected with the surface's own field range.
pub const fn check_top_k(
    value: u32,
    model: Option<&ModelRef>,
    surface: Surface,
) -> Option<Violation<'_>> {
    let (mut min, mut max, mut by_model) = (limits::TOP_K_RANGE.0, limits::TOP_K_RANGE.1, None);
    if let Some(model) = model
        && model.limits().is_none()
        && surface.top_k_range().is_none()
    {
        return Some(Violation::TopKUnroutable { model: model.id() });
    }
    if let Some(model) = model
        && let Some(limits) = model.limits()
    {
        match limits.top_k {
            TopK::Unsupported => {
                return Some(Violation::TopKUnsupported { model: model.id() });
            }
            TopK::Range { min: lo, max: hi } => {
                if lo != limits::TOP_K_RANGE.0 || hi != limits::TOP_K_RANGE.1 {
                    by_model = Some(model.id());
                }
                min = lo;
                max = hi;
            }
        }
    }
    if let Some((lo, hi)) = surface.top_k_range() {
        if lo > min {
            min = lo;
        }
        if hi < max {
            max = hi;
        }
    }
    if value < min || value > max {
        return Some(Violation::TopK {
            found: value,
            min,
            max,
            model: by_model,
        });
    }
    None
}

/// `max_tokens`: at least 1, at most the model's output-token limit.
pub const fn check_max_tokens(value: u32, model: Option<&ModelRef>) -> Option<Violation<'_>> {
    if value == 0 {
        return Some(Violation::MaxTokensZero);
    }
    if value > limits::MAX_TOKENS_MAX {
        return Some(Violation::MaxTokensExceedsApi { found: value });
    }
    if let Some(model) = model
        && let Some(limits) = model.limits()
        && value > limits.max_output_tokens
    {
        return Some(Violation::MaxTokensExceedsModel {
            found: value,
            limit: limits.max_output_tokens,
            model: model.id(),
        });
    }
    None
}

/// `stop_sequences` count: the surface's limit (Converse 2500, Prompt management and Agents 4) and the model's.
pub const fn check_stop_sequence_count(
    count: usize,
    model: Option<&ModelRef>,
    surface: Surface,
) -> Option<Violation<'_>> {
    let surface_max = surface.max_stop_sequences();
    if count > surface_max as usize {
        return Some(Violation::TooManyStopSequences {
            found: count,
            max: surface_max,
            by: Limiter::Surface(surface),
        });
    }
    if let Some(model) = model
        && let Some(ModelLimits {
            max_stop_sequences: Some(max),
            ..
        }) = model.limits()
        && count > max as usize
    {
        return Some(Violation::TooManyStopSequences {
            found: count,
            max,
            by: Limiter::Model(model.id()),
        });
    }
    None
}

/// `stop_sequences[index]`: non-empty and not a repeat of an earlier item.
pub const fn check_stop_sequence<'a>(
    sequences: &'a [Cow<'static, str>],
    index: usize,
) -> Option<Violation<'a>> {
    let value = text(&sequences[index]);
    if value.is_empty() {
        return Some(Violation::EmptyStopSequence { index });
    }
    let mut first = 0;
    while first < index {
        if str_eq(text(&sequences[first]), value) {
            return Some(Violation::DuplicateStopSequence {
                index,
                first,
                value,
            });
        }
        first += 1;
    }
    None
}

/// `anthropic_version`: only `bedrock-2023-05-31`, only with an Anthropic model (or no model).
pub const fn check_anthropic_version<'a>(
    value: &'a str,
    model: Option<&'a ModelRef>,
) -> Option<Violation<'a>> {
    if let Some(model) = model
        && let Some(limits) = model.limits()
        && !matches!(limits.provider, crate::models::Provider::Anthropic)
    {
        return Some(Violation::AnthropicVersionForOtherModel { model: model.id() });
    }
    if !str_eq(value, limits::ANTHROPIC_VERSION) {
        return Some(Violation::AnthropicVersionValue { found: value });
    }
    None
}

/// `response_format`: the schema is a JSON object; a given `name` is not empty.
pub const fn check_response_format(format: &ResponseFormat) -> Option<Violation<'static>> {
    let ResponseFormat::JsonSchema(schema) = format;
    if let Some(name) = &schema.name
        && text(name).is_empty()
    {
        return Some(Violation::SchemaNameEmpty);
    }
    check_schema(text(&schema.schema))
}

/// A structured-output schema text: one JSON object.
pub const fn check_schema(schema: &str) -> Option<Violation<'static>> {
    match json::check_object(schema) {
        Ok(()) => None,
        Err(error) => Some(match error {
            JsonError::Syntax { expected, .. } => {
                let (line, column) = error.line_col(schema);
                Violation::SchemaSyntax {
                    expected,
                    line,
                    column,
                }
            }
            JsonError::NotObject { found } => Violation::SchemaNotObject { found },
        }),
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Whole profiles.
// ---------------------------------------------------------------------------------------------------------------

/// Where [`next_violation_for`] is in a profile; start from `Cursor::START`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cursor(usize);

impl Cursor {
    /// Before the first rule.
    pub(crate) const START: Cursor = Cursor(0);
}

// Rule slots, in the order violations are reported. Slots from `STOP_ITEMS` on are one per stop sequence.
const NAME: usize = 0;
const DESCRIPTION: usize = 1;
const VERSION: usize = 2;
const MODEL: usize = 3;
const TEMPERATURE: usize = 4;
const TOP_P: usize = 5;
const TEMPERATURE_WITH_TOP_P: usize = 6;
const TOP_K: usize = 7;
const MAX_TOKENS: usize = 8;
const ANTHROPIC: usize = 9;
const RESPONSE_FORMAT: usize = 10;
const DEFAULTS_TEMPERATURE: usize = 11;
const DEFAULTS_TOP_P: usize = 12;
const DEFAULTS_TOP_K: usize = 13;
const REASONING: usize = 14;
const THINKING_TEMPERATURE: usize = 15;
const THINKING_TOP_P: usize = 16;
const THINKING_TOP_K: usize = 17;
const THINKING_MAX_TOKENS: usize = 18;
const GUARDRAIL: usize = 19;
const STOP_COUNT: usize = 20;
const TAG_COUNT: usize = 21;
const TAGS_SOURCE: usize = 22;
/// One slot per stop sequence, then one per tag.
const STOP_ITEMS: usize = 23;

/// The next violation of `profile` on `surface` after `cursor`, advancing it; `None` when no rule is left. This one
/// list of rules serves [`check`] (runtime) and [`assert_valid`] (`const` evaluation). A prompt or an agent names
/// the model and the profile supplies the settings: `model`, when given, replaces the profile's model for every
/// model-dependent rule.
pub(crate) const fn next_violation_for<'a>(
    profile: &'a InferenceProfile,
    surface: Surface,
    model: Option<&'a ModelRef>,
    cursor: &mut Cursor,
) -> Option<Violation<'a>> {
    let model = match (model, &profile.model) {
        (Some(model), _) | (None, Some(model)) => Some(model),
        (None, None) => None,
    };
    let stops: &'a [Cow<'static, str>] = match &profile.stop_sequences {
        Cow::Borrowed(s) => s,
        Cow::Owned(v) => v.as_slice(),
    };
    let tags = &profile.tags;
    let tag_items = STOP_ITEMS + stops.len();
    // Over the limit, the count is the error and only the first `TAGS_MAX` tags are checked one by one: the
    // repeated-key check looks at every earlier key, which a file of 100,000 tags must not make quadratic.
    let checked_tags = if tags.len() > limits::TAGS_MAX {
        limits::TAGS_MAX
    } else {
        tags.len()
    };
    while cursor.0 < tag_items + checked_tags {
        let slot = cursor.0;
        cursor.0 += 1;
        let found = match slot {
            NAME => check_name(text(&profile.name)),
            DESCRIPTION => match &profile.description {
                Some(d) => match check_description(text(d)) {
                    Some(v) => Some(v),
                    None => check_description_pattern(text(d)),
                },
                None => None,
            },
            VERSION => check_version(profile.version),
            MODEL => match model {
                Some(m) => check_model(m, surface),
                None => None,
            },
            TEMPERATURE => match profile.temperature {
                Some(t) => check_temperature(t, model),
                None => None,
            },
            TOP_P => match profile.top_p {
                Some(p) => check_top_p(p),
                None => None,
            },
            TEMPERATURE_WITH_TOP_P => match (profile.temperature, profile.top_p, model) {
                (Some(_), Some(_), Some(m)) => check_temperature_with_top_p(m),
                _ => None,
            },
            TOP_K => match profile.top_k {
                Some(k) => check_top_k(k, model, surface),
                None => None,
            },
            MAX_TOKENS => match profile.max_tokens {
                Some(n) => check_max_tokens(n, model),
                None => None,
            },
            ANTHROPIC => match &profile.anthropic_version {
                Some(v) => check_anthropic_version(text(v), model),
                None => None,
            },
            RESPONSE_FORMAT => match &profile.response_format {
                Some(f) => check_response_format(f),
                None => None,
            },
            DEFAULTS_TEMPERATURE => check_sampling_policy(profile, model, Key::Temperature),
            DEFAULTS_TOP_P => check_sampling_policy(profile, model, Key::TopP),
            DEFAULTS_TOP_K => check_sampling_policy(profile, model, Key::TopK),
            REASONING => match &profile.reasoning {
                Some(r) => check_reasoning(r, profile, model),
                None => None,
            },
            THINKING_TEMPERATURE => check_reasoning_sampling(profile, model, Key::Temperature),
            THINKING_TOP_P => check_reasoning_sampling(profile, model, Key::TopP),
            THINKING_TOP_K => check_reasoning_sampling(profile, model, Key::TopK),
            THINKING_MAX_TOKENS => check_reasoning_sampling(profile, model, Key::MaxTokens),
            GUARDRAIL => match &profile.guardrail {
                Some(g) => check_guardrail(g, surface),
                None => None,
            },
            STOP_COUNT => check_stop_sequence_count(stops.len(), model, surface),
            TAG_COUNT => check_tag_count(tags.len()),
            // The source of the deployed resource is the profile's own model, whatever a prompt or agent sends.
            TAGS_SOURCE => match (tags.is_empty(), &profile.model) {
                (false, Some(m)) => check_deployable(m),
                _ => None,
            },
            item if item < tag_items => check_stop_sequence(stops, item - STOP_ITEMS),
            item => check_tag(tags, item - tag_items),
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Every violation of `profile` when sent to `surface` (with its model's limits, if it names a model).
pub fn check(profile: &InferenceProfile, surface: Surface) -> Vec<Violation<'_>> {
    check_for(profile, surface, None)
}

/// Every violation of `profile` when sent to `surface` with `model` instead of the profile's own model (when
/// `model` is `Some`).
pub(crate) fn check_for<'a>(
    profile: &'a InferenceProfile,
    surface: Surface,
    model: Option<&'a ModelRef>,
) -> Vec<Violation<'a>> {
    let mut cursor = Cursor::START;
    let mut found = Vec::new();
    while let Some(v) = next_violation_for(profile, surface, model, &mut cursor) {
        found.push(v);
    }
    found
}

/// Fails `const` evaluation with every violation's message when `profile` breaks a rule for `surface`, checked
/// with `model` in place of the profile's own model when `model` is `Some` (a prompt or an agent names the model
/// that is sent).
///
/// The macros emit `const _: () = assert_valid(PROFILE, Surface::..., None, "profile `PROFILE`");` for what they
/// cannot see at expansion time; rustc then reports `evaluation panicked: <what>: <messages>`. The profile is taken
/// by value and forgotten: `const` evaluation cannot run `Drop`, and a profile built by a `const fn` counts as
/// needing it.
pub const fn assert_valid(
    profile: InferenceProfile,
    surface: Surface,
    model: Option<&ModelRef>,
    what: &str,
) {
    fail_on_violations(&profile, surface, model, what);
    core::mem::forget(profile);
}

/// [`assert_valid`] that returns the profile: the initializer of a profile that only its impl can name (`..Self::BASE`
/// inside an `impl` block, where no `const _` assertion can stand). Such a profile is checked where it is used, and
/// cannot be the `..BASE` of another (rustc counts a `const fn`'s result as needing `Drop`).
#[doc(hidden)]
#[track_caller]
pub const fn checked(
    profile: InferenceProfile,
    surface: Surface,
    model: Option<&ModelRef>,
    what: &str,
) -> InferenceProfile {
    fail_on_violations(&profile, surface, model, what);
    profile
}

#[track_caller]
const fn fail_on_violations(
    profile: &InferenceProfile,
    surface: Surface,
    model: Option<&ModelRef>,
    what: &str,
) {
    let mut cursor = Cursor::START;
    let mut message = Message::new();
    let mut count = 0;
    while let Some(v) = next_violation_for(profile, surface, model, &mut cursor) {
        if count == 0 {
            message.push_str(what);
            message.push_str(": ");
        } else {
            message.push_str("; ");
        }
        v.write_message(&mut message);
        count += 1;
    }
    if count > 0 {
        fail(&message);
    }
}

/// `#[track_caller]` makes rustc's E0080 note point at the call in [`assert_valid`] rather than into `core`
/// (whose path depends on the toolchain's installed components), so compile-fail snapshots stay stable.
#[track_caller]
const fn fail(message: &Message) -> ! {
    panic!("{}", message.as_str())
}
