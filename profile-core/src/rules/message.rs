//! The one message of each [`Violation`]: lowercase, the key in backticks, what was found and what is allowed, every
//! limit printed from [`crate::limits`] or the catalog.

use super::{Limiter, Violation};
use crate::const_text::{Message, str_eq};
use crate::json;
use crate::limits;

/// A sampling key's range before any model narrows it (`temperature`, `top_p`), and the rulebook's message for a
/// number outside it as the user wrote it (`1.0000000001`, whose nearest `f32` is inside): the declaration layer
/// decides such a number by its digits, and reports it in the rulebook's words.
pub(crate) fn api_range(key: crate::keys::ProfileKey) -> Option<((f32, f32), String)> {
    use crate::keys::ProfileKey;
    let (range, violation) = match key {
        ProfileKey::Temperature => (
            limits::TEMPERATURE_RANGE,
            Violation::Temperature {
                found: f32::INFINITY,
                min: limits::TEMPERATURE_RANGE.0,
                max: limits::TEMPERATURE_RANGE.1,
                model: None,
            },
        ),
        ProfileKey::TopP => (
            limits::TOP_P_RANGE,
            Violation::TopP {
                found: f32::INFINITY,
            },
        ),
        _ => return None,
    };
    // Both messages end in `, found <value>`; the caller appends the digits as written.
    let text = violation.to_string();
    let (head, _) = text.rsplit_once(", found ")?;
    Some((range, format!("{head}, found ")))
}

