//! Prompts as Bedrock Prompt management knows them: a named template with `{{variable}}` placeholders, a model and
//! an inference profile, in one or more variants.
//!
//! - The rules of a prompt (its name, each variant's name, templates, variables) return typed
//!   [`PromptViolation`]s whose text is written by one `const fn`, like [`crate::rules`]. `#[prompt]` applies them
//!   at expansion time, the file loader and [`check`] at run time.
//! - [`Prompt`] is what `#[prompt]` implements: a `const` [`PromptSpec`] and generated rendering code.
//!
//! Limits come from the AWS service model of bedrock-agent `CreatePrompt` (botocore 1.44.8, bedrock-agent
//! 2023-06-05).

use crate::const_text::Message;
use crate::models::ModelRef;
use crate::profile::InferenceProfile;
use crate::rules::{self, Surface, Violation, matches_name_pattern};
use crate::template::{self, Segment, Template, TemplateError};

/// The name of the variant formed by a prompt's top-level keys.
pub const DEFAULT_VARIANT: &str = "default";

/// Which name a [`PromptViolation::Name`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// The prompt's `name`.
    Prompt,
    /// A variant's `name`.
    Variant,
}

/// One broken prompt rule. `Display` prints the text `#[prompt]` prints as a compile error.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum PromptViolation<'a> {
    /// A prompt or variant name does not match `([0-9a-zA-Z][_-]?){1,100}`.
    Name {
        /// Which name.
        kind: NameKind,
        /// The name.
        found: &'a str,
    },
    /// Two variants have the same name.
    DuplicateVariant {
        /// The name.
        name: &'a str,
    },
    /// A template is empty (`TextPromptTemplateConfiguration.text`, a chat message's or the system prompt's
    /// text: length >= 1).
    Empty {
        /// Which template: the text or the system prompt.
        part: Part,
    },
    /// A placeholder error.
    Template(TemplateError<'a>),
    /// More than 20 distinct variables.
    TooManyVariables {
        /// Number of distinct variables.
        found: usize,
    },
    /// A placeholder names no supplied value (no field of the prompt's struct).
    UnknownVariable {
        /// The variable.
        name: &'a str,
        /// Byte offset of its `{{` in its template.
        offset: usize,
        /// 1-based line of its `{{` (counted once per template, not once per placeholder).
        line: usize,
        /// 1-based column (in characters) of its `{{`.
        column: usize,
        /// The closest known name, if one is close.
        suggestion: Option<&'a str>,
    },
    /// A supplied value (a field) that no placeholder uses.
    UnusedVariable {
        /// The field.
        name: &'a str,
        /// The variant whose templates do not use it.
        variant: &'a str,
    },
    /// A variant other than the default is created as its own prompt named `<prompt>-<variant>`
    /// (`CreatePrompt.variants` takes one variant), and that name breaks the name rule.
    RequestName {
        /// The prompt's name.
        prompt: &'a str,
        /// The variant's name.
        variant: &'a str,
    },
    /// A rule of the rulebook on the prompt's description or a variant's model.
    Rule(Violation<'a>),
    /// A variant's profile breaks a rule for Prompt management with the variant's model.
    Profile {
        /// The variant.
        variant: &'a str,
        /// The broken rule.
        violation: Violation<'a>,
    },
}

impl PromptViolation<'_> {
    /// Writes the message: lowercase, the key in backticks, what was found and what is allowed.
    pub(crate) const fn write_message(&self, m: &mut Message) {
        match *self {
            PromptViolation::Name { kind, found } => {
                m.push_str(match kind {
                    NameKind::Prompt => "prompt `name`",
                    NameKind::Variant => "variant `name`",
                });
                m.push_str(" must match ([0-9a-zA-Z][_-]?){1,");
                m.push_usize(crate::limits::NAME_MAX_ALNUM);
                m.push_str("} (letters and digits, single `_` or `-` between them, at most ");
                m.push_usize(crate::limits::NAME_MAX_ALNUM);
                m.push_str(" letters and digits), found ");
                m.push_quoted(found);
            }
            PromptViolation::DuplicateVariant { name } => {
                m.push_str("variant `");
                m.push_str(name);
                m.push_str("` is declared twice");
                if crate::const_text::str_eq(name, DEFAULT_VARIANT) {
                    m.push_str(" (`default` is the variant of the top-level keys)");
                }
            }
            PromptViolation::Empty { part } => {
                m.push_str(match part {
                    Part::Text => "`text`",
                    Part::System => "`system`",
                });
                m.push_str(" must not be empty; a prompt template needs at least 1 character");
            }
            PromptViolation::Template(error) => error.write_message(m),
            PromptViolation::TooManyVariables { found } => {
                m.push_str("a prompt variant takes at most ");
                m.push_usize(crate::limits::PROMPT_VARIABLES_MAX);
                m.push_str(" distinct `{{variables}}`, found ");
                m.push_usize(found);
            }
            PromptViolation::UnknownVariable {
                name,
                line,
                column,
                suggestion,
                ..
            } => {
                m.push_str("placeholder `{{");
                m.push_str(name);
                m.push_str("}}` at line ");
                m.push_usize(line);
                m.push_str(", column ");
                m.push_usize(column);
                m.push_str(" names no field");
                if let Some(s) = suggestion {
                    m.push_str("; did you mean `");
                    m.push_str(s);
                    m.push_str("`?");
                }
            }
            PromptViolation::UnusedVariable { name, variant } => {
                m.push_str("field `");
                m.push_str(name);
                m.push_str("` is not used by any placeholder");
                if !crate::const_text::str_eq(variant, DEFAULT_VARIANT) {
                    m.push_str(" of variant `");
                    m.push_str(variant);
                    m.push_str("`");
                }
                m.push_str("; add `{{");
                m.push_str(name);
                m.push_str("}}` to the template or remove the field");
            }
            PromptViolation::RequestName { prompt, variant } => {
                m.push_str("variant `");
                m.push_str(variant);
                m.push_str("` is created as the prompt `");
                m.push_str(trim_separators(prompt));
                m.push_str("-");
                m.push_str(variant);
                m.push_str(
                    "` (one variant per CreatePrompt request), which breaks ([0-9a-zA-Z][_-]?){1,",
                );
                m.push_usize(crate::limits::NAME_MAX_ALNUM);
                m.push_str("}; shorten the prompt's or the variant's name");
            }
            PromptViolation::Rule(v) => v.write_message(m),
            PromptViolation::Profile { variant, violation } => {
                if !crate::const_text::str_eq(variant, DEFAULT_VARIANT) {
                    m.push_str("variant `");
                    m.push_str(variant);
                    m.push_str("` ");
                }
                m.push_str("profile: ");
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

impl core::fmt::Display for PromptViolation<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.message().as_str())
    }
}

impl std::error::Error for PromptViolation<'_> {}

impl<'a> From<TemplateError<'a>> for PromptViolation<'a> {
    fn from(error: TemplateError<'a>) -> Self {
        PromptViolation::Template(error)
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The rules.
// ---------------------------------------------------------------------------------------------------------------

/// Prompt `name`: `([0-9a-zA-Z][_-]?){1,100}` as a whole (`CreatePrompt.name`).
pub(crate) const fn check_prompt_name(name: &str) -> Option<PromptViolation<'_>> {
    if matches_name_pattern(name, false, crate::limits::NAME_MAX_ALNUM) {
        None
    } else {
        Some(PromptViolation::Name {
            kind: NameKind::Prompt,
            found: name,
        })
    }
}

/// Variant `name`: `([0-9a-zA-Z][_-]?){1,100}` as a whole (`PromptVariant.name`).
pub(crate) const fn check_variant_name(name: &str) -> Option<PromptViolation<'_>> {
    if matches_name_pattern(name, false, crate::limits::NAME_MAX_ALNUM) {
        None
    } else {
        Some(PromptViolation::Name {
            kind: NameKind::Variant,
            found: name,
        })
    }
}

