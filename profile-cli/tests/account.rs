//! The command with an account's catalog (`--account-catalog`, `./bedrock-catalog.toml`): `check` and `models`.

mod support;

use std::process::Command;
use support::{BIN, json, run, stderr, stdout};

const ACCOUNT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../profile-core/tests/files/account/bedrock-catalog.toml"
);

#[test]
fn the_account_catalog_changes_check_and_models() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("account.toml");
    std::fs::write(
        &file,
        "[profiles.new]\nmodel = \"acme.unreleased-text-v1:0\"\n\
         [profiles.apac]\nmodel = \"apac.anthropic.claude-sonnet-4-6\"\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    // Without the catalog: the account-only model is unknown, the apac. profile is not refused.
    let out = run(&["check", path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("unknown model `acme.unreleased-text-v1:0`"),
        "{}",
        stderr(&out)
    );
    assert!(
        !stderr(&out).contains("no synced region"),
        "{}",
        stderr(&out)
    );
    // With it (the flag, then the default file in the current directory): the reverse.
    for (args, cwd) in [
        (vec!["check", path, "--account-catalog", ACCOUNT], None),
        (vec!["check", path], Some(dir.path())),
    ] {
        if cwd.is_some() {
            std::fs::copy(ACCOUNT, dir.path().join("bedrock-catalog.toml")).unwrap();
        }
        let mut command = Command::new(BIN);
        command.args(&args);
        if let Some(cwd) = cwd {
            command.current_dir(cwd);
        }
        let out = command.output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(!err.contains("unknown model"), "{err}");
        assert!(
            err.contains("no synced region of your account lists the cross-region inference profile `apac.anthropic.claude-sonnet-4-6`"),
            "{err}"
        );
    }
    // A malformed catalog: exit 2, naming the file, line and key.
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "format = 2\n").unwrap();
    let out = run(&["check", path, "--account-catalog", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with(&format!("error: {}:1:", bad.display())),
        "{}",
        stderr(&out)
    );

    // `models` marks what came from the account.
    let table = stdout(&run(&["models", "--account-catalog", ACCOUNT]));
    assert!(
        table.contains(
            "(with your account's catalog, bedrock-catalog.toml: synced eu-west-1, us-east-1"
        ),
        "{table}"
    );
    assert!(
        table.contains("    account: us-east-1 LEGACY (ON_DEMAND, PROVISIONED), legacy 2025-10-01, extended access 2026-01-15, end of life 2026-03-01"),
        "{table}"
    );
    let only = table
        .lines()
        .find(|l| l.starts_with("acme.unreleased-text-v1:0"))
        .expect(&table);
    assert!(only.ends_with("(account only)"), "{only}");
    let rows = json(&run(&["models", "--json", "--account-catalog", ACCOUNT]));
    let rows = rows.as_array().unwrap();
    let acme = rows
        .iter()
        .find(|r| r["id"] == "acme.unreleased-text-v1:0")
        .unwrap();
    assert_eq!(acme["from"], "account");
    assert_eq!(acme["account"]["regions"]["us-east-1"]["status"], "ACTIVE");
    let sonnet = rows
        .iter()
        .find(|r| r["id"] == "anthropic.claude-sonnet-4-6")
        .unwrap();
    assert_eq!(sonnet["from"], "catalog");
    assert_eq!(
        sonnet["account"]["profiles"][0],
        "eu.anthropic.claude-sonnet-4-6"
    );
    // Without a catalog, no account fields.
    let plain = json(&run(&["models", "--json"]));
    assert!(
        plain
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["account"].is_null())
    );
}
