//! Writing `bedrock-catalog.toml`: sorted, one table per model, per model and region, and per profile.

use super::{AccountCatalog, FORMAT, is_date};
use std::borrow::Cow;
use std::fmt::Write as _;

const HEADER: &str = "\
# bedrock-catalog.toml: what Amazon Bedrock listed for this account, written by `bedrock-profiles catalog sync`.
# Commit it. A model's `max_output_tokens` may be added by hand; later syncs keep it.
";

pub(super) fn to_toml(catalog: &AccountCatalog) -> String {
    let mut out = String::with_capacity(256 + 256 * catalog.models.len());
    out.push_str(HEADER);
    // `write!` to a String cannot fail.
    let _ = writeln!(out, "format = {FORMAT}");
    let _ = writeln!(out, "regions = {}", array(&catalog.regions));
    for (id, model) in &catalog.models {
        let id = key(id);
        let _ = writeln!(out, "\n[models.{id}]");
        let _ = writeln!(out, "provider = {}", string(&model.provider));
        let _ = writeln!(out, "name = {}", string(&model.name));
        if let Some(n) = model.max_output_tokens {
            let _ = writeln!(out, "max_output_tokens = {n}");
        }
        for (region, r) in &model.regions {
            let _ = writeln!(out, "\n[models.{id}.regions.{}]", key(region));
            let _ = writeln!(out, "status = {}", string(r.status.as_str()));
            let _ = writeln!(out, "inference_types = {}", array(&r.inference_types));
            for (name, value) in [
                ("legacy", &r.legacy),
                ("end_of_life", &r.end_of_life),
                ("extended_access", &r.extended_access),
            ] {
                if let Some(date) = value {
                    let _ = writeln!(out, "{name} = {}", date_value(date));
                }
            }
        }
    }
    for (id, profile) in &catalog.profiles {
        let _ = writeln!(out, "\n[profiles.{}]", key(id));
        let _ = writeln!(out, "models = {}", array(&profile.models));
        let _ = writeln!(out, "listed_in = {}", array(&profile.listed_in));
        let _ = writeln!(out, "routes_to = {}", array(&profile.routes_to));
    }
    out
}

/// A key as TOML needs it: bare when it is letters, digits, `-` and `_`, else a quoted string.
pub(super) fn key(key: &str) -> Cow<'_, str> {
    let bare = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if bare {
        Cow::Borrowed(key)
    } else {
        Cow::Owned(string(key))
    }
}

/// A TOML basic string: `"`, `\` and control characters escaped.
pub(super) fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c.is_ascii_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Sorted and without repeats, whatever order the caller kept.
fn array(items: &[String]) -> String {
    let mut sorted: Vec<&String> = items.iter().collect();
    sorted.sort();
    sorted.dedup();
    let items: Vec<String> = sorted.into_iter().map(|s| string(s)).collect();
    format!("[{}]", items.join(", "))
}

/// A date unquoted (a TOML local date); anything else quoted, which `parse` then refuses by name rather than as a
/// syntax error.
fn date_value(date: &str) -> Cow<'_, str> {
    if is_date(date) {
        Cow::Borrowed(date)
    } else {
        Cow::Owned(string(date))
    }
}
