//! The pinned maintained tables: downloading them through the package registries' own clients
//! (`cargo xtask catalog fetch`), reducing them to the committed snapshots in `profile-core/catalog/sources/`, and
//! reading those snapshots back (offline) for the comparison and the tests.
//!
//! - `litellm.json`: the Bedrock chat rows of LiteLLM's `model_prices_and_context_window_backup.json` (PyPI
//!   `litellm`), with only the fields the comparison reads;
//! - `aws-cdk.json`: the model ids of `aws-cdk-lib`'s `FoundationModelIdentifier`, the `BedrockFoundationModel`s
//!   of `@aws-cdk/aws-bedrock-alpha` with their boolean options, and its `CrossRegionInferenceProfileRegion`s.

use crate::data::{self, Pins};
use regex::Regex;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The file of the LiteLLM wheel (or source archive) that holds the model table.
pub const LITELLM_FILE: &str = "litellm/model_prices_and_context_window_backup.json";
/// The file of `aws-cdk-lib` that defines `FoundationModelIdentifier`.
pub const CDK_FOUNDATION_MODEL_FILE: &str = "aws-bedrock/lib/foundation-model.js";
/// The file of `@aws-cdk/aws-bedrock-alpha` that defines the `BedrockFoundationModel`s.
pub const ALPHA_MODELS_FILE: &str = "bedrock/models.js";
/// The file of `@aws-cdk/aws-bedrock-alpha` that defines `CrossRegionInferenceProfileRegion`.
pub const ALPHA_REGIONS_FILE: &str = "bedrock/inference-profiles/cross-region-inference-profile.js";

/// The directory of the committed snapshots.
pub fn snapshots_dir() -> PathBuf {
    data::root().join("profile-core/catalog/sources")
}

/// The committed LiteLLM snapshot.
pub fn litellm_path() -> PathBuf {
    snapshots_dir().join("litellm.json")
}

/// The committed AWS CDK snapshot.
pub fn cdk_path() -> PathBuf {
    snapshots_dir().join("aws-cdk.json")
}

/// Where `fetch` downloads and extracts the packages (not committed).
pub fn download_dir() -> PathBuf {
    data::root().join("target/catalog-sources")
}

/// The LiteLLM snapshot: the Bedrock chat rows of the pinned version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LiteLlm {
    /// `litellm`.
    pub package: String,
    /// The pinned version.
    pub version: String,
    /// The file of the package the rows come from.
    pub file: String,
    /// The rows whose `litellm_provider` starts with `bedrock` and whose `mode` is `chat` or `responses`, by key.
    pub rows: BTreeMap<String, LiteLlmRow>,
}

/// One row of LiteLLM's table, reduced to the fields the comparison reads (absent fields stay absent).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LiteLlmRow {
    /// `bedrock`, `bedrock_converse` or `bedrock_mantle`.
    pub litellm_provider: String,
    /// `chat` or `responses`.
    pub mode: String,
    /// The context size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_input_tokens: Option<u64>,
    /// The output limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_output_tokens: Option<u64>,
    /// `YYYY-MM-DD`: when the row's model (or profile) reaches its end of life.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecation_date: Option<String>,
    /// Where the deprecation date comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecation_source: Option<String>,
    /// Whether the model reasons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supports_reasoning: Option<bool>,
    /// Where the row comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The AWS CDK snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cdk {
    /// The pinned `aws-cdk-lib` version.
    pub aws_cdk_lib: String,
    /// Every id of `FoundationModelIdentifier`, sorted, once each.
    pub foundation_model_identifiers: Vec<String>,
    /// The pinned `@aws-cdk/aws-bedrock-alpha` version.
    pub aws_bedrock_alpha: String,
    /// Every `BedrockFoundationModel`, sorted by id.
    pub bedrock_foundation_models: Vec<CdkModel>,
    /// The values of `CrossRegionInferenceProfileRegion`, in file order.
    pub cross_region_inference_profile_regions: Vec<String>,
}

