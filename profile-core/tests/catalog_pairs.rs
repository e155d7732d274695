//! No false errors: every name the pinned LiteLLM table lists for a catalog model (`<geo>.<id>` per cross-region
//! prefix, and the base id where LiteLLM lists it) loads without an error. The fixture
//! `files/litellm-pairs.toml` is written by `cargo xtask catalog pairs` from the committed LiteLLM snapshot and the
//! catalog's data file; `xtask/tests/tables.rs` checks that it is up to date.

use bedrock_profiles_core::files::{self, Format};

const FIXTURE: &str = include_str!("files/litellm-pairs.toml");

/// A pair LiteLLM lists (only the `eu.` profile of Claude Haiku 4.5 has a deprecation date there), so that the
/// fixture cannot silently be empty.
const KNOWN: &str = "eu.anthropic.claude-haiku-4-5-20251001-v1:0";

#[test]
fn every_litellm_pair_loads_without_errors() {
    let loaded = files::parse("litellm-pairs.toml", FIXTURE, Format::Toml);
    let declarations = match loaded {
        Ok(d) => d,
        Err(e) => panic!(
            "{} LiteLLM name(s) refused:\n{}",
            e.errors.len(),
            e.render(false)
        ),
    };
    // Warnings (a prefix no source lists yet, an end of life) are allowed: they never refuse a name.
    for warning in declarations.warnings() {
        eprintln!("warning: {warning}");
    }
    let models: Vec<&str> = declarations
        .profiles
        .iter()
        .filter_map(|p| p.profile.model.as_ref().map(|m| m.id()))
        .collect();
    assert_eq!(
        models.len(),
        declarations.profiles.len(),
        "every profile names a model"
    );
    assert!(models.contains(&KNOWN), "{KNOWN} is missing: {models:?}");
}

#[test]
fn the_fixture_lists_the_known_pair() {
    let line = format!("model = \"{KNOWN}\"");
    assert!(
        FIXTURE.lines().any(|l| l.trim() == line),
        "files/litellm-pairs.toml has no `{line}`: run `cargo xtask catalog pairs`"
    );
    let profiles = FIXTURE
        .lines()
        .filter(|l| l.starts_with("[profiles."))
        .count();
    assert!(
        profiles >= 100,
        "files/litellm-pairs.toml has only {profiles} profiles"
    );
}