/// The name of the `CreatePrompt` request of a variant: the prompt's own for the default variant,
/// `<prompt>-<variant>` for any other (trailing `-`/`_` of the prompt's name dropped, so the separator stays
/// single).
pub fn request_name(prompt: &str, variant: &str) -> String {
    if variant == DEFAULT_VARIANT {
        prompt.to_owned()
    } else {
        format!("{}-{variant}", trim_separators(prompt))
    }
}

const fn trim_separators(name: &str) -> &str {
    let mut bytes = name.as_bytes();
    while let [rest @ .., b'-' | b'_'] = bytes {
        bytes = rest;
    }
    match core::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(_) => name,
    }
}

/// A non-default variant's request name, `<prompt>-<variant>`, follows the prompt name rule
/// (`CreatePrompt.name`: `([0-9a-zA-Z][_-]?){1,100}`): two valid names can join into one that is too long.
pub(crate) fn check_request_name<'a>(
    prompt: &'a str,
    variant: &'a str,
) -> Option<PromptViolation<'a>> {
    if variant == DEFAULT_VARIANT
        || check_prompt_name(prompt).is_some()
        || check_variant_name(variant).is_some()
    {
        return None;
    }
    let name = request_name(prompt, variant);
    if matches_name_pattern(&name, false, crate::limits::NAME_MAX_ALNUM) {
        None
    } else {
        Some(PromptViolation::RequestName { prompt, variant })
    }
}

