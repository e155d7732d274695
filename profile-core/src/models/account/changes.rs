//! What a new answer of the account changes, one line each.

use super::write::{key, string};
use super::{AccountCatalog, AccountModel, AccountProfile, Lifecycle, RegionalModel};
use std::fmt;

/// One difference between two catalogs of an account ([`AccountCatalog::changes`]); its `Display` is one line.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Change {
    /// Other regions were synced.
    Regions {
        /// The regions before.
        old: Vec<String>,
        /// The regions now.
        new: Vec<String>,
    },
    /// A model is now listed in a region.
    ModelAdded {
        /// The model id.
        model: String,
        /// The region.
        region: String,
    },
    /// A model is no longer listed in a region.
    ModelRemoved {
        /// The model id.
        model: String,
        /// The region.
        region: String,
    },
    /// A model went `LEGACY` in a region; its lifecycle dates as now listed.
    WentLegacy {
        /// The model id.
        model: String,
        /// The region.
        region: String,
        /// `legacyTime`.
        legacy: Option<String>,
        /// `publicExtendedAccessTime`.
        extended_access: Option<String>,
        /// `endOfLifeTime`.
        end_of_life: Option<String>,
    },
    /// A `LEGACY` model is `ACTIVE` again in a region.
    WentActive {
        /// The model id.
        model: String,
        /// The region.
        region: String,
    },
    /// A model's end-of-life date was set, moved or dropped in a region.
    EndOfLife {
        /// The model id.
        model: String,
        /// The region.
        region: String,
        /// The date before.
        old: Option<String>,
        /// The date now.
        new: Option<String>,
    },
    /// A cross-region inference profile is now listed.
    ProfileAdded {
        /// The profile id.
        profile: String,
        /// The regions it routes to.
        routes_to: Vec<String>,
    },
    /// A cross-region inference profile is no longer listed in any synced region.
    ProfileRemoved {
        /// The profile id.
        profile: String,
    },
    /// A profile routes to other regions.
    ProfileRoutes {
        /// The profile id.
        profile: String,
        /// The regions before.
        old: Vec<String>,
        /// The regions now.
        new: Vec<String>,
    },
    /// Any other difference, by its key path: a model's name or provider, its inference types, a date of a model
    /// already `LEGACY`, a profile's models or the regions that list it.
    Other {
        /// The dotted key path (`models."x".regions.us-east-1.inference_types`).
        key: String,
        /// The value before, as TOML writes it, or `(none)`.
        old: String,
        /// The value now, as TOML writes it, or `(none)`.
        new: String,
    },
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Regions { old, new } => {
                write!(f, "synced regions: {} (were {})", list(new), list(old))
            }
            Change::ModelAdded { model, region } => write!(f, "model {model} added in {region}"),
            Change::ModelRemoved { model, region } => {
                write!(f, "model {model} removed from {region}")
            }
            Change::WentLegacy {
                model,
                region,
                legacy,
                extended_access,
                end_of_life,
            } => {
                write!(f, "model {model} went LEGACY in {region}")?;
                let dates: Vec<String> = [
                    ("legacy since", legacy),
                    ("public extended access from", extended_access),
                    ("end of life", end_of_life),
                ]
                .into_iter()
                .filter_map(|(what, date)| date.as_ref().map(|d| format!("{what} {d}")))
                .collect();
                if !dates.is_empty() {
                    write!(f, " ({})", dates.join(", "))?;
                }
                Ok(())
            }
            Change::WentActive { model, region } => {
                write!(f, "model {model} is ACTIVE again in {region}")
            }
            Change::EndOfLife {
                model,
                region,
                old,
                new,
            } => match (old, new) {
                (None, Some(new)) => {
                    write!(f, "model {model} in {region}: end of life set to {new}")
                }
                (Some(old), Some(new)) => write!(
                    f,
                    "model {model} in {region}: end of life moved from {old} to {new}"
                ),
                (Some(old), None) => write!(
                    f,
                    "model {model} in {region}: end of life no longer listed (was {old})"
                ),
                (None, None) => write!(f, "model {model} in {region}: no end of life"),
            },
            Change::ProfileAdded { profile, routes_to } => {
                write!(f, "profile {profile} added (routes to {})", list(routes_to))
            }
            Change::ProfileRemoved { profile } => write!(f, "profile {profile} removed"),
            Change::ProfileRoutes { profile, old, new } => write!(
                f,
                "profile {profile} now routes to {} (was {})",
                list(new),
                list(old)
            ),
            Change::Other { key, old, new } => write!(f, "{key}: {old} -> {new}"),
        }
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(", ")
    }
}

