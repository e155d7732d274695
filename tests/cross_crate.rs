//! `..BASE` where BASE lives in another crate: builds and runs the two crates of `tests/cross-crate/`.
// These tests pin the rules on models past their end of life too: their profiles warn (`deprecated`).
#![allow(deprecated)]

use std::path::Path;
use std::process::Command;

#[test]
fn derives_from_another_crates_profiles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), Into::into)
        .join("cross-crate");
    let output = Command::new(env!("CARGO"))
        .args([
            "run",
            "--quiet",
            "-p",
            "cross-crate-derived",
            "--manifest-path",
        ])
        .arg(root.join("tests/cross-crate/Cargo.toml"))
        .env("CARGO_TARGET_DIR", target)
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            "warmer Some(\"anthropic.claude-3-5-sonnet-20241022-v2:0\") Some(\"Long and careful answers\") \
             Some(0.9) Some(8000) [\"Human:\"]",
            "next-warm Some(\"acme.next-v1:0\") None Some(0.9) Some(50) []",
        ]
    );
}
