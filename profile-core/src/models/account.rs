//! Your account's catalog: what Amazon Bedrock lists for one AWS account, region by region, as written to
//! `bedrock-catalog.toml` by `bedrock-profiles catalog sync`.
//!
//! The crate's own catalog ([`CATALOG`](super::CATALOG)) is built from public sources and trails Bedrock's releases,
//! and no public table says which models an account sees in which region. Bedrock answers that itself:
//! `ListFoundationModels` lists each model of a region with its lifecycle (`modelLifecycle`: `status` `ACTIVE` or
//! `LEGACY`, `legacyTime`, `publicExtendedAccessTime`, `endOfLifeTime`) and `inferenceTypesSupported`;
//! `ListInferenceProfiles` (type `SYSTEM_DEFINED`) lists every cross-region inference profile of the region with the
//! model ARNs, and so the regions, it routes to. The command asks once and writes this file; the file is committed,
//! like the query data of `cargo sqlx prepare`, so builds stay offline and a change of the account's answer shows up
//! in a code review.
//!
//! # The file
//!
//! ```toml
//! # bedrock-catalog.toml: what Amazon Bedrock listed for this account, written by `bedrock-profiles catalog sync`.
//! # Commit it. A model's `max_output_tokens` may be added by hand; later syncs keep it.
//! format = 1
//! regions = ["eu-west-1", "us-east-1"]
//!
//! [models."anthropic.claude-sonnet-4-6"]
//! provider = "Anthropic"
//! name = "Claude Sonnet 4.6"
//! max_output_tokens = 64000
//!
//! [models."anthropic.claude-sonnet-4-6".regions.us-east-1]
//! status = "ACTIVE"
//! inference_types = ["INFERENCE_PROFILE"]
//! legacy = 2026-01-15
//! end_of_life = 2026-07-15
//! extended_access = 2026-04-15
//!
//! [profiles."us.anthropic.claude-sonnet-4-6"]
//! models = ["anthropic.claude-sonnet-4-6"]
//! listed_in = ["us-east-1"]
//! routes_to = ["us-east-1", "us-east-2", "us-west-2"]
//! ```
//!
//! - `format`: the version of this layout, 1.
//! - `regions`: the regions synced; every region named under a model and in a profile's `listed_in` is one of them.
//! - `models.<id>`: the models with text output (`outputModalities` holds `TEXT`), by model id: `providerName`,
//!   `modelName`, and `max_output_tokens`, which AWS does not list and a user may add by hand (a sync keeps it,
//!   [`AccountCatalog::keep_hand_edits`]).
//! - `models.<id>.regions.<region>`: the model as listed in that region: `status` (`modelLifecycle.status`),
//!   `inference_types` (`inferenceTypesSupported` as AWS spells them) and the lifecycle dates as TOML local dates
//!   (UTC): `legacy` (`legacyTime`), `end_of_life` (`endOfLifeTime`), `extended_access`
//!   (`publicExtendedAccessTime`).
//! - `profiles.<id>`: the cross-region inference profiles: the model ids of their model ARNs (`models`), the synced
//!   regions whose `ListInferenceProfiles` listed them (`listed_in`), and the regions of their model ARNs
//!   (`routes_to`).
//!
//! Tables and lists are sorted and [`AccountCatalog::to_toml`] writes the same bytes for the same answer, so a sync
//! that finds nothing new leaves the file as it is. [`AccountCatalog::parse`] checks every key and value and
//! reports the first problem with its line, column and key path. [`AccountCatalog::changes`] says what a new answer
//! changes, one line each, for the command's output and a scheduled `--check`.

use std::collections::BTreeMap;
use std::fmt;

#[cfg(feature = "account")]
mod changes;
#[cfg(feature = "account")]
mod parse;
mod scope;
#[cfg(feature = "account")]
mod write;

#[cfg(feature = "account")]
pub use changes::Change;
pub use scope::{AccountLifecycle, current, read_text, sync_hint, with_account};

/// The file's usual name, at the root of the crate or workspace that commits it.
pub const FILE_NAME: &str = "bedrock-catalog.toml";

/// The environment variable that names the catalog file in place of `bedrock-catalog.toml` (the macros: relative
/// to the crate root; the command: to the current directory).
pub const ENV_VAR: &str = "BEDROCK_PROFILES_CATALOG";

/// The version of the layout this crate reads and writes (`format = 1`).
pub const FORMAT: i64 = 1;

/// An account's catalog: the models and cross-region inference profiles Amazon Bedrock listed in each synced region.
///
/// Maps and lists are kept sorted, as [`parse`](AccountCatalog::parse) returns them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AccountCatalog {
    /// The synced regions, sorted (`regions`).
    pub regions: Vec<String>,
    /// The models with text output, by model id (`models.<id>`).
    pub models: BTreeMap<String, AccountModel>,
    /// The cross-region (system-defined) inference profiles, by profile id (`profiles.<id>`).
    pub profiles: BTreeMap<String, AccountProfile>,
}

