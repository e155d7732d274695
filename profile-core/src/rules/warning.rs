//! What compiles but deserves a warning: a model past its end of life or legacy (dates differ by region, so never
//! an error), a cross-region prefix that no source lists for the model (availability grows month by month, so never
//! an error), deprecated budget thinking (Claude Opus 4.6, Sonnet 4.6), and more tags than AWS's general per-resource limit
//! (unverified for Bedrock). The macros turn each into a rustc warning (a
//! reference to a `#[deprecated]` item), the file loader's CLI into a note.

use super::Key;
use crate::limits;
use crate::models::{Budget, Geo, ModelRef, ModelTarget, Prefixes, Reasoning, Successor};
use crate::profile::InferenceProfile;
use core::fmt;

/// A warning about a profile that the rulebook accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning<'a> {
    /// The model reached (or reaches) its end of life on Bedrock.
    EndOfLife {
        /// The model id.
        model: &'a str,
        /// `YYYY-MM-DD`.
        date: &'static str,
        /// What the date covers, when it is not plain.
        note: Option<&'static str>,
        /// Where the date comes from (public sources).
        source: &'static str,
        /// The replacement a source names, if any.
        successor: Option<Successor>,
        /// The geography of the declared id, so that the successor is suggested with the same prefix.
        geo: Option<Geo>,
    },
    /// AWS lists the model as legacy (and no end-of-life date is known).
    Legacy {
        /// The model id.
        model: &'a str,
        /// `YYYY-MM-DD`, when known.
        since: Option<&'static str>,
        /// Where the state comes from (public sources).
        source: &'static str,
    },
    /// `<geo>.<model>` where no source lists that geography's cross-region profile for the model. Cross-region
    /// availability grows month by month, so this is a warning; only a prefix that is no geography is an error.
    PrefixNotListed {
        /// The id as declared.
        model: &'a str,
        /// The geography's prefix.
        prefix: &'static str,
        /// The catalog model after the prefix.
        base: &'static str,
        /// The prefixes the sources list (empty: in-region only).
        listed: Prefixes,
        /// Where the list comes from (public sources).
        source: &'static str,
    },
    /// The account's catalog (`bedrock-catalog.toml`, from `ListFoundationModels`) lists the model as legacy or
    /// with an end of life: AWS's own dates for the account, in place of the crate's.
    AccountLifecycle {
        /// The model id as declared.
        model: &'a str,
        /// What AWS lists.
        lifecycle: crate::models::account::AccountLifecycle,
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
            Warning::EndOfLife { .. }
            | Warning::Legacy { .. }
            | Warning::AccountLifecycle { .. }
            | Warning::PrefixNotListed { .. } => Key::Model,
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
                note,
                source,
                successor,
                geo,
            } => {
                write!(f, "{model} reaches end of life on Bedrock on {date}")?;
                if let Some(note) = note {
                    write!(f, ", {note}")?;
                }
                write!(f, " ({source}); dates differ by region, move to ")?;
                match successor {
                    Some(s) => {
                        // The same geography when a source lists it for the successor, else its base id.
                        let listed = crate::models::get(s.id)
                            .zip(*geo)
                            .filter(|(m, g)| m.facts.prefixes.has(*g));
                        match listed {
                            Some((_, g)) => write!(f, "`{}.{}`", g.prefix(), s.id)?,
                            None => write!(f, "`{}`", s.id)?,
                        }
                        write!(f, ", its successor ({})", s.source)
                    }
                    None => f.write_str("a current model (`bedrock-profiles models` lists them)"),
                }
            }
            Warning::Legacy {
                model,
                since,
                source,
            } => {
                write!(f, "{model} is legacy on Bedrock")?;
                if let Some(since) = since {
                    write!(f, " since {since}")?;
                }
                write!(
                    f,
                    " ({source}): its end of life follows; move to a current model"
                )
            }
            Warning::PrefixNotListed {
                prefix,
                base,
                listed,
                source,
                ..
            } => {
                write!(
                    f,
                    "no source lists the cross-region inference profile `{prefix}.{base}` (they list "
                )?;
                if listed.is_empty() {
                    write!(f, "{base} in-region only")?;
                } else {
                    f.write_str(&listed.describe())?;
                }
                write!(
                    f,
                    "; {source}); availability grows month by month, so check ListInferenceProfiles in your \
                     region before relying on it"
                )
            }
            Warning::AccountLifecycle { model, lifecycle } => {
                let l = lifecycle;
                write!(f, "{model} is {} in your account ({}", l.status, l.regions)?;
                write!(
                    f,
                    "; `{}`, from ListFoundationModels)",
                    crate::models::account::FILE_NAME
                )?;
                if let Some(date) = &l.legacy {
                    write!(f, ", legacy since {date}")?;
                }
                if let Some(date) = &l.extended_access {
                    write!(f, ", public extended access from {date}")?;
                }
                match &l.end_of_life {
                    Some(date) => write!(f, ", end of life on {date}")?,
                    None => f.write_str(", end of life to follow")?,
                }
                f.write_str("; move to a current model (`bedrock-profiles models` lists them)")
            }
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