impl<'a> Violation<'a> {
    /// Writes the message: lowercase, the key in backticks, what was found and what is allowed.
    pub(crate) const fn write_message(&self, m: &mut Message) {
        match *self {
            Violation::NameLength { found } => {
                m.push_str("`name` must be 1..=");
                m.push_usize(limits::PROFILE_NAME_MAX_CHARS);
                m.push_str(" characters, found ");
                m.push_usize(found);
            }
            Violation::NamePattern { found } => {
                m.push_str("`name` must match ");
                m.push_str(limits::PROFILE_NAME_PATTERN);
                m.push_str(" (letters and digits, single spaces, `_` or `-` between them), found ");
                m.push_quoted(found);
            }
            Violation::DescriptionLength { found } => {
                m.push_str("`description` must be 1..=");
                m.push_usize(limits::DESCRIPTION_MAX_CHARS);
                m.push_str(" characters, found ");
                m.push_usize(found);
            }
            Violation::DescriptionPattern { found, position } => {
                m.push_str("`description` of a deployed profile (an application inference profile: one with `tags`) must match ");
                m.push_str(limits::PROFILE_DESCRIPTION_PATTERN);
                m.push_str(" (letters, digits, `:` and `.`, single spaces, `_` or `-` between them), found ");
                m.push_quoted(found);
                m.push_str(" at character ");
                m.push_usize(position);
                if str_eq(found, " ") || str_eq(found, "_") || str_eq(found, "-") {
                    m.push_str(", which must follow a letter, digit, `:` or `.`");
                }
                m.push_str("; write prose in the doc comment");
            }
            Violation::VersionZero => m.push_str("`version` must be at least 1, found 0"),
            Violation::ModelIdLength { found } => {
                m.push_str("`model` id must be 1..=");
                m.push_usize(limits::MODEL_ID_MAX_CHARS);
                m.push_str(" characters, found ");
                m.push_usize(found);
            }
            Violation::ModelNeedsInferenceProfile { model } => {
                m.push_str("`model` ");
                m.push_str(model);
                m.push_str(" can only be invoked through a cross-region inference profile; use an id such as us.");
                m.push_str(model);
            }
            Violation::ModelNotForAgents { model } => {
                m.push_str("`model` ");
                m.push_str(model);
                m.push_str(
                    " cannot be an agent's foundation model (Bedrock Agents does not support it)",
                );
            }
            Violation::Temperature {
                found,
                min,
                max,
                model,
            } => {
                m.push_str("`temperature` must be within ");
                m.push_f32_range(min, max);
                if let Some(model) = model {
                    m.push_str(" for ");
                    m.push_str(model);
                }
                m.push_str(", found ");
                m.push_f32(found);
            }
            Violation::TopP { found } => {
                m.push_str("`top_p` must be within ");
                m.push_f32_range(limits::TOP_P_RANGE.0, limits::TOP_P_RANGE.1);
                m.push_str(", found ");
                m.push_f32(found);
            }
            Violation::TemperatureWithTopP { model } => {
                m.push_str("`temperature` and `top_p` cannot both be set for ");
                m.push_str(model);
                m.push_str("; keep one of them");
            }
            Violation::TopKUnsupported { model } => {
                m.push_str("`top_k` is not supported by ");
                m.push_str(model);
            }
            Violation::TopKUnroutable { model } => {
                m.push_str("`top_k` cannot be sent through ");
                m.push_str(model);
                m.push_str(": top-k goes in the model's own request fields, and the model behind this ARN is unknown; name the model (or leave `top_k` out)");
            }
            Violation::TopK {
                found,
                min,
                max,
                model,
            } => {
                m.push_str("`top_k` must be within ");
                m.push_u64_range(min as u64, max as u64);
                if let Some(model) = model {
                    m.push_str(" for ");
                    m.push_str(model);
                }
                m.push_str(", found ");
                m.push_u64(found as u64);
            }
            Violation::MaxTokensZero => m.push_str("`max_tokens` must be at least 1, found 0"),
            Violation::MaxTokensExceedsApi { found } => {
                m.push_str("`max_tokens` must be at most ");
                m.push_u64(limits::MAX_TOKENS_MAX as u64);
                m.push_str(" (the APIs take a 32-bit integer), found ");
                m.push_u64(found as u64);
            }
            Violation::MaxTokensExceedsModel {
                found,
                limit,
                model,
            } => {
                m.push_str("`max_tokens` ");
                m.push_u64(found as u64);
                m.push_str(" exceeds the ");
                m.push_u64(limit as u64);
                m.push_str(" output tokens of ");
                m.push_str(model);
            }
            Violation::TooManyStopSequences { found, max, by } => {
                m.push_str("`stop_sequences` has ");
                m.push_usize(found);
                m.push_str(" items, but ");
                match by {
                    Limiter::Surface(surface) => m.push_str(surface.name()),
                    Limiter::Model(model) => m.push_str(model),
                }
                m.push_str(" takes at most ");
                m.push_u64(max as u64);
            }
            Violation::EmptyStopSequence { index } => {
                m.push_str("`stop_sequences` item ");
                m.push_usize(index);
                m.push_str(" is empty; a stop sequence needs at least one character");
            }
            Violation::DuplicateStopSequence {
                index,
                first,
                value,
            } => {
                m.push_str("`stop_sequences` item ");
                m.push_usize(index);
                m.push_str(" repeats item ");
                m.push_usize(first);
                m.push_str(", ");
                m.push_quoted(value);
            }
            Violation::AnthropicVersionForOtherModel { model } => {
                m.push_str("`anthropic_version` only applies to Anthropic models, not ");
                m.push_str(model);
            }
            Violation::AnthropicVersionValue { found } => {
                m.push_str("`anthropic_version` must be \"");
                m.push_str(limits::ANTHROPIC_VERSION);
                m.push_str("\", found ");
                m.push_quoted(found);
            }
            Violation::SchemaSyntax {
                expected,
                line,
                column,
            } => {
                m.push_str("`response_format` schema is not valid JSON: expected ");
                m.push_str(expected);
                if str_eq(expected, json::TOO_DEEP) {
                    m.push_str(" (at most ");
                    m.push_usize(limits::JSON_MAX_DEPTH);
                    m.push_str(" levels)");
                }
                m.push_str(" at line ");
                m.push_usize(line);
                m.push_str(", column ");
                m.push_usize(column);
            }
            Violation::SchemaNotObject { found } => {
                m.push_str("`response_format` schema must be a JSON object, found ");
                m.push_str(found);
            }
            Violation::SchemaNameEmpty => m.push_str(
                "`response_format` schema `name` must not be empty (leave it out instead)",
            ),
            _ => super::deploy::write_message(self, m),
        }
    }

    /// The message as a fixed-capacity buffer (usable in `const` code).
    pub(crate) const fn message(&self) -> Message {
        let mut m = Message::new();
        self.write_message(&mut m);
        m
    }
}

impl core::fmt::Display for Violation<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.message().as_str())
    }
}

impl std::error::Error for Violation<'_> {}