pub(super) fn changes(old: &AccountCatalog, new: &AccountCatalog) -> Vec<Change> {
    let mut out = Vec::new();
    if old.regions != new.regions {
        out.push(Change::Regions {
            old: old.regions.clone(),
            new: new.regions.clone(),
        });
    }
    let empty = AccountModel::default();
    let mut ids: Vec<&String> = old.models.keys().chain(new.models.keys()).collect();
    ids.sort();
    ids.dedup();
    for id in ids {
        let (a, b) = (old.models.get(id), new.models.get(id));
        // Name and provider only for a model on both sides: an added model says it by its regions.
        if let (Some(a), Some(b)) = (a, b) {
            for (name, x, y) in [
                ("provider", &a.provider, &b.provider),
                ("name", &a.name, &b.name),
            ] {
                if x != y {
                    out.push(Change::Other {
                        key: format!("models.{}.{name}", key(id)),
                        old: string(x),
                        new: string(y),
                    });
                }
            }
        }
        model_changes(id, a.unwrap_or(&empty), b.unwrap_or(&empty), &mut out);
        // A model without regions on one side only (written by hand): nothing above says it.
        if a.is_none() != b.is_none() && a.or(b).is_some_and(|m| m.regions.is_empty()) {
            let present = "a model with no regions".to_owned();
            let (o, n) = if a.is_some() {
                (present, NONE.to_owned())
            } else {
                (NONE.to_owned(), present)
            };
            out.push(Change::Other {
                key: format!("models.{}", key(id)),
                old: o,
                new: n,
            });
        }
    }
    let mut ids: Vec<&String> = old.profiles.keys().chain(new.profiles.keys()).collect();
    ids.sort();
    ids.dedup();
    for id in ids {
        match (old.profiles.get(id), new.profiles.get(id)) {
            (None, Some(p)) => out.push(Change::ProfileAdded {
                profile: id.clone(),
                routes_to: p.routes_to.clone(),
            }),
            (Some(_), None) => out.push(Change::ProfileRemoved {
                profile: id.clone(),
            }),
            (Some(a), Some(b)) => profile_changes(id, a, b, &mut out),
            (None, None) => {}
        }
    }
    out
}

const NONE: &str = "(none)";

/// A model's regions: added, removed, and what changed in each.
fn model_changes(id: &str, old: &AccountModel, new: &AccountModel, out: &mut Vec<Change>) {
    let path = format!("models.{}", key(id));
    let mut regions: Vec<&String> = old.regions.keys().chain(new.regions.keys()).collect();
    regions.sort();
    regions.dedup();
    for region in regions {
        let (model, region_name) = (id.to_owned(), region.clone());
        match (old.regions.get(region), new.regions.get(region)) {
            (None, Some(_)) => out.push(Change::ModelAdded {
                model,
                region: region_name,
            }),
            (Some(_), None) => out.push(Change::ModelRemoved {
                model,
                region: region_name,
            }),
            (Some(a), Some(b)) => {
                let path = format!("{path}.regions.{}", key(region));
                regional_changes(&path, id, region, a, b, out);
            }
            (None, None) => {}
        }
    }
}

fn regional_changes(
    path: &str,
    id: &str,
    region: &str,
    old: &RegionalModel,
    new: &RegionalModel,
    out: &mut Vec<Change>,
) {
    let went_legacy = old.status == Lifecycle::Active && new.status == Lifecycle::Legacy;
    if went_legacy {
        // The dates are part of the line.
        out.push(Change::WentLegacy {
            model: id.to_owned(),
            region: region.to_owned(),
            legacy: new.legacy.clone(),
            extended_access: new.extended_access.clone(),
            end_of_life: new.end_of_life.clone(),
        });
    } else if old.status != new.status {
        out.push(Change::WentActive {
            model: id.to_owned(),
            region: region.to_owned(),
        });
    }
    if old.inference_types != new.inference_types {
        out.push(Change::Other {
            key: format!("{path}.inference_types"),
            old: strings(&old.inference_types),
            new: strings(&new.inference_types),
        });
    }
    if went_legacy {
        return;
    }
    if old.end_of_life != new.end_of_life {
        out.push(Change::EndOfLife {
            model: id.to_owned(),
            region: region.to_owned(),
            old: old.end_of_life.clone(),
            new: new.end_of_life.clone(),
        });
    }
    for (name, a, b) in [
        ("legacy", &old.legacy, &new.legacy),
        (
            "extended_access",
            &old.extended_access,
            &new.extended_access,
        ),
    ] {
        if a != b {
            out.push(Change::Other {
                key: format!("{path}.{name}"),
                old: a.clone().unwrap_or_else(|| NONE.to_owned()),
                new: b.clone().unwrap_or_else(|| NONE.to_owned()),
            });
        }
    }
}

fn profile_changes(id: &str, old: &AccountProfile, new: &AccountProfile, out: &mut Vec<Change>) {
    let path = format!("profiles.{}", key(id));
    if old.models != new.models {
        out.push(Change::Other {
            key: format!("{path}.models"),
            old: strings(&old.models),
            new: strings(&new.models),
        });
    }
    if old.listed_in != new.listed_in {
        out.push(Change::Other {
            key: format!("{path}.listed_in"),
            old: strings(&old.listed_in),
            new: strings(&new.listed_in),
        });
    }
    if old.routes_to != new.routes_to {
        out.push(Change::ProfileRoutes {
            profile: id.to_owned(),
            old: old.routes_to.clone(),
            new: new.routes_to.clone(),
        });
    }
}

fn strings(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|s| string(s)).collect();
    format!("[{}]", items.join(", "))
}
