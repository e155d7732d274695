//! `cargo xtask catalog pairs`: the test fixture of one profile per (prefix, model) pair the pinned LiteLLM table
//! lists for a catalog model, which `profile-core/tests/catalog_pairs.rs` loads expecting no error.

use crate::brief;
use crate::data::{self, Data, ModelRow};
use crate::litellm::{geos_of, listed_base_ids, sightings};
use crate::sources::{self, LiteLlm};
use std::fmt::Write as _;
use std::path::PathBuf;

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
    crate::write_whole(&path, &text)?;
    let profiles = text.lines().filter(|l| l.starts_with("[profiles.")).count();
    println!("wrote {} ({profiles} profiles)", path.display());
    Ok(())
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