/// A model of the account (`models.<id>`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AccountModel {
    /// The provider as Bedrock names it (`providerName`): "Anthropic", "Amazon", ...
    pub provider: String,
    /// The model's name (`modelName`).
    pub name: String,
    /// The output-token limit, added by hand (AWS does not list it); a sync keeps it.
    pub max_output_tokens: Option<u32>,
    /// The model in each synced region that lists it, by region.
    pub regions: BTreeMap<String, RegionalModel>,
}

/// A model as one region lists it (`models.<id>.regions.<region>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionalModel {
    /// `modelLifecycle.status`.
    pub status: Lifecycle,
    /// `inferenceTypesSupported` as AWS spells them (`ON_DEMAND`, `PROVISIONED`, `INFERENCE_PROFILE`, ...), sorted.
    pub inference_types: Vec<String>,
    /// `modelLifecycle.legacyTime`, as a UTC date `YYYY-MM-DD`.
    pub legacy: Option<String>,
    /// `modelLifecycle.endOfLifeTime`, as a UTC date `YYYY-MM-DD`.
    pub end_of_life: Option<String>,
    /// `modelLifecycle.publicExtendedAccessTime`, as a UTC date `YYYY-MM-DD`.
    pub extended_access: Option<String>,
}

/// A model's lifecycle status in a region (`modelLifecycle.status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lifecycle {
    /// `ACTIVE`.
    Active,
    /// `LEGACY`: still callable, on its way to end of life.
    Legacy,
}

impl Lifecycle {
    /// The status as AWS spells it: `ACTIVE` or `LEGACY`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Lifecycle::Active => "ACTIVE",
            Lifecycle::Legacy => "LEGACY",
        }
    }

    /// The status AWS spelled `text`, if it is one of the two.
    pub fn from_aws(text: &str) -> Option<Lifecycle> {
        match text {
            "ACTIVE" => Some(Lifecycle::Active),
            "LEGACY" => Some(Lifecycle::Legacy),
            _ => None,
        }
    }
}

impl fmt::Display for Lifecycle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A cross-region (system-defined) inference profile (`profiles.<id>`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AccountProfile {
    /// The model ids of the profile's model ARNs, sorted.
    pub models: Vec<String>,
    /// The synced regions whose `ListInferenceProfiles` listed the profile, sorted.
    pub listed_in: Vec<String>,
    /// The regions of the profile's model ARNs: where its requests may run, sorted.
    pub routes_to: Vec<String>,
}

/// Why a catalog file was refused: the first problem found, where it is, and the key it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountCatalogError {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
    /// The dotted key path, quoted as TOML quotes keys (`models."x".regions.us-east-1.status`); empty for a TOML
    /// syntax error.
    pub key: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for AccountCatalogError {
    /// `line:column: key: message` (`line:column: message` when there is no key).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.line, self.column)?;
        if !self.key.is_empty() {
            write!(f, "{}: ", self.key)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for AccountCatalogError {}

impl AccountCatalog {
    /// Reads a catalog file. Every key is checked (unknown keys, types, `status`, calendar dates, regions that
    /// are not in `regions`, repeated entries); the first problem is returned with its line, column and key path.
    /// Lists come back sorted. Feature `account` (on with `files`).
    #[cfg(feature = "account")]
    pub fn parse(text: &str) -> Result<AccountCatalog, AccountCatalogError> {
        parse::parse(text)
    }

    /// The file's text: a header comment, `format`, `regions`, then one table per model, per model and region, and
    /// per profile, all sorted. The same catalog always gives the same bytes, and `parse` gives it back (with its
    /// lists sorted and without repeats) whenever it holds what `parse` accepts.
    #[cfg(feature = "account")]
    pub fn to_toml(&self) -> String {
        write::to_toml(self)
    }

    /// What changed from `old` to `new`, one [`Change`] per line of a review: models added to or removed from a
    /// region, models gone `LEGACY`, end-of-life dates, profiles added, removed or routed elsewhere, and any other
    /// difference by its key. `max_output_tokens` is a hand edit and is not compared. Empty when the two catalogs
    /// are equal but for hand edits.
    #[cfg(feature = "account")]
    pub fn changes(old: &AccountCatalog, new: &AccountCatalog) -> Vec<Change> {
        changes::changes(old, new)
    }

    /// Keeps what was added by hand to `old`: a model's `max_output_tokens`, for each model that is still listed
    /// and has none of its own.
    pub fn keep_hand_edits(&mut self, old: &AccountCatalog) {
        for (id, model) in &mut self.models {
            if model.max_output_tokens.is_none() {
                model.max_output_tokens = old.models.get(id).and_then(|m| m.max_output_tokens);
            }
        }
    }
}

/// Whether `text` is a calendar date `YYYY-MM-DD` (a TOML local date).
#[cfg(feature = "account")]
pub(crate) fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    match (digits(0..4), digits(5..7), digits(8..10)) {
        (Some(y), Some(m), Some(d)) => valid_date(y, m, d),
        _ => false,
    }
}

/// Whether the day exists in the proleptic Gregorian calendar (year 0 to 9999): the one calendar check of the
/// file's dates and of the command's `report --since` / `--until`.
pub fn valid_date(year: u32, month: u32, day: u32) -> bool {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year <= 9999 && (1..=days).contains(&day)
}

#[cfg(all(test, feature = "account"))]
mod tests;