/// One `BedrockFoundationModel` of the CDK alpha module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CdkModel {
    /// The model id.
    pub id: String,
    /// The boolean options it is constructed with (`supportsAgents`, `supportsCrossRegion`, `legacy`, ...).
    #[serde(flatten)]
    pub options: BTreeMap<String, bool>,
}

impl CdkModel {
    /// Whether option `name` is set to `true`.
    pub fn flag(&self, name: &str) -> bool {
        self.options.get(name).copied().unwrap_or(false)
    }
}

/// Reads a JSON snapshot.
fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads the LiteLLM snapshot at `path`; a row with a malformed `deprecation_date` is an error.
pub fn load_litellm(path: &Path) -> Result<LiteLlm, String> {
    let table: LiteLlm = read_json(path)?;
    for (key, row) in &table.rows {
        if let Some(date) = &row.deprecation_date
            && !data::is_date(date)
        {
            return Err(format!(
                "{}: rows.{key}.deprecation_date: `{date}` is not YYYY-MM-DD",
                path.display()
            ));
        }
    }
    Ok(table)
}

/// Reads the AWS CDK snapshot at `path`.
pub fn load_cdk(path: &Path) -> Result<Cdk, String> {
    read_json(path)
}

/// Only the `pins` table of the data file, so that `fetch` works while the rest of the file is being written.
#[derive(Deserialize)]
struct PinsOnly {
    pins: Pins,
}

/// Reads the pinned versions from the data file at `path` (the other tables are not read).
pub fn read_pins(path: &Path) -> Result<Pins, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let pins: PinsOnly = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(pins.pins)
}

