//! LiteLLM's table read as Bedrock runtime ids, offline (the committed snapshot of [`crate::sources`]):
//!
//! - [`normalise`] turns a LiteLLM key into the Bedrock runtime id it names (a geography prefix, if any, and the
//!   base model id), or says why the key names no runtime id;
//! - [`sightings`] groups the keys by base id; [`current_models`] keeps those without a past deprecation date;
//! - [`coverage`], [`listed_pairs`] and [`unlisted_pairs`] are what the tests (`xtask/tests/tables.rs`) hold the
//!   data file to.
//!
//! Dates are `YYYY-MM-DD` strings throughout, so comparing them as strings compares them as dates.

use crate::data::{Data, GEOS};
use crate::sources::{LiteLlm, LiteLlmRow};
use std::collections::{BTreeMap, BTreeSet};

/// How a LiteLLM key reaches a model.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Route {
    /// The key is the id (`eu.anthropic.claude-opus-4-8`, `deepseek.v3.2`), perhaps after `bedrock/`.
    Direct,
    /// `bedrock/<region>/<id>`: the model in one AWS region.
    Region(String),
    /// `bedrock/<region>/<n>-month-commitment/<id>`: provisioned throughput (`*`: any region), invoked through
    /// the provisioned model's ARN rather than the id.
    Commitment {
        /// The region, or `*`.
        region: String,
        /// `1-month-commitment`, `6-month-commitment`.
        term: String,
    },
    /// `bedrock/invoke/<id>`: LiteLLM's InvokeModel route.
    Invoke,
}

/// A Bedrock runtime id named by a LiteLLM key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RuntimeId {
    /// The cross-region geography (`eu` in `eu.anthropic...`), one of [`GEOS`].
    pub geo: Option<String>,
    /// The base model id (`anthropic.claude-opus-4-8`).
    pub id: String,
    /// Where the key puts it.
    pub route: Route,
}

/// Why a LiteLLM key names no Bedrock runtime id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NotRuntime {
    /// The Mantle endpoint (`bedrock_mantle`): OpenAI-compatible ids of its own, without cross-region prefixes.
    Mantle,
    /// `bedrock/claude_platform/...`: Anthropic's Claude Platform, not the Bedrock runtime.
    ClaudePlatform,
    /// The id has no `vendor.` (`claude-sonnet-4-5-20250929-v1:0`).
    NoVendor,
    /// The id has an `@` (`anthropic.claude-haiku-4-5@20251001`, another cloud's spelling).
    AtSign,
    /// A key of a shape this module does not know, with the part it does not know (`bedrock/<this>/<id>`).
    UnknownShape(String),
}

impl NotRuntime {
    /// The reason, in words.
    pub fn describe(&self) -> String {
        match self {
            NotRuntime::Mantle => "the Mantle endpoint (bedrock_mantle)".to_owned(),
            NotRuntime::ClaudePlatform => "Claude Platform (bedrock/claude_platform/)".to_owned(),
            NotRuntime::NoVendor => "no `vendor.` in the id".to_owned(),
            NotRuntime::AtSign => "an `@` in the id".to_owned(),
            NotRuntime::UnknownShape(part) => {
                format!("a key shape this comparison does not know (`{part}`)")
            }
        }
    }
}

/// Whether `s` is a geography of [`GEOS`].
pub fn is_geo(s: &str) -> bool {
    GEOS.iter().any(|(g, _)| *g == s)
}

/// The position of a geography in [`GEOS`] (documentation order; unknown ones last).
pub(crate) fn geo_rank(geo: &str) -> usize {
    GEOS.iter()
        .position(|(g, _)| *g == geo)
        .unwrap_or(GEOS.len())
}

/// Whether `s` is an AWS region (`us-gov-west-1`, `ap-northeast-1`) or `*`.
fn is_region(s: &str) -> bool {
    if s == "*" {
        return true;
    }
    let parts: Vec<&str> = s.split('-').collect();
    let Some((number, words)) = parts.split_last() else {
        return false;
    };
    words.len() >= 2
        && words[0].len() == 2
        && words
            .iter()
            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
        && !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `id` starts with a vendor (`anthropic.`, `ai21.`): lowercase letters and digits, a dot, then more.
fn has_vendor(id: &str) -> bool {
    match id.split_once('.') {
        Some((vendor, rest)) => {
            vendor
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_lowercase())
                && vendor
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                && !rest.is_empty()
        }
        None => false,
    }
}

