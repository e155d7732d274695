//! `cargo xtask catalog compare`: every disagreement between the data file and the pinned maintained tables (the
//! committed snapshots of [`crate::sources`], read through [`crate::litellm`]), grouped, for a human to decide row
//! by row.

use crate::brief;
use crate::data::{self, Data, ModelRow, Reasoning};
use crate::litellm::{
    NotRuntime, Sighting, coverage, geos_of, is_current, is_geo, listed_base_ids, not_runtime,
    sightings,
};
use crate::sources::{self, Cdk, LiteLlm};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

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
        if !data::is_date(value) {
            return Err(format!("--today: `{value}` is not YYYY-MM-DD"));
        }
        today = Some(value.to_owned());
    }
    Ok(today.unwrap_or_else(utc_today))
}

/// Today's date in UTC, from the system clock.
pub fn utc_today() -> String {
    time::OffsetDateTime::now_utc().date().to_string()
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