/// `cargo xtask catalog fetch`: downloads the pinned versions into `target/catalog-sources/` and rewrites both
/// snapshots.
pub fn fetch_command(args: &[&str]) -> Result<(), String> {
    if let Some(arg) = args.first() {
        return Err(format!("fetch takes no arguments, found `{arg}`"));
    }
    let pins = read_pins(&data::data_path())?;
    let dir = download_dir();
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;

    let litellm_text = fetch_litellm(&pins.litellm, &dir)?;
    let litellm = reduce_litellm(&pins.litellm, &litellm_text, LITELLM_FILE)?;

    let cdk_root = fetch_npm(
        "aws-cdk-lib",
        &pins.aws_cdk_lib,
        &[CDK_FOUNDATION_MODEL_FILE],
        &dir,
    )?;
    let alpha_root = fetch_npm(
        "@aws-cdk/aws-bedrock-alpha",
        &pins.aws_bedrock_alpha,
        &[ALPHA_MODELS_FILE, ALPHA_REGIONS_FILE],
        &dir,
    )?;
    let read = |root: &Path, file: &str| {
        let path = root.join(file);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let cdk = Cdk {
        aws_cdk_lib: pins.aws_cdk_lib.clone(),
        foundation_model_identifiers: foundation_model_identifiers(
            &read(&cdk_root, CDK_FOUNDATION_MODEL_FILE)?,
            CDK_FOUNDATION_MODEL_FILE,
        )?,
        aws_bedrock_alpha: pins.aws_bedrock_alpha.clone(),
        bedrock_foundation_models: bedrock_foundation_models(
            &read(&alpha_root, ALPHA_MODELS_FILE)?,
            ALPHA_MODELS_FILE,
        )?,
        cross_region_inference_profile_regions: cross_region_regions(
            &read(&alpha_root, ALPHA_REGIONS_FILE)?,
            ALPHA_REGIONS_FILE,
        )?,
    };

    let out = snapshots_dir();
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    write_json(&litellm_path(), &litellm)?;
    println!(
        "wrote {} (LiteLLM {}: {} Bedrock chat rows)",
        litellm_path().display(),
        litellm.version,
        litellm.rows.len()
    );
    write_json(&cdk_path(), &cdk)?;
    println!(
        "wrote {} (aws-cdk-lib {}: {} FoundationModelIdentifier ids; @aws-cdk/aws-bedrock-alpha {}: {} \
         BedrockFoundationModels, {} cross-region geographies)",
        cdk_path().display(),
        cdk.aws_cdk_lib,
        cdk.foundation_model_identifiers.len(),
        cdk.aws_bedrock_alpha,
        cdk.bedrock_foundation_models.len(),
        cdk.cross_region_inference_profile_regions.len()
    );
    Ok(())
}

/// Writes `value` as pretty-printed JSON with a final line break.
fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<(), String> {
    let mut text =
        serde_json::to_string_pretty(value).map_err(|e| format!("{}: {e}", path.display()))?;
    text.push('\n');
    crate::write_whole(path, &text)
}

/// Runs a command, failing with its standard error when it fails; returns its standard output.
fn run(program: &str, args: &[&str]) -> Result<String, String> {
    let shown = format!("{program} {}", args.join(" "));
    let out = Command::new(program)
        .args(args)
        .output()
        .map_err(|e| format!("`{shown}`: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "`{shown}` failed ({}):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim_end()
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("`{shown}`: {e}"))
}

/// A fresh (emptied) directory.
fn fresh_dir(path: &Path) -> Result<(), String> {
    if path.exists() {
        std::fs::remove_dir_all(path).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    std::fs::create_dir_all(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn path_str(path: &Path) -> Result<&str, String> {
    path.to_str()
        .ok_or_else(|| format!("{}: the path is not UTF-8", path.display()))
}

/// Downloads `litellm==version` with pip and returns the text of [`LITELLM_FILE`].
fn fetch_litellm(version: &str, dir: &Path) -> Result<String, String> {
    let spec = format!("litellm=={version}");
    let dir_s = path_str(dir)?;
    println!("pip download --no-deps -d {dir_s} {spec}");
    run(
        "pip",
        &["download", "--no-deps", "--quiet", "-d", dir_s, &spec],
    )?;
    // pip names the file `litellm-<version>-<tags>.whl` (or `litellm-<version>.tar.gz` without a wheel).
    let prefix = format!("litellm-{version}");
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with(&format!("{prefix}-")) && name.ends_with(".whl")
                || name == format!("{prefix}.tar.gz")
        })
        .collect();
    // A wheel first, when both are there.
    found.sort_by_key(|p| p.extension().is_none_or(|e| e != "whl"));
    let archive = found.first().ok_or_else(|| {
        format!(
            "{}: pip downloaded no {prefix} wheel or archive",
            dir.display()
        )
    })?;
    let into = dir.join(format!("{prefix}-extracted"));
    fresh_dir(&into)?;
    let (archive_s, into_s) = (path_str(archive)?, path_str(&into)?);
    let file = if archive_s.ends_with(".whl") {
        run(
            "unzip",
            &["-o", "-q", archive_s, LITELLM_FILE, "-d", into_s],
        )?;
        into.join(LITELLM_FILE)
    } else {
        let inner = format!("{prefix}/{LITELLM_FILE}");
        run("tar", &["-xzf", archive_s, "-C", into_s, &inner])?;
        into.join(inner)
    };
    std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))
}

/// Downloads `package@version` with `npm pack` and extracts `files` (paths inside the package); returns the
/// directory the package's files are under.
fn fetch_npm(package: &str, version: &str, files: &[&str], dir: &Path) -> Result<PathBuf, String> {
    let spec = format!("{package}@{version}");
    let dir_s = path_str(dir)?;
    println!("npm pack {spec} --pack-destination {dir_s}");
    let stdout = run(
        "npm",
        &["pack", &spec, "--json", "--pack-destination", dir_s],
    )?;
    let packed: Value =
        serde_json::from_str(&stdout).map_err(|e| format!("`npm pack {spec} --json`: {e}"))?;
    let filename = packed
        .get(0)
        .and_then(|p| p.get("filename"))
        .and_then(Value::as_str)
        .ok_or_else(|| format!("`npm pack {spec} --json` names no file: {stdout}"))?;
    // npm writes a scoped package as `aws-cdk-aws-bedrock-alpha-<version>.tgz` but may report `@aws-cdk/...`.
    let filename = filename.trim_start_matches('@').replace('/', "-");
    let archive = dir.join(&filename);
    let into = dir.join(format!("{}-extracted", filename.trim_end_matches(".tgz")));
    fresh_dir(&into)?;
    let mut args = vec![
        "-xzf".to_owned(),
        path_str(&archive)?.to_owned(),
        "-C".to_owned(),
        path_str(&into)?.to_owned(),
    ];
    args.extend(files.iter().map(|f| format!("package/{f}")));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run("tar", &args)?;
    Ok(into.join("package"))
}

/// A whole number of tokens (LiteLLM writes them as JSON integers; an integral float is accepted too).
fn tokens(value: &Value) -> Option<u64> {
    value.as_u64().or_else(|| {
        value
            .as_f64()
            .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= u64::MAX as f64)
            .map(|f| f as u64)
    })
}

