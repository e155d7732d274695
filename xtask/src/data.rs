//! The catalog data file (`profile-core/catalog/models.toml`): its schema, and the checks that make every figure
//! traceable (each names a source the file declares) and every value one the rulebook can hold.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The workspace root (this crate lives in `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

/// The data file.
pub fn data_path() -> PathBuf {
    root().join("profile-core/catalog/models.toml")
}

/// The generated Rust module.
pub fn generated_path() -> PathBuf {
    root().join("profile-core/src/models/generated.rs")
}

/// The whole data file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Data {
    /// The versions of the maintained tables the data was last compared with.
    pub pins: Pins,
    /// Every source a fact may name, by key.
    pub sources: BTreeMap<String, Source>,
    /// Limits shared by a provider's models (its request-body page).
    pub families: BTreeMap<String, Family>,
    /// The models, in catalog order.
    #[serde(rename = "model")]
    pub models: Vec<ModelRow>,
    /// Current chat models of the pinned tables that the catalog leaves out, with the reason.
    #[serde(rename = "left_out", default)]
    pub left_out: Vec<LeftOut>,
}

/// The pinned versions of the maintained tables (`cargo xtask catalog fetch` downloads exactly these).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pins {
    /// PyPI `litellm`: `litellm/model_prices_and_context_window_backup.json`.
    pub litellm: String,
    /// npm `aws-cdk-lib`: `aws-bedrock` `FoundationModelIdentifier`.
    pub aws_cdk_lib: String,
    /// npm `@aws-cdk/aws-bedrock-alpha`: `BedrockFoundationModel`, `CrossRegionInferenceProfileRegion`.
    pub aws_bedrock_alpha: String,
}

/// How much a source weighs (highest first); a figure comes from the highest-ranked source that states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rank {
    /// AWS service models (botocore, the SDKs).
    ServiceModel,
    /// AWS model cards and the Bedrock user guide.
    AwsDocs,
    /// The provider's own Bedrock documentation.
    ProviderDocs,
    /// Maintained tables: LiteLLM, the AWS CDK, models.dev.
    Table,
    /// Blogs, issue threads, public catalogs of probes.
    Report,
}

/// A public source.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Its weight.
    pub rank: Rank,
    /// Its public title, as users read it (errors, warnings, rustdoc, `bedrock-profiles models`).
    pub title: String,
}

/// One key or several.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Keys {
    /// One source.
    One(String),
    /// Several sources.
    Many(Vec<String>),
}

impl Keys {
    /// The keys.
    pub fn list(&self) -> Vec<&str> {
        match self {
            Keys::One(k) => vec![k.as_str()],
            Keys::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// A value with its source(s), and a note when sources disagree.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact<T> {
    /// The value the rulebook uses.
    pub value: T,
    /// Where it comes from.
    pub source: Keys,
    /// Set when sources disagree or only a weak one states it: what each says (the value above is the one that
    /// rejects least).
    #[serde(default)]
    pub unverified: Option<String>,
}

/// Top-k support: a range, or none.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum TopK {
    /// `[min, max]`.
    Range([u32; 2]),
    /// `"unsupported"`.
    Word(String),
}

/// Limits shared by a provider's models.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    /// The `Provider` variant: `Anthropic`, `AmazonNova`, ...
    pub provider: String,
    /// Top-k.
    pub top_k: Fact<TopK>,
    /// The smallest temperature.
    pub min_temperature: Fact<f32>,
    /// At most this many stop sequences (absent: the API surface's limit).
    #[serde(default)]
    pub max_stop_sequences: Option<Fact<u32>>,
}