/// Variant names are unique: for each name repeating an earlier one, its index and the violation. A set, so that
/// a prompt of 160,000 variants is checked in linear time (pairwise comparison was quadratic).
pub(crate) fn check_variants_unique<'a>(names: &[&'a str]) -> Vec<(usize, PromptViolation<'a>)> {
    let mut seen = std::collections::HashSet::with_capacity(names.len());
    names
        .iter()
        .enumerate()
        .filter(|&(_, name)| !seen.insert(*name))
        .map(|(i, &name)| (i, PromptViolation::DuplicateVariant { name }))
        .collect()
}

/// At most 20 distinct variables in one variant (text and system prompt together).
pub(crate) const fn check_variable_count(count: usize) -> Option<PromptViolation<'static>> {
    if count > crate::limits::PROMPT_VARIABLES_MAX {
        Some(PromptViolation::TooManyVariables { found: count })
    } else {
        None
    }
}

/// A template (the text or the system prompt, `part`): non-empty, every placeholder well-formed.
pub(crate) fn check_template(
    part: Part,
    text: &str,
) -> Result<Template<'_>, Vec<PromptViolation<'_>>> {
    if text.is_empty() {
        return Err(vec![PromptViolation::Empty { part }]);
    }
    let parsed = template::parse(text).map_err(|errors| {
        errors
            .into_iter()
            .map(PromptViolation::Template)
            .collect::<Vec<_>>()
    })?;
    match check_variable_count(parsed.variables().len()) {
        Some(v) => Err(vec![v]),
        None => Ok(parsed),
    }
}

/// Placeholders against the values supplied (`known`: the struct's fields): every placeholder of `templates` must
/// name a known value, and every known value must be used by some placeholder of the variant.
pub(crate) fn check_variables<'a>(
    variant: &'a str,
    templates: &[&Template<'a>],
    known: &[&'a str],
) -> Vec<PromptViolation<'a>> {
    let mut found = Vec::new();
    let mut used: Vec<&str> = Vec::new();
    for t in templates {
        let mut positions = template::Positions::new(t.source);
        for segment in &t.segments {
            if let Segment::Variable { name, offset } = *segment {
                used.push(name);
                if !known.contains(&name) {
                    let (line, column) = positions.line_col(offset);
                    found.push(PromptViolation::UnknownVariable {
                        name,
                        offset,
                        line,
                        column,
                        suggestion: suggest(name, known),
                    });
                }
            }
        }
    }
    for name in known {
        if !used.contains(name) {
            found.push(PromptViolation::UnusedVariable { name, variant });
        }
    }
    found
}

/// The values no variant uses: every known value must be used by some placeholder of some variant (an A/B variant
/// may leave a value out). `variants` holds each variant's templates (text, and system when it has one).
pub(crate) fn check_fields_used<'a>(
    variants: &[Vec<&Template<'a>>],
    known: &[&'a str],
) -> Vec<PromptViolation<'a>> {
    known
        .iter()
        .filter(|name| {
            !variants.iter().flatten().any(|t| {
                t.segments
                    .iter()
                    .any(|s| matches!(s, Segment::Variable { name: used, .. } if used == *name))
            })
        })
        .map(|name| PromptViolation::UnusedVariable {
            name,
            variant: DEFAULT_VARIANT,
        })
        .collect()
}

fn suggest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    crate::suggest::closest_str(name, known)
}

// ---------------------------------------------------------------------------------------------------------------
// Runtime types.
// ---------------------------------------------------------------------------------------------------------------

/// `TEXT` or `CHAT` (`PromptVariant.templateType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TemplateType {
    /// One text template.
    Text,
    /// A chat template: a system prompt and a user message.
    Chat,
}

