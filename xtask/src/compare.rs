//! Comparing the data file with the pinned maintained tables (the committed snapshots of
//! [`crate::sources`]), offline:
//!
//! - [`normalise`] turns a LiteLLM key into the Bedrock runtime id it names (a geography prefix, if any, and the
//!   base model id), or says why the key names no runtime id;
//! - [`coverage`], [`listed_pairs`] and [`unlisted_pairs`] are what the tests (`xtask/tests/tables.rs`) hold the
//!   data file to;
//! - [`report`] is `cargo xtask catalog compare`: every disagreement, grouped, for a human to decide row by row;
//! - [`pairs_file`] is `cargo xtask catalog pairs`: the declarations file of one profile per pair LiteLLM lists.
//!
//! Dates are `YYYY-MM-DD` strings throughout, so comparing them as strings compares them as dates.

use crate::data::{self, Data, GEOS, ModelRow, Reasoning};
use crate::sources::{self, Cdk, LiteLlm, LiteLlmRow};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

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
fn geo_rank(geo: &str) -> usize {
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

/// Whether a CDK id is obviously not a text model (embeddings, images, video, speech, reranking) or a
/// provisioned-throughput variant (`anthropic.claude-v2:1:18k`, `cohere.embed-english-v3:0:512`: a context size
/// after the version's own `:N`).
pub fn is_obviously_not_text(id: &str) -> bool {
    const WORDS: [&str; 11] = [
        "embed",
        "image",
        "canvas",
        "reel",
        "sonic",
        "rerank",
        "stable-diffusion",
        "sd3",
        "stable-image",
        "luma",
        "marengo",
    ];
    if WORDS.iter().any(|w| id.contains(w)) {
        return true;
    }
    let parts: Vec<&str> = id.split(':').collect();
    let size = parts
        .last()
        .map_or("", |last| last.strip_suffix('k').unwrap_or(last));
    parts.len() >= 3 && !size.is_empty() && size.bytes().all(|b| b.is_ascii_digit())
}

/// `--today YYYY-MM-DD`, or today's date (UTC).
fn today_arg(args: &[&str], command: &str) -> Result<String, String> {
    let mut today = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let value = match arg.strip_prefix("--today=") {
            Some(v) => v,
            None if *arg == "--today" => rest
                .next()
                .copied()
                .ok_or_else(|| "--today needs a date (YYYY-MM-DD)".to_owned())?,
            None => {
                return Err(format!(
                    "{command}: unknown argument `{arg}` (expected --today YYYY-MM-DD)"
                ));
            }
        };
        if !sources::is_date(value) {
            return Err(format!("--today: `{value}` is not YYYY-MM-DD"));
        }
        today = Some(value.to_owned());
    }
    Ok(today.unwrap_or_else(utc_today))
}

/// Today's date in UTC, from the system clock.
pub fn utc_today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The data file and both snapshots, read and checked.
pub fn load_all() -> Result<(Data, LiteLlm, Cdk), String> {
    let data = data::load(&data::data_path())?;
    let litellm = sources::load_litellm(&sources::litellm_path())?;
    let cdk = sources::load_cdk(&sources::cdk_path())?;
    Ok((data, litellm, cdk))
}

/// `cargo xtask catalog compare [--today YYYY-MM-DD]`: prints [`report`]. Disagreements are no failure; an
/// unreadable file is.
pub fn compare_command(args: &[&str]) -> Result<(), String> {
    let today = today_arg(args, "compare")?;
    let (data, litellm, cdk) = load_all()?;
    print!("{}", report(&data, &litellm, &cdk, &today));
    Ok(())
}

/// The fixture `pairs` writes.
pub fn pairs_path() -> PathBuf {
    data::root().join("profile-core/tests/files/litellm-pairs.toml")
}