/// Reduces LiteLLM's whole table (`text`, the JSON of `file`) to the Bedrock chat rows and the fields the
/// comparison reads. A kept row with a field of the wrong type is an error naming the row and the field.
pub fn reduce_litellm(version: &str, text: &str, file: &str) -> Result<LiteLlm, String> {
    let table: Map<String, Value> =
        serde_json::from_str(text).map_err(|e| format!("{file}: {e}"))?;
    let mut rows = BTreeMap::new();
    for (key, value) in &table {
        let Some(row) = value.as_object() else {
            continue;
        };
        let provider = row.get("litellm_provider").and_then(Value::as_str);
        let mode = row.get("mode").and_then(Value::as_str);
        let (Some(provider), Some(mode)) = (provider, mode) else {
            continue;
        };
        if !provider.starts_with("bedrock") || !matches!(mode, "chat" | "responses") {
            continue;
        }
        let bad =
            |field: &str, expected: &str| format!("{file}: {key}.{field}: expected {expected}");
        let text_field = |field: &str| -> Result<Option<String>, String> {
            match row.get(field) {
                None | Some(Value::Null) => Ok(None),
                Some(v) => v
                    .as_str()
                    .map(|s| Some(s.to_owned()))
                    .ok_or_else(|| bad(field, "a string")),
            }
        };
        let token_field = |field: &str| -> Result<Option<u64>, String> {
            match row.get(field) {
                None | Some(Value::Null) => Ok(None),
                Some(v) => tokens(v)
                    .map(Some)
                    .ok_or_else(|| bad(field, "a whole number")),
            }
        };
        let deprecation_date = text_field("deprecation_date")?;
        if let Some(date) = &deprecation_date
            && !data::is_date(date)
        {
            return Err(bad("deprecation_date", "YYYY-MM-DD"));
        }
        let supports_reasoning = match row.get("supports_reasoning") {
            None | Some(Value::Null) => None,
            Some(v) => Some(
                v.as_bool()
                    .ok_or_else(|| bad("supports_reasoning", "true or false"))?,
            ),
        };
        rows.insert(
            key.clone(),
            LiteLlmRow {
                litellm_provider: provider.to_owned(),
                mode: mode.to_owned(),
                max_input_tokens: token_field("max_input_tokens")?,
                max_output_tokens: token_field("max_output_tokens")?,
                deprecation_date,
                deprecation_source: text_field("deprecation_source")?,
                supports_reasoning,
                source: text_field("source")?,
            },
        );
    }
    if rows.is_empty() {
        return Err(format!("{file}: no Bedrock chat rows"));
    }
    Ok(LiteLlm {
        package: "litellm".to_owned(),
        version: version.to_owned(),
        file: file.to_owned(),
        rows,
    })
}

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("the patterns of this module are valid")
}