impl TemplateType {
    /// As the API spells it: `TEXT`, `CHAT`.
    pub const fn as_str(self) -> &'static str {
        match self {
            TemplateType::Text => "TEXT",
            TemplateType::Chat => "CHAT",
        }
    }
}

/// One variant of a prompt: its template, model and inference profile. `'a` is `'static` for a `#[prompt]`'s
/// `const`; a spec lent by a loaded file borrows from it.
#[derive(Debug, Clone, PartialEq)]
pub struct PromptVariant<'a> {
    /// The variant's name; [`DEFAULT_VARIANT`] for the top-level keys.
    pub name: &'a str,
    /// The model the prompt is sent to; `None` leaves it to the profile.
    pub model: Option<ModelRef>,
    /// The inference settings.
    pub profile: Option<&'a InferenceProfile>,
    /// [`TemplateType::Chat`] when there is a system prompt.
    pub template_type: TemplateType,
    /// The template (the user message of a chat prompt).
    pub text: &'a str,
    /// The system prompt template of a chat prompt.
    pub system: Option<&'a str>,
    /// The distinct variables of `system` and `text`, in order of first use (system prompt first).
    pub variables: &'a [&'a str],
}

impl PromptVariant<'_> {
    /// The model id to send: the variant's model, else its profile's.
    pub const fn model_id(&self) -> Option<&str> {
        match (&self.model, self.profile) {
            (Some(model), _) => Some(model.id()),
            (None, Some(profile)) => profile.model_id(),
            (None, None) => None,
        }
    }
}

/// Everything about a prompt except its values. `'a` is `'static` for a `#[prompt]`'s `const`; a spec lent by a
/// loaded file (`files::Declarations::prompt_spec`) borrows from it.
#[derive(Debug, Clone, PartialEq)]
pub struct PromptSpec<'a> {
    /// The prompt's name.
    pub name: &'a str,
    /// What it is for.
    pub description: Option<&'a str>,
    /// Its variants; the first is the default (named [`DEFAULT_VARIANT`]).
    pub variants: &'a [PromptVariant<'a>],
}

impl<'a> PromptSpec<'a> {
    /// The index of the variant called `name`.
    pub fn variant_index(&self, name: &str) -> Option<usize> {
        self.variants.iter().position(|v| v.name == name)
    }

    /// The variant called `name`.
    pub fn variant(&self, name: &str) -> Option<&'a PromptVariant<'a>> {
        let variants: &'a [PromptVariant<'a>] = self.variants;
        variants.iter().find(|v| v.name == name)
    }
}

/// Every violation of `spec`: names (the prompt's, each variant's, each request's), the description, each
/// variant's templates and variable count, its model for Prompt management, and its profile for Prompt management
/// with the variant's model.
pub fn check<'a>(spec: &'a PromptSpec<'a>) -> Vec<PromptViolation<'a>> {
    let mut found: Vec<PromptViolation<'_>> = Vec::new();
    found.extend(check_prompt_name(spec.name));
    if let Some(d) = spec.description {
        found.extend(rules::check_description(d).map(PromptViolation::Rule));
    }
    let names: Vec<&str> = spec.variants.iter().map(|v| v.name).collect();
    let mut duplicates = check_variants_unique(&names).into_iter().peekable();
    for (i, v) in spec.variants.iter().enumerate() {
        if v.name != DEFAULT_VARIANT {
            found.extend(check_variant_name(v.name));
        }
        found.extend(duplicates.next_if(|(at, _)| *at == i).map(|(_, v)| v));
        found.extend(check_request_name(spec.name, v.name));
        let parts = [(Part::Text, Some(v.text)), (Part::System, v.system)];
        for (part, text) in parts.into_iter().filter_map(|(p, t)| Some((p, t?))) {
            if let Err(violations) = check_template(part, text) {
                found.extend(violations);
            }
        }
        found.extend(check_variable_count(v.variables.len()));
        if let Some(model) = &v.model {
            found.extend(
                rules::check_model(model, Surface::PromptManagement).map(PromptViolation::Rule),
            );
        }
        if let Some(profile) = v.profile {
            found.extend(
                rules::check_for(profile, Surface::PromptManagement, v.model.as_ref())
                    .into_iter()
                    .map(|violation| PromptViolation::Profile {
                        variant: v.name,
                        violation,
                    }),
            );
        }
    }
    found
}

mod render;
#[cfg(test)]
mod tests;

pub use render::{Part, Prompt};
