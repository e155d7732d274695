//! Crates outside this workspace, built and run from `tests/cross-crate/`: `..BASE` where BASE lives in another
//! crate, and every macro called through a crate that re-exports the facade (`crate = path`).
// These tests pin the rules on models past their end of life too: their profiles warn (`deprecated`).
#![allow(deprecated)]

use std::path::Path;
use std::process::Command;

/// Builds and runs `package` of `tests/cross-crate/`; its standard output.
fn run(package: &str) -> String {
    run_with_stderr(package).0
}

/// Builds and runs `package` of `tests/cross-crate/`; its standard output and cargo's standard error.
fn run_with_stderr(package: &str) -> (String, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), Into::into)
        .join("cross-crate");
    let output = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "-p", package, "--manifest-path"])
        .arg(root.join("tests/cross-crate/Cargo.toml"))
        .env("CARGO_TARGET_DIR", target)
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// `cross-crate-reexported` depends on `cross-crate-sdk` alone, which re-exports the facade as `bp`: each macro,
/// given `crate = cross_crate_sdk::bp` (or `$crate::bp` in the sdk's own `macro_rules!`), generates code that
/// compiles without `::bedrock_profiles`.
#[test]
fn every_macro_works_through_a_reexporting_crate() {
    let stdout = run("cross-crate-reexported");
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            "fast Some(0.5) Some(500) []",
            "faster Some(0.1) Some(500) [(\"team\", \"search\")]",
            "fast-copy Some(0.5) Some(100) []",
            "wrapped Some(0.7) Some(200) []",
            "from-file Some(0.2) None []",
            "Hello Ada, you are 36",
            "support",
            "Hi Bo",
        ]
    );
}

#[test]
fn derives_from_another_crates_profiles() {
    let stdout = run("cross-crate-derived");
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            "warmer Some(\"anthropic.claude-3-5-sonnet-20241022-v2:0\") Some(\"Long and careful answers\") \
             Some(0.9) Some(8000) [\"Human:\"]",
            "next-warm Some(\"acme.next-v1:0\") None Some(0.9) Some(50) []",
        ]
    );
}

/// Without the `account-catalog` feature a `bedrock-catalog.toml` at the crate root is not read, and not in
/// silence: each macro warns.
#[test]
fn a_catalog_the_build_cannot_read_is_a_warning() {
    let (stdout, stderr) = run_with_stderr("cross-crate-unread");
    assert_eq!(stdout, "anthropic.claude-sonnet-4-6\n");
    assert!(
        stderr.contains(
            "`bedrock-catalog.toml` (your account's catalog) is not read: turn on the `account-catalog` feature \
             of bedrock-profiles (or `files`) to check models against it"
        ),
        "{stderr}"
    );
}