/// The ids of `static X=new FoundationModelIdentifier("id")` in `aws-cdk-lib`'s (minified) `file`, sorted, once
/// each.
pub fn foundation_model_identifiers(text: &str, file: &str) -> Result<Vec<String>, String> {
    let re = regex(
        r#"static\s+[A-Za-z0-9_$]+\s*=\s*new\s+FoundationModelIdentifier\(\s*["']([^"']+)["']\s*\)"#,
    );
    let mut ids: Vec<String> = re.captures_iter(text).map(|c| c[1].to_owned()).collect();
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        return Err(format!(
            "{file}: no `static X=new FoundationModelIdentifier(\"id\")`"
        ));
    }
    Ok(ids)
}

/// The text from an opening bracket at `open` to its matching closing one (exclusive of both), skipping string
/// literals; `None` when it is not closed.
fn bracketed(text: &str, open: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut i = open;
    while i < bytes.len() {
        let c = bytes[i];
        match quote {
            Some(q) => {
                if c == b'\\' {
                    i += 1;
                } else if c == q {
                    quote = None;
                }
            }
            None => match c {
                b'"' | b'\'' | b'`' => quote = Some(c),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(&text[open + 1..i]);
                    }
                }
                _ => {}
            },
        }
        i += 1;
    }
    None
}

/// Every `static X = new BedrockFoundationModel('id', { option: true, ... })` of the CDK alpha module's `file`:
/// the id and the options set to `true` or `false` (other options, such as vector dimensions, are left out),
/// sorted by id; a model declared twice keeps the options of both.
pub fn bedrock_foundation_models(text: &str, file: &str) -> Result<Vec<CdkModel>, String> {
    let start = regex(r"static\s+[A-Za-z0-9_$]+\s*=\s*new\s+BedrockFoundationModel\s*\(");
    let id = regex(r#"^\s*["']([^"']+)["']"#);
    let option = regex(r"([A-Za-z_$][A-Za-z0-9_$]*)\s*:\s*(true|false)\b");
    let mut models: BTreeMap<String, BTreeMap<String, bool>> = BTreeMap::new();
    for m in start.find_iter(text) {
        let at = |what: &str| {
            let line = text[..m.start()].matches('\n').count() + 1;
            format!("{file}:{line}: {what}")
        };
        let args = bracketed(text, m.end() - 1)
            .ok_or_else(|| at("unclosed `new BedrockFoundationModel(`"))?;
        let id = id
            .captures(args)
            .ok_or_else(|| at("`new BedrockFoundationModel(` without a string id"))?;
        let options = models.entry(id[1].to_owned()).or_default();
        for o in option.captures_iter(&args[id[0].len()..]) {
            options.insert(o[1].to_owned(), &o[2] == "true");
        }
    }
    if models.is_empty() {
        return Err(format!(
            "{file}: no `static X = new BedrockFoundationModel('id', ...)`"
        ));
    }
    Ok(models
        .into_iter()
        .map(|(id, options)| CdkModel { id, options })
        .collect())
}

/// The values of `CrossRegionInferenceProfileRegion["X"] = "y"` in the CDK alpha module's `file`, in file order,
/// once each.
pub fn cross_region_regions(text: &str, file: &str) -> Result<Vec<String>, String> {
    let re = regex(
        r#"CrossRegionInferenceProfileRegion\[\s*["'][A-Za-z0-9_]+["']\s*\]\s*=\s*["']([^"']+)["']"#,
    );
    let mut out: Vec<String> = Vec::new();
    for c in re.captures_iter(text) {
        if !out.iter().any(|g| g == &c[1]) {
            out.push(c[1].to_owned());
        }
    }
    if out.is_empty() {
        return Err(format!(
            "{file}: no `CrossRegionInferenceProfileRegion[\"X\"] = \"y\"`"
        ));
    }
    Ok(out)
}