/// `cargo xtask catalog pairs`: writes [`pairs_file`] to [`pairs_path`].
pub fn pairs_command(args: &[&str]) -> Result<(), String> {
    if let Some(arg) = args.first() {
        return Err(format!("pairs takes no arguments, found `{arg}`"));
    }
    let data = data::load(&data::data_path())?;
    let litellm = sources::load_litellm(&sources::litellm_path())?;
    let text = pairs_file(&data, &litellm);
    let path = pairs_path();
    std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
    let profiles = text.lines().filter(|l| l.starts_with("[profiles.")).count();
    println!("wrote {} ({profiles} profiles)", path.display());
    Ok(())
}

/// At most `n` items joined with ", ", and how many more.
fn brief<S: AsRef<str>>(items: &[S], n: usize) -> String {
    let mut out = items
        .iter()
        .take(n)
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > n {
        let _ = write!(out, " (+{} more)", items.len() - n);
    }
    out
}

/// The labels of `rows`, once each, in order.
fn labels<'a>(rows: impl IntoIterator<Item = &'a Sighting<'a>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in rows {
        let l = s.label();
        if !out.contains(&l) {
            out.push(l);
        }
    }
    out
}

/// The geographies of `rows`, once each, in documentation order.
fn geos_of(rows: &[Sighting<'_>]) -> Vec<String> {
    let mut out: Vec<String> = rows.iter().filter_map(|s| s.at.geo.clone()).collect();
    out.sort_by_key(|g| geo_rank(g));
    out.dedup();
    out
}

/// The reasoning mode's name as the data file writes it (`claude thinking` for the table form).
fn reasoning_word(r: &Reasoning) -> &str {
    match r {
        Reasoning::Word(w) => w,
        Reasoning::Claude(_) => "claude thinking",
    }
}

/// One model LiteLLM lists, summarised: prefixes, in-region rows, output limit, reasoning, end of life.
fn summary(rows: &[Sighting<'_>]) -> String {
    let mut parts = Vec::new();
    let geos = geos_of(rows);
    if !geos.is_empty() {
        parts.push(format!("prefixes {}", geos.join(", ")));
    }
    let base: Vec<String> = labels(rows.iter().filter(|s| s.at.geo.is_none()));
    if !base.is_empty() {
        parts.push(format!("by base id: {}", brief(&base, 4)));
    }
    let outs: BTreeSet<u64> = rows
        .iter()
        .filter_map(|s| s.row.max_output_tokens)
        .collect();
    if !outs.is_empty() {
        let outs: Vec<String> = outs.iter().map(u64::to_string).collect();
        parts.push(format!("max_output_tokens {}", outs.join("/")));
    }
    if rows.iter().any(|s| s.row.supports_reasoning == Some(true)) {
        parts.push("reasons".to_owned());
    }
    let dates: BTreeSet<&str> = rows
        .iter()
        .filter_map(|s| s.row.deprecation_date.as_deref())
        .collect();
    if !dates.is_empty() {
        parts.push(format!(
            "deprecation {}",
            dates.into_iter().collect::<Vec<_>>().join("/")
        ));
    }
    parts.join("; ")
}

/// A section of the report: its title, its rows, and its info rows (shown after, prefixed `info:`).
struct Section {
    title: String,
    rows: Vec<String>,
    info: Vec<String>,
}

impl Section {
    fn new(title: &str) -> Section {
        Section {
            title: title.to_owned(),
            rows: Vec::new(),
            info: Vec::new(),
        }
    }

    fn write(&self, out: &mut String) {
        let count = if self.info.is_empty() {
            format!("{}", self.rows.len())
        } else {
            format!("{}, {} info", self.rows.len(), self.info.len())
        };
        let _ = writeln!(out, "\n{} ({count})", self.title);
        if self.rows.is_empty() && self.info.is_empty() {
            let _ = writeln!(out, "  none");
        }
        for r in &self.rows {
            let _ = writeln!(out, "  {r}");
        }
        for r in &self.info {
            let _ = writeln!(out, "  info: {r}");
        }
    }
}

/// The comparison of the data file with both snapshots on `today`: every disagreement, grouped and sorted, and
/// the coverage line last.
pub fn report(data: &Data, table: &LiteLlm, cdk: &Cdk, today: &str) -> String {
    let seen = sightings(table);
    let catalog: BTreeMap<&str, &ModelRow> =
        data.models.iter().map(|m| (m.id.as_str(), m)).collect();
    let left_out: BTreeMap<&str, &data::LeftOut> =
        data.left_out.iter().map(|l| (l.id.as_str(), l)).collect();
    let alpha: BTreeMap<&str, &sources::CdkModel> = cdk
        .bedrock_foundation_models
        .iter()
        .map(|m| (m.id.as_str(), m))
        .collect();
    // The catalog models LiteLLM lists, with their rows.
    let listed: Vec<(&ModelRow, &Vec<Sighting<'_>>)> = catalog
        .values()
        .filter_map(|m| seen.get(&m.id).map(|rows| (*m, rows)))
        .collect();

    let mut out = String::new();
    let _ = writeln!(
        out,
        "profile-core/catalog/models.toml ({} models, {} left out) against LiteLLM {} ({} Bedrock chat rows), \
         aws-cdk-lib {}, @aws-cdk/aws-bedrock-alpha {}; today {today}",
        data.models.len(),
        data.left_out.len(),
        table.version,
        table.rows.len(),
        cdk.aws_cdk_lib,
        cdk.aws_bedrock_alpha,
    );
    let mut skipped: BTreeMap<NotRuntime, usize> = BTreeMap::new();
    let mut unknown_shapes = Vec::new();
    for (key, why) in not_runtime(table) {
        if let NotRuntime::UnknownShape(_) = why {
            unknown_shapes.push(key);
        }
        *skipped.entry(why).or_default() += 1;
    }
    let skipped: Vec<String> = skipped
        .iter()
        .map(|(why, n)| format!("{n} {}", why.describe()))
        .collect();
    let _ = writeln!(
        out,
        "LiteLLM rows that name no Bedrock runtime id: {}",
        skipped.join(", ")
    );

    // (a) Current chat runtime models the catalog lacks.
    let cov = coverage(data, table, today);
    let mut a = Section::new(
        "(a) current chat runtime models in LiteLLM that the catalog lacks and left_out does not list",
    );
    for id in &cov.missing {
        a.rows.push(format!("{id}: {}", summary(&seen[id])));
    }
    for key in &unknown_shapes {
        a.info.push(format!(
            "{key}: a key shape this comparison does not know; read it by hand"
        ));
    }
    let mut names: BTreeSet<&str> = BTreeSet::new();
    for key in table.rows.keys() {
        let last = key.rsplit('/').next().unwrap_or(key);
        names.insert(last);
        if let Some((geo, rest)) = last.split_once('.')
            && is_geo(geo)
        {
            names.insert(rest);
        }
    }
    names.extend(cdk.foundation_model_identifiers.iter().map(String::as_str));
    names.extend(alpha.keys());
    for l in &data.left_out {
        match seen.get(&l.id) {
            Some(rows) if !is_current(rows, today) => a.info.push(format!(
                "left_out {} ({}): no longer current in LiteLLM ({})",
                l.id,
                l.kind,
                summary(rows)
            )),
            None if !names.contains(l.id.as_str()) => a.info.push(format!(
                "left_out {} ({}): no pinned table lists it",
                l.id, l.kind
            )),
            _ => {}
        }
    }
    a.write(&mut out);

    // (b) Prefixes.
    let mut b = Section::new(
        "(b) prefixes: (geography, model) pairs a table lists that the catalog's prefixes lack",
    );
    for (m, rows) in &listed {
        let lacking: Vec<String> = geos_of(rows)
            .into_iter()
            .filter(|g| !m.prefixes.value.contains(g))
            .collect();
        if !lacking.is_empty() {
            b.rows.push(format!(
                "{}: LiteLLM lists {}; catalog prefixes [{}]",
                m.id,
                lacking.join(", "),
                m.prefixes.value.join(", ")
            ));
        }
    }
    for m in catalog.values() {
        if m.prefixes.value.is_empty()
            && alpha
                .get(m.id.as_str())
                .is_some_and(|c| c.flag("supportsCrossRegion"))
        {
            b.rows.push(format!(
                "{}: CDK alpha sets supportsCrossRegion; catalog prefixes []",
                m.id
            ));
        }
    }
    for m in catalog.values() {
        let listed_geos = seen
            .get(&m.id)
            .map(|rows| geos_of(rows))
            .unwrap_or_default();
        let unlisted: Vec<&str> = m
            .prefixes
            .value
            .iter()
            .filter(|g| !listed_geos.contains(g))
            .map(String::as_str)
            .collect();
        if !unlisted.is_empty() {
            b.info.push(format!(
                "{}: catalog prefix(es) {}, which no table lists (source: {})",
                m.id,
                unlisted.join(", "),
                m.prefixes.source.list().join(", ")
            ));
        }
    }
    b.write(&mut out);

    // (c) Output limits.
    let mut c = Section::new("(c) output limits: LiteLLM max_output_tokens unlike the catalog's");
    for (m, rows) in &listed {
        let ours = u64::from(m.max_output_tokens.value);
        let mut by_value: BTreeMap<u64, (Vec<&Sighting<'_>>, bool)> = BTreeMap::new();
        for s in rows.iter() {
            if let Some(v) = s.row.max_output_tokens {
                let entry = by_value.entry(v).or_default();
                entry.0.push(s);
                entry.1 |= s.row.max_input_tokens == Some(v);
            }
        }
        if by_value.keys().all(|v| *v == ours) {
            continue;
        }
        let theirs: Vec<String> = by_value
            .iter()
            .map(|(v, (rows, context))| {
                let note = if *context {
                    ", probably a context size"
                } else {
                    ""
                };
                format!("{v} ({}{note})", brief(&labels(rows.iter().copied()), 4))
            })
            .collect();
        c.rows.push(format!(
            "{}: catalog {ours}; LiteLLM {}",
            m.id,
            theirs.join("; ")
        ));
    }
    c.write(&mut out);

    // (d) End of life.
    let mut d =
        Section::new("(d) end of life: LiteLLM deprecation_date unlike the catalog's end_of_life");
    for (m, rows) in &listed {
        let ours = m.end_of_life.as_ref();
        let mut by_date: BTreeMap<Option<&str>, Vec<&Sighting<'_>>> = BTreeMap::new();
        for s in rows.iter() {
            by_date
                .entry(s.row.deprecation_date.as_deref())
                .or_default()
                .push(s);
        }
        let agree = match ours {
            None => by_date.keys().all(Option::is_none),
            // A date for one geography's profile: exactly its rows carry the date.
            Some(eol) if eol.only.is_some() => rows.iter().all(|s| {
                let date = s.row.deprecation_date.as_deref();
                if s.at.geo == eol.only {
                    date == Some(eol.date.as_str())
                } else {
                    date.is_none()
                }
            }),
            // A date for the model: the rows that carry a date carry this one (a row without one says nothing).
            Some(eol) => {
                by_date.keys().flatten().all(|d| *d == eol.date)
                    && by_date.keys().any(Option::is_some)
            }
        };
        if agree {
            continue;
        }
        let theirs: Vec<String> = by_date
            .iter()
            .rev()
            .map(|(date, rows)| {
                let labels = brief(&labels(rows.iter().copied()), 6);
                match date {
                    Some(date) => format!("{date} on {labels}"),
                    None => format!("no date on {labels}"),
                }
            })
            .collect();
        let ours = match ours {
            Some(eol) => {
                let mut text = eol.date.clone();
                if let Some(geo) = &eol.only {
                    let _ = write!(text, " ({geo}. only)");
                }
                if let Some(note) = &eol.note {
                    let _ = write!(text, " ({note})");
                }
                text
            }
            None => "none".to_owned(),
        };
        d.rows.push(format!(
            "{}: catalog {ours}; LiteLLM: {}",
            m.id,
            theirs.join("; ")
        ));
    }
    d.write(&mut out);

    // (e) Legacy.
    let mut e = Section::new("(e) legacy: CDK alpha `legacy: true` unlike the catalog's legacy");
    for m in catalog.values() {
        let cdk_legacy = alpha.get(m.id.as_str()).map(|c| c.flag("legacy"));
        match (cdk_legacy, &m.legacy) {
            (Some(true), None) => e
                .rows
                .push(format!("{}: CDK alpha legacy; catalog not legacy", m.id)),
            (Some(false), Some(l)) => e.info.push(format!(
                "{}: catalog legacy{}; CDK alpha lists it without `legacy`",
                m.id,
                l.date
                    .as_ref()
                    .map(|d| format!(" since {d}"))
                    .unwrap_or_default()
            )),
            _ => {}
        }
    }
    e.write(&mut out);

    // (f) Reasoning.
    let mut f =
        Section::new("(f) reasoning: LiteLLM supports_reasoning unlike the catalog's reasoning");
    for (m, rows) in &listed {
        let word = reasoning_word(&m.reasoning.value);
        let yes: Vec<&Sighting<'_>> = rows
            .iter()
            .filter(|s| s.row.supports_reasoning == Some(true))
            .collect();
        let no = rows
            .iter()
            .filter(|s| s.row.supports_reasoning == Some(false))
            .count();
        if !yes.is_empty() && word == "none" {
            f.rows.push(format!(
                "{}: catalog reasoning none; LiteLLM supports_reasoning on {} of {} rows ({})",
                m.id,
                yes.len(),
                rows.len(),
                brief(&labels(yes.iter().copied()), 4)
            ));
        } else if yes.is_empty() && !matches!(word, "none" | "unknown") {
            let what = if no > 0 {
                format!("false on {no} of {} rows", rows.len())
            } else {
                "never set".to_owned()
            };
            f.rows.push(format!(
                "{}: catalog reasoning {word}; LiteLLM supports_reasoning {what}",
                m.id
            ));
        }
    }
    f.write(&mut out);

    // (g) CDK text ids the catalog lacks.
    let mut g = Section::new("(g) CDK text model ids the catalog lacks and left_out does not list");
    let identifiers: BTreeSet<&str> = cdk
        .foundation_model_identifiers
        .iter()
        .map(String::as_str)
        .collect();
    let cdk_ids: BTreeSet<&str> = identifiers
        .iter()
        .copied()
        .chain(alpha.keys().copied())
        .collect();
    for id in cdk_ids {
        if catalog.contains_key(id) || left_out.contains_key(id) || is_obviously_not_text(id) {
            continue;
        }
        let mut from = Vec::new();
        if identifiers.contains(id) {
            from.push("FoundationModelIdentifier".to_owned());
        }
        if let Some(m) = alpha.get(id) {
            let flags: Vec<&str> = m
                .options
                .iter()
                .filter(|(_, v)| **v)
                .map(|(k, _)| k.as_str())
                .collect();
            from.push(if flags.is_empty() {
                "BedrockFoundationModel".to_owned()
            } else {
                format!("BedrockFoundationModel {{{}}}", flags.join(", "))
            });
        }
        let litellm = match seen.get(id) {
            Some(rows) if is_current(rows, today) => {
                format!("LiteLLM: current ({})", summary(rows))
            }
            Some(rows) => format!("LiteLLM: past its deprecation ({})", summary(rows)),
            None => "LiteLLM: not listed".to_owned(),
        };
        g.rows.push(format!("{id}: {}; {litellm}", from.join(", ")));
    }
    g.write(&mut out);

    // (h) CDK geographies.
    let mut h = Section::new("(h) CDK cross-region geographies that are not in GEOS");
    for geo in &cdk.cross_region_inference_profile_regions {
        if !is_geo(geo) {
            h.rows
                .push(format!("{geo} (CrossRegionInferenceProfileRegion)"));
        }
    }
    h.write(&mut out);

    // (i) Base ids of models the catalog says are invoked through a profile only.
    let base_ids = listed_base_ids(table);
    let mut i = Section::new(
        "(i) on demand: LiteLLM lists the base id of a model the catalog says needs a cross-region profile \
         (`pairs` leaves these out)",
    );
    for m in catalog.values() {
        if let Some(keys) = base_ids.get(&m.id)
            && !m.on_demand.value
        {
            i.rows.push(format!(
                "{}: catalog on_demand false (source: {}); LiteLLM keys {}",
                m.id,
                m.on_demand.source.list().join(", "),
                brief(keys, 4)
            ));
        }
    }
    i.write(&mut out);

    let _ = writeln!(out, "\n{}", cov.line());
    out
}

/// The declarations file of one profile per (geography, base id) pair the table lists for a catalog model, and
/// one per catalog model the table lists by its base id alone (on demand; models the catalog says need a
/// cross-region profile are named in a comment instead). Profiles are named `p001`, `p002`, ... in catalog id
/// order, the base id first, then the geographies in documentation order.
pub fn pairs_file(data: &Data, table: &LiteLlm) -> String {
    let seen = sightings(table);
    let base_ids = listed_base_ids(table);
    let mut models: Vec<&ModelRow> = data.models.iter().collect();
    models.sort_by(|a, b| a.id.cmp(&b.id));

    // (model id as written, LiteLLM keys) per profile.
    let mut profiles: Vec<(String, Vec<&str>)> = Vec::new();
    let mut not_on_demand: Vec<&str> = Vec::new();
    for m in &models {
        let Some(rows) = seen.get(&m.id) else {
            continue;
        };
        if let Some(keys) = base_ids.get(&m.id) {
            if m.on_demand.value {
                profiles.push((m.id.clone(), keys.clone()));
            } else {
                not_on_demand.push(&m.id);
            }
        }
        for geo in geos_of(rows) {
            let keys = rows
                .iter()
                .filter(|s| s.at.geo.as_deref() == Some(geo.as_str()))
                .map(|s| s.key)
                .collect();
            profiles.push((format!("{geo}.{}", m.id), keys));
        }
    }

    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Generated from LiteLLM {} ({})\n\
         # by `cargo xtask catalog pairs`; do not edit.\n\
         #\n\
         # One profile per (prefix, model) pair that LiteLLM lists for a model of the catalog, and one per catalog\n\
         # model that LiteLLM lists by its base id alone. profile-core/tests/catalog_pairs.rs loads this file and\n\
         # expects no error: a name that LiteLLM users send must never be refused.",
        table.version, table.file
    );
    if !not_on_demand.is_empty() {
        let _ = writeln!(
            out,
            "#\n# Not written by their base id: the catalog says these are invoked only through a cross-region profile\n\
             # (LiteLLM lists the base id anyway; `cargo xtask catalog compare` shows them under (i)):"
        );
        for id in &not_on_demand {
            let _ = writeln!(out, "#   {id}");
        }
    }
    let width = profiles.len().to_string().len().max(3);
    for (n, (model, keys)) in profiles.iter().enumerate() {
        out.push('\n');
        // The LiteLLM keys, when they are more than the model id itself.
        if keys.iter().any(|k| k != model) {
            let _ = writeln!(out, "# LiteLLM: {}", brief(keys, 3));
        }
        let _ = writeln!(out, "[profiles.p{:0width$}]\nmodel = \"{model}\"", n + 1);
    }
    out
}
