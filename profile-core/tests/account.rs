//! The account's catalog (`bedrock-catalog.toml`) in force while a file loads: models the crate does not know,
//! cross-region profiles the account lists or does not, AWS's lifecycle dates.
// The fixture's models include one past its end of life in the crate's catalog.
#![allow(deprecated)]

use bedrock_profiles_core::files::{self, Declarations, Format, LoadError};
use bedrock_profiles_core::models::account::{AccountCatalog, with_account};
use std::sync::Arc;

const CATALOG: &str = include_str!("files/account/bedrock-catalog.toml");

fn account() -> AccountCatalog {
    AccountCatalog::parse(CATALOG).unwrap()
}

fn load_with(account: Option<AccountCatalog>, source: &str) -> Result<Declarations, LoadError> {
    with_account(account.map(Arc::new), || {
        files::parse("bedrock.toml", source, Format::Toml)
    })
}

fn messages(result: Result<Declarations, LoadError>) -> Vec<String> {
    match result {
        Ok(_) => Vec::new(),
        Err(e) => e
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.key_path, e.message))
            .collect(),
    }
}

#[test]
fn a_model_only_the_account_lists_is_accepted() {
    let source = "[profiles.p]\nmodel = \"acme.unreleased-text-v1:0\"\nmax_tokens = 100000\n";
    let without = messages(load_with(None, source));
    assert_eq!(without.len(), 1, "{without:?}");
    assert!(
        without[0].starts_with("profiles.p.model: unknown model `acme.unreleased-text-v1:0`")
            && without[0].contains(
                "`bedrock-profiles catalog sync --region <region>` writes `bedrock-catalog.toml`"
            ),
        "{without:?}"
    );
    // With the file: accepted, and with no `max_output_tokens` in it the output limit is not checked.
    let d = load_with(Some(account()), source).unwrap();
    assert_eq!(
        d.profiles[0].profile.model.as_ref().unwrap().id(),
        "acme.unreleased-text-v1:0"
    );
    // A limit added to the file by hand is checked.
    let mut limited = account();
    limited
        .models
        .get_mut("acme.unreleased-text-v1:0")
        .unwrap()
        .max_output_tokens = Some(8000);
    let errors = messages(load_with(Some(limited), source));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("max_tokens") && errors[0].contains("8000"),
        "{errors:?}"
    );
}

#[test]
fn a_model_neither_lists_names_the_synced_regions() {
    let errors = messages(load_with(
        Some(account()),
        "[profiles.p]\nmodel = \"acme.missing-v1:0\"\n",
    ));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains(
            "`bedrock-catalog.toml` (synced: eu-west-1, us-east-1) does not list it either"
        ),
        "{errors:?}"
    );
}

#[test]
fn cross_region_ids_follow_the_accounts_profiles() {
    // Listed: accepted, with no word on what the crate's sources list.
    for id in [
        "eu.anthropic.claude-sonnet-4-6",
        "global.anthropic.claude-sonnet-4-6",
        "us.anthropic.claude-3-5-sonnet-20240620-v1:0",
    ] {
        let d = load_with(
            Some(account()),
            &format!("[profiles.p]\nmodel = \"{id}\"\n"),
        )
        .unwrap_or_else(|e| panic!("{id}: {}", e.render(false)));
        let prefix_warnings: Vec<String> = d
            .warnings()
            .iter()
            .map(ToString::to_string)
            .filter(|w| w.contains("no source lists"))
            .collect();
        assert!(prefix_warnings.is_empty(), "{id}: {prefix_warnings:?}");
    }
    // Not listed in any synced region: AWS's answer for the account says no.
    let errors = messages(load_with(
        Some(account()),
        "[profiles.p]\nmodel = \"apac.anthropic.claude-sonnet-4-6\"\n",
    ));
    assert_eq!(
        errors,
        [
            "profiles.p.model: no synced region of your account lists the cross-region inference profile \
          `apac.anthropic.claude-sonnet-4-6` (`bedrock-catalog.toml` synced eu-west-1, us-east-1; \
          ListInferenceProfiles); it lists `eu.anthropic.claude-sonnet-4-6`, \
          `global.anthropic.claude-sonnet-4-6`, `us.anthropic.claude-sonnet-4-6` for this model; if another \
          region serves it, add that region: `bedrock-profiles catalog sync --region <region>`"
        ]
    );
    // Without the file the same id is only a warning at most (the crate's sources may not list it yet).
    assert!(
        load_with(
            None,
            "[profiles.p]\nmodel = \"apac.anthropic.claude-sonnet-4-6\"\n"
        )
        .is_ok()
    );
}

