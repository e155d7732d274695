//! Reading `bedrock-catalog.toml`: `toml`'s spanned tables, walked by hand (no serde), every key checked.

use super::write::key as quoted_key;
use super::{
    AccountCatalog, AccountCatalogError, AccountModel, AccountProfile, FORMAT, Lifecycle,
    RegionalModel, valid_date,
};
use std::collections::BTreeMap;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

type Value<'i> = Spanned<DeValue<'i>>;
type Result<T> = std::result::Result<T, AccountCatalogError>;

const ROOT_KEYS: &[&str] = &["format", "regions", "models", "profiles"];
const MODEL_KEYS: &[&str] = &["provider", "name", "max_output_tokens", "regions"];
const REGIONAL_KEYS: &[&str] = &[
    "status",
    "inference_types",
    "legacy",
    "end_of_life",
    "extended_access",
];
const PROFILE_KEYS: &[&str] = &["models", "listed_in", "routes_to"];

pub(super) fn parse(source: &str) -> Result<AccountCatalog> {
    let root = DeTable::parse(source).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        error(source, at, &Path::root(), syntax_message(e.message()))
    })?;
    let cx = Cx { source };
    let path = Path::root();
    // The format first: a later format may have other keys.
    let table = Fields::of(root.get_ref());
    let Some((format_at, format)) = table.get("format") else {
        return Err(cx.error(
            0,
            &path.key("format"),
            format!("missing key `format`: this version reads and writes `format = {FORMAT}`"),
        ));
    };
    let format_path = path.key("format");
    match format.get_ref() {
        DeValue::Integer(i) if integer(i) == Some(i128::from(FORMAT)) => {}
        DeValue::Integer(_) => {
            return Err(cx.error(
                format.span().start,
                &format_path,
                format!(
                    "`format` {} is not supported: this version reads `format = {FORMAT}`",
                    cx.written(format.span())
                ),
            ));
        }
        _ => return Err(cx.wrong_type(format_at, format, &format_path, "an integer")),
    }
    cx.known_keys(&table, &path, ROOT_KEYS, "the top level")?;

    let regions = match table.get("regions") {
        Some((_, v)) => {
            let regions = cx.strings(v, &path.key("regions"), "regions")?;
            for (name, at) in &regions {
                cx.region_name(name, *at, &path.key("regions"), "regions")?;
            }
            regions.into_iter().map(|(name, _)| name).collect()
        }
        None => Vec::new(),
    };

    let mut catalog = AccountCatalog {
        regions,
        ..AccountCatalog::default()
    };
    if let Some((at, models)) = table.get("models") {
        let path = path.key("models");
        for (id, id_at, value) in cx.entries(at, models, &path)? {
            let path = path.key(id);
            let model = cx.model(&catalog.regions, id_at, value, &path)?;
            catalog.models.insert(id.to_owned(), model);
        }
    }
    if let Some((at, profiles)) = table.get("profiles") {
        let path = path.key("profiles");
        for (id, id_at, value) in cx.entries(at, profiles, &path)? {
            let path = path.key(id);
            let profile = cx.profile(&catalog.regions, id_at, value, &path)?;
            catalog.profiles.insert(id.to_owned(), profile);
        }
    }
    Ok(catalog)
}

/// A dotted key path, each key quoted as TOML needs.
#[derive(Clone)]
struct Path(String);

impl Path {
    fn root() -> Path {
        Path(String::new())
    }

    fn key(&self, key: &str) -> Path {
        let key = quoted_key(key);
        if self.0.is_empty() {
            Path(key.into_owned())
        } else {
            Path(format!("{}.{key}", self.0))
        }
    }
}

/// A table's entries in the order they are written, looked up by key.
struct Fields<'a, 'i> {
    entries: Vec<(&'a str, usize, &'a Value<'i>)>,
}

impl<'a, 'i> Fields<'a, 'i> {
    fn of(table: &'a DeTable<'i>) -> Fields<'a, 'i> {
        let mut entries: Vec<(&'a str, usize, &'a Value<'i>)> = table
            .iter()
            .map(|(k, v)| (k.get_ref().as_ref(), k.span().start, v))
            .collect();
        // Document order, whatever order the map keeps (sorted, or as written with `files`).
        entries.sort_by_key(|&(_, at, _)| at);
        Fields { entries }
    }

    /// The value of `key` and where its key is written.
    fn get(&self, key: &str) -> Option<(usize, &'a Value<'i>)> {
        self.entries
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|&(_, at, v)| (at, v))
    }
}

struct Cx<'s> {
    source: &'s str,
}