/// The Bedrock runtime id a LiteLLM key names, given the row's `litellm_provider`:
///
/// - `eu.anthropic.claude-opus-4-8` → geography `eu`, base id `anthropic.claude-opus-4-8`, [`Route::Direct`];
/// - `bedrock/us-gov-west-1/anthropic.claude-sonnet-5` → no geography, [`Route::Region`];
/// - `bedrock/us-east-1/1-month-commitment/x` → [`Route::Commitment`]; `bedrock/invoke/x` → [`Route::Invoke`];
/// - `bedrock_mantle/...` (or provider `bedrock_mantle`), `bedrock/claude_platform/...`, ids without a vendor
///   and ids with `@` → the [`NotRuntime`] reason.
pub fn normalise(key: &str, provider: &str) -> Result<RuntimeId, NotRuntime> {
    if provider == "bedrock_mantle" || key.starts_with("bedrock_mantle/") {
        return Err(NotRuntime::Mantle);
    }
    let (route, last) = match key.strip_prefix("bedrock/") {
        None => match key.split_once('/') {
            Some((head, _)) => return Err(NotRuntime::UnknownShape(format!("{head}/"))),
            None => (Route::Direct, key),
        },
        Some(rest) => {
            let parts: Vec<&str> = rest.split('/').collect();
            match parts.as_slice() {
                [id] => (Route::Direct, *id),
                ["claude_platform", ..] => return Err(NotRuntime::ClaudePlatform),
                ["invoke", id] => (Route::Invoke, *id),
                [region, id] if is_region(region) => (Route::Region((*region).to_owned()), *id),
                [region, term, id] if is_region(region) && term.ends_with("-commitment") => (
                    Route::Commitment {
                        region: (*region).to_owned(),
                        term: (*term).to_owned(),
                    },
                    *id,
                ),
                _ => {
                    let shape = rest.rsplit_once('/').map_or(rest, |(head, _)| head);
                    return Err(NotRuntime::UnknownShape(format!("bedrock/{shape}/")));
                }
            }
        }
    };
    if last.contains('@') {
        return Err(NotRuntime::AtSign);
    }
    let (geo, id) = match last.split_once('.') {
        Some((geo, rest)) if is_geo(geo) && has_vendor(rest) => (Some(geo.to_owned()), rest),
        _ => (None, last),
    };
    if !has_vendor(id) {
        return Err(NotRuntime::NoVendor);
    }
    Ok(RuntimeId {
        geo,
        id: id.to_owned(),
        route,
    })
}

/// A LiteLLM row that names a Bedrock runtime id.
#[derive(Debug, Clone)]
pub struct Sighting<'a> {
    /// The row's key.
    pub key: &'a str,
    /// What it names.
    pub at: RuntimeId,
    /// The row.
    pub row: &'a LiteLlmRow,
}

impl Sighting<'_> {
    /// A short name for where the row puts the model: `base`, `eu.`, `us-gov-west-1`, `invoke`,
    /// `us-east-1 1-month-commitment` (with the geography before the route when both are set).
    pub fn label(&self) -> String {
        let route = match &self.at.route {
            Route::Direct => None,
            Route::Region(r) => Some(r.clone()),
            Route::Commitment { region, term } => Some(format!("{region} {term}")),
            Route::Invoke => Some("invoke".to_owned()),
        };
        match (&self.at.geo, route) {
            (Some(g), None) => format!("{g}."),
            (Some(g), Some(r)) => format!("{r} {g}."),
            (None, Some(r)) => r,
            (None, None) => "base".to_owned(),
        }
    }

    /// Sorts the base row first, then geographies in documentation order, then routes.
    fn order(&self) -> (usize, usize, Route) {
        let geo = self.at.geo.as_deref().map_or(0, |g| 1 + geo_rank(g));
        let routed = usize::from(self.at.route != Route::Direct);
        (routed, geo, self.at.route.clone())
    }

    /// Whether the row lists the base id for on-demand invocation (no geography; not provisioned throughput).
    pub fn is_base_id(&self) -> bool {
        self.at.geo.is_none() && !matches!(self.at.route, Route::Commitment { .. })
    }
}

/// Every row of the table that names a Bedrock runtime id, by base id, each model's rows in [`Sighting::label`]
/// order.
pub fn sightings(table: &LiteLlm) -> BTreeMap<String, Vec<Sighting<'_>>> {
    let mut out: BTreeMap<String, Vec<Sighting<'_>>> = BTreeMap::new();
    for (key, row) in &table.rows {
        if let Ok(at) = normalise(key, &row.litellm_provider) {
            out.entry(at.id.clone())
                .or_default()
                .push(Sighting { key, at, row });
        }
    }
    for rows in out.values_mut() {
        rows.sort_by_key(|s| s.order());
    }
    out
}

/// Every row of the table that names no Bedrock runtime id, with the reason.
pub fn not_runtime(table: &LiteLlm) -> Vec<(&str, NotRuntime)> {
    table
        .rows
        .iter()
        .filter_map(|(key, row)| {
            normalise(key, &row.litellm_provider)
                .err()
                .map(|why| (key.as_str(), why))
        })
        .collect()
}