/// A Claude model's thinking.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claude {
    /// `supported`, `deprecated` or `unsupported` (`budget_tokens`).
    pub budget: String,
    /// Interleaved thinking.
    #[serde(default)]
    pub interleaved: bool,
    /// Adaptive thinking.
    #[serde(default)]
    pub adaptive: bool,
    /// `none`, `to-high`, `no-xhigh` or `all`.
    pub efforts: String,
    /// When set, thinking cannot be turned off; the text is the alternative the message names.
    #[serde(default)]
    pub always_on: Option<String>,
    /// `thinking: "between_tools"`.
    #[serde(default)]
    pub between_tools: bool,
}

/// A reasoning mode.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Reasoning {
    /// `none`, `always-on`, `nova`, `openai`, `unknown`.
    Word(String),
    /// Claude's thinking.
    Claude(Claude),
}

/// A sampling policy.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Sampling {
    /// `free`, or `defaults-only` (no top_p).
    Word(String),
    /// Defaults only, with the `top_p` range the card states.
    DefaultsOnly {
        /// `[min, max]`.
        top_p: [f32; 2],
    },
}

/// A date with its source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dated {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Where it comes from.
    pub source: Keys,
    /// What the date is, when not plain (`the exact date is not known`).
    #[serde(default)]
    pub note: Option<String>,
    /// The date concerns only this geography's cross-region profile (`eu`).
    #[serde(default)]
    pub only: Option<String>,
}

/// The legacy state.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegacyRow {
    /// `YYYY-MM-DD`, when a source gives it.
    #[serde(default)]
    pub date: Option<String>,
    /// Where it comes from.
    pub source: Keys,
}

/// One model.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelRow {
    /// The Rust const's name in `models::`.
    #[serde(rename = "const")]
    pub konst: String,
    /// The base model id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The family whose limits apply.
    pub family: String,
    /// Extra rustdoc prose.
    #[serde(default)]
    pub doc: Option<String>,
    /// The largest `max_tokens`.
    pub max_output_tokens: Fact<u32>,
    /// Invocable by its base id (else only through a cross-region profile).
    pub on_demand: Fact<bool>,
    /// Usable as an agent's foundation model.
    pub agents: Fact<bool>,
    /// Cross-region prefixes the sources list (empty: in-region only).
    pub prefixes: Fact<Vec<String>>,
    /// The reasoning mode.
    pub reasoning: Fact<Reasoning>,
    /// The sampling policy (default: free).
    #[serde(default)]
    pub sampling: Option<Fact<Sampling>>,
    /// `temperature` and `top_p` may not both be set.
    #[serde(default)]
    pub exclusive_temperature_top_p: Option<Fact<bool>>,
    /// Overrides the family's top-k.
    #[serde(default)]
    pub top_k: Option<Fact<TopK>>,
    /// Overrides the family's smallest temperature.
    #[serde(default)]
    pub min_temperature: Option<Fact<f32>>,
    /// Overrides the family's stop-sequence limit.
    #[serde(default)]
    pub max_stop_sequences: Option<Fact<u32>>,
    /// AWS lists the model as legacy (since the date, when known).
    #[serde(default)]
    pub legacy: Option<LegacyRow>,
    /// End of life on Bedrock.
    #[serde(default)]
    pub end_of_life: Option<Dated>,
    /// An account setting the model needs.
    #[serde(default)]
    pub account_setting: Option<String>,
    /// The model a source names as this one's replacement (the end-of-life warning suggests it).
    #[serde(default)]
    pub successor: Option<Successor>,
}

/// A replacement model, by catalog id, with its source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Successor {
    /// A catalog id.
    pub id: String,
    /// Where it comes from.
    pub source: Keys,
}

/// A current chat model of a pinned table that the catalog leaves out.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeftOut {
    /// The id as the table names it (without a geography).
    pub id: String,
    /// Why: `not-runtime` (not a Bedrock runtime id: the Mantle endpoint's ids, Claude Platform), `not-text`,
    /// `end-of-life`, `invite-only`.
    pub kind: String,
    /// The reason in words.
    pub reason: String,
}