impl Cx<'_> {
    fn error(&self, at: usize, path: &Path, message: impl Into<String>) -> AccountCatalogError {
        error(self.source, at, path, message.into())
    }

    fn written(&self, span: Range<usize>) -> &str {
        self.source.get(span).unwrap_or("")
    }

    fn wrong_type(
        &self,
        key_at: usize,
        value: &Value<'_>,
        path: &Path,
        expected: &str,
    ) -> AccountCatalogError {
        let at = if value.span().is_empty() {
            key_at
        } else {
            value.span().start
        };
        let name = path.0.rsplit('.').next().unwrap_or("");
        self.error(
            at,
            path,
            format!(
                "`{name}` must be {expected}, found {}",
                kind(value.get_ref())
            ),
        )
    }

    /// The entries of a table with known keys, each key checked against `allowed`.
    fn fields<'a, 'i>(
        &self,
        table: &'a DeTable<'i>,
        path: &Path,
        allowed: &[&str],
        what: &str,
    ) -> Result<Fields<'a, 'i>> {
        let fields = Fields::of(table);
        self.known_keys(&fields, path, allowed, what)?;
        Ok(fields)
    }

    fn known_keys(
        &self,
        fields: &Fields<'_, '_>,
        path: &Path,
        allowed: &[&str],
        what: &str,
    ) -> Result<()> {
        for &(key, at, _) in &fields.entries {
            if !allowed.contains(&key) {
                let expected = allowed
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let hint = allowed
                    .iter()
                    .find(|k| strsim::jaro_winkler(k, key) > 0.8)
                    .map(|k| format!("did you mean `{k}`? "))
                    .unwrap_or_default();
                return Err(self.error(
                    at,
                    &path.key(key),
                    format!("unknown key `{key}` in {what}; {hint}the keys are {expected}"),
                ));
            }
        }
        Ok(())
    }

    /// The entries of a table keyed by id (`models`, `profiles`, a model's `regions`), each value a table.
    fn entries<'a, 'i>(
        &self,
        key_at: usize,
        value: &'a Value<'i>,
        path: &Path,
    ) -> Result<Vec<(&'a str, usize, &'a Value<'i>)>> {
        let DeValue::Table(table) = value.get_ref() else {
            return Err(self.wrong_type(key_at, value, path, "a table"));
        };
        let mut entries: Vec<_> = table
            .iter()
            .map(|(k, v)| (k.get_ref().as_ref(), k.span().start, v))
            .collect();
        entries.sort_by_key(|&(_, at, _)| at);
        for &(id, at, v) in &entries {
            if id.is_empty() {
                return Err(self.error(at, &path.key(id), "an empty key names nothing"));
            }
            if !matches!(v.get_ref(), DeValue::Table(_)) {
                return Err(self.wrong_type(at, v, &path.key(id), "a table"));
            }
        }
        Ok(entries)
    }

    fn model(
        &self,
        regions: &[String],
        at: usize,
        value: &Value<'_>,
        path: &Path,
    ) -> Result<AccountModel> {
        let DeValue::Table(table) = value.get_ref() else {
            return Err(self.wrong_type(at, value, path, "a table"));
        };
        let fields = self.fields(table, path, MODEL_KEYS, "a model")?;
        let provider = self.required_string(&fields, at, path, "provider")?;
        let name = self.required_string(&fields, at, path, "name")?;
        let max_output_tokens = match fields.get("max_output_tokens") {
            None => None,
            Some((key_at, v)) => {
                let path = path.key("max_output_tokens");
                let DeValue::Integer(i) = v.get_ref() else {
                    return Err(self.wrong_type(key_at, v, &path, "an integer"));
                };
                match integer(i).and_then(|n| u32::try_from(n).ok()) {
                    Some(n) if n > 0 => Some(n),
                    _ => {
                        return Err(self.error(
                            v.span().start,
                            &path,
                            format!(
                                "`max_output_tokens` must be within 1..={}, found {}",
                                u32::MAX,
                                self.written(v.span())
                            ),
                        ));
                    }
                }
            }
        };
        let mut by_region = BTreeMap::new();
        if let Some((key_at, v)) = fields.get("regions") {
            let path = path.key("regions");
            for (region, region_at, v) in self.entries(key_at, v, &path)? {
                let path = path.key(region);
                self.synced(regions, region, region_at, &path)?;
                by_region.insert(region.to_owned(), self.regional(region_at, v, &path)?);
            }
        }
        Ok(AccountModel {
            provider,
            name,
            max_output_tokens,
            regions: by_region,
        })
    }

    fn regional(&self, at: usize, value: &Value<'_>, path: &Path) -> Result<RegionalModel> {
        let DeValue::Table(table) = value.get_ref() else {
            return Err(self.wrong_type(at, value, path, "a table"));
        };
        let fields = self.fields(table, path, REGIONAL_KEYS, "a model's region")?;
        let status_text = self.required_string(&fields, at, path, "status")?;
        let Some(status) = Lifecycle::from_aws(&status_text) else {
            let (_, v) = fields.get("status").unwrap_or((at, value));
            return Err(self.error(
                v.span().start,
                &path.key("status"),
                format!("`status` must be `ACTIVE` or `LEGACY`, found `{status_text}`"),
            ));
        };
        let inference_types = match fields.get("inference_types") {
            Some((_, v)) => {
                let path = path.key("inference_types");
                self.strings(v, &path, "inference_types")?
                    .into_iter()
                    .map(|(t, _)| t)
                    .collect()
            }
            None => {
                return Err(self.error(
                    at,
                    &path.key("inference_types"),
                    "missing key `inference_types` (`inferenceTypesSupported`, `[]` when AWS lists none)",
                ));
            }
        };
        Ok(RegionalModel {
            status,
            inference_types,
            legacy: self.date(&fields, path, "legacy")?,
            end_of_life: self.date(&fields, path, "end_of_life")?,
            extended_access: self.date(&fields, path, "extended_access")?,
        })
    }

    fn profile(
        &self,
        regions: &[String],
        at: usize,
        value: &Value<'_>,
        path: &Path,
    ) -> Result<AccountProfile> {
        let DeValue::Table(table) = value.get_ref() else {
            return Err(self.wrong_type(at, value, path, "a table"));
        };
        let fields = self.fields(table, path, PROFILE_KEYS, "a profile")?;
        let list = |key: &str| -> Result<Vec<(String, usize)>> {
            match fields.get(key) {
                Some((_, v)) => self.strings(v, &path.key(key), key),
                None => Err(self.error(at, &path.key(key), format!("missing key `{key}`"))),
            }
        };
        let models = list("models")?;
        for (id, at) in &models {
            if id.is_empty() {
                return Err(self.error(
                    *at,
                    &path.key("models"),
                    "an empty model id names nothing",
                ));
            }
        }
        let listed_in = list("listed_in")?;
        for (region, at) in &listed_in {
            self.synced(regions, region, *at, &path.key("listed_in"))?;
        }
        let routes_to = list("routes_to")?;
        for (region, at) in &routes_to {
            self.region_name(region, *at, &path.key("routes_to"), "routes_to")?;
        }
        let names = |list: Vec<(String, usize)>| list.into_iter().map(|(s, _)| s).collect();
        Ok(AccountProfile {
            models: names(models),
            listed_in: names(listed_in),
            routes_to: names(routes_to),
        })
    }

    fn required_string(
        &self,
        fields: &Fields<'_, '_>,
        at: usize,
        path: &Path,
        key: &str,
    ) -> Result<String> {
        let Some((key_at, v)) = fields.get(key) else {
            return Err(self.error(at, &path.key(key), format!("missing key `{key}`")));
        };
        match v.get_ref() {
            DeValue::String(s) => Ok(s.to_string()),
            _ => Err(self.wrong_type(key_at, v, &path.key(key), "a string")),
        }
    }

    /// An array of strings, sorted, each with where it is written; a repeated entry is an error.
    fn strings(&self, value: &Value<'_>, path: &Path, name: &str) -> Result<Vec<(String, usize)>> {
        let DeValue::Array(items) = value.get_ref() else {
            return Err(self.wrong_type(value.span().start, value, path, "an array of strings"));
        };
        let mut out: Vec<(String, usize)> = Vec::with_capacity(items.len());
        for item in items.iter() {
            let DeValue::String(s) = item.get_ref() else {
                return Err(self.error(
                    item.span().start,
                    path,
                    format!("`{name}` must hold strings, found {}", kind(item.get_ref())),
                ));
            };
            if out.iter().any(|(seen, _)| seen == s.as_ref()) {
                return Err(self.error(
                    item.span().start,
                    path,
                    format!("`{name}` lists `{s}` twice"),
                ));
            }
            out.push((s.to_string(), item.span().start));
        }
        out.sort();
        Ok(out)
    }

    fn region_name(&self, name: &str, at: usize, path: &Path, key: &str) -> Result<()> {
        let ok = name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if ok {
            Ok(())
        } else {
            Err(self.error(
                at,
                path,
                format!("`{key}` holds `{name}`, which is no region name like `us-east-1`"),
            ))
        }
    }

    fn synced(&self, regions: &[String], region: &str, at: usize, path: &Path) -> Result<()> {
        if regions.iter().any(|r| r == region) {
            return Ok(());
        }
        let synced = if regions.is_empty() {
            "`regions` is empty".to_owned()
        } else {
            format!("`regions` is {}", regions.join(", "))
        };
        Err(self.error(
            at,
            path,
            format!("region `{region}` is not a synced region: {synced}"),
        ))
    }

    fn date(&self, fields: &Fields<'_, '_>, path: &Path, key: &str) -> Result<Option<String>> {
        let Some((key_at, v)) = fields.get(key) else {
            return Ok(None);
        };
        let path = path.key(key);
        let DeValue::Datetime(d) = v.get_ref() else {
            return Err(self.wrong_type(key_at, v, &path, "a date like 2026-07-15 (unquoted)"));
        };
        match (d.date, d.time, d.offset) {
            (Some(date), None, None) => {
                let (y, m, day) = (
                    u32::from(date.year),
                    u32::from(date.month),
                    u32::from(date.day),
                );
                if valid_date(y, m, day) {
                    Ok(Some(format!("{y:04}-{m:02}-{day:02}")))
                } else {
                    Err(self.error(
                        v.span().start,
                        &path,
                        format!(
                            "`{key}` {} is not a day of the calendar",
                            self.written(v.span())
                        ),
                    ))
                }
            }
            _ => Err(self.error(
                v.span().start,
                &path,
                format!(
                    "`{key}` must be a date like 2026-07-15 (UTC, no time), found {}",
                    self.written(v.span())
                ),
            )),
        }
    }
}

fn error(source: &str, at: usize, path: &Path, message: String) -> AccountCatalogError {
    let (line, column) = line_column(source, at);
    AccountCatalogError {
        line,
        column,
        key: path.0.clone(),
        message,
    }
}

/// The line and column (from 1, in characters) of a byte offset.
fn line_column(source: &str, at: usize) -> (usize, usize) {
    let (mut line, mut column) = (1, 1);
    for (i, c) in source.char_indices() {
        if i >= at {
            break;
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line, column)
}

fn integer(i: &toml::de::DeInteger<'_>) -> Option<i128> {
    i128::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok()
}

fn kind(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(d) if d.time.is_none() => "a date",
        DeValue::Datetime(d) if d.date.is_none() => "a time",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// toml's message, trimmed, lowercase first as the crate's messages are.
fn syntax_message(message: &str) -> String {
    let message = message.trim_end();
    let mut chars = message.chars();
    match chars.next() {
        Some(first) if !message.starts_with("TOML") => first.to_lowercase().chain(chars).collect(),
        _ => message.to_owned(),
    }
}