#[test]
fn the_accounts_lifecycle_replaces_the_crates_dates() {
    // Warnings read the catalog in force when they are asked for, as the command and the macros do.
    let warnings = |account: Option<AccountCatalog>, source: &str| -> Vec<String> {
        with_account(account.map(Arc::new), || {
            let d = files::parse("bedrock.toml", source, Format::Toml).unwrap();
            d.warnings().iter().map(ToString::to_string).collect()
        })
    };
    // The crate's catalog has its own date for Claude 3.5 Sonnet v2; the account's dates replace it.
    let v2 = "[profiles.p]\nmodel = \"anthropic.claude-3-5-sonnet-20241022-v2:0\"\n";
    let crate_only = warnings(None, v2);
    assert!(
        crate_only
            .iter()
            .any(|w| w.contains("reaches end of life on Bedrock on")),
        "{crate_only:?}"
    );
    let mut legacy = account();
    let model = legacy.models["anthropic.claude-3-5-sonnet-20240620-v1:0"].clone();
    legacy
        .models
        .insert("anthropic.claude-3-5-sonnet-20241022-v2:0".into(), model);
    assert_eq!(
        warnings(Some(legacy), v2),
        [
            "2:1: profiles.p.model: anthropic.claude-3-5-sonnet-20241022-v2:0 is LEGACY in your account (us-east-1; \
          `bedrock-catalog.toml`, from ListFoundationModels), legacy since 2025-10-01, public extended access from \
          2026-01-15, end of life on 2026-03-01; move to a current model (`bedrock-profiles models` lists them)"
        ]
    );
    // Listed as active with no dates in every synced region: AWS says nothing is ending, so nothing is said.
    let active = warnings(
        Some(account()),
        "[profiles.p]\nmodel = \"anthropic.claude-sonnet-4-6\"\n",
    );
    assert!(active.is_empty(), "{active:?}");
}

#[test]
fn the_catalog_is_in_force_only_inside_with_account() {
    let source = "[profiles.p]\nmodel = \"acme.unreleased-text-v1:0\"\n";
    assert!(load_with(Some(account()), source).is_ok());
    assert!(files::parse("f", source, Format::Toml).is_err());
    // Put back after a panic too.
    let caught = std::panic::catch_unwind(|| {
        with_account(Some(Arc::new(account())), || panic!("inside"));
    });
    assert!(caught.is_err());
    assert!(files::parse("f", source, Format::Toml).is_err());
}

#[test]
fn read_names_the_file_line_and_key() {
    let dir = std::env::temp_dir().join(format!("bp-account-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bedrock-catalog.toml");
    std::fs::write(
        &path,
        CATALOG.replace("status = \"LEGACY\"", "status = \"RETIRED\""),
    )
    .unwrap();
    let e = AccountCatalog::read(&path).unwrap_err();
    assert!(
        e.starts_with(&format!("{}:23:", path.display()))
            && e.contains(
                "models.\"anthropic.claude-3-5-sonnet-20240620-v1:0\".regions.us-east-1.status"
            ),
        "{e}"
    );
    let missing = AccountCatalog::read(&dir.join("none.toml")).unwrap_err();
    assert!(
        missing.starts_with("cannot read the account's catalog"),
        "{missing}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_base_id_the_account_lists_without_on_demand_is_an_error() {
    let mut profile_only = account();
    for region in profile_only
        .models
        .get_mut("anthropic.claude-sonnet-4-6")
        .unwrap()
        .regions
        .values_mut()
    {
        region.inference_types = vec!["INFERENCE_PROFILE".into()];
    }
    let errors = messages(load_with(
        Some(profile_only.clone()),
        "[profiles.p]\nmodel = \"anthropic.claude-sonnet-4-6\"\n",
    ));
    assert_eq!(
        errors,
        [
            "profiles.p.model: your account lists `anthropic.claude-sonnet-4-6` without on-demand invocation in \
          eu-west-1, us-east-1 (inferenceTypesSupported: INFERENCE_PROFILE; `bedrock-catalog.toml`, from \
          ListFoundationModels); call it through a cross-region inference profile: \
          `eu.anthropic.claude-sonnet-4-6`, `global.anthropic.claude-sonnet-4-6`, `us.anthropic.claude-sonnet-4-6`"
        ]
    );
    // Its cross-region profiles stay fine; and where one synced region serves it on demand, so does the base id.
    assert!(
        load_with(
            Some(profile_only.clone()),
            "[profiles.p]\nmodel = \"us.anthropic.claude-sonnet-4-6\"\n"
        )
        .is_ok()
    );
    profile_only
        .models
        .get_mut("anthropic.claude-sonnet-4-6")
        .unwrap()
        .regions
        .get_mut("eu-west-1")
        .unwrap()
        .inference_types = vec!["ON_DEMAND".into()];
    assert!(
        load_with(
            Some(profile_only),
            "[profiles.p]\nmodel = \"anthropic.claude-sonnet-4-6\"\n"
        )
        .is_ok()
    );
}