/// The geographies a prefix may name, in documentation order.
pub const GEOS: [(&str, &str); 8] = [
    ("us", "Us"),
    ("eu", "Eu"),
    ("apac", "Apac"),
    ("au", "Au"),
    ("jp", "Jp"),
    ("global", "Global"),
    ("us-gov", "UsGov"),
    ("in", "In"),
];

/// The `Provider` variants.
pub const PROVIDERS: [&str; 10] = [
    "Anthropic",
    "AmazonNova",
    "AmazonTitan",
    "Meta",
    "Mistral",
    "Cohere",
    "DeepSeek",
    "Ai21",
    "OpenAi",
    "Other",
];

/// Reads and checks the data file.
pub fn load(path: &Path) -> Result<Data, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let data: Data = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let problems = validate(&data);
    if problems.is_empty() {
        Ok(data)
    } else {
        let mut out = format!("{}: {} problem(s)\n", path.display(), problems.len());
        for p in problems {
            let _ = writeln!(out, "  {p}");
        }
        Err(out)
    }
}

/// Whether `s` is a calendar date written `YYYY-MM-DD` (`2026-02-30` is not).
pub fn is_date(s: &str) -> bool {
    const FORMAT: &[time::format_description::BorrowedFormatItem<'_>] =
        time::macros::format_description!("[year]-[month]-[day]");
    s.len() == 10 && time::Date::parse(s, FORMAT).is_ok()
}

/// Every problem of the data: unknown source keys, unknown words, duplicate ids or consts, bad dates.
pub fn validate(data: &Data) -> Vec<String> {
    let mut out = Vec::new();
    let source = |what: &str, keys: &Keys, out: &mut Vec<String>| {
        let list = keys.list();
        if list.is_empty() {
            out.push(format!("{what}: no source"));
        }
        for k in list {
            if !data.sources.contains_key(k) {
                out.push(format!("{what}: unknown source `{k}`"));
            }
        }
    };
    for (key, s) in &data.sources {
        if s.title.trim().is_empty() || s.title.contains('[') {
            out.push(format!(
                "sources.{key}: the title must be a public name, without bracketed labels"
            ));
        }
    }
    for (name, f) in &data.families {
        if !PROVIDERS.contains(&f.provider.as_str()) {
            out.push(format!(
                "families.{name}.provider: unknown `{}`",
                f.provider
            ));
        }
        source(&format!("families.{name}.top_k"), &f.top_k.source, &mut out);
        check_top_k(&format!("families.{name}.top_k"), &f.top_k.value, &mut out);
        source(
            &format!("families.{name}.min_temperature"),
            &f.min_temperature.source,
            &mut out,
        );
        if let Some(s) = &f.max_stop_sequences {
            source(
                &format!("families.{name}.max_stop_sequences"),
                &s.source,
                &mut out,
            );
        }
    }
    let mut ids = std::collections::BTreeSet::new();
    let mut consts = std::collections::BTreeSet::new();
    for m in &data.models {
        let at = |field: &str| format!("model {}: {field}", m.id);
        if !ids.insert(m.id.as_str()) {
            out.push(at("id twice"));
        }
        if !consts.insert(m.konst.as_str())
            || !m
                .konst
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        {
            out.push(at("`const` must be a unique SCREAMING_SNAKE_CASE name"));
        }
        if !data.families.contains_key(&m.family) {
            out.push(at(&format!("unknown family `{}`", m.family)));
        }
        if m.id.contains('"') || m.name.contains('"') || m.id.is_empty() {
            out.push(at("id and name are plain text"));
        }
        if m.max_output_tokens.value == 0 {
            out.push(at("max_output_tokens must be at least 1"));
        }
        source(
            &at("max_output_tokens"),
            &m.max_output_tokens.source,
            &mut out,
        );
        source(&at("on_demand"), &m.on_demand.source, &mut out);
        source(&at("agents"), &m.agents.source, &mut out);
        source(&at("prefixes"), &m.prefixes.source, &mut out);
        for p in &m.prefixes.value {
            if !GEOS.iter().any(|(g, _)| g == p) {
                out.push(at(&format!("unknown geography `{p}`")));
            }
        }
        source(&at("reasoning"), &m.reasoning.source, &mut out);
        match &m.reasoning.value {
            Reasoning::Word(w) => {
                if !["none", "always-on", "nova", "openai", "unknown"].contains(&w.as_str()) {
                    out.push(at(&format!("unknown reasoning mode `{w}`")));
                }
            }
            Reasoning::Claude(c) => {
                if !["supported", "deprecated", "unsupported"].contains(&c.budget.as_str()) {
                    out.push(at(&format!("unknown budget `{}`", c.budget)));
                }
                if !["none", "to-high", "no-xhigh", "all"].contains(&c.efforts.as_str()) {
                    out.push(at(&format!("unknown efforts `{}`", c.efforts)));
                }
            }
        }
        if let Some(s) = &m.sampling {
            source(&at("sampling"), &s.source, &mut out);
            if let Sampling::Word(w) = &s.value
                && !["free", "defaults-only"].contains(&w.as_str())
            {
                out.push(at(&format!("unknown sampling `{w}`")));
            }
        }
        if let Some(f) = &m.exclusive_temperature_top_p {
            source(&at("exclusive_temperature_top_p"), &f.source, &mut out);
        }
        if let Some(f) = &m.top_k {
            source(&at("top_k"), &f.source, &mut out);
            check_top_k(&at("top_k"), &f.value, &mut out);
        }
        if let Some(f) = &m.min_temperature {
            source(&at("min_temperature"), &f.source, &mut out);
        }
        if let Some(f) = &m.max_stop_sequences {
            source(&at("max_stop_sequences"), &f.source, &mut out);
        }
        if let Some(l) = &m.legacy {
            source(&at("legacy"), &l.source, &mut out);
            if let Some(d) = &l.date
                && !is_date(d)
            {
                out.push(at(&format!("legacy: `{d}` is not YYYY-MM-DD")));
            }
        }
        if let Some(e) = &m.end_of_life {
            source(&at("end_of_life"), &e.source, &mut out);
            if !is_date(&e.date) {
                out.push(at(&format!("end_of_life: `{}` is not YYYY-MM-DD", e.date)));
            }
            if let Some(g) = &e.only
                && !GEOS.iter().any(|(p, _)| p == g)
            {
                out.push(at(&format!("end_of_life.only: unknown geography `{g}`")));
            }
        }
    }
    for m in &data.models {
        if let Some(s) = &m.successor {
            source(&format!("model {}: successor", m.id), &s.source, &mut out);
            if !ids.contains(s.id.as_str()) || s.id == m.id {
                out.push(format!(
                    "model {}: successor `{}` is not another catalog model",
                    m.id, s.id
                ));
            }
        }
    }
    for l in &data.left_out {
        if ![
            "not-runtime",
            "not-text",
            "end-of-life",
            "invite-only",
            "no-evidence",
        ]
        .contains(&l.kind.as_str())
        {
            out.push(format!("left_out {}: unknown kind `{}`", l.id, l.kind));
        }
        if ids.contains(l.id.as_str()) {
            out.push(format!("left_out {}: the catalog has it", l.id));
        }
    }
    out
}

fn check_top_k(at: &str, t: &TopK, out: &mut Vec<String>) {
    match t {
        TopK::Range([min, max]) if min > max => out.push(format!("{at}: min above max")),
        TopK::Word(w) if w != "unsupported" => out.push(format!(
            "{at}: `{w}`: expected [min, max] or \"unsupported\""
        )),
        _ => {}
    }
}

impl Data {
    /// The public titles of `keys`, joined with "; ".
    pub fn titles(&self, keys: &Keys) -> String {
        keys.list()
            .iter()
            .map(|k| self.sources[*k].title.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    }
}