/// The warnings of a model on its own (a profile's, a prompt's, a variant's or an agent's `model`): a cross-region
/// prefix no source lists for it, and its end of life (or, without a date, its legacy state).
pub fn model_warnings(model: &ModelRef) -> Vec<Warning<'_>> {
    let mut out = Vec::new();
    let geo = match model.target {
        ModelTarget::CrossRegion(geo, _) => Some(geo),
        ModelTarget::Arn(..) => crate::models::cross_region_geo(model.id()),
        _ => None,
    };
    // The account's catalog, when in force and listing the model, is AWS's own answer: its lifecycle replaces the
    // crate's dates, and a cross-region profile it lists needs no word on the crate's sources.
    if let Some(account) = crate::models::account::current()
        && let Some(base) = base_id(model)
        && account.has_model(base)
    {
        if let Some(lifecycle) = account.lifecycle(base) {
            out.push(Warning::AccountLifecycle {
                model: model.id(),
                lifecycle,
            });
        }
        if !account.has_profile(model.id()) {
            out.extend(prefix_warning(model, geo));
        }
        return out;
    }
    out.extend(prefix_warning(model, geo));
    let Some(entry) = model.catalog_model() else {
        return out;
    };
    match (entry.facts.end_of_life, entry.facts.legacy) {
        (Some(eol), _) if eol.only.is_none() || eol.only == geo => {
            out.push(Warning::EndOfLife {
                model: model.id(),
                date: eol.date,
                note: eol.note,
                source: eol.source,
                successor: entry.facts.successor,
                geo,
            });
        }
        (_, Some(legacy)) => out.push(Warning::Legacy {
            model: model.id(),
            since: legacy.since,
            source: legacy.source,
        }),
        _ => {}
    }
    out
}

/// The base model id of a catalog model, or of an unlisted one (its id without a geography prefix).
fn base_id(model: &ModelRef) -> Option<&str> {
    match model.target {
        ModelTarget::Unlisted(_) => Some(match model.id().split_once('.') {
            Some((prefix, rest)) if Geo::from_prefix(prefix).is_some() => rest,
            _ => model.id(),
        }),
        _ => model.catalog_model().map(|m| m.id),
    }
}

/// `geo` where no source lists that geography's cross-region profile for the catalog model.
fn prefix_warning(model: &ModelRef, geo: Option<Geo>) -> Option<Warning<'_>> {
    let entry = model.catalog_model()?;
    let geo = geo?;
    (!entry.facts.prefixes.has(geo)).then(|| Warning::PrefixNotListed {
        model: model.id(),
        prefix: geo.prefix(),
        base: entry.id,
        listed: entry.facts.prefixes,
        source: entry.facts.sources.prefixes,
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
    out.extend(model_warnings(model));
    let Some(entry) = model.catalog_model() else {
        return out;
    };
    if let (Reasoning::Claude(c), Some(r)) = (entry.facts.reasoning, &profile.reasoning)
        && r.budget_tokens.is_some()
        && c.budget == Budget::Deprecated
    {
        out.push(Warning::BudgetDeprecated { model: model.id() });
    }
    out
}
