//! What compiles but deserves a warning: a model past its end of life (dates differ by region, so never an error),
//! deprecated budget thinking (Claude Opus 4.6, Sonnet 4.6), and more tags than AWS's general per-resource limit
//! (unverified for Bedrock). The macros turn each into a rustc warning (a
//! reference to a `#[deprecated]` item), the file loader's CLI into a note.

use super::Key;
use crate::limits;
use crate::models::{Budget, ModelRef, Reasoning};
use crate::profile::InferenceProfile;
use core::fmt;

/// A warning about a profile that the rulebook accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning<'a> {
    /// The model reached (or reaches) its end of life on Bedrock.
    EndOfLife {
        /// The model id.
        model: &'a str,
        /// `YYYY-MM-DD`.
        date: &'static str,
        /// Where the date comes from.
        source: &'static str,
    },
    /// `budget_tokens` on a model where budget thinking is deprecated.
    BudgetDeprecated {
        /// The model id.
        model: &'a str,
    },
    /// More tags than [`limits::TAGS_PER_RESOURCE_UNVERIFIED`], AWS's general per-resource limit, which may or
    /// may not apply to an application inference profile (Bedrock's request limit is [`limits::TAGS_MAX`]).
    ManyTags {
        /// How many tags the profile has, inherited ones included.
        found: usize,
    },
}

impl Warning<'_> {
    /// The key whose value causes the warning.
    pub const fn key(&self) -> Key {
        match self {
            Warning::EndOfLife { .. } => Key::Model,
            Warning::BudgetDeprecated { .. } => Key::Reasoning,
            Warning::ManyTags { .. } => Key::Tags,
        }
    }
}

impl fmt::Display for Warning<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::EndOfLife {
                model,
                date,
                source,
            } => write!(
                f,
                "{model} reaches end of life on Bedrock on {date} ({source}); dates differ by region, move to a current model"
            ),
            Warning::BudgetDeprecated { model } => write!(
                f,
                "`reasoning.budget_tokens` is deprecated on {model} and will be removed; use `effort` (adaptive thinking)"
            ),
            Warning::ManyTags { found } => write!(
                f,
                "`tags` has {found} items: CreateInferenceProfile takes up to {}, but AWS's general tagging rules \
                 allow {} per resource and no Bedrock page says which applies; tagging may fail beyond {}",
                limits::TAGS_MAX,
                limits::TAGS_PER_RESOURCE_UNVERIFIED,
                limits::TAGS_PER_RESOURCE_UNVERIFIED
            ),
        }
    }
}

/// The warning of a model on its own (a prompt's, a variant's or an agent's `model`): its end of life.
pub fn model_warning(model: &ModelRef) -> Option<Warning<'_>> {
    let eol = model.catalog_model()?.facts.end_of_life?;
    Some(Warning::EndOfLife {
        model: model.id(),
        date: eol.date,
        source: eol.source,
    })
}

/// The warnings of `profile` (with `model` in place of its own, when given).
pub fn warnings<'a>(
    profile: &'a InferenceProfile,
    model: Option<&'a ModelRef>,
) -> Vec<Warning<'a>> {
    let mut out = Vec::new();
    // Over `TAGS_MAX` is the rulebook's error.
    let tags = profile.tags.len();
    if tags > limits::TAGS_PER_RESOURCE_UNVERIFIED && tags <= limits::TAGS_MAX {
        out.push(Warning::ManyTags { found: tags });
    }
    let Some(model) = model.or(profile.model.as_ref()) else {
        return out;
    };
    let Some(entry) = model.catalog_model() else {
        return out;
    };
    out.extend(model_warning(model));
    if let (Reasoning::Claude(c), Some(r)) = (entry.facts.reasoning, &profile.reasoning)
        && r.budget_tokens.is_some()
        && c.budget == Budget::Deprecated
    {
        out.push(Warning::BudgetDeprecated { model: model.id() });
    }
    out
}