/// Whether a model is current on `today`: some row of it has no `deprecation_date` before `today`.
///
/// A date on some rows only concerns those rows: LiteLLM dates `eu.anthropic.claude-haiku-4-5-20251001-v1:0`
/// (2026-10-15) and no other row of Claude Haiku 4.5, whose base id and other profiles stay current. A model
/// whose every row is dated before `today` is past its end of life.
pub fn is_current(rows: &[Sighting<'_>], today: &str) -> bool {
    rows.iter()
        .any(|s| s.row.deprecation_date.as_deref().is_none_or(|d| d >= today))
}

/// The base ids of the current chat models of the table (every row of the snapshot is a chat row).
pub fn current_models(table: &LiteLlm, today: &str) -> BTreeSet<String> {
    sightings(table)
        .into_iter()
        .filter(|(_, rows)| is_current(rows, today))
        .map(|(id, _)| id)
        .collect()
}

/// How much of LiteLLM's current chat runtime models the catalog covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// The LiteLLM version.
    pub version: String,
    /// The current chat runtime models, less those `left_out` lists as `not-runtime`.
    pub counted: BTreeSet<String>,
    /// Those the catalog has.
    pub covered: BTreeSet<String>,
    /// Those the catalog lacks and `left_out` does not list.
    pub missing: BTreeSet<String>,
    /// Those the catalog lacks and `left_out` lists (with another kind than `not-runtime`).
    pub left_out: BTreeSet<String>,
}

impl Coverage {
    /// The covered share, in percent (100 when nothing is counted).
    pub fn percent(&self) -> f64 {
        if self.counted.is_empty() {
            100.0
        } else {
            100.0 * self.covered.len() as f64 / self.counted.len() as f64
        }
    }

    /// `catalog covers N of M current chat runtime models in LiteLLM X (P%)`.
    pub fn line(&self) -> String {
        format!(
            "catalog covers {} of {} current chat runtime models in LiteLLM {} ({:.1}%)",
            self.covered.len(),
            self.counted.len(),
            self.version,
            self.percent()
        )
    }
}

/// The catalog's coverage of the table's current chat runtime models on `today`.
///
/// Two kinds of `left_out` entry correct the table rather than leave a model out, so they are not counted: ids that
/// are not Bedrock runtime ids (`not-runtime`), and models past their end of life by a source the table lacks
/// (`end-of-life`: the table keeps rows without a date long after AWS ended the model), which are not current.
pub fn coverage(data: &Data, table: &LiteLlm, today: &str) -> Coverage {
    let catalog: BTreeSet<&str> = data.models.iter().map(|m| m.id.as_str()).collect();
    let kind = |id: &str| {
        data.left_out
            .iter()
            .find(|l| l.id == id)
            .map(|l| l.kind.as_str())
    };
    let counted: BTreeSet<String> = current_models(table, today)
        .into_iter()
        .filter(|id| !matches!(kind(id), Some("not-runtime" | "end-of-life")))
        .collect();
    let (covered, lacking): (BTreeSet<String>, BTreeSet<String>) = counted
        .iter()
        .cloned()
        .partition(|id| catalog.contains(id.as_str()));
    let (left_out, missing) = lacking.into_iter().partition(|id| kind(id).is_some());
    Coverage {
        version: table.version.clone(),
        counted,
        covered,
        missing,
        left_out,
    }
}

/// Every (geography, base id) pair the table lists, with the keys that list it.
pub fn listed_pairs(table: &LiteLlm) -> BTreeMap<(String, String), Vec<&str>> {
    let mut out: BTreeMap<(String, String), Vec<&str>> = BTreeMap::new();
    for (id, rows) in sightings(table) {
        for s in rows {
            if let Some(geo) = &s.at.geo {
                out.entry((geo.clone(), id.clone()))
                    .or_default()
                    .push(s.key);
            }
        }
    }
    out
}

/// Every base id the table lists for on-demand invocation ([`Sighting::is_base_id`]), with the keys.
pub fn listed_base_ids(table: &LiteLlm) -> BTreeMap<String, Vec<&str>> {
    let mut out: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (id, rows) in sightings(table) {
        for s in rows.iter().filter(|s| s.is_base_id()) {
            out.entry(id.clone()).or_default().push(s.key);
        }
    }
    out
}

/// The (geography, base id) pairs the table lists for a catalog model whose `prefixes` lack the geography, in
/// catalog id order and documentation order of the geographies.
pub fn unlisted_pairs(data: &Data, table: &LiteLlm) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = listed_pairs(table)
        .into_keys()
        .filter(|(geo, id)| {
            data.models
                .iter()
                .find(|m| &m.id == id)
                .is_some_and(|m| !m.prefixes.value.contains(geo))
        })
        .collect();
    out.sort_by(|a, b| (&a.1, geo_rank(&a.0)).cmp(&(&b.1, geo_rank(&b.0))));
    out
}

/// The geographies of `rows`, once each, in documentation order.
pub(crate) fn geos_of(rows: &[Sighting<'_>]) -> Vec<String> {
    let mut out: Vec<String> = rows.iter().filter_map(|s| s.at.geo.clone()).collect();
    out.sort_by_key(|g| geo_rank(g));
    out.dedup();
    out
}
